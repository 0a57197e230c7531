-- Short, untabbed lines that read like headings or running headers. Tables inherit their fiscal
-- year, as-of date or service area from the nearest one above when their own caption does not say.
with headings as (
    select
        pack_id,
        line_number,
        clean_text,
        -- a year the heading compares with ('Comparison with 2022/23') is not its section's, nor
        -- is the first of a span of years ('Complaints and Ombudsman cases, 2022/23 to 2024/25')
        case when not regexp_matches(clean_text,
                    '(?i)\b(?:{{ var("comparison_period_words") | join("|") }})\s+(?:the\s+)?(?:(?:financial|previous)\s+)?(?:year\s+)?(?:19|20)[0-9]{2}')
              and len(list_distinct(regexp_extract_all(clean_text, '(?:19|20)[0-9]{2}\s*[/–-]\s*(?:19|20)?[0-9]{2}\b'))) <= 1
             then {{ fy_start_year('clean_text') }} end as fy_start_year,
        {{ as_of_date('clean_text') }} as as_of_date
    from {{ ref('stg_lines') }}
    where {{ in_batch('pack_id') }}
      -- a section's number and title printed in two cells ('4.<TAB>Ombudsman annual reviews
      -- 2024/25') is a heading too
      and (not has_tab or {{ numbered_title_in_two_cells('text') }})
      and length(clean_text) between 4 and 100
      and not regexp_matches(clean_text, '[.:;,]$')
      -- a bulleted item is no heading ('• 286 complaints received (2023/24: 265), an increase of 8%')
      and not regexp_matches(clean_text, '^\s*[•▪●◦❖■➢►*–-]\s')
),
-- patterns run once per distinct heading text: running headers repeat on every page and pack
areas as (
    select t.clean_text,
           case when count(distinct p.service_area) = 1 then any_value(p.service_area) end as service_area
    from (select distinct clean_text from headings) t
    join {{ ref('service_area_patterns') }} p on {{ regexp_matches_seed('t.clean_text', 'p.pattern', ref('service_area_patterns')) }}
    group by all
),
with_areas as (
    select h.*, a.service_area,
           -- '9. COMPLIMENTS' is a section of level 1, '4.2 Waiting times' of level 2: a number
           -- and a title of words (no digits: '12 November 2025' is a date)
           case when regexp_matches(h.clean_text, '^\s*[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+[A-Z][^0-9]*$')
                then len(string_split(regexp_extract(h.clean_text, '^\s*([0-9]{1,2}(?:\.[0-9]{1,2})*)', 1), '.'))
           end as section_level
    from headings h
    left join areas a using (clean_text)
),
area_headings as (
    -- a numbered table's caption ('Table 7: Children's social care complaints', var
    -- numbered_caption) is inside the section of the numbered heading above it; a running head
    -- or a document's title is in none
    select pack_id, line_number, service_area,
           coalesce(section_level,
                    case when regexp_matches(clean_text, '{{ var("numbered_caption") }}') then enclosing_level end)
               as section_level
    from (
        select *, last_value(section_level ignore nulls) over (
                      partition by pack_id order by line_number
                      rows between unbounded preceding and 1 preceding) as enclosing_level
        from with_areas
    )
    where service_area is not null
),
-- a numbered heading naming no service ends the section of the nearest service heading above
-- when that one is numbered at its level or deeper, or is inside such a section ('8. Children's
-- complaints' ... 'Table 7: Children's complaints' ... '9. Ombudsman'): below it the service is
-- the one its parent section's heading names ('8. Children's complaints' above '8.1 Adults'
-- complaints' and '8.2 Stage 2'), none when the parent names none
closing as (
    select n.pack_id, n.line_number
    from with_areas n
    asof join area_headings a on a.pack_id = n.pack_id and n.line_number > a.line_number
    where n.service_area is null and n.section_level <= a.section_level
),
-- the document each heading line is in, and the line of its first numbered heading
documents as (
    select d.pack_id, d.document_id, d.first_line, d.last_line,
           (select min(e.line_number) from with_areas e
            where e.pack_id = d.pack_id and e.line_number between d.first_line and d.last_line
              and e.section_level is not null) as first_section_line
    from {{ batch(ref('stg_documents')) }} d
)
select h.*,
       c.line_number is not null as closes_service_area,
       case when c.line_number is null then h.service_area
            when exists (select 1 from with_areas e
                         where e.pack_id = h.pack_id and e.line_number < h.line_number
                           and e.section_level < h.section_level)
                then (select arg_max_null(e.service_area, e.line_number)   -- the parent, with or without one
                      from with_areas e
                      where e.pack_id = h.pack_id and e.line_number < h.line_number
                        and e.section_level < h.section_level)
            -- no parent: the document's own, a title or running head naming one above its first
            -- numbered heading ('Children's Social Care Complaints Annual Report' over '1.',
            -- '2.', '3.'), not a table's caption nor a line of another document
            else (select arg_max(e.service_area, e.line_number)
                  from with_areas e
                  join documents d
                    on d.pack_id = e.pack_id and h.line_number between d.first_line and d.last_line
                  where e.pack_id = h.pack_id
                    and e.line_number between d.first_line and coalesce(d.first_section_line, h.line_number) - 1
                    and e.section_level is null and e.service_area is not null
                    and not regexp_matches(e.clean_text, '{{ var("numbered_caption") }}'))
       end as service_area_in_force
from with_areas h
left join closing c using (pack_id, line_number)
