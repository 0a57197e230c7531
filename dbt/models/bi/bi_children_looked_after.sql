SELECT
    f.subject_council AS council, sc.council_name, f.reporting_councils, f.measure,
    m.description AS measure_description, f.unit, f.value_type, f.age_band, f.segment, f.breakdown,
    f.period_type, f.fiscal_year, f.period_start, f.period_end, f.as_of_date,
    coalesce(f.as_of_date, f.period_end) AS period_date, f.period_source, f.dated_by_meeting,
    f.value, f.printed_values, f.printings_agree, f.printings, f.fact_ids, f.printed_at,
    f.pack_ids
FROM {{ published_ref('bi_figures') }} AS f
LEFT JOIN {{ published_ref('dim_council') }} AS sc ON sc.council_id = f.subject_council
LEFT JOIN {{ published_ref('dim_measure') }} AS m ON m.measure_code = f.measure
WHERE f.domain = 'placements'
ORDER BY council, period_date NULLS LAST, f.measure, f.value_type
