-- One row per decision, forward-plan item, committee resolution or recommendation.
select
    d.decision_id,
    d.pack_id,
    d.document_id,
    d.source_table_id,
    d.source_line,
    d.kind,
    d.reference,
    d.reference_printed,
    d.title,
    d.summary,
    coalesce(d.decision_maker, d.cabinet_member) as decision_maker,
    d.cabinet_member,
    d.decision_date,
    d.decision_date_text,
    d.anticipated_month,
    d.anticipated_text,
    d.status,
    d.target_date,
    d.target_date_text,
    d.officer,
    d.progress,
    p.council_id as reporting_council,
    p.meeting_id,
    p.meeting_date
from {{ ref('int_decisions') }} d
join {{ ref('dim_pack') }} p using (pack_id)
where {{ in_batch('d.pack_id') }}
