{%- set parts = [] -%}
{%- for domain in fact_domains() -%}
{%- do parts.append("SELECT '" ~ domain ~ "' AS domain, count(*) AS facts, count(DISTINCT pack_id) AS packs, count(DISTINCT reporting_council) AS councils FROM " ~ published_ref('fct_' ~ domain)) -%}
{%- endfor %}
{{ parts | join('\nUNION ALL\n') }}
