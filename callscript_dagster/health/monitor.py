"""The health server's picture of the deployment, refreshed in the background and judged against thresholds.

Requests never query anything: a thread reads every probe each `refresh_seconds` (in parallel, each bounded by
`timeout_seconds`) and publishes a `Snapshot`; /health and /metrics answer from the latest one. So 200 req/s
cost the databases nothing more than one reading every few seconds, and a probe that hangs (a database behind
a dropped network) cannot hang a request: the probe is reported as not answering, and a snapshot that stops
being refreshed is itself a critical problem.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any

import dagster as dg
import httpx
import psycopg

from callscript_dagster.errors import redact_text
from callscript_dagster.health.probes import (
    DagsterFacts,
    DatabaseFacts,
    DatabaseProbe,
    WebserverFacts,
    read_dagster,
    read_webserver,
)

log = logging.getLogger(__name__)


class Severity(StrEnum):
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    CRITICAL = "critical"


@dataclass(frozen=True)
class HealthThresholds:
    """When /health reports a problem (settings: CALLSCRIPT_HEALTH_*, CALLSCRIPT_ALERT_BACKLOG_THRESHOLD,
    CALLSCRIPT_CLAIM_TIMEOUT_SECONDS). deploy/prometheus/alerts.yml uses the same defaults."""

    backlog: int = 200
    oldest_waiting: timedelta = timedelta(minutes=60)
    claim_timeout: timedelta = timedelta(seconds=300)
    daemon_stale: timedelta = timedelta(seconds=120)
    queued_run: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class Problem:
    check: str
    severity: Severity
    message: str  # what is wrong and where to look, in words an on-call engineer can act on


@dataclass
class Snapshot:
    taken_at: float
    duration_seconds: float
    database: DatabaseFacts | None = None
    dagster: DagsterFacts | None = None
    webserver: WebserverFacts | None = None
    errors: dict[str, str] = field(default_factory=dict)  # probe → why it gave no answer


def assess(snapshot: Snapshot, thresholds: HealthThresholds, *, ui_url: str) -> list[Problem]:
    """Every problem `snapshot` shows, most severe first."""
    problems: list[Problem] = []
    crit, degr = Severity.CRITICAL, Severity.DEGRADED
    if "database" in snapshot.errors:
        problems.append(
            Problem(
                "database",
                crit,
                f"the calls database does not answer ({snapshot.errors['database']}): no lane can work; check "
                "that PostgreSQL is running and reachable with DATABASE_URL",
            )
        )
    elif snapshot.database is not None:
        db = snapshot.database
        if db.missing_migrations:
            problems.append(
                Problem(
                    "schema",
                    crit,
                    f"schema core lacks {len(db.missing_migrations)} migration(s) ({', '.join(db.missing_migrations)}): "
                    "run `callscript db migrate`",
                )
            )
        for lane, queue in db.lanes.items():
            if queue.waiting > thresholds.backlog:
                problems.append(
                    Problem(
                        f"queue:{lane}",
                        degr,
                        f"{lane}: {queue.waiting:,} calls waiting (threshold {thresholds.backlog:,}); are its runs "
                        "queued or failing? `callscript status` shows which days",
                    )
                )
            if queue.waiting and queue.oldest_waiting_seconds > thresholds.oldest_waiting.total_seconds():
                problems.append(
                    Problem(
                        f"oldest_waiting:{lane}",
                        degr,
                        f"{lane}: the oldest waiting call has waited {_minutes(queue.oldest_waiting_seconds)} "
                        f"(threshold {_minutes(thresholds.oldest_waiting.total_seconds())}); is the lane_backlog "
                        "sensor running and are runs leaving the queue?",
                    )
                )
            if queue.stale_claims:
                problems.append(
                    Problem(
                        f"stale_claims:{lane}",
                        degr,
                        f"{lane}: {queue.stale_claims:,} calls claimed longer than the claim timeout "
                        f"({_minutes(thresholds.claim_timeout.total_seconds())}) without a heartbeat: their run "
                        "died; the claims_reaper sensor releases them (is the daemon running?)",
                    )
                )
    if "dagster" in snapshot.errors:
        problems.append(
            Problem(
                "dagster_storage",
                crit,
                f"Dagster's run storage does not answer ({snapshot.errors['dagster']}): no run can be launched "
                "or recorded; check the dagster database and DAGSTER_HOME's dagster.yaml",
            )
        )
    elif snapshot.dagster is not None:
        dag = snapshot.dagster
        for daemon, age in dag.daemon_heartbeat_age.items():
            if age is None or age > thresholds.daemon_stale.total_seconds():
                when = "has never sent a heartbeat" if age is None else f"last heartbeat {_seconds(age)} ago"
                problems.append(
                    Problem(
                        f"daemon:{daemon}",
                        degr,
                        f"Dagster daemon {daemon} is down ({when}): restart `dagster-daemon run` "
                        "(supervisorctl restart callscript:daemon)",
                    )
                )
        if (
            dag.oldest_queued_seconds is not None
            and dag.oldest_queued_seconds > thresholds.queued_run.total_seconds()
        ):
            problems.append(
                Problem(
                    "run_queue",
                    degr,
                    f"a run has been queued for {_minutes(dag.oldest_queued_seconds)} "
                    f"(threshold {_minutes(thresholds.queued_run.total_seconds())}): is the QUEUED_RUN_COORDINATOR "
                    "daemon running, or are concurrency limits held by stuck runs?",
                )
            )
    if "webserver" in snapshot.errors:
        problems.append(
            Problem(
                "webserver",
                degr,
                f"the Dagster webserver at {ui_url} does not answer ({snapshot.errors['webserver']}): operators "
                "have no UI and `callscript recover`/`backfill` cannot launch backfills",
            )
        )
    elif snapshot.webserver is not None:
        if not snapshot.webserver.locations:
            problems.append(Problem("code_location", degr, "the webserver has no code location loaded"))
        for name, state in snapshot.webserver.locations.items():
            if state != "loaded":
                problems.append(
                    Problem(
                        f"code_location:{name}",
                        degr,
                        f"code location {name} is {state}: fix it and reload it in the UI (Deployment → Reload)",
                    )
                )
    return sorted(problems, key=lambda p: p.severity != Severity.CRITICAL)


def overall(problems: list[Problem]) -> Severity:
    if any(p.severity == Severity.CRITICAL for p in problems):
        return Severity.CRITICAL
    return Severity.DEGRADED if problems else Severity.HEALTHY


class HealthMonitor:
    """Reads the probes every `refresh_seconds` on a thread of its own and keeps the latest `Snapshot`."""

    def __init__(
        self,
        *,
        database_url: str,
        instance_factory: Callable[[], dg.DagsterInstance],
        ui_url: str,
        thresholds: HealthThresholds,
        refresh_seconds: float = 5.0,
        timeout_seconds: float = 3.0,
        on_error: Callable[[str, BaseException], None] | None = None,
    ) -> None:
        self.thresholds = thresholds
        self.ui_url = ui_url
        self.refresh_seconds = refresh_seconds
        self.timeout_seconds = timeout_seconds
        self.database = DatabaseProbe(
            database_url, timeout_seconds=timeout_seconds, claim_timeout=thresholds.claim_timeout
        )
        self._instance_factory = instance_factory
        self._instance: dg.DagsterInstance | None = None
        self._http = httpx.Client(timeout=timeout_seconds)
        self._on_error = on_error
        # One worker per probe: a probe still stuck from the last round is not started a second time.
        self._workers = {name: ThreadPoolExecutor(1, thread_name_prefix=f"health-{name}") for name in _PROBES}
        self._pending: dict[str, Future] = {}
        self._snapshot: Snapshot | None = None
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="health-monitor", daemon=True)
        self.probe_failures: dict[str, int] = dict.fromkeys(_PROBES, 0)
        self.refreshes = 0

    # --- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> HealthMonitor:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.timeout_seconds + 1)
        for worker in self._workers.values():
            worker.shutdown(wait=False, cancel_futures=True)
        self._http.close()
        self.database.close()

    # --- reading -----------------------------------------------------------------------------------
    def snapshot(self, wait: float | None = None) -> Snapshot | None:
        """The latest snapshot; before the first one, wait up to `wait` seconds for it."""
        if self._snapshot is None and wait:
            self._ready.wait(wait)
        return self._snapshot

    def stale(self) -> bool:
        """Whether the latest reading is too old to speak for the deployment (the reading thread is stuck)."""
        snapshot = self._snapshot
        limit = 2 * (self.refresh_seconds + self.timeout_seconds)
        return snapshot is not None and time.time() - snapshot.taken_at > limit

    def report(self) -> tuple[Severity, dict[str, Any]]:
        """The /health answer: its severity and body."""
        snapshot = self.snapshot(wait=self.timeout_seconds + 1)
        now = time.time()
        if snapshot is None:
            problems = [
                Problem("health", Severity.CRITICAL, "the health probes have not finished a first reading")
            ]
        else:
            problems = assess(snapshot, self.thresholds, ui_url=self.ui_url)
            age = now - snapshot.taken_at
            if self.stale():
                problems.insert(
                    0,
                    Problem(
                        "health",
                        Severity.CRITICAL,
                        f"the health probes have not finished for {_seconds(age)}: this reading is stale",
                    ),
                )
        status = overall(problems)
        body: dict[str, Any] = {"status": status.value}
        if problems:
            body["problems"] = [
                {"check": p.check, "severity": p.severity.value, "message": p.message} for p in problems
            ]
        if snapshot is not None:
            body["checked_at"] = round(snapshot.taken_at, 3)
            body["checks"] = _checks(snapshot)
        return status, body

    def refresh(self) -> Snapshot:
        """Read every probe once (in parallel, each bounded by the timeout) and publish the result."""
        started = time.time()
        snapshot = Snapshot(taken_at=started, duration_seconds=0.0)
        probes: dict[str, Callable[[], Any]] = {
            "database": self.database.read,
            "dagster": lambda: read_dagster(self._dagster_instance()),
            "webserver": lambda: read_webserver(self._http, self.ui_url),
        }
        for name, probe in probes.items():
            if name not in self._pending or self._pending[name].done():
                self._pending[name] = self._workers[name].submit(probe)
        deadline = time.monotonic() + self.timeout_seconds
        for name in probes:
            try:
                result = self._pending[name].result(timeout=max(0.0, deadline - time.monotonic()))
                setattr(snapshot, name, result)
            except FutureTimeout:
                snapshot.errors[name] = f"no answer within {self.timeout_seconds:g} s"
                self.probe_failures[name] += 1
            except Exception as exc:  # a probe's failure is a finding, never the health server's crash
                snapshot.errors[name] = _describe(exc)
                self.probe_failures[name] += 1
                if self._on_error is not None:
                    self._on_error(name, exc)
        snapshot.duration_seconds = time.time() - started
        self._snapshot = snapshot
        self.refreshes += 1
        self._ready.set()
        return snapshot

    def _dagster_instance(self) -> dg.DagsterInstance:
        if self._instance is None:
            self._instance = self._instance_factory()
        return self._instance

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.refresh()
            except Exception:  # never let the reading thread die: a stale snapshot then shows as critical
                log.exception("health refresh failed")
            self._stop.wait(self.refresh_seconds)


_PROBES = ("database", "dagster", "webserver")


def _checks(snapshot: Snapshot) -> dict[str, Any]:
    checks: dict[str, Any] = {name: "ok" if name not in snapshot.errors else "failing" for name in _PROBES}
    if snapshot.database is not None:
        checks["schema"] = "migrated" if not snapshot.database.missing_migrations else "behind"
        checks["lanes"] = {
            lane: {
                "waiting": q.waiting,
                "in_flight": q.in_flight,
                "failed_retryable": q.failed_retryable,
                "failed_permanent": q.failed_permanent,
                "oldest_waiting_seconds": round(q.oldest_waiting_seconds, 1),
                "stale_claims": q.stale_claims,
            }
            for lane, q in snapshot.database.lanes.items()
        }
    if snapshot.dagster is not None:
        checks["daemons"] = {
            d: (None if age is None else round(age, 1))
            for d, age in snapshot.dagster.daemon_heartbeat_age.items()
        }
        checks["runs"] = snapshot.dagster.runs_by_status
        checks["runs_finished_last_hour"] = snapshot.dagster.runs_finished_last_hour
    if snapshot.webserver is not None:
        checks["code_locations"] = snapshot.webserver.locations
    return checks


def _describe(exc: BaseException) -> str:
    """A probe's failure in one line, without URLs or credentials (psycopg names host and port, httpx the URL)."""
    first = (str(exc).strip().splitlines() or [""])[0]
    if isinstance(exc, psycopg.Error):
        # 'connection to server at "host", port N failed: Connection refused': keep only the cause.
        first = first.rsplit("failed: ", 1)[-1]
    text = redact_text(f"{type(exc).__name__}: {first}" if first else type(exc).__name__)
    return text[:300]


def _minutes(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    minutes = int(seconds // 60)
    if minutes < 120:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h" + (f" {minutes} min" if minutes else "")


def _seconds(seconds: float) -> str:
    return _minutes(seconds)
