-- Waiting-list figures: one row per printed value (report tables and dashboard key:value cells);
-- figures printed in sentences (int_prose_facts) are rows with source_kind = 'prose'.
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
    trend,
    reporting_council_gss as reporting_council,
    subject_council_gss as subject_council,
    subject_council_source,
    service_area,
    service_code,
    service_text,
    provider_commissioner,
    age_band,
    district,
    period_id,
    period_type,
    as_of_date,
    period_start,
    period_end,
    period_source,
    measure_source,
    measure_text,
    'table' as source_kind
from {{ ref('int_facts') }} f
-- a row's part ('of which autism and ADHD', 'Priority 3') is a part the waiting-times facts have
-- no column for: left in dq_unclassified_values (a district's figure, 'Cheltenham | 541' under a
-- county's list, is a fact with its district)
where domain = 'waiting_times' and {{ waiting_times_part('f') }} is null and {{ in_batch('pack_id') }}
union all by name
-- columns a sentence does not give (the row, the column, the subject breakdown) are null
select
    fact_id, pack_id, document_id, source_line, measure, value, unit, value_text, value_status,
    value_type,
    reporting_council_gss as reporting_council, subject_council_gss as subject_council,
    subject_council_source, service_area, service_code,
    period_id, period_type, as_of_date, period_start, period_end, period_source, measure_source,
    source_kind, number_text, value_qualifier, value_high, comparison_value, comparison_period_id
from {{ ref('int_prose_facts') }}
where domain = 'waiting_times' and {{ in_batch('pack_id') }}
