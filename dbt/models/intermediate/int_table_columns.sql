-- What each table column means: a fiscal quarter, a year total, a fiscal year, an as-of date,
-- a target/baseline, a service area or service (e.g. 'Adult Services 2014/2015').
with cols as (
    select distinct table_id, pack_id, col_index, coalesce(column_name, '') as column_name
    from {{ ref('stg_table_cells') }}
    where not is_header
),
service_area as (
    select c.table_id, c.col_index, arg_max(p.service_area, p.priority) as service_area
    from cols c join {{ ref('service_area_patterns') }} p on regexp_matches(c.column_name, p.pattern)
    group by all
),
service as (
    select c.table_id, c.col_index, arg_max(p.service_code, p.priority) as service_code
    from cols c join {{ ref('service_aliases') }} p on regexp_matches(c.column_name, p.pattern)
    group by all
)
select
    c.table_id,
    c.pack_id,
    c.col_index,
    c.column_name,
    {{ quarter_number('c.column_name') }} as quarter,
    regexp_matches(c.column_name, '(?i)\btotals?\b') and {{ quarter_number('c.column_name') }} is null
        as is_total_col,
    {{ fy_start_year('c.column_name') }} as fy_start_year,
    {{ as_of_date('c.column_name') }} as as_of_date,
    {{ parse_month_year('c.column_name') }} as month_start,
    case when regexp_matches(c.column_name, '(?i)\btarget\b') then 'target'
         when regexp_matches(c.column_name, '(?i)\bbaseline\b') then 'baseline' end as value_type,
    sa.service_area,
    sv.service_code
from cols c
left join service_area sa using (table_id, col_index)
left join service sv using (table_id, col_index)
