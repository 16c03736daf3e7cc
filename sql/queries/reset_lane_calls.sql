-- `callscript recover`: put calls of one lane back to pending, one event per call, in the caller's transaction.
-- Only rows still in one of the given statuses are touched (a call that moved on meanwhile is left alone). They
-- get their automatic attempts back, and are held for the recovery backfill (`retry_at`) before the lane
-- sensor may take them.
WITH before AS (
    SELECT call_id, status, error_class, error_message
    FROM core.call_lanes
    WHERE lane = %(lane)s AND call_id = ANY(%(call_ids)s::text[]) AND status = ANY(%(from_statuses)s::text[])
    FOR UPDATE
),
reset AS (
    UPDATE core.call_lanes l
    SET status = 'pending', error_class = NULL, error_message = NULL, attempts = 0,
        retry_at = clock_timestamp() + %(hold)s
    FROM before
    WHERE l.call_id = before.call_id AND l.lane = %(lane)s
    RETURNING l.call_id
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, message)
SELECT b.call_id, %(lane)s, b.status, 'pending',
       %(reason)s || CASE WHEN b.error_class IS NULL THEN ''
                          ELSE ' (was ' || b.error_class || ': ' || coalesce(b.error_message, '') || ')' END
FROM before b JOIN reset USING (call_id)
RETURNING call_id
