-- Children looked after, entries to / exits from care, placement mix, care leavers, edge of care:
-- one row per printed value. Benchmark rows carry their own subject council; age bands,
-- cohorts (segment: children who came into care after a child protection plan) and breakdowns
-- (legal status, reason for leaving care) are columns of their own.
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
    subject_council_source,
    service_area,
    age_band,
    segment,
    breakdown,
    is_total,
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
    measure_text,
    'table' as source_kind
from {{ ref('int_facts') }}
where domain = 'placements' and {{ in_batch('pack_id') }}
union all by name
-- columns a sentence does not give (the row, the column, the subject breakdown) are null
select
    fact_id, pack_id, document_id, source_line, measure, value, unit, value_text, value_status,
    value_type,
    reporting_council_gss as reporting_council, subject_council_gss as subject_council,
    subject_council_source, service_area, fiscal_year,
    period_id, period_type, as_of_date, period_start, period_end, period_source, measure_source,
    source_kind, number_text, value_qualifier, value_high, comparison_value, comparison_period_id,
    breakdown, is_total
from {{ ref('int_prose_facts') }}
where domain = 'placements' and {{ in_batch('pack_id') }}
