-- published as provenance.documents (warehouse/publish.py copies raw.documents there): the name BI models read
select * from {{ source('raw', 'documents') }}
