-- depends_on: {{ ref('decision_line_patterns') }}
-- Decisions a pack prints twice: a row of a tracker or action log (a table row outside the
-- minutes, dated by the meeting that took the decision) that prints again a decision the pack's
-- minutes of that meeting record. The row repeats the minuted decision when its text, compared
-- without case, spacing, punctuation or markup (decision_text_key), is the same as a part of it
-- printed whole:
--   * the minuted decision's whole text;
--   * one of its items (int_decision_items: item 1 of 'The Committee agreed: 1. ... 2. ...');
--   * its text after the opener (seed decision_line_patterns role opener): 'To receive a written
--     response ...' of 'The Committee agreed to receive a written response ...', 'That Ms Algie
--     ...' of 'The Committee agreed: That Ms Algie ...', 'That a report ...' of 'RESOLVED – That
--     a report ...'.
-- No other part of a decision is matched: a row whose text only overlaps one links nothing.
-- Several minuted decisions alike (minutes printed twice): the row repeats the first printed. A
-- decision printed again in another pack is not linked. One pack's rows from its own decisions.
with decisions as (
    select d.*, doc.kind as document_kind
    from {{ batch(ref('int_decisions')) }} d
    left join {{ batch(ref('stg_documents')) }} doc using (pack_id, document_id)
),
repeating as (
    select decision_id, pack_id, decision_date, {{ decision_text_key('decision_text') }} as text_key
    from decisions
    where source_table_id is not null
      and coalesce(document_kind, '') <> 'minutes'
      and decision_date is not null
),
minuted as (
    select decision_id, pack_id, decision_date, sentence_seq, source_line, decision_text
    from decisions
    where document_kind = 'minutes' and decision_date is not null
),
units as (   -- what of a minuted decision a tracker row may print whole, best first
    select decision_id, 1 as unit_rank, decision_text as unit_text from minuted
    union all
    select i.decision_id, 2 as unit_rank, i.item_text as unit_text
    from {{ batch(ref('int_decision_items')) }} i
    semi join minuted m using (decision_id)
    union all
    select decision_id, 3 as unit_rank, {{ decision_role_cut('opener', 'decision_text') }} as unit_text
    from minuted
),
unit_keys as (
    select decision_id, unit_rank, {{ decision_text_key('unit_text') }} as text_key
    from units
),
matches as (
    select
        r.decision_id,
        r.pack_id,
        m.decision_id as repeats_decision_id,
        row_number() over (
            partition by r.decision_id order by m.source_line, m.sentence_seq, u.unit_rank, m.decision_id
        ) as rn
    from repeating r
    join minuted m on m.pack_id = r.pack_id and m.decision_date = r.decision_date
    join unit_keys u on u.decision_id = m.decision_id and u.text_key = r.text_key
    where r.text_key <> ''
)
select decision_id, pack_id, repeats_decision_id
from matches
where rn = 1
