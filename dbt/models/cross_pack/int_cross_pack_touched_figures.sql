{{ config(materialized='table') }}
-- The figures (figure_key) whose printings this run compares again across packs: every figure a
-- pack queued `load` prints, and every figure of a chain row (int_figure_printing_chain, as the
-- last publish left it) in which a queued pack takes part, as the pack or as the printing before
-- it: a removed or replaced pack leaves the figures it was compared on. A pack that printed a
-- figure but takes part in no chain row was its only printing: its removal changes nothing else.
-- The chain is read by name, not ref(): the chain itself reads this model.
{% set chain = adapter.get_relation(database=this.database, schema=this.schema,
                                    identifier='int_figure_printing_chain') %}
{% set queued = "select q.pack_id from " ~ publish_queue() ~ " q" %}
select distinct figure_key
from {{ ref('int_facts') }}
where value is not null
  and pack_id in ({{ queued }} where q.action = 'load')
{% if chain is not none %}
union
select figure_key
from {{ chain }}
where pack_id in ({{ queued }}) or previous_pack_id in ({{ queued }})
{% endif %}
