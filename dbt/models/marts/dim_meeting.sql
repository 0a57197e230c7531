{{ config(materialized='table') }}
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
