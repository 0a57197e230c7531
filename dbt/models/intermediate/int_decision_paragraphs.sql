-- depends_on: {{ ref('decision_line_patterns') }}
-- The paragraphs of each document, built from int_decision_lines, with what each one is to a
-- decision reader: an opener ('RESOLVED – That ...', 'The Committee agreed:'), a list heading
-- ('2.0 Recommendation(s):'), a numbered / lettered / bulleted item, a 'That ...' body, a minute
-- heading ('14. Child Sexual Exploitation ...'), a section heading, and the headings above it.
--
-- A line goes on the paragraph above when it is wrapped (the next line, no blank between) or
-- when a page break cut a sentence (after blank lines it starts in lower case; after a page
-- break - a line of spaces, a page stamp, a running header - it may also follow a long line
-- left without its full stop), and a body's name ('Cabinet:') under a lead-in ('RESOLVED:') goes
-- on it. A line that starts an item, an opener or a heading, a table
-- line, and the line after a lead-in colon start paragraphs of their own (a heading wraps onto a
-- next short line). Windows run within one pack.
with counted as (
    select *, count(case when is_page_break then 1 end) over (partition by pack_id order by line_number) as page_breaks
    from {{ batch(ref('int_decision_lines')) }}
),
content as (
    select
        *,
        page_breaks > lag(page_breaks) over w as after_page_break,
        lag(line_number) over w as prev_line,
        lag(text) over w as prev_text,
        lag(has_tab) over w as prev_has_tab,
        lag(opener_kind) over w as prev_opener_kind,
        lag(document_id) over w as prev_document_id,
        lag(is_minute_heading or list_heading_kind is not null) over w as prev_is_heading
    from counted
    where not is_gap
    window w as (partition by pack_id order by line_number)
),
breaks as (
    select
        *,
        case
            when prev_line is null or prev_document_id is distinct from document_id then true
            when has_tab or prev_has_tab then true
            -- 'RESOLVED:' then 'Cabinet:' (or 'That Cabinet') over the items: one lead-in
            when prev_opener_kind is not null and regexp_matches(prev_text, ':-?\s*$')
                 and is_body and not regexp_matches(text, '[.;,!?]\s*$') and length(text) <= 40 then false
            when starts_block then true
            -- words in lower case after a page break, under a line that ends no sentence: the
            -- sentence goes on (an item cut by the page, not a heading and its first line)
            when after_page_break and regexp_matches(text, '^[a-z]')
                 and not regexp_matches(prev_text, '[.;:!?]\s*$') then false
            -- a heading goes on only on the next line, short and without a full stop
            when prev_is_heading then line_number > prev_line + 1 or length(text) > 80
                                      or regexp_matches(text, '[.;:!?]$')
            when regexp_matches(prev_text, '(:-?|\s[–—-])\s*$') then true   -- a lead-in ends its paragraph
            -- a 'Key: value' line after a finished one starts its own ('Reason: ...' under the
            -- last item of a 'Decision:' in a record printed as lines)
            when regexp_matches(text, '^[A-Z][A-Za-z /()-]{2,40}:\s+\S')
                 and regexp_matches(prev_text, '[.;:!?)]\s*$') then true
            when line_number = prev_line + 1 then false                -- a wrapped line
            when regexp_matches(text, '^[a-z]') then false             -- a sentence going on over a page break
            when after_page_break and length(prev_text) > 80 and not regexp_matches(prev_text, '[.;:!?)"”’]\s*$')
                 and regexp_matches(text, '^[A-Z]') then false
            else true
        end as starts_paragraph,
        -- a word hyphenated over the break joins without a space
        case when regexp_matches(prev_text, '[A-Za-z]-$') and regexp_matches(text, '^[a-z]') then ''
             else ' ' end as joiner
    from content
),
numbered as (
    select *,
           sum(starts_paragraph::integer) over w as paragraph_seq,
           -- the next line starts a paragraph of its own (or there is none): this one ends one
           coalesce(lead(starts_paragraph) over w, true) as ends_paragraph,
           case when starts_paragraph then '' else joiner end || text as piece
    from breaks
    window w as (partition by pack_id order by line_number)
),
placed_lines as (
    -- where each line starts in its paragraph's text (0-based), to cite a sentence's own lines;
    -- the lines of paragraphs of more than one line (most paragraphs are one line, below)
    select *,
           coalesce(sum(length(piece)) over (partition by pack_id, paragraph_seq order by line_number
                                             rows between unbounded preceding and 1 preceding), 0) as line_offset
    from numbered
    where not (starts_paragraph and ends_paragraph)
),
paragraphs as (
    select
        pack_id,
        paragraph_seq,
        any_value(document_id) as document_id,
        any_value(document_kind) as document_kind,
        null::varchar as document_title,   -- the document's, at the end
        min(line_number) as first_line,
        max(line_number) as last_line,
        count(*) as n_lines,
        trim(string_agg(piece, '' order by line_number)) as text,
        list({'line_number': line_number, 'line_offset': line_offset} order by line_number) as line_offsets,
        bool_or(has_tab) as is_table,
        arg_min(opener_kind, line_number) as opener_kind,
        arg_min(list_heading_kind, line_number) as list_heading_kind,
        arg_min(is_body, line_number) as is_body,
        arg_min(is_item, line_number) as is_item,
        arg_min(is_bullet, line_number) as is_bullet,
        arg_min(item_core, line_number) as item_core,
        arg_min(item_label, line_number) as item_label,
        arg_min(is_minute_heading, line_number) as is_minute_line
    from placed_lines
    group by pack_id, paragraph_seq
    union all
    -- a paragraph of one line is that line, with no aggregation
    select
        pack_id,
        paragraph_seq,
        document_id,
        document_kind,
        null::varchar as document_title,
        line_number as first_line,
        line_number as last_line,
        1::bigint as n_lines,
        trim(piece) as text,
        [{'line_number': line_number, 'line_offset': 0::hugeint}] as line_offsets,
        has_tab as is_table,
        opener_kind,
        list_heading_kind,
        is_body,
        is_item,
        is_bullet,
        item_core,
        item_label,
        is_minute_heading as is_minute_line
    from numbered
    where starts_paragraph and ends_paragraph
),
shaped as (
    select
        p.*,
        case when p.is_item then regexp_extract(p.text, '{{ decision_item_re() }}', 5)
             when p.is_bullet then regexp_extract(p.text, '{{ decision_bullet_re() }}', 1) end as item_text,
        -- a lead-in: a heading over a list, or an opener ending in a colon or dash, or one of at
        -- most three words ('RESOLVED', 'AGREED –'), unless a full stop ends it ('Noted.': the
        -- whole decision)
        p.list_heading_kind is not null
            or (p.opener_kind is not null
                and (regexp_matches(p.text, '(:-?|\s[–—-])\s*$')
                     or (length(p.text) - length(replace(p.text, ' ', '')) < 3
                         and not regexp_matches(p.text, '\.\s*$'))
                     -- 'Resolved: That the Panel' over its items (the body's name went on the opener)
                     or regexp_matches(p.text, '(?i)^[^.;]*:\s*(?:that\s+)?(?:the\s+)?(?:committee|sub-committee|panel|board|cabinet|council|executive)\s*$')))
            as is_lead_in,
        -- a line or two without sentence punctuation at the end: a heading of some kind (an
        -- item ending '...; and' or '..., or' goes on into the next one: no heading)
        not p.is_table and p.n_lines <= 3 and length(p.text) between 3 and 220
            and regexp_matches(p.text, '^\W*[A-Z0-9]') and not regexp_matches(p.text, '[.;:,!?]$')
            and not regexp_matches(p.text, '[;,]\s*(and|or)$')
            and p.opener_kind is null and p.list_heading_kind is null and not p.is_body
            as is_heading_shape
    from paragraphs p
),
headed as (
    select
        *,
        -- a section or report heading: short, standing alone, not an item, not 'Key: value'
        is_heading_shape and not is_item and not is_bullet and length(text) <= 120
            and not regexp_matches(text, ':\s') as is_section_heading
    from shaped
),
minute_headings as (
    select
        pack_id,
        paragraph_seq,
        {{ decision_role_extract('minute_heading', 'text', 1) }} as minute_number,
        {{ decision_role_extract('minute_heading', 'text', 2) }} as minute_title
    from headed
    -- a heading, or a minute's number and title printed in two cells (int_decision_lines); a
    -- title may end with a full stop ('28.<TAB>Children's Therapy Services – Interim Update.',
    -- '30.<TAB>Date of next meeting.', a line of minutes '23. Minutes.'), a sentence may not
    -- ('126<TAB>No items of urgent business were raised.': a verb such as 'were' makes it one)
    where (is_heading_shape
           or (is_table and n_lines = 1 and is_minute_line and not regexp_matches(text, '[.;:,!?]$'))
           or (n_lines = 1 and is_minute_line and regexp_matches(text, '[^.]\.$')
               and (is_table or (document_kind = 'minutes' and length(text) <= 120
                                 and opener_kind is null and list_heading_kind is null and not is_body))
               and not regexp_matches(text, '(?i)\b(?:{{ var('sentence_verbs') | join('|') }})\b')))
      and {{ decision_role_matches('minute_heading', 'text') }} and not {{ opens_with_a_date('text') }}
),
placed_headings as (
    select
        s.*,
        m.minute_number,
        m.minute_title,
        -- the minute heading and the nearest heading above this paragraph, in its document
        last_value(m.minute_number ignore nulls) over above as minute_number_above,
        last_value(m.minute_title ignore nulls) over above as minute_title_above,
        -- a numbered heading ('1. Conclusions and Recommendations') gives its title
        last_value(trim(coalesce(m.minute_title, case when s.is_section_heading then s.text end), ' *_')
                   ignore nulls) over above as heading_above
    from headed s
    left join minute_headings m using (pack_id, paragraph_seq)
    window above as (
        partition by s.pack_id, s.document_id order by s.paragraph_seq
        rows between unbounded preceding and 1 preceding
    )
)
-- the document's title joins last: the windows above sort every line and paragraph, and would
-- carry it with each (a fifth of this model's time at 1,000 packs)
select p.* replace (d.title as document_title)
from placed_headings p
left join {{ batch(ref('stg_documents')) }} d on d.pack_id = p.pack_id and d.document_id = p.document_id
