"""Ingest upsert throughput vs a raw COPY of the same rows into the same table, same run.

    python bench/ingest_upsert.py [--rows 100000 600000] [--page-size 1000]

Uses DATABASE_URL (a server you own) or an embedded PostgreSQL. Each measurement gets a freshly migrated
database. "ingest" is the real path (`upsert_calls`: COPY into staging, INSERT … ON CONFLICT, lane rows,
events), page by page as the asset commits; "raw COPY" is `COPY core.calls FROM STDIN` of the same rows.
Also measures a second ingest of the same rows (the idempotent re-run: nothing changes).
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

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.server import start_embedded, with_database
from callscript_dagster.ringba.ingest import STAGE_COLUMNS, copy_row, upsert_calls
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


def raw_copy(url: str, calls: list[CallRecord]) -> float:
    with psycopg.connect(url) as conn:
        began = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy(f"COPY core.calls ({STAGE_COLUMNS}) FROM STDIN") as copy,
        ):
            for c in calls:
                copy.write_row(copy_row(c))
        conn.commit()
        return time.perf_counter() - began


def ingest(url: str, calls: list[CallRecord], page_size: int) -> float:
    with psycopg.connect(url, row_factory=psycopg.rows.dict_row) as conn:
        began = time.perf_counter()
        for i in range(0, len(calls), page_size):
            with conn.transaction():
                upsert_calls(conn, calls[i : i + page_size], run_id="bench")
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 600_000])
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()

    if os.environ.get("DATABASE_URL"):
        server = with_database(os.environ["DATABASE_URL"], "postgres", driver="postgresql")
    else:
        server = with_database(
            start_embedded(__import__("pathlib").Path(tempfile.mkdtemp())).get_uri(), "postgres"
        )

    print(
        f"{'rows':>8} {'raw COPY s':>11} {'ingest s':>9} {'re-ingest s':>12} {'raw rows/s':>11} {'ingest rows/s':>14} {'ratio':>6}"
    )
    for n in args.rows:
        calls = synthetic_calls(n)
        url = fresh_database(server)
        try:
            copy_s = raw_copy(url, calls)
        finally:
            drop_database(server, url)
        url = fresh_database(server)
        try:
            ingest_s = ingest(url, calls, args.page_size)
            again_s = ingest(url, calls, args.page_size)
        finally:
            drop_database(server, url)
        print(
            f"{n:>8} {copy_s:>11.2f} {ingest_s:>9.2f} {again_s:>12.2f} {n / copy_s:>11,.0f} {n / ingest_s:>14,.0f} "
            f"{copy_s / ingest_s:>6.2f}"
        )


if __name__ == "__main__":
    main()
