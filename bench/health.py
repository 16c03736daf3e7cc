"""What /health and /metrics cost at scale: 2,000,000 calls in core.calls, scraped at 200 req/s.

    python bench/health.py [--calls 2000000] [--rate 200] [--seconds 15] [--keep]

Uses DATABASE_URL (a server you own). Builds (or, with --keep, reuses) a database `callscript_bench_health`
with `--calls` calls, their three lane rows (most done; 1 % failed permanently, 0.2 % failed transiently, 0.1 %
claimed, the newest 0.2 % waiting), an event per lane row and a judgment per judged call. Starts `callscript
health` as its own process against it, sends GET /health and then GET /metrics at `--rate` requests per second
(open loop, httpx async) and prints p50/p99/max of each beside the plain `SELECT 1` round trip to the same
server, and what one background reading of the deployment costs (the only thing that queries).
Targets: /health p99 <= 25 ms, /metrics p99 <= 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

import httpx
import psutil
import psycopg
from psycopg import sql

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.server import with_database

NAME = "callscript_bench_health"

POPULATE = """
INSERT INTO core.calls (call_id, call_at, partition_date, campaign_name, duration_seconds, recording_url)
SELECT 'RGB' || g, t, (t AT TIME ZONE 'UTC')::date, 'campaign ' || g %% 20, 30 + g %% 600,
       'https://media.ringba.com/recording-public?id=' || g
FROM generate_series(1, %(calls)s) g, LATERAL (SELECT timestamptz '2025-01-01' + g * interval '15 s') s(t);

INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, claimed_by, claimed_at, done_at)
SELECT c.call_id, lane, c.partition_date,
       CASE WHEN n > %(calls)s * 0.998 THEN 'pending' WHEN k < 10 THEN 'failed' WHEN k < 12 THEN 'failed'
            WHEN k = 12 THEN 'claimed' ELSE 'done' END,
       CASE WHEN n > %(calls)s * 0.998 THEN NULL WHEN k < 10 THEN 'permanent' WHEN k < 12 THEN 'transient' END,
       CASE WHEN n <= %(calls)s * 0.998 AND k = 12 THEN 'run-1' END,
       CASE WHEN n <= %(calls)s * 0.998 AND k = 12 THEN now() END,
       CASE WHEN n <= %(calls)s * 0.998 AND k > 12 THEN now() END
FROM core.calls c,
     LATERAL (SELECT substr(c.call_id, 4)::bigint AS n) i,
     LATERAL (SELECT n %% 1000 AS k) s,
     unnest(ARRAY['vault', 'factory', 'judge']) lane;

INSERT INTO core.call_events (call_id, lane, from_status, to_status, error_class, at)
SELECT call_id, lane, 'claimed', status, error_class, now() - interval '1 day'
FROM core.call_lanes;

INSERT INTO core.judgments (call_id, policy_version, policy_fingerprint, verdict, mode, findings, reasons)
SELECT call_id, 'v1', 'bench', CASE WHEN abs(hashtext(call_id)) %% 7 = 0 THEN 'flagged' ELSE 'safe' END,
       'rules-only', '[]', '[]'
FROM core.call_lanes WHERE lane = 'judge' AND status = 'done';
VACUUM ANALYZE;
"""


def prepare(server_url: str, calls: int, keep: bool) -> str:
    url = with_database(server_url, NAME, driver="postgresql")
    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (NAME,)).fetchone()
        if exists and keep:
            with psycopg.connect(url) as db:
                if db.execute("SELECT count(*) FROM core.calls").fetchone()[0] == calls:
                    print(f"reusing {NAME} ({calls:,} calls)", flush=True)
                    return url
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(NAME)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(NAME)))
    migrate(url)
    started = time.perf_counter()
    print(f"filling {NAME} with {calls:,} calls…", flush=True)
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in POPULATE.split(";\n"):
            if statement.strip():
                conn.execute(statement, {"calls": calls})
        sizes = conn.execute(
            "SELECT (SELECT count(*) FROM core.calls) AS calls, (SELECT count(*) FROM core.call_lanes) AS lane_rows,"
            " (SELECT count(*) FROM core.call_lanes WHERE status <> 'done') AS open_rows,"
            " (SELECT count(*) FROM core.judgments) AS judgments"
        ).fetchone()
    print(
        f"  {sizes[0]:,} calls, {sizes[1]:,} lane rows ({sizes[2]:,} open), {sizes[3]:,} judgments "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return url


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return f"p50 {q[49]:6.2f} ms  p99 {q[98]:6.2f} ms  max {ms[-1]:6.2f} ms  (n={len(ms)})"


async def load(
    url: str, rate: float, seconds: float, workers: int = 16
) -> tuple[list[float], list[float], dict]:
    """Requests on a fixed schedule (one every 1/rate s) shared by `workers` keep-alive connections. Returns each
    request's latency (send to answer), how late each was sent against its schedule (a client that cannot keep
    up shows here, not hidden in the latencies), and the status codes."""
    latencies: list[float] = []
    lags: list[float] = []
    statuses: dict[int, int] = {}
    total = int(rate * seconds)
    slots = iter(range(total))
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(timeout=10, limits=limits) as client:
        start = time.perf_counter() + 0.1

        async def worker() -> None:
            for i in slots:
                due = start + i / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                sent = time.perf_counter()
                lags.append(max(0.0, sent - due))
                response = await client.get(url)
                latencies.append(time.perf_counter() - sent)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        await asyncio.gather(*(worker() for _ in range(workers)))
    return latencies, lags, statuses


def select_one(url: str, n: int = 2000) -> list[float]:
    with psycopg.connect(url, autocommit=True) as conn:
        out = []
        for _ in range(n):
            started = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            out.append(time.perf_counter() - started)
    return out


def reading_cost(url: str, claim_timeout_seconds: int = 300) -> list[float]:
    """One background reading's database part, as the health server runs it (the only part that queries)."""
    from datetime import timedelta

    from callscript_dagster.health.probes import DatabaseProbe

    probe = DatabaseProbe(url, timeout_seconds=10, claim_timeout=timedelta(seconds=claim_timeout_seconds))
    out = []
    for _ in range(20):
        started = time.perf_counter()
        probe.read()
        out.append(time.perf_counter() - started)
    probe.close()
    return out


def wait_until_serving(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/metrics", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the health server did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=2_000_000)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--paths", default="/health,/metrics", help="endpoints to load, in this order")
    parser.add_argument(
        "--warmup", type=float, default=5, help="seconds of load on each endpoint first, not measured"
    )
    parser.add_argument(
        "--keep", action="store_true", help="reuse the database if it already has --calls calls"
    )
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    if not server:
        raise SystemExit("set DATABASE_URL to a PostgreSQL server you own")
    server = with_database(server, "postgres", driver="postgresql")
    url = prepare(server, args.calls, args.keep)

    home = tempfile.mkdtemp(prefix="callscript-bench-health-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CALLSCRIPT_HOME": home,
        "CALLSCRIPT_DAGSTER_DATABASE_URL": with_database(url, NAME, driver="postgresql+psycopg2"),
        "CALLSCRIPT_UI_URL": "http://127.0.0.1:9",  # no webserver: its probe fails fast, as when it is down
    }
    base = f"http://127.0.0.1:{args.port}"
    health = subprocess.Popen(
        [sys.executable, "-m", "callscript_dagster.cli", "health", "--port", str(args.port)], env=env
    )
    try:
        wait_until_serving(base)
        deadline = time.monotonic() + 60  # the first readings (Dagster's instance migrates its storage once)
        while True:
            snapshot = httpx.get(f"{base}/health", timeout=10).json()
            if snapshot.get("checks", {}).get("dagster") == "ok" or time.monotonic() > deadline:
                break
            time.sleep(1)
        print(f"/health says {snapshot['status']}: {[p['check'] for p in snapshot.get('problems', [])]}")
        print(f"{'SELECT 1':10s} {percentiles(select_one(url))}")
        print(f"{'reading':10s} {percentiles(reading_cost(url))}  (database part of one background reading)")
        server = psutil.Process(health.pid)
        for path in args.paths.split(","):  # connections, code paths and the interpreter's caches warm
            asyncio.run(load(base + path, args.rate, args.warmup))
        for path in args.paths.split(","):
            cpu_before = sum(server.cpu_times()[:2])
            latencies, lags, statuses = asyncio.run(load(base + path, args.rate, args.seconds))
            cpu_ms = (sum(server.cpu_times()[:2]) - cpu_before) * 1000 / len(latencies)
            print(f"{path:10s} {percentiles(latencies)}  at {args.rate:g} req/s, statuses {statuses}")
            print(f"{'':10s} health server CPU per request {cpu_ms:.2f} ms (background readings included)")
            print(
                f"{'  sent late':10s} {percentiles(lags)}  (the load generator's own lag behind its schedule)"
            )
    finally:
        health.terminate()
        health.wait(10)


if __name__ == "__main__":
    main()
