-- Calls claimed continuously for longer than %(older_than)s, per lane. A live run refreshes `claimed_at`, so
-- the claim's start is the call's latest 'claimed' event.
SELECT l.lane, count(*) AS calls, min(since.at) AS oldest,
       (array_agg(l.call_id ORDER BY since.at, l.call_id))[1:5] AS call_ids,
       (array_agg(DISTINCT l.claimed_by))[1:3] AS runs
FROM core.call_lanes l
CROSS JOIN LATERAL (
    SELECT coalesce(max(e.at), l.claimed_at) AS at
    FROM core.call_events e
    WHERE e.call_id = l.call_id AND e.lane = l.lane AND e.to_status = 'claimed'
) since
WHERE l.status = 'claimed' AND since.at < clock_timestamp() - %(older_than)s
GROUP BY l.lane
ORDER BY l.lane
