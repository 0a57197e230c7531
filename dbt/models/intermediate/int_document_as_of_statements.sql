-- The day a report states its figures are at, one row per document stating one: 'Unless
-- otherwise stated, all figures are as at 30th September 2025', 'The data in this report is as at
-- 30/09/2025 unless stated' (vars stated_as_of, stated_as_of_after_unless), 'This report sets out
-- the position for children looked after ... at 31 December 2025' (var report_position_as_of).
-- A stock printed with no period of its own - in a sentence (int_prose_fact_periods) or in a table
-- whose columns, rows, caption and headings print none (int_fact_periods) - is as at that day,
-- not the meeting's. Two statements of different days in one document date nothing (no guess
-- between them).
{%- set day = var('stated_as_of_day') | replace('{month}', month_alternation()) %}
{%- set stated = var('stated_as_of') | replace('{as_of_day}', day) %}
{%- set stated_after = var('stated_as_of_after_unless') | replace('{as_of_day}', day) %}
{%- set position_words = var('report_position_words') %}
{%- set position = var('report_position_as_of') | replace('{month}', month_alternation())
    | replace('{position_words}', position_words | join('|')) %}
with statements as (
    select d.pack_id, d.document_id, l.line_number,
           case when regexp_matches(l.clean_text, '{{ stated_after }}')
                then regexp_extract(l.clean_text, '{{ stated_after }}', 1)
                when regexp_matches(l.clean_text, '{{ stated }}')
                then regexp_extract(l.clean_text, '{{ stated }}', 1)
                else regexp_extract(l.clean_text, '{{ position }}', 1) end as stated_text
    from {{ batch(ref('stg_lines')) }} l
    join {{ batch(ref('stg_documents')) }} d
      on d.pack_id = l.pack_id and l.line_number between d.first_line and d.last_line
    where (l.clean_text ilike '%unless%'
           and (regexp_matches(l.clean_text, '{{ stated }}') or regexp_matches(l.clean_text, '{{ stated_after }}')))
       -- (a cheap word test first: var report_position_words)
       or (({% for word in position_words %}l.clean_text ilike '%{{ word }}%'{{ ' or ' if not loop.last }}{% endfor %})
           and regexp_matches(l.clean_text, '{{ position }}'))
),
dated as (
    -- a day or a month with its year (its last day), or a date in figures
    select *, coalesce({{ as_of_date('stated_text', loose=true) }}, {{ parse_uk_date('stated_text') }}) as stated_day
    from statements
)
select pack_id, document_id, min(stated_day) as stated_as_of, min(line_number) as stated_line
from dated
where stated_day is not null
group by pack_id, document_id
having count(distinct stated_day) = 1
