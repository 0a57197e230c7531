-- Observations resolved into fact rows: period (with where it came from), councils, service,
-- value (tokens such as 'N/A' / '-' become 0 only where the row or column total proves it),
-- and a stable fact_id.
with obs as (
    select o.*, p.council as reporting_council_text, p.meeting_date, p.file_name
    from {{ ref('int_observations') }} o
    join {{ ref('stg_packs') }} p using (pack_id)
    where {{ in_batch('o.pack_id') }}
),
-- row proof: quarters + a total column in the same printed line
row_sums as (
    select table_id, row_index, part, component,
           sum(value) filter (where quarter is not null and value_kind <> 'token') as q_sum,
           count(*) filter (where quarter is not null and value_kind = 'token') as q_tokens,
           max(value) filter (where is_total_col and value_kind <> 'token') as total_value
    from obs
    group by all
),
-- column proof: detail rows of a block against the block's total row
col_sums as (
    select table_id, col_index, block_index, part, component,
           sum(value) filter (where row_role = 'detail' and value_kind <> 'token') as detail_sum,
           max(value) filter (where row_role = 'total' and value_kind <> 'token') as total_value
    from obs
    group by all
),
valued as (
    select
        o.*,
        case
            when o.value_kind <> 'token' then o.value
            when o.token_meaning = 'zero_if_proven' and o.unit = 'count' and (
                   (o.quarter is not null and rs.total_value is not null
                    and coalesce(rs.q_sum, 0) = rs.total_value)
                or (o.row_role = 'detail' and cs.total_value is not null
                    and coalesce(cs.detail_sum, 0) = cs.total_value))
                then 0
        end as resolved_value,
        case
            when o.value_kind <> 'token' then 'printed'
            when o.token_meaning = 'zero_if_proven' and o.unit = 'count' and (
                   (o.quarter is not null and rs.total_value is not null
                    and coalesce(rs.q_sum, 0) = rs.total_value)
                or (o.row_role = 'detail' and cs.total_value is not null
                    and coalesce(cs.detail_sum, 0) = cs.total_value))
                then 'zero_proven_by_total'
            else 'null_token'
        end as value_status
    from obs o
    left join row_sums rs using (table_id, row_index, part, component)
    left join col_sums cs using (table_id, col_index, block_index, part, component)
),
periods as (
    select
        v.*,
        -- fiscal year: column, row label, caption, heading above, document title
        coalesce(v.col_fy, v.row_fy, {{ fy_start_year('v.caption_text') }}, v.heading_fy_start_year,
                 {{ fy_start_year('v.document_title') }}) as fy_start_year,
        case when v.col_fy is not null then 'column'
             when v.row_fy is not null then 'row_label'
             when {{ fy_start_year('v.caption_text') }} is not null then 'caption'
             when v.heading_fy_start_year is not null then 'heading'
             when {{ fy_start_year('v.document_title') }} is not null then 'document_title' end as fy_source,
        coalesce(v.col_as_of, last_day(v.col_month), v.row_as_of, {{ as_of_date('v.as_of_text', loose=true) }},
                 {{ as_of_date('v.caption_text') }}, v.heading_as_of_date,
                 {{ as_of_date('v.document_title') }}) as printed_as_of,
        case when v.col_as_of is not null or v.col_month is not null then 'column'
             when v.row_as_of is not null then 'row_label'
             when {{ as_of_date('v.as_of_text', loose=true) }} is not null then 'as_of_text'
             when {{ as_of_date('v.caption_text') }} is not null then 'caption'
             when v.heading_as_of_date is not null then 'heading'
             when {{ as_of_date('v.document_title') }} is not null then 'document_title' end as as_of_source
    from valued v
),
shaped as (
    select
        p.*,
        -- waiting lists and placements are stocks: an as-of date wins over a fiscal year;
        -- complaints are flows over a fiscal year or quarter
        case
            when p.domain <> 'complaints' and p.printed_as_of is not null then 'as_of'
            when p.fy_start_year is not null and p.quarter is not null then 'fiscal_quarter'
            when p.fy_start_year is not null then 'fiscal_year'
            when p.printed_as_of is not null then 'as_of'
            else 'meeting_date'
        end as period_type
    from periods p
)
select
    {{ surrogate_key(['s.pack_id', 's.table_id', 's.row_index', 's.col_index', 's.part', 's.component', 's.measure']) }}
        as fact_id,
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
    -- councils
    rc.council_id as reporting_council_gss,
    coalesce(s.row_gss_code, rc.council_id) as subject_council_gss,
    case when s.row_gss_code is not null then 'row_label' else 'reporting_council' end as subject_council_source,
    -- service
    coalesce(s.row_service_code, gs.service_code, s.col_service_code,
             case when s.cell_key is not null or s.row_label is null then cs.service_code end) as service_code,
    s.group_label,
    coalesce(s.row_service_area, s.col_service_area, ca.service_area, s.heading_service_area, ta.service_area,
             svc.service_area) as service_area,
    s.row_label,
    s.column_name,
    s.cell_key,
    s.row_role,
    s.row_measure,
    s.row_text_cells,
    s.col_measure,
    s.row_fy is not null as row_is_period,
    s.col_fy is not null or s.col_as_of is not null or s.col_month is not null as col_is_period,
    s.col_service_code,
    s.row_service_code,
    s.quarter is not null or s.is_total_col as is_period_column,
    s.is_total_col,
    -- period
    s.period_type,
    case s.period_type
        when 'fiscal_quarter' then {{ fq_start('s.fy_start_year', 's.quarter') }}
        when 'fiscal_year' then make_date(s.fy_start_year, 4, 1)
    end as period_start,
    case s.period_type
        when 'fiscal_quarter' then {{ fq_end('s.fy_start_year', 's.quarter') }}
        when 'fiscal_year' then make_date(s.fy_start_year + 1, 3, 31)
    end as period_end,
    case s.period_type
        when 'as_of' then s.printed_as_of
        when 'meeting_date' then s.meeting_date
    end as as_of_date,
    case s.period_type
        when 'fiscal_quarter' then 'FY' || {{ fy_label('s.fy_start_year') }} || '-Q' || s.quarter
        when 'fiscal_year' then 'FY' || {{ fy_label('s.fy_start_year') }}
        when 'as_of' then 'D' || strftime(s.printed_as_of, '%Y-%m-%d')
        else 'D' || strftime(s.meeting_date, '%Y-%m-%d')
    end as period_id,
    case when s.period_type in ('fiscal_year', 'fiscal_quarter') then {{ fy_label('s.fy_start_year') }} end
        as fiscal_year,
    case when s.period_type = 'fiscal_quarter' then s.quarter end as fiscal_quarter,
    case s.period_type
        when 'fiscal_quarter' then case when s.quarter is not null then 'column' end || '+' || s.fy_source
        when 'fiscal_year' then s.fy_source
        when 'as_of' then s.as_of_source
        else 'meeting_date' end as period_source,
    -- complaint stage / procedure where printed (column, row, caption, heading above)
    coalesce(
        nullif(regexp_extract(concat_ws(' | ', s.column_name, s.row_label), '(?i)\bstage\s*([1-3])\b', 1), ''),
        nullif(regexp_extract(coalesce(s.caption_text, ''), '(?i)\bstage\s*([1-3])\b', 1), ''),
        nullif(regexp_extract(coalesce(s.context_text, ''), '(?i)\bstage\s*([1-3])\b', 1), '')
    ) as stage,
    lower(coalesce(
        nullif(regexp_extract(coalesce(s.caption_text, ''), '(?i)\b(statutory|corporate)\b', 1), ''),
        nullif(regexp_extract(coalesce(s.context_text, ''), '(?i)\b(statutory|corporate)\b', 1), ''))) as procedure,
    -- the row is a theme when the label column is headed 'Themes' / 'Nature of Complaint'
    case when regexp_matches(coalesce(s.label_header, ''), '(?i)theme|nature') and s.row_role = 'detail'
         then trim(regexp_replace(s.row_label, '\s*\([^)]*\)\s*$', '')) end as theme,
    -- 'Paediatric Speech and Language Therapy - Blackpool CCG': the commissioner after the dash
    nullif(trim(regexp_extract(coalesce(s.caption_text, ''),
        '(?i)[-–]\s*([A-Za-z&'' ]*\b(CCG|ICB|Trust|NHS))\s*(\||$)', 1)), '') as provider_commissioner,
    -- a division / partner printed in the caption, the heading above or the label header (seed segment_patterns)
    seg.segment,
    s.caption_text,
    s.label_header,
    s.context_text,
    s.document_title
from shaped s
join {{ ref('int_pack_councils') }} rc on rc.pack_id = s.pack_id
left join lateral (
    select arg_max(sa.service_code, sa.priority) as service_code
    from {{ ref('service_aliases') }} sa
    where regexp_matches(coalesce(s.caption_text, ''), sa.pattern)
      and not regexp_matches(sa.pattern, '\^')
) cs on true
left join lateral (
    select arg_max(sa.service_code, sa.priority) as service_code
    from {{ ref('service_aliases') }} sa
    where regexp_matches(coalesce(s.group_label, s.label_header, ''), sa.pattern)
) gs on true
left join lateral (
    select case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from {{ ref('service_area_patterns') }} p
    where regexp_matches(coalesce(s.caption_text, ''), p.pattern)
) ca on true
left join lateral (
    select string_agg(distinct sp.segment, ',' order by sp.segment) as segment
    from {{ ref('segment_patterns') }} sp
    where regexp_matches(concat_ws(' | ', s.label_header, s.caption_text,
                                   regexp_extract(coalesce(s.context_text, ''), '[^/]*$')), sp.pattern)
) seg on true
left join (select service_code, any_value(service_area) as service_area
           from {{ ref('service_aliases') }} group by service_code) svc
  on svc.service_code = coalesce(s.row_service_code, gs.service_code, s.col_service_code,
             case when s.cell_key is not null or s.row_label is null then cs.service_code end)
left join lateral (
    select case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from {{ ref('service_area_patterns') }} p
    where regexp_matches(coalesce(s.document_title, ''), p.pattern)
) ta on true
