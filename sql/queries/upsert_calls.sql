-- Merge the staged Ringba records into core.calls. Only ingest-owned columns are written, so lane state is
-- never clobbered; unchanged rows are not touched at all. New calls get their vault lane row and an event,
-- changed calls an event. Returns the counts.
WITH upserted AS (
    INSERT INTO core.calls AS c (call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
                                 dialed_number, duration_seconds, recording_url, attributes,
                                 first_run_id, last_run_id)
    SELECT call_id, call_at, partition_date, campaign_name, publisher_name, caller_number,
           dialed_number, duration_seconds, recording_url, attributes, %(run_id)s, %(run_id)s
    FROM calls_stage
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
    WHERE (c.call_at, c.partition_date, c.campaign_name, c.publisher_name, c.caller_number, c.dialed_number,
           c.duration_seconds, c.recording_url, c.attributes)
          IS DISTINCT FROM
          (excluded.call_at, excluded.partition_date, excluded.campaign_name, excluded.publisher_name,
           excluded.caller_number, excluded.dialed_number, excluded.duration_seconds, excluded.recording_url,
           excluded.attributes)
    RETURNING c.call_id, c.partition_date, (c.xmax = 0) AS inserted
),
lanes AS (
    INSERT INTO core.call_lanes (call_id, lane, partition_date)
    SELECT call_id, 'vault', partition_date FROM upserted WHERE inserted
    ON CONFLICT (call_id, lane) DO NOTHING
),
events AS (
    INSERT INTO core.call_events (call_id, lane, from_status, to_status, run_id, message)
    SELECT call_id,
           CASE WHEN inserted THEN 'vault' ELSE 'ingest' END,
           NULL,
           CASE WHEN inserted THEN 'pending' ELSE 'updated' END,
           %(run_id)s,
           CASE WHEN inserted THEN 'ingested from Ringba' ELSE 'call details changed in Ringba' END
    FROM upserted
)
SELECT count(*) FILTER (WHERE inserted) AS new,
       count(*) FILTER (WHERE NOT inserted) AS updated
FROM upserted
