-- Every line of every pack (1-based line_number), as printed.
select
    pack_id,
    line_number,
    text,
    has_tab,
    -- most lines hold no tag, bold mark, tab or run of spaces: trim() alone gives the same text
    case when regexp_matches(text, '[<*\t\n\r\f\v]|\s\s')
         then trim(regexp_replace(regexp_replace(text, '<[^>]+>', ' ', 'g'), '\*\*|\s+', ' ', 'g'))
         else trim(text) end as clean_text
from {{ source('raw', 'lines') }}
