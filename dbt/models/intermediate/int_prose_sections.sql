-- The section a sentence with numbers is printed in: the headings above it in its document, the
-- nearest first. A heading is a short untabbed line without closing punctuation and with at most
-- three lower-case words of four letters or more, not a bullet
-- (unless printed bold: '- **Brokerage Service**'), not a table's source or note ('Source: ...',
-- var table_note_key) nor its numbered caption (var numbered_caption), and not a running header (printed three times or more in the pack). Seed
-- prose_section_headings classifies them: a 'unit' heading names a part of the service (a team,
-- a division, a partner trust, a named service), a 'whole' heading the whole service, an
-- 'inherit' heading ('Nature of Complaint') goes on with the section above
-- it; any other heading starts a section of the whole service. One row per sentence (pack,
-- sentence_first_line): the section heading and its kind, and the two nearest headings' text
-- (a procedure named there: 'The Corporate Complaints Procedure' / 'Stage 1: Local Resolution').
with sentences as (
    select distinct n.pack_id, n.sentence_first_line, d.document_id, d.first_line as document_first_line
    from {{ batch(ref('stg_prose_numbers')) }} n
    join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = n.pack_id and n.sentence_first_line between d.first_line and d.last_line
    where n.skip_reason is null
),
lines as (
    select pack_id, line_number, text, clean_text
    from {{ batch(ref('stg_lines')) }}
    -- a section's number and title printed in two cells ('2.<TAB>Waiting times') is one too
    where (not has_tab or {{ numbered_title_in_two_cells('text') }})
      and length(clean_text) between 4 and 160
      and not regexp_matches(clean_text, '[.:;,]$')
      and (not regexp_matches(text, '^\s*[-–•*]\s') or strpos(text, '**') > 0)
      and not regexp_matches(clean_text, '{{ var("table_note_key") }}')   -- 'Source: ... Trust'
      -- nor a table's numbered caption ('Table 1: Children waiting by CAMHS team'): the
      -- sentences after its table are not about its rows' unit
      and not regexp_matches(clean_text, '{{ var("numbered_caption") }}')
      -- a heading is no sentence: few lower-case words ('The table below provides information on ...' is one)
      and len(regexp_extract_all(clean_text, '(?:^|\s)[a-z][a-z]{3,}')) <= 3
),
repeated as (   -- running headers and footers
    select pack_id, clean_text from lines group by all having count(*) >= 3
),
headings as (
    select l.pack_id, l.line_number, trim(regexp_replace(l.clean_text, '^\W+', '')) as heading
    from lines l
    anti join repeated r using (pack_id, clean_text)
),
kinds as (
    select h.pack_id, h.line_number, h.heading,
           coalesce(arg_max(p.kind, p.priority), 'topic') as kind
    from headings h
    left join {{ ref('prose_section_headings') }} p on {{ regexp_matches_seed("h.heading", 'p.pattern', ref('prose_section_headings')) }}
    group by all
),
above as (
    select s.pack_id, s.sentence_first_line, k.line_number, k.heading, k.kind,
           row_number() over (partition by s.pack_id, s.sentence_first_line order by k.line_number desc) as rank_above
    from sentences s
    join kinds k
      on k.pack_id = s.pack_id and k.line_number < s.sentence_first_line
     and k.line_number >= s.document_first_line
),
sections as (   -- the nearest heading that does not go on with the one above it
    select pack_id, sentence_first_line, heading, kind,
           row_number() over (partition by pack_id, sentence_first_line order by line_number desc) as rn
    from above
    where kind <> 'inherit'
)
select
    s.pack_id,
    s.sentence_first_line,
    sec.heading as section_heading,
    coalesce(sec.kind, 'topic') as section_kind,
    (select string_agg(a.heading, ' | ' order by a.rank_above)
     from above a
     where a.pack_id = s.pack_id and a.sentence_first_line = s.sentence_first_line and a.rank_above <= 2)
        as near_headings
from sentences s
left join sections sec
  on sec.pack_id = s.pack_id and sec.sentence_first_line = s.sentence_first_line and sec.rn = 1
