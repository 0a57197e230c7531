-- The caption a table's values inherit from: the caption lines above it plus the text of its
-- top-left header cell (often a title: 'Waiting lists (% waiting ...) Data as of ...').
-- A table printed without a caption of its own, right after another table of the same document
-- with only prose between them (no heading line), continues that table's section: it inherits
-- its caption ('Outcome - North' under '... Nature of Complaints and Outcomes - North Division').
-- A "table" that is a heading line (a section's number and title printed in two cells: '2.<TAB>
-- Complaints by service area') opens a section: the table under it inherits nothing from it (it
-- passed on the caption the parser gave it, the sentence above it: the Ombudsman's figures of
-- paragraph 1.5 made the council's own outcomes by service the Ombudsman's).
with tables as (
    select
        t.table_id, t.pack_id, t.document_id, t.first_line, t.caption,
        lag(t.caption) over (partition by t.pack_id order by t.first_line) as previous_caption,
        lag(t.first_line) over (partition by t.pack_id order by t.first_line) as previous_first_line,
        lag(t.last_line) over (partition by t.pack_id order by t.first_line) as previous_last_line,
        lag(t.document_id) over (partition by t.pack_id order by t.first_line) as previous_document
    from {{ batch(ref('int_tables')) }} t
),
headings_between as (   -- heading lines after the table before, or making it up
    select t.table_id, count(h.line_number) as n_headings
    from tables t
    join {{ batch(ref('int_heading_lines')) }} h
      on h.pack_id = t.pack_id and h.line_number >= t.previous_first_line and h.line_number < t.first_line
    group by t.table_id
),
captioned as (
    select
        t.table_id,
        t.pack_id,
        case when t.caption is null and t.previous_caption is not null
              and t.previous_document is not distinct from t.document_id
              and t.first_line - t.previous_last_line <= 30
              and coalesce(hb.n_headings, 0) = 0
             then t.previous_caption
             else t.caption end as caption,
        t.caption is null and t.previous_caption is not null
            and t.previous_document is not distinct from t.document_id
            and t.first_line - t.previous_last_line <= 30
            and coalesce(hb.n_headings, 0) = 0 as caption_inherited
    from tables t
    left join headings_between hb using (table_id)
)
select
    c.table_id,
    c.pack_id,
    concat_ws(' | ', c.caption, nullif(h.cell_text, '')) as caption_text,
    nullif(h.cell_text, '') as label_header,
    c.caption,
    c.caption_inherited
from captioned c
left join {{ batch(ref('stg_table_cells')) }} h
  on h.table_id = c.table_id and h.is_header and h.col_index = 0 and h.part = 0
