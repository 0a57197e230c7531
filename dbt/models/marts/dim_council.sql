{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- Every English council of the register (seed council_register: current councils and the
-- predecessors of recent reorganisations), plus 'unknown' for names no council bears and
-- 'several' for figures given to an area of several councils.
with register as (
    select * from {{ ref('council_register') }}
),
predecessors as (
    select s.successor as gss_code, list_sort(list(r.gss_code)) as predecessor_gss_codes
    from register r, unnest(string_split(r.successor_gss_codes, ';')) as s(successor)
    where coalesce(r.successor_gss_codes, '') <> ''
    group by 1
),
aliases as (
    select gss_code, list_sort(list(distinct name_key)) as aliases
    from {{ ref('int_council_names') }}
    where name_source <> 'name_form'
    group by 1
)
select
    r.gss_code as council_id,
    r.gss_code,
    r.council_name,
    r.short_name,
    r.council_type,
    r.region,
    r.county_gss_code,
    r.start_date,
    r.end_date,
    r.end_date is null as is_current,
    case when coalesce(r.successor_gss_codes, '') <> ''
         then string_split(r.successor_gss_codes, ';') end as successor_gss_codes,
    p.predecessor_gss_codes,
    case when coalesce(r.former_gss_codes, '') <> ''
         then string_split(r.former_gss_codes, ';') end as former_gss_codes,
    coalesce(a.aliases, []::varchar[]) as aliases
from register r
left join predecessors p using (gss_code)
left join aliases a using (gss_code)
union all
select 'unknown', null, 'Unknown council', null, null, null, null, null, null, null, null, null, null,
       []::varchar[]
union all
-- a figure given to an area of several councils (subject_council_source 'shared_area')
select 'several', null, 'Several councils (a shared area)', null, null, null, null, null, null, null,
       null, null, null, []::varchar[]
