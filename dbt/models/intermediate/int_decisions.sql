-- Every decision of a pack in one shape: table rows (int_table_decisions) and prose
-- (int_prose_decisions), with a stable key and the reference normalised (PH41/2015 ->
-- PH/41/2015). A prose decision has no reference of its own; a decision reference it mentions
-- (the call-in of PH41/2015) is its related_reference.
with table_decisions as (
    select
        pack_id, document_id, source_table_id, row_index as position, 0 as sentence_seq,
        source_line, source_last_line, kind, reference_printed, title, decision_text,
        item_source_text, description, subject, null::varchar as minute_number, decision_maker,
        cabinet_member, decision_date, decision_date_text, anticipated_month, anticipated_text,
        status, response, target_date, target_date_text, officer, progress,
        null::varchar as related_reference_printed, 0 as n_list_items
    from {{ batch(ref('int_table_decisions')) }}
),
prose_decisions as (
    select
        pack_id, document_id, null::varchar as source_table_id, paragraph_seq as position, sentence_seq,
        source_line, source_last_line, kind, null::varchar as reference_printed, null::varchar as title,
        decision_text, decision_text as item_source_text, null::varchar as description, subject,
        minute_number, decision_maker, null::varchar as cabinet_member, decision_date, decision_date_text,
        null::date as anticipated_month, null::varchar as anticipated_text, null::varchar as status,
        null::varchar as response, null::date as target_date, null::varchar as target_date_text,
        null::varchar as officer, null::varchar as progress, related_reference_printed, n_list_items
    from {{ batch(ref('int_prose_decisions')) }}
),
unioned as (
    select * from table_decisions
    union all by name
    select * from prose_decisions
)
select
    {{ surrogate_key(['u.pack_id', "coalesce(u.source_table_id, 'prose')", 'u.source_line', 'u.kind', 'u.sentence_seq']) }}
        as decision_id,
    u.*,
    {{ normalised_decision_reference('u.reference_printed') }} as reference,
    {{ normalised_decision_reference('u.related_reference_printed') }} as related_reference
from unioned u
