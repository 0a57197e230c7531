-- Which printed figures line up with a national release (DfE, NHS England, LGSCO), and where does
-- LG Inform publish the national figure to compare them with?
SELECT council_name, region, measure, value, national_period, national_source,
       lg_inform_metric_id, national_match, national_definition, pack_id, source_line
FROM bi.national_comparisons
WHERE national_period IS NOT NULL
ORDER BY national_source, measure, council_name, national_period;
