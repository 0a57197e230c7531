{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- Committees: one row per council and canonical committee name (seed committee_aliases folds variants).
with packs as (
    select p.*, pc.council_id
    from {{ ref('stg_packs') }} p
    join {{ ref('int_pack_councils') }} pc using (pack_id)
),
named as (
    select
        p.council_id,
        -- a name printed in capitals as it is written ('AUDIT COMMITTEE': 'Audit Committee'), as
        -- the decisions name their maker
        coalesce(ca.committee_name, {{ name_case('p.committee') }}) as committee_name,
        p.committee as printed_name
    from packs p
    left join {{ ref('committee_aliases') }} ca on ca.alias = {{ norm_text('p.committee') }}
    where p.committee is not null
)
select
    {{ surrogate_key(['council_id', norm_text('committee_name')]) }} as committee_id,
    council_id,
    min(committee_name) as committee_name,
    list_sort(list(distinct printed_name)) as printed_names
from named
group by council_id, {{ norm_text('committee_name') }}
