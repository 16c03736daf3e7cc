-- Reserve the next request slot of a bucket (GCRA): slots are `interval` apart across every process.
-- Returns how long the caller must sleep until its slot.
INSERT INTO core.rate_limits AS r (bucket, next_at)
VALUES (%(bucket)s, clock_timestamp() + %(interval)s)
ON CONFLICT (bucket) DO UPDATE
    SET next_at = greatest(r.next_at, clock_timestamp()) + %(interval)s
RETURNING greatest(0, extract(epoch FROM (r.next_at - %(interval)s - clock_timestamp())))::float8 AS wait_seconds
