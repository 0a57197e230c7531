select * from {{ source('raw', 'packs') }}
