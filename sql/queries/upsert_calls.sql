-- Merge the staged Ringba records into core.calls. Only ingest-owned columns are written, so lane state is
-- never clobbered. Each staged record is classified first:
--   new            not in core.calls: inserted, its vault lane row created, an event recorded;
--   changed        Ringba changed the call (time, campaign, a different recording…): updated, event recorded;
--   url_refreshed  only the recording URL's signature/expiry changed: the fresh URL is kept, silently;
--   unchanged      not written at all.
WITH classified AS (
    SELECT s.*,
           CASE
               WHEN c.call_id IS NULL THEN 'new'
               WHEN (c.call_at, c.partition_date, c.campaign_name, c.publisher_name, c.caller_number,
                     c.dialed_number, c.duration_seconds, split_part(c.recording_url, '?', 1), c.attributes)
                    IS DISTINCT FROM
                    (s.call_at, s.partition_date, s.campaign_name, s.publisher_name, s.caller_number,
                     s.dialed_number, s.duration_seconds, split_part(s.recording_url, '?', 1), s.attributes)
                   THEN 'changed'
               WHEN c.recording_url IS DISTINCT FROM s.recording_url THEN 'url_refreshed'
               ELSE 'unchanged'
           END AS change
    FROM calls_stage s
    LEFT JOIN core.calls c USING (call_id)
),
upserted AS (
    INSERT INTO core.calls AS c (call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
                                 dialed_number, duration_seconds, recording_url, attributes,
                                 first_run_id, last_run_id)
    SELECT call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
           dialed_number, duration_seconds, recording_url, attributes, %(run_id)s, %(run_id)s
    FROM classified
    WHERE change <> 'unchanged'
    ON CONFLICT (call_id) DO UPDATE SET
        call_at          = excluded.call_at,
        partition_date   = excluded.partition_date,
        campaign_name    = excluded.campaign_name,
        publisher_name   = excluded.publisher_name,
        caller_number    = excluded.caller_number,
        dialed_number    = excluded.dialed_number,
        duration_seconds = excluded.duration_seconds,
        recording_url    = excluded.recording_url,
        attributes       = excluded.attributes,
        last_run_id      = excluded.last_run_id
    RETURNING c.call_id, c.partition_date, (c.xmax = 0) AS inserted
),
-- Events follow what this statement actually did: under a race with another ingest of the same call only the
-- statement that inserted it records the new call.
outcome AS (
    SELECT u.call_id, u.partition_date,
           CASE WHEN u.inserted THEN 'new' WHEN k.change = 'changed' THEN 'changed' ELSE 'url_refreshed' END AS change
    FROM upserted u JOIN classified k USING (call_id)
),
lanes AS (
    INSERT INTO core.call_lanes (call_id, lane, partition_date)
    SELECT call_id, 'vault', partition_date FROM outcome WHERE change = 'new'
    ON CONFLICT (call_id, lane) DO NOTHING
),
events AS (
    INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, message)
    SELECT call_id,
           CASE change WHEN 'new' THEN 'vault' ELSE 'ingest' END,
           NULL,
           CASE change WHEN 'new' THEN 'pending' ELSE 'updated' END,
           %(run_id)s,
           CASE change WHEN 'new' THEN 'ingested from Ringba' ELSE 'call details changed in Ringba' END
    FROM outcome
    WHERE change IN ('new', 'changed')
)
SELECT count(*) FILTER (WHERE change = 'new') AS new,
       count(*) FILTER (WHERE change = 'changed') AS updated,
       count(*) FILTER (WHERE change = 'url_refreshed') AS url_refreshed
FROM outcome
