-- One row per report / appendix / minutes / agenda inside a pack.
select
    pack_id,
    document_id,
    seq,
    lower(trim(kind)) as kind,
    nullif(trim(regexp_replace(title, '\s+', ' ', 'g')), '') as title,
    nullif(trim(officer), '') as officer,
    first_line,
    last_line,
    marker
from {{ source('raw', 'documents') }}
