-- Calls of the given days that another run holds claimed: a run does not report its lane finished while
-- these are open (see run_lane).
SELECT call_id, claimed_by
FROM core.call_lanes
WHERE lane = %(lane)s
  AND partition_date = ANY(%(days)s::date[])
  AND status = 'claimed'
  AND claimed_by <> %(run_id)s
ORDER BY claimed_at, call_id
