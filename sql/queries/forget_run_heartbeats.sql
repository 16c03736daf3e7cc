-- A lost run was marked failed (or had ended already): its stale heartbeats mean nothing any more.
DELETE FROM core.run_heartbeats WHERE run_id = ANY(%(run_ids)s::text[])
