-- Complaints, compliments, comments, enquiries, ombudsman and FOI figures: one row per printed value.
-- Encoded cells give several rows: '9 (1U & 2PU)' is received 9, upheld 1, partially upheld 2.
-- Figures printed in sentences (int_prose_facts) are rows with source_kind = 'prose'.
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
    service_area,
    service_code,
    case when row_role = 'detail' and theme is null and fiscal_year_from_row is null then row_label end
        as service_text,
    theme,
    stage,
    procedure,
    segment,
    row_role = 'total' as is_total,
    row_role = 'comparison' as is_comparison,
    row_label,
    column_name,
    period_id,
    period_type,
    fiscal_year,
    fiscal_quarter,
    period_start,
    period_end,
    as_of_date,
    period_source,
    measure_source,
    'table' as source_kind,
    null::varchar as value_qualifier,
    null::double as value_high,
    null::double as comparison_value,
    null::varchar as comparison_period_id
from (
    select *, case when period_source like '%row_label%' then fiscal_year end as fiscal_year_from_row
    from {{ ref('int_facts') }}
    where domain = 'complaints'
)
union all by name
select
    fact_id, pack_id, document_id, null::varchar as source_table_id, source_line, measure, value, unit,
    value_text, value_status, value_type, reporting_council_gss as reporting_council,
    subject_council_gss as subject_council, service_area, service_code, null::varchar as service_text,
    null::varchar as theme, null::varchar as stage, null::varchar as procedure, null::varchar as segment,
    false as is_total, false as is_comparison, null::varchar as row_label, null::varchar as column_name,
    period_id, period_type, fiscal_year, null::integer as fiscal_quarter, period_start, period_end,
    as_of_date, period_source, measure_source,
    source_kind,
    value_qualifier,
    value_high,
    comparison_value,
    comparison_period_id
from {{ ref('int_prose_facts') }}
where domain = 'complaints'
