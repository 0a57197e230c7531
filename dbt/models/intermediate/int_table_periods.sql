-- The periods a table's own texts name, one row per table: its caption (with the top-left header
-- cell), its as-of phrase, the nearest heading above with a fiscal year / as-of date, the sentence
-- introducing it (int_table_lead_ins) and its document title. int_fact_periods picks, for each value,
-- the most specific period printed (column, row, then these) and records where it came from.
with tables as (
    select t.table_id, t.pack_id, t.as_of_text, t.document_title,
           t.heading_fy_start_year, t.heading_as_of_date, c.caption_text
    from {{ batch(ref('int_tables')) }} t
    join {{ batch(ref('int_table_captions')) }} c using (table_id)
)
select
    t.table_id,
    t.pack_id,
    {{ fy_start_year('t.caption_text') }} as caption_fy,
    {{ quarter_of_year('t.caption_text') }} as caption_quarter,
    {{ calendar_year('t.caption_text') }} as caption_calendar_year,
    {{ as_of_date('t.caption_text') }} as caption_as_of,
    {{ as_of_date('t.as_of_text', loose=true) }} as as_of_text_date,
    t.heading_fy_start_year as heading_fy,
    t.heading_as_of_date as heading_as_of,
    li.fy_start_year as lead_in_fy,
    li.calendar_year as lead_in_calendar_year,
    li.as_of_date as lead_in_as_of,
    li.period_line as lead_in_line,
    {{ fy_start_year('t.document_title') }} as title_fy,
    {{ as_of_date('t.document_title') }} as title_as_of
from tables t
left join {{ batch(ref('int_table_lead_ins')) }} li using (table_id)
