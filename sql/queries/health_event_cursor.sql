-- Where the lane counters of a health server start: the newest event (the primary key's last entry).
SELECT coalesce(max(event_id), 0) AS event_id,
       (SELECT coalesce(max(judgment_id), 0) FROM core.judgments) AS judgment_id
FROM core.call_events
