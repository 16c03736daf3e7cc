-- Ringba issued a fresh recording URL for a call whose old one expired; the event says who asked and why.
WITH updated AS (
    UPDATE core.calls SET recording_url = %(url)s, last_run_id = %(run_id)s
    WHERE call_id = %(call_id)s
    RETURNING call_id
)
INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, message)
SELECT call_id, 'ingest', NULL, 'updated', %(run_id)s, %(message)s
FROM updated
