-- Check: a breakdown printed as several sub-tables (consecutive tables of one document under one
-- caption line, each with its own title and total row: 'The following tables provide a further breakdown of the
-- 130 complaints') adds up, period by period, to the figures of the table printed before it
-- for the whole (the same measure, value type and period, with no service, theme, district or
-- breakdown of its own).
with tables as (
    select t.table_id, t.pack_id, t.document_id, t.seq, s.caption_first_line
    from {{ batch(ref('int_tables')) }} t
    join {{ batch(ref('stg_tables')) }} s using (table_id)
),
runs as (
    select *,
           sum(case when caption_first_line is distinct from prev_caption or prev_document is distinct from document_id
                    then 1 else 0 end)
               over (partition by pack_id order by seq) as run_id
    from (select *, lag(caption_first_line) over (partition by pack_id order by seq) as prev_caption,
                    lag(document_id) over (partition by pack_id order by seq) as prev_document
          from tables)
),
groups as (
    select pack_id, run_id, min(seq) as first_seq, count(*) as n_tables,
           string_agg(table_id, ',' order by seq) as table_ids
    from runs
    where caption_first_line is not null
    group by pack_id, run_id
    having count(*) >= 2
),
parts as (
    select g.pack_id, g.run_id, g.first_seq, g.n_tables, g.table_ids, f.document_id,
           f.measure, f.value_type, f.period_id, f.subject_council_gss,
           sum(f.value) as parts_sum,
           count(distinct f.source_table_id) as n_with_total,
           array_to_string(list_sort(list(distinct f.source_line)), ',') as part_lines
    from {{ batch(ref('int_facts')) }} f
    join runs r on r.table_id = f.source_table_id
    join groups g on g.pack_id = r.pack_id and g.run_id = r.run_id
    where f.row_role = 'total' and f.value is not null and f.unit = 'count' and f.component = 'value'
    group by all
),
wholes as (
    select f.pack_id, f.document_id, t.seq, f.source_table_id, f.measure, f.value_type, f.period_id,
           f.subject_council_gss, f.value, f.source_line
    from {{ batch(ref('int_facts')) }} f
    join tables t on t.table_id = f.source_table_id
    where f.value is not null and f.unit = 'count' and f.component = 'value'
      and f.row_role in ('detail', 'total')
      and f.service_code is null and f.theme is null and f.district is null and f.breakdown is null
      and f.service_text is null
),
matched as (
    select p.*, w.source_table_id as whole_table_id, w.seq as whole_seq, w.value as whole_value,
           w.source_line as whole_line,
           max(w.seq) over (partition by p.pack_id, p.run_id) as nearest_seq
    from parts p
    join wholes w
      on w.pack_id = p.pack_id and w.document_id = p.document_id and w.seq < p.first_seq
     and w.measure = p.measure and w.value_type = p.value_type and w.period_id = p.period_id
     and w.subject_council_gss = p.subject_council_gss
    where p.n_with_total = p.n_tables
),
disagreeing as (
    select * from matched
    where whole_seq = nearest_seq and abs(parts_sum - whole_value) > 0.001
)
select
    pack_id,
    'breakdown_tables_sum_to_whole' as check_name,
    'warning' as severity,
    whole_table_id || ',' || table_ids as source_table_id,
    array_to_string(list_sort(list_distinct(flatten(list(
        string_split(whole_line || ',' || part_lines, ',')::integer[])))), ',') as source_lines,
    min(measure) as measure,
    string_agg(period_id, ',' order by period_id) as period_id,
    -- the period where they differ most (of equal gaps, the largest whole: one row, whatever the
    -- order the rows come in)
    arg_max(whole_value, [abs(parts_sum - whole_value), whole_value, parts_sum]) as expected_value,
    arg_max(parts_sum, [abs(parts_sum - whole_value), whole_value, parts_sum]) as observed_value,
    concat_ws('|', whole_table_id, table_ids, min(measure)) as finding_key,
    'The totals of the ' || max(n_tables) || ' breakdown tables do not add up to the figures printed for the whole: '
        || string_agg(period_id || ': the tables add up to ' || {{ fmt_num('parts_sum') }} || ', the whole is '
                      || {{ fmt_num('whole_value') }} || ' (line ' || whole_line || ')',
                      '; ' order by period_id) as detail
from disagreeing
group by pack_id, whole_table_id, table_ids
