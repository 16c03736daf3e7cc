-- 0007: how far the near-real-time ingest has read each Ringba account. The minute-by-minute path asks Ringba
-- only for the window since then (minus an overlap for calls Ringba logs late), so its cost stays flat as the
-- day fills up; full-day passes (the closing pass after midnight, backfills) do not move it.

CREATE TABLE core.ingest_cursors (
    account_id   text PRIMARY KEY,
    read_through timestamptz NOT NULL,   -- every call with callDt before this (less the overlap) has been read
    run_id       text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
