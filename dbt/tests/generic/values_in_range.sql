{#- Rows whose column is outside [min_value, max_value] (either bound optional). Nulls pass. -#}
{% test values_in_range(model, column_name, min_value=none, max_value=none, where_clause='true') %}
select *
from {{ model }}
where {{ column_name }} is not null
  and ({{ where_clause }})
  and (
    {% if min_value is not none %}{{ column_name }} < {{ min_value }}{% else %}false{% endif %}
    or {% if max_value is not none %}{{ column_name }} > {{ max_value }}{% else %}false{% endif %}
  )
{% endtest %}
