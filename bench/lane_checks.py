"""What the asset checks and the queue alerts cost the database: every lane run evaluates its day's checks, and the
queue_alerts sensor reads the whole system of record every minute.

    python bench/lane_checks.py [--calls-per-day 5000] [--days 30] [--repeat 5]

Uses DATABASE_URL (a server you own) or an embedded PostgreSQL, in a freshly migrated database of its own. Builds
`--days` days of calls in every lane state (most done, some pending, claimed, failed transient/url_expired/
permanent) with their events, then prints the median time of one day's checks per lane and of one evaluation of
the queue conditions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from callscript_dagster.alerts import QueueThresholds, queue_conditions
from callscript_dagster.calls.checks import CheckLimits, evaluate_checks
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.server import start_embedded, with_database

FIRST_DAY = date(2026, 10, 1)

# Every call is vaulted unless i % 50 says otherwise; a vaulted call is transcribed and judged likewise.
POPULATE = """
INSERT INTO core.calls (call_id, call_at, partition_date)
SELECT 'RGB' || d || '-' || i, (%(first)s::date + d) + interval '9 hours', %(first)s::date + d
FROM generate_series(0, %(days)s - 1) d, generate_series(1, %(per_day)s) i;

INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, error_message, claimed_by, claimed_at)
SELECT c.call_id, lane, c.partition_date,
       CASE WHEN k = 1 THEN 'pending' WHEN k = 2 THEN 'claimed' WHEN k IN (3, 4, 5) THEN 'failed' ELSE 'done' END,
       CASE k WHEN 3 THEN 'transient' WHEN 4 THEN 'url_expired' WHEN 5 THEN 'permanent' END,
       CASE WHEN k IN (3, 4, 5) THEN 'recording download got HTTP 500' END,
       CASE WHEN k = 2 THEN 'run-1' END,
       CASE WHEN k = 2 THEN now() END
FROM core.calls c,
     LATERAL (SELECT abs(hashtext(c.call_id)) % 50 AS k) s,
     unnest(ARRAY['vault', 'factory', 'judge']) lane
WHERE lane = 'vault' OR k > 5;

INSERT INTO core.call_events (call_id, lane, from_status, to_status, error_class, at)
SELECT call_id, lane, 'claimed', status, error_class, now() - interval '30 minutes'
FROM core.call_lanes WHERE status IN ('done', 'failed');
ANALYZE;
"""


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls-per-day", type=int, default=5000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    if os.environ.get("DATABASE_URL"):
        server = with_database(os.environ["DATABASE_URL"], "postgres", driver="postgresql")
    else:
        server = with_database(
            start_embedded(Path(tempfile.mkdtemp())).get_uri(), "postgres", driver="postgresql"
        )
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name, driver="postgresql")
    try:
        migrate(url)
        with psycopg.connect(url, autocommit=True, row_factory=dict_row) as conn:
            began = time.perf_counter()
            params = {"first": FIRST_DAY, "days": args.days, "per_day": args.calls_per_day}
            for statement in POPULATE.split(";\n"):
                if statement.strip():
                    conn.execute(statement, params if "%(" in statement else None)
            calls = conn.execute("SELECT count(*) AS n FROM core.calls").fetchone()["n"]
            rows = conn.execute("SELECT count(*) AS n FROM core.call_lanes").fetchone()["n"]
            print(
                f"{calls:,} calls, {rows:,} lane rows over {args.days} days ({time.perf_counter() - began:.1f} s to build)"
            )
            day = FIRST_DAY + timedelta(days=args.days // 2)
            limits = CheckLimits()
            for lane in Lane.per_call():
                seconds = median_seconds(
                    lambda lane=lane: evaluate_checks(conn, lane, day, limits), args.repeat
                )
                print(
                    f"checks of one {lane.value} day ({args.calls_per_day:,} calls): {seconds * 1000:.1f} ms"
                )
            seconds = median_seconds(lambda: queue_conditions(conn, QueueThresholds()), args.repeat)
            print(f"queue conditions over all {rows:,} lane rows: {seconds * 1000:.1f} ms")
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
