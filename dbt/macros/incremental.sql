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
#}

{% macro in_batch(column='pack_id') -%}
{%- if is_incremental() -%}
{{ column }} in (select q.pack_id from {{ source('ops', 'publish_queue') }} q where q.action = 'load')
{%- else -%}
true
{%- endif -%}
{%- endmacro %}

{% macro delete_queued_packs() -%}
{%- if is_incremental() and 'pack_id' in (adapter.get_columns_in_relation(this) | map(attribute='name') | list) -%}
delete from {{ this }} where pack_id in (
    select q.pack_id from {{ source('ops', 'publish_queue') }} q where q.action in ('load', 'remove'))
{%- endif -%}
{%- endmacro %}

{# A pack-row relation as the model reads it: only the packs queued `load` on an incremental run,
   the whole relation otherwise. `from {{ batch(ref('int_facts')) }} f` #}
{% macro batch(relation, column='pack_id') -%}
{%- if is_incremental() -%}
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
