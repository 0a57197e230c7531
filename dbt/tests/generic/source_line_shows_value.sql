{#- Every fact points at a pack line whose text shows the printed value: the line must contain the
    first number of value_text (or, for tokens such as 'N/A', the token itself). `where_clause`
    limits the rows checked (prose facts carry the sentence, checked by int_prose_facts). -#}
{% test source_line_shows_value(model, column_name, pack_column='pack_id', line_column='source_line', where_clause='true') %}
with facts as (
    select
        f.{{ pack_column }} as pack_id,
        f.{{ line_column }} as source_line,
        f.{{ column_name }} as value_text,
        coalesce(nullif(regexp_extract(f.{{ column_name }}, '[0-9][0-9,]*(\.[0-9]+)?', 0), ''),
                 trim(f.{{ column_name }})) as needle
    from {{ model }} f
    where {{ where_clause }}
)
select f.*, l.text as line_text
from facts f
left join {{ ref('stg_lines') }} l
  on l.pack_id = f.pack_id and l.line_number = f.source_line
where l.text is null
   or strpos(lower(l.text), lower(f.needle)) = 0
{% endtest %}
