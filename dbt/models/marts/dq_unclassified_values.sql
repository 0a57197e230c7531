-- Numbers printed in waiting-times, complaints and placements tables whose measure the table's
-- words do not name (int_observations with no measure): kept with their pack, line and the texts
-- around them for the data-quality report, never guessed into a fact.
select
    {{ surrogate_key(['o.pack_id', 'o.table_id', 'o.row_index', 'o.col_index', 'o.part', 'o.component']) }}
        as value_id,
    o.pack_id,
    o.document_id,
    o.table_id as source_table_id,
    o.line_number as source_line,
    o.domain,
    o.component,
    o.value,
    o.value_text,
    o.row_label,
    o.row_text_cells,
    o.column_name,
    o.caption_text,
    o.document_title,
    case when o.is_comparator
         then 'a comparator''s figure (England, a region, statistical neighbours), printed beside the council''s own'
         else 'no measure named by the cell key, column header, row label, caption, heading or title'
              || case when o.base_measure is not null then ' for this part of an encoded cell' else '' end
    end as reason
from {{ batch(ref('int_observations')) }} o
where o.measure is null
