-- Lane transitions recorded since the last reading (a primary-key range, so only the new rows are read). Rows
-- younger than %(settle)s wait for the next reading: an identity is taken at insert, and a transaction that
-- took a lower one may still commit a moment after a higher one.
SELECT lane, from_status IS NULL AS created, to_status, coalesce(error_class, '') AS error_class,
       count(*) AS events, max(event_id) AS last_event_id
FROM core.call_events
WHERE event_id > %(after)s AND at < clock_timestamp() - %(settle)s
GROUP BY lane, from_status IS NULL, to_status, coalesce(error_class, '')
