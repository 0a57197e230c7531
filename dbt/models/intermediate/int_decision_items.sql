-- The numbered / lettered items of each decision, in order: 'RESOLVED – That: a) ... b) ...',
-- 'The Committee agreed: 1. ... 2. ...', a recommendations list '2.1 ... 2.2 ...', or items
-- printed inside one paragraph or table cell ('1. To agree ... 2. To work ... 3. To authorise').
--
-- Items printed as paragraphs come from int_decision_blocks, each with its own lines (and its
-- sub-items: '(i)' '(ii)' under 'b)' are part of item b). Otherwise
-- a decision's text is cut at labels that open a paragraph or follow the end of a clause
-- ('. ', '; ', ': ', ' – ', 'and', 'or', 'That'): the labels must count 1, 2, 3 (a, b, c; i, ii, iii) in one style from the
-- first, and at least two of them; a label out of turn ('paragraph 3.' inside an item) stays in
-- its item's text. Such items cite the lines of their decision.
with decisions as (
    select * from {{ batch(ref('int_decisions')) }}
),
paragraph_items as (
    -- a sub-item ('(i)' under 'b)') stays in the text of its item
    select
        d.decision_id,
        any_value(d.pack_id) as pack_id,
        b.item_seq,
        arg_min(b.item_label, b.part) as item_label,
        arg_min(b.item_label_printed, b.part) as item_label_printed,
        string_agg(case when b.is_main_item then b.item_text
                        else coalesce(b.item_label_printed || ' ', '') || b.item_text end,
                   ' ' order by b.part) as item_text,
        min(b.first_line) as source_line,
        max(b.last_line) as source_last_line
    from decisions d
    join {{ batch(ref('int_decision_blocks')) }} b
      on b.pack_id = d.pack_id and b.starter_seq = d.position and d.source_table_id is null
     and d.sentence_seq = 0 and b.mode = 'list' and b.item_seq is not null
    group by d.decision_id, b.item_seq
),
-- decisions without paragraph items: candidate labels marked in their text
marked as (
    select
        decision_id, pack_id, source_line, source_last_line,
        string_split(
            regexp_replace(item_source_text,
                '(^|\n|[.;:]\s+|\s[-–—]\s+|\s(?:and|or|that|That)\s+)(\(?(?:[0-9]{1,2}|[A-Za-z]|[ivxIVX]{2,5})[.)])\s+',
                '\1' || chr(30) || '\2' || chr(31), 'g'),
            chr(30)) as parts
    from decisions
    where n_list_items = 0 and item_source_text is not null
),
candidates as (
    select
        decision_id, pack_id, source_line, source_last_line,
        unnest(parts) as part,
        generate_subscripts(parts, 1) - 1 as candidate_seq   -- 0 is the text before any label
    from marked
    where len(parts) > 2
),
parsed as (
    select
        *,
        split_part(part, chr(31), 1) as label_printed,
        lower(regexp_replace(split_part(part, chr(31), 1), '[().]', '', 'g')) as label_core,
        trim(split_part(part, chr(31), 2)) as label_text
    from candidates
    where candidate_seq > 0
),
styled as (
    select
        p.*,
        first_value({{ decision_list_style('p.label_core') }}) over w as list_style
    from parsed p
    window w as (partition by decision_id order by candidate_seq)
),
checked as (
    select
        *,
        -- in turn: the label counts on from the ones before it, in the first label's style
        bool_and(coalesce({{ decision_label_ordinal('label_core', 'list_style') }} = candidate_seq, false)) over (
            partition by decision_id order by candidate_seq rows between unbounded preceding and current row
        ) as in_turn
    from styled
),
grouped as (
    -- a label out of turn goes back into the text of the item before it
    select
        *,
        max(case when in_turn then candidate_seq end) over (
            partition by decision_id order by candidate_seq rows between unbounded preceding and current row
        ) as item_seq
    from checked
),
inline_items as (
    select
        decision_id,
        any_value(pack_id) as pack_id,
        item_seq,
        arg_min(label_core, candidate_seq) as item_label,
        arg_min(label_printed, candidate_seq) as item_label_printed,
        trim(string_agg(case when in_turn then label_text else label_printed || ' ' || label_text end,
                        ' ' order by candidate_seq)) as item_text,
        any_value(source_line) as source_line,
        any_value(source_last_line) as source_last_line
    from grouped
    where item_seq is not null
    group by decision_id, item_seq
),
inline_kept as (
    select i.*
    from inline_items i
    semi join (select decision_id from inline_items group by all having count(*) >= 2) using (decision_id)
)
select
    {{ surrogate_key(['decision_id', 'item_seq']) }} as decision_item_id,
    decision_id,
    pack_id,
    item_seq,
    item_label,
    item_label_printed,
    trim(regexp_replace(item_text, '\s+', ' ', 'g')) as item_text,
    source_line,
    source_last_line
from (
    select * from paragraph_items
    union all by name
    select * from inline_kept
)
