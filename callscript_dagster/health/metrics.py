"""/metrics: the health monitor's latest snapshot in Prometheus' text format.

A custom collector runs on every scrape inside the server's event loop, so it only formats what the monitor
already read; it never queries. Names follow Prometheus conventions: a unit suffix (`_seconds`), `_total` on
counters, labels for lane, state, error class, verdict and daemon.
"""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, PlatformCollector, ProcessCollector
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from callscript_dagster.health.monitor import HealthMonitor, Severity, assess, overall

_SEVERITY_VALUE = {Severity.HEALTHY: 0, Severity.DEGRADED: 1, Severity.CRITICAL: 2}


class CallScriptCollector(Collector):
    def __init__(self, monitor: HealthMonitor) -> None:
        self.monitor = monitor

    def collect(self) -> Iterator:
        monitor = self.monitor
        snapshot = monitor.snapshot()
        probe_up = GaugeMetricFamily(
            "callscript_health_probe_up", "1 when the probe answered at the last reading", labels=["probe"]
        )
        probe_failures = CounterMetricFamily(
            "callscript_health_probe_failures", "Readings in which the probe gave no answer", labels=["probe"]
        )
        for probe, failures in monitor.probe_failures.items():
            probe_failures.add_metric([probe], failures)
            if snapshot is not None:
                probe_up.add_metric([probe], 0 if probe in snapshot.errors else 1)
        yield probe_failures
        if snapshot is None:
            return
        if snapshot.database is not None:
            for reading in ("rate_limits", "lane_counters"):
                probe_up.add_metric([reading], 0 if reading in snapshot.database.metric_errors else 1)
        yield probe_up
        problems = assess(snapshot, monitor.thresholds, ui_url=monitor.ui_url)
        yield GaugeMetricFamily(
            "callscript_health_status",
            "Overall health: 0 healthy, 1 degraded, 2 critical",
            value=_SEVERITY_VALUE[overall(problems)],
        )
        yield GaugeMetricFamily(
            "callscript_health_last_reading_timestamp_seconds",
            "When the health server last read the deployment (Unix time)",
            value=snapshot.taken_at,
        )
        yield GaugeMetricFamily(
            "callscript_health_reading_duration_seconds",
            "How long the last reading of every probe took",
            value=snapshot.duration_seconds,
        )
        yield from _database_metrics(monitor, snapshot)
        yield from _dagster_metrics(snapshot, monitor.thresholds.daemon_stale.total_seconds())


def _database_metrics(monitor: HealthMonitor, snapshot) -> Iterator:
    db = snapshot.database
    if db is not None:
        calls = GaugeMetricFamily(
            "callscript_lane_calls",
            "Open calls per lane and state (waiting, in_flight, failed_retryable, failed_permanent)",
            labels=["lane", "state"],
        )
        failed = GaugeMetricFamily(
            "callscript_lane_failed_calls",
            "Calls failed now, per lane and error class",
            labels=["lane", "error_class"],
        )
        oldest = GaugeMetricFamily(
            "callscript_lane_oldest_waiting_seconds",
            "Age of the oldest call waiting in the lane",
            labels=["lane"],
        )
        stale = GaugeMetricFamily(
            "callscript_lane_stale_claims",
            "Calls claimed longer than the claim timeout without a heartbeat (their run died)",
            labels=["lane"],
        )
        for lane, queue in db.lanes.items():
            calls.add_metric([lane, "waiting"], queue.waiting)
            calls.add_metric([lane, "in_flight"], queue.in_flight)
            calls.add_metric([lane, "failed_retryable"], queue.failed_retryable)
            calls.add_metric([lane, "failed_permanent"], queue.failed_permanent)
            for error_class in ("transient", "url_expired", "permanent"):
                failed.add_metric([lane, error_class], queue.failed[error_class])
            oldest.add_metric([lane], queue.oldest_waiting_seconds)
            stale.add_metric([lane], queue.stale_claims)
        yield from (calls, failed, oldest, stale)
        backlog = GaugeMetricFamily(
            "callscript_ringba_rate_limit_backlog_seconds",
            "How far ahead Ringba's shared request budget is booked: the wait a new request faces",
            labels=["bucket"],
        )
        for bucket, seconds in db.rate_limit_backlog_seconds.items():
            backlog.add_metric([bucket], seconds)
        yield backlog
    counters = monitor.database.counters
    ingested = CounterMetricFamily(
        "callscript_calls_ingested",
        "Calls ingested from Ringba (new rows in core.calls)",
        value=counters.ingested,
    )
    completed = CounterMetricFamily(
        "callscript_lane_calls_completed", "Calls a lane finished (throughput)", labels=["lane"]
    )
    failures = CounterMetricFamily(
        "callscript_lane_failures", "Lane failures of a call, by error class", labels=["lane", "error_class"]
    )
    processed = CounterMetricFamily(
        "callscript_calls_processed", "Calls judged, by verdict", labels=["status"]
    )
    for lane in ("vault", "factory", "judge"):
        completed.add_metric([lane], counters.completed[lane])
        for error_class in ("transient", "url_expired", "permanent"):
            failures.add_metric([lane, error_class], counters.failures[(lane, error_class)])
    for verdict in ("flagged", "safe", "needs_review"):
        processed.add_metric([verdict], counters.verdicts[verdict])
    yield from (ingested, completed, failures, processed)


def _dagster_metrics(snapshot, daemon_stale_seconds: float) -> Iterator:
    dag = snapshot.dagster
    if dag is None:
        return
    runs = GaugeMetricFamily(
        "callscript_dagster_runs", "Dagster runs waiting or working now, by status", labels=["status"]
    )
    for status, count in dag.runs_by_status.items():
        runs.add_metric([status], count)
    yield runs
    finished = GaugeMetricFamily(
        "callscript_dagster_runs_finished_last_hour",
        "Dagster runs that ended in the last hour, by status",
        labels=["status"],
    )
    for status, count in dag.runs_finished_last_hour.items():
        finished.add_metric([status], count)
    yield finished
    yield GaugeMetricFamily(
        "callscript_dagster_oldest_queued_run_seconds",
        "How long the oldest queued run has waited (0: none queued)",
        value=dag.oldest_queued_seconds or 0.0,
    )
    age = GaugeMetricFamily(
        "callscript_dagster_daemon_heartbeat_age_seconds",
        "Seconds since each required daemon's last heartbeat (absent: never)",
        labels=["daemon"],
    )
    up = GaugeMetricFamily(
        "callscript_dagster_daemon_up", "1 when the daemon's heartbeat is fresh", labels=["daemon"]
    )
    # The same freshness rule as /health (assess), so the gauge and the endpoint never disagree.
    for daemon, seconds in dag.daemon_heartbeat_age.items():
        if seconds is not None:
            age.add_metric([daemon], seconds)
        up.add_metric([daemon], 1 if seconds is not None and seconds <= daemon_stale_seconds else 0)
    yield from (age, up)


def build_registry(monitor: HealthMonitor) -> CollectorRegistry:
    """The registry /metrics serves: CallScript's facts and the health server's own process."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(CallScriptCollector(monitor))
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    return registry
