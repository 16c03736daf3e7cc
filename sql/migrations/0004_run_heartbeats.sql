-- 0004: liveness of Dagster run workers. A run worker that is lost with its host or container (kill -9, OOM
-- kill, a lost pod) reports nothing to Dagster, and the default run launcher cannot health-check it. Every
-- process working on a run beats here while it holds the database resource; a run whose every beat went stale
-- is lost, and the reaper marks it failed so it no longer blocks its lane, day and pool.

CREATE TABLE core.run_heartbeats (
    run_id     text NOT NULL,
    worker     text NOT NULL,          -- host:pid of the process
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    beat_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (run_id, worker)
);
