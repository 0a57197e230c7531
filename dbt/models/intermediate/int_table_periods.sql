-- The periods a table's own texts name, one row per table: its caption (with the top-left header
-- cell), its as-of phrase, the nearest heading above with a fiscal year / as-of date, the sentence
-- introducing it (int_table_lead_ins), its document title and the day its document states its
-- figures are at (int_document_as_of_statements). int_fact_periods picks, for each value,
-- the most specific period printed (column, row, then these) and records where it came from. A
-- caption's run of days or months (caption_range_start/end) is a period of its own unless it is a
-- whole fiscal or calendar year or a fiscal quarter (read as those).
with tables as (
    select t.table_id, t.pack_id, t.document_id, t.as_of_text, t.document_title,
           t.heading_fy_start_year, t.heading_as_of_date, c.caption_text
    from {{ batch(ref('int_tables')) }} t
    join {{ batch(ref('int_table_captions')) }} c using (table_id)
),
ranges as (
    -- a run of days or months the caption names ('..., 1 April to 31 December 2025'), 'and' only
    -- after 'between' ('April and December 2025' are two months)
    select r.* exclude (range_start, range_end, range_text, is_range),
           case when r.is_range then r.range_start end as range_start,
           case when r.is_range then r.range_end end as range_end
    from (
        select r.*,
               coalesce(r.range_start < r.range_end
                        and (not regexp_matches(r.range_text, '(?i)\sand\s')
                             or regexp_matches(r.range_text, '(?i)^between\s')), false) as is_range
        from (
            select
                t.*,
                {{ date_range_start('t.caption_text', 'caption_date_range', group0=1) }} as range_start,
                {{ date_range_end('t.caption_text', 'caption_date_range', group0=1) }} as range_end,
                regexp_extract(t.caption_text, '{{ date_range_re("caption_date_range") }}', 1) as range_text
            from tables t
        ) r
    ) r
),
spans as (
    -- one that is a whole fiscal year, fiscal quarter or calendar year is read as that; any other
    -- is a span of days of its own (caption_range_start/end)
    select
        r.*,
        {{ whole_months_span('r.range_start', 'r.range_end', 12, [4]) }} as range_is_fy,
        {{ whole_months_span('r.range_start', 'r.range_end', 3, [1, 4, 7, 10]) }} as range_is_quarter,
        {{ whole_months_span('r.range_start', 'r.range_end', 12, [1]) }} as range_is_year
    from ranges r
)
select
    t.table_id,
    t.pack_id,
    case when not (t.range_is_fy or t.range_is_quarter or t.range_is_year) then t.range_start end
        as caption_range_start,
    case when not (t.range_is_fy or t.range_is_quarter or t.range_is_year) then t.range_end end
        as caption_range_end,
    coalesce({{ fy_start_year('t.caption_text') }},
             case when t.range_is_fy or t.range_is_quarter then {{ fy_of('t.range_start') }} end) as caption_fy,
    coalesce({{ quarter_of_year('t.caption_text') }},
             case when t.range_is_quarter then cast((month(t.range_start) + 8) % 12 // 3 + 1 as integer) end)
        as caption_quarter,
    coalesce({{ calendar_year('t.caption_text') }}, case when t.range_is_year then year(t.range_start) end)
        as caption_calendar_year,
    {{ as_of_date('t.caption_text') }} as caption_as_of,
    {{ as_of_date('t.as_of_text', loose=true) }} as as_of_text_date,
    t.heading_fy_start_year as heading_fy,
    t.heading_as_of_date as heading_as_of,
    li.fy_start_year as lead_in_fy,
    li.calendar_year as lead_in_calendar_year,
    li.as_of_date as lead_in_as_of,
    li.period_line as lead_in_line,
    {{ fy_start_year('t.document_title') }} as title_fy,
    {{ as_of_date('t.document_title') }} as title_as_of,
    -- the day its report states its figures are at ('Unless otherwise stated, all figures are as
    -- at 30 September 2025')
    sd.stated_as_of
from spans t
left join {{ batch(ref('int_table_lead_ins')) }} li using (table_id)
left join {{ batch(ref('int_document_as_of_statements')) }} sd
  on sd.pack_id = t.pack_id and sd.document_id = t.document_id
