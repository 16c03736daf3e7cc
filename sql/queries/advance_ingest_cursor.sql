-- The near-real-time ingest read through %(read_through)s: the cursor only ever moves forward.
INSERT INTO core.ingest_cursors AS c (account_id, read_through, run_id)
VALUES (%(account_id)s, %(read_through)s, %(run_id)s)
ON CONFLICT (account_id) DO UPDATE
    SET read_through = greatest(c.read_through, excluded.read_through), run_id = excluded.run_id, updated_at = now()
