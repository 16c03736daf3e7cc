-- The open part of each lane's queue, for /health and /metrics: only rows not done, which the partial index
-- call_lanes_open_idx holds, so the cost follows the queue, not the 2,000,000 calls behind it.
SELECT lane, status, coalesce(error_class, '') AS error_class,
       count(*) AS calls,
       extract(epoch FROM clock_timestamp() - min(updated_at))::float8 AS oldest_seconds,
       count(*) FILTER (WHERE status = 'claimed' AND claimed_at < clock_timestamp() - %(claim_timeout)s)
           AS stale_claims
FROM core.call_lanes
WHERE status <> 'done'
GROUP BY lane, status, error_class
