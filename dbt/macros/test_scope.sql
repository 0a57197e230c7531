{#
  Tests over the rows a run changed (issue 11).

  In an incremental run of the pack step (no --full-refresh, not a chunk of a first build) a
  row-by-row test of a pack model reads only the rows of the packs queued `load`: the rows of
  every other pack are unchanged since the run that loaded them, whose tests read them then.
  Row-by-row tests are those whose outcome for a row depends on that row alone (not_null,
  accepted_values, expression_is_true, no_rows, decision_text_printed, source_line_shows_value);
  tests across rows (unique, unique_combination, relationships) read the whole relation, and a
  full refresh or a chunked build tests every row.

  dbt hands every generic test its relation through get_where_subquery (the `where` config);
  this project's version adds the queue filter to it, and leaves the subquery without an alias
  (DuckDB needs none) so that a test may name its own (`from {{ model }} f`).
#}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where') -%}
    {%- set filters = [] -%}
    {%- if where -%}{%- do filters.append('(' ~ where ~ ')') -%}{%- endif -%}
    {%- if tests_only_queued_packs(relation) -%}
        {%- do filters.append('pack_id in (select q.pack_id from ' ~ relation.database
                              ~ '.ops.publish_queue q where q.action = \'load\')') -%}
    {%- endif -%}
    {%- if filters -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ filters | join(' and ') }})
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{# True when the test being compiled reads only the queued packs' rows of `relation` (above). #}
{% macro tests_only_queued_packs(relation) -%}
    {%- if not execute or flags.FULL_REFRESH or env_var('COUNCIL_TRANSFORM_SCOPE', '') == 'chunk' -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set test_name = ((model or {}).get('test_metadata') or {}).get('name') -%}
    {%- if test_name not in ['not_null', 'accepted_values', 'expression_is_true', 'no_rows',
                             'decision_text_printed', 'source_line_shows_value'] -%}
        {{ return(false) }}
    {%- endif -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and (node.alias or node.name) == relation.identifier
              and node.schema == relation.schema -%}
            {{ return('pack_rows' in node.tags
                      and node.config.materialized == 'incremental'
                      and (node.config.meta or {}).get('rows_by_pack', true)) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}
