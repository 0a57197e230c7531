-- Complaints, compliments, comments, enquiries, ombudsman and FOI figures: one row per printed value.
-- Encoded cells give several rows: '9 (1U & 2PU)' is received 9, upheld 1, partially upheld 2.
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
    measure_source
from (
    select *, case when period_source like '%row_label%' then fiscal_year end as fiscal_year_from_row
    from {{ ref('int_facts') }}
    where domain = 'complaints' and {{ in_batch('pack_id') }}
)
