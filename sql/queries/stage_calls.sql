-- Per-session staging table for the bulk upsert; emptied at every commit.
CREATE TEMP TABLE IF NOT EXISTS calls_stage (
    call_id          text,
    call_at          timestamptz,
    partition_date   date,
    campaign_name    text,
    publisher_name   text,
    caller_number    text,
    dialed_number    text,
    duration_seconds integer,
    recording_url    text,
    attributes       jsonb
) ON COMMIT DELETE ROWS
