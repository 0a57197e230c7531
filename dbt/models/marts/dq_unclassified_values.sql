-- Numbers printed in waiting-times, complaints and placements tables whose measure the table's
-- words do not name (int_observations with no measure), and the numbers of tables whose own words
-- name no domain though their document's title does (int_table_domains.weak_domain), and the
-- waiting-times figures of a part (a district, 'of which ...': fct_waiting_times has no column
-- for it): kept with
-- their pack, line and the texts around them for the data-quality report, never guessed into a fact.
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
         when o.is_share_total
         then 'the total row of a column of shares: 100% by construction, no figure of its own'
         when o.names_none_of_captions
         then 'the caption names several measures at once and this row or column names none of them'
         when o.row_unlabelled_among_parts
         then 'a row with no label among rows naming the table''s ' || o.row_dimension
              || 's: its figures are of none of them, and not the whole'
         when o.is_time_band
         then 'one of several time bands the table prints (such as ''Within 10 working days'' beside ''Within 20 working days''): which is the timescale its words do not say'
         else 'no measure named by the cell key, column header, row label, caption, heading or title'
              || case when o.base_measure is not null then ' for this part of an encoded cell' else '' end
    end as reason
from {{ batch(ref('int_observations')) }} o
where o.measure is null

union all
-- a waiting list's figure for one district of the council, or a row's part ('of which autism and
-- ADHD'): fct_waiting_times has no column for them
select
    {{ surrogate_key(['f.pack_id', 'f.source_table_id', 'f.source_row', 'f.source_col', 'f.source_part', 'f.component']) }}
        as value_id,
    f.pack_id,
    f.document_id,
    f.source_table_id,
    f.source_line,
    f.domain,
    f.component,
    f.value,
    f.value_text,
    f.row_label,
    f.row_text_cells,
    f.column_name,
    f.caption_text,
    f.document_title,
    {{ waiting_times_part('f') }} || ': the waiting-times facts have no column for it' as reason
from {{ batch(ref('int_facts')) }} f
where f.domain = 'waiting_times' and {{ waiting_times_part('f') }} is not null

union all
select
    {{ surrogate_key(['a.pack_id', 'a.table_id', 'a.row_index', 'a.col_index', 'a.part', 'a.component']) }}
        as value_id,
    a.pack_id,
    t.document_id,
    a.table_id as source_table_id,
    a.line_number as source_line,
    d.weak_domain as domain,
    a.component,
    a.value,
    a.value_text,
    a.row_label,
    r.row_text_cells,
    a.column_name,
    cap.caption_text,
    t.document_title,
    'the table''s own words (caption, headings, columns, rows) name no subject of this warehouse; '
        || 'only its document''s title or a stray label does (' || d.weak_domain || ')' as reason
from {{ batch(ref('int_cell_atoms')) }} a
join {{ batch(ref('int_table_domains')) }} d using (table_id)
join {{ batch(ref('int_tables')) }} t using (table_id)
join {{ batch(ref('int_table_captions')) }} cap using (table_id)
join {{ batch(ref('int_table_rows')) }} r using (table_id, row_index)
where d.weak_domain is not null and a.value is not null and not a.in_text_column
  and r.row_role <> 'subheader'
