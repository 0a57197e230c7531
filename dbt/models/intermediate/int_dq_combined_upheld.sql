-- Check: a combined 'upheld or partially upheld' figure equals upheld + partially upheld printed
-- for the same subject and period (subject_key), in the same table or another one of the pack.
-- A finding when no printing of the two parts adds up to the combined figure.
with facts as (
    select pack_id, subject_key, period_id, measure, value, source_line, source_table_id
    from {{ batch(ref('int_facts')) }}
    where value is not null
      and measure in ('complaints_upheld_or_partially_upheld', 'complaints_upheld',
                      'complaints_partially_upheld')
),
combos as (
    select
        c.pack_id, c.subject_key, c.period_id, c.value as combined, c.source_line as combined_line,
        c.source_table_id,
        u.value as upheld, u.source_line as upheld_line,
        pu.value as partially, pu.source_line as partially_line
    from facts c
    join facts u on u.pack_id = c.pack_id and u.subject_key = c.subject_key
                and u.measure = 'complaints_upheld'
    join facts pu on pu.pack_id = c.pack_id and pu.subject_key = c.subject_key
                 and pu.measure = 'complaints_partially_upheld'
    where c.measure = 'complaints_upheld_or_partially_upheld'
),
judged as (
    select
        pack_id, subject_key, period_id, combined, combined_line,
        any_value(source_table_id) as source_table_id,
        bool_or(abs(upheld + partially - combined) < 0.001) as any_match,
        arg_min(upheld, upheld_line * 100000 + partially_line) as upheld,
        arg_min(partially, upheld_line * 100000 + partially_line) as partially,
        min(upheld_line) as upheld_line,
        min(partially_line) as partially_line
    from combos
    group by all
)
select
    pack_id,
    'combined_upheld_equals_parts' as check_name,
    'warning' as severity,
    source_table_id,
    array_to_string(list_sort(list_distinct([combined_line, upheld_line, partially_line])), ',') as source_lines,
    'complaints_upheld_or_partially_upheld' as measure,
    period_id,
    upheld + partially as expected_value,
    combined as observed_value,
    concat_ws('|', subject_key, combined_line) as finding_key,
    'Upheld or partially upheld is printed as ' || {{ fmt_num('combined') }} || ' (line ' || combined_line
        || ') but upheld ' || {{ fmt_num('upheld') }} || ' + partially upheld ' || {{ fmt_num('partially') }}
        || ' = ' || {{ fmt_num('upheld + partially') }} || ' (line'
        || case when upheld_line = partially_line then ' ' || upheld_line
                else 's ' || upheld_line || ', ' || partially_line end
        || '), ' || period_id as detail
from judged
where not any_match
