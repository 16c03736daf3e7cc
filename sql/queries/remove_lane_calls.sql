-- `callscript recover --recover-all`: a call going back to the vault lane leaves the later lanes; finishing the
-- vault lane again makes it ready for them, as for a new call. One event per row removed.
WITH removed AS (
    DELETE FROM core.call_lanes
    WHERE call_id = ANY(%(call_ids)s::text[]) AND lane = ANY(%(lanes)s::text[]) AND status <> 'claimed'
    RETURNING call_id, lane, status
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, message)
SELECT call_id, lane, status, 'removed', %(reason)s FROM removed
RETURNING call_id
