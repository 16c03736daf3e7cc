"""What the health server reads: the calls database, Dagster's instance and the webserver.

Each probe returns plain facts (dataclasses) or raises; `assess` turns facts into problems. Probes only read:
a health check must never take a lock a lane waits on.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import dagster as dg
import httpx
import psycopg
from psycopg.rows import dict_row

from callscript_dagster.db.migrate import available_migrations
from callscript_dagster.db.sql import query

LANES = ("vault", "factory", "judge")
# Rows younger than this wait for the next reading (see health_new_events.sql).
SETTLE = timedelta(seconds=2)


@dataclass
class LaneQueue:
    """Where one lane's open calls stand."""

    waiting: int = 0
    in_flight: int = 0
    failed: Counter = field(default_factory=Counter)  # by error class
    oldest_waiting_seconds: float = 0.0
    stale_claims: int = 0

    @property
    def failed_retryable(self) -> int:
        return sum(n for cls, n in self.failed.items() if cls != "permanent")

    @property
    def failed_permanent(self) -> int:
        return self.failed["permanent"]


@dataclass
class DatabaseFacts:
    missing_migrations: list[str]
    lanes: dict[str, LaneQueue]
    rate_limit_backlog_seconds: dict[str, float]
    metric_errors: dict[str, str]  # metric readings that failed (they never fail /health)


@dataclass
class LaneCounters:
    """Prometheus counters read incrementally from the append-only `core.call_events` and `core.judgments`:
    each reading adds only the rows recorded since the last one, so the cost follows the traffic, not the
    history. They count from the health server's start, as Prometheus counters do (rate() handles restarts)."""

    after_event: int | None = None
    after_judgment: int = 0
    ingested: int = 0
    completed: Counter = field(default_factory=Counter)  # lane
    failures: Counter = field(default_factory=Counter)  # (lane, error class)
    verdicts: Counter = field(default_factory=Counter)  # flagged / safe / needs_review

    def advance(self, conn: psycopg.Connection) -> None:
        if self.after_event is None:
            start = conn.execute(query("health_event_cursor")).fetchone()
            self.after_event, self.after_judgment = start["event_id"], start["judgment_id"]
            return
        rows = conn.execute(
            query("health_new_events"), {"after": self.after_event, "settle": SETTLE}
        ).fetchall()
        for row in rows:
            lane, to_status, n = row["lane"], row["to_status"], row["events"]
            if lane == "vault" and row["created"] and to_status == "pending":
                self.ingested += n
            elif to_status == "done":
                self.completed[lane] += n
            elif to_status == "failed":
                self.failures[(lane, row["error_class"] or "transient")] += n
            self.after_event = max(self.after_event, row["last_event_id"])
        judged = conn.execute(
            query("health_new_judgments"), {"after": self.after_judgment, "settle": SETTLE}
        ).fetchall()
        for row in judged:
            self.verdicts[row["verdict"]] += row["calls"]
            self.after_judgment = max(self.after_judgment, row["last_judgment_id"])


class DatabaseProbe:
    """Reads the calls database over one long-lived, read-only connection with short timeouts."""

    def __init__(self, url: str, *, timeout_seconds: float, claim_timeout: timedelta) -> None:
        self._url = url
        self._timeout = timeout_seconds
        self._claim_timeout = claim_timeout
        self._conn: psycopg.Connection | None = None
        self._shipped = sorted(m.version for m in available_migrations())
        self._names = {m.version: m.path.name for m in available_migrations()}
        self.counters = LaneCounters()

    def _connection(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            statement_ms = int(self._timeout * 1000)
            self._conn = psycopg.connect(
                self._url,
                autocommit=True,
                row_factory=dict_row,
                connect_timeout=max(1, round(self._timeout)),
                # Read-only and bounded: a slow query is cancelled, never left holding anything.
                options=f"-c default_transaction_read_only=on -c statement_timeout={statement_ms} "
                f"-c lock_timeout={statement_ms}",
                application_name="callscript-health",
            )
        return self._conn

    def read(self) -> DatabaseFacts:
        try:
            return self._read(self._connection())
        except psycopg.Error:
            self.close()  # a fresh connection next time (the server restarted, the network dropped)
            raise

    def _read(self, conn: psycopg.Connection) -> DatabaseFacts:
        try:
            applied = set(conn.execute(query("health_schema_version")).fetchone()["versions"])
        except psycopg.errors.UndefinedTable:
            applied = set()
        missing = [self._names[v] for v in self._shipped if v not in applied]
        lanes = {lane: LaneQueue() for lane in LANES}
        if not missing:
            rows = conn.execute(query("health_lane_queue"), {"claim_timeout": self._claim_timeout}).fetchall()
            for row in rows:
                queue = lanes.setdefault(row["lane"], LaneQueue())
                if row["status"] == "pending":
                    queue.waiting += row["calls"]
                    queue.oldest_waiting_seconds = max(queue.oldest_waiting_seconds, row["oldest_seconds"])
                elif row["status"] == "claimed":
                    queue.in_flight += row["calls"]
                    queue.stale_claims += row["stale_claims"]
                elif row["status"] == "failed":
                    queue.failed[row["error_class"]] += row["calls"]
        # Metric-only readings: one that fails (a table renamed, a permission revoked) is reported on /metrics
        # and never turns a healthy deployment's /health red.
        backlog: dict[str, float] = {}
        metric_errors: dict[str, str] = {}
        if not missing:
            try:
                backlog = {
                    row["bucket"]: row["backlog_seconds"]
                    for row in conn.execute(query("health_rate_limits")).fetchall()
                }
            except psycopg.DatabaseError as exc:
                if conn.closed:
                    raise
                metric_errors["rate_limits"] = type(exc).__name__
            try:
                self.counters.advance(conn)
            except psycopg.DatabaseError as exc:
                if conn.closed:
                    raise
                metric_errors["lane_counters"] = type(exc).__name__
        return DatabaseFacts(missing, lanes, backlog, metric_errors)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


@dataclass
class DagsterFacts:
    required_daemons: list[str]
    daemon_heartbeat_age: dict[str, float | None]  # seconds since the last heartbeat; None: never
    runs_by_status: dict[str, int]  # runs waiting or working now
    runs_finished_last_hour: dict[str, int]
    oldest_queued_seconds: float | None


# Runs waiting or working now: counted whole (few at any time).
ACTIVE_RUN_STATUSES = (
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
)
# How runs end: counted over the last hour only (Dagster's status + update time index), since the near-real-time
# sensor alone adds thousands of runs a day and a count over all of them would grow without bound.
FINISHED_RUN_STATUSES = (
    dg.DagsterRunStatus.SUCCESS,
    dg.DagsterRunStatus.FAILURE,
    dg.DagsterRunStatus.CANCELED,
)
FINISHED_WINDOW = timedelta(hours=1)


def read_dagster(instance: dg.DagsterInstance) -> DagsterFacts:
    """Daemon heartbeats and the run queue, through the instance's public API (its storage, not the
    webserver: this works while the webserver is down)."""
    now = time.time()
    heartbeats = instance.get_daemon_heartbeats()
    required = list(instance.get_required_daemon_types())
    ages = {
        daemon: (now - heartbeats[daemon].timestamp if daemon in heartbeats else None) for daemon in required
    }
    runs = {
        status.value: instance.get_runs_count(dg.RunsFilter(statuses=[status]))
        for status in ACTIVE_RUN_STATUSES
    }
    since = datetime.fromtimestamp(now, UTC) - FINISHED_WINDOW
    finished = {
        status.value: instance.get_runs_count(dg.RunsFilter(statuses=[status], updated_after=since))
        for status in FINISHED_RUN_STATUSES
    }
    oldest = instance.get_run_records(
        dg.RunsFilter(statuses=[dg.DagsterRunStatus.QUEUED]),
        limit=1,
        order_by="create_timestamp",
        ascending=True,
    )
    oldest_queued = now - oldest[0].create_timestamp.timestamp() if oldest else None
    return DagsterFacts(required, ages, runs, finished, oldest_queued)


@dataclass
class WebserverFacts:
    locations: dict[str, str]  # code location name → "loaded" or what went wrong


_WORKSPACE_QUERY = """{ workspaceOrError { __typename
  ... on Workspace { locationEntries { name loadStatus
    locationOrLoadError { __typename ... on PythonError { message } } } } } }"""


def read_webserver(client: httpx.Client, ui_url: str) -> WebserverFacts:
    """The code locations the webserver has loaded (its GraphQL: the webserver answers, and says how the
    locations loaded)."""
    response = client.post(f"{ui_url.rstrip('/')}/graphql", json={"query": _WORKSPACE_QUERY})
    response.raise_for_status()
    workspace = response.json()["data"]["workspaceOrError"]
    if workspace["__typename"] != "Workspace":
        raise RuntimeError(f"the webserver's workspace did not load ({workspace['__typename']})")
    locations = {}
    for entry in workspace["locationEntries"]:
        loaded = entry.get("locationOrLoadError") or {}
        if loaded.get("__typename") == "PythonError":
            locations[entry["name"]] = "failed to load: " + loaded.get("message", "").strip().splitlines()[0]
        elif entry["loadStatus"] != "LOADED":
            locations[entry["name"]] = entry["loadStatus"].lower()
        else:
            locations[entry["name"]] = "loaded"
    return WebserverFacts(locations)
