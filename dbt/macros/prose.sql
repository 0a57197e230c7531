{# Letters and digits only, lower-cased: 'Staff Attitude/ Treatment of Customer' and
   '“Staff Attitude/Treatment of Customer”' read alike. For finding one text inside another. #}
{% macro squeeze(expr) -%}
regexp_replace(lower(coalesce({{ expr }}, '')), '[^a-z0-9]+', '', 'g')
{%- endmacro %}
