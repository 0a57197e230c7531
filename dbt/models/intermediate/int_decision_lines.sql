-- depends_on: {{ ref('decision_line_patterns') }}
-- Every line of a pack as the decision readers see it: the document it is in (its id and kind;
-- int_decision_paragraphs adds the title, so that no window sorts it with every line), whether it is
-- white space between paragraphs (blank, a page-break line of one space, a page stamp, a running
-- page header), and how it starts: an item label ('a)', '(ii)', '1.', '2.1', '- b)'), a bullet,
-- or a decision phrase of seed decision_line_patterns (opener, list_heading, body, minute_heading).
-- int_decision_paragraphs joins these lines into paragraphs. One pack's rows from its own lines.
with lines as (
    select
        l.pack_id,
        l.line_number,
        l.has_tab,
        -- clean_text has single spaces but where a tag or '**' it dropped stood between two
        case when contains(l.clean_text, '  ') then regexp_replace(l.clean_text, '\s+', ' ', 'g')
             else l.clean_text end as text,
        length(l.text) > 0 and trim(l.text) = '' as is_space_line,
        -- a minute's number and title printed in two cells ('5<TAB>Minutes of Previous Meeting')
        l.has_tab and {{ numbered_title_in_two_cells('l.text') }} as is_numbered_title,
        d.document_id,
        d.kind as document_kind
    from {{ batch(ref('stg_lines')) }} l
    left join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = l.pack_id and l.line_number between d.first_line and d.last_line
),
roles as (
    select
        pack_id,
        line_number,
        -- 'The Council approved 31 new fostering households': a count, no decision (var
        -- approved_a_count)
        case when not regexp_matches(text, '{{ var("approved_a_count") }}')
              -- nor an agenda's instruction about members' interests (var interests_instruction)
              and not regexp_matches(text, '{{ var("interests_instruction") }}')
             then {{ decision_role_kind('opener', 'text') }} end as opener_kind,
        {{ decision_role_kind('list_heading', 'text') }} as list_heading_kind,
        {{ decision_role_matches('body', 'text') }} as is_body,
        {{ decision_role_matches('minute_heading', 'text') }}
            -- a date ('7 October 2025 at 4.00 pm' under 'Minutes of the Cabinet') is no minute
            and not {{ opens_with_a_date('text') }}
            as is_minute_heading
    from lines
    where not has_tab and text <> ''
    union all
    -- in minutes, a minute's number and title printed in two cells heads its minute; in a
    -- report, it may head its recommendations ('2.<TAB>Recommendations' over '2.1<TAB>That ...')
    select pack_id, line_number, null,
           case when document_kind <> 'minutes' then {{ decision_role_kind('list_heading', 'text') }} end,
           null,
           document_kind = 'minutes' and {{ decision_role_matches('minute_heading', 'text') }}
    from lines
    where is_numbered_title
),
-- a line printed again and again about a page apart (a running page header such as the
-- minutes title on every page) is white space, unless it reads as part of a decision; a heading
-- printed once in the agenda and once in each set of minutes is not
occurrences as (
    select pack_id, text,
           line_number - lag(line_number) over (partition by pack_id, text order by line_number) as gap
    from lines
    where not has_tab and text <> ''
),
repeated as (
    select pack_id, text
    from occurrences
    group by all
    having count(*) >= 3 and median(gap) <= 60
),
labelled as (
    select
        l.*,
        r.opener_kind,
        r.list_heading_kind,
        coalesce(r.is_body, false) as is_body,
        coalesce(r.is_minute_heading, false) as is_minute_heading,
        not l.has_tab and regexp_matches(l.text, '{{ decision_item_re() }}') as is_item,
        not l.has_tab and not regexp_matches(l.text, '{{ decision_item_re() }}')
            and regexp_matches(l.text, '{{ decision_bullet_re() }}') as is_bullet,
        rp.text is not null as is_repeated
    from lines l
    left join roles r using (pack_id, line_number)
    left join repeated rp using (pack_id, text)
)
select
    pack_id,
    line_number,
    document_id,
    document_kind,
    has_tab,
    text,
    opener_kind,
    list_heading_kind,
    is_body,
    is_minute_heading,
    is_item,
    is_bullet,
    case when is_item then {{ decision_item_core('text') }} end as item_core,
    case when is_item then regexp_extract(text, '{{ decision_item_re() }}', 1) end as item_label,
    case when is_item then regexp_extract(text, '{{ decision_item_re() }}', 5)
         when is_bullet then regexp_extract(text, '{{ decision_bullet_re() }}', 1) end as item_text,
    -- starts a paragraph of its own whatever came before
    opener_kind is not null or list_heading_kind is not null or is_minute_heading or is_item or is_bullet
        as starts_block,
    is_gap,
    -- a page break: a line of spaces (the PDF's page break), a page stamp, a running header
    is_gap and (is_space_line or text <> '') as is_page_break
from (
    select
        *,
        not has_tab and (
            text = ''
            or regexp_matches(text, '{{ var("page_stamp_line") }}')
            or (is_repeated and opener_kind is null and list_heading_kind is null and not is_body
                and not is_item and not regexp_matches(text, '[.;]$'))
        ) as is_gap
    from labelled
)
