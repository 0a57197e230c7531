-- Check: a printed percentage follows from the counts printed beside it (seed ratio_checks):
-- '44.44% 4/9', or '% waiting over 18 weeks' beside 'over 18 weeks' and 'referrals waiting'.
-- The counts are those of the same table row and period, and of the percentage's stage where
-- both name one ('Stage 1 | Responded in time (%)' is of 'Stage 1 | Received', not of 'Stage 2 |
-- Received' in the same row). A percentage the seed gives several denominators ('% in time' of
-- those 'Responded', else of those 'Received') is checked against each printed beside it: a
-- finding only when none agrees, naming the nearest.
with obs as (
    select pack_id, source_table_id, source_row, period_id, measure, value, source_line, stage
    from {{ ref('int_facts') }}
    where value is not null and source_table_id is not null and {{ in_batch('pack_id') }}
),
trios as (
    select
        p.pack_id, p.source_table_id, p.period_id, c.pct_measure, c.tolerance,
        p.value as pct_value, n.value as num_value, d.value as den_value,
        p.source_line as pct_line, n.source_line as num_line, d.source_line as den_line,
        array_to_string(list_sort(list_distinct([p.source_line, n.source_line, d.source_line])), ',')
            as source_lines
    from {{ ref('ratio_checks') }} c
    join obs p on p.measure = c.pct_measure
    join obs n on n.measure = c.numerator_measure and n.source_table_id = p.source_table_id
              and n.source_row = p.source_row and n.period_id = p.period_id
              and (n.stage is null or p.stage is null or n.stage = p.stage)
    join obs d on d.measure = c.denominator_measure and d.source_table_id = p.source_table_id
              and d.source_row = p.source_row and d.period_id = p.period_id
              and (d.stage is null or p.stage is null or d.stage = p.stage)
    where d.value > 0
      -- a percentage its table's note says is of the complaints responded to ('* % of complaints
      -- responded to in the period'; var percent_of_responded_note) is no share of those received
      and not (c.denominator_measure = 'complaints_received'
               and p.source_table_id in (select n.table_id from {{ batch(ref('int_table_notes')) }} n
                                         where regexp_matches(n.note_text, '{{ var("percent_of_responded_note") }}')))
),
checked as (
    select *
    from trios
    window printed as (partition by pack_id, source_table_id, pct_line, period_id, pct_measure, pct_value)
    qualify not bool_or(abs(pct_value - 100.0 * num_value / den_value) <= tolerance) over printed
        and row_number() over (partition by pack_id, source_table_id, pct_line, period_id, pct_measure, pct_value
                               order by abs(pct_value - 100.0 * num_value / den_value), den_line) = 1
)
select
    pack_id,
    'percentage_matches_counts' as check_name,
    'warning' as severity,
    source_table_id,
    source_lines,
    pct_measure as measure,
    period_id,
    round(100.0 * num_value / den_value, 2) as expected_value,
    pct_value as observed_value,
    concat_ws('|', source_table_id, pct_line, num_line, den_line, pct_measure, period_id) as finding_key,
    'Printed ' || {{ fmt_num('pct_value') }} || '% (line ' || pct_line || ') but the counts beside it give '
        || {{ fmt_num('num_value') }} || ' / ' || {{ fmt_num('den_value') }} || ' = '
        || {{ fmt_num('100.0 * num_value / den_value') }} || '% (lines '
        || num_line || ', ' || den_line || ')' as detail
from checked
