-- Every value printed in a table cell, parsed into "atoms": one row per number a cell carries.
--   '9 (1U & 2PU)'            -> value 9, upheld 1, partially_upheld 2 (also '228 (31U, 62PU)');
--                                '61 (22U & 39PU)' -> upheld_total 61 (the two parts together), ...
--   '2,481 (734 upheld)'      -> value 2481, upheld 734
--   '98 (23%)'                -> value 98, share_pct 23 (its share of the column: unclassified)
--   '19 (16)'                 -> value 19, bracketed 16 (a note says what: unclassified)
--   '12 (3 UASC)'             -> value 12, subgroup 3 (a group of the 12 its words name: unclassified)
--   '39 (4 custody & 7 B&B)'  -> value 39, subgroup 4, subgroup_2 7; '284 (incl. 12 post-16)' likewise
--   '448¹'                    -> value 448 (a footnote's mark after a number)
--   '3U & 4PU [31]'           -> upheld 3, partially_upheld 4, bracket_total 31
--   '1 U & 2 PU 20'           -> upheld 1, partially_upheld 2, bracket_total 20
--   '44.44% 4/9'              -> value 44.44 (percent), numerator 4, denominator 9
--   '18/27'                   -> numerator 18, denominator 27
--   '825/10,000 Actual 798/10,000' -> value 825 (rate), actual 798 (rate)
--   '5 80% met timescale'     -> value 5, secondary_pct 80
--   'Referrals waiting 331 (↑35)' -> value 331, change +35; 'Average wait: 26 weeks ↓' -> 26 weeks, trend down
--   '−37' (U+2212)            -> value -37
--   '27 wks'                  -> 27 weeks; '15 (provisional)', '97 (P)' -> 15, 97 (var value_status_note)
--   'N/A', 'NIL', '-', 'Not known' -> one atom with a null value and the token's meaning (seed value_tokens)
-- Cells that are prose (no recognised shape) produce no atom.
with cells as (
    select
        c.pack_id, c.table_id, c.row_index, c.col_index, c.part, c.row_label, c.column_name,
        c.cell_key, c.raw_text, c.cell_text, c.line_number, t.layout,
        -- the value part of a key:value cell is what follows its key; a minus sign printed as
        -- the typographic one ('−37', U+2212) is the hyphen's
        replace(case when c.cell_key is not null and starts_with(lower(c.cell_text), lower(c.cell_key))
                     then trim(regexp_replace(substr(c.cell_text, length(c.cell_key) + 1), '^\s*[:–-]\s*', ''))
                     else trim(c.cell_text) end, '−', '-') as v
    from {{ ref('stg_table_cells') }} c
    join {{ ref('stg_tables') }} t using (table_id)
    where not c.is_header
      and {{ in_batch('c.pack_id') }}
      and (c.col_index > 0 or t.layout = 'key_value')
      and c.cell_text <> ''
),
-- every distinct printed value is parsed once (values repeat across cells, tables and packs),
-- then joined back to the cells that print it
distinct_values as (
    select distinct v from cells
),
tokens as (
    select d.v, min(vt.meaning) as token_meaning
    from distinct_values d
    join {{ ref('value_tokens') }} vt on {{ regexp_matches_seed('d.v', 'vt.pattern', ref('value_tokens')) }}
    group by all
),
shaped as (
    select
        d.v,
        t.token_meaning,
        case
            when t.token_meaning is not null then 'token'
            when regexp_matches(v, '(?i)^[0-9\s\(\)\[\]&,]*[0-9]\s*P?U\b[0-9\s\(\)\[\]&,PUpu]*$')
              or regexp_matches(v, '(?i)^[0-9]+\s+upheld\s*&\s*[0-9]+\s+partially$')
              or regexp_matches(v, '(?i)^[0-9][0-9,]*\s*\(\s*[0-9][0-9,]*\s+upheld\s*\)$') then 'upheld_code'
            when regexp_matches(v, '^[0-9]+(\.[0-9]+)?\s*%\s+[0-9]+\s*/\s*[0-9]+$') then 'pct_fraction'
            when regexp_matches(v, '(?i)^[0-9][0-9,]*(\.[0-9]+)?\s*/\s*(10|100),?000\b') then 'rate'
            when regexp_matches(v, '^[0-9]+\s*/\s*[0-9]+$') then 'fraction'
            when regexp_matches(v, '(?i)^[0-9][0-9,]*\s+[0-9]+(\.[0-9]+)?\s*%\s*[a-z].*$') then 'count_pct'
            when regexp_matches(v, '^[0-9][0-9,]*\s*\(\s*[0-9]+(\.[0-9]+)?\s*%\s*\)$') then 'count_share'
            when regexp_matches(v, '^[0-9][0-9,]*\s*\(\s*[0-9][0-9,]*\s*\)$') then 'count_bracketed'
            when regexp_matches(v, '(?i)^[0-9][0-9,]*\s*\(\s*(?:{{ var("subgroup_cell_opener") }})?{{ subgroup_cell_group() }}(?:\s*(?:&|,|\band\b)\s*{{ subgroup_cell_group() }})*\)$') then 'count_subgroup'
            when regexp_matches(v, '(?i)^£?\s*[-+]?[0-9][0-9,]*(\.[0-9]+)?\s*(%|weeks?|wks?|days?|m)?\s*(↑|↓|\(=\)|=|\(↑\)|\(↓\))?\s*(\(\s*(↑|↓|\+|-)\s*[0-9]+\s*\))?\s*(actual\s+[0-9][0-9,]*(\.[0-9]+)?\s*%?)?(\s*\(\s*(?:{{ var("value_status_note") }})\s*\))?[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]?$') then 'number'
        end as shape
    from distinct_values d
    left join tokens t using (v)
),
parsed as (
    select
        s.v,
        s.token_meaning,
        s.shape,
        -- trend glyph printed after the value, else the sign of the change printed in brackets
        -- beside it ('331 (↑35)' went up, '31 (↓2)' down)
        case
            when regexp_matches(v, '(↑|\(↑\))\s*(\(\s*(↑|↓|\+|-)\s*[0-9]+\s*\))?$') and not regexp_matches(v, '^\S*\s*\(') then 'up'
            when regexp_matches(v, '(↓|\(↓\))\s*(\(\s*(↑|↓|\+|-)\s*[0-9]+\s*\))?$') then 'down'
            when regexp_matches(v, '\(=\)|\s=$') then 'same'
            when regexp_matches(v, '\(\s*(↑|\+)\s*[0-9]+\s*\)$') then 'up'
            when regexp_matches(v, '\(\s*(↓|-)\s*[0-9]+\s*\)$') then 'down'
        end as trend,
        case when shape in ('pct_fraction', 'fraction') then 'percent'
             when shape = 'number' and regexp_matches(v, '^[^a-zA-Z]*[0-9]\s*%') then 'percent'
             else 'count' end as own_kind,
        unnest(case shape
            when 'token' then [
                {'component': 'value', 'value': null::double, 'kind': 'token'}]
            -- (a lead figure that is its two parts together, '61 (22U & 39PU)' under 'Upheld', is
            -- the complaints upheld in whole or in part: component upheld_total)
            when 'upheld_code' then [
                {'component': case when try_cast(nullif(replace(regexp_extract(v, '^\s*([0-9][0-9,]*)\s*[\(\[]', 1), ',', ''), '') as double)
                                        = try_cast(nullif(replace(regexp_extract(v, '(?i)([0-9][0-9,]*)\s*(U\b|upheld)', 1), ',', ''), '') as double)
                                          + try_cast(nullif(regexp_extract(v, '(?i)([0-9]+)\s*(PU\b|partially)', 1), '') as double)
                                   then 'upheld_total' else 'value' end,
                 'value': try_cast(nullif(replace(regexp_extract(v, '^\s*([0-9][0-9,]*)\s*[\(\[]', 1), ',', ''), '') as double), 'kind': 'count'},
                {'component': 'upheld', 'value': try_cast(nullif(replace(regexp_extract(v, '(?i)([0-9][0-9,]*)\s*(U\b|upheld)', 1), ',', ''), '') as double), 'kind': 'count'},
                {'component': 'partially_upheld', 'value': try_cast(nullif(regexp_extract(v, '(?i)([0-9]+)\s*(PU\b|partially)', 1), '') as double), 'kind': 'count'},
                {'component': 'bracket_total', 'value': try_cast(nullif(coalesce(
                    nullif(regexp_extract(v, '\[\s*([0-9]+)\s*\]\s*$', 1), ''),
                    regexp_extract(v, '(?i)PU\s+([0-9]+)\s*$', 1)), '') as double), 'kind': 'count'}]
            when 'pct_fraction' then [
                {'component': 'value', 'value': try_cast(regexp_extract(v, '^([0-9]+(\.[0-9]+)?)', 1) as double), 'kind': 'percent'},
                {'component': 'numerator', 'value': try_cast(regexp_extract(v, '([0-9]+)\s*/\s*([0-9]+)$', 1) as double), 'kind': 'count'},
                {'component': 'denominator', 'value': try_cast(regexp_extract(v, '([0-9]+)\s*/\s*([0-9]+)$', 2) as double), 'kind': 'count'}]
            when 'fraction' then [
                {'component': 'numerator', 'value': try_cast(regexp_extract(v, '^([0-9]+)', 1) as double), 'kind': 'count'},
                {'component': 'denominator', 'value': try_cast(regexp_extract(v, '/\s*([0-9]+)$', 1) as double), 'kind': 'count'}]
            when 'rate' then [
                {'component': 'value', 'value': try_cast(replace(regexp_extract(v, '^([0-9][0-9,]*(\.[0-9]+)?)', 1), ',', '') as double), 'kind': 'rate'},
                {'component': 'actual', 'value': try_cast(nullif(replace(regexp_extract(v, '(?i)actual\s+([0-9][0-9,]*(\.[0-9]+)?)', 1), ',', ''), '') as double), 'kind': 'rate'}]
            when 'count_share' then [   -- '98 (23%)': the count, and its share of the column
                {'component': 'value', 'value': try_cast(replace(regexp_extract(v, '^([0-9][0-9,]*)', 1), ',', '') as double), 'kind': 'count'},
                {'component': 'share_pct', 'value': try_cast(regexp_extract(v, '\(\s*([0-9]+(\.[0-9]+)?)\s*%', 1) as double), 'kind': 'percent'}]
            -- '19 (16)': the count, and a bare figure in brackets whose meaning only a note says
            -- ('2023/24 in brackets'): unclassified, no component of a measure
            when 'count_bracketed' then [
                {'component': 'value', 'value': try_cast(replace(regexp_extract(v, '^([0-9][0-9,]*)', 1), ',', '') as double), 'kind': 'count'},
                {'component': 'bracketed', 'value': try_cast(replace(regexp_extract(v, '\(\s*([0-9][0-9,]*)\s*\)', 1), ',', '') as double), 'kind': 'count'}]
            -- '12 (3 UASC)': the count, and a group of it the words name; '284 (incl. 12 post-16)',
            -- '39 (4 custody & 7 B&B)': each group of it ('subgroup', 'subgroup_2', ...)
            when 'count_subgroup' then list_concat(
                [{'component': 'value', 'value': try_cast(replace(regexp_extract(v, '^([0-9][0-9,]*)', 1), ',', '') as double), 'kind': 'count'}],
                list_transform(
                    regexp_extract_all(v, '(?i)(?:\(\s*(?:{{ var("subgroup_cell_opener") }})?|&|,|\band\b)\s*([0-9][0-9,]*)\s+[a-z]', 1),
                    lambda g, i: {'component': case when i = 1 then 'subgroup' else 'subgroup_' || i end,
                                  'value': try_cast(replace(g, ',', '') as double), 'kind': 'count'}))
            when 'count_pct' then [
                {'component': 'value', 'value': try_cast(replace(regexp_extract(v, '^([0-9][0-9,]*)', 1), ',', '') as double), 'kind': 'count'},
                {'component': 'secondary_pct', 'value': try_cast(regexp_extract(v, '^[0-9][0-9,]*\s+([0-9]+(\.[0-9]+)?)\s*%', 1) as double), 'kind': 'percent'}]
            when 'number' then [
                {'component': 'value',
                 'value': try_cast(replace(regexp_extract(v, '(-?[0-9][0-9,]*(\.[0-9]+)?)', 1), ',', '') as double)
                          * case when regexp_matches(v, '(?i)^£?\s*-?[0-9][0-9,.]*\s*m\b') then 1000000 else 1 end,
                 'kind': case
                    when regexp_matches(v, '^[^a-zA-Z]*[0-9]\s*%') then 'percent'
                    when regexp_matches(v, '(?i)^[^a-z]*[0-9]\s*(weeks?|wks?)\b') then 'weeks'
                    when regexp_matches(v, '(?i)^[^a-z]*[0-9]\s*days?') then 'days'
                    when regexp_matches(v, '^\s*£') then 'gbp'
                    else 'count' end},
                {'component': 'change',
                 'value': try_cast(nullif(regexp_extract(v, '\(\s*(?:↑|↓|\+|-)\s*([0-9]+)\s*\)', 1), '') as double)
                          * case when regexp_matches(v, '\(\s*(↓|-)') then -1 else 1 end,
                 'kind': 'count'},
                {'component': 'actual',
                 'value': try_cast(nullif(replace(regexp_extract(v, '(?i)actual\s+([0-9][0-9,]*(\.[0-9]+)?)', 1), ',', ''), '') as double),
                 'kind': case when regexp_matches(v, '(?i)actual\s+[0-9.,]+\s*%') then 'percent' else 'count' end}]
        end) as atom
    from shaped s
    where shape is not null
),
-- row labels of total rows (seed row_roles): a column whose only number is its total is a text
-- column (a case list whose TOTAL row prints its count under 'LGO Finding')
total_labels as (
    select l.row_label
    from (select distinct row_label from cells where row_label is not null) l
    join {{ ref('row_roles') }} r on r.row_role = 'total' and {{ regexp_matches_seed('l.row_label', 'r.pattern', ref('row_roles')) }}
    group by l.row_label
),
atoms as (
    select c.*, p.token_meaning, p.shape, p.trend, p.own_kind, p.atom,
           c.row_label in (select row_label from total_labels) as in_total_row
    from cells c
    join parsed p using (v)
)
select
    pack_id,
    table_id,
    row_index,
    col_index,
    part,
    row_label,
    column_name,
    cell_key,
    line_number,
    raw_text,
    cell_text as value_text,
    shape,
    atom.component as component,
    atom.value as value,
    atom.kind as value_kind,
    token_meaning,
    trend,
    -- no row but a total prints a number in this column: a text column whose total counts the
    -- rows (a case list's TOTAL under 'LGO Finding'), so its header breaks nothing down
    col_numbers = 0 as in_text_column,
    -- the cell's overall kind, used to choose between count and percent measure patterns;
    -- a token ('N/A', '–') takes the one kind of every other cell of its column, else of its row
    -- ('in touch (%) | 94% | – | 95%' under a column of counts and shares), else the kind most
    -- cells of its column have
    case when shape = 'token'
         then coalesce(case when col_kind_min = col_kind_max then col_kind_min end,
                       case when row_kind_min = row_kind_max then row_kind_min end,
                       col_kind, table_kind, 'count')
         else own_kind end as cell_kind
from (
    select a.*, c.col_kind, c.col_kind_min, c.col_kind_max, t.table_kind,
           coalesce(c.col_numbers, 0) as col_numbers,
           coalesce(r.row_numbers, 0) as row_numbers, r.row_kind_min, r.row_kind_max,
           w.col_cells, k.col_atom_cells
    from atoms a
    left join (select table_id, col_index,
                      mode(own_kind) filter (where shape <> 'token') as col_kind,
                      min(own_kind) filter (where shape <> 'token') as col_kind_min,
                      max(own_kind) filter (where shape <> 'token') as col_kind_max,
                      count(*) filter (where shape <> 'token' and not coalesce(in_total_row, false)) as col_numbers
               from atoms group by all) c using (table_id, col_index)
    left join (select table_id, mode(own_kind) filter (where shape <> 'token') as table_kind
               from atoms group by all) t using (table_id)
    left join (select table_id, row_index, count(*) filter (where shape <> 'token') as row_numbers,
                      min(own_kind) filter (where shape <> 'token') as row_kind_min,
                      max(own_kind) filter (where shape <> 'token') as row_kind_max
               from atoms group by all) r using (table_id, row_index)
    -- a column printing words ('Red', 'Amber' under 'RAG'): its 'n/a' is no figure's
    left join (select table_id, col_index, count(*) as col_cells
               from cells group by all) w using (table_id, col_index)
    left join (select table_id, col_index, count(*) as col_atom_cells
               from (select distinct table_id, col_index, row_index, part from atoms) group by all) k
      using (table_id, col_index)
)
-- a token in a row and column of text (a case list saying 'Not Applicable'), or in a column of
-- words and no numbers ('n/a' beside 'Red' under 'RAG'), is not a value; a column's numbers are
-- those of its rows other than totals
where (shape <> 'token' or col_numbers > 0 or row_numbers > 0)
  and (shape <> 'token' or col_numbers > 0 or col_cells = col_atom_cells)
  and (atom.value is not null or shape = 'token')
