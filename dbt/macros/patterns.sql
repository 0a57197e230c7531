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

{# The result (an agate table) of a query run once per dbt command: reference data, or the
   publish queue (incremental.sql queued_load_packs). A model compiles after the seeds it refs
   are loaded; seeds do not change while models run, nor does the queue (ingest writes it
   between commands); so the result is kept (in the `graph` dict, the one object every node's
   context shares, new in each command's process) for the next model asking the same: one model
   alone asks up to eight times. #}
{% macro run_query_once(sql) -%}
    {%- set cache = graph.setdefault('council_query_results', {}) -%}
    {%- if sql not in cache -%}
        {%- do cache.update({sql: run_query(sql)}) -%}
    {%- endif -%}
    {{ return(cache[sql]) }}
{%- endmacro %}

{# The distinct non-null values of `column` in `relation`, at run time ([] while dbt parses). #}
{% macro seed_column_values(relation, column) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set rows = run_query_once(
        "select distinct " ~ column ~ " from " ~ relation
        ~ " where " ~ column ~ " is not null order by 1") -%}
    {{ return(rows.columns[0].values() | list) }}
{%- endmacro %}

{# fn(text, pattern_column, args...) where pattern_column is `column` of seed `relation` joined to
   the row, for any DuckDB regexp function (regexp_matches, regexp_extract, regexp_extract_all,
   regexp_replace): the value that call gives, null for a null pattern, each pattern compiled once. #}
{% macro regexp_seed_call(fn, text, pattern_column, relation, column='pattern', args=[]) -%}
{%- set patterns = seed_column_values(relation, column) -%}
{%- set tail -%}{% for a in args %}, {{ a }}{% endfor %}{%- endset -%}
{%- if patterns | length == 0 -%}
{{ fn }}({{ text }}, {{ pattern_column }}{{ tail }})
{%- else -%}
(case {{ pattern_column }}{% for p in patterns %}
    when {{ sql_string(p) }} then {{ fn }}({{ text }}, {{ sql_string(p) }}{{ tail }}){% endfor %}
 end)
{%- endif -%}
{%- endmacro %}

{# regexp_matches(text, pattern_column) where pattern_column is `column` of seed `relation`
   joined to the row: true, false, or null (a null pattern) exactly as that call gives. #}
{% macro regexp_matches_seed(text, pattern_column, relation, column='pattern') -%}
{{ regexp_seed_call('regexp_matches', text, pattern_column, relation, column) }}
{%- endmacro %}

{# regexp_extract(text, pattern_column, group) for a seed's pattern column (see regexp_seed_call). #}
{% macro regexp_extract_seed(text, pattern_column, relation, group=0, column='pattern') -%}
{{ regexp_seed_call('regexp_extract', text, pattern_column, relation, column, [group]) }}
{%- endmacro %}

{# regexp_extract_all(text, pattern_column, group) for a seed's pattern column. #}
{% macro regexp_extract_all_seed(text, pattern_column, relation, group=0, column='pattern') -%}
{{ regexp_seed_call('regexp_extract_all', text, pattern_column, relation, column, [group]) }}
{%- endmacro %}

{# The rows (tuples of `columns`) of reference data `relation`, at run time ([] while dbt
   parses), in the order `order_by` gives. #}
{% macro seed_rows(relation, columns, order_by) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set result = run_query_once(
        "select " ~ (columns | join(', ')) ~ " from " ~ relation ~ " order by " ~ order_by) -%}
    {{ return(result.rows | list) }}
{%- endmacro %}

{# The values of `value_column` of every row of `relation` whose pattern matches `text`, distinct,
   sorted and joined with commas (null for none): a scalar expression, each pattern a constant, in
   place of a lateral string_agg over the seed (which the planner must decorrelate at every run). #}
{% macro seed_values_matched(text, relation, value_column) -%}
{%- set rows = seed_rows(relation, ['pattern', value_column], 'pattern') -%}
{%- if rows | length == 0 -%}
null::varchar
{%- else -%}
{%- set matched -%}
nullif(array_to_string(list_sort(list_distinct(list_filter(list_value(
    {%- for r in rows %}case when regexp_matches(seed_text, {{ sql_string(r[0]) }}) then {{ sql_string(r[1]) }} end{% if not loop.last %}, {% endif %}{% endfor -%}
), lambda x: x is not null))), ','), '')
{%- endset -%}
{{ bound_once(text, 'seed_text', matched) }}
{%- endif -%}
{%- endmacro %}

{# `body`, in which `name` stands for the value of `expr`: `expr` written (and bound, compiled and
   evaluated) once, as the one item of a list given to a lambda. For a macro that reads a text
   many times (a pattern per seed row) or an extraction several times: DuckDB binds, and compiles
   the patterns of, every copy of an expression at every run, most of a pack model's time when
   it adds one pack (bench/README.md). #}
{% macro bound_once(expr, name, body) -%}
list_transform([{{ expr }}], lambda {{ name }}: {{ body }})[1]
{%- endmacro %}
