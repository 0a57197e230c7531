-- The note lines printed right under each table (the three lines after its last row: '- = service
-- not provided.', '* % of complaints responded to in the period.', 'c = fewer than 5; included
-- in the totals.'), one row per line with text: what a table's marks and dashes mean, read by
-- the checks and facts that depend on them (int_facts, int_dq_ratios).
select t.pack_id, t.table_id, l.line_number, l.clean_text as note_text
from {{ batch(ref('int_tables')) }} t
join {{ batch(ref('stg_lines')) }} l
  on l.pack_id = t.pack_id and l.line_number between t.last_line + 1 and t.last_line + 3
where l.clean_text <> ''
