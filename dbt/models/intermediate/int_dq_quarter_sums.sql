-- Check: the four quarterly cells of a printed row add up to the row's total for their year
-- (a '2022/23 total' beside the quarters of 2023/24 is another year's).
with rows as (
    select
        pack_id, source_table_id, source_row, source_part, measure, component, fiscal_year,
        count(*) filter (where fiscal_quarter is not null and value is not null) as n_quarters,
        sum(value) filter (where fiscal_quarter is not null) as quarter_sum,
        max(value) filter (where is_total_col) as year_total,
        array_to_string(list_sort(list(distinct source_line)), ',') as source_lines,
        max(row_label) as row_label,
        max(period_id) filter (where is_total_col) as period_id
    from {{ ref('int_facts') }}
    where unit = 'count' and is_period_column and {{ in_batch('pack_id') }}
    group by all
)
select
    pack_id,
    'quarters_sum_to_year_total' as check_name,
    'warning' as severity,
    source_table_id,
    source_lines,
    measure,
    period_id,
    year_total as expected_value,
    quarter_sum as observed_value,
    concat_ws('|', source_table_id, source_row, source_part, measure) as finding_key,
    'The quarters of ''' || coalesce(row_label, '?') || ''' (' || coalesce(fiscal_year, '?') || ') add up to '
        || {{ fmt_num('quarter_sum') }} || ' but the printed year total is ' || {{ fmt_num('year_total') }} as detail
from rows
where n_quarters = 4
  and year_total is not null
  and abs(quarter_sum - year_total) > 0.001
