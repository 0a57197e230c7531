{#- Rows whose combination of `columns` occurs more than once (nulls count as equal values): the
    grain of a model with a composite key. -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
