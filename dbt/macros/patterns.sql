{#
  Regular expressions kept in a seed, matched as constants.

  DuckDB compiles a regular expression written into the SQL once, when the query is planned; one
  read from a joined table's column is compiled again for every row it is tried on (for a join of
  every prose number with every pattern of a seed: tens of thousands of compilations, seconds for
  a handful of packs). `regexp_matches_seed` reads the seed column's patterns when the model runs
  and writes each into a CASE on the pattern column: the same truth value for every row, each
  pattern compiled once. The pattern stays data: a new row of the seed is matched the same way,
  with no change here. The model must `ref()` the seed (it joins it), so the seed is loaded
  before the model compiles.
#}

{# The distinct non-null values of `column` in `relation`, at run time ([] while dbt parses). #}
{% macro seed_column_values(relation, column) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set rows = run_query(
        "select distinct " ~ column ~ " from " ~ relation
        ~ " where " ~ column ~ " is not null order by 1") -%}
    {{ return(rows.columns[0].values() | list) }}
{%- endmacro %}

{# regexp_matches(text, pattern_column) where pattern_column is `column` of seed `relation`
   joined to the row: true, false, or null (a null pattern) exactly as that call gives. #}
{% macro regexp_matches_seed(text, pattern_column, relation, column='pattern') -%}
{%- set patterns = seed_column_values(relation, column) -%}
{%- if patterns | length == 0 -%}
regexp_matches({{ text }}, {{ pattern_column }})
{%- else -%}
(case {{ pattern_column }}{% for p in patterns %}
    when {{ sql_string(p) }} then regexp_matches({{ text }}, {{ sql_string(p) }}){% endfor %}
 end)
{%- endif -%}
{%- endmacro %}
