"""Sensors evaluated as functions against a real Dagster instance and a real database: which runs they ask for,
and what they leave alone."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import dagster as dg
import psycopg

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.run_tags import LANE_ASSET_NAMES, lane_tag
from callscript_dagster.sensors.backlog import build_lane_sensor
from callscript_dagster.sensors.ingest import build_ingest_sensor
from callscript_dagster.sensors.reaper import claims_reaper

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


def started_run(instance: dg.DagsterInstance, tags: dict[str, str]) -> dg.DagsterRun:
    run = dg.DagsterRun(
        job_name="__ASSET_JOB", run_id=str(uuid.uuid4()), status=dg.DagsterRunStatus.STARTED, tags=tags
    )
    return instance.add_run(run)


ASSETS = lane_assets()
NY = ZoneInfo("America/New_York")
NY_ASSETS = lane_assets("America/New_York")


def evaluate(
    sensor: dg.SensorDefinition,
    instance: dg.DagsterInstance,
    db_url: str,
    cursor: str | None = None,
    assets: dict[str, dg.AssetsDefinition] = ASSETS,
):
    resources = lane_resources(db_url)
    with dg.build_sensor_context(
        instance=instance,
        cursor=cursor,
        resources={"database": resources["database"]},
        definitions=dg.Definitions(assets=list(assets.values()), sensors=[sensor], resources=resources),
    ) as context:
        return sensor.evaluate_tick(context)


def test_lane_backlog_asks_for_each_lane_day_with_waiting_calls(db_url, db, dagster_instance) -> None:
    sensor = build_lane_sensor(
        {Lane.VAULT: ASSETS["vaulted_audio"]}, ASSETS["vaulted_audio"].partitions_def, max_auto_attempts=5
    )
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
    started_run(dagster_instance, {lane_tag(Lane.VAULT): busy.isoformat()})

    result = evaluate(sensor, dagster_instance, db_url)

    asked = {
        (r.partition_key, tuple(k.to_user_string() for k in r.asset_selection)) for r in result.run_requests
    }
    assert asked == {(new.isoformat(), ("vaulted_audio",)), (retry.isoformat(), ("vaulted_audio",))}
    assert all(r.tags[lane_tag(Lane.VAULT)] == r.partition_key for r in result.run_requests)


def test_lane_backlog_is_quiet_when_nothing_waits(db_url, dagster_instance) -> None:
    sensor = build_lane_sensor(
        {Lane.VAULT: ASSETS["vaulted_audio"]}, ASSETS["vaulted_audio"].partitions_def, max_auto_attempts=5
    )
    result = evaluate(sensor, dagster_instance, db_url)
    assert not result.run_requests and "no lane work waiting" in result.skip_message


def tick(
    instance: dg.DagsterInstance, db_url: str, now: datetime, cursor: str | None, *, enabled: bool = True
):
    """One evaluation of the ingest sensor of a New York deployment at wall-clock time `now`."""
    lanes = {lane: NY_ASSETS[name] for lane, name in LANE_ASSET_NAMES.items()}
    sensor = build_ingest_sensor(
        lanes,
        lanes[Lane.INGEST].partitions_def,
        enabled=enabled,
        realtime_lanes=list(Lane),
        clock=lambda: now,
    )
    return evaluate(sensor, instance, db_url, cursor=cursor, assets=NY_ASSETS)


def asked(result) -> list[str]:
    return [r.partition_key for r in result.run_requests]


def test_ingest_sensor_needs_an_account(dagster_instance, db_url) -> None:
    result = tick(dagster_instance, db_url, datetime(2026, 11, 20, 12, tzinfo=NY), None, enabled=False)
    assert "RINGBA_ACCOUNT_ID" in result.skip_message


def test_ingest_sensor_asks_for_today_every_tick_and_closes_each_day_once(dagster_instance, db_url) -> None:
    noon = datetime(2026, 11, 20, 12, tzinfo=NY)
    first = tick(dagster_instance, db_url, noon, None)
    assert asked(first) == ["2026-11-19", "2026-11-20"]  # a new deployment closes yesterday once
    again = tick(dagster_instance, db_url, noon + timedelta(minutes=1), first.cursor)
    assert asked(again) == ["2026-11-20"]

    # the closing pass reads the whole day; today's run reads only what is new and carries it through every lane
    closing, realtime = first.run_requests
    assert [k.to_user_string() for k in closing.asset_selection] == ["ringba_calls"]
    assert not closing.run_config
    assert [k.to_user_string() for k in realtime.asset_selection] == list(LANE_ASSET_NAMES.values())
    assert realtime.run_config["ops"]["ringba_calls"]["config"] == {"since_last_read": True}
    assert {lane_tag(lane): "2026-11-20" for lane in Lane} == {
        k: v for k, v in realtime.tags.items() if k.startswith("callscript/lane/")
    }


def test_new_york_midnight_closes_the_day_even_when_its_run_was_still_going(dagster_instance, db_url) -> None:
    evening = tick(dagster_instance, db_url, datetime(2026, 10, 20, 23, 59, tzinfo=NY), None)
    # The 20th's minute ingest is still running when the 21st begins in New York (04:00 UTC).
    still_running = started_run(dagster_instance, {lane_tag(Lane.INGEST): "2026-10-20"})
    midnight = tick(dagster_instance, db_url, datetime(2026, 10, 21, 0, 0, 20, tzinfo=NY), evening.cursor)
    assert asked(midnight) == ["2026-10-21"]  # the 20th's closing pass waits for that run

    dagster_instance.report_run_failed(still_running, "finished for the test")
    next_tick = tick(dagster_instance, db_url, datetime(2026, 10, 21, 0, 1, 20, tzinfo=NY), midnight.cursor)
    assert asked(next_tick) == ["2026-10-20", "2026-10-21"]
    later = tick(dagster_instance, db_url, datetime(2026, 10, 21, 0, 2, 20, tzinfo=NY), next_tick.cursor)
    assert asked(later) == ["2026-10-21"]  # closed once, not every tick


def test_after_three_days_of_downtime_every_day_since_the_last_closed_one_is_closed(
    dagster_instance, db_url
) -> None:
    before = tick(dagster_instance, db_url, datetime(2026, 11, 17, 15, tzinfo=NY), None)
    after = tick(dagster_instance, db_url, datetime(2026, 11, 20, 9, tzinfo=NY), before.cursor)
    assert asked(after) == ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]


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
