"""Storing a batch of Ringba calls: COPY into a staging table, then one INSERT … ON CONFLICT."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb, set_json_dumps
from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query
from callscript_dagster.reporting import markdown_table
from callscript_dagster.retries import call_with_retries
from callscript_dagster.ringba.records import CallRecord, Rejection, parse_call_record, storable_record

if TYPE_CHECKING:
    from callscript_dagster.ringba.client import RingbaClient

STAGE_COLUMNS = (
    "call_id, call_at, partition_date, campaign_name, publisher_name, caller_number, "
    "dialed_number, duration_seconds, recording_url, attributes"
)
# Binary COPY: about twice as fast as text for these rows, on the client and the server.
STAGE_TYPES = ("text", "timestamptz", "date", "text", "text", "text", "text", "int4", "text", "jsonb")
# One encoder for every row (json.dumps builds one per call); compact, and str() for anything not JSON-native.
encode_json = json.JSONEncoder(default=str, separators=(",", ":")).encode


def copy_row(c: CallRecord) -> tuple:
    """A call as a binary COPY row in `STAGE_COLUMNS` order (`attributes` is dumped by `encode_json`)."""
    return (
        c.call_id,
        c.call_at,
        c.partition_date,
        c.campaign_name,
        c.publisher_name,
        c.caller_number,
        c.dialed_number,
        c.duration_seconds,
        c.recording_url,
        c.attributes,
    )


def copy_calls(cur: psycopg.Cursor, table: str, calls: Iterable[CallRecord]) -> None:
    """Binary COPY of `calls` into `table` (with `STAGE_COLUMNS`)."""
    set_json_dumps(encode_json, context=cur)
    with cur.copy(f"COPY {table} ({STAGE_COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(STAGE_TYPES)
        for call in calls:
            copy.write_row(copy_row(call))


@dataclass
class UpsertCounts:
    received: int = 0
    new: int = 0
    updated: int = 0
    url_refreshed: int = 0  # only the recording URL's signature changed: kept fresh, not an event
    duplicates: int = 0

    @property
    def unchanged(self) -> int:
        return self.received - self.duplicates - self.new - self.updated - self.url_refreshed

    def __iadd__(self, other: UpsertCounts) -> UpsertCounts:
        self.received += other.received
        self.new += other.new
        self.updated += other.updated
        self.url_refreshed += other.url_refreshed
        self.duplicates += other.duplicates
        return self


def upsert_calls(conn: psycopg.Connection, calls: list[CallRecord], run_id: str | None) -> UpsertCounts:
    """Merge `calls` into core.calls in the connection's current transaction."""
    latest: dict[str, CallRecord] = {}
    for call in calls:  # a page can repeat an id; the last copy wins, as in Ringba's own ordering
        latest[call.call_id] = call
    counts = UpsertCounts(received=len(calls), duplicates=len(calls) - len(latest))
    if not latest:
        return counts
    with conn.cursor(row_factory=dict_row) as cur:
        # A page and its lane rows and events are lost together or kept together, and a lost page is read
        # again by the next (idempotent) ingest: the commit need not wait for the WAL flush.
        cur.execute("SET LOCAL synchronous_commit TO off")
        cur.execute(query("stage_calls"))
        # in call-id order: pages stored concurrently take their row locks in one order, so never deadlock
        copy_calls(cur, "calls_stage", sorted(latest.values(), key=lambda call: call.call_id))
        row = cur.execute(query("upsert_calls"), {"run_id": run_id}).fetchone()
    counts.new, counts.updated, counts.url_refreshed = row["new"], row["updated"], row["url_refreshed"]
    return counts


def store_calls(
    conn: psycopg.Connection, calls: list[CallRecord], run_id: str | None
) -> tuple[UpsertCounts, list[Rejection]]:
    """`upsert_calls`, except that a call PostgreSQL refuses becomes a rejection instead of failing the rest.

    The parser already rejects what we know PostgreSQL refuses; this is the net behind it. The page goes in
    one statement; only if that fails with a data error is it redone call by call, each in a savepoint."""
    try:
        with conn.transaction():
            return upsert_calls(conn, calls, run_id), []
    except (psycopg.DataError, psycopg.IntegrityError):
        pass
    counts, refused = UpsertCounts(), []
    latest = {c.call_id: c for c in calls}  # the last copy of an id wins, as in `upsert_calls`
    for call in latest.values():
        try:
            with conn.transaction():
                counts += upsert_calls(conn, [call], run_id)
        except (psycopg.DataError, psycopg.IntegrityError) as exc:
            why = (exc.diag.message_primary if exc.diag else None) or str(exc)
            record = storable_record(dataclasses.asdict(call))
            refused.append(Rejection(f"PostgreSQL refused the record: {why}"[:500], record, call.call_id))
    # refused calls count as rejections, not as received-and-unchanged
    counts.received, counts.duplicates = len(calls) - len(refused), len(calls) - len(latest)
    return counts, refused


def record_rejections(
    conn: psycopg.Connection, rejections: list[Rejection], partition_date: date, run_id: str | None
) -> None:
    """Keep rejected records, with their reason, where an operator can query them."""
    if not rejections:
        return
    params: list[dict[str, Any]] = [
        {
            "partition_date": partition_date,
            "run_id": run_id,
            "call_id": r.call_id,
            "reason": r.reason,
            "record": Jsonb(r.record, dumps=encode_json),
        }
        for r in rejections
    ]
    with conn.cursor() as cur:
        cur.executemany(query("insert_rejections"), params)


@dataclass
class IngestReport:
    fetched: int = 0
    rejected: int = 0
    pages: int = 0
    seconds: float = 0.0
    counts: UpsertCounts = field(default_factory=UpsertCounts)
    rejection_reasons: Counter[str] = field(default_factory=Counter)
    reported_total: int | None = None  # Ringba's totalCount for the window, when it says

    def __iadd__(self, other: IngestReport) -> IngestReport:
        self.fetched += other.fetched
        self.rejected += other.rejected
        self.pages += other.pages
        self.seconds += other.seconds
        self.counts += other.counts
        self.rejection_reasons.update(other.rejection_reasons)
        if other.reported_total is not None:
            self.reported_total = (self.reported_total or 0) + other.reported_total
        return self

    def metadata(self) -> dict[str, Any]:
        """What an operator sees on the materialization."""
        meta: dict[str, Any] = {
            "fetched": self.fetched,
            "new": self.counts.new,
            "updated": self.counts.updated,
            "url_refreshed": self.counts.url_refreshed,
            "unchanged": self.counts.unchanged,
            "rejected": self.rejected,
            "pages": self.pages,
            "seconds": round(self.seconds, 2),
        }
        if self.reported_total is not None:
            meta["reported_by_ringba"] = self.reported_total
        if self.rejection_reasons:
            meta["rejections"] = markdown_table(["reason", "records"], self.rejection_reasons.most_common(20))
        return meta


def parse_in_window(record: Any, tz: ZoneInfo, start: datetime, end: datetime) -> CallRecord | Rejection:
    """`parse_call_record`, and a call Ringba listed outside the window we asked for (start <= callDt < end) is
    a rejection too: filed under its own day it would sit in a partition no run of this window looks at."""
    parsed = parse_call_record(record, tz)
    if isinstance(parsed, Rejection) or start <= parsed.call_at < end:
        return parsed
    window = f"{start.isoformat()} .. {end.isoformat()}"
    reason = f"callDt {parsed.call_at.isoformat()} is outside the requested window {window}"
    return Rejection(reason, storable_record(record), parsed.call_id)


class PageWriter:
    """Stores pages of calls, each in a transaction of its own, on up to `parallel` connections at once: the
    server stores one page while the client parses and serializes the next (and Ringba serves the one after).
    At most `parallel` pages are in flight, so memory stays bounded and a crash loses at most those pages,
    which the next (idempotent) ingest reads again. Each page is retried while the database is unreachable."""

    def __init__(
        self, pool: ConnectionPool, *, run_id: str | None, parallel: int = 2, retry_wait: float = 0.25
    ):
        self._pool = pool
        self._run_id = run_id
        self._retry_wait = retry_wait
        self._executor = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="ingest-page")
        self._slots = threading.Semaphore(parallel)
        self._pending: deque[tuple[Future, Any]] = deque()

    def submit(
        self, calls: list[CallRecord], rejections: list[Rejection], partition_date: date, tag: Any = None
    ):
        """Queue a page; returns the pages finished meanwhile as (tag, counts, all rejections), in order."""
        self._slots.acquire()
        future = self._executor.submit(self._store, calls, rejections, partition_date)
        future.add_done_callback(lambda _: self._slots.release())
        self._pending.append((future, tag))
        return self._finished(wait=False)

    def finish(self) -> list[tuple[Any, UpsertCounts, list[Rejection]]]:
        """Wait for every page; the pages not yet returned by `submit`, in order. Raises a page's error."""
        try:
            return self._finished(wait=True)
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _finished(self, *, wait: bool) -> list[tuple[Any, UpsertCounts, list[Rejection]]]:
        done = []
        while self._pending and (wait or self._pending[0][0].done()):
            future, tag = self._pending.popleft()
            counts, rejections = future.result()
            done.append((tag, counts, rejections))
        return done

    def _store(
        self, calls: list[CallRecord], rejections: list[Rejection], partition_date: date
    ) -> tuple[UpsertCounts, list[Rejection]]:
        def write() -> tuple[UpsertCounts, list[Rejection]]:
            with self._pool.connection() as conn, conn.transaction():
                counts, refused = store_calls(conn, calls, self._run_id)
                record_rejections(conn, rejections + refused, partition_date, self._run_id)
            return counts, rejections + refused

        return call_with_retries(write, attempts=8, initial_wait=self._retry_wait, max_wait=5.0)


def ingest_window(
    client: RingbaClient,
    pool: ConnectionPool,
    start: datetime,
    end: datetime,
    *,
    tz: ZoneInfo,
    run_id: str | None,
    log: logging.Logger,
) -> IngestReport:
    """Fetch every call Ringba has in [start, end) and store it page by page (`PageWriter`). The partition of a
    call is its day in the business timezone `tz`."""
    report = IngestReport()
    began = time.monotonic()
    writer = PageWriter(pool, run_id=run_id)

    def account(finished: list[tuple[Any, UpsertCounts, list[Rejection]]]) -> None:
        for (number, page_count, records, total), counts, rejections in finished:
            report.counts += counts
            report.reported_total = total if total is not None else report.reported_total
            report.pages += 1
            report.fetched += records
            report.rejected += len(rejections)
            report.rejection_reasons.update(r.reason for r in rejections)
            of = f"/{page_count}" if page_count else ""
            log.info(
                "page %d%s, %s calls (%d new, %d rejected so far)",
                number,
                of,
                f"{report.fetched:,}",
                report.counts.new,
                report.rejected,
            )

    try:
        for page in client.iter_call_logs(start, end):
            parsed = [parse_in_window(record, tz, start, end) for record in page.records]
            calls = [p for p in parsed if isinstance(p, CallRecord)]
            rejections = [p for p in parsed if isinstance(p, Rejection)]
            tag = (page.number, page.page_count, len(page.records), page.total)
            account(writer.submit(calls, rejections, start.astimezone(tz).date(), tag))
    finally:
        account(writer.finish())
    report.seconds = time.monotonic() - began
    return report


# --- near-real-time: only what is new since the last read ----------------------------------------------------


def incremental_window(
    partition_start: datetime,
    partition_end: datetime,
    read_through: datetime | None,
    now: datetime,
    overlap: timedelta,
) -> tuple[datetime, datetime] | None:
    """The part of the partition [partition_start, partition_end) to ask Ringba for on a near-real-time pass:
    from the last read (`read_through`) less `overlap` (Ringba logs some calls late) up to `now`; the whole
    partition so far when nothing was read yet, or when the last read was before the partition began (then the
    day's first pass reads it all). None when the partition has not begun."""
    end = min(partition_end, now)
    if end <= partition_start:
        return None
    start = partition_start if read_through is None else max(partition_start, read_through - overlap)
    return (min(start, end), end)


def read_through(pool: ConnectionPool, account_id: str) -> datetime | None:
    """How far the near-real-time ingest has read `account_id` (None: never)."""
    with pool.connection() as conn:
        row = conn.execute(query("ingest_cursor"), {"account_id": account_id}).fetchone()
    return row["read_through"] if row else None


def advance_read_through(pool: ConnectionPool, account_id: str, at: datetime, run_id: str | None) -> None:
    """Record that every call before `at` has been read (the cursor never moves back)."""
    with pool.connection() as conn:
        conn.execute(
            query("advance_ingest_cursor"), {"account_id": account_id, "read_through": at, "run_id": run_id}
        )


def ingest_days(
    client: RingbaClient,
    pool: ConnectionPool,
    windows: list[tuple[date, datetime, datetime]],
    *,
    tz: ZoneInfo,
    run_id: str | None,
    log: logging.Logger,
) -> IngestReport:
    """`ingest_window` for each (day, start, end), one day at a time, recording after each full pass Ringba's
    total for that day (`core.ingest_totals`), which the ingest completeness check compares with what is
    stored. Returns the days' reports summed."""
    total = IngestReport()
    for day, start, end in windows:
        report = ingest_window(client, pool, start, end, tz=tz, run_id=run_id, log=log)
        with pool.connection() as conn:
            conn.execute(
                query("record_ingest_total"),
                {
                    "day": day,
                    "reported_total": report.reported_total,
                    "fetched": report.fetched,
                    "rejected": report.rejected,
                    "run_id": run_id,
                },
            )
        total += report
    return total
