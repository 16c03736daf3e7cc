-- A run worker says it is alive.
INSERT INTO core.run_heartbeats AS h (run_id, worker) VALUES (%(run_id)s, %(worker)s)
ON CONFLICT (run_id, worker) DO UPDATE SET beat_at = clock_timestamp()
