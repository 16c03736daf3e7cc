"""Ingest upsert throughput vs raw COPYs of the same rows, side by side in one run.

    python bench/ingest_upsert.py [--rows 100000 600000] [--page-size 1000]

Uses DATABASE_URL (a server you own) or an embedded PostgreSQL. Each measurement gets a freshly migrated
database, and the same rows, serialized by the same code (`copy_row`, binary COPY, one JSON encoder):
- "ingest": the real path (`PageWriter` over `upsert_calls`: COPY into staging, INSERT … ON CONFLICT that also
  writes the new calls' lane rows and events), one transaction per page, two pages at a time;
- "raw 3": the honest floor of what ingest must write: COPY of the calls into core.calls, of their vault lane
  rows into core.call_lanes and of their events into core.call_events, one transaction per page;
- "raw 1": COPY of the calls alone into core.calls, one transaction per page.
Also a second ingest of the same rows (the idempotent re-run: nothing changes).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta

import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.server import start_embedded, with_database
from callscript_dagster.ringba.ingest import PageWriter, copy_calls
from callscript_dagster.ringba.records import CallRecord


def synthetic_calls(n: int, seed: int = 1) -> list[CallRecord]:
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    calls = []
    for i in range(n):
        at = start + timedelta(seconds=rng.randrange(0, 30 * 86400))
        calls.append(
            CallRecord(
                call_id=f"RGB{i:012d}{rng.getrandbits(64):016x}",
                call_at=at,
                partition_date=at.date(),
                campaign_name=rng.choice(["Auto Insurance", "Medicare Advantage", "Personal Loans"]),
                publisher_name=f"Publisher {rng.randrange(40)}",
                caller_number=f"+1305555{rng.randrange(10000):04d}",
                dialed_number="+18005550100",
                duration_seconds=rng.randrange(20, 900),
                recording_url=f"https://media.ringba.com/recording-public?callId={i}&exp=1893456000&sig={rng.getrandbits(128):032x}",
                attributes={"targetName": "Buyer A", "hasConverted": bool(i % 3), "payoutAmount": 12.5},
            )
        )
    return calls


def fresh_database(server: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name, driver="postgresql")
    migrate(url)
    return url


def drop_database(server: str, url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def raw_copy(url: str, calls: list[CallRecord], page_size: int, *, tables: int) -> float:
    """COPY the calls (and with `tables=3` their lane rows and events) page by page, as fast as PostgreSQL takes."""
    with psycopg.connect(url) as conn:
        began = time.perf_counter()
        for i in range(0, len(calls), page_size):
            page = calls[i : i + page_size]
            with conn.transaction(), conn.cursor() as cur:
                cur.execute("SET LOCAL synchronous_commit TO off")  # as ingest does
                copy_calls(cur, "core.calls", page)
                if tables == 3:
                    with cur.copy(
                        "COPY core.call_lanes (call_id, lane, partition_date) FROM STDIN (FORMAT BINARY)"
                    ) as copy:
                        copy.set_types(["text", "text", "date"])
                        for c in page:
                            copy.write_row((c.call_id, "vault", c.partition_date))
                    with cur.copy(
                        "COPY core.call_events (call_id, lane, to_status, run_id, message) FROM STDIN (FORMAT BINARY)"
                    ) as copy:
                        copy.set_types(["text", "text", "text", "text", "text"])
                        for c in page:
                            copy.write_row((c.call_id, "vault", "pending", "bench", "ingested from Ringba"))
        return time.perf_counter() - began


def ingest(url: str, calls: list[CallRecord], page_size: int) -> float:
    """The real write path of the ingest lane: `PageWriter` (pages on two connections at once) over
    `upsert_calls`, one transaction per page."""
    pool = ConnectionPool(
        url, min_size=2, max_size=2, kwargs={"row_factory": psycopg.rows.dict_row}, open=True
    )
    try:
        began = time.perf_counter()
        writer = PageWriter(pool, run_id="bench")
        for i in range(0, len(calls), page_size):
            writer.submit(calls[i : i + page_size], [], calls[i].partition_date)
        writer.finish()
        return time.perf_counter() - began
    finally:
        pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 600_000])
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds, interleaved; the best time of each counts"
    )
    args = parser.parse_args()

    if os.environ.get("DATABASE_URL"):
        server = with_database(os.environ["DATABASE_URL"], "postgres", driver="postgresql")
    else:
        server = with_database(
            start_embedded(__import__("pathlib").Path(tempfile.mkdtemp())).get_uri(), "postgres"
        )

    print(
        f"{'rows':>8} {'raw 1 s':>8} {'raw 3 s':>8} {'ingest s':>9} {'re-ingest s':>12} {'ingest rows/s':>14} "
        f"{'vs raw 3':>9} {'vs raw 1':>9}"
    )
    for n in args.rows:
        calls = synthetic_calls(n)
        # Interleaved rounds, best of each: a shared machine's noise only ever adds time.
        seconds: dict[str, float] = {}
        for _ in range(args.repeat):
            for label in ("raw 1", "raw 3", "ingest"):
                url = fresh_database(server)
                try:
                    if label == "ingest":
                        measured = {label: ingest(url, calls, args.page_size)}
                        measured["re-ingest"] = ingest(url, calls, args.page_size)
                    else:
                        measured = {label: raw_copy(url, calls, args.page_size, tables=int(label[-1]))}
                finally:
                    drop_database(server, url)
                for key, value in measured.items():
                    seconds[key] = min(value, seconds.get(key, value))
        print(
            f"{n:>8} {seconds['raw 1']:>8.2f} {seconds['raw 3']:>8.2f} {seconds['ingest']:>9.2f} "
            f"{seconds['re-ingest']:>12.2f} {n / seconds['ingest']:>14,.0f} "
            f"{seconds['raw 3'] / seconds['ingest']:>9.2f} {seconds['raw 1'] / seconds['ingest']:>9.2f}"
        )


if __name__ == "__main__":
    main()
