-- Children looked after, entries to / exits from care, placement mix, care leavers, edge of care:
-- one row per printed value. Benchmark rows carry their own subject council. Figures printed in
-- sentences (int_prose_facts) are rows with source_kind = 'prose'.
select
    fact_id,
    pack_id,
    document_id,
    source_table_id,
    source_line,
    measure,
    value,
    unit,
    value_text,
    value_status,
    value_type,
    reporting_council_gss as reporting_council,
    subject_council_gss as subject_council,
    subject_council_source,
    service_area,
    -- what the row or column breaks the measure down by (placement type, reason, age band, ...)
    case
        when subject_council_source = 'row_label' then nullif(column_name, '')
        when row_role = 'detail' then concat_ws(' / ', row_label, nullif(column_name, ''))
    end as breakdown,
    row_label,
    column_name,
    period_id,
    period_type,
    as_of_date,
    period_start,
    period_end,
    fiscal_year,
    period_source,
    measure_source,
    'table' as source_kind,
    null::varchar as value_qualifier,
    null::double as value_high,
    null::double as comparison_value,
    null::varchar as comparison_period_id
from {{ ref('int_facts') }}
where domain = 'placements'
union all by name
select
    fact_id, pack_id, document_id, null::varchar as source_table_id, source_line, measure, value, unit,
    value_text, value_status, value_type, reporting_council_gss as reporting_council,
    subject_council_gss as subject_council, subject_council_source, service_area,
    null::varchar as breakdown, null::varchar as row_label, null::varchar as column_name,
    period_id, period_type, as_of_date, period_start, period_end, fiscal_year, period_source, measure_source,
    source_kind,
    value_qualifier,
    value_high,
    comparison_value,
    comparison_period_id
from {{ ref('int_prose_facts') }}
where domain = 'placements'
