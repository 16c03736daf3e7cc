"""Sensors evaluated as functions against a real Dagster instance and a real database: which runs they ask for,
and what they leave alone."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import dagster as dg
import psycopg
import pytest
from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.sensors.ingest import build_ingest_sensor
from callscript_dagster.sensors.lanes import build_lane_sensor, claims_reaper
from callscript_dagster.sensors.runs import LANE_PARTITION_TAG

from harness import lane_assets, lane_resources


def add_call(db: psycopg.Connection, call_id: str, day: date, lane: str, status: str, **lane_columns) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, %s, %s)",
        (call_id, datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo("UTC")), day),
    )
    columns = {"call_id": call_id, "lane": lane, "partition_date": day, "status": status, **lane_columns}
    db.execute(
        f"INSERT INTO core.call_lanes ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",
        list(columns.values()),
    )


def started_run(instance: dg.DagsterInstance, tags: dict[str, str]) -> DagsterRun:
    run = DagsterRun(
        job_name="__ASSET_JOB", run_id=str(uuid.uuid4()), status=DagsterRunStatus.STARTED, tags=tags
    )
    return instance.add_run(run)


ASSETS = lane_assets()


def evaluate(
    sensor: dg.SensorDefinition, instance: dg.DagsterInstance, db_url: str, cursor: str | None = None
):
    resources = lane_resources(db_url)
    context = dg.build_sensor_context(
        instance=instance,
        cursor=cursor,
        resources={"database": resources["database"]},
        definitions=dg.Definitions(assets=list(ASSETS.values()), sensors=[sensor], resources=resources),
    )
    return sensor.evaluate_tick(context)


def test_lane_backlog_asks_for_each_lane_day_with_waiting_calls(db_url, db, dagster_instance) -> None:
    sensor = build_lane_sensor({Lane.VAULT: ASSETS["vaulted_audio"]})
    new, retry, permanent, exhausted, backoff, busy = (date(2026, 10, d) for d in (1, 2, 3, 4, 5, 6))
    add_call(db, "new", new, "vault", "pending")
    add_call(
        db,
        "retry",
        retry,
        "vault",
        "failed",
        error_class="transient",
        attempts=1,
        retry_at=datetime.now(ZoneInfo("UTC")) - timedelta(minutes=1),
    )
    add_call(db, "permanent", permanent, "vault", "failed", error_class="permanent", attempts=1)
    add_call(
        db,
        "exhausted",
        exhausted,
        "vault",
        "failed",
        error_class="transient",
        attempts=5,
        retry_at=datetime.now(ZoneInfo("UTC")) - timedelta(minutes=1),
    )
    add_call(
        db,
        "backoff",
        backoff,
        "vault",
        "failed",
        error_class="url_expired",
        attempts=2,
        retry_at=datetime.now(ZoneInfo("UTC")) + timedelta(minutes=10),
    )
    add_call(db, "busy", busy, "vault", "pending")
    started_run(dagster_instance, {LANE_PARTITION_TAG: f"vault:{busy.isoformat()}"})

    result = evaluate(sensor, dagster_instance, db_url)

    asked = {
        (r.partition_key, tuple(k.to_user_string() for k in r.asset_selection)) for r in result.run_requests
    }
    assert asked == {(new.isoformat(), ("vaulted_audio",)), (retry.isoformat(), ("vaulted_audio",))}
    assert all(r.tags[LANE_PARTITION_TAG] == f"vault:{r.partition_key}" for r in result.run_requests)


def test_lane_backlog_is_quiet_when_nothing_waits(db_url, dagster_instance) -> None:
    sensor = build_lane_sensor({Lane.VAULT: ASSETS["vaulted_audio"]})
    result = evaluate(sensor, dagster_instance, db_url)
    assert not result.run_requests and "no lane work waiting" in result.skip_message


def test_ingest_sensor_needs_an_account(dagster_instance, db_url) -> None:
    sensor = build_ingest_sensor(ASSETS["ringba_calls"], ASSETS["ringba_calls"].partitions_def)
    result = evaluate(sensor, dagster_instance, db_url)
    assert "RINGBA_ACCOUNT_ID" in result.skip_message


def test_ingest_sensor_asks_for_today_and_closes_yesterday_after_midnight(
    dagster_instance, db_url, monkeypatch: pytest.MonkeyPatch
) -> None:
    from callscript_dagster.settings import get_settings

    monkeypatch.setenv("RINGBA_ACCOUNT_ID", "RA_test")
    get_settings.cache_clear()
    sensor = build_ingest_sensor(ASSETS["ringba_calls"], ASSETS["ringba_calls"].partitions_def)
    today = datetime.now(ZoneInfo("UTC")).date()

    same_day = evaluate(sensor, dagster_instance, db_url, cursor=today.isoformat())
    assert [r.partition_key for r in same_day.run_requests] == [today.isoformat()]
    assert same_day.cursor == today.isoformat()

    after_midnight = evaluate(
        sensor, dagster_instance, db_url, cursor=(today - timedelta(days=1)).isoformat()
    )
    assert [r.partition_key for r in after_midnight.run_requests] == [
        (today - timedelta(days=1)).isoformat(),
        today.isoformat(),
    ]


def test_reaper_releases_claims_of_runs_that_stopped_and_keeps_live_ones(
    db_url, db, dagster_instance
) -> None:
    live = started_run(dagster_instance, {})
    day = date(2026, 10, 9)
    add_call(
        db,
        "orphan",
        day,
        "factory",
        "claimed",
        claimed_by="run-killed-long-ago",
        claimed_at=datetime.now(ZoneInfo("UTC")),
    )
    add_call(
        db,
        "working",
        day,
        "factory",
        "claimed",
        claimed_by=live.run_id,
        claimed_at=datetime.now(ZoneInfo("UTC")),
    )

    evaluate(claims_reaper, dagster_instance, db_url)

    states = {r["call_id"]: r for r in db.execute("SELECT * FROM core.call_lanes")}
    assert (states["orphan"]["status"], states["orphan"]["error_class"]) == ("failed", "transient")
    assert states["working"]["status"] == "claimed"
    event = db.execute("SELECT * FROM core.call_events WHERE call_id = 'orphan'").fetchone()
    assert (event["from_status"], event["to_status"]) == ("claimed", "failed")
    assert "run-killed-long-ago" in event["message"]
