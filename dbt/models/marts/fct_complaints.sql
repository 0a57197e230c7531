-- Complaints, compliments, comments, enquiries, remedies, ombudsman and FOI figures: one row per
-- printed value. Encoded cells give several rows: '9 (1U & 2PU)' is received 9, upheld 1,
-- partially upheld 2. figure_key groups the printings of one figure (see bi.figures).
-- Figures printed in sentences (int_prose_facts) are rows with source_kind = 'prose'.
select
    fact_id,
    figure_key,
    subject_key,
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
    service_text,
    theme,
    district,
    stage,
    procedure,
    segment,
    -- (this table has no age band column: a row's age band, '85 and over' under 'Age band', is
    -- its breakdown)
    coalesce(breakdown, age_band) as breakdown,
    is_total,
    is_comparison,
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
    measure_text,
    'table' as source_kind
from {{ ref('int_facts') }}
where domain = 'complaints' and {{ in_batch('pack_id') }}
union all by name
-- columns a sentence does not give (the row, the column, the subject breakdown) are null
select
    fact_id, pack_id, document_id, source_line, measure, value, unit, value_text, value_status,
    value_type,
    reporting_council_gss as reporting_council, subject_council_gss as subject_council,
    service_area, service_code, fiscal_year,
    period_id, period_type, as_of_date, period_start, period_end, period_source, measure_source,
    source_kind, number_text, value_qualifier, value_high, comparison_value, comparison_period_id,
    theme, segment, stage, procedure, breakdown, fiscal_quarter, is_total
from {{ ref('int_prose_facts') }}
where domain = 'complaints' and {{ in_batch('pack_id') }}
