-- Reports, appendices, minutes and agendas inside each pack.
select
    document_id,
    pack_id,
    seq,
    kind,
    title,
    officer,
    first_line,
    last_line,
    marker
from {{ ref('stg_documents') }}
where {{ in_batch('pack_id') }}
