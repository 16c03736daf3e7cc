-- The rules a run's judgments flagged, most frequent first (for the materialization's metadata).
SELECT f ->> 'rule_id' AS rule_id, count(DISTINCT j.call_id) AS calls
FROM core.judgments j, jsonb_array_elements(j.findings) AS f
WHERE j.run_id = %(run_id)s
GROUP BY 1
ORDER BY 2 DESC, 1
LIMIT 10
