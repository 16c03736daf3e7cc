-- What one lane's day is missing, for its asset checks: claims older than %(claim_timeout)s, retryable and
-- permanent failures, and calls the previous lane finished (for the vault: every stored call of the day) that
-- this lane has neither done nor failed. Per kind: the total and the first ten calls; plus the day's calls.
WITH lane_rows AS (
    SELECT call_id, status, error_class, error_message, claimed_by, claimed_at
    FROM core.call_lanes
    WHERE lane = %(lane)s AND partition_date = %(day)s
),
upstream AS (
    SELECT call_id FROM core.calls
    WHERE partition_date = %(day)s AND %(previous_lane)s::text IS NULL
    UNION ALL
    SELECT call_id FROM core.call_lanes
    WHERE lane = %(previous_lane)s AND partition_date = %(day)s AND status = 'done'
),
problems AS (
    SELECT 'stale_claim' AS kind, call_id, 'claimed by run ' || claimed_by AS detail
    FROM lane_rows
    WHERE status = 'claimed' AND claimed_at < clock_timestamp() - %(claim_timeout)s
    UNION ALL
    SELECT 'retryable', call_id, error_class || ': ' || coalesce(error_message, '')
    FROM lane_rows
    WHERE status = 'failed' AND error_class <> 'permanent'
    UNION ALL
    SELECT 'permanent', call_id, coalesce(error_message, '')
    FROM lane_rows
    WHERE status = 'failed' AND error_class = 'permanent'
    UNION ALL
    SELECT 'unprocessed', u.call_id, coalesce(r.status, 'not ready for this lane')
    FROM upstream u
    LEFT JOIN lane_rows r USING (call_id)
    WHERE r.status IS NULL OR r.status NOT IN ('done', 'failed')
),
numbered AS (
    SELECT kind, call_id, detail,
           count(*) OVER (PARTITION BY kind) AS total,
           row_number() OVER (PARTITION BY kind ORDER BY call_id) AS n
    FROM problems
)
SELECT kind, total, call_id, detail FROM numbered WHERE n <= 10
UNION ALL
SELECT 'calls', count(*), NULL, NULL FROM lane_rows
ORDER BY kind, call_id
