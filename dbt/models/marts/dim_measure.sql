{{ config(materialized='table') }}
-- Canonical measures (seed measure_catalogue).
select
    measure as measure_code,
    domain,
    unit,
    description
from {{ ref('measure_catalogue') }}
