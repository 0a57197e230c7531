-- published as provenance.packs (warehouse/publish.py copies raw.packs there): the name BI models read
select * from {{ source('raw', 'packs') }}
