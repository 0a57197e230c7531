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
)
select h.*, a.service_area
from headings h
left join areas a using (clean_text)
