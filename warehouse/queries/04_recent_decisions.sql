-- Which executive decisions were taken most recently, by whom, and where is each recorded?
SELECT decision_date, reporting_council_name, decision_maker, reference, title, citation
FROM bi.decisions
WHERE decision_date IS NOT NULL
ORDER BY decision_date DESC, reference
LIMIT 20;
