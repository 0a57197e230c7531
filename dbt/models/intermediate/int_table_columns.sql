-- What each table column means: a fiscal quarter, a year total, a fiscal year, an as-of date,
-- a target/baseline, a service area or service (e.g. 'Adult Services 2014/2015').
-- Every meaning depends on the column name alone, so the patterns run once per distinct name
-- (a corpus repeats its column names from pack to pack), then join back to the columns.
with cols as (
    select distinct table_id, pack_id, col_index, coalesce(column_name, '') as column_name
    from {{ ref('stg_table_cells') }}
    where not is_header and {{ in_batch('pack_id') }}
),
names as (
    select distinct column_name from cols
),
service_area as (
    select n.column_name, arg_max(p.service_area, p.priority) as service_area
    from names n join {{ ref('service_area_patterns') }} p on regexp_matches(n.column_name, p.pattern)
    group by all
),
service as (
    select n.column_name, arg_max(p.service_code, p.priority) as service_code
    from names n join {{ ref('service_aliases') }} p on regexp_matches(n.column_name, p.pattern)
    group by all
),
meanings as (
    select
        n.column_name,
        {{ quarter_number('n.column_name') }} as quarter,
        regexp_matches(n.column_name, '(?i)\btotals?\b') and {{ quarter_number('n.column_name') }} is null
            as is_total_col,
        {{ fy_start_year('n.column_name') }} as fy_start_year,
        {{ as_of_date('n.column_name') }} as as_of_date,
        {{ parse_month_year('n.column_name') }} as month_start,
        case when regexp_matches(n.column_name, '(?i)\btarget\b') then 'target'
             when regexp_matches(n.column_name, '(?i)\bbaseline\b') then 'baseline' end as value_type,
        sa.service_area,
        sv.service_code
    from names n
    left join service_area sa using (column_name)
    left join service sv using (column_name)
)
select
    c.table_id,
    c.pack_id,
    c.col_index,
    c.column_name,
    m.quarter,
    m.is_total_col,
    m.fy_start_year,
    m.as_of_date,
    m.month_start,
    m.value_type,
    m.service_area,
    m.service_code
from cols c
join meanings m using (column_name)
