{{ config(pre_hook="{{ delete_touched_figures() }}") }}
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('int_cross_pack_touched_figures') }}
-- The printings of one figure (figure_key: same council, measure, period and subject) across
-- packs, in the order of their meetings (a pack without a meeting date first, then by date,
-- ties by pack_id): one row per pack that prints a figure an earlier pack printed too, beside
-- that previous printing, and whether the two agree (any value of one within the tolerance of
-- any value of the other: under one percentage point for percentages, else equal).
--
-- Comparing each printing with the one before it (not every pair of packs) keeps the rows
-- linear in the printings: a figure printed in 2,500 packs gives at most 2,499 rows, where
-- every pair would give three million.
--
-- Incremental by figure: a run computes again the figures of int_cross_pack_touched_figures
-- (those a queued pack prints or took part in) after the pre-hook deleted their rows; a full
-- refresh computes every figure.
with printings as (   -- one row per figure and pack: its values and the lines that print them
    select
        f.figure_key,
        f.pack_id,
        min(f.measure) as measure,
        min(f.unit) as unit,
        min(f.period_id) as period_id,
        list_sort(list(distinct f.value)) as printed_values,  -- not an ordered aggregate: far faster
        min(f.value) as value,
        array_to_string(list_sort(list(distinct f.source_line)), ',') as source_lines,
        array_to_string(list_sort(list(distinct f.source_table_id) filter (where f.source_table_id is not null)), ',')
            as source_table_id,
        min(p.meeting_date) as meeting_date,
        min(p.file_name) as file_name
    from {{ ref('int_facts') }} f
    join {{ ref('stg_packs') }} p using (pack_id)
    where f.value is not null
    {% if is_incremental() %}
      and f.figure_key in (select t.figure_key from {{ ref('int_cross_pack_touched_figures') }} t)
    {% endif %}
    group by f.figure_key, f.pack_id
),
ordered as (
    select
        p.*,
        lag(p.pack_id) over meetings as previous_pack_id,
        lag(p.file_name) over meetings as previous_file_name,
        lag(p.printed_values) over meetings as previous_values,
        lag(p.value) over meetings as previous_value,
        lag(p.source_lines) over meetings as previous_source_lines
    from printings p
    window meetings as (partition by p.figure_key order by p.meeting_date nulls first, p.pack_id)
)
select
    figure_key,
    pack_id,
    measure,
    unit,
    period_id,
    value,
    source_lines,
    source_table_id,
    previous_pack_id,
    previous_file_name,
    previous_value,
    previous_source_lines,
    len(list_filter(printed_values, lambda v: len(list_filter(previous_values,
        lambda w: abs(v - w) < case when unit = 'percent' then 1 else 0.001 end)) > 0)) > 0 as agrees
from ordered
where previous_pack_id is not null
