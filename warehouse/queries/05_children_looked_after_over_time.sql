-- How has the rate of children looked after changed over time, council by council?
SELECT council_name, period_date, measure, breakdown, value, unit
FROM bi.children_looked_after
WHERE measure IN ('cla_rate_per_10000', 'cla_count')
ORDER BY council_name, period_date, measure;
