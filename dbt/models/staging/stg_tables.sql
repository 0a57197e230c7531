-- One row per logical table. column_names is kept as a list; header_text joins it for matching.
select
    pack_id,
    table_id,
    seq,
    document_id,
    first_line,
    last_line,
    lower(layout) as layout,
    nullif(trim(caption), '') as caption,
    caption_first_line,
    nullif(trim(as_of_text), '') as as_of_text,
    header_first_line,
    header_last_line,
    column_names,
    array_to_string(column_names, ' | ') as header_text,
    n_columns,
    n_header_rows,
    n_body_rows
from {{ source('raw', 'tables') }}
