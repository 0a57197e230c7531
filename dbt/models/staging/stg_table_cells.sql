-- One row per printed cell fragment (a logical cell may have several parts, each on its own line).
-- cell_text: clean text with markdown bold and footnote asterisks at the ends removed; a lone '*'
-- in a cell's place is kept (a withheld small number: seed value_tokens).
select
    pack_id,
    table_id,
    row_index,
    col_index,
    part,
    row_index < 0 as is_header,
    nullif(trim(row_label), '') as row_label,
    nullif(trim(column_name), '') as column_name,
    nullif(trim(cell_key), '') as cell_key,
    raw_text,
    clean_text,
    case when trim(clean_text) = '*' then '*'
         else trim(regexp_replace(regexp_replace(clean_text, '\*\*', '', 'g'), '^\*+|\*+$', '', 'g'))
    end as cell_text,
    line_number
from {{ source('raw', 'table_cells') }}
