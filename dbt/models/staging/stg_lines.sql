-- Every line of every pack (1-based line_number), as printed.
select
    pack_id,
    line_number,
    text,
    has_tab,
    trim(regexp_replace(regexp_replace(text, '<[^>]+>', ' ', 'g'), '\*\*|\s+', ' ', 'g')) as clean_text
from {{ source('raw', 'lines') }}
