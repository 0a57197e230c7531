-- Check: the same measure, for the same council, period, service and breakdown, printed more than
-- once in one pack with different values.
with keyed as (
    select
        f.*,
        concat_ws('|', f.measure, f.component, f.subject_council_gss, f.period_id, f.value_type,
                  coalesce(f.service_area, '-'), coalesce(f.service_code, '-'),
                  coalesce(lower(f.theme), '-'),
                  -- the row and column texts, unless they are a period, a service, a theme,
                  -- a total or the measure itself
                  case when f.row_role in ('total', 'comparison') then '-'
                       when f.row_service_code is not null then 'service row'
                       when f.row_is_period or f.theme is not null then '-'
                       -- a short row label that is the measure itself ('Complaints', '- of which upheld')
                       when f.row_measure is not null
                            and len(string_split(trim(regexp_replace(f.row_label, '^[-\s]+', '')), ' ')) <= 3 then '-'
                       else lower(concat_ws(' ', f.row_label, f.row_text_cells, f.cell_key)) end,
                  coalesce(f.segment, '-'),
                  lower(coalesce(f.group_label, '-')),
                  case when f.is_period_column or f.col_is_period or f.col_service_code is not null
                            or f.col_measure is not null or f.cell_key is not null
                       then '-' else lower(coalesce(f.column_name, '')) end,
                  coalesce(f.stage, '-'), coalesce(f.procedure, '-')) as what
    from {{ ref('int_facts') }} f
    where f.value is not null and {{ in_batch('f.pack_id') }}
)
select
    pack_id,
    'same_measure_printed_with_different_values' as check_name,
    'warning' as severity,
    string_agg(distinct source_table_id, ',' order by source_table_id) as source_table_id,
    array_to_string(list_sort(list(distinct source_line)), ',') as source_lines,
    any_value(measure) as measure,
    min(value) as expected_value,
    max(value) as observed_value,
    'Printed ' || count(*) || ' times with values ' || string_agg(distinct cast(value as varchar), ' / ' order by cast(value as varchar))
        || ' (' || what || ')' as detail
from keyed
group by pack_id, what
having count(distinct value) > 1
   -- percentages printed once rounded and once to 2 decimals are the same figure
   and (any_value(unit) <> 'percent' or max(value) - min(value) >= 1)
