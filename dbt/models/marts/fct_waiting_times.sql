-- Waiting-list figures: one row per printed value (report tables and dashboard key:value cells).
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
    measure_source
from {{ ref('int_facts') }}
where domain = 'waiting_times' and {{ in_batch('pack_id') }}
