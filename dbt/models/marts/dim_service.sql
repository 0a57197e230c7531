{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- Canonical services (seed service_aliases), one row per service_code, with the service it is
-- part of (an ADHD assessment of the neurodevelopmental pathway).
select
    service_code,
    min(service_name) as service_name,
    min(service_area) as service_area,
    max(nullif(parent_service_code, '')) as parent_service_code,
    list(pattern order by pattern) as patterns
from {{ ref('service_aliases') }}
group by service_code
