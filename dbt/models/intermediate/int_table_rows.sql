-- What each logical table row means: its role (detail / total / comparison), a fiscal year printed
-- in its label ('Comparison Totals for 2013/14', '2015/16'), the council it is about (benchmark
-- rows name other councils), its service, and the block it sits in when a table stacks several
-- sub-tables each with its own header row ('Looked after Children ... | Q1 | Q2 | ... | TOTAL').
with cells as (
    select * from {{ ref('stg_table_cells') }} where not is_header and {{ in_batch('pack_id') }}
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
-- the patterns run once per distinct row label (packs repeat their labels), then join back
labels as (
    select distinct row_label from rows where row_label is not null
),
label_meanings as (
    select
        l.row_label,
        (select arg_max(p.row_role, p.priority) from {{ ref('row_roles') }} p
          where regexp_matches(l.row_label, p.pattern)) as row_role,
        (select arg_max(p.service_code, p.priority) from {{ ref('service_aliases') }} p
          where regexp_matches(regexp_replace(l.row_label, '\s*[*(].*$', ''), p.pattern)) as service_code,
        (select arg_max(p.service_area, p.priority) from {{ ref('service_area_patterns') }} p
          where regexp_matches(l.row_label, p.pattern)) as service_area,
        {{ fy_start_year('l.row_label') }} as fy_start_year,
        {{ as_of_date('l.row_label') }} as as_of_date
    from labels l
),
-- a label naming a council (benchmark rows), resolved at the meeting date of the pack; a
-- district inside the reporting county is a locality of the county's services, not a subject
label_councils as (
    select l.row_label, l.pack_id, case when reg.county_gss_code is distinct from l.reporting_council
                                        then l.gss_code end as subject_gss_code
    from (
        select r.row_label, r.pack_id, pc.council_id as reporting_council,
               {{ council_at('r.row_label', 'pc.meeting_date') }} as gss_code
        from (select distinct pack_id, row_label from rows where row_label is not null) r
        join {{ ref('int_pack_councils') }} pc using (pack_id)
    ) l
    left join {{ ref('council_register') }} reg on reg.gss_code = l.gss_code
),
segmented as (
    select
        r.*,
        sum(case when m.row_role = 'total' then 1 else 0 end)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and 1 preceding)
            as n_breaks_before,
        m.row_role as printed_role
    from rows r
    left join label_meanings m using (row_label)
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
    m.fy_start_year,
    m.as_of_date,
    lc.subject_gss_code,
    m.service_code,
    m.service_area
from segmented s
left join label_meanings m using (row_label)
left join label_councils lc on lc.pack_id = s.pack_id and lc.row_label = s.row_label
