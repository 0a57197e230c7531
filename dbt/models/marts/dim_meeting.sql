{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- One row per committee meeting a pack was prepared for.
select
    d.meeting_id,
    min(d.council_id) as council_id,
    min(d.committee_id) as committee_id,
    min(d.meeting_date) as meeting_date,
    min(p.meeting_time) as meeting_time,
    min(p.venue) as venue,
    list_sort(list(distinct d.pack_id)) as pack_ids
from {{ ref('dim_pack') }} d
join {{ ref('stg_packs') }} p using (pack_id)
group by d.meeting_id
