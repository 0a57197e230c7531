-- Canonical services (seed service_aliases), one row per service_code.
select
    service_code,
    any_value(service_name) as service_name,
    any_value(service_area) as service_area,
    list(pattern) as patterns
from {{ ref('service_aliases') }}
group by service_code
