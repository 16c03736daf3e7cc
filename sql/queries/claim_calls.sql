-- Claim up to %(limit)s calls of the given days that need the lane, for run %(run_id)s.
-- SKIP LOCKED lets concurrent runs of the same partition share the work without waiting or duplicating it.
-- A call this run already holds but is not working on (%(in_flight)s lists those it is) had its claim
-- committed while the acknowledgement was lost (the database went away): it is taken up again.
WITH candidates AS (
    SELECT l.call_id, l.status AS from_status
    FROM core.call_lanes l
    WHERE l.lane = %(lane)s
      AND l.partition_date = ANY(%(days)s::date[])
      AND (core.lane_needs_work(l, %(run_id)s, %(work_version)s)
           OR (l.status = 'claimed' AND l.claimed_by = %(run_id)s AND l.call_id <> ALL(%(in_flight)s::text[])))
    ORDER BY l.partition_date, l.call_id
    LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
),
claimed AS (
    UPDATE core.call_lanes l
    SET status = 'claimed', claimed_by = %(run_id)s, claimed_at = clock_timestamp(),
        attempts = l.attempts + 1, last_run_id = %(run_id)s,
        error_class = NULL, error_message = NULL
    FROM candidates
    WHERE l.call_id = candidates.call_id AND l.lane = %(lane)s
    RETURNING l.call_id, l.attempts, candidates.from_status
),
events AS (
    INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id)
    SELECT call_id, %(lane)s, from_status, 'claimed', %(run_id)s FROM claimed
)
SELECT c.*, claimed.attempts
FROM claimed JOIN core.calls c USING (call_id)
ORDER BY c.call_at
