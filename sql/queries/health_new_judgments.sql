-- Judgments recorded since the last reading, by verdict (a primary-key range).
SELECT verdict, count(*) AS calls, max(judgment_id) AS last_judgment_id
FROM core.judgments
WHERE judgment_id > %(after)s AND judged_at < clock_timestamp() - %(settle)s
GROUP BY verdict
