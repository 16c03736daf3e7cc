"""Sentry: a lane's failing calls reach Sentry's envelope endpoint (the simulator) as one event per step and
exception type, tagged with lane, partition, run and asset, with no secret in what is sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import dagster as dg
import psycopg
import pytest
import sentry_sdk

from callscript_dagster import error_reporting
from callscript_simulators.ringba import RingbaSimulator
from callscript_simulators.sentry import SentrySimulator

from harness import lane_resources, materialize

DAY = date(2026, 11, 21)
NOON = datetime(2026, 11, 21, 12, tzinfo=UTC)
RINGBA_TOKEN = "rb-secret-token-7f3a9c"


@pytest.fixture
def sentry():
    """The Sentry simulator, with this process's SDK pointed at it; the SDK is shut down afterwards."""
    sim = SentrySimulator()
    with sim.serve() as server:
        assert error_reporting.init_error_reporting(sim.dsn(server.url), environment="test")
        try:
            yield sim
        finally:
            sentry_sdk.get_client().close(timeout=2)
            error_reporting._enabled = False
            error_reporting._reported.clear()


def test_failing_calls_make_one_tagged_event_per_step_and_exception_type_with_no_secret(
    sentry, db_url, db, dagster_instance, tmp_path
):
    ringba = RingbaSimulator(calls_per_day=0, token=RINGBA_TOKEN)
    ringba.add_call("RGB-ok", NOON)
    ringba.add_call("RGB-gone-1", NOON + timedelta(minutes=1), fault="deleted")
    ringba.add_call("RGB-gone-2", NOON + timedelta(minutes=2), fault="deleted")
    with ringba.serve() as server:
        resources = lane_resources(db_url, server.url, tmp_path / "vault", token=RINGBA_TOKEN)
        assert materialize(dagster_instance, resources, DAY.isoformat(), "ringba_calls").success
        result = materialize(dagster_instance, resources, DAY.isoformat(), "vaulted_audio")
    assert result.success  # deleted recordings are permanent failures: the day itself succeeds

    failed = db.execute("SELECT count(*) AS n FROM core.call_lanes WHERE status = 'failed'").fetchone()["n"]
    assert failed == 2
    [event] = sentry.events  # two calls failed the same way in one step: one event
    assert event["tags"] == {
        "lane": "vault",
        "partition": DAY.isoformat(),
        "run_id": result.run_id,
        "asset": "vaulted_audio",
    } | {k: v for k, v in event["tags"].items() if k not in {"lane", "partition", "run_id", "asset"}}
    [exception] = event["exception"]["values"]
    assert "404" in exception["value"]
    assert event["level"] == "error"

    signed = db.execute("SELECT recording_url FROM core.calls WHERE call_id = 'RGB-gone-1'").fetchone()
    signature = dict(parse_qsl(urlsplit(signed["recording_url"]).query))["sig"]
    sent = b"".join(sentry.raw_bodies).decode(errors="replace")
    for secret in (RINGBA_TOKEN, signature):
        assert secret not in sent, sent[max(0, sent.find(secret) - 600) : sent.find(secret) + 100]
    assert db_url not in sent and "postgresql://" not in sent


def test_a_failing_sensor_is_reported_once_tagged_with_its_name_and_still_fails_its_tick(
    sentry, dagster_instance
):
    from test_health import free_port

    from callscript_dagster.resources.database import DatabaseResource
    from callscript_dagster.sensors.reaper import claims_reaper

    unreachable = DatabaseResource(url=f"postgresql://callscript:pw-secret-1@127.0.0.1:{free_port()}/calls")
    for _ in range(2):  # the daemon ticks again: still one event within the hour
        with (
            dg.build_sensor_context(
                instance=dagster_instance, resources={"database": unreachable}
            ) as context,
            pytest.raises(psycopg.OperationalError),  # Dagster records it on the tick
        ):
            claims_reaper(context)
    error_reporting.flush()

    [event] = sentry.events
    assert event["tags"]["sensor"] == "claims_reaper"
    assert "pw-secret-1" not in b"".join(sentry.raw_bodies).decode(errors="replace")
