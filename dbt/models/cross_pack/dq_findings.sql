{{ config(
    schema='marts',
    pre_hook="{{ delete_touched_figures() }}",
    persist_docs={'relation': true, 'columns': true},
) }}
-- Pack-incremental, built with the cross-pack models after the fact gate (folder cross_pack):
-- a run deletes the findings of the queued packs and the cross-pack conflicts of every figure
-- it compares again (int_cross_pack_touched_figures; the pre-hooks), then inserts the queued
-- packs' findings (the int_dq_* rows of the packs queued `load`) and the conflicts of those
-- figures (int_dq_cross_pack_conflicts, from the chain just computed again). A pack's own
-- finding depends on its pack alone, a conflict on its figure's printings alone, so this gives
-- the rows a full refresh gives.
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- depends_on: {{ ref('int_cross_pack_touched_figures') }}
-- Data-quality findings: one row per inconsistency the packs print (the int_dq_* checks), each with
-- a unique id, a severity (error: two printings of one figure disagree; warning: printed figures
-- do not add up; info: shares below 100%, which open cases may explain), the printed lines it
-- concerns (and, across packs, the other pack and its lines) and a one-line explanation.
{% set checks = ['int_dq_quarter_sums', 'int_dq_subtotal_sums', 'int_dq_ratios', 'int_dq_conflicting_values',
                 'int_dq_combined_upheld', 'int_dq_share_sums', 'int_dq_breakdown_totals',
                 'int_dq_unknown_council', 'int_dq_prose_vs_tables', 'int_dq_prose_item_counts',
                 'int_dq_outcomes_exceed_received'] %}
with findings as (
    {% for c in checks %}
    select pack_id, check_name, severity, source_table_id, source_lines, measure, period_id,
           cast(expected_value as double) as expected_value, cast(observed_value as double) as observed_value,
           null::varchar as related_pack_id, null::varchar as related_source_lines, finding_key, detail,
           null::varchar as figure_key
    from {{ batch(ref(c)) }}
    union all
    {% endfor %}
    select pack_id, check_name, severity, source_table_id, source_lines, measure, period_id,
           cast(expected_value as double), cast(observed_value as double),
           related_pack_id, related_source_lines, finding_key, detail, figure_key
    from {{ ref('int_dq_cross_pack_conflicts') }} c
    {% if is_incremental() %}
    where c.figure_key in (select t.figure_key from {{ ref('int_cross_pack_touched_figures') }} t)
    {% endif %}
),
keyed as (
    select {{ surrogate_key(['pack_id', 'check_name', 'finding_key']) }} as finding_id, *
    from findings
),
-- the lines a finding names, in its pack and in the related pack, one row each (the line numbers
-- first, then one join with the lines: a join on the unnested text ran some 15 times slower; one
-- join for both sides, a scan of every printed line of every pack, not two)
line_refs as (
    select k.finding_id, 'own' as side, k.pack_id, try_cast(trim(u.line) as integer) as line_number
    from keyed k
    cross join unnest(string_split(k.source_lines, ',')) as u(line)
    union all
    select k.finding_id, 'related' as side, k.related_pack_id as pack_id,
           try_cast(trim(u.line) as integer) as line_number
    from keyed k
    cross join unnest(string_split(k.related_source_lines, ',')) as u(line)
    where k.related_pack_id is not null
),
printed as materialized (
    select r.finding_id, r.side,
           list('line ' || l.line_number || ': ' || left(replace(l.text, chr(9), ' | '), 200)
                order by l.line_number) as printed_lines
    from line_refs r
    join {{ ref('stg_lines') }} l using (pack_id, line_number)
    group by r.finding_id, r.side
),
lines as (
    select finding_id, printed_lines from printed where side = 'own'
),
related_lines as (
    select finding_id, printed_lines as related_printed_lines from printed where side = 'related'
)
select
    k.finding_id,
    k.pack_id,
    k.check_name,
    k.severity,
    k.source_table_id,
    k.source_lines,
    l.printed_lines,
    k.measure,
    k.period_id,
    k.expected_value,
    k.observed_value,
    k.detail,
    k.related_pack_id,
    k.related_source_lines,
    r.related_printed_lines,
    k.figure_key,
    'dbt' as checked_by
from keyed k
left join lines l using (finding_id)
left join related_lines r using (finding_id)
