-- Each per-call lane's outcomes in the last %(window)s: failures (by class) and completions. Claims released
-- from dead runs are left out; the zombie alert counts those.
SELECT lane,
       count(*) FILTER (WHERE to_status = 'done') AS done,
       count(*) FILTER (WHERE to_status = 'failed') AS failed,
       count(*) FILTER (WHERE to_status = 'failed' AND error_class = 'transient') AS transient,
       count(*) FILTER (WHERE to_status = 'failed' AND error_class = 'url_expired') AS url_expired,
       count(*) FILTER (WHERE to_status = 'failed' AND error_class = 'permanent') AS permanent
FROM core.call_events
WHERE at > clock_timestamp() - %(window)s
  AND lane IN ('vault', 'factory', 'judge')
  AND to_status IN ('done', 'failed')
  AND coalesce(message, '') NOT LIKE 'claim released:%%'
GROUP BY lane
ORDER BY lane
