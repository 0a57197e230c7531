{{ config(post_hook="{{ comment_measure_columns('waiting_times', '{description} ({unit}); the conformed value for this service and date.') }}") }}
-- one column per waiting-time measure of dim_measure (the pivot follows the data)
WITH printings AS (
    SELECT figure_key,
        string_agg(DISTINCT provider_commissioner, ', ' ORDER BY provider_commissioner)
            AS provider_commissioner
    FROM {{ published_ref('fct_waiting_times') }}
    GROUP BY figure_key
)
-- one row per subject (bi.figures.subject_key: council, service, date, ...): two services that
-- share a code ('Getting Help (Core CYPMHS)' beside the CYPMHS total) are two rows, not one max()
SELECT
    w.subject_key,
    w.subject_council AS reporting_council, c.council_name AS reporting_council_name,
    w.service_code, coalesce(s.service_name, min(w.service_text)) AS service,
    min(w.service_text) AS service_as_printed,
    string_agg(DISTINCT p.provider_commissioner, ', ' ORDER BY p.provider_commissioner)
        AS provider_commissioner, w.as_of_date
    {%- for code, description, unit in domain_measures('waiting_times') %},
    max(w.value) FILTER (WHERE w.measure = '{{ code }}') AS {{ code }}
    {%- endfor %},
    sum(w.printings)::BIGINT AS printings,
    bool_and(w.printings_agree) AS printings_agree,
    flatten(list(w.fact_ids ORDER BY w.figure_key)) AS fact_ids,
    list_sort(list_distinct(flatten(list(w.printed_at)))) AS printed_at,
    list_sort(list_distinct(flatten(list(w.pack_ids)))) AS pack_ids
FROM {{ published_ref('bi_figures') }} AS w
LEFT JOIN printings AS p USING (figure_key)
LEFT JOIN {{ published_ref('dim_service') }} AS s ON s.service_code = w.service_code
LEFT JOIN {{ published_ref('dim_council') }} AS c ON c.council_id = w.subject_council
WHERE w.domain = 'waiting_times' AND w.value_type = 'actual' AND w.period_type = 'as_of'
  AND w.age_band IS NULL AND w.district IS NULL
GROUP BY w.subject_key, w.subject_council, c.council_name, w.service_code, s.service_name,
         w.as_of_date
