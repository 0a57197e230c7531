-- Waiting-list figures: one row per printed value (report tables and dashboard key:value cells);
-- figures printed in sentences (int_prose_facts) are rows with source_kind = 'prose'.
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
    trend,
    reporting_council_gss as reporting_council,
    subject_council_gss as subject_council,
    subject_council_source,
    service_code,
    coalesce(case when row_role = 'detail' then row_label end, caption_text) as service_text,
    provider_commissioner,
    period_id,
    period_type,
    as_of_date,
    period_start,
    period_end,
    period_source,
    measure_source,
    'table' as source_kind,
    null::varchar as value_qualifier,
    null::double as value_high,
    null::double as comparison_value,
    null::varchar as comparison_period_id
from {{ ref('int_facts') }}
where domain = 'waiting_times'
union all by name
select
    fact_id, pack_id, document_id, null::varchar as source_table_id, source_line, measure, value, unit,
    value_text, value_status, value_type, null::varchar as trend, reporting_council_gss as reporting_council,
    subject_council_gss as subject_council, subject_council_source, service_code,
    null::varchar as service_text, null::varchar as provider_commissioner,
    period_id, period_type, as_of_date, period_start, period_end, period_source, measure_source,
    source_kind,
    value_qualifier,
    value_high,
    comparison_value,
    comparison_period_id
from {{ ref('int_prose_facts') }}
where domain = 'waiting_times'
