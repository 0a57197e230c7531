-- The sentences that introduce a table: untabbed prose lines in the 12 lines above it, inside its
-- document and below the table before it (ingest's caption keeps headings and short lead-ins,
-- not prose paragraphs: "Just less than one quarter (193) of all the children ... subject to a
-- Child Protection Plan in 2017 became Looked After ..."). The period such a sentence names is
-- read from the nearest line that names one: a fiscal year, a calendar year ('in 2017') or an
-- as-of date ('As at 24 March 2017').
with tables as (
    select
        t.table_id, t.pack_id, t.first_line,
        greatest(
            coalesce(lag(t.last_line) over (partition by t.pack_id order by t.first_line), 0) + 1,
            coalesce(t.document_first_line, 1),
            t.first_line - 12) as window_start
    from {{ batch(ref('int_tables')) }} t
),
-- nor above the section heading the table sits under: the paragraph ending the section before
-- ('2.1 The number of children starting to be looked after fell ...' above '3 Placements')
-- introduces no table of the next one
-- nor above a heading with a paragraph under it before the table ('CAMHS' over '6. Table 1 shows
-- referrals ...': the executive summary's bullets above 'Contextual Information' and 'CAMHS'
-- introduce no table of those sections); not a page's stamp or running head, printed on every
-- page, nor the table's own caption, with no paragraph under it
headed as (
    select h.pack_id, h.line_number
    from {{ batch(ref('int_heading_lines')) }} h
    join (
        select pack_id, line_number,
               count(*) over (partition by pack_id, clean_text) as printings,
               -- a line of prose (a sentence's worth of words, no TAB) within three lines below
               coalesce(bool_or(not has_tab and length(clean_text) >= 40
                                and regexp_matches(clean_text, '[a-z]{3,}'))
                            over (partition by pack_id order by line_number
                                  rows between 1 following and 3 following), false)
                   as paragraph_below
        from {{ batch(ref('stg_lines')) }}
    ) l on l.pack_id = h.pack_id and l.line_number = h.line_number
    where l.printings = 1 and l.paragraph_below
      and not regexp_matches(h.clean_text, '{{ var("page_stamp_line") }}')
      -- (a caption with a note under it: 'Table 2: ...' / 'Figures for 2025/26 are provisional')
      and not regexp_matches(h.clean_text, '{{ var("numbered_caption") }}')
),
sectioned as (
    select t.table_id, t.pack_id, t.first_line,
           greatest(t.window_start, coalesce(max(h.line_number), 0),
                    coalesce(max(p.line_number) + 1, 0)) as window_start
    from tables t
    left join {{ batch(ref('int_heading_lines')) }} h
      on h.pack_id = t.pack_id and h.line_number >= t.window_start and h.line_number < t.first_line
     and regexp_matches(h.clean_text, '^[0-9]{1,2}\.?\s+[A-Z][^.]*$')  -- a numbered section's title
    left join headed p
      on p.pack_id = t.pack_id and p.line_number >= t.window_start and p.line_number < t.first_line
    group by t.table_id, t.pack_id, t.first_line, t.window_start
),
lines as (
    select
        t.table_id, t.pack_id, l.line_number, l.clean_text,
        {{ fy_start_year('l.clean_text') }} as fy_start_year,
        {{ calendar_year('l.clean_text') }} as calendar_year,
        {{ as_of_date('l.clean_text') }} as as_of_date
    from sectioned t
    join {{ batch(ref('stg_lines')) }} l
      on l.pack_id = t.pack_id
     and l.line_number between t.window_start and t.first_line - 1
    where not l.has_tab
      and length(l.clean_text) >= 3
),
periods as (
    select *, row_number() over (partition by table_id order by line_number desc) as nearness
    from lines
    where coalesce(fy_start_year, calendar_year) is not null or as_of_date is not null
)
select
    t.table_id,
    t.pack_id,
    (select string_agg(l.clean_text, ' / ' order by l.line_number) from lines l
      where l.table_id = t.table_id) as lead_in_text,
    p.fy_start_year,
    p.calendar_year,
    p.as_of_date,
    p.line_number as period_line
from tables t
left join periods p on p.table_id = t.table_id and p.nearness = 1
