-- Check: the outcomes a table row prints for its complaints (upheld, partially upheld, not
-- upheld) together exceed the complaints it prints as received, in the same period and stage
-- ('Fostering Service | 7 | 3 | 5 | 1' under 'Received | Upheld | Partly upheld | Not upheld'):
-- each outcome alone may be within the whole (the fact gate's part_within_whole), their sum is
-- not. Two outcomes printed at least; a measure printed twice in the row and period is no one
-- outcome of it (parts by another breakdown), and is left out. The outcomes are var
-- complaint_outcome_measures.
{%- set outcomes = var('complaint_outcome_measures') %}
with facts as (
    select pack_id, source_table_id, source_row, period_id, stage, measure,
           any_value(value) as value, any_value(source_line) as source_line, count(*) as printed
    from {{ batch(ref('int_facts')) }}
    where value is not null and source_table_id is not null and value_type = 'actual'
      and measure in ('complaints_received', '{{ outcomes | join("', '") }}')
    group by all
),
rows_judged as (
    select r.pack_id, r.source_table_id, r.source_row, r.period_id, r.stage,
           r.value as received, r.source_line,
           sum(o.value) as outcomes,
           count(*) as outcome_measures,
           string_agg(replace(replace(o.measure, 'complaints_', ''), '_', ' ') || ' '
                      || {{ fmt_num('o.value') }}, ' + ' order by o.measure desc) as outcome_text
    from facts r
    join facts o on o.pack_id = r.pack_id and o.source_table_id = r.source_table_id
                and o.source_row = r.source_row and o.period_id = r.period_id
                and o.stage is not distinct from r.stage
                and o.measure <> 'complaints_received' and o.printed = 1
    where r.measure = 'complaints_received' and r.printed = 1
    group by all
)
select
    pack_id,
    'outcomes_exceed_received' as check_name,
    'warning' as severity,
    source_table_id,
    cast(source_line as varchar) as source_lines,
    'complaints_received' as measure,
    period_id,
    outcomes as expected_value,
    received as observed_value,
    concat_ws('|', source_table_id, source_row, period_id, stage) as finding_key,
    'The outcomes printed on line ' || source_line || ' (' || outcome_text || ' = '
        || {{ fmt_num('outcomes') }} || ') exceed the ' || {{ fmt_num('received') }}
        || ' complaints it prints as received, ' || period_id as detail
from rows_judged
where outcome_measures >= 2 and outcomes > received
