-- Check: a sentence counts the items of the table under it ('a set of 12 standard themes' over a
-- table of themes) and the table lists another number of rows. The counted noun is read by seed
-- prose_item_nouns and must appear in the table's caption or headers; the table is the first one
-- starting within 12 lines after the sentence, in the same document. A sentence naming something
-- besides the items it counts ('three locality teams ... alongside a pan-Lancashire eating
-- disorder service' over a table of four services; var items_besides_words) is not checked.
with counts as (
    -- the counted noun is one of the two words after the number ('12 standard themes')
    select n.pack_id, n.mention_seq, n.line_number, n.sentence_last_line, n.number_text, n.value,
           unnest(string_split(lower(trim(regexp_extract(n.after_text, '^((?:[A-Za-z-]+\s*){1,2})', 1))), ' ')) as noun
    from {{ batch(ref('stg_prose_numbers')) }} n
    where n.skip_reason is null and n.value is not null and n.unit_cue is null and n.qualifier is null
      and n.role = 'level'
      and not regexp_matches(n.sentence, '{{ var("items_besides_words") }}')
),
nouned as (
    select distinct c.*
    from counts c
    join {{ ref('prose_item_nouns') }} p on {{ regexp_matches_seed('c.noun', 'p.pattern', ref('prose_item_nouns')) }}
),
next_table as (
    select c.*, t.table_id, t.first_line as table_line,
           concat_ws(' | ', t.caption, t.header_text) as table_text,
           row_number() over (partition by c.pack_id, c.mention_seq order by t.first_line) as rn
    from nouned c
    join {{ batch(ref('int_tables')) }} t
      on t.pack_id = c.pack_id and t.first_line > c.sentence_last_line
     and t.first_line <= c.sentence_last_line + 12
     and t.document_id is not distinct from (
         select d.document_id from {{ batch(ref('stg_documents')) }} d
         where d.pack_id = c.pack_id and c.line_number between d.first_line and d.last_line
         order by d.first_line desc limit 1)
),
rows as (
    select r.table_id, count(*) filter (where r.row_role = 'detail') as n_rows
    from {{ batch(ref('int_table_rows')) }} r
    group by r.table_id
)
select
    t.pack_id,
    'prose_count_disagrees_with_table_rows' as check_name,
    'warning' as severity,
    t.table_id as source_table_id,
    t.line_number || ',' || t.table_line as source_lines,
    null::varchar as measure,
    null::varchar as period_id,
    r.n_rows as expected_value,
    t.value as observed_value,
    concat_ws('|', 'prose_count', t.line_number, t.table_id) as finding_key,
    'Line ' || t.line_number || ' counts ' || t.number_text || ' ' || t.noun || ' but the table on line '
        || t.table_line || ' lists ' || r.n_rows || ' rows' as detail
from next_table t
join rows r using (table_id)
where t.rn = 1
  and regexp_matches(lower(t.table_text), regexp_replace(t.noun, '(ies|s)$', ''))
  and r.n_rows <> t.value
