-- How far ahead each shared request budget (Ringba's reporting API) is booked: the wait a new request faces.
SELECT bucket, greatest(0, extract(epoch FROM next_at - clock_timestamp()))::float8 AS backlog_seconds
FROM core.rate_limits
WHERE next_at > '-infinity'
