"""The lane assets' checks per day: what they say about the system of record, in the run that materializes a
day, for each day of a range, and after a run whose lane step failed."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import dagster as dg
import psycopg
import pytest

from callscript_dagster.assets.lane_checks import build_lane_checks
from callscript_dagster.calls.checks import CheckLimits, CheckName, check_names, evaluate_checks
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.sensors.checks import (
    CHECKS_FOR_RUN_TAG,
    build_lane_checks_sensor,
    unchecked_lane_days,
)
from callscript_simulators.ringba import RingbaSimulator

from harness import lane_assets, lane_resources

DAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 12, tzinfo=UTC)
LIMITS = CheckLimits(claim_timeout=timedelta(minutes=5), max_permanent_failure_rate=0.25)


def add_call(db: psycopg.Connection, call_id: str, lanes: dict[str, dict], day: date = DAY) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, %s, %s)",
        (call_id, datetime(day.year, day.month, day.day, 12, tzinfo=UTC), day),
    )
    for lane, columns in lanes.items():
        columns = {"call_id": call_id, "lane": lane, "partition_date": day, **columns}
        db.execute(
            f"INSERT INTO core.call_lanes ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})",
            list(columns.values()),
        )


DONE = {"status": "done"}
STALE = datetime.now(UTC) - timedelta(hours=1)


def failed(error_class: str, message: str = "boom") -> dict:
    return {"status": "failed", "error_class": error_class, "error_message": message}


# (what the day holds, the lane checked) -> the checks that fail, with the calls they name
CASES = [
    pytest.param({"a": {"vault": DONE}, "b": {"vault": DONE}}, Lane.VAULT, {}, id="all-vaulted"),
    pytest.param(
        {"a": {"vault": DONE}, "b": {"vault": failed("transient")}, "c": {"vault": failed("url_expired")}},
        Lane.VAULT,
        {CheckName.NO_RETRYABLE_FAILURES: ["b", "c"]},
        id="retryable-failures-left",
    ),
    pytest.param(
        {
            "a": {"vault": DONE},
            "b": {"vault": DONE},
            "c": {"vault": DONE},
            "d": {"vault": failed("permanent")},
        },
        Lane.VAULT,
        {},
        id="permanent-within-threshold",
    ),
    pytest.param(
        {"a": {"vault": DONE}, "d": {"vault": failed("permanent")}},
        Lane.VAULT,
        {CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD: ["d"]},
        id="permanent-above-threshold",
    ),
    pytest.param(
        {"a": {"vault": {"status": "claimed", "claimed_by": "run-dead", "claimed_at": STALE}}},
        Lane.VAULT,
        {CheckName.NO_STALE_CLAIMS: ["a"], CheckName.UPSTREAM_CALLS_PROCESSED: ["a"]},
        id="stale-claim",
    ),
    pytest.param(
        {"a": {"vault": {"status": "claimed", "claimed_by": "run-live", "claimed_at": datetime.now(UTC)}}},
        Lane.VAULT,
        {CheckName.UPSTREAM_CALLS_PROCESSED: ["a"]},
        id="fresh-claim-is-work-in-progress",
    ),
    pytest.param(
        {"a": {"vault": DONE, "factory": DONE}, "b": {"vault": DONE, "factory": {"status": "pending"}}},
        Lane.FACTORY,
        {CheckName.UPSTREAM_CALLS_PROCESSED: ["b"]},
        id="vaulted-not-yet-transcribed",
    ),
    pytest.param(
        {"a": {"vault": failed("permanent")}, "b": {"vault": DONE, "factory": failed("permanent")}},
        Lane.FACTORY,
        {CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD: ["b"]},
        id="a-call-that-never-left-the-vault-is-not-the-factorys-concern",
    ),
    pytest.param(
        {"a": {"vault": DONE, "factory": DONE}},
        Lane.JUDGE,
        {CheckName.UPSTREAM_CALLS_PROCESSED: ["a"]},
        id="transcribed-but-no-judge-row",
    ),
]


@pytest.mark.parametrize(("calls", "lane", "failing"), CASES)
def test_each_check_names_the_calls_it_fails_for(db, calls, lane, failing) -> None:
    for call_id, lanes in calls.items():
        add_call(db, call_id, lanes)
    outcomes = {o.name: o for o in evaluate_checks(db, lane, DAY, LIMITS)}
    assert set(outcomes) == {
        CheckName.NO_STALE_CLAIMS,
        CheckName.NO_RETRYABLE_FAILURES,
        CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD,
        CheckName.UPSTREAM_CALLS_PROCESSED,
    }
    assert {name for name, o in outcomes.items() if not o.passed} == set(failing)
    for name, call_ids in failing.items():
        outcome = outcomes[name]
        if call_ids:
            assert outcome.metadata["failing_calls"] == len(call_ids)
            assert outcome.metadata["call_ids"] == ", ".join(call_ids)
            assert all(call_id in outcome.description for call_id in call_ids)
    # other days are not this day's business
    assert all(o.passed for o in evaluate_checks(db, lane, DAY + timedelta(days=1), LIMITS))


def test_a_failing_check_names_a_few_calls_and_counts_them_all(db) -> None:
    for i in range(30):
        add_call(db, f"call-{i:02d}", {"vault": failed("transient", "recording download got HTTP 503")})
    outcome = next(
        o for o in evaluate_checks(db, Lane.VAULT, DAY, LIMITS) if o.name is CheckName.NO_RETRYABLE_FAILURES
    )
    assert not outcome.passed
    assert outcome.description.startswith("30 of 30 calls failed with retryable errors")
    assert "call-00 (transient: recording download got HTTP 503)" in outcome.description
    assert outcome.description.endswith("and 25 more")
    assert outcome.metadata["failing_calls"] == 30 and len(outcome.metadata["call_ids"].split(", ")) == 10


def definitions_with_checks(assets: dict[str, dg.AssetsDefinition]) -> list:
    lanes = {
        Lane.INGEST: "ringba_calls",
        Lane.VAULT: "vaulted_audio",
        Lane.FACTORY: "transcripts",
        Lane.JUDGE: "judgments",
    }
    checks = build_lane_checks(
        {lane: assets[name] for lane, name in lanes.items()}, max_permanent_failure_rate=0.25
    )
    return [*assets.values(), *checks]


def check_evaluations(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}


def test_checks_run_with_the_lane_and_name_what_a_day_is_missing(
    db_url, db, dagster_instance, tmp_path
) -> None:
    sim = RingbaSimulator(calls_per_day=0)
    sim.add_call("RGB-ok", NOON, recording="compliant_stereo.mp3")
    sim.add_call("RGB-gone", NOON + timedelta(minutes=1), recording="compliant_stereo.mp3", fault="deleted")
    sim.add_call("RGB-bad-date", NOON + timedelta(minutes=2), callDt="not-a-date")
    assets = lane_assets()
    with sim.serve() as server:
        result = dg.materialize(
            definitions_with_checks(assets),
            selection=["ringba_calls", "vaulted_audio"],
            partition_key=DAY.isoformat(),
            instance=dagster_instance,
            resources=lane_resources(db_url, server.url, tmp_path / "vault"),
        )
    assert result.success  # a permanent failure does not fail the day
    evaluations = check_evaluations(result)
    complete = evaluations[("ringba_calls", "calls_complete")]
    assert not complete.passed  # Ringba lists 3, one was rejected
    assert "1 of the 3 calls Ringba reports are not stored" in complete.description
    assert "RGB-bad-date" in complete.description
    assert evaluations[("vaulted_audio", "no_retryable_failures")].passed
    permanent = evaluations[("vaulted_audio", "permanent_failures_below_threshold")]
    assert not permanent.passed and permanent.severity == dg.AssetCheckSeverity.WARN
    assert "RGB-gone" in permanent.description
    assert {e.partition for e in evaluations.values()} == {DAY.isoformat()}


def test_the_checks_dagster_skipped_after_a_failed_lane_step_run_on_their_own(
    db_url, db, dagster_instance, tmp_path
) -> None:
    sim = RingbaSimulator(calls_per_day=0)
    sim.add_call("RGB-ok", NOON, recording="compliant_stereo.mp3")
    sim.add_call("RGB-down", NOON + timedelta(minutes=1), fault="server_error", fault_times=99)
    everything = definitions_with_checks(lane_assets())
    with sim.serve() as server:
        resources = lane_resources(db_url, server.url, tmp_path / "vault")
        failed = dg.materialize(
            everything,
            selection=["ringba_calls", "vaulted_audio"],
            partition_key=DAY.isoformat(),
            instance=dagster_instance,
            resources=resources,
            raise_on_error=False,
        )
        assert not failed.success
        assert ("vaulted_audio", "no_retryable_failures") not in check_evaluations(
            failed
        )  # skipped by Dagster

        # what the lane_checks_after_runs sensor asks for: the day's checks, on their own
        checks_job = dg.define_asset_job(
            "vault_checks", selection=dg.AssetSelection.checks_for_assets("vaulted_audio")
        )
        checks = (
            dg.Definitions(
                assets=everything[:4], asset_checks=everything[4:], jobs=[checks_job], resources=resources
            )
            .resolve_job_def("vault_checks")
            .execute_in_process(instance=dagster_instance, tags={"dagster/partition": DAY.isoformat()})
        )
    retryable = check_evaluations(checks)[("vaulted_audio", "no_retryable_failures")]
    assert not retryable.passed and retryable.partition == DAY.isoformat()
    assert "RGB-down (transient: recording download got HTTP 500" in retryable.description


@pytest.mark.parametrize(
    ("status", "tags", "expected"),
    [
        pytest.param(
            dg.DagsterRunStatus.SUCCESS,
            {"callscript/lane/vault": "2026-11-20", "dagster/partition": "2026-11-20"},
            {},
            id="checked-in-run",
        ),
        pytest.param(
            dg.DagsterRunStatus.FAILURE,
            {
                "callscript/lane/ingest": "2026-11-20",
                "callscript/lane/vault": "2026-11-20",
                "dagster/partition": "2026-11-20",
            },
            {DAY: {Lane.VAULT}},
            id="failed-step",
        ),
        pytest.param(
            dg.DagsterRunStatus.FAILURE,
            {"callscript/lane/ingest": "2026-11-20", "dagster/partition": "2026-11-20"},
            {},
            id="failed-minute-ingest",
        ),
        pytest.param(
            dg.DagsterRunStatus.SUCCESS,
            {
                "callscript/lane/ingest": "2026-11-19...2026-11-20",
                "callscript/lane/vault": "2026-11-19...2026-11-20",
                "dagster/asset_partition_range_start": "2026-11-19",
                "dagster/asset_partition_range_end": "2026-11-20",
            },
            {DAY - timedelta(days=1): {Lane.INGEST, Lane.VAULT}, DAY: {Lane.INGEST, Lane.VAULT}},
            id="backfill-range",
        ),
        pytest.param(
            dg.DagsterRunStatus.FAILURE, {"dagster/partition": "2026-11-20"}, {}, id="not-a-lane-run"
        ),
    ],
)
def test_which_days_a_lane_run_left_unchecked(status, tags, expected) -> None:
    assert unchecked_lane_days(status, tags) == expected


def test_the_sensor_asks_for_a_check_run_per_unchecked_day(dagster_instance) -> None:
    assets = lane_assets()
    lanes = {
        Lane.INGEST: "ringba_calls",
        Lane.VAULT: "vaulted_audio",
        Lane.FACTORY: "transcripts",
        Lane.JUDGE: "judgments",
    }
    sensor = build_lane_checks_sensor({lane: assets[name] for lane, name in lanes.items()})
    everything = definitions_with_checks(assets)
    definitions = dg.Definitions(
        assets=everything[:4],
        asset_checks=everything[4:],
        sensors=[sensor],
        resources=lane_resources(
            "postgresql://unused"
        ),  # nothing connects: the sensor reads run records only
    )

    def tick(cursor):
        with dg.build_sensor_context(
            instance=dagster_instance, cursor=cursor, definitions=definitions
        ) as context:
            return sensor.evaluate_tick(context)

    first = tick(None)  # a new deployment starts from now
    assert not first.run_requests and first.cursor
    backfill = dagster_instance.add_run(
        dg.DagsterRun(
            job_name="__ASSET_JOB",
            run_id=str(uuid.uuid4()),
            status=dg.DagsterRunStatus.SUCCESS,
            tags={
                "callscript/lane/vault": "2026-11-19...2026-11-20",
                "callscript/lane/factory": "2026-11-19...2026-11-20",
                "dagster/asset_partition_range_start": "2026-11-19",
                "dagster/asset_partition_range_end": "2026-11-20",
            },
        )
    )
    second = tick(first.cursor)
    asked = {
        (r.tags["dagster/partition"], tuple(sorted(k.to_user_string() for k in r.asset_check_keys)))
        for r in second.run_requests
    }
    vault_and_factory = tuple(
        sorted(
            f"{asset}:{check.value}"
            for asset in ("vaulted_audio", "transcripts")
            for check in check_names(Lane.VAULT)
        )
    )
    assert asked == {("2026-11-19", vault_and_factory), ("2026-11-20", vault_and_factory)}
    assert all(
        r.tags[CHECKS_FOR_RUN_TAG] == backfill.run_id and not r.asset_selection for r in second.run_requests
    )
    assert not tick(second.cursor).run_requests  # each run once


def test_a_range_run_counts_each_day_and_leaves_its_checks_to_per_day_runs(
    db_url, db, dagster_instance, tmp_path
) -> None:
    days = [DAY, DAY + timedelta(days=1)]
    sim = RingbaSimulator(calls_per_day=0)
    for i, day in enumerate(days):
        sim.add_call(
            f"RGB-{i}",
            datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            recording="compliant_stereo.mp3",
        )
    assets = lane_assets()
    everything = definitions_with_checks(assets)
    with sim.serve() as server:
        job = dg.Definitions(
            assets=everything[:4],
            asset_checks=everything[4:],
            resources=lane_resources(db_url, server.url, tmp_path / "vault"),
        ).resolve_implicit_global_asset_job_def()
        result = job.execute_in_process(
            instance=dagster_instance,
            asset_selection=[assets["ringba_calls"].key],
            tags={
                "dagster/asset_partition_range_start": days[0].isoformat(),
                "dagster/asset_partition_range_end": days[1].isoformat(),
            },
        )
    assert result.success
    assert result.get_asset_check_evaluations() == []  # nothing a day could be mistaken for
    totals = db.execute(
        "SELECT partition_date, reported_total, fetched FROM core.ingest_totals ORDER BY 1"
    ).fetchall()
    assert [(t["partition_date"], t["reported_total"], t["fetched"]) for t in totals] == [
        (d, 1, 1) for d in days
    ]
