-- Check: one figure (same council, measure, value type, period and subject: figure_key) printed
-- more than once in one pack with different values - in two tables, or twice in one. Percentages
-- printed once rounded and once to two decimals are the same figure, and so is a rate or a time
-- printed once whole and once with decimals less than 1 away ('76' and '76.5' per 10,000).
with printed as (
    select pack_id, figure_key, measure, unit, period_id, value, source_line, source_table_id,
           coalesce(service_text, service_area, '') as about
    from {{ batch(ref('int_facts')) }} f
    where value is not null
      -- a waiting-times part left unclassified (a district, 'of which ...') is no printing of a
      -- published figure
      and not (domain = 'waiting_times' and {{ waiting_times_part('f') }} is not null)
),
figures as (
    select
        pack_id, figure_key,
        any_value(measure) as measure,
        any_value(unit) as unit,
        any_value(period_id) as period_id,
        min(about) as about,
        min(value) as low,
        max(value) as high,
        string_agg(distinct source_table_id, ',' order by source_table_id) as source_table_id,
        array_to_string(list_sort(list(distinct source_line)), ',') as source_lines,
        string_agg(distinct 'line ' || source_line || ': ' || {{ fmt_num('value') }}, '; '
                   order by 'line ' || source_line || ': ' || {{ fmt_num('value') }})
            as printings
    from printed
    group by pack_id, figure_key
    having count(distinct value) > 1
)
select
    pack_id,
    'same_figure_printed_with_different_values' as check_name,
    'error' as severity,
    source_table_id,
    source_lines,
    measure,
    period_id,
    low as expected_value,
    high as observed_value,
    figure_key as finding_key,
    measure || ' (' || period_id || case when about <> '' then ', ' || about else '' end
        || ') is printed with different values: ' || printings as detail
from figures
where high - low >= 1
   or (unit <> 'percent' and low <> round(low) and high <> round(high))
