-- Merge the staged Ringba records into core.calls. Only ingest-owned columns are written, so lane state is
-- never clobbered, and rows that did not change are not touched at all. Outcomes per record:
--   new            inserted; its vault lane row is created and an event recorded;
--   changed        Ringba changed the call (time, campaign, a different recording…): updated, event recorded;
--   url_refreshed  only the recording URL's signature/expiry changed: the fresh URL is kept, silently;
--   unchanged      not written.
-- `details_changed_at = now()` after the statement is how a changed row tells itself apart from a refreshed one
-- (RETURNING cannot see the old row).
WITH upserted AS (
    INSERT INTO core.calls AS c (call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
                                 dialed_number, duration_seconds, recording_url, attributes,
                                 first_run_id, last_run_id)
    SELECT call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
           dialed_number, duration_seconds, recording_url, attributes, %(run_id)s, %(run_id)s
    FROM calls_stage
    ORDER BY call_id  -- one lock order for pages stored concurrently
    ON CONFLICT (call_id) DO UPDATE SET
        call_at            = excluded.call_at,
        partition_date     = excluded.partition_date,
        campaign_name      = excluded.campaign_name,
        publisher_name     = excluded.publisher_name,
        caller_number      = excluded.caller_number,
        dialed_number      = excluded.dialed_number,
        duration_seconds   = excluded.duration_seconds,
        recording_url      = excluded.recording_url,
        attributes         = excluded.attributes,
        last_run_id        = excluded.last_run_id,
        details_changed_at = CASE
            WHEN (c.call_at, c.partition_date, c.campaign_name, c.publisher_name, c.caller_number, c.dialed_number,
                  c.duration_seconds, split_part(c.recording_url, '?', 1), c.attributes)
                 IS DISTINCT FROM
                 (excluded.call_at, excluded.partition_date, excluded.campaign_name, excluded.publisher_name,
                  excluded.caller_number, excluded.dialed_number, excluded.duration_seconds,
                  split_part(excluded.recording_url, '?', 1), excluded.attributes)
            THEN now() ELSE c.details_changed_at END
    WHERE (c.call_at, c.partition_date, c.campaign_name, c.publisher_name, c.caller_number, c.dialed_number,
           c.duration_seconds, c.recording_url, c.attributes)
          IS DISTINCT FROM
          (excluded.call_at, excluded.partition_date, excluded.campaign_name, excluded.publisher_name,
           excluded.caller_number, excluded.dialed_number, excluded.duration_seconds, excluded.recording_url,
           excluded.attributes)
    RETURNING c.call_id, c.partition_date,
              CASE WHEN c.xmax = 0 THEN 'new'
                   WHEN c.details_changed_at = now() THEN 'changed'
                   ELSE 'url_refreshed' END AS change
),
lanes AS (
    -- a call new to core.calls has no lane rows yet: a plain insert, no conflict check
    INSERT INTO core.call_lanes (call_id, lane, partition_date)
    SELECT call_id, 'vault', partition_date FROM upserted WHERE change = 'new'
),
events AS (
    INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, message)
    SELECT call_id,
           CASE change WHEN 'new' THEN 'vault' ELSE 'ingest' END,
           NULL,
           CASE change WHEN 'new' THEN 'pending' ELSE 'updated' END,
           %(run_id)s,
           CASE change WHEN 'new' THEN 'ingested from Ringba' ELSE 'call details changed in Ringba' END
    FROM upserted
    WHERE change IN ('new', 'changed')
)
SELECT count(*) FILTER (WHERE change = 'new') AS new,
       count(*) FILTER (WHERE change = 'changed') AS updated,
       count(*) FILTER (WHERE change = 'url_refreshed') AS url_refreshed
FROM upserted
