"""The ingest lane end to end: a real Dagster materialization of `ringba_calls` against the Ringba simulator over
HTTP, into a real PostgreSQL."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import psycopg
import pytest
from test_ingest_upsert import CALL

from callscript_dagster.assets.ringba_calls import IngestConfig, build_ringba_calls
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.ringba.client import iso_z
from callscript_dagster.ringba.ingest import incremental_window, store_calls
from callscript_dagster.ringba.records import parse_call_record
from callscript_dagster.settings import Settings
from callscript_simulators.ringba import OMIT, RingbaSimulator

from harness import lane_resources

DAY = date(2026, 11, 20)


@pytest.fixture
def sim() -> Iterator[RingbaSimulator]:
    simulator = RingbaSimulator(account_id="RA_test", token="test-token", seed=3, calls_per_day=40)
    with simulator.serve():
        yield simulator


def ingest(
    sim: RingbaSimulator,
    db_url: str,
    instance: dg.DagsterInstance,
    partition: str,
    *,
    timezone: str = "UTC",
    token: str = "test-token",
    page_size: int = 1000,
    max_rps: float = 4.0,
    since_last_read: bool = False,
) -> dg.ExecuteInProcessResult:
    asset = build_ringba_calls(daily_partitions(Settings(CALLSCRIPT_TIMEZONE=timezone)))
    resources = lane_resources(db_url, sim.base_url, token=token, page_size=page_size, max_rps=max_rps)
    return dg.materialize(
        [asset],
        partition_key=partition,
        instance=instance,
        resources={name: resources[name] for name in ("database", "ringba")},
        run_config=dg.RunConfig(ops={"ringba_calls": IngestConfig(since_last_read=since_last_read)}),
        raise_on_error=False,
    )


def metadata(result: dg.ExecuteInProcessResult) -> dict:
    [materialization] = result.asset_materializations_for_node("ringba_calls")
    return {k: v.value for k, v in materialization.metadata.items()}


def stored_ids(db: psycopg.Connection, day: date) -> set[str]:
    rows = db.execute("SELECT call_id FROM core.calls WHERE partition_date = %s", (day,)).fetchall()
    return {r["call_id"] for r in rows}


def test_partition_holds_exactly_the_simulators_calls_and_a_rerun_changes_nothing(
    sim, db_url, db, dagster_instance
) -> None:
    result = ingest(sim, db_url, dagster_instance, DAY.isoformat())
    assert result.success
    expected = {r["inboundCallId"]: r for r in sim.calls_for_day(DAY)}
    assert len(expected) == 40
    assert stored_ids(db, DAY) == set(expected)
    assert db.execute("SELECT count(*) AS n FROM core.calls").fetchone()["n"] == 40  # nothing from other days

    row = db.execute("SELECT * FROM core.calls ORDER BY call_at LIMIT 1").fetchone()
    source = expected[row["call_id"]]
    assert row["call_at"] == datetime.fromisoformat(source["callDt"].replace("Z", "+00:00"))
    assert row["campaign_name"] == source["campaignName"]
    assert row["caller_number"] == source["inboundPhoneNumber"]
    assert row["duration_seconds"] == source["callLengthInSeconds"]
    assert row["recording_url"].split("?")[0] == source["recordingUrl"].split("?")[0]

    # every new call is waiting for the vault lane, and its arrival is on record
    lanes = db.execute("SELECT lane, status, count(*) AS n FROM core.call_lanes GROUP BY 1, 2").fetchall()
    assert lanes == [{"lane": "vault", "status": "pending", "n": 40}]
    events = db.execute("SELECT count(*) AS n FROM core.call_events WHERE to_status = 'pending'").fetchone()
    assert events["n"] == 40
    first = metadata(result)
    assert (first["fetched"], first["new"], first["rejected"], first["pages"]) == (40, 40, 0, 1)

    # a vault run already finished one call: a re-ingest must leave that alone
    db.execute(
        "UPDATE core.call_lanes SET status = 'done', done_at = now() WHERE call_id = %s", (row["call_id"],)
    )
    again = ingest(sim, db_url, dagster_instance, DAY.isoformat())
    assert again.success
    second = metadata(again)
    assert (second["new"], second["updated"], second["rejected"]) == (0, 0, 0)
    assert second["unchanged"] + second["url_refreshed"] == 40  # signed URLs are re-issued on every listing
    assert stored_ids(db, DAY) == set(expected)
    assert db.execute("SELECT count(*) AS n FROM core.call_events").fetchone()["n"] == 40
    done = db.execute("SELECT status FROM core.call_lanes WHERE call_id = %s", (row["call_id"],)).fetchone()
    assert done["status"] == "done"


def test_calls_either_side_of_midnight_land_in_their_business_day(db_url, db, dagster_instance) -> None:
    sim = RingbaSimulator(account_id="RA_test", token="test-token", calls_per_day=0)
    # New York is UTC-5 in November: 04:59:59Z is still the 19th there, 05:00:00Z is the 20th.
    sim.add_call("RGB-before-midnight", datetime(2026, 11, 20, 4, 59, 59, tzinfo=UTC))
    sim.add_call("RGB-after-midnight", datetime(2026, 11, 20, 5, 0, 0, tzinfo=UTC))
    sim.add_call("RGB-late-on-the-20th", datetime(2026, 11, 21, 4, 59, 0, tzinfo=UTC))
    with sim.serve():
        assert ingest(sim, db_url, dagster_instance, "2026-11-20", timezone="America/New_York").success
        assert ingest(sim, db_url, dagster_instance, "2026-11-19", timezone="America/New_York").success
    days = {
        r["call_id"]: r["partition_date"]
        for r in db.execute("SELECT call_id, partition_date FROM core.calls")
    }
    assert days == {
        "RGB-before-midnight": date(2026, 11, 19),
        "RGB-after-midnight": date(2026, 11, 20),
        "RGB-late-on-the-20th": date(2026, 11, 20),
    }


def test_many_pages(sim, db_url, db, dagster_instance) -> None:
    result = ingest(sim, db_url, dagster_instance, DAY.isoformat(), page_size=7)
    assert result.success
    assert metadata(result)["pages"] == 6  # 40 calls, 7 a page
    assert stored_ids(db, DAY) == {r["inboundCallId"] for r in sim.calls_for_day(DAY)}
    offsets = [r.body["offset"] for r in sim.requests]
    assert offsets == [0, 7, 14, 21, 28, 35], [(r.body, r.status) for r in sim.requests]


def test_a_429_storm_and_5xx_bursts_still_complete(sim, db_url, db, dagster_instance) -> None:
    sim.rate_limit_next(3)
    result_storm = ingest(sim, db_url, dagster_instance, DAY.isoformat(), page_size=10)
    sim.fail_next(2, status=503)
    sim.fail_next(1, status=500)
    result_burst = ingest(sim, db_url, dagster_instance, "2026-11-21", page_size=10)
    assert result_storm.success and result_burst.success
    statuses = [r.status for r in sim.requests]
    assert statuses.count(429) == 3 and statuses.count(503) == 2 and statuses.count(500) == 1
    assert stored_ids(db, DAY) == {r["inboundCallId"] for r in sim.calls_for_day(DAY)}
    assert stored_ids(db, date(2026, 11, 21)) == {
        r["inboundCallId"] for r in sim.calls_for_day(date(2026, 11, 21))
    }


def test_rate_limit_holds_across_two_concurrent_runs(db_url, db, dagster_storage_database, tmp_path) -> None:
    # The simulator enforces Ringba's 5 requests/s; the deployment is configured for 4/s. Two runs, each in a
    # process of its own, page through two days at once: they must share that budget — no 429, and the
    # requests they made together are spaced by the limit.
    sim = RingbaSimulator(account_id="RA_test", token="test-token", seed=5, calls_per_day=30)
    script = Path(__file__).with_name("materialize_in_subprocess.py")
    env = {**os.environ, "RINGBA_PAGE_SIZE": "5", "RINGBA_MAX_RPS": "4"}
    with sim.serve():
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    str(script),
                    db_url,
                    dagster_storage_database,
                    sim.base_url,
                    str(tmp_path),
                    day,
                    "ringba_calls",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
            )
            for day in ("2026-11-20", "2026-11-21")
        ]
        outcomes = [(run.wait(timeout=120), run.stderr.read().decode()[-2000:]) for run in runs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    # The server's own log: 6 pages a day (30 calls, 5 a page; totalCount says when to stop), and not one
    # refused by its 5/s limit although two processes paged at once.
    assert [r.status for r in sim.requests] == [200] * 12
    assert db.execute("SELECT count(*) AS n FROM core.calls").fetchone()["n"] == 60


def test_bad_credentials_fail_fast_with_a_clear_message(sim, db_url, dagster_instance) -> None:
    result = ingest(sim, db_url, dagster_instance, DAY.isoformat(), token="wrong-token")
    assert not result.success
    failure = result.failure_data_for_node("ringba_calls")
    message = failure.error.cause.message if failure.error.cause else failure.error.message
    assert "HTTP 401" in message and "RINGBA_API_TOKEN" in message
    assert "wrong-token" not in str(failure.error.to_string())
    assert len(sim.requests) == 1  # not retried


def test_malformed_records_are_rejected_with_reasons_and_the_rest_land(db_url, db, dagster_instance) -> None:
    sim = RingbaSimulator(
        account_id="RA_test", token="test-token", seed=11, calls_per_day=60, malformed_fraction=0.2
    )
    with sim.serve():
        records = sim.calls_for_day(DAY)
        good = {r["inboundCallId"] for r in records if not hasattr(parse_call_record(r, UTC), "reason")}
        bad = len(records) - len(good)
        assert bad > 0
        result = ingest(sim, db_url, dagster_instance, DAY.isoformat(), page_size=25)
    assert result.success
    meta = metadata(result)
    assert meta["rejected"] == bad and meta["new"] == len(good)
    assert "reason" in meta["rejections"]
    assert stored_ids(db, DAY) == good
    reasons = {r["reason"] for r in db.execute("SELECT reason FROM core.ingest_rejections")}
    assert any("inboundCallId" in reason for reason in reasons) or any(
        "callDt" in reason for reason in reasons
    )
    assert db.execute("SELECT count(*) AS n FROM core.ingest_rejections").fetchone()["n"] == bad


def test_a_record_can_omit_optional_columns(db_url, db, dagster_instance) -> None:
    sim = RingbaSimulator(account_id="RA_test", token="test-token", calls_per_day=0)
    sim.add_call("RGB-minimal", datetime(2026, 11, 20, 12, tzinfo=UTC), campaignName=OMIT, recordingUrl=OMIT)
    with sim.serve():
        assert ingest(sim, db_url, dagster_instance, DAY.isoformat()).success
    row = db.execute("SELECT campaign_name, recording_url FROM core.calls").fetchone()
    assert row == {"campaign_name": None, "recording_url": None}


def test_records_postgresql_refuses_are_rejected_and_the_rest_of_the_day_lands(
    db_url, db, dagster_instance
) -> None:
    sim = RingbaSimulator(account_id="RA_test", token="test-token", calls_per_day=0)
    at = datetime(2026, 11, 20, 12, tzinfo=UTC)
    for i in range(3):
        sim.add_call(f"RGB-good-{i}", at.replace(minute=i))
    sim.add_call("RGB-nul", at.replace(minute=10), campaignName="Acme\x00Lending")
    sim.add_call("RGB-nul-attr", at.replace(minute=11), targetName="Buyer\x00")
    sim.add_call("RGB-surrogate", at.replace(minute=12), publisherName="Pub \ud800")
    sim.add_call("RGB-huge", at.replace(minute=13), callLengthInSeconds=10**12)
    with sim.serve():
        result = ingest(sim, db_url, dagster_instance, DAY.isoformat())
    assert result.success
    assert stored_ids(db, DAY) == {"RGB-good-0", "RGB-good-1", "RGB-good-2"}
    rejected = {
        r["call_id"]: r["reason"] for r in db.execute("SELECT call_id, reason FROM core.ingest_rejections")
    }
    assert set(rejected) == {"RGB-nul", "RGB-nul-attr", "RGB-surrogate", "RGB-huge"}
    assert "NUL character in campaignName" in rejected["RGB-nul"]
    assert "unpaired UTF-16 surrogate" in rejected["RGB-surrogate"]
    assert metadata(result)["rejected"] == 4


def test_a_record_the_database_refuses_is_isolated_from_its_page(db_url, db) -> None:
    # Defence in depth behind the parser: whatever PostgreSQL itself refuses costs one record, not the page.
    good = [dataclasses.replace(CALL, call_id=f"RGB-{i}") for i in range(3)]
    refused = dataclasses.replace(CALL, call_id="RGB-bad", campaign_name="Acme\x00Lending")
    with psycopg.connect(db_url, row_factory=psycopg.rows.dict_row) as conn, conn.transaction():
        counts, rejections = store_calls(conn, [good[0], refused, *good[1:]], run_id="run-1")
    assert counts.new == 3
    assert [(r.call_id, "PostgreSQL refused" in r.reason) for r in rejections] == [("RGB-bad", True)]
    assert {r["call_id"] for r in db.execute("SELECT call_id FROM core.calls")} == {"RGB-0", "RGB-1", "RGB-2"}


def test_a_record_outside_the_requested_day_is_rejected_not_filed_under_another_day(
    db_url, db, dagster_instance
) -> None:
    # Ringba answered for 2026-11-20 with a call it says happened on the 23rd: filing it under the 23rd would
    # leave it in a partition no run of this day looks at; filing it here would be wrong. It is a rejection.
    sim = RingbaSimulator(account_id="RA_test", token="test-token", calls_per_day=0)
    sim.add_call("RGB-inside", datetime(2026, 11, 20, 12, tzinfo=UTC))
    sim.add_call("RGB-elsewhere", datetime(2026, 11, 20, 13, tzinfo=UTC), callDt="2026-11-23T09:00:00.000Z")
    with sim.serve():
        result = ingest(sim, db_url, dagster_instance, DAY.isoformat())
    assert result.success
    assert {r["call_id"] for r in db.execute("SELECT call_id FROM core.calls")} == {"RGB-inside"}
    [rejection] = db.execute("SELECT call_id, reason, partition_date FROM core.ingest_rejections").fetchall()
    assert rejection["call_id"] == "RGB-elsewhere" and rejection["partition_date"] == DAY
    assert "outside the requested window" in rejection["reason"]


# --- near real time: only what is new ------------------------------------------------------------------------

DAY_START = datetime(2026, 11, 20, tzinfo=UTC)
DAY_END = datetime(2026, 11, 21, tzinfo=UTC)
TEN_MINUTES = timedelta(minutes=10)


@pytest.mark.parametrize(
    ("read_through", "now", "window"),
    [
        (
            None,
            DAY_START + timedelta(hours=9),
            (DAY_START, DAY_START + timedelta(hours=9)),
        ),  # first read: all so far
        (  # the usual pass: from the last read, less the overlap, up to now
            DAY_START + timedelta(hours=9),
            DAY_START + timedelta(hours=9, seconds=20),
            (DAY_START + timedelta(hours=8, minutes=50), DAY_START + timedelta(hours=9, seconds=20)),
        ),
        (  # yesterday's last read: today's first pass reads today from its start
            DAY_START - timedelta(minutes=1),
            DAY_START + timedelta(minutes=2),
            (DAY_START, DAY_START + timedelta(minutes=2)),
        ),
        (
            DAY_END - timedelta(minutes=1),
            DAY_END + timedelta(hours=2),
            (DAY_END - timedelta(minutes=11), DAY_END),
        ),
        (None, DAY_START - timedelta(seconds=1), None),  # the day has not begun
    ],
)
def test_a_near_real_time_read_covers_what_is_new_since_the_last_one(read_through, now, window) -> None:
    assert incremental_window(DAY_START, DAY_END, read_through, now, TEN_MINUTES) == window


def test_near_real_time_ingest_asks_only_for_what_is_new_and_catches_calls_logged_late(
    db_url, db, dagster_instance
) -> None:
    today = daily_partitions(Settings()).get_last_partition_key()
    start = datetime.fromisoformat(today).replace(tzinfo=UTC)
    now = datetime.now(UTC)
    sim = RingbaSimulator(account_id="RA_test", token="test-token", calls_per_day=0)
    sim.add_call("RGB-this-morning", max(start, now - timedelta(hours=3)))
    with sim.serve():
        first = ingest(sim, db_url, dagster_instance, today, since_last_read=True)
        read_through = db.execute("SELECT read_through FROM core.ingest_cursors").fetchone()["read_through"]
        # Ringba logs a call late: its callDt is before where the last read ended
        sim.add_call("RGB-logged-late", max(start, read_through - timedelta(minutes=2)))
        second = ingest(sim, db_url, dagster_instance, today, since_last_read=True)
    assert first.success and second.success
    assert stored_ids(db, date.fromisoformat(today)) == {"RGB-this-morning", "RGB-logged-late"}
    first_body, second_body = (r.body for r in sim.requests)
    assert first_body["reportStart"] == iso_z(start)  # the first read of the day reads it from its start
    asked_from = datetime.fromisoformat(second_body["reportStart"].replace("Z", "+00:00"))
    # the default overlap, to Ringba's millisecond precision
    assert abs(asked_from - max(start, read_through - timedelta(seconds=600))) < timedelta(milliseconds=1)
