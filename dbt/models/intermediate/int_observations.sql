-- One row per value printed in a waiting-times, complaints or placements table, with everything a
-- fact needs: canonical measure and unit, period, service, councils, and provenance.
-- Meaning is inherited in order: cell key / column header / row label (best seed priority wins),
-- then the caption, then the headings above the table and the document title.
with atoms as (
    select a.*, d.domain
    from {{ ref('int_cell_atoms') }} a
    join {{ ref('int_table_domains') }} d using (table_id)
    where d.domain in ('waiting_times', 'complaints', 'placements')
      and {{ in_batch('a.pack_id') }}
),
ctx as (
    select
        a.*,
        t.document_id, t.caption, t.as_of_text, t.context_text, t.document_title,
        t.heading_fy_start_year, t.heading_as_of_date, t.heading_service_area,
        cap.caption_text, cap.label_header,
        r.row_role, r.block_index, r.group_label, r.row_text_cells, r.service_code as row_service_code,
        r.service_area as row_service_area, r.subject_gss_code as row_gss_code,
        r.fy_start_year as row_fy, r.as_of_date as row_as_of,
        c.quarter, c.is_total_col, c.fy_start_year as col_fy, c.as_of_date as col_as_of,
        c.month_start as col_month, c.value_type as col_value_type,
        c.service_area as col_service_area, c.service_code as col_service_code
    from atoms a
    join {{ ref('int_tables') }} t using (table_id)
    join {{ ref('int_table_captions') }} cap using (table_id)
    join {{ ref('int_table_rows') }} r using (table_id, row_index)
    left join {{ ref('int_table_columns') }} c using (table_id, col_index)
    where r.row_role <> 'subheader'
),
measured as (
    select
        x.*,
        -- a key:value cell's own key decides; otherwise the best of column header and row label
        -- (+ the row's other text cells) by seed priority, ties going to the column
        coalesce(mk.measure, (select arg_max(m.measure, m.priority * 10 + s.rank_bonus)
           from (values (x.column_name, 2),
                        (concat_ws(' | ', x.row_label, x.row_text_cells), 1)) as s(text, rank_bonus)
           join {{ ref('int_measure_texts') }} m
             on m.domain = x.domain and m.slot = 'label' and m.text = s.text and m.kind = x.cell_kind
        )) as label_measure,
        mr.measure as row_measure,
        mcol.measure as col_measure,
        mc.measure as caption_measure,
        mx.measure as context_measure,
        mt.measure as title_measure
    from ctx x
    left join {{ ref('int_measure_texts') }} mk
      on mk.domain = x.domain and mk.slot = 'label' and mk.text = x.cell_key and mk.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} mcol
      on mcol.domain = x.domain and mcol.slot = 'label' and mcol.kind = x.cell_kind and mcol.text = x.column_name
    left join {{ ref('int_measure_texts') }} mr
      on mr.domain = x.domain and mr.slot = 'label' and mr.kind = x.cell_kind
     and mr.text = concat_ws(' | ', x.row_label, x.row_text_cells)
    left join {{ ref('int_measure_texts') }} mc
      on mc.domain = x.domain and mc.slot = 'caption' and mc.text = x.caption_text and mc.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} mx
      on mx.domain = x.domain and mx.slot = 'fallback' and mx.text = x.context_text and mx.kind = x.cell_kind
    left join {{ ref('int_measure_texts') }} mt
      on mt.domain = x.domain and mt.slot = 'fallback' and mt.text = x.document_title and mt.kind = x.cell_kind
),
based as (
    select
        *,
        coalesce(label_measure, caption_measure, context_measure, title_measure) as base_measure,
        case when label_measure is not null then 'label'
             when caption_measure is not null then 'caption'
             when context_measure is not null then 'heading'
             when title_measure is not null then 'document_title' end as measure_source
    from measured
),
component_measured as (
    select
        b.*,
        case when b.component in ('value', 'actual') then b.base_measure
             else coalesce(cm.measure, cs.measure) end as measure
    from based b
    left join {{ ref('component_measures') }} cm
      on cm.base_measure = b.base_measure and cm.component = b.component
    left join {{ ref('component_measures') }} cs
      on cs.base_measure = '*' and cs.component = b.component
)
select
    x.*,
    mc.unit,
    coalesce(case when x.component = 'actual' then 'reported' end, x.col_value_type, 'reported')
        as value_type
from component_measured x
left join {{ ref('measure_catalogue') }} mc using (measure)
where x.measure is not null
