-- A run hands back the claims it still holds (it was interrupted mid-call) as transient failures.
WITH released AS (
    UPDATE core.call_lanes
    SET status = 'failed', error_class = 'transient', error_message = 'run interrupted while working on the call',
        claimed_by = NULL, claimed_at = NULL, retry_at = clock_timestamp()
    WHERE lane = %(lane)s AND claimed_by = %(run_id)s
    RETURNING call_id
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, error_class, message)
SELECT call_id, %(lane)s, 'claimed', 'failed', %(run_id)s, 'transient', 'run interrupted while working on the call'
FROM released
RETURNING call_id
