-- Check: a printed percentage agrees with its printed numerator and denominator
-- (seed ratio_checks), e.g. '% waiting over 18 weeks' vs 'over 18 weeks' / 'referrals waiting'.
with obs as (
    select pack_id, source_table_id, source_row, period_id, measure, value, source_line
    from {{ ref('int_facts') }}
    where value is not null and source_table_id is not null and {{ in_batch('pack_id') }}
),
trios as (
    select
        p.pack_id, p.source_table_id, c.pct_measure, c.tolerance,
        p.value as pct_value, n.value as num_value, d.value as den_value,
        concat_ws(',', p.source_line, n.source_line, d.source_line) as source_lines
    from {{ ref('ratio_checks') }} c
    join obs p on p.measure = c.pct_measure
    join obs n on n.measure = c.numerator_measure and n.source_table_id = p.source_table_id
              and n.source_row = p.source_row and n.period_id = p.period_id
    join obs d on d.measure = c.denominator_measure and d.source_table_id = p.source_table_id
              and d.source_row = p.source_row and d.period_id = p.period_id
    where d.value > 0
)
select
    pack_id,
    'percentage_matches_numerator_denominator' as check_name,
    'warning' as severity,
    source_table_id,
    source_lines,
    pct_measure as measure,
    round(100.0 * num_value / den_value, 2) as expected_value,
    pct_value as observed_value,
    'Printed ' || pct_value || '% but ' || num_value || '/' || den_value || ' = '
        || round(100.0 * num_value / den_value, 2) || '%' as detail
from trios
where abs(pct_value - 100.0 * num_value / den_value) > tolerance
