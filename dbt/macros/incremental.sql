{#
  Pack-incremental models (issue 11). Every model that carries pack rows is
  `materialized: incremental` (dbt_project.yml) and computes one pack's rows from that pack's
  rows alone. A run transforms only the packs queued in ops.publish_queue (written by ingest when
  a pack is promoted, replaced or removed, emptied by a successful publish):

    * the pre-hook `delete_queued_packs()` deletes this model's rows of every queued pack
      (action load or remove);
    * the model's inputs are filtered with `in_batch('x.pack_id')` to the packs queued `load`;
    * the new rows are appended.

  `dbt build --full-refresh` ignores the queue and rebuilds every pack: the same rows.

  Chunks: dagster_project runs the pack step over many packs in several invocations, each over
  at most COUNCIL_TRANSFORM_CHUNK packs (dagster_project/chunks.py), so that the step's memory
  is bounded whatever the number of packs. Each invocation runs with COUNCIL_TRANSFORM_SCOPE=chunk
  and the packs of its chunk in ops.transform_chunk; the incremental models then read and delete
  those packs only, whether or not the run is incremental (the first chunk of a first build or a
  full refresh creates the tables from its packs, the next chunks append theirs).
#}

{# True while a chunk of the pack step runs and this model is pack-incremental. Read at run time
   only (`execute`): the parse state does not depend on the env var. #}
{% macro in_chunk_scope() -%}
{{ return(execute and env_var('COUNCIL_TRANSFORM_SCOPE', '') == 'chunk'
          and config.get('materialized') == 'incremental') }}
{%- endmacro %}

{% macro in_batch(column='pack_id') -%}
{%- if in_chunk_scope() -%}
{{ column }} in (select c.pack_id from {{ source('ops', 'transform_chunk') }} c where c.action = 'load')
{%- elif is_incremental() -%}
{%- set packs = queued_load_packs() -%}
{%- if packs | length <= var('batch_literal_packs') -%}
{%- if packs -%}{{ column }} in ({% for p in packs %}'{{ p | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %}){%- else -%}false{%- endif -%}
{%- else -%}
{{ column }} in (select q.pack_id from {{ source('ops', 'publish_queue') }} q where q.action = 'load')
{%- endif -%}
{%- else -%}
true
{%- endif -%}
{%- endmacro %}

{# The packs queued `load`, read once per dbt command (run_query_once): the queue is written by
   ingest before a command and emptied after a publish, never while dbt runs. in_batch() prints
   them as constants when they are few (an added pack or a handful): DuckDB then filters each
   table scan by them, where a subquery over the queue is a semi-join planned and run in every
   one of a model's inputs (int_prose_facts reads some thirty). #}
{% macro queued_load_packs() -%}
    {%- set rows = run_query_once("select distinct pack_id from " ~ source('ops', 'publish_queue')
                                  ~ " where action = 'load' order by 1") -%}
    {{ return(rows.columns[0].values() | list) }}
{%- endmacro %}

{# A model whose rows are not a pack's (int_measure_texts, incremental by text) says so with
   `meta={'rows_by_pack': false}`: read from the config, not by asking the database for the
   table's columns in every model of every run. #}
{% macro delete_queued_packs() -%}
{%- if is_incremental() and (config.get('meta') or {}).get('rows_by_pack', true) -%}
{%- if in_chunk_scope() -%}
delete from {{ this }} where pack_id in (select c.pack_id from {{ source('ops', 'transform_chunk') }} c)
{%- else -%}
delete from {{ this }} where pack_id in (
    select q.pack_id from {{ source('ops', 'publish_queue') }} q where q.action in ('load', 'remove'))
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{# A pack-row relation as the model reads it: only the packs queued `load` on an incremental run,
   the whole relation otherwise. `from {{ batch(ref('int_facts')) }} f` #}
{% macro batch(relation, column='pack_id') -%}
{%- if is_incremental() or in_chunk_scope() -%}
(select * from {{ relation }} where {{ in_batch(column) }})
{%- else -%}
{{ relation }}
{%- endif -%}
{%- endmacro %}

{# The pre-hook of a model whose rows follow a figure's printings across packs
   (int_figure_printing_chain, dq_findings): the rows of every figure this run compares again
   go (in dq_findings, the rows of the other checks have no figure_key and stay). #}
{% macro delete_touched_figures() -%}
{%- if is_incremental() -%}
delete from {{ this }} where figure_key in (
    select t.figure_key from {{ ref('int_cross_pack_touched_figures') }} t)
{%- endif -%}
{%- endmacro %}

{# The queue read by name in a model that is not incremental (int_cross_pack_touched_figures):
   a run-time input, like in_batch()'s, not a lineage parent, so the parse (execute false)
   records no dependency on it and it stays out of the asset graph. #}
{% macro publish_queue() -%}
{%- if execute -%}{{ source('ops', 'publish_queue') }}{%- else -%}ops.publish_queue{%- endif -%}
{%- endmacro %}
