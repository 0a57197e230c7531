-- Which executive decisions were taken most recently, by whom, what was decided, and where is each recorded?
SELECT decision_date, reporting_council_name, decision_maker, reference, subject, decision_text, citation
FROM bi.decisions
WHERE kind = 'executive_decision' AND decision_date IS NOT NULL
ORDER BY decision_date DESC, reference
LIMIT 20;
