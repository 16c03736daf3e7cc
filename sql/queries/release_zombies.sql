-- Release claims whose run is gone (not in %(live_run_ids)s) or that are older than the claim timeout.
-- They become transient failures of the dead run, so any other run may pick them up again.
-- %(lane)s / %(days)s may be NULL for "every lane" / "every day" (the reaper sensor).
WITH zombies AS (
    SELECT call_id, lane, claimed_by
    FROM core.call_lanes
    WHERE status = 'claimed'
      AND (%(lane)s::text IS NULL OR lane = %(lane)s)
      AND (%(days)s::date[] IS NULL OR partition_date = ANY(%(days)s::date[]))
      AND claimed_by IS DISTINCT FROM %(run_id)s
      AND (claimed_at < clock_timestamp() - %(timeout)s OR NOT (claimed_by = ANY(%(live_run_ids)s::text[])))
    FOR UPDATE SKIP LOCKED
),
released AS (
    UPDATE core.call_lanes l
    SET status = 'failed', error_class = 'transient',
        error_message = 'claim released: run ' || zombies.claimed_by || ' stopped or timed out',
        last_run_id = zombies.claimed_by, claimed_by = NULL, claimed_at = NULL, retry_at = clock_timestamp()
    FROM zombies
    WHERE l.call_id = zombies.call_id AND l.lane = zombies.lane
    RETURNING l.call_id, l.lane, l.error_message
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, error_class, message)
SELECT call_id, lane, 'claimed', 'failed', %(run_id)s, 'transient', error_message FROM released
RETURNING call_id, lane
