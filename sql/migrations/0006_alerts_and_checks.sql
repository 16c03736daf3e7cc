-- 0006: what alerting and the asset checks need to remember.
--
-- core.alert_state: one row per alert condition (a lane's backlog, stalled calls, zombie claims, a lane's failure
-- rate, Ringba ingest), so a condition is announced once when it starts, once when it clears, and reminded at
-- most every configured interval, however often the sensor ticks and across daemon restarts.
--
-- core.ingest_totals: Ringba's own count of the calls of each day (`totalCount`), recorded by the ingest lane
-- after each full pass over the day, so the ingest completeness check can compare it with what we stored.

CREATE TABLE core.alert_state (
    alert_key   text PRIMARY KEY,
    firing      boolean NOT NULL,
    summary     text NOT NULL,                 -- the last message's one-line summary
    started_at  timestamptz,                   -- when the current (or last) episode began
    notified_at timestamptz,                   -- when Slack was last told about this alert
    cleared_at  timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER alert_state_touch BEFORE UPDATE ON core.alert_state
    FOR EACH ROW EXECUTE FUNCTION core.touch_updated_at();

CREATE TABLE core.ingest_totals (
    partition_date date PRIMARY KEY,
    reported_total integer CHECK (reported_total >= 0),  -- Ringba's totalCount; NULL when it did not say
    fetched        integer NOT NULL CHECK (fetched >= 0), -- records received in that pass
    rejected       integer NOT NULL CHECK (rejected >= 0),
    run_id         text,
    counted_at     timestamptz NOT NULL DEFAULT now()
);
