-- How many calls of the given days the lane still has to do (for progress reporting).
SELECT count(*) AS calls
FROM core.call_lanes l
WHERE l.lane = %(lane)s
  AND l.partition_date = ANY(%(days)s::date[])
  AND (l.status = 'claimed' OR core.lane_needs_work(l, %(run_id)s, %(work_version)s))
