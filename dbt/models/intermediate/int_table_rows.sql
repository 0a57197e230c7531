-- What each logical table row means: its role (detail / total / comparison), a fiscal year printed
-- in its label ('Comparison Totals for 2013/14', '2015/16'), the council it is about (benchmark
-- rows name other councils), its service, and the block it sits in when a table stacks several
-- sub-tables each with its own header row ('Looked after Children ... | Q1 | Q2 | ... | TOTAL').
with cells as (
    select * from {{ ref('stg_table_cells') }} where not is_header
),
rows as (
    select
        table_id,
        min(pack_id) as pack_id,
        row_index,
        min(row_label) as row_label,
        min(line_number) as first_line,
        -- a body row that repeats the header (every value cell equals its column name)
        -- or a section label with no values at all ('Day Service Provider', 'Looked after ... Services')
        bool_and(col_index = 0 or lower(trim(cell_text)) = lower(trim(coalesce(column_name, ''))) or cell_text = '')
          and coalesce(min(row_label), '') <> '' as is_subheader,
        -- text cells of the row other than the label (an 'Indicators' column, say)
        string_agg(cell_text, ' | ' order by col_index) filter (
            where col_index > 0 and part = 0 and cell_text <> ''
              and not regexp_matches(cell_text, '^[-–£]?\s*[0-9.,]+(\s|%|/|$)|^[-–\s]+$')
              and length(cell_text) < 300
              and not regexp_matches(cell_text, '(?i)^(n/?a|nil|none|not known|tbc)$')) as row_text_cells
    from cells
    group by table_id, row_index
),
roles as (
    select r.table_id, r.row_index, arg_max(p.row_role, p.priority) as row_role
    from rows r join {{ ref('row_roles') }} p on regexp_matches(r.row_label, p.pattern)
    group by all
),
councils as (
    select r.table_id, r.row_index, min(a.gss_code) as subject_gss_code
    from rows r join {{ ref('council_aliases') }} a
      on {{ norm_text('r.row_label') }} = a.alias
    group by all
),
services as (
    select r.table_id, r.row_index, arg_max(p.service_code, p.priority) as service_code
    from rows r join {{ ref('service_aliases') }} p
      on regexp_matches(regexp_replace(r.row_label, '\s*[*(].*$', ''), p.pattern)
    group by all
),
service_areas as (
    select r.table_id, r.row_index, arg_max(p.service_area, p.priority) as service_area
    from rows r join {{ ref('service_area_patterns') }} p on regexp_matches(r.row_label, p.pattern)
    group by all
),
segmented as (
    select
        r.*,
        sum(case when ro.row_role = 'total' then 1 else 0 end)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and 1 preceding)
            as n_breaks_before,
        ro.row_role as printed_role
    from rows r
    left join roles ro using (table_id, row_index)
)
select
    s.table_id,
    s.pack_id,
    s.row_index,
    s.row_label,
    s.first_line,
    s.is_subheader,
    s.row_text_cells,
    case when s.is_subheader then 'subheader'
         -- an unlabelled row whose first text cell says 'Total' is a subtotal of the rows above it
         when coalesce(s.row_label, '') = '' and regexp_matches(coalesce(s.row_text_cells, ''), '(?i)^totals?\b')
             then 'subtotal'
         else coalesce(s.printed_role, 'detail') end as row_role,
    -- rows between two totals / sub-headers form one block; a total closes its block
    coalesce(s.n_breaks_before, 0) as block_index,
    -- the label of the sub-header row this row sits under (a parent service / area)
    last_value(case when s.is_subheader then s.row_label end ignore nulls)
        over (partition by s.table_id order by s.row_index rows between unbounded preceding and current row)
        as group_label,
    {{ fy_start_year('s.row_label') }} as fy_start_year,
    {{ as_of_date('s.row_label') }} as as_of_date,
    c.subject_gss_code,
    sv.service_code,
    sa.service_area
from segmented s
left join councils c using (table_id, row_index)
left join services sv using (table_id, row_index)
left join service_areas sa using (table_id, row_index)
