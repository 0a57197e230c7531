{#- Rows whose text is not printed on their lines: the first and the last `chars` letters and
    digits of the text (case, spaces, punctuation and markup ignored) must both be found in the
    pack's lines first_line..last_line, read as the decision readers read them (running page
    headers and page breaks between them left out: int_decision_lines). A decision or item is
    read from where it says it was. -#}
{% test decision_text_printed(model, column_name, pack_column='pack_id', first_line='source_line', last_line='source_last_line', chars=40) %}
with texts as (
    select
        f.{{ pack_column }} as pack_id,
        f.{{ first_line }} as first_line,
        f.{{ last_line }} as last_line,
        regexp_replace(lower(f.{{ column_name }}), '[^a-z0-9]', '', 'g') as letters
    from {{ model }} f
    where f.{{ column_name }} is not null
),
printed as (
    select t.pack_id, t.first_line, t.last_line, t.letters,
           regexp_replace(lower(string_agg(l.text, ' ' order by l.line_number)), '[^a-z0-9]', '', 'g') as line_letters
    from texts t
    left join {{ ref('int_decision_lines') }} l
      on l.pack_id = t.pack_id and l.line_number between t.first_line and t.last_line and not l.is_gap
    group by all
)
select *
from printed
where line_letters is null
   or strpos(line_letters, left(letters, {{ chars }})) = 0
   or strpos(line_letters, right(letters, {{ chars }})) = 0
{% endtest %}
