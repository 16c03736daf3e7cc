-- A live run refreshes its claims, so only claims of runs that stopped age past the claim timeout.
UPDATE core.call_lanes SET claimed_at = clock_timestamp()
WHERE lane = %(lane)s AND claimed_by = %(run_id)s AND status = 'claimed'
