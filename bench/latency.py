"""End-to-end latency of near-real-time work: from the moment Ringba logs a call (and would serve it) to its
judgment being committed, with calls arriving steadily, on the real deployment (embedded defaults, the real Dagster daemon and
sensors, the bundled Whisper model on this machine's CPU).

    python bench/latency.py [--calls 60] [--every 10] [--port 3010]

Starts the demo's deployment (`callscript_dagster.demo.demo_deployment`: PostgreSQL, the Ringba simulator,
`dagster dev`) with no synthetic calls of its own, then adds one call every `--every` seconds (the shipped
recordings in turn, each dated the moment it is added), waits until every call is judged, and prints p50 / p95 /
max of each hop (logged in Ringba → row → vaulted → transcribed → judged) and end to end. Hop times come from
the simulator (when the call was logged, and when a call-log response first served it) and from `core.calls` /
`core.call_events` (committed).

Second part, without Dagster: how many call-log requests a day of N calls costs per minute on the near-real-time
path (a read every CALLSCRIPT_REALTIME_INTERVAL_SECONDS of what is new) against re-reading the whole day, at
1,000 and 50,000 calls a day, with the simulator on a simulated clock.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import psycopg
from psycopg.rows import dict_row

from callscript_dagster.demo import demo_deployment
from callscript_dagster.processes import StopRequests
from callscript_dagster.ringba.client import RingbaClient
from callscript_dagster.ringba.ingest import incremental_window
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, RingbaSimulator

HOPS = (
    "logged → first served",
    "first served → row",
    "row → vaulted",
    "vaulted → transcribed",
    "transcribed → judged",
    "end to end",
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_latency(calls: int, every: float, port: int) -> None:
    files = [e["file"] for e in json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())]
    sim = RingbaSimulator(account_id="RA_demo", token="demo-token", calls_per_day=0)
    log = open(Path(tempfile.mkdtemp(prefix="callscript-latency-")) / "dagster.log", "wb")  # noqa: SIM115
    with StopRequests() as stop, demo_deployment(sim, port=port, stop_requests=stop, log=log) as deployment:
        if deployment is None:
            return
        deadline = time.monotonic() + 300
        while not _ui_up(deployment.ui_url):
            if time.monotonic() > deadline or stop.requested:
                sys.exit("the deployment did not come up (see " + log.name + ")")
            time.sleep(2)
        print(
            f"deployment up at {deployment.ui_url}; adding {calls} calls, one every {every:g} s", flush=True
        )
        added: list[str] = []
        began = time.monotonic()
        for i in range(calls):
            call_id = f"LAT{i:04d}"
            sim.add_call(call_id, datetime.now(UTC), recording=files[i % len(files)])
            added.append(call_id)
            if stop.wait(max(0.0, began + (i + 1) * every - time.monotonic())):
                return
        print("all calls added; waiting for their judgments…", flush=True)
        with psycopg.connect(deployment.urls.core, row_factory=dict_row) as conn:
            deadline = time.monotonic() + 600
            while _judged(conn, added) < len(added) and time.monotonic() < deadline and not stop.requested:
                time.sleep(2)
            rows = _timeline(conn, added)
        report(sim, added, rows)


def _ui_up(url: str) -> bool:
    try:
        return httpx.get(f"{url}/server_info", timeout=5).is_success
    except httpx.HTTPError:
        return False


def _judged(conn: psycopg.Connection, call_ids: list[str]) -> int:
    return conn.execute(
        "SELECT count(*) AS n FROM core.call_lanes WHERE lane = 'judge' AND status = 'done' AND call_id = ANY(%s)",
        (call_ids,),
    ).fetchone()["n"]


def _timeline(conn: psycopg.Connection, call_ids: list[str]) -> dict[str, dict]:
    rows = conn.execute(
        """SELECT c.call_id, c.created_at,
                  min(e.at) FILTER (WHERE e.lane = 'vault' AND e.to_status = 'done') AS vaulted,
                  min(e.at) FILTER (WHERE e.lane = 'factory' AND e.to_status = 'done') AS transcribed,
                  min(e.at) FILTER (WHERE e.lane = 'judge' AND e.to_status = 'done') AS judged
           FROM core.calls c JOIN core.call_events e USING (call_id)
           WHERE c.call_id = ANY(%s) GROUP BY 1, 2""",
        (call_ids,),
    ).fetchall()
    return {r["call_id"]: r for r in rows}


def report(sim: RingbaSimulator, added: list[str], rows: dict[str, dict]) -> None:
    hops: dict[str, list[float]] = {hop: [] for hop in HOPS}
    missing = 0
    for call_id in added:
        row, served, logged = rows.get(call_id), sim.first_served_at(call_id), sim.call(call_id).call_at
        if not row or not served or not row["judged"]:
            missing += 1
            continue
        points = [logged, served, row["created_at"], row["vaulted"], row["transcribed"], row["judged"]]
        for hop, (a, b) in zip(HOPS, zip(points, points[1:], strict=False), strict=False):
            hops[hop].append((b - a).total_seconds())
        hops["end to end"].append((row["judged"] - logged).total_seconds())
    print(f"\n{len(added) - missing} of {len(added)} calls judged ({missing} not within the wait)")
    print(f"{'hop':<24} {'p50 s':>7} {'p95 s':>7} {'max s':>7}   (target end to end: p50 ≤ 45, p95 ≤ 90)")
    for hop, values in hops.items():
        if values:
            print(
                f"{hop:<24} {statistics.median(values):>7.1f} {percentile(values, 0.95):>7.1f} {max(values):>7.1f}"
            )


# --- requests per minute, near real time vs whole-day reads ---------------------------------------------------


def requests_per_minute(
    calls_per_day: int, overlap: timedelta, minutes: int = 10, hour: int = 15
) -> dict[str, float]:
    """Call-log requests per minute over `minutes` from `hour` on a day of `calls_per_day` calls: the
    near-real-time path (a read every 20 s of what is new) and the old one (the whole day every 60 s), against
    the simulator on a simulated clock."""
    clock = {"now": datetime(2026, 11, 20, hour, tzinfo=UTC)}
    sim = RingbaSimulator(
        account_id="RA_bench",
        token="bench",
        seed=3,
        calls_per_day=calls_per_day,
        now=lambda: clock["now"],
        max_per_second=None,
        max_per_minute=None,
    )
    day_start, day_end = datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 21, tzinfo=UTC)
    per_minute = {}
    with sim.serve() as server, httpx.Client(timeout=120) as http:
        client = RingbaClient(
            base_url=server.url, account_id="RA_bench", api_token="bench", http=http, limiter=None
        )
        for mode, interval in (("near real time", 20), ("whole day", 60)):
            clock["now"] = datetime(2026, 11, 20, hour, tzinfo=UTC)
            read_through, before = day_start + timedelta(hours=hour), len(sim.requests)
            for _ in range(minutes * 60 // interval):
                if mode == "near real time":
                    start, end = incremental_window(day_start, day_end, read_through, clock["now"], overlap)
                else:
                    start, end = day_start, min(day_end, clock["now"])
                for _page in client.iter_call_logs(start, end):
                    pass
                read_through = end
                clock["now"] += timedelta(seconds=interval)
            per_minute[mode] = (len(sim.requests) - before) / minutes
    return per_minute


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--every", type=float, default=10.0)
    parser.add_argument("--port", type=int, default=3010)
    parser.add_argument("--skip-latency", action="store_true", help="only the requests-per-minute part")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    print(
        "Ringba call-log requests per minute at 15:00 (near real time: what is new, every 20 s, 10 min overlap;"
    )
    print("whole day: the day so far, every 60 s, as before):")
    print(f"{'calls/day':>10} {'near real time':>15} {'whole day':>10}")
    for calls_per_day in (1_000, 50_000):
        rates = requests_per_minute(calls_per_day, timedelta(minutes=10))
        print(f"{calls_per_day:>10,} {rates['near real time']:>15.1f} {rates['whole day']:>10.1f}")
    if not args.skip_latency:
        measure_latency(args.calls, args.every, args.port)


if __name__ == "__main__":
    main()
