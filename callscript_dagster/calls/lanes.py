"""The one mechanism every per-call lane runs on: select the calls of the partition that need the lane, claim
them, do the work with bounded concurrency, and commit each call's result with its events in one transaction.

A lane differs from another only in its work function. The guarantees live here:

- claims are atomic (`FOR UPDATE SKIP LOCKED`, owner = the Dagster run id), so concurrent runs of a partition
  share the work and nothing is done twice; a live run heartbeats its claims, so a claim that stops being
  refreshed (the run was killed) or whose run is no longer in progress is released;
- every commit is conditional on still holding the claim, so a run whose claim was reaped (it looked dead)
  cannot write a duplicate result;
- a run commits per call: `kill -9` loses at most the calls in flight, which the zombie reaper releases;
- transient failures are retried in-run with the one retry policy; what is left afterwards is recorded and
  makes the lane report `retryable_left`, so the asset can raise *after* committing everything else.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query
from callscript_dagster.errors import ConfigurationError, ErrorClass, LaneError
from callscript_dagster.reporting import markdown_table
from callscript_dagster.retries import call_with_retries

T = TypeVar("T")


class Lane(StrEnum):
    """The four lanes a call goes through, in order. Ingest works on days (it creates the calls); the other
    three work call by call on this module's claim/commit mechanism."""

    INGEST = "ingest"
    VAULT = "vault"
    FACTORY = "factory"
    JUDGE = "judge"

    @property
    def next(self) -> Lane | None:
        order = list(Lane)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None

    @classmethod
    def per_call(cls) -> list[Lane]:
        """The lanes with a row per call in `core.call_lanes`."""
        return [cls.VAULT, cls.FACTORY, cls.JUDGE]


@dataclass(frozen=True)
class ClaimedCall:
    """A call this run holds the claim for, with what Ringba told us about it."""

    call_id: str
    call_at: datetime
    partition_date: date
    attempts: int
    campaign_name: str | None = None
    publisher_name: str | None = None
    caller_number: str | None = None
    dialed_number: str | None = None
    duration_seconds: int | None = None
    recording_url: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ClaimedCall:
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass
class WorkDone:
    """A work function's result. `persist` writes the lane's own rows inside the commit transaction (so the
    result, the lane status and the events land together or not at all)."""

    persist: Callable[[psycopg.Connection], None] | None = None
    outcome: str = "done"  # counted in metadata (the judge reports flagged/safe/needs_review here)
    metrics: dict[str, float] = field(default_factory=dict)  # summed in metadata (bytes, audio seconds…)
    message: str | None = None  # recorded on the call's event


WorkFunction = Callable[[ClaimedCall], WorkDone]


@dataclass
class Failure:
    call_id: str
    error_class: ErrorClass
    message: str


@dataclass
class LaneReport:
    lane: Lane
    days: list[date]
    to_do: int = 0
    claimed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    metrics: Counter[str] = field(default_factory=Counter)
    zombies_released: int = 0
    lost_claims: int = 0
    held_elsewhere: list[tuple[str, str]] = field(default_factory=list)  # (call id, run id) still claimed
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return sum(self.outcomes.values())

    @property
    def failed_by_class(self) -> Counter[str]:
        return Counter(f.error_class.value for f in self.failures)

    @property
    def retryable_left(self) -> list[Failure]:
        return [f for f in self.failures if f.error_class is not ErrorClass.PERMANENT]

    def metadata(self) -> dict[str, Any]:
        """Counts per outcome, failures by class as a small table, and the summed work metrics."""
        meta: dict[str, Any] = {
            "calls_to_do": self.to_do,
            "calls_done": self.done,
            "calls_failed": len(self.failures),
            "zombies_released": self.zombies_released,
            "seconds": round(self.seconds, 2),
        }
        if set(self.outcomes) - {"done"}:
            meta.update({f"outcome_{name}": count for name, count in sorted(self.outcomes.items())})
        meta.update({name: float(f"{value:.6g}") for name, value in sorted(self.metrics.items())})
        if self.lost_claims:
            meta["lost_claims"] = self.lost_claims
        if self.held_elsewhere:
            meta["calls_held_by_other_runs"] = len(self.held_elsewhere)
        if self.failures:
            by_class = Counter((f.error_class.value, f.message.split(":")[0][:80]) for f in self.failures)
            meta["failures"] = markdown_table(
                ["class", "error", "calls"], [(c, m, n) for (c, m), n in by_class.most_common(15)]
            )
        return meta

    def summary(self) -> str:
        failed = ", ".join(f"{n} {c}" for c, n in sorted(self.failed_by_class.items())) or "none"
        return f"{self.lane} {_days_label(self.days)}: {self.done}/{self.to_do} done, failed: {failed}"


# A PostgreSQL restart or failover takes seconds: lane bookkeeping retries that long before giving up.
DATABASE_ATTEMPTS = 8
DATABASE_RETRY_WAIT = 0.25


def run_lane(
    *,
    lane: Lane,
    pool: ConnectionPool,
    days: list[date],
    run_id: str,
    work: WorkFunction,
    live_run_ids: Callable[[], Iterable[str]],
    log: logging.Logger,
    concurrency: int = 1,
    work_version: str | None = None,
    claim_timeout: timedelta = timedelta(minutes=5),
    attempts: int = 3,
    retry_wait: float = 1.0,
    progress_every: float = 10.0,
    poll_every: float = 1.0,
    on_failure: Callable[[ClaimedCall, BaseException], None] | None = None,
) -> LaneReport:
    """Do `lane` for every call of `days` that needs it. Returns the report; never raises for a call's failure
    (the caller decides what a leftover transient failure means for the partition).

    `live_run_ids()` names the runs Dagster has in progress. Calls claimed by another run are waited for: a
    dead run's claims are released once they stop being refreshed (`claim_timeout`) and then done here; calls
    a live run still holds after that long are reported in `held_elsewhere`, never silently skipped.
    `on_failure(call, exc)` hears of each call that failed after its retries (error reporting)."""
    report = LaneReport(lane=lane, days=days)
    began = time.monotonic()
    params = {"lane": lane.value, "days": days, "run_id": run_id, "work_version": work_version}
    db = _Bookkeeping(pool, params, retry_wait)

    report.zombies_released = db.release_zombies(claim_timeout, live_run_ids())
    report.to_do = db.count_work()
    if report.zombies_released:
        log.warning(f"{lane}: released {report.zombies_released} claims of runs that stopped")
    log.info(f"{lane} {_days_label(days)}: {report.to_do} calls to do")

    lock = threading.Lock()
    # Worker threads never touch `log` themselves: Dagster's log manager writes events to the instance and is
    # not safe to call from many threads at once. They queue messages; the orchestrating thread logs them.
    messages: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()

    def flush_messages() -> None:
        while not messages.empty():
            level, text = messages.get_nowait()
            log.log(level, text)

    def process(call: ClaimedCall) -> None:
        def on_retry(exc: BaseException, wait_s: float) -> None:
            messages.put((logging.WARNING, f"{lane} {call.call_id}: {exc}; retrying in {wait_s:.1f}s"))

        try:
            result = call_with_retries(
                lambda: work(call), attempts=attempts, initial_wait=retry_wait, on_retry=on_retry
            )
        except LaneError as exc:
            db.fail(call, exc.error_class, exc.message, report, lock)
            if on_failure is not None:
                on_failure(call, exc)
            return
        except ConfigurationError:
            raise  # no call can succeed: stop the lane (the claims are handed back on the way out)
        except Exception as exc:  # a bug, not the call's fault: keep it retryable and visible
            messages.put(
                (logging.ERROR, f"{lane} {call.call_id}: unexpected error\n{traceback.format_exc()}")
            )
            message = f"internal error: {type(exc).__name__}: {exc}"[:500]
            db.fail(call, ErrorClass.TRANSIENT, message, report, lock)
            if on_failure is not None:
                on_failure(call, exc)
            return
        db.complete(lane, call, result, report, lock)

    # Claims of a live run are refreshed well within the timeout; a run killed with -9 stops refreshing and
    # its claims are released by the next run or the reaper once they are older than the timeout.
    heartbeat_every = max(1.0, claim_timeout.total_seconds() / 4)
    # Another run's claims are waited for until a dead run's must have expired, with a margin for the reaper.
    wait_for_others = claim_timeout.total_seconds() * 1.5 + poll_every
    last_progress = last_heartbeat = time.monotonic()
    waiting_since: float | None = None
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=f"lane-{lane}") as executor:
        in_flight: dict[Future, str] = {}
        try:
            while True:
                free = concurrency - len(in_flight)
                claimed = db.claim(free, in_flight.values()) if free > 0 else []
                report.claimed += len(claimed)
                in_flight.update({executor.submit(process, call): call.call_id for call in claimed})
                if not in_flight:
                    held = db.held_elsewhere()
                    if not held:
                        break
                    waiting_since = waiting_since or time.monotonic()
                    if released := db.release_zombies(claim_timeout, live_run_ids()):
                        report.zombies_released += released
                        continue  # claims of runs that died: do those calls here
                    if time.monotonic() - waiting_since > wait_for_others:
                        report.held_elsewhere = held
                        break
                    if time.monotonic() - last_progress >= progress_every:
                        log.info(
                            f"{lane}: waiting for {_held_label(held)} (a dead run's claims expire after "
                            f"{claim_timeout.total_seconds():g} s)"
                        )
                        last_progress = time.monotonic()
                    time.sleep(poll_every)
                    continue
                waiting_since = None
                finished, _ = wait(
                    in_flight, timeout=min(progress_every, heartbeat_every), return_when=FIRST_COMPLETED
                )
                flush_messages()
                if time.monotonic() - last_heartbeat >= heartbeat_every:
                    db.heartbeat(log)
                    last_heartbeat = time.monotonic()
                for future in finished:
                    del in_flight[future]
                    future.result()  # commit errors (database down for longer than its retries) stop the lane
                if time.monotonic() - last_progress >= progress_every:
                    log.info(report.summary())
                    last_progress = time.monotonic()
        finally:
            for future in in_flight:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)
            flush_messages()
            db.release_own_claims(report)

    report.seconds = time.monotonic() - began
    log.info(report.summary())
    return report


class _Bookkeeping:
    """The lane's reads and writes of `core.call_lanes`, each retried while the database is unreachable, and
    each safe to retry: a retry after a commit whose acknowledgement was lost finds its own work done."""

    def __init__(self, pool: ConnectionPool, params: dict[str, Any], retry_wait: float) -> None:
        self.pool = pool
        self.params = params
        self.retry_wait = retry_wait

    def _retried(self, fn: Callable[[], T]) -> T:
        return call_with_retries(fn, attempts=DATABASE_ATTEMPTS, initial_wait=self.retry_wait, max_wait=5.0)

    def _rows(self, name: str, **extra: Any) -> list[dict[str, Any]]:
        def run() -> list[dict[str, Any]]:
            with self.pool.connection() as conn:
                return conn.execute(query(name), {**self.params, **extra}).fetchall()

        return self._retried(run)

    def release_zombies(self, timeout: timedelta, live_run_ids: Iterable[str]) -> int:
        live = [*live_run_ids, self.params["run_id"]]
        return len(self._rows("release_zombies", timeout=timeout, live_run_ids=live))

    def count_work(self) -> int:
        return self._rows("count_lane_work")[0]["calls"]

    def claim(self, limit: int, in_flight: Iterable[str]) -> list[ClaimedCall]:
        # `in_flight` lets a claim whose acknowledgement was lost (the database went away as it committed) be
        # picked up again by this run instead of sitting claimed by it until the run ends.
        rows = self._rows("claim_calls", limit=limit, in_flight=list(in_flight))
        return [ClaimedCall.from_row(row) for row in rows]

    def held_elsewhere(self) -> list[tuple[str, str]]:
        return [(r["call_id"], r["claimed_by"]) for r in self._rows("claims_held_elsewhere")]

    def heartbeat(self, log: logging.Logger) -> None:
        def refresh() -> None:
            with self.pool.connection() as conn:
                conn.execute(query("heartbeat_claims"), self.params)

        try:
            self._retried(refresh)
        except psycopg.OperationalError as exc:  # not fatal: the next heartbeat may get through
            log.warning(f"could not refresh this run's claims: {exc}")

    def complete(
        self, lane: Lane, call: ClaimedCall, result: WorkDone, report: LaneReport, lock: threading.Lock
    ) -> None:
        args = {
            **self.params,
            "call_id": call.call_id,
            "next_lane": lane.next.value if lane.next else None,
            "message": result.message,
        }
        tries = 0

        def commit() -> bool:
            nonlocal tries
            tries += 1
            with self.pool.connection() as conn, conn.transaction() as tx:
                completed = conn.execute(query("complete_call"), args).fetchone()["completed"]
                if not completed:
                    tx.rollback()  # our claim was reaped and maybe re-claimed: writing now could duplicate
                    return tries > 1 and self._outcome_is_ours(conn, call, "done")
                if result.persist is not None:
                    result.persist(conn)
                return True

        completed = self._retried(commit)
        with lock:
            if completed:
                report.outcomes[result.outcome] += 1
                report.metrics.update(result.metrics)
            else:
                report.lost_claims += 1

    def fail(
        self,
        call: ClaimedCall,
        error_class: ErrorClass,
        message: str,
        report: LaneReport,
        lock: threading.Lock,
    ) -> None:
        args = {**self.params, "call_id": call.call_id, "error_class": error_class.value, "message": message}
        tries = 0

        def record() -> bool:
            nonlocal tries
            tries += 1
            with self.pool.connection() as conn:
                if conn.execute(query("fail_call"), args).fetchall():
                    return True
                return tries > 1 and self._outcome_is_ours(conn, call, "failed")

        recorded = self._retried(record)
        with lock:
            if recorded:
                report.failures.append(Failure(call.call_id, error_class, message))
            else:
                report.lost_claims += 1

    def _outcome_is_ours(self, conn: psycopg.Connection, call: ClaimedCall, status: str) -> bool:
        """Whether an earlier attempt of ours already committed this outcome (its acknowledgement was lost)."""
        row = conn.execute(
            query("lane_row"), {"call_id": call.call_id, "lane": self.params["lane"]}
        ).fetchone()
        return row is not None and row["status"] == status and row["last_run_id"] == self.params["run_id"]

    def release_own_claims(self, report: LaneReport) -> None:
        """On the way out (normally nothing is left; after an interruption, the calls in flight), hand our
        claims back at once instead of waiting for the reaper."""
        for row in self._rows("release_own_claims"):
            report.failures.append(Failure(row["call_id"], ErrorClass.TRANSIENT, "run interrupted"))


def _held_label(held: list[tuple[str, str]]) -> str:
    runs = Counter(run for _, run in held)
    return ", ".join(f"{n} call{'s' if n > 1 else ''} claimed by run {run}" for run, n in runs.most_common(3))


def _days_label(days: list[date]) -> str:
    if len(days) == 1:
        return days[0].isoformat()
    return f"{days[0].isoformat()}..{days[-1].isoformat()}"
