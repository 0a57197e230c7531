
{# Why a waiting-times table fact `f` (int_facts) is a part the waiting-times facts have no
   column for, else null: a district's figure ('Cheltenham | 541' under the county's list), or a
   row that is a part of the row above ('of which autism and ADHD', var subset_row_opener) and
   names no measure of its own. #}
{% macro waiting_times_part(f) -%}
(case when {{ f }}.district is not null then 'a figure of one district (' || {{ f }}.district || ')'
      when regexp_matches(coalesce({{ f }}.row_label, ''), '{{ var("subset_row_opener") }}')
           and {{ f }}.measure_source <> 'label'
          then 'a part of the row above (' || {{ f }}.row_label || ')' end)
{%- endmacro %}
