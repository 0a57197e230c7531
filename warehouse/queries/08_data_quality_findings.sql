-- What data-quality findings did the build record, by check and severity?
SELECT check_name, severity, count(*) AS findings, count(DISTINCT pack_id) AS packs
FROM marts.dq_findings
GROUP BY ALL
ORDER BY findings DESC;
