"""`callscript health`: /health and /metrics served by the real server (uvicorn) against a real PostgreSQL and a
real Dagster instance."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import dagster as dg
import httpx
import psycopg
import pytest
import uvicorn
from prometheus_client.parser import text_string_to_metric_families

from callscript_dagster.health import HealthMonitor, HealthThresholds, build_app
from callscript_dagster.health.monitor import Snapshot

from harness import free_port


@contextlib.contextmanager
def health_server(monitor: HealthMonitor) -> Iterator[str]:
    """The health app on a real uvicorn server in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(build_app(monitor), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "health server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def make_monitor(db_url: str, instance: dg.DagsterInstance, **thresholds) -> HealthMonitor:
    return HealthMonitor(
        database_url=db_url,
        instance_factory=lambda: instance,
        ui_url=f"http://127.0.0.1:{free_port()}",  # no webserver there
        thresholds=HealthThresholds(**thresholds),
        refresh_seconds=0.3,
        timeout_seconds=2.0,
    )


def add_call(db: psycopg.Connection, call_id: str, lane: str, status: str, **lane_columns) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, now(), current_date) "
        "ON CONFLICT DO NOTHING",
        (call_id,),
    )
    columns = {"call_id": call_id, "lane": lane, "partition_date": "today", "status": status, **lane_columns}
    names = ", ".join(columns)
    db.execute(
        f"INSERT INTO core.call_lanes ({names}) VALUES ({', '.join(['%s'] * len(columns))})",
        [current_date if v == "today" else v for v in columns.values()],
    )


current_date = time.strftime("%Y-%m-%d", time.gmtime())


def metric_samples(text: str) -> dict[tuple[str, tuple], float]:
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def wait_for(condition, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_health_names_each_queue_problem_and_every_stopped_daemon(db, db_url, dagster_instance):
    two_hours_ago = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 7200))
    add_call(db, "wait-0", "vault", "pending", updated_at=two_hours_ago)
    for i in (1, 2):
        add_call(db, f"wait-{i}", "vault", "pending")
    add_call(db, "stuck", "factory", "claimed", claimed_by="run-gone", claimed_at="2020-01-01T00:00:00Z")
    add_call(db, "gone", "vault", "failed", error_class="permanent")
    add_call(db, "retry", "judge", "failed", error_class="transient")
    monitor = make_monitor(db_url, dagster_instance, backlog=2, oldest_waiting=timedelta(minutes=30))

    with health_server(monitor) as url:
        response = httpx.get(f"{url}/health", timeout=10)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    checks = {p["check"]: p["message"] for p in body["problems"]}
    assert "3 calls waiting" in checks["queue:vault"]
    assert "oldest waiting call has waited 2 h" in checks["oldest_waiting:vault"]
    assert "1 calls claimed longer than the claim timeout" in checks["stale_claims:factory"]
    assert "does not answer" in checks["webserver"]
    # No daemon runs for this instance: every required one is named, with what to do.
    required = dagster_instance.get_required_daemon_types()
    assert required
    for daemon in required:
        assert f"Dagster daemon {daemon} is down" in checks[f"daemon:{daemon}"]
    assert body["checks"]["lanes"]["vault"] == {
        "waiting": 3,
        "in_flight": 0,
        "failed_retryable": 0,
        "failed_permanent": 1,
        "oldest_waiting_seconds": pytest.approx(7200, abs=60),
        "stale_claims": 0,
    }
    assert body["checks"]["lanes"]["judge"]["failed_retryable"] == 1
    assert body["checks"]["schema"] == "migrated"


def test_database_down_is_critical_within_the_timeout_and_the_answer_names_no_database(dagster_instance):
    secret_url = f"postgresql://callscript:hunter2-secret@127.0.0.1:{free_port()}/calls"
    monitor = make_monitor(secret_url, dagster_instance)

    with health_server(monitor) as url:
        started = time.monotonic()
        response = httpx.get(f"{url}/health", timeout=10)
        took = time.monotonic() - started
        metrics = httpx.get(f"{url}/metrics", timeout=10)

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "critical"
    assert body["problems"][0]["check"] == "database"
    assert "does not answer" in body["problems"][0]["message"]
    assert took < monitor.timeout_seconds + 1.5
    for text in (response.text, metrics.text):
        for leak in ("hunter2", "postgresql://", "@127.0.0.1"):
            assert leak not in text, text[max(0, text.find(leak) - 200) : text.find(leak) + 50]
    assert metrics.status_code == 200
    assert metric_samples(metrics.text)[("callscript_health_probe_up", (("probe", "database"),))] == 0


def test_metrics_count_lane_outcomes_and_verdicts_as_they_happen(db, db_url, dagster_instance):
    add_call(db, "old", "vault", "done")  # history before the server started is not counted
    monitor = make_monitor(db_url, dagster_instance)
    with health_server(monitor) as url:
        assert wait_for(lambda: monitor.refreshes >= 1)
        for call_id, verdict in (("a", "flagged"), ("b", "flagged"), ("c", "safe")):
            add_call(db, call_id, "judge", "done")
            db.execute(
                "INSERT INTO core.call_events (call_id, lane, from_status, to_status, at) "
                "VALUES (%s, 'judge', 'claimed', 'done', now() - interval '5 s')",
                (call_id,),
            )
            db.execute(
                "INSERT INTO core.judgments (call_id, policy_version, policy_fingerprint, verdict, mode, findings,"
                " reasons, judged_at) VALUES (%s, 'v1', 'f', %s, 'rules-only', '[]', '[]', now() - interval '5 s')",
                (call_id, verdict),
            )
        db.execute(
            "INSERT INTO core.call_events (call_id, lane, from_status, to_status, error_class, at) "
            "VALUES ('d', 'vault', 'claimed', 'failed', 'url_expired', now() - interval '5 s')"
        )

        def scraped():
            samples = metric_samples(httpx.get(f"{url}/metrics", timeout=5).text)
            flagged = samples.get(("callscript_calls_processed_total", (("status", "flagged"),)))
            return samples if flagged == 2 else None

        samples = wait_for(scraped)

    assert samples, "the flagged counter never reached 2"
    assert samples[("callscript_calls_processed_total", (("status", "safe"),))] == 1
    assert samples[("callscript_lane_calls_completed_total", (("lane", "judge"),))] == 3
    assert samples[("callscript_lane_calls_completed_total", (("lane", "vault"),))] == 0
    key = ("callscript_lane_failures_total", (("error_class", "url_expired"), ("lane", "vault")))
    assert samples[key] == 1
    assert samples[("callscript_lane_calls", (("lane", "judge"), ("state", "waiting")))] == 0
    assert ("callscript_dagster_runs", (("status", "QUEUED"),)) in samples
    assert ("callscript_dagster_runs_finished_last_hour", (("status", "FAILURE"),)) in samples
    assert samples[("callscript_health_status", ())] >= 1  # no daemon, no webserver here


def test_a_broken_metric_query_never_breaks_health(db, db_url, dagster_instance):
    add_call(db, "w", "vault", "pending")
    db.execute("ALTER TABLE core.judgments RENAME TO judgments_moved")
    monitor = make_monitor(db_url, dagster_instance)
    with health_server(monitor) as url:
        assert wait_for(lambda: monitor.refreshes >= 2)
        health = httpx.get(f"{url}/health", timeout=5)
        metrics = httpx.get(f"{url}/metrics", timeout=5)

    assert health.json()["checks"]["database"] == "ok"
    assert not [p for p in health.json()["problems"] if p["severity"] == "critical"]
    assert health.json()["checks"]["lanes"]["vault"]["waiting"] == 1
    samples = metric_samples(metrics.text)
    assert samples[("callscript_health_probe_up", (("probe", "lane_counters"),))] == 0
    assert samples[("callscript_lane_calls", (("lane", "vault"), ("state", "waiting")))] == 1


# --- what each finding means for the on-call engineer (pure: assess() on a reading) -----------------------


def reading(**parts) -> Snapshot:
    from callscript_dagster.health.probes import DagsterFacts, DatabaseFacts, LaneQueue, WebserverFacts

    defaults = {
        "database": DatabaseFacts([], {lane: LaneQueue() for lane in ("vault", "factory", "judge")}, {}, {}),
        "dagster": DagsterFacts(["SENSOR"], {"SENSOR": 5.0}, {"QUEUED": 0}, {}, None),
        "webserver": WebserverFacts({"callscript": "loaded"}),
    }
    return Snapshot(taken_at=time.time(), duration_seconds=0.1, **(defaults | parts))


@pytest.mark.parametrize(
    ("change", "check", "severity", "words"),
    [
        ({}, None, "healthy", ""),
        (
            {"errors": {"database": "OperationalError: Connection refused"}},
            "database",
            "critical",
            "PostgreSQL",
        ),
        ({"errors": {"dagster": "no answer within 3 s"}}, "dagster_storage", "critical", "dagster database"),
        ({"errors": {"webserver": "ConnectError"}}, "webserver", "degraded", "does not answer"),
        ({"queued": 1200.0}, "run_queue", "degraded", "queued for 20 min"),
        ({"queued": 600.0}, None, "healthy", ""),
        ({"heartbeat": 300.0}, "daemon:SENSOR", "degraded", "last heartbeat 5 min ago"),
        (
            {"location": "failed to load: ImportError: no module"},
            "code_location:callscript",
            "degraded",
            "Reload",
        ),
        ({"missing": ["0010_x.sql"]}, "schema", "critical", "callscript db migrate"),
    ],
)
def test_each_finding_has_its_severity_and_says_what_to_do(change, check, severity, words):
    from callscript_dagster.health.monitor import Severity, assess, overall
    from callscript_dagster.health.probes import DagsterFacts, WebserverFacts

    snapshot = reading()
    snapshot.errors = change.get("errors", {})
    for probe in snapshot.errors:
        setattr(snapshot, probe, None)
    if "queued" in change:
        snapshot.dagster = DagsterFacts(["SENSOR"], {"SENSOR": 5.0}, {"QUEUED": 1}, {}, change["queued"])
    if "heartbeat" in change:
        snapshot.dagster = DagsterFacts(["SENSOR"], {"SENSOR": change["heartbeat"]}, {}, {}, None)
    if "location" in change:
        snapshot.webserver = WebserverFacts({"callscript": change["location"]})
    if "missing" in change:
        snapshot.database.missing_migrations = change["missing"]

    problems = assess(snapshot, HealthThresholds(), ui_url="http://127.0.0.1:3000")

    assert overall(problems) == Severity(severity)
    if check is None:
        assert problems == []
    else:
        [problem] = problems
        assert (problem.check, problem.severity.value) == (check, severity)
        assert words in problem.message
