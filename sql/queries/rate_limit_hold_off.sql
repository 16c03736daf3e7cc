-- The server told us to back off: nobody in the deployment gets a slot before now + delay.
INSERT INTO core.rate_limits AS r (bucket, next_at)
VALUES (%(bucket)s, clock_timestamp() + %(delay)s)
ON CONFLICT (bucket) DO UPDATE
    SET next_at = greatest(r.next_at, clock_timestamp() + %(delay)s)
