{#
  The project's incremental materialization (DuckDB): the pack-incremental models
  (macros/incremental.sql) in two statements a run, not a dozen.

  dbt-duckdb's own one builds the new rows into a temporary table, compares its columns with the
  target's (twice: type expansion, on_schema_change), inserts from it, drops it and comments
  every column again (persist_docs). Adding one pack to a large warehouse runs it for some fifty
  models, and those metadata queries over a catalogue of hundreds of relations were most of the
  pack step. Here:

    * a first build, a full refresh (`--full-refresh`, the first chunk of a chunked one) or a
      relation that is not a table: `create or replace table ... as` (one atomic statement),
      then the docs are persisted (the comments stay on the table across later appends);
    * otherwise the pre-hooks delete the rows of the queued packs (delete_queued_packs(),
      delete_touched_figures()) and the new rows are appended with `insert into ... by name`:
      columns are matched by name, and a column the table does not have fails the run.

  Why no schema-change check: every change to a model's SQL changes the transform fingerprint
  (dagster_project/planning.py), and a changed fingerprint rebuilds every model from scratch
  (`needs_full_refresh`); an incremental run never meets a changed schema. Only the `append`
  strategy is supported: the project uses no other.
#}
{% materialization incremental, adapter='duckdb', supported_languages=['sql'] -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set strategy = config.get('incremental_strategy') or 'append' -%}
  {%- if strategy != 'append' -%}
    {{ exceptions.raise_compiler_error(
        "incremental_strategy '" ~ strategy ~ "' is not supported by this project's incremental "
        ~ "materialization (dbt/macros/materialization_incremental.sql): use 'append'") }}
  {%- endif -%}
  {%- set rebuild = existing_relation is none or should_full_refresh() or existing_relation.is_view -%}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  {%- if rebuild and existing_relation is not none and existing_relation.is_view -%}
    {% do adapter.drop_relation(existing_relation) %}
  {%- endif -%}
  {% call statement('main') -%}
    {%- if rebuild %}
    create or replace table {{ target_relation }} as (
      {{ sql }}
    )
    {%- else %}
    insert into {{ target_relation }} by name
    select * from (
      {{ sql }}
    ) as new_rows
    {%- endif %}
  {%- endcall %}

  {%- if rebuild -%}
    {% do persist_docs(target_relation, model) %}
  {%- endif -%}

  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do adapter.commit() %}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}
