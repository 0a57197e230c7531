-- Decisions written as paragraphs (int_decision_paragraphs): one row per paragraph of a decision
-- block, the block's starter first (part 0), then its members in order.
--
-- A block starts at an opener ('RESOLVED – That ...', 'The Committee agreed ...') or a list
-- heading ('2.0 Recommendation(s):'). A lead-in ('RESOLVED – That:', 'The Committee agreed:',
-- 'RESOLVED', a list heading) takes the paragraphs under it:
--   * a list: items in one style ('1.' '2.', 'a)' 'b)', '(i)' '(ii)', '2.1' '2.2', bullets)
--     whose labels count 1, 2, 3 ... without a gap, with any sub-items of another style under
--     an item ('(i)' '(ii)' under 'b)'); the list ends at the first paragraph that does not
--     continue it (a heading, 'Background Papers', the next minute);
--   * or, if no list follows, the 'That ...' / 'To ...' paragraphs right under it; a 'That the
--     Committee:' paragraph under it that leads into a list takes the list ('Resolved' /
--     'That the Committee:' / '1. Notes the report.').
-- An opener whose sentence is not finished ('RESOLVED that the Committee') takes a list that
-- follows it too. A lead-in with nothing under it that reads as its text is no decision. A short
-- paragraph shaped like a heading ('15. Work Programme') is never an item. Blocks stay inside
-- their document; one pack's rows from its own paragraphs.
with paragraphs as (
    select
        *,
        -- an item, unless it is a short heading ('3. Exclusion of the Public')
        is_item and not (is_heading_shape and length(text) <= 80) as is_list_item,
        opener_kind is not null or list_heading_kind is not null as is_starter
    from {{ batch(ref('int_decision_paragraphs')) }}
),
-- the paragraphs from a starter on, each with the starter above it in its document; a paragraph
-- with no starter above it (most of a pack's) can be in no block, and is left here rather than
-- carried through the joins below
placed as (
    select *
    from (
        select
            *,
            last_value(case when is_starter then paragraph_seq end ignore nulls) over (
                partition by pack_id, document_id order by paragraph_seq
                rows between unbounded preceding and current row
            ) as starter_seq
        from paragraphs
    )
    where starter_seq is not null
),
-- an opener printing the first item of a list whose next item is the paragraph right under it
-- ('RESOLVED - (i) That the Council be recommended ...' over '(ii) That the Council ...')
opener_items as (
    select o.pack_id, o.paragraph_seq as starter_seq, o.item_core, o.item_label, o.item_text
    from (
        select p.pack_id, p.document_id, p.paragraph_seq,
               lower(regexp_extract(p.text, '{{ opener_first_item_re() }}', 2)) as item_core,
               regexp_extract(p.text, '{{ opener_first_item_re() }}', 1) as item_label,
               regexp_extract(p.text, '{{ opener_first_item_re() }}', 3) as item_text
        from placed p
        where p.opener_kind is not null and regexp_matches(p.text, '{{ opener_first_item_re() }}')
    ) o
    join placed f
      on f.pack_id = o.pack_id and f.document_id = o.document_id and f.paragraph_seq = o.paragraph_seq + 1
    where f.is_list_item
      and {{ decision_list_style('f.item_core') }} = {{ decision_list_style('o.item_core') }}
      and {{ decision_label_ordinal('f.item_core', decision_list_style('o.item_core')) }}
          = {{ decision_label_ordinal('o.item_core', decision_list_style('o.item_core')) }} + 1
),
starters as (
    select
        s.pack_id,
        s.paragraph_seq as starter_seq,
        s.is_lead_in,
        s.opener_kind is not null as is_opener,
        -- how the paragraph right under the starter goes on: a list (in the style of its first
        -- label), 'That ...' paragraphs (under a lead-in only), or nothing
        case
            when fi.pack_id is not null then 'list'
            when (f.is_list_item or f.is_bullet)
                 and (s.is_lead_in or not regexp_matches(s.text, '[.!?]["”’)]?$')) then 'list'
            when s.is_lead_in and f.is_body and not f.is_heading_shape and l.pack_id is not null then 'list'
            when s.is_lead_in and f.is_body and not f.is_heading_shape then 'body'
        end as mode,
        -- the list's first item: right under the starter, or under a 'That ...:' paragraph
        -- that leads into it ('Resolved' / 'That the Committee:' / '1. Notes the ...')
        coalesce(fi.item_core, case when f.is_list_item or f.is_bullet then f.item_core end, l.item_core) as first_item_core,
        coalesce(f.is_list_item or f.is_bullet, false) or l.pack_id is not null as opens_list,
        coalesce(case when f.is_list_item or f.is_bullet then f.is_list_item end, l.is_list_item) as first_is_list_item,
        l.pack_id is not null as has_body_lead_in,
        -- the opener printed the list's first item ('RESOLVED - (i) That ...' over '(ii) That ...')
        fi.pack_id is not null as first_item_in_opener,
        fi.item_core as opener_item_core,
        fi.item_label as opener_item_label,
        fi.item_text as opener_item_text
    from placed s
    left join placed f
      on f.pack_id = s.pack_id and f.document_id = s.document_id and f.paragraph_seq = s.paragraph_seq + 1
    left join placed l
      on l.pack_id = f.pack_id and l.document_id = f.document_id and l.paragraph_seq = f.paragraph_seq + 1
     and f.is_body and regexp_matches(f.text, ':-?\s*$') and (l.is_list_item or l.is_bullet)
    left join opener_items fi
      on fi.pack_id = s.pack_id and fi.starter_seq = s.paragraph_seq
    where s.is_starter
),
styled_starters as (
    select
        *,
        case when opens_list then {{ decision_list_style('first_item_core') }} end as list_style,
        case when opens_list and first_is_list_item then {{ decision_label_section('first_item_core') }} end as list_section
    from starters
),
members as (
    select
        p.*,
        p.paragraph_seq - s.starter_seq as part,
        s.mode,
        s.has_body_lead_in,
        s.list_style,
        s.list_section,
        s.first_item_in_opener,
        {{ decision_label_ordinal('p.item_core', 's.list_style') }} as ordinal,
        list_contains(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'], p.item_core) as roman_shaped
    from placed p
    join styled_starters s on s.pack_id = p.pack_id and s.starter_seq = p.starter_seq
    where p.paragraph_seq > s.starter_seq
),
-- a list item counts in the list's own style; an item of another style between them ('(i)',
-- '(ii)' under 'a)', 'a)' under '1.') is a sub-item of the item above. In a lettered list 'i' is
-- the letter only where it comes ninth.
shaped_members as (
    select
        *,
        case
            when mode = 'list' and list_style = 'bullet' then is_bullet
            when mode = 'list' and list_style = 'letter' then
                is_list_item and ordinal is not null
                and (not roman_shaped or ordinal = 1 + count(case when is_list_item and ordinal is not null
                                                                  and not roman_shaped then 1 end) over before)
            when mode = 'list' then
                is_list_item and ordinal is not null
                and (list_section is null or {{ decision_label_section('item_core') }} = list_section)
            else false
        end as is_main_item
    from members
    window before as (partition by pack_id, starter_seq order by paragraph_seq
                      rows between unbounded preceding and 1 preceding)
),
counted_members as (
    select
        *,
        count(case when is_main_item then 1 end) over (
            partition by pack_id, starter_seq order by paragraph_seq
            rows between unbounded preceding and current row)
            + case when first_item_in_opener then 1 else 0 end as item_seq
    from shaped_members
),
checked_members as (
    select
        *,
        case
            when mode = 'body' then is_body and not is_item and not is_heading_shape
            -- the 'That the Committee:' paragraph between a lead-in and its list
            when mode = 'list' and has_body_lead_in and part = 1 then true
            when mode = 'list' and is_main_item then ordinal = item_seq or list_style = 'bullet'
            -- a sub-item under an item of the list: roman under letters, letters or roman under
            -- numbers, letters under roman, bullets under any
            when mode = 'list' and list_style <> 'bullet' and item_seq > 0 then
                is_bullet
                or (is_list_item and case list_style
                        when 'letter' then roman_shaped
                        when 'roman' then regexp_matches(item_core, '^[a-z]$') and not roman_shaped
                        else regexp_matches(item_core, '^[a-z]+$') end)
            else false
        end as continues_block
    from counted_members
),
kept_members as (
    select *
    from (
        select *, bool_and(continues_block) over (
                      partition by pack_id, starter_seq order by paragraph_seq
                      rows between unbounded preceding and current row) as in_block
        from checked_members
    )
    where in_block
),
starter_rows as (
    select p.* replace (coalesce(s.opener_item_core, p.item_core) as item_core,
                        coalesce(s.opener_item_label, p.item_label) as item_label,
                        coalesce(s.opener_item_text, p.item_text) as item_text),
           0 as part, s.mode, s.has_body_lead_in, s.list_style, s.list_section, s.first_item_in_opener,
           case when s.first_item_in_opener then 1 else 0 end as item_seq,
           s.first_item_in_opener as is_main_item, true as continues_block, true as in_block
    from placed p
    join styled_starters s on s.pack_id = p.pack_id and s.starter_seq = p.paragraph_seq
),
blocks as (
    select * from starter_rows
    union all by name
    select * from kept_members
),
sized as (
    select *, count(*) over (partition by pack_id, starter_seq) - 1 as n_members
    from blocks
),
-- a list of one item that leads into its sub-items ('2.1<TAB>That the Committee:' over '(a)'
-- and '(b)'): the sub-items are the list's items, that item their lead-in
one_item_lead_ins as (
    select pack_id, starter_seq
    from sized
    where (part > 0 or first_item_in_opener) and mode = 'list' and item_seq > 0
    group by all
    having max(item_seq) = 1 and count(*) filter (where not is_main_item) >= 2
       and bool_or(is_main_item and regexp_matches(item_text, ':\s*$'))
),
relisted as (
    select s.* replace (
               case when l.starter_seq is null then s.item_seq
                    when s.is_main_item then 0
                    else row_number() over (partition by s.pack_id, s.starter_seq, s.is_main_item,
                                                         l.starter_seq is null
                                            order by s.part) end as item_seq,
               case when l.starter_seq is null then s.is_main_item else not s.is_main_item end
                   as is_main_item)
    from sized s
    left join one_item_lead_ins l on l.pack_id = s.pack_id and l.starter_seq = s.starter_seq
       and (s.part > 0 or s.first_item_in_opener) and s.mode = 'list' and s.item_seq > 0
)
select
    pack_id,
    starter_seq,
    part,
    paragraph_seq,
    document_id,
    document_kind,
    document_title,
    first_line,
    last_line,
    text,
    mode,
    list_style,
    -- the list item this paragraph belongs to (a sub-item belongs to the item above it)
    -- (the starter's own, when it printed the first item)
    case when (part > 0 or first_item_in_opener) and mode = 'list' and item_seq > 0 then item_seq end as item_seq,
    coalesce(is_main_item, false) as is_main_item,
    case when (part > 0 or first_item_in_opener) and mode = 'list' and item_seq > 0 then item_core end as item_label,
    case when (part > 0 or first_item_in_opener) and mode = 'list' and item_seq > 0 then item_label end as item_label_printed,
    case when (part > 0 or first_item_in_opener) and mode = 'list' and item_seq > 0 then item_text end as item_text,
    opener_kind,
    list_heading_kind,
    is_lead_in,
    minute_number_above,
    minute_title_above,
    heading_above,
    n_members
from relisted
-- a lead-in is a decision only with the text under it
where not (is_lead_in and n_members = 0)
