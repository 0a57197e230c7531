{{ config(materialized='table') }}
-- Cross-pack: rebuilt whole after the fact gate has passed or quarantined the packs
-- just transformed (the depends_on lines order it after the fact tables).
-- depends_on: {{ ref('fct_waiting_times') }}
-- depends_on: {{ ref('fct_complaints') }}
-- depends_on: {{ ref('fct_placements') }}
-- depends_on: {{ ref('fct_decisions') }}
-- Canonical measures (seed measure_catalogue) with the national series that defines each one,
-- where one does (seed measure_national_definitions: LG Inform metric, DfE / NHS / LGSCO).
select
    m.measure as measure_code,
    m.domain,
    m.unit,
    m.description,
    n.national_source,
    n.national_collection,
    n.lg_inform_metric_id,
    case when n.lg_inform_metric_id is not null
         then 'http://id.esd.org.uk/metricType/' || n.lg_inform_metric_id end as lg_inform_metric_url,
    n.national_definition,
    n.national_match,
    n.source_url as national_source_url,
    n.notes as national_notes
from {{ ref('measure_catalogue') }} m
left join {{ ref('measure_national_definitions') }} n using (measure)
