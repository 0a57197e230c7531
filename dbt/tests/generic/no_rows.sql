{#- Fails (or warns) with every row of the model: used on the int_dq_* consistency checks, whose
    rows are findings. With store_failures the findings are kept in schema dq. -#}
{% test no_rows(model) %}
select * from {{ model }}
{% endtest %}
