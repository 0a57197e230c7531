-- For each council, service and provider, what did the latest waiting-list snapshot say?
SELECT reporting_council_name, service, provider_commissioner, as_of_date, referrals_waiting,
       waiting_over_18_weeks, waiting_over_52_weeks, max_wait_weeks, avg_wait_weeks
FROM bi.waiting_list_snapshots
QUALIFY row_number() OVER (
    PARTITION BY reporting_council, service, provider_commissioner ORDER BY as_of_date DESC
) = 1
ORDER BY reporting_council_name, service, provider_commissioner NULLS FIRST;
