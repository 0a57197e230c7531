-- Check: one figure (same council, measure, value type, period and subject: figure_key) printed
-- more than once in one pack with different values - in two tables, or twice in one. Percentages
-- printed once rounded and once to two decimals are the same figure, and so is a rate or a time
-- printed once whole and once with decimals less than 1 away ('76' and '76.5' per 10,000).
-- A key one table gives to two rows of different labels ('Community CAMHS' and 'Learning
-- disabilities (CAMHS LD team)', both CAMHS) names no one figure in that pack: the rows are two
-- figures the subject does not tell apart, so no printing of it is compared.
with printed as (
    select pack_id, figure_key, measure, unit, period_id, value, source_line, source_table_id,
           row_label, coalesce(service_text, service_area, '') as about
    from {{ batch(ref('int_facts')) }} f
    where value is not null
      -- a waiting-times part left unclassified (a district, 'of which ...') is no printing of a
      -- published figure
      and not (domain = 'waiting_times' and {{ waiting_times_part('f') }} is not null)
),
ambiguous_keys as (
    select distinct pack_id, figure_key
    from printed
    where source_table_id is not null and row_label is not null
    group by pack_id, figure_key, source_table_id
    having count(distinct lower(trim(row_label))) > 1
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
    from printed p
    where not exists (select 1 from ambiguous_keys a
                      where a.pack_id = p.pack_id and a.figure_key = p.figure_key)
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
