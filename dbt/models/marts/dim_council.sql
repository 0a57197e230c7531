{{ config(materialized='table') }}
-- Councils, from seed council_aliases (one row per GSS code), plus 'unknown'.
select
    gss_code as council_id,
    gss_code,
    min(council_name) as council_name,
    min(council_type) as council_type,
    list_sort(list(distinct alias)) as aliases
from {{ ref('council_aliases') }}
group by gss_code
union all
select 'unknown', null, 'Unknown council', null, []::varchar[]
