-- Record a claimed call's failure; nothing happens unless this run still holds the claim.
-- retry_at spaces out automatic retries (1, 2, 4 … minutes, at most an hour); operators can retry any time.
WITH failed AS (
    UPDATE core.call_lanes
    SET status = 'failed', claimed_by = NULL, claimed_at = NULL,
        error_class = %(error_class)s, error_message = %(message)s,
        retry_at = CASE WHEN %(error_class)s = 'permanent' THEN NULL
                        ELSE clock_timestamp() + least(interval '1 minute' * power(2, attempts - 1), interval '1 hour')
                   END
    WHERE call_id = %(call_id)s AND lane = %(lane)s AND claimed_by = %(run_id)s
    RETURNING call_id
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, error_class, message)
SELECT call_id, %(lane)s, 'claimed', 'failed', %(run_id)s, %(error_class)s, %(message)s FROM failed
RETURNING call_id
