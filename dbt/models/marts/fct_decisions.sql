-- One row per decision: a committee resolution with all its items, a decision noted, an
-- executive decision, a forward-plan item or a recommendation, with its printed lines. A tracker
-- row that prints again a decision of the pack's minutes names it (repeats_decision_id,
-- int_decision_repeats): counting the rows where it is null counts each decision once.
with items as (
    select decision_id, count(*) as n_items
    from {{ ref('int_decision_items') }}
    group by decision_id
)
select
    d.decision_id,
    d.pack_id,
    d.document_id,
    d.source_table_id,
    d.source_line,
    d.source_last_line,
    d.kind,
    d.reference,
    d.reference_printed,
    d.related_reference,
    r.repeats_decision_id,
    d.title,
    d.subject,
    d.minute_number,
    d.decision_text,
    coalesce(i.n_items, 0) as n_items,
    d.description,
    coalesce(d.decision_maker, d.cabinet_member) as decision_maker,
    d.cabinet_member,
    d.decision_date,
    d.decision_date_text,
    d.anticipated_month,
    d.anticipated_text,
    d.status,
    d.response,
    d.target_date,
    d.target_date_text,
    d.officer,
    d.progress,
    p.council_id as reporting_council,
    p.meeting_id,
    p.meeting_date
from {{ ref('int_decisions') }} d
join {{ ref('dim_pack') }} p using (pack_id)
left join items i using (decision_id)
left join {{ batch(ref('int_decision_repeats')) }} r using (decision_id)
where {{ in_batch('d.pack_id') }}
