-- published as provenance.lines (warehouse/publish.py copies raw.lines there): the name BI models read
select * from {{ source('raw', 'lines') }}
