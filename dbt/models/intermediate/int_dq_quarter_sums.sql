-- Check: the four quarterly cells of a printed row add up to the row's total for their year
-- (a '2022/23 total' beside the quarters of 2023/24 is another year's); the first quarters of a
-- year add up to the row's total for the year so far printed beside them ('Q1 2025/26 | Q2
-- 2025/26 | 2025/26 year to date': a count from 1 April to the end of the last quarter printed).
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
),
to_date_rows as (
    select
        pack_id, source_table_id, source_row, source_part, measure, component, fiscal_year,
        count(distinct fiscal_quarter) filter (where fiscal_quarter is not null and value is not null) as n_quarters,
        max(fiscal_quarter) as last_quarter,
        sum(value) filter (where fiscal_quarter is not null) as quarter_sum,
        count(*) filter (where period_type = 'to_date') as n_to_date,
        max(value) filter (where period_type = 'to_date') as to_date_total,
        max(period_start) filter (where period_type = 'to_date') as to_date_start,
        max(period_end) filter (where period_type = 'to_date') as to_date_end,
        min(period_start) filter (where fiscal_quarter = 1) as first_quarter_start,
        max(period_end) filter (where fiscal_quarter is not null) as last_quarter_end,
        array_to_string(list_sort(list(distinct source_line)), ',') as source_lines,
        max(row_label) as row_label,
        max(period_id) filter (where period_type = 'to_date') as period_id
    from {{ ref('int_facts') }}
    where unit = 'count' and value_type = 'actual' and {{ in_batch('pack_id') }}
      and ((is_period_column and fiscal_quarter is not null) or period_type = 'to_date')
    group by all
),
-- the quarters beside the total they add up to, each with the words naming them
compared as (
    select pack_id, source_table_id, source_row, source_part, measure, fiscal_year, source_lines,
           row_label, period_id, quarter_sum, year_total as printed_total, null::varchar as key_suffix,
           'The quarters of ' as quarters_words, ' but the printed year total is ' as total_words
    from rows
    where n_quarters = 4 and year_total is not null
    union all
    select pack_id, source_table_id, source_row, source_part, measure, fiscal_year, source_lines,
           row_label, period_id, quarter_sum, to_date_total, 'to_date',
           'The quarters 1 to ' || last_quarter || ' of ', ' but the printed total for the year so far is '
    from to_date_rows
    where n_to_date = 1
      and last_quarter < 4 and n_quarters = last_quarter
      and to_date_start = first_quarter_start and to_date_end = last_quarter_end
)
select
    pack_id,
    'quarters_sum_to_year_total' as check_name,
    'warning' as severity,
    source_table_id,
    source_lines,
    measure,
    period_id,
    printed_total as expected_value,
    quarter_sum as observed_value,
    concat_ws('|', source_table_id, source_row, source_part, measure, key_suffix) as finding_key,
    quarters_words || '''' || coalesce(row_label, '?') || ''' (' || coalesce(fiscal_year, '?') || ') add up to '
        || {{ fmt_num('quarter_sum') }} || total_words || {{ fmt_num('printed_total') }} as detail
from compared
where abs(quarter_sum - printed_total) > 0.001
