-- One row per committee meeting a pack was prepared for.
select
    d.meeting_id,
    any_value(d.council_id) as council_id,
    any_value(d.committee_id) as committee_id,
    any_value(d.meeting_date) as meeting_date,
    any_value(p.meeting_time) as meeting_time,
    any_value(p.venue) as venue,
    list_sort(list(distinct d.pack_id)) as pack_ids
from {{ ref('dim_pack') }} d
join {{ ref('stg_packs') }} p using (pack_id)
group by d.meeting_id
