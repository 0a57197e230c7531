-- Decisions printed as table rows: executive decisions, forward-plan items, recommendations
-- (trackers, inquiry responses). Tables classified 'decisions' (int_table_domains); each column
-- is mapped to a field by seed decision_columns, the kind of the table by seed decision_kinds.
--
-- A 'decision' cell often opens with the decision's title ('<p><u>LOCAL AUTHORITY NURSERY
-- REVIEW</u></p> <p>1. To agree ...'): an underlined first paragraph, or a short first paragraph
-- without a full stop above more text (not over a bracketed aside alone), is the title; the
-- rest is the decision text, its paragraphs kept apart (item_source_text) for
-- int_decision_items. What a row is about is its
-- subject column, or its text label under an empty header, or its title. One pack's rows from
-- its own tables.
with dtables as (
    select t.*
    from {{ batch(ref('int_tables')) }} t
    join {{ batch(ref('int_table_domains')) }} d using (table_id)
    where d.domain = 'decisions' and t.layout = 'grid'
),
col_fields as (
    select c.table_id, c.col_index, arg_max(f.field, f.priority) as field, max(f.priority) as priority
    from {{ batch(ref('int_table_columns')) }} c
    join dtables t using (table_id)
    join {{ ref('decision_columns') }} f on {{ regexp_matches_seed('trim(c.column_name)', 'f.pattern', ref('decision_columns')) }}
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
           -- its lines apart: 'Cabinet<br>Council' names two makers, one after the other
           case when bool_or(regexp_matches(c.raw_text, '(?i)<br\s*/?>'))
                then trim(regexp_replace(regexp_replace(string_agg(c.raw_text, ' / ' order by c.part),
                     '(?i)\s*<br\s*/?>\s*', ' / ', 'g'), '<[^>]+>', '', 'g'))
                else string_agg(c.cell_text, ' ' order by c.part) end as cell_lines,
           string_agg(c.raw_text, ' ' order by c.part) as raw_text,
           min(c.line_number) as first_line,
           max(c.line_number) as last_line
    from {{ batch(ref('stg_table_cells')) }} c
    join dtables t using (table_id)
    where not c.is_header
    group by all
),
-- a first column without a header holds the rows' labels: what each row is about (a library
-- named down the side of a recommendations table), unless it only numbers the rows
row_labels as (
    select c.table_id, c.row_index, nullif(trim(c.cell_text), '') as row_label
    from cells c
    join (
        select distinct table_id, col_index
        from {{ batch(ref('stg_table_cells')) }}
        join dtables using (table_id)
        where not is_header and col_index = 0 and coalesce(trim(column_name), '') = ''
    ) unlabelled using (table_id, col_index)
    where not regexp_matches(trim(c.cell_text), '^[0-9.()\s]*$')
),
rows as (
    select
        c.table_id,
        any_value(c.pack_id) as pack_id,
        c.row_index,
        min(c.first_line) as source_line,
        max(c.last_line) as source_last_line,
        nullif(trim(max(case when b.field = 'reference' then c.cell_text end)), '') as reference_printed,
        nullif(trim(max(case when b.field = 'title' then c.cell_text end)), '') as title_cell,
        max(case when b.field = 'decision' then c.raw_text end) as decision_raw,
        nullif(trim(max(case when b.field = 'description' then c.cell_text end)), '') as description,
        nullif(trim(max(case when b.field = 'subject' then c.cell_text end)), '') as subject_cell,
        max(case when b.field = 'decision_date' then c.cell_text end) as decision_date_text,
        max(case when b.field = 'anticipated_date' then c.cell_text end) as anticipated_text,
        max(case when b.field = 'decision_maker' then c.cell_lines end) as decision_maker,
        max(case when b.field = 'cabinet_member' then c.cell_text end) as cabinet_member,
        max(case when b.field = 'status' then c.cell_text end) as status,
        max(case when b.field = 'response' then c.cell_text end) as response,
        max(case when b.field = 'target_date' then c.cell_text end) as target_date_text,
        max(case when b.field = 'officer' then c.cell_text end) as officer,
        max(case when b.field = 'progress' then c.cell_text end) as progress
    from cells c
    left join best_cols b using (table_id, col_index)
    group by c.table_id, c.row_index
),
decision_cells as (
    select
        r.*,
        l.row_label,
        string_split({{ html_paragraphs('r.decision_raw') }}, chr(10)) as paragraphs,
        nullif(trim(regexp_replace(regexp_extract(r.decision_raw, '(?i)<u>(.*?)</u>', 1), '<[^>]+>', '', 'g')), '')
            as underlined
    from rows r
    left join row_labels l using (table_id, row_index)
),
titled as (
    select
        *,
        -- the first paragraph is the title when underlined, or short and unpunctuated above more text
        case
            when len(paragraphs) > 1 and underlined is not null and paragraphs[1] = underlined then paragraphs[1]
            when len(paragraphs) > 1 and length(paragraphs[1]) <= 150
                 and not regexp_matches(paragraphs[1], '[.;:,!?]$')
                 -- (not over a bracketed aside alone: '... Primary Schools<br>(statutory notice)')
                 and not (len(paragraphs) = 2 and regexp_matches(paragraphs[2], '^\s*\(.*\)\s*$'))
                then paragraphs[1]
        end as title_paragraph
    from decision_cells
),
texts as (
    select
        *,
        case when title_paragraph is not null then list_slice(paragraphs, 2, len(paragraphs))
             else paragraphs end as text_paragraphs
    from titled
),
-- the kind named nearest the table wins: its header, then its caption, then its document's title
-- ('Record of executive decisions taken' under a forward plan's title is decisions taken), then
-- the pattern's priority
kind_texts as (
    select table_id, 3 as nearness, header_text as text from dtables
    union all select table_id, 2, caption from dtables
    union all select table_id, 1, document_title from dtables
),
kinds as (
    select t.table_id,
           arg_max(k.kind, t.nearness * 1000 + k.priority) as kind,
           arg_max(k.dates, t.nearness * 1000 + k.priority) as dates
    from kind_texts t
    join {{ ref('decision_kinds') }} k on regexp_matches(t.text, k.pattern)
    group by t.table_id
)
{%- set anticipated = "coalesce(r.anticipated_text, case when k.dates = 'anticipated' then r.decision_date_text end)" %}
select
    r.pack_id,
    t.document_id,
    r.table_id as source_table_id,
    r.row_index,
    r.source_line,
    r.source_last_line,
    coalesce(k.kind, 'decision') as kind,
    r.reference_printed,
    coalesce(r.title_paragraph, r.title_cell) as title,
    nullif(trim(array_to_string(r.text_paragraphs, ' ')), '') as decision_text,
    nullif(trim(array_to_string(r.text_paragraphs, chr(10))), '') as item_source_text,
    r.description,
    coalesce(r.subject_cell, r.row_label, r.title_paragraph, r.title_cell) as subject,
    r.decision_maker,
    r.cabinet_member,
    -- a forward plan's 'Date' column is when a decision is expected (seed decision_kinds.dates)
    case when k.dates is distinct from 'anticipated' then {{ parse_uk_date('r.decision_date_text') }} end
        as decision_date,
    case when k.dates is distinct from 'anticipated' then r.decision_date_text end as decision_date_text,
    {{ parse_month_year(anticipated) }} as anticipated_month,
    {{ anticipated }} as anticipated_text,
    nullif(trim(r.status), '') as status,
    nullif(trim(r.response), '') as response,
    coalesce({{ parse_uk_date('r.target_date_text') }}, {{ parse_month_year('r.target_date_text') }}) as target_date,
    r.target_date_text,
    -- 'TBC', 'N/A', '-' in the officer's place name no one (seed value_tokens)
    case when not exists (
        select 1 from {{ ref('value_tokens') }} vt
        where {{ regexp_matches_seed('trim(r.officer)', 'vt.pattern', ref('value_tokens')) }})
        then nullif(trim(r.officer), '') end as officer,
    nullif(trim(r.progress), '') as progress
from texts r
join dtables t using (table_id)
left join kinds k using (table_id)
-- a row has a text (a title or a decision) and at least one other decision attribute: this drops
-- key:value detail blocks and report headers a table happens to run into
where coalesce(r.title_paragraph, r.title_cell, array_to_string(r.text_paragraphs, '')) is not null
  and trim(coalesce(r.title_cell, '') || coalesce(array_to_string(r.text_paragraphs, ''), '')) not in ('', '-')
  and coalesce(r.reference_printed, r.decision_date_text, r.anticipated_text, r.target_date_text,
               r.status, r.response, r.subject_cell, r.row_label, r.cabinet_member, r.decision_maker,
               r.officer) is not null
