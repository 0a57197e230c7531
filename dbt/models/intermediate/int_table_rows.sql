-- What each logical table row means: its role (detail / total / comparison), a fiscal year printed
-- in its label ('Comparison Totals for 2013/14', '2015/16'), the council it is about (benchmark
-- rows name other councils), its service, and the block it sits in when a table stacks several
-- sub-tables each with its own header row ('Looked after Children ... | Q1 | Q2 | ... | TOTAL').
with cells as (
    select * from {{ ref('stg_table_cells') }} where not is_header and {{ in_batch('pack_id') }}
),
-- printed no-value tokens ('N/A', 'NIL', 'Not Applicable': seed value_tokens, as ingest and
-- int_cell_atoms read them), tested once per distinct text
no_value_texts as (
    select distinct d.cell_text
    from (select distinct cell_text from cells) d
    join {{ ref('value_tokens') }} vt on {{ regexp_matches_seed('d.cell_text', 'vt.pattern', ref('value_tokens')) }}
),
unfilled_rows as (
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
              and nv.cell_text is null
              and not regexp_matches(coalesce(column_name, ''), '{{ var("status_column_headers") }}'))
            as row_text_cells
    from cells
    left join no_value_texts nv using (cell_text)
    group by table_id, row_index
),
-- a table of two label columns ('Service | Measure | Q1 | Q2') prints its first label once for
-- the rows under it ('Speech and language therapy | Number waiting' over ' | % seen within 18
-- weeks'): a row with a blank first label there carries the one above (its service)
rows as (
    select r.*,
           case when r.row_label is null and r.row_text_cells is not null and not r.is_subheader
                 and last_value(case when r.row_label is not null then r.row_text_cells is not null end ignore nulls)
                         over (partition by r.table_id order by r.row_index
                               rows between unbounded preceding and 1 preceding)
                then last_value(r.row_label ignore nulls)
                         over (partition by r.table_id order by r.row_index
                               rows between unbounded preceding and 1 preceding) end
               as carried_label
    from unfilled_rows r
),
-- the patterns run once per distinct row label (packs repeat their labels), then join back
labels as (
    select distinct row_label from rows where row_label is not null
),
label_meanings as (
    select
        l.row_label,
        (select arg_max(p.row_role, p.priority) from {{ ref('row_roles') }} p
          where {{ regexp_matches_seed('l.row_label', 'p.pattern', ref('row_roles')) }}) as row_role,
        (select arg_max(p.adds_up_rows, p.priority) from {{ ref('row_roles') }} p
          where {{ regexp_matches_seed('l.row_label', 'p.pattern', ref('row_roles')) }}) as adds_up_rows,
        -- the service the label names before any bracket or footnote mark (a bracket inside its
        -- words left out: 'CAMHS - Autism (ASD) assessment' names the autism assessment); else,
        -- in its bracket ('Getting Help (Core CYPMHS)', 'Neurodevelopmental (ND) assessment'),
        -- unless the bracket only notes what the row takes in ('(incl. hospital discharge)': var
        -- label_note_bracket)
        coalesce(
            (select arg_max(p.service_code, p.priority) from {{ ref('service_aliases') }} p
              where {{ regexp_matches_seed("regexp_replace(regexp_replace(l.row_label, '\s*\([^()]*\)\s+([A-Za-z])', ' \\1', 'g'), '\s*[*(].*$', '')", 'p.pattern', ref('service_aliases')) }}),
            (select arg_max(p.service_code, p.priority) from {{ ref('service_aliases') }} p
              where {{ regexp_matches_seed("regexp_replace(regexp_replace(l.row_label, '" ~ var('label_note_bracket') ~ "', '', 'g'), '\s*\*.*$', '')", 'p.pattern', ref('service_aliases')) }}))
            as service_code,
        (select arg_max(p.service_area, p.priority) from {{ ref('service_area_patterns') }} p
          where {{ regexp_matches_seed('l.row_label', 'p.pattern', ref('service_area_patterns')) }}) as service_area,
        (select arg_max(p.value_type, p.priority) from {{ ref('value_type_patterns') }} p
          where {{ regexp_matches_seed('l.row_label', 'p.pattern', ref('value_type_patterns')) }}) as value_type,
        coalesce({{ fy_start_year('l.row_label') }}, {{ short_fy_label_start('l.row_label') }}) as fy_start_year,
        coalesce({{ as_of_date('l.row_label') }}, {{ date_label('l.row_label') }}) as as_of_date,
        {{ month_label_start('l.row_label') }} as month_start,
        {{ quarter_label('l.row_label') }} as quarter,
        {{ month_number_label('l.row_label') }} as month_number,
        {{ calendar_year('l.row_label') }} as calendar_year,
        {{ age_band('l.row_label') }} as age_band
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
        m.row_role as printed_role,
        count(*) filter (where not r.is_subheader)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and 1 preceding)
            as rows_above
    from rows r
    left join label_meanings m using (row_label)
),
roles as (
    select
        s.*,
        case when s.is_subheader then 'subheader'
             -- an unlabelled row whose first text cell says 'Total' is a subtotal of the rows above it
             when coalesce(s.row_label, '') = '' and regexp_matches(coalesce(s.row_text_cells, ''), '(?i)^totals?\b')
                 then 'subtotal'
             -- a 'Total waiting' row with no row above it adds nothing up: the table's own count
             when s.printed_role = 'total' and coalesce(s.rows_above, 0) = 0 then 'detail'
             else coalesce(s.printed_role, 'detail') end as row_role,
        -- rows between two totals / sub-headers form one block; a total closes its block
        coalesce(s.n_breaks_before, 0) as block_index
    from segmented s
),
-- a sub-header opens a group (a parent service / area) that a total or subtotal row closes.
-- When the group's first labelled row is marked as a child ('- Debt Recovery'), its children are
-- the marked rows: the first unmarked labelled row is a sibling of the parent, not its child.
grouped as (
    select
        r.*,
        max(case when r.is_subheader then r.row_index end)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and current row)
            as last_subheader,
        max(case when r.row_role in ('total', 'subtotal') then r.row_index end)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and 1 preceding)
            as last_close,
        last_value(case when r.is_subheader then r.row_label end ignore nulls)
            over (partition by r.table_id order by r.row_index rows between unbounded preceding and current row)
            as last_subheader_label,
        coalesce(r.row_label, '') <> '' and not r.is_subheader as is_labelled,
        regexp_matches(coalesce(r.row_label, ''), '^\s*[-–•]\s') as is_marked
    from roles r
),
members as (
    select
        g.*,
        first_value(case when g.is_labelled then g.is_marked end ignore nulls)
            over (partition by g.table_id, g.last_subheader order by g.row_index
                  rows between unbounded preceding and unbounded following) as marked_children,
        sum(case when g.is_labelled and not g.is_marked then 1 else 0 end)
            over (partition by g.table_id, g.last_subheader order by g.row_index
                  rows between unbounded preceding and current row) as unmarked_so_far
    from grouped g
),
open_groups as (
    select *,
           case when last_subheader > coalesce(last_close, -1)
                 and (not coalesce(marked_children, false) or unmarked_so_far = 0)
                then last_subheader_label end as open_group
    from members
),
-- a total row sums the rows of its block: it belongs to their group only when they all share it
-- (a grand total after rows of several groups belongs to none)
block_groups as (
    select table_id, block_index,
           count(distinct coalesce(open_group, '~')) filter (where row_role = 'detail') as n_groups
    from open_groups
    group by table_id, block_index
)
select
    s.table_id,
    s.pack_id,
    s.row_index,
    s.row_label,
    s.first_line,
    s.is_subheader,
    s.row_text_cells,
    s.row_role,
    -- the row adds up the rows above it: a total or subtotal row, or a comparison row printing
    -- the totals of an earlier year (seed row_roles.adds_up_rows)
    s.row_role in ('total', 'subtotal') or coalesce(m.adds_up_rows, false) as row_is_total,
    s.block_index,
    case when s.row_role = 'total' and b.n_groups > 1 then null else s.open_group end as group_label,
    m.fy_start_year,
    m.as_of_date,
    m.month_start,
    m.month_number,
    m.quarter,
    m.calendar_year,
    m.age_band,
    m.value_type,
    lc.subject_gss_code,
    coalesce(m.service_code, cm.service_code) as service_code,
    coalesce(m.service_area, cm.service_area) as service_area
from open_groups s
left join block_groups b using (table_id, block_index)
left join label_meanings m using (row_label)
left join label_meanings cm on cm.row_label = s.carried_label
left join label_councils lc on lc.pack_id = s.pack_id and lc.row_label = s.row_label
