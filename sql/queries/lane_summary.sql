-- Per day and lane: how many calls stand where (for `callscript status`).
SELECT c.partition_date AS day,
       count(*) AS calls,
       count(*) FILTER (WHERE v.status = 'done') AS vaulted,
       count(*) FILTER (WHERE f.status = 'done') AS transcribed,
       count(*) FILTER (WHERE j.status = 'done') AS judged,
       count(*) FILTER (WHERE 'failed' IN (v.status, f.status, j.status)) AS failed,
       count(*) FILTER (WHERE 'claimed' IN (v.status, f.status, j.status)) AS in_flight
FROM core.calls c
LEFT JOIN core.call_lanes v ON v.call_id = c.call_id AND v.lane = 'vault'
LEFT JOIN core.call_lanes f ON f.call_id = c.call_id AND f.lane = 'factory'
LEFT JOIN core.call_lanes j ON j.call_id = c.call_id AND j.lane = 'judge'
WHERE c.partition_date >= current_date - %(days)s
GROUP BY 1
ORDER BY 1 DESC
