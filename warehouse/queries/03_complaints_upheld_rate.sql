-- Which service areas uphold the largest share of complaints, year by year?
SELECT reporting_council_name, service_area, fiscal_year, received, upheld, partially_upheld,
       upheld_or_partially_upheld_rate
FROM bi.complaints_by_service_area_year
WHERE received IS NOT NULL AND upheld IS NOT NULL
ORDER BY reporting_council_name, service_area, fiscal_year;
