"""Slack alerts: queue conditions read from the system of record, announced once when they start, once when they
clear and reminded at most every interval — across daemon restarts — and every failed run, as the sensors
deliver them to the Slack simulator."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import dagster as dg
import psycopg
import pytest

from callscript_dagster.alerts import (
    AlertState,
    Condition,
    NotificationKind,
    QueueThresholds,
    ingest_condition,
    notifications_due,
    queue_conditions,
)
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.resources.slack import SlackResource
from callscript_dagster.run_tags import lane_partition_tags
from callscript_dagster.sensors.alerts import (
    build_queue_alert_sensor,
    build_run_failure_alert_sensor,
    ingest_attempts,
)
from callscript_simulators.ringba import RingbaSimulator
from callscript_simulators.slack import SlackSimulator

from harness import evaluate_run_failure_sensor, lane_assets, lane_resources, materialize

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
HOUR = timedelta(hours=1)
BACKLOG = Condition("backlog:vault", "vault backlog: 300 calls waiting (threshold 200)")


def state(firing: bool, notified_ago: timedelta, key: str = "backlog:vault") -> AlertState:
    return AlertState(key, firing, "vault backlog: 250 calls waiting", NOW - 3 * HOUR, NOW - notified_ago)


@pytest.mark.parametrize(
    ("firing", "states", "expected"),
    [
        pytest.param([BACKLOG], {}, [NotificationKind.STARTED], id="starts"),
        pytest.param(
            [BACKLOG], {"backlog:vault": state(True, 10 * timedelta(minutes=1))}, [], id="no-repeat"
        ),
        pytest.param(
            [BACKLOG], {"backlog:vault": state(True, HOUR)}, [NotificationKind.REMINDER], id="reminder"
        ),
        pytest.param([], {"backlog:vault": state(True, 2 * HOUR)}, [NotificationKind.RESOLVED], id="clears"),
        pytest.param([], {"backlog:vault": state(False, 2 * HOUR)}, [], id="stays-clear"),
        pytest.param(
            [BACKLOG], {"backlog:vault": state(False, 2 * HOUR)}, [NotificationKind.STARTED], id="again"
        ),
    ],
)
def test_one_message_when_a_condition_starts_one_when_it_clears_and_reminders_at_most_every_interval(
    firing, states, expected
) -> None:
    due = notifications_due(firing, states, NOW, reminder=HOUR)
    assert [n.kind for n in due] == expected
    for notification in due:
        if notification.kind is NotificationKind.RESOLVED:
            assert notification.text.startswith(":white_check_mark: *Resolved* after 3 h")
        elif notification.kind is NotificationKind.REMINDER:
            assert "Still firing* for 3 h" in notification.text and "300 calls" in notification.text


@pytest.mark.parametrize(
    ("last_success", "first_attempt", "fires"),
    [
        (None, None, False),  # never attempted: nothing to say
        (NOW - 2 * HOUR, None, False),  # succeeded, nothing attempted since
        (NOW - 2 * HOUR, NOW - timedelta(minutes=10), False),  # attempts are recent
        (NOW - 2 * HOUR, NOW - timedelta(minutes=45), True),
        (None, NOW - timedelta(minutes=45), True),
    ],
)
def test_ringba_ingest_alerts_once_attempts_have_not_succeeded_for_long_enough(
    last_success, first_attempt, fires
) -> None:
    condition = ingest_condition(
        last_success=last_success, first_attempt_since=first_attempt, now=NOW, stale=timedelta(minutes=30)
    )
    assert (condition is not None) == fires
    if condition:
        assert condition.key == "ingest" and "Ringba ingest has not succeeded for" in condition.summary


def add_lane_row(db: psycopg.Connection, call_id: str, lane: str, status: str, **columns) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, now(), %s) ON CONFLICT DO NOTHING",
        (call_id, date(2026, 11, 20)),
    )
    values = {
        "call_id": call_id,
        "lane": lane,
        "partition_date": date(2026, 11, 20),
        "status": status,
        **columns,
    }
    db.execute(
        f"INSERT INTO core.call_lanes ({', '.join(values)}) VALUES ({', '.join(['%s'] * len(values))})",
        list(values.values()),
    )


def add_event(
    db: psycopg.Connection, call_id: str, lane: str, to_status: str, ago: timedelta, **columns
) -> None:
    values = {"call_id": call_id, "lane": lane, "to_status": to_status, **columns}
    db.execute(
        f"INSERT INTO core.call_events ({', '.join(values)}, at) "
        f"VALUES ({', '.join(['%s'] * len(values))}, clock_timestamp() - %s)",
        [*values.values(), ago],
    )


THRESHOLDS = QueueThresholds(backlog=2, in_flight=HOUR, failure_rate=0.5, failure_rate_min_calls=4)


def test_queue_conditions_come_from_the_system_of_record(db) -> None:
    for i in range(3):
        add_lane_row(db, f"waiting-{i}", "vault", "pending")
    add_lane_row(db, "stuck", "factory", "claimed", claimed_by="run-1", claimed_at=datetime.now(UTC))
    add_event(db, "stuck", "factory", "claimed", 2 * HOUR)  # claimed two hours ago, heartbeat fresh
    add_lane_row(db, "busy", "factory", "claimed", claimed_by="run-2", claimed_at=datetime.now(UTC))
    add_event(db, "busy", "factory", "claimed", timedelta(minutes=5))
    add_event(
        db,
        "zombie",
        "judge",
        "failed",
        timedelta(minutes=3),
        message="claim released: run run-9 stopped or timed out",
    )
    add_event(
        db,
        "old-zombie",
        "judge",
        "failed",
        2 * HOUR,
        message="claim released: run run-8 stopped or timed out",
    )
    for i, (status, error_class) in enumerate([("failed", "url_expired")] * 3 + [("done", None)] * 2):
        add_event(db, f"v{i}", "vault", status, timedelta(minutes=10), error_class=error_class)
    for i in range(3):  # 100 % failures, but too few calls to mean anything
        add_event(db, f"j{i}", "judge", "failed", timedelta(minutes=10), error_class="transient")

    found = {c.key: c for c in queue_conditions(db, THRESHOLDS)}

    assert set(found) == {"backlog:vault", "in_flight:factory", "zombie_claims", "failure_rate:vault"}
    assert found["backlog:vault"].summary == "vault backlog: 3 calls waiting (threshold 2)"
    assert "stuck" in found["in_flight:factory"].detail and "busy" not in found["in_flight:factory"].detail
    assert "run-9" in found["zombie_claims"].detail and "run-8" not in found["zombie_claims"].detail
    assert found["failure_rate:vault"].summary.startswith("vault failure rate 60% in the last hour (3 of 5")
    assert "3 url_expired" in found["failure_rate:vault"].detail


def queue_tick(
    sensor: dg.SensorDefinition, instance: dg.DagsterInstance, db_url: str, slack: SlackSimulator, url: str
):
    resources = {
        "database": lane_resources(db_url)["database"],
        "slack": SlackResource(webhook_url=slack.webhook_url(url), retry_wait_seconds=0),
    }
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        return sensor.evaluate_tick(context)


def test_queue_alerts_reach_slack_once_survive_a_restart_remind_and_clear(
    db_url, db, dagster_instance
) -> None:
    for i in range(3):
        add_lane_row(db, f"waiting-{i}", "vault", "pending")
    slack = SlackSimulator()
    with slack.serve() as server:

        def tick():
            sensor = build_queue_alert_sensor(
                THRESHOLDS, ingest=None
            )  # each tick a fresh one, as after a restart
            return queue_tick(sensor, dagster_instance, db_url, slack, server.url)

        tick()
        tick()  # a second tick of a fresh sensor (a restarted daemon): the alert state is in PostgreSQL
        assert [m.text for m in slack.messages] == [
            ":rotating_light: *CallScript alert*: vault backlog: 3 calls waiting (threshold 2)\n"
            "days 2026-11-20; `callscript status` shows where they stand, the run queue whether their runs are waiting"
        ]

        db.execute("UPDATE core.alert_state SET notified_at = now() - interval '2 hours'")
        tick()
        assert slack.messages[-1].text.startswith(":warning: *Still firing*")

        db.execute("UPDATE core.call_lanes SET status = 'done'")
        tick()
        tick()
        assert slack.messages[-1].text.startswith(":white_check_mark: *Resolved* after")
        assert len(slack.messages) == 3


def test_an_alert_slack_could_not_take_is_sent_again_on_the_next_tick(db_url, db, dagster_instance) -> None:
    for i in range(3):
        add_lane_row(db, f"waiting-{i}", "vault", "pending")
    slack = SlackSimulator()
    with slack.serve() as server:
        slack.fail_next(4, status=503)  # as many as the notifier tries
        result = queue_tick(
            build_queue_alert_sensor(THRESHOLDS, ingest=None), dagster_instance, db_url, slack, server.url
        )
        assert "messages: none" in result.skip_message  # the sensor carries on
        assert not slack.messages
        queue_tick(
            build_queue_alert_sensor(THRESHOLDS, ingest=None), dagster_instance, db_url, slack, server.url
        )
        assert [m.text.split("\n")[0] for m in slack.messages] == [
            ":rotating_light: *CallScript alert*: vault backlog: 3 calls waiting (threshold 2)"
        ]


def test_a_failed_run_is_posted_with_its_asset_partition_step_error_and_link(
    db_url, dagster_instance, tmp_path
) -> None:
    day = "2026-11-20"
    ringba = RingbaSimulator(calls_per_day=0)
    ringba.add_call("RGB-ok", datetime(2026, 11, 20, 9, tzinfo=UTC))
    ringba.add_call("RGB-down", datetime(2026, 11, 20, 10, tzinfo=UTC), fault="server_error", fault_times=99)
    with ringba.serve() as server:
        resources = lane_resources(db_url, server.url, tmp_path / "vault")
        result = dg.materialize(
            list(lane_assets().values()),
            selection=["ringba_calls", "vaulted_audio"],
            partition_key=day,
            instance=dagster_instance,
            resources=resources,
            tags=lane_partition_tags([Lane.INGEST, Lane.VAULT], day),
            raise_on_error=False,
        )
    assert not result.success
    slack = SlackSimulator()
    with slack.serve() as server:
        sensor = build_run_failure_alert_sensor(ui_url="https://dagster.example.com/")
        slack_resource = SlackResource(webhook_url=slack.webhook_url(server.url), retry_wait_seconds=0)
        evaluate_run_failure_sensor(sensor, dagster_instance, result, {"slack": slack_resource})
    [message] = slack.messages
    lines = message.text.split("\n")
    assert (
        lines[0] == ":red_circle: *CallScript run failed*: ringba_calls, vaulted_audio · partition 2026-11-20"
    )
    assert lines[1].startswith("step `vaulted_audio` — Failure: 1 of 2 calls failed with retryable errors")
    assert lines[-1] == f"<https://dagster.example.com/runs/{result.run_id}|run {result.run_id[:8]}>"


def test_ringba_ingest_attempts_and_successes_come_from_dagsters_history(db_url, tmp_path) -> None:
    ringba = RingbaSimulator(calls_per_day=0)
    key = dg.AssetKey("ringba_calls")
    # an instance of its own: the session's instance holds other tests' ingest runs
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance, ringba.serve() as server:
        assert ingest_attempts(instance, key) == {"last_success": None, "first_attempt_since": None}

        refused = materialize(
            instance, lane_resources(db_url, server.url, token="wrong"), "2026-11-20", "ringba_calls"
        )
        assert not refused.success
        attempts = ingest_attempts(instance, key)
        assert attempts["last_success"] is None and attempts["first_attempt_since"] is not None
        later = attempts["first_attempt_since"] + timedelta(minutes=31)
        stalled = ingest_condition(now=later, stale=timedelta(minutes=30), **attempts)
        assert stalled is not None and "it has never succeeded" in stalled.detail

        assert materialize(instance, lane_resources(db_url, server.url), "2026-11-20", "ringba_calls").success
        attempts = ingest_attempts(instance, key)
        assert attempts["last_success"] is not None and attempts["first_attempt_since"] is None
