
{# Why a waiting-times table fact `f` (int_facts) is a part the waiting-times facts have no
   column for, else null: a row that is a part of the row above ('of which autism and ADHD', var subset_row_opener) and
   names no measure of its own, or a row of another part of the list (a priority, a band of the
   wait: its label is the figure's breakdown, int_fact_subjects). #}
{% macro waiting_times_part(f) -%}
(case when regexp_matches(coalesce({{ f }}.row_label, ''), '{{ var("subset_row_opener") }}')
           and {{ f }}.measure_source <> 'label'
          then 'a part of the row above (' || {{ f }}.row_label || ')'
      -- a row naming no service, measure, period, age band or district, only what it is a part
      -- of the list by ('Priority 3 (moderate)', 'Urgent', 'Waiting 18 to 26 weeks'): that part
      when {{ f }}.row_role = 'detail' and {{ f }}.row_measure is null and {{ f }}.district is null
           and {{ f }}.breakdown is not distinct from {{ f }}.row_label
          then 'a figure of one part of the list (' || {{ f }}.row_label || ')' end)
{%- endmacro %}
