-- How many facts does the warehouse hold per domain, from how many packs and councils?
SELECT domain, facts, packs, councils
FROM bi.facts_per_domain
ORDER BY facts DESC;
