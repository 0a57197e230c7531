-- column name -> measure code of the complaint figures pivoted here
{%- set measures = {
    'received': 'complaints_received',
    'upheld': 'complaints_upheld',
    'partially_upheld': 'complaints_partially_upheld',
    'not_upheld': 'complaints_not_upheld',
    'upheld_or_partially_upheld_printed': 'complaints_upheld_or_partially_upheld'} %}
WITH headline AS (
    -- the figures for a whole service area: no service, team, theme, district or breakdown
    SELECT *
    FROM {{ published_ref('bi_figures') }}
    WHERE domain = 'complaints' AND value_type = 'actual' AND period_type = 'fiscal_year'
      AND service_code IS NULL AND service_text IS NULL AND theme IS NULL AND district IS NULL
      AND age_band IS NULL AND breakdown IS NULL
      AND measure IN ({% for code in measures.values() %}'{{ code }}'{{ ", " if not loop.last }}{% endfor %})
), wide AS (
    SELECT subject_council, coalesce(service_area, 'all') AS service_area, fiscal_year,
        procedure, stage, segment,
        {%- for name, code in measures.items() %}
        max(value) FILTER (WHERE measure = '{{ code }}') AS {{ name }},
        {%- endfor %}
        bool_and(printings_agree) AS printings_agree,
        flatten(list(fact_ids ORDER BY figure_key)) AS fact_ids,
        list_sort(list_distinct(flatten(list(printed_at)))) AS printed_at,
        list_sort(list_distinct(flatten(list(pack_ids)))) AS pack_ids
    FROM headline
    GROUP BY ALL
)
SELECT
    w.subject_council AS reporting_council, c.council_name AS reporting_council_name,
    w.service_area, w.fiscal_year, w.procedure, w.stage, w.segment, w.received, w.upheld,
    w.partially_upheld, w.not_upheld,
    coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        AS upheld_or_partially_upheld,
    round(w.upheld / nullif(w.received, 0), 4) AS upheld_rate,
    round(coalesce(w.upheld + w.partially_upheld, w.upheld_or_partially_upheld_printed)
        / nullif(w.received, 0), 4) AS upheld_or_partially_upheld_rate,
    w.printings_agree, w.fact_ids, w.printed_at, w.pack_ids
FROM wide AS w
LEFT JOIN {{ published_ref('dim_council') }} AS c ON c.council_id = w.subject_council
