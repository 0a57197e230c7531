{{ config(pre_hook="{{ delete_queued_related_packs() }}") }}
-- Cross-pack and pack-incremental: a row compares two packs (pack_id and related_pack_id) and
-- depends on those two packs alone, so a run computes the pairs in which a queued pack takes
-- part and deletes the rows of queued packs on either side (folder cross_pack, dbt_project.yml:
-- built with the cross-pack models, after the fact gate, never with the pack models).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- Check across packs: one figure (figure_key) printed in two packs with different values - a
-- re-issued or corrected pack, a supplement, the same report to two committees, or a later
-- report's figure for an earlier year. Reported on the later pack (by meeting date), naming the
-- earlier pack and its line. Explicitly cross-pack: derived from int_facts, one row per pair of
-- packs and figure that disagree.
with printed as (
    select f.figure_key, f.pack_id, f.measure, f.unit, f.period_id, f.value, f.source_line,
           f.source_table_id, p.meeting_date, p.file_name
    from {{ ref('int_facts') }} f
    join {{ ref('stg_packs') }} p using (pack_id)
    where f.value is not null
),
batch_figures as (   -- figures the queued packs print (every figure on a full refresh)
    select distinct figure_key from {{ batch(ref('int_facts')) }} where value is not null
),
shared as (
    -- figures printed in more than one pack, with more than one value
    select figure_key
    from printed
    join batch_figures using (figure_key)
    group by figure_key
    having count(distinct pack_id) > 1 and count(distinct value) > 1
),
pairs as (
    select
        a.pack_id, a.figure_key, a.measure, a.unit, a.period_id,
        b.pack_id as related_pack_id, b.file_name as related_file_name,
        min(a.value) as value, min(b.value) as related_value,
        array_to_string(list_sort(list(distinct a.source_line)), ',') as source_lines,
        array_to_string(list_sort(list(distinct b.source_line)), ',') as related_source_lines,
        string_agg(distinct a.source_table_id, ',' order by a.source_table_id) as source_table_id,
        bool_or(abs(a.value - b.value) < case when a.unit = 'percent' then 1 else 0.001 end) as any_agree
    from printed a
    join shared s using (figure_key)
    join printed b
      on b.figure_key = a.figure_key and b.pack_id <> a.pack_id
     and (b.meeting_date < a.meeting_date or (b.meeting_date = a.meeting_date and b.pack_id < a.pack_id)
          or (b.meeting_date is null and a.meeting_date is not null))
    where {{ in_batch('a.pack_id') }} or {{ in_batch('b.pack_id') }}
    group by all
)
select
    pack_id,
    'same_figure_differs_between_packs' as check_name,
    'error' as severity,
    source_table_id,
    source_lines,
    measure,
    period_id,
    related_value as expected_value,
    value as observed_value,
    related_pack_id,
    related_source_lines,
    concat_ws('|', figure_key, related_pack_id) as finding_key,
    measure || ' (' || period_id || ') is printed as ' || {{ fmt_num('value') }} || ' here (line ' || source_lines
        || ') but as ' || {{ fmt_num('related_value') }} || ' in ' || related_file_name || ' (line ' || related_source_lines
        || ')' as detail
from pairs
where not any_agree
