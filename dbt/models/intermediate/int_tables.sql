-- One row per table with the text around it: document title, the heading lines just above
-- (context_text), the nearest fiscal-year heading and as-of heading above (same document).
with tables as (
    select t.*, d.title as document_title, d.kind as document_kind,
           d.first_line as document_first_line
    from {{ ref('stg_tables') }} t
    left join {{ ref('stg_documents') }} d using (pack_id, document_id)
    where {{ in_batch('t.pack_id') }}
),
other_captions as (
    -- the caption lines of each table: another table's caption is no heading of this one
    select pack_id, table_id, caption_first_line, first_line
    from tables
    where caption_first_line is not null
),
context as (
    -- headings in the 15 lines above the table (inside its document), but not the captions of
    -- the tables printed between them and it ('Table 2: Complaints received' above 'Table 3:
    -- Staffing' titles table 2 alone)
    select t.table_id, string_agg(h.clean_text, ' / ' order by h.line_number) as context_text
    from tables t
    cross join generate_series(1, 15) as g(k)
    join {{ ref('int_heading_lines') }} h
      on h.pack_id = t.pack_id
     and h.line_number = t.first_line - g.k
     and h.line_number >= coalesce(t.document_first_line, 1)
    where not exists (
        select 1 from other_captions o
        where o.pack_id = t.pack_id and o.table_id <> t.table_id
          and h.line_number >= o.caption_first_line and h.line_number < o.first_line
    )
    group by t.table_id
),
fy_headings as (
    select pack_id, line_number, clean_text, fy_start_year
    from {{ ref('int_heading_lines') }}
    where fy_start_year is not null and {{ in_batch('pack_id') }}
),
as_of_headings as (
    select pack_id, line_number, clean_text, as_of_date
    from {{ ref('int_heading_lines') }}
    where as_of_date is not null and {{ in_batch('pack_id') }}
),
with_fy as (
    select t.*, f.fy_start_year as heading_fy_start_year, f.line_number as heading_fy_line
    from tables t
    asof left join fy_headings f
      on f.pack_id = t.pack_id and t.first_line > f.line_number
),
with_as_of as (
    select t.*, a.as_of_date as heading_as_of_date, a.line_number as heading_as_of_line
    from with_fy t
    asof left join as_of_headings a
      on a.pack_id = t.pack_id and t.first_line > a.line_number
),
area_headings as (
    select pack_id, line_number, service_area_in_force as service_area   -- null: a section of none
    from {{ ref('int_heading_lines') }}
    where (service_area is not null or closes_service_area) and {{ in_batch('pack_id') }}
),
with_area as (
    select t.*, s.service_area as heading_service_area, s.line_number as heading_service_area_line
    from with_as_of t
    asof left join area_headings s
      on s.pack_id = t.pack_id and t.first_line > s.line_number
)
select
    t.pack_id,
    t.table_id,
    t.seq,
    t.document_id,
    t.document_title,
    t.document_kind,
    t.first_line,
    t.last_line,
    t.document_first_line,
    t.layout,
    t.caption,
    t.as_of_text,
    t.column_names,
    t.header_text,
    coalesce(t.column_names[1], '') as label_header,
    t.n_columns,
    c.context_text,
    -- headings from another document do not count
    case when t.heading_fy_line >= coalesce(t.document_first_line, 1) then t.heading_fy_start_year end
        as heading_fy_start_year,
    case when t.heading_fy_line >= coalesce(t.document_first_line, 1) then t.heading_fy_line end
        as heading_fy_line,
    case when t.heading_as_of_line >= coalesce(t.document_first_line, 1)
          and t.heading_as_of_line >= t.first_line - 40 then t.heading_as_of_date end
        as heading_as_of_date
    , case when t.heading_service_area_line >= coalesce(t.document_first_line, 1)
           then t.heading_service_area end as heading_service_area
from with_area t
left join context c using (table_id)
