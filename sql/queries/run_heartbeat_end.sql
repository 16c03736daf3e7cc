-- A run worker is done with the run (normally, or by an exception it could still handle).
DELETE FROM core.run_heartbeats WHERE run_id = %(run_id)s AND worker = %(worker)s
