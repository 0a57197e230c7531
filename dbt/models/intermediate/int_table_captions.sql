-- The caption a table's values inherit from: the caption lines above it plus the text of its
-- top-left header cell (often a title: 'Waiting lists (% waiting ...) Data as of ...').
select
    t.pack_id,
    t.table_id,
    concat_ws(' | ', t.caption, nullif(h.cell_text, '')) as caption_text,
    nullif(h.cell_text, '') as label_header
from {{ ref('int_tables') }} t
left join {{ ref('stg_table_cells') }} h
  on h.table_id = t.table_id and h.is_header and h.col_index = 0 and h.part = 0
where {{ in_batch('t.pack_id') }}
