-- 0001: the system of record for calls.
-- core.calls holds what Ringba told us; core.call_lanes holds where each call stands in each lane;
-- core.call_events is the append-only history of every state change.

CREATE SCHEMA IF NOT EXISTS core;

CREATE FUNCTION core.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE FUNCTION core.forbid_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'core.% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END $$;

-- One row per Ringba inboundCallId.
CREATE TABLE core.calls (
    call_id          text PRIMARY KEY CHECK (call_id <> '' AND length(call_id) <= 256),
    call_at          timestamptz NOT NULL,
    -- the day of call_at in the business timezone: the Dagster partition this call belongs to
    partition_date   date NOT NULL,
    campaign_name    text,
    publisher_name   text,
    caller_number    text,
    dialed_number    text,
    duration_seconds integer CHECK (duration_seconds >= 0),
    recording_url    text,
    -- every other column Ringba sent, as sent
    attributes       jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- when Ringba last changed the call's details (a re-signed recording URL alone does not count)
    details_changed_at timestamptz NOT NULL DEFAULT now(),
    first_run_id     text,
    last_run_id      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_partition_date_idx ON core.calls (partition_date, call_at);
CREATE TRIGGER calls_touch BEFORE UPDATE ON core.calls
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- Where a call stands in each per-call lane. A row exists once the call is ready for the lane
-- (ingest creates the vault row; finishing a lane creates the next lane's row).
CREATE TABLE core.call_lanes (
    call_id        text NOT NULL REFERENCES core.calls (call_id),
    lane           text NOT NULL CHECK (lane IN ('vault', 'factory', 'judge')),
    partition_date date NOT NULL,
    status         text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
    error_class    text CHECK (error_class IN ('transient', 'url_expired', 'permanent')),
    error_message  text,
    attempts       integer NOT NULL DEFAULT 0,
    claimed_by     text,           -- Dagster run id holding the claim
    claimed_at     timestamptz,
    last_run_id    text,           -- the run that last moved this row
    retry_at       timestamptz,    -- earliest automatic retry of a failed call
    work_version   text,           -- what finished it (model, policy version): a new version makes it stale
    done_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (call_id, lane),
    CHECK ((status = 'failed') = (error_class IS NOT NULL)),
    CHECK ((status = 'claimed') = (claimed_by IS NOT NULL))
);
CREATE INDEX call_lanes_day_status_idx ON core.call_lanes (lane, partition_date, status);
CREATE INDEX call_lanes_open_idx ON core.call_lanes (lane, status) WHERE status <> 'done';
CREATE TRIGGER call_lanes_touch BEFORE UPDATE ON core.call_lanes
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

-- Does this lane row need work from run `run_id` doing work of version `work_version`?
-- New calls, retryable failures of *other* runs (a run does not loop on its own failures), and calls finished
-- under another work version (a new policy or model). The one definition shared by claim and backlog queries.
CREATE FUNCTION core.lane_needs_work(l core.call_lanes, run_id text, work_version text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT l.status = 'pending'
        OR (l.status = 'failed' AND l.error_class <> 'permanent' AND l.last_run_id IS DISTINCT FROM run_id)
        OR (l.status = 'done' AND work_version IS NOT NULL AND l.work_version IS DISTINCT FROM work_version)
$$;

-- A call whose time Ringba corrects moves to another partition, lane rows included.
CREATE FUNCTION core.follow_partition_date() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE core.call_lanes SET partition_date = NEW.partition_date WHERE call_id = NEW.call_id;
    RETURN NULL;
END $$;
CREATE TRIGGER calls_partition_moves AFTER UPDATE OF partition_date ON core.calls
    FOR EACH ROW WHEN (OLD.partition_date IS DISTINCT FROM NEW.partition_date)
    EXECUTE FUNCTION core.follow_partition_date();

-- Append-only history: "nothing lost" is provable by query.
CREATE TABLE core.call_events (
    event_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id     text NOT NULL,
    lane        text NOT NULL CHECK (lane IN ('ingest', 'vault', 'factory', 'judge')),
    from_status text,
    to_status   text NOT NULL,
    run_id      text,
    error_class text,
    message     text,
    at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX call_events_call_idx ON core.call_events (call_id, event_id);
CREATE INDEX call_events_at_idx ON core.call_events USING brin (at);
CREATE TRIGGER call_events_append_only BEFORE UPDATE OR DELETE ON core.call_events
    FOR EACH ROW EXECUTE FUNCTION core.forbid_mutation();
CREATE TRIGGER call_events_no_truncate BEFORE TRUNCATE ON core.call_events
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_mutation();

-- Ringba records we could not accept, with the reason, for operators.
CREATE TABLE core.ingest_rejections (
    rejection_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partition_date date NOT NULL,
    run_id         text,
    call_id        text,
    reason         text NOT NULL,
    record         jsonb NOT NULL,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_rejections_day_idx ON core.ingest_rejections (partition_date);

-- Request slots shared by every process of the deployment (see callscript_dagster/db/ratelimit.py).
CREATE TABLE core.rate_limits (
    bucket  text PRIMARY KEY,
    next_at timestamptz NOT NULL DEFAULT '-infinity'
);

-- One row per call with every lane's status: what an operator looks at first.
CREATE VIEW core.call_status AS
SELECT c.call_id, c.partition_date, c.call_at, c.campaign_name,
       v.status AS vault_status, v.error_class AS vault_error,
       f.status AS factory_status, f.error_class AS factory_error,
       j.status AS judge_status, j.error_class AS judge_error
FROM core.calls c
LEFT JOIN core.call_lanes v ON v.call_id = c.call_id AND v.lane = 'vault'
LEFT JOIN core.call_lanes f ON f.call_id = c.call_id AND f.lane = 'factory'
LEFT JOIN core.call_lanes j ON j.call_id = c.call_id AND j.lane = 'judge';
