-- Observations that name a measure, resolved into fact rows: the value, its period
-- (int_fact_periods), what it is about (int_fact_subjects), a stable fact_id and figure_key.
--
-- One rule for printed tokens (seed value_tokens): 'none' ('-', '--', NIL, None) is 0 in a count
-- cell and null elsewhere; 'not_applicable' (N/A) and 'unknown' (Not known, TBC) are always null.
-- figure_key names the figure a value is a printing of: the same council, measure, value type,
-- period and subject (service area, service, theme, district, age band, segment, stage,
-- procedure, breakdown) give the same key wherever and however often it is printed. A council
-- not in the register ('unknown') is its printed name (none printed: its pack): two such
-- councils' figures are no printings of one figure.
{% set subject_parts = ["case when s.subject_council_gss = 'unknown' then coalesce('unknown:' || lower(trim(s.reporting_council_text)), 'pack:' || s.pack_id) else s.subject_council_gss end",
                        's.value_type', 's.period_id', 's.service_area',
                        "coalesce(s.service_key, lower(s.service_text))", 'lower(s.theme)',
                        'lower(s.district)', "regexp_replace(lower(s.age_band), '[^0-9a-z+]+', '', 'g')",
                        's.segment', 's.stage', 's.procedure', 'lower(s.breakdown)'] %}
with obs as (
    select o.*, p.council as reporting_council_text, p.meeting_date
    from {{ batch(ref('int_observations')) }} o
    join {{ batch(ref('stg_packs')) }} p using (pack_id)
    where o.measure is not null
),
joined as (
    select
        o.*,
        pr.period_type, pr.period_start, pr.period_end, pr.as_of_date, pr.period_id, pr.fiscal_year,
        pr.fiscal_quarter, pr.period_source,
        su.row_subject_council, su.service_code, su.service_key, su.service_text, su.service_area, su.theme,
        su.district, su.age_band, su.segment, su.stage, su.procedure, su.provider_commissioner,
        su.breakdown, su.row_is_service, su.row_names_reporting_council,
        rc.council_id as reporting_council_gss
    from obs o
    join {{ batch(ref('int_fact_periods')) }} pr using (pack_id, table_id, row_index, col_index, part, component)
    join {{ batch(ref('int_fact_subjects')) }} su using (pack_id, table_id, row_index, col_index, part, component)
    join {{ batch(ref('int_pack_councils')) }} rc on rc.pack_id = o.pack_id
),
-- a table whose caption gives its figures to an area of several councils ('Children waiting,
-- Leicester, Leicestershire and Rutland', 'LLR-wide'): they are the councils' together
shared_tables as (
    select t.table_id
    from (select distinct table_id, caption_text from obs) t
    where {{ names_shared_area('t.caption_text') }}
),
-- a table whose note under it says what its dash means ('- = service not provided', '- = not
-- applicable (corporate procedure only)'; var dash_not_applicable_note): its dashes are no zeros
dash_noted_tables as (
    select distinct n.table_id
    from {{ batch(ref('int_table_notes')) }} n
    where regexp_matches(n.note_text, '{{ var("dash_not_applicable_note") }}')
),
valued as (
    select
        j.*,
        -- a detail row naming the reporting council among rows of its districts ('Cherwell |
        -- Oxford City | ... | Oxfordshire') is their total
        coalesce(j.row_role = 'detail' and j.row_names_reporting_council
                 and bool_or(j.district is not null) over (partition by j.table_id), false)
            as totals_its_districts,
        case when j.value_kind <> 'token' then j.value
             when j.dash_is_zero then 0 end
            as resolved_value,
        case when j.value_kind <> 'token' then 'printed'
             when j.token_meaning = 'suppressed' then 'suppressed'
             when j.dash_is_zero then 'zero_token'
             else 'null_token' end as value_status,
        coalesce(j.row_subject_council, case when j.shared_area then 'several' end, j.reporting_council_gss)
            as subject_council_gss
    from (
        -- a row that withholds a small number ('<5') prints a dash for what it also withholds
        -- (the upheld of fewer than 5), not for none: its dashes are no zeros
        -- and a dash in a target column sets no target (it is no target of 0), nor one in a
        -- period not over by the meeting ('Q4' of the year the meeting is in: not yet, no 0)
        select j.*,
               j.token_meaning = 'none' and j.unit = 'count' and j.value_type is distinct from 'target'
                   and not coalesce(j.period_end > j.meeting_date, false)
                   and j.table_id not in (select table_id from dash_noted_tables)
                   and not coalesce(bool_or(j.token_meaning = 'suppressed')
                                        over (partition by j.table_id, j.row_index), false)
                   as dash_is_zero,
               j.table_id in (select table_id from shared_tables) as shared_area
        from joined j
    ) j
)
select
    {{ surrogate_key(['s.pack_id', 's.table_id', 's.row_index', 's.col_index', 's.part', 's.component', 's.measure']) }}
        as fact_id,
    {{ surrogate_key(['s.measure'] + subject_parts) }}
        as figure_key,
    -- the same, less the measure: the figures printed about one subject and period (a percentage
    -- beside its counts, 'upheld or partially upheld' beside upheld and partially upheld)
    {{ surrogate_key(subject_parts) }}
        as subject_key,
    s.pack_id,
    s.document_id,
    s.table_id as source_table_id,
    s.line_number as source_line,
    s.row_index as source_row,
    s.col_index as source_col,
    s.part as source_part,
    s.domain,
    s.measure,
    s.unit,
    s.component,
    s.value_type,
    s.resolved_value as value,
    s.value_text,
    s.value_status,
    s.trend,
    s.measure_source,
    s.measure_text,
    -- councils
    s.reporting_council_gss,
    s.subject_council_gss,
    case when s.row_subject_council is not null then 'row_label'
         when s.shared_area then 'shared_area' else 'reporting_council' end
        as subject_council_source,
    -- what the value is about
    s.service_area,
    s.service_code,
    s.service_text,
    s.theme,
    s.district,
    s.age_band,
    s.segment,
    s.stage,
    s.procedure,
    s.provider_commissioner,
    s.breakdown,
    s.group_label,
    -- the printed row and column, and what they are
    s.row_label,
    s.column_name,
    s.cell_key,
    case when s.totals_its_districts then 'total' else s.row_role end as row_role,
    -- a total row (also an earlier year's 'Comparison Totals' row), or a total column beside the
    -- figures it adds up: the same row, measure, unit, value type and period ('Total' after the
    -- districts). A year total beside its quarters has a period of its own and is the year's
    -- figure, not a total of figures of its period.
    s.row_is_total
        or s.totals_its_districts
        or (coalesce(s.is_total_col, false)
            and bool_or(not coalesce(s.is_total_col, false)) over (
                partition by s.table_id, s.row_index, s.measure, s.unit, s.value_type, s.period_id))
        as is_total,
    s.row_role = 'comparison' as is_comparison,
    s.row_measure,
    s.row_text_cells,
    s.col_measure,
    s.row_fy is not null or (s.row_month is not null or s.row_month_number is not null)
        or s.row_quarter is not null as row_is_period,
    s.col_fy is not null or s.col_as_of is not null
        or (s.col_month is not null or s.col_label_month is not null or s.col_month_number is not null) as col_is_period,
    s.col_service_code,
    s.row_service_code,
    s.row_is_service,
    s.quarter is not null or s.is_total_col as is_period_column,
    s.is_total_col,
    -- period
    s.period_type,
    s.period_start,
    s.period_end,
    s.as_of_date,
    s.period_id,
    s.fiscal_year,
    s.fiscal_quarter,
    s.period_source,
    -- texts the meaning was read from
    s.caption_text,
    s.label_header,
    s.context_text,
    s.document_title
from valued s
