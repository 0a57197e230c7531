-- Check: the detail rows of a table block (services, teams, themes, remedy types...) add up to the
-- block's printed total row, column by column. When rows marked as children ('- Debt Recovery',
-- 'Of which: Shared Lives', var subset_row_opener) are a breakdown of the row above them rather
-- than siblings, the rows without the mark add up instead: either sum matching the total is no
-- finding.
-- A row whose label runs over a page break prints its figures on its second line (part 1): its
-- figures count with the other rows' first figures (the nth part printing a figure, not part n).
-- Rows of the block read as another measure count too when all its rows together make the total
-- ('Upheld', the Ombudsman's upheld complaints, among its decisions by outcome): no finding when
-- the measure's rows, those and the rows of its parts (seed measure_parts: 'Investigated -
-- upheld' among the Ombudsman's decisions, beside a row of enquiries received that is none), or
-- all the block's rows add up to it. A block with a detail row left unclassified is not checked
-- (its sum is unknown).
{# the rows of block b's column in another grouping of the block's facts ('{g}': its alias) #}
{% set same_column_of_block = "{g}.source_table_id = b.source_table_id and {g}.source_col = b.source_col
   and {g}.block_index is not distinct from b.block_index and {g}.source_part = b.source_part
   and {g}.component is not distinct from b.component" %}
with facts as (
    select f.* replace (
               dense_rank() over (partition by f.source_table_id, f.source_row, f.source_col, f.measure
                                  order by f.source_part) - 1 as source_part),
           r.block_index,
           regexp_matches(coalesce(f.row_label, ''), '^\s*[-–•]\s')
               or regexp_matches(coalesce(f.row_label, ''), '{{ var("subset_row_opener") }}') as is_marked
    from {{ ref('int_facts') }} f
    join {{ batch(ref('int_table_rows')) }} r
      on r.table_id = f.source_table_id and r.row_index = f.source_row
    where f.unit = 'count' and f.row_role in ('detail', 'total') and {{ in_batch('f.pack_id') }}
),
blocks as (
    select
        pack_id, source_table_id, source_col, block_index, source_part, measure, component,
        min(column_name) as column_name,
        max(period_id) as period_id,
        count(*) filter (where row_role = 'detail' and value is not null) as n_detail,
        count(*) filter (where row_role = 'detail' and value is null) as n_unknown,
        sum(value) filter (where row_role = 'detail') as detail_sum,
        coalesce(sum(value) filter (where row_role = 'detail' and not is_marked), 0) as unmarked_sum,
        max(value) filter (where row_role = 'total') as total_value,
        count(*) filter (where row_role = 'total') as n_total,
        array_to_string(list_sort(list(distinct source_line)), ',') as source_lines
    from facts
    group by all
)
select
    b.pack_id,
    'detail_rows_sum_to_total_row' as check_name,
    'warning' as severity,
    b.source_table_id,
    source_lines,
    measure,
    period_id,
    total_value as expected_value,
    detail_sum as observed_value,
    concat_ws('|', b.source_table_id, b.source_col, b.block_index, b.source_part, measure) as finding_key,
    'The rows above the total in column ''' || coalesce(column_name, '?') || ''' add up to ' || {{ fmt_num('detail_sum') }}
        -- (rows read as another measure, 'Upheld' among the Ombudsman's decisions, said apart)
        || case when pm.parts_sum is not null
                then ' (' || {{ fmt_num('detail_sum + pm.parts_sum') }} || ' with the rows of its parts)'
                else '' end
        || case when a.all_detail_sum is not null and abs(a.all_detail_sum - detail_sum) > 0.001
                then ' (' || {{ fmt_num('a.all_detail_sum') }} || ' with the rows read as another measure)'
                else '' end
        || ' but the total row says ' || {{ fmt_num('total_value') }} as detail
from blocks b
left join (
    select source_table_id, source_col, block_index, source_part, component,
           sum(value) filter (where row_role = 'detail') as all_detail_sum
    from facts
    group by all
) a on {{ same_column_of_block | replace('{g}', 'a') }}
left join (
    select p.source_table_id, p.source_col, p.block_index, p.source_part, p.component, mp.whole_measure,
           sum(p.value) as parts_sum
    from facts p
    join {{ ref('measure_parts') }} mp on mp.part_measure = p.measure
    where p.row_role = 'detail'
    group by all
) pm on {{ same_column_of_block | replace('{g}', 'pm') }} and pm.whole_measure = b.measure
where n_total = 1
  and n_detail >= 2
  and n_unknown = 0
  -- a detail row of the block whose figure no measure names (unclassified: 'Care Act assessment
  -- (new referrals)' among lists the caption names) is missing from the sum: no finding
  and not exists (
      select 1 from {{ batch(ref('int_observations')) }} o
      where o.table_id = b.source_table_id and o.col_index = b.source_col and o.measure is null
        and o.value is not null and o.row_role = 'detail'
        and o.block_index is not distinct from b.block_index)
  and abs(detail_sum - total_value) > 0.001
  and abs(unmarked_sum - total_value) > 0.001
  and abs(coalesce(a.all_detail_sum, 0) - total_value) > 0.001
  and abs(detail_sum + coalesce(pm.parts_sum, 0) - total_value) > 0.001
