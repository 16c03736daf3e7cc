-- Mark a claimed call done; nothing happens unless this run still holds the claim.
-- The next lane (if any) becomes pending for the call; both changes are recorded as events.
WITH done AS (
    UPDATE core.call_lanes
    SET status = 'done', claimed_by = NULL, claimed_at = NULL, done_at = clock_timestamp(),
        work_version = %(work_version)s, retry_at = NULL, error_class = NULL, error_message = NULL
    WHERE call_id = %(call_id)s AND lane = %(lane)s AND claimed_by = %(run_id)s
    RETURNING call_id, partition_date
),
next_lane AS (
    INSERT INTO core.call_lanes AS l (call_id, lane, partition_date)
    SELECT call_id, %(next_lane)s, partition_date FROM done WHERE %(next_lane)s::text IS NOT NULL
    ON CONFLICT (call_id, lane) DO UPDATE
        SET status = 'pending', error_class = NULL, error_message = NULL, retry_at = NULL
        WHERE l.status <> 'claimed'
    RETURNING l.call_id
),
events AS (
    INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, message)
    SELECT call_id, %(lane)s, 'claimed', 'done', %(run_id)s, %(message)s FROM done
    UNION ALL
    SELECT call_id, %(next_lane)s, NULL, 'pending', %(run_id)s, 'ready after ' || %(lane)s FROM next_lane
)
SELECT count(*) AS completed FROM done
