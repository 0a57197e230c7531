-- each printed value (bi.facts) of a measure with a national definition (dim_measure)
SELECT
    f.subject_council AS council, c.council_name, c.council_type, c.region, f.reporting_council,
    f.domain, f.measure, f.measure_description, f.value, f.unit, f.value_text,
    f.period_type, f.fiscal_year, f.as_of_date, f.period_start, f.period_end,
    m.national_source, m.national_collection, m.lg_inform_metric_id, m.lg_inform_metric_url,
    m.national_definition, m.national_match, m.national_notes, m.national_source_url,
    CASE
        WHEN m.national_source = 'NHS England' AND f.as_of_date = last_day(f.as_of_date)
            THEN 'month ending ' || strftime(f.as_of_date, '%-d %B %Y')
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'fiscal_year'
            THEN 'year ending 31 March ' || year(f.period_end)
        WHEN m.national_source <> 'NHS England' AND f.period_type = 'as_of'
             AND month(f.as_of_date) = 3 AND day(f.as_of_date) = 31
            THEN 'at 31 March ' || year(f.as_of_date)
    END AS national_period,
    f.pack_id, f.source_line, f.fact_id
FROM {{ published_ref('bi_facts') }} AS f
JOIN {{ published_ref('dim_measure') }} AS m
    ON m.measure_code = f.measure AND m.national_source IS NOT NULL
LEFT JOIN {{ published_ref('dim_council') }} AS c ON c.council_id = f.subject_council
