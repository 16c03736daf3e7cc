-- Runs whose workers stopped showing signs of life for longer than %(timeout)s: every heartbeat of the run is
-- stale, or it holds claims nobody refreshed. Only the run storage can say whether such a run is still
-- "in progress"; the reaper asks it.
SELECT run_id, max(beat_at) AS last_sign_of_life
FROM core.run_heartbeats
GROUP BY run_id
HAVING max(beat_at) < clock_timestamp() - %(timeout)s
UNION
SELECT claimed_by, max(claimed_at)
FROM core.call_lanes
WHERE status = 'claimed'
GROUP BY claimed_by
HAVING max(claimed_at) < clock_timestamp() - %(timeout)s
