-- Lane work the sensor should start runs for: new calls, and retryable failures whose backoff has passed and
-- that have not used up their automatic attempts (an operator's re-materialization still retries those).
-- Calls `callscript recover` reset are pending with a `retry_at`: until then they are left to its backfill.
SELECT lane, partition_date, count(*) AS calls
FROM core.call_lanes
WHERE (status = 'pending' AND (retry_at IS NULL OR retry_at <= clock_timestamp()))
   OR (status = 'failed' AND error_class <> 'permanent'
       AND retry_at <= clock_timestamp() AND attempts < %(max_attempts)s)
GROUP BY lane, partition_date
ORDER BY partition_date DESC, lane
LIMIT %(limit)s
