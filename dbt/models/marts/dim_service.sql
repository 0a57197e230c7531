{{ config(materialized='table') }}
-- Canonical services (seed service_aliases), one row per service_code.
select
    service_code,
    min(service_name) as service_name,
    min(service_area) as service_area,
    list(pattern order by pattern) as patterns
from {{ ref('service_aliases') }}
group by service_code
