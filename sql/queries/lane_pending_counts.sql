-- Calls waiting in each lane (the queue-backlog alert).
SELECT lane, count(*) AS calls, min(partition_date) AS first_day, max(partition_date) AS last_day
FROM core.call_lanes
WHERE status = 'pending'
GROUP BY lane
ORDER BY lane
