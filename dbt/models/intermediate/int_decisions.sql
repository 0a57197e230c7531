-- Decisions, forward-plan items, recommendations and resolutions.
-- (a) rows of tables classified 'decisions': each column mapped to a field by seed decision_columns,
--     the kind from seed decision_kinds matched against the header and caption;
-- (b) prose lines matching seed decision_line_patterns ('RESOLVED – That ...', 'The Committee agreed ...').
with dtables as (
    select t.*, d.domain
    from {{ ref('int_tables') }} t
    join {{ ref('int_table_domains') }} d using (table_id)
    where d.domain = 'decisions' and t.layout = 'grid' and {{ in_batch('t.pack_id') }}
),
col_fields as (
    select c.table_id, c.col_index, arg_max(f.field, f.priority) as field, max(f.priority) as priority
    from {{ ref('int_table_columns') }} c
    join dtables t using (table_id)
    join {{ ref('decision_columns') }} f on regexp_matches(trim(c.column_name), f.pattern)
    group by all
),
best_cols as (   -- one column per field: the best pattern, then the leftmost column
    select * from (
        select *, row_number() over (partition by table_id, field order by priority desc, col_index) as rn
        from col_fields
    ) where rn = 1
),
cells as (
    select c.table_id, c.pack_id, c.row_index, c.col_index,
           string_agg(c.cell_text, ' ' order by c.part) as cell_text,
           string_agg(c.raw_text, ' ' order by c.part) as raw_text,
           min(c.line_number) as line_number
    from {{ ref('stg_table_cells') }} c
    join dtables t using (table_id)
    where not c.is_header
    group by all
),
rows as (
    select
        c.table_id,
        any_value(c.pack_id) as pack_id,
        c.row_index,
        min(c.line_number) as source_line,
        max(case when b.field = 'reference' then c.cell_text end) as reference_printed,
        max(case when b.field = 'title' then c.cell_text end) as title_cell,
        max(case when b.field = 'title' then c.raw_text end) as title_raw,
        max(case when b.field = 'summary' then c.cell_text end) as summary_cell,
        max(case when b.field = 'decision_date' then c.cell_text end) as decision_date_text,
        max(case when b.field = 'anticipated_date' then c.cell_text end) as anticipated_text,
        max(case when b.field = 'decision_maker' then c.cell_text end) as decision_maker,
        max(case when b.field = 'cabinet_member' then c.cell_text end) as cabinet_member,
        max(case when b.field = 'status' then c.cell_text end) as status,
        max(case when b.field = 'target_date' then c.cell_text end) as target_date_text,
        max(case when b.field = 'officer' then c.cell_text end) as officer,
        max(case when b.field = 'progress' then c.cell_text end) as progress
    from cells c
    join best_cols b using (table_id, col_index)
    group by c.table_id, c.row_index
),
kinds as (
    select t.table_id, arg_max(k.kind, k.priority) as kind
    from dtables t
    join {{ ref('decision_kinds') }} k
      on regexp_matches(coalesce(t.header_text, '') || ' | ' || coalesce(t.caption, '') || ' | '
                        || coalesce(t.document_title, ''), k.pattern)
    group by t.table_id
),
table_decisions as (
    select
        r.pack_id,
        t.document_id,
        r.table_id as source_table_id,
        r.source_line,
        coalesce(k.kind, 'decision') as kind,
        nullif(trim(r.reference_printed), '') as reference_printed,
        coalesce(
            nullif(trim(regexp_extract(r.title_raw, '<u>(.*?)</u>', 1)), ''),
            nullif(trim(regexp_replace(regexp_extract(r.title_raw, '^\s*<p>(.*?)</p>', 1), '<[^>]+>', '', 'g')), ''),
            r.title_cell,
            left(r.summary_cell, 200)) as title,
        coalesce(r.summary_cell, r.title_cell) as summary,
        r.decision_maker,
        r.cabinet_member,
        {{ parse_uk_date('r.decision_date_text') }} as decision_date,
        r.decision_date_text,
        {{ parse_month_year('r.anticipated_text') }} as anticipated_month,
        r.anticipated_text,
        nullif(trim(r.status), '') as status,
        coalesce({{ parse_uk_date('r.target_date_text') }}, {{ parse_month_year('r.target_date_text') }}) as target_date,
        r.target_date_text,
        r.officer,
        r.progress
    from rows r
    join dtables t using (table_id)
    left join kinds k using (table_id)
    where not regexp_matches(coalesce(r.reference_printed, '') || coalesce(r.title_cell, '')
                             || coalesce(r.summary_cell, ''), '^[-\s]*$')
      -- a row must carry at least one decision attribute besides its text (this drops key:value
      -- detail blocks and report headers that a table happens to run into)
      and coalesce(r.reference_printed, r.decision_date_text, r.anticipated_text, r.target_date_text,
                   r.status, r.cabinet_member, r.decision_maker, r.officer) is not null
),
prose as (
    select
        l.pack_id,
        l.line_number,
        l.clean_text,
        arg_max(p.kind, p.priority) as kind
    from {{ ref('stg_lines') }} l
    join {{ ref('decision_line_patterns') }} p on regexp_matches(l.clean_text, p.pattern)
    where not l.has_tab and {{ in_batch('l.pack_id') }}
    group by all
),
prose_decisions as (
    select
        p.pack_id,
        d.document_id,
        null::varchar as source_table_id,
        p.line_number as source_line,
        p.kind,
        nullif(regexp_extract(p.clean_text, '\b([A-Z]{1,5}\s?/?\s?[0-9]{1,4}/(19|20)[0-9]{2})\b', 1), '') as reference_printed,
        left(p.clean_text, 200) as title,
        p.clean_text as summary,
        case when d.kind = 'minutes' then 'Committee' end as decision_maker,
        null::varchar as cabinet_member,
        -- a resolution in minutes was taken at the meeting the minutes record
        case when d.kind = 'minutes' then {{ parse_uk_date('d.title') }} end as decision_date,
        case when d.kind = 'minutes' then d.title end as decision_date_text,
        null::date as anticipated_month,
        null::varchar as anticipated_text,
        null::varchar as status,
        null::date as target_date,
        null::varchar as target_date_text,
        null::varchar as officer,
        null::varchar as progress
    from prose p
    left join {{ ref('stg_documents') }} d
      on d.pack_id = p.pack_id and p.line_number between d.first_line and d.last_line
),
unioned as (
    select * from table_decisions
    union all
    select * from prose_decisions
)
select
    {{ surrogate_key(['u.pack_id', "coalesce(u.source_table_id, 'prose')", 'u.source_line', 'u.kind']) }} as decision_id,
    u.*,
    case
        when regexp_matches(u.reference_printed, '(?i)^\s*([A-Z]{1,5})\s*/?\s*([0-9]{1,4})\s*/\s*((19|20)[0-9]{2})\s*$')
            then upper(regexp_extract(u.reference_printed, '(?i)^\s*([A-Z]{1,5})', 1)) || '/'
                 || cast(cast(regexp_extract(u.reference_printed, '([0-9]{1,4})\s*/\s*(19|20)[0-9]{2}', 1) as integer) as varchar)
                 || '/' || regexp_extract(u.reference_printed, '((19|20)[0-9]{2})\s*$', 1)
        when regexp_matches(u.reference_printed, '^\s*([0-9]{1,4})\s*/\s*((19|20)[0-9]{2})\s*$')
            then cast(cast(regexp_extract(u.reference_printed, '([0-9]{1,4})\s*/', 1) as integer) as varchar)
                 || '/' || regexp_extract(u.reference_printed, '((19|20)[0-9]{2})\s*$', 1)
    end as reference
from unioned u
