-- depends_on: {{ ref('decision_line_patterns') }}
-- Decisions written in prose: one row per decision block (int_decision_blocks: a resolution with
-- all its items, a 'The Committee agreed ...' sentence, a list of recommendations under its
-- heading) and one per recommendation sentence inside other paragraphs ('We therefore RECOMMEND
-- that ...', seed decision_line_patterns role 'sentence').
--
-- In minutes the decision is the minuted body's (the name in the minutes title, seed role
-- 'minutes_title'), taken on the date in that title (minutes titled only 'MINUTES' right under
-- the pack's own heading: the pack's committee, on its meeting date), under the minute heading
-- above it, unless
-- its opener names the one who took it ('The Cabinet Member for X agreed to:', seed role 'maker'). A
-- recommendation in a report is about the report (its title), or, inside a long report, about
-- the section heading above it. Dates and makers not printed stay null.
with blocks as (
    select * from {{ batch(ref('int_decision_blocks')) }}
),
block_decisions as (
    select
        pack_id,
        starter_seq as paragraph_seq,
        0 as sentence_seq,
        any_value(document_id) as document_id,
        any_value(document_kind) as document_kind,
        any_value(document_title) as document_title,
        -- a list heading is not part of the text: the decision starts at its first item
        min(first_line) filter (where part > 0 or list_heading_kind is null) as source_line,
        max(last_line) as source_last_line,
        arg_min(coalesce(opener_kind, list_heading_kind), part) as kind,
        arg_min(list_heading_kind is not null, part) as under_list_heading,
        string_agg(
            case
                when part = 0 and list_heading_kind is not null then null
                when part > 0 and item_label_printed is not null then item_label_printed || ' ' || item_text
                when part > 0 and item_text is not null then item_text
                else text
            end, ' ' order by part) as decision_text,
        arg_min(minute_number_above, part) as minute_number,
        arg_min(minute_title_above, part) as minute_title,
        arg_min(heading_above, part) as heading_above,
        count(*) filter (where part > 0 and mode = 'list' and item_seq is not null) as n_list_items
    from blocks
    group by pack_id, starter_seq
),
in_blocks as (
    select distinct pack_id, paragraph_seq from blocks
),
sentence_paragraphs as (
    select p.*
    from {{ batch(ref('int_decision_paragraphs')) }} p
    anti join in_blocks b on b.pack_id = p.pack_id and b.paragraph_seq = p.paragraph_seq
    where not p.is_table and {{ decision_role_matches('sentence', 'p.text') }}
),
sentences as (
    -- a sentence ends at . ! or ? followed by a space (not the point of '£1.99' or 'S.136')
    select *, strpos(text, trim(sentence)) as sentence_start
    from (
        select *, unnest(sentence_list) as sentence, generate_subscripts(sentence_list, 1) as sentence_seq
        from (
            select *, regexp_extract_all(text, '(?:[^.!?]|[.!?]\S)+(?:[.!?]+["”’)]*|$)') as sentence_list
            from sentence_paragraphs
        )
    )
),
sentence_decisions as (
    select
        s.pack_id,
        s.paragraph_seq,
        s.sentence_seq,
        s.document_id,
        s.document_kind,
        s.document_title,
        -- the lines the sentence itself is printed on, within its paragraph
        list_max([o.line_number for o in s.line_offsets if o.line_offset < s.sentence_start]) as source_line,
        list_max([o.line_number for o in s.line_offsets
                  if o.line_offset < s.sentence_start + length(trim(s.sentence)) - 1]) as source_last_line,
        {{ decision_role_kind('sentence', 's.sentence') }} as kind,
        false as under_list_heading,
        trim(s.sentence) as decision_text,
        s.minute_number_above as minute_number,
        s.minute_title_above as minute_title,
        s.heading_above,
        0 as n_list_items
    from sentences s
    where {{ decision_role_matches('sentence', 's.sentence') }}
),
decisions as (
    select * from block_decisions
    union all by name
    select * from sentence_decisions
),
minuted_bodies as (
    select pack_id, paragraph_seq, sentence_seq,
           {{ decision_role_extract('minutes_title', 'document_title', 1) }} as body
    from decisions
    where document_kind = 'minutes'
),
-- minutes titled only 'MINUTES' right under the pack's own heading (council, committee, date,
-- nothing printed between) are the minutes of the pack's meeting: its committee decided, that day
own_minutes as (
    select d.pack_id, d.document_id, p.committee, p.meeting_date, ml.clean_text as meeting_date_text
    from {{ batch(ref('stg_documents')) }} d
    join {{ batch(ref('stg_packs')) }} p using (pack_id)
    join {{ batch(ref('stg_lines')) }} ml on ml.pack_id = p.pack_id and ml.line_number = p.meeting_date_line
    where d.kind = 'minutes' and p.meeting_date is not null and d.first_line > p.meeting_date_line
      and {{ parse_uk_date('coalesce(d.title, \'\')') }} is null
      and not exists (
          select 1 from {{ batch(ref('stg_lines')) }} l
          where l.pack_id = d.pack_id and l.line_number > p.meeting_date_line
            and l.line_number < d.first_line and l.clean_text <> '')
),
-- minutes titled only 'Minutes' under a banner of their own, printed between the document's first
-- line and its title ('Adult Care ... Scrutiny Panel' / 'Wednesday, 17 September 2025, 10.00 am,
-- County Hall, Worcester' / 'Minutes'): that body decided, on that day; so did the body of a
-- banner over minutes titled with their date but no body ('Minutes of the Meeting Held on ...')
banner_minutes as (
  -- (the title's date is read outside the grouping: DuckDB binds no struct of a lambda in a
  -- HAVING clause, and parse_uk_date reads its groups as one)
  select pack_id, document_id, committee, meeting_date_text
  from (
    select d.pack_id, d.document_id, d.title,
           arg_min({{ decision_role_extract('banner_body', 'l.clean_text', 1) }}, l.line_number)
               filter (where {{ decision_role_matches('banner_body', 'l.clean_text') }}) as committee,
           arg_min(l.clean_text, l.line_number)
               filter (where {{ parse_uk_date('l.clean_text') }} is not null) as meeting_date_text
    from {{ batch(ref('stg_documents')) }} d
    join {{ batch(ref('stg_lines')) }} l
      -- (the banner may stand just above the document, left to the one before when the
      -- minutes open at their title: 'Page 3' / 'People and Communities Select Committee' /
      -- 'Minutes of the Meeting Held on ...')
      on l.pack_id = d.pack_id and l.line_number >= d.first_line - {{ var('banner_above_minutes_lines') }}
     -- (above the document, only a name alone after a page stamp: not a sentence naming a body,
     -- nor a running footer printed before the stamp)
     and (l.line_number >= d.first_line
          or (not regexp_matches(l.clean_text, '[.;:,]\s*$')
              and exists (select 1 from {{ batch(ref('stg_lines')) }} ps
                          where ps.pack_id = l.pack_id
                            and ps.line_number between l.line_number - {{ var('banner_above_minutes_lines') }} and l.line_number - 1
                            and regexp_matches(ps.clean_text, '{{ var("page_stamp_line") }}'))))
     and l.line_number < (select min(t.line_number) from {{ batch(ref('stg_lines')) }} t
                          where t.pack_id = d.pack_id and t.line_number between d.first_line and d.first_line + 8
                            and t.clean_text = d.title)
    where d.kind = 'minutes'
    group by d.pack_id, d.document_id, d.title
  ) grouped
  -- (a title dating the minutes itself, 'Minutes of the Meeting Held on Wednesday 21 January
  -- 2026 ...' under 'People and Communities Select Committee', needs no date in the banner)
  where committee is not null
    and (meeting_date_text is not null or {{ parse_uk_date('coalesce(title, \'\')') }} is not null)
)
select
    d.pack_id,
    d.document_id,
    d.paragraph_seq,
    d.sentence_seq,
    d.source_line,
    d.source_last_line,
    d.kind,
    d.decision_text,
    d.n_list_items,
    case when d.document_kind = 'minutes' then d.minute_number end as minute_number,
    case
        when d.document_kind = 'minutes' then coalesce(d.minute_title, d.heading_above)
        when d.sentence_seq > 0 then coalesce(d.heading_above, d.document_title)
        else d.document_title
    end as subject,
    coalesce(
        {{ decision_role_extract('maker', 'd.decision_text', 1) }},   -- 'The Cabinet Member for X agreed'
        case when lower(b.body) <> 'meeting' then b.body end,         -- 'Minutes of the Meeting held on'
        om.committee,
        bm.committee
    ) as decision_maker,
    case when d.document_kind = 'minutes'
         then coalesce({{ parse_uk_date('d.document_title') }}, om.meeting_date,
                       {{ parse_uk_date('bm.meeting_date_text') }}) end as decision_date,
    case when d.document_kind = 'minutes'
         then coalesce({{ printed_long_date('d.document_title') }}, {{ printed_long_date('om.meeting_date_text') }},
                       {{ printed_long_date('bm.meeting_date_text') }})
    end as decision_date_text,
    coalesce(
        {{ printed_decision_reference('d.decision_text') }},
        -- '16. 25/00071 - Contract for ...': the decision the minute considers
        case when d.document_kind = 'minutes'
             then {{ decision_role_extract('title_reference', 'd.minute_title', 1) }} end
    ) as related_reference_printed
from decisions d
left join minuted_bodies b using (pack_id, paragraph_seq, sentence_seq)
left join own_minutes om on om.pack_id = d.pack_id and om.document_id = d.document_id
left join banner_minutes bm on bm.pack_id = d.pack_id and bm.document_id = d.document_id
