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
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query
from callscript_dagster.errors import ConfigurationError, ErrorClass, LaneError
from callscript_dagster.reporting import markdown_table
from callscript_dagster.retries import call_with_retries


class Lane(StrEnum):
    VAULT = "vault"
    FACTORY = "factory"
    JUDGE = "judge"

    @property
    def next(self) -> Lane | None:
        order = list(Lane)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None


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
        if self.failures:
            by_class = Counter((f.error_class.value, f.message.split(":")[0][:80]) for f in self.failures)
            meta["failures"] = markdown_table(
                ["class", "error", "calls"], [(c, m, n) for (c, m), n in by_class.most_common(15)]
            )
        return meta

    def summary(self) -> str:
        failed = ", ".join(f"{n} {c}" for c, n in sorted(self.failed_by_class.items())) or "none"
        return f"{self.lane} {_days_label(self.days)}: {self.done}/{self.to_do} done, failed: {failed}"


def run_lane(
    *,
    lane: Lane,
    pool: ConnectionPool,
    days: list[date],
    run_id: str,
    work: WorkFunction,
    live_run_ids: Iterable[str],
    log: logging.Logger,
    concurrency: int = 1,
    work_version: str | None = None,
    claim_timeout: timedelta = timedelta(minutes=5),
    attempts: int = 3,
    retry_wait: float = 1.0,
    progress_every: float = 10.0,
) -> LaneReport:
    """Do `lane` for every call of `days` that needs it. Returns the report; never raises for a call's failure
    (the caller decides what a leftover transient failure means for the partition)."""
    report = LaneReport(lane=lane, days=days)
    began = time.monotonic()
    params = {"lane": lane.value, "days": days, "run_id": run_id, "work_version": work_version}

    with pool.connection() as conn:
        released = conn.execute(
            query("release_zombies"),
            {**params, "timeout": claim_timeout, "live_run_ids": [*live_run_ids, run_id]},
        ).fetchall()
        report.zombies_released = len(released)
        report.to_do = conn.execute(query("count_lane_work"), params).fetchone()["calls"]
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
            _fail(pool, params, call, exc.error_class, exc.message, report, lock)
            return
        except ConfigurationError:
            raise  # no call can succeed: stop the lane (the claims are handed back on the way out)
        except Exception as exc:  # a bug, not the call's fault: keep it retryable and visible
            messages.put(
                (logging.ERROR, f"{lane} {call.call_id}: unexpected error\n{traceback.format_exc()}")
            )
            message = f"internal error: {type(exc).__name__}: {exc}"[:500]
            _fail(pool, params, call, ErrorClass.TRANSIENT, message, report, lock)
            return
        _complete(pool, params, lane, call, result, report, lock)

    # Claims of a live run are refreshed well within the timeout; a run killed with -9 stops refreshing and
    # its claims are released by the next run or the reaper once they are older than the timeout.
    heartbeat_every = max(1.0, claim_timeout.total_seconds() / 4)
    last_progress = last_heartbeat = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=f"lane-{lane}") as executor:
        in_flight: set[Future] = set()
        try:
            while True:
                free = concurrency - len(in_flight)
                claimed = _claim(pool, params, free) if free > 0 else []
                report.claimed += len(claimed)
                in_flight.update(executor.submit(process, call) for call in claimed)
                if not in_flight:
                    break
                finished, in_flight = wait(
                    in_flight, timeout=min(progress_every, heartbeat_every), return_when=FIRST_COMPLETED
                )
                flush_messages()
                if time.monotonic() - last_heartbeat >= heartbeat_every:
                    with pool.connection() as conn:
                        conn.execute(query("heartbeat_claims"), params)
                    last_heartbeat = time.monotonic()
                for future in finished:
                    future.result()  # commit errors (database down) stop the lane loudly
                if time.monotonic() - last_progress >= progress_every:
                    log.info(report.summary())
                    last_progress = time.monotonic()
        finally:
            for future in in_flight:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)
            flush_messages()
            _release_own_claims(pool, params, report)

    report.seconds = time.monotonic() - began
    log.info(report.summary())
    return report


def _claim(pool: ConnectionPool, params: dict[str, Any], limit: int) -> list[ClaimedCall]:
    with pool.connection() as conn:
        rows = conn.execute(query("claim_calls"), {**params, "limit": limit}).fetchall()
    return [ClaimedCall.from_row(row) for row in rows]


def _complete(
    pool: ConnectionPool,
    params: dict[str, Any],
    lane: Lane,
    call: ClaimedCall,
    result: WorkDone,
    report: LaneReport,
    lock: threading.Lock,
) -> None:
    with pool.connection() as conn, conn.transaction() as tx:
        completed = conn.execute(
            query("complete_call"),
            {
                **params,
                "call_id": call.call_id,
                "next_lane": lane.next.value if lane.next else None,
                "message": result.message,
            },
        ).fetchone()["completed"]
        if not completed:
            tx.rollback()  # our claim was reaped and maybe re-claimed: writing now could duplicate
        elif result.persist is not None:
            result.persist(conn)
    with lock:
        if completed:
            report.outcomes[result.outcome] += 1
            report.metrics.update(result.metrics)
        else:
            report.lost_claims += 1


def _fail(
    pool: ConnectionPool,
    params: dict[str, Any],
    call: ClaimedCall,
    error_class: ErrorClass,
    message: str,
    report: LaneReport,
    lock: threading.Lock,
) -> None:
    with pool.connection() as conn:
        recorded = conn.execute(
            query("fail_call"),
            {**params, "call_id": call.call_id, "error_class": error_class.value, "message": message},
        ).fetchall()
    with lock:
        if recorded:
            report.failures.append(Failure(call.call_id, error_class, message))
        else:
            report.lost_claims += 1


def _release_own_claims(pool: ConnectionPool, params: dict[str, Any], report: LaneReport) -> None:
    """On the way out (normally nothing is left; after an interruption, the calls in flight), hand our claims
    back at once instead of waiting for the reaper."""
    with pool.connection() as conn:
        released = conn.execute(query("release_own_claims"), params).fetchall()
    for row in released:
        report.failures.append(Failure(row["call_id"], ErrorClass.TRANSIENT, "run interrupted"))


def _days_label(days: list[date]) -> str:
    if len(days) == 1:
        return days[0].isoformat()
    return f"{days[0].isoformat()}..{days[-1].isoformat()}"
