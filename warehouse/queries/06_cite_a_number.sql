-- Where was a given number printed? The citation of every complaints-received figure.
SELECT f.fiscal_year, f.service_area, f.value, c.citation, c.line_text
FROM bi.facts AS f
JOIN bi.fact_citations AS c USING (domain, fact_id)
WHERE f.measure = 'complaints_received' AND f.period_type = 'fiscal_year'
ORDER BY f.fiscal_year, f.service_area, f.value DESC
LIMIT 50;
