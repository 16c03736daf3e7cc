-- Calls failed in a lane, for `callscript recover`: filtered by day (%(since)s..%(until)s), lanes and error
-- classes (NULL: no filter), with what recovery needs to know about each.
SELECT l.call_id, l.lane, l.partition_date AS day, l.error_class, coalesce(l.error_message, '') AS message,
       l.attempts, c.call_at, c.recording_url, r.call_id IS NOT NULL AS has_recording
FROM core.call_lanes l
JOIN core.calls c USING (call_id)
LEFT JOIN core.recordings r USING (call_id)
WHERE l.status = 'failed'
  AND (%(since)s::date IS NULL OR l.partition_date >= %(since)s::date)
  AND (%(until)s::date IS NULL OR l.partition_date <= %(until)s::date)
  AND (%(lanes)s::text[] IS NULL OR l.lane = ANY(%(lanes)s::text[]))
  AND (%(error_classes)s::text[] IS NULL OR l.error_class = ANY(%(error_classes)s::text[]))
ORDER BY l.partition_date, l.lane, l.error_class, l.call_id
