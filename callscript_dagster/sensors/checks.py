"""Asset checks for the days a lane run could not check itself.

Dagster runs a lane asset's checks after the asset, in the same run, and attributes their results to the run's
partition. Two kinds of run leave days unchecked: a run whose lane step failed (Dagster skips its checks — when
they have the most to say), and a run over a range of days (every backfill: Dagster cannot attribute a result to
one day of a range). For each such run that ended, this sensor asks for a run of the checks of each of its days.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, date, datetime

import dagster as dg

from callscript_dagster.calls.checks import check_names
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.error_reporting import sensor_errors_reported
from callscript_dagster.run_tags import PARTITION_TAG, RANGE_START_TAG, lane_days

ENDED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
CHECKS_FOR_RUN_TAG = "callscript/checks-for-run"
# Runs looked at per tick at most (oldest first); more wait for the next tick.
MAX_RUNS_PER_TICK = 100


def unchecked_lane_days(status: dg.DagsterRunStatus, tags: dict[str, str]) -> dict[date, set[Lane]]:
    """The days (and their lanes) a lane run that ended left without check results: every day of a range, and
    the per-call lanes' days of a run that failed (the checks of a failed ingest have nothing new to say)."""
    days: dict[date, set[Lane]] = defaultdict(set)
    if RANGE_START_TAG in tags:
        pairs = lane_days(tags)
    elif status is not dg.DagsterRunStatus.SUCCESS:
        pairs = [(lane, day) for lane, day in lane_days(tags) if lane is not Lane.INGEST]
    else:
        pairs = []
    for lane, day in pairs:
        days[day].add(lane)
    return dict(days)


def build_lane_checks_sensor(lane_assets: dict[Lane, dg.AssetsDefinition]) -> dg.SensorDefinition:
    check_keys = {
        lane: [dg.AssetCheckKey(asset.key, name.value) for name in check_names(lane)]
        for lane, asset in lane_assets.items()
    }

    @dg.sensor(
        name="lane_checks_after_runs",
        target=dg.AssetSelection.checks(*(key for keys in check_keys.values() for key in keys)),
        minimum_interval_seconds=30,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Runs the asset checks of every day a lane run could not check itself: the days of a "
        "backfill (one run covers the range) and of a run whose lane step failed (Dagster skips its checks).",
    )
    @sensor_errors_reported
    def lane_checks_after_runs(context: dg.SensorEvaluationContext):
        cursor = json.loads(context.cursor) if context.cursor else None
        if cursor is None:  # a new deployment: from now on
            context.update_cursor(json.dumps({"updated_after": datetime.now(UTC).timestamp()}))
            return dg.SkipReason("started: checking the days of lane runs that end from now on")
        since = datetime.fromtimestamp(cursor["updated_after"], UTC)
        records = context.instance.get_run_records(
            filters=dg.RunsFilter(statuses=ENDED, updated_after=since),
            limit=MAX_RUNS_PER_TICK,
            order_by="update_timestamp",
            ascending=True,
        )
        requests = []
        for record in records:
            run = record.dagster_run
            for day, lanes in sorted(unchecked_lane_days(run.status, run.tags).items()):
                keys = [
                    key for lane in sorted(lanes, key=list(Lane).index) for key in check_keys.get(lane, [])
                ]
                if keys:
                    requests.append(
                        # The day goes in as Dagster's partition tag, not `partition_key`: Dagster 1.13 finds no
                        # partitions definition for a run of checks alone, yet attributes their results to the
                        # run's partition tag.
                        dg.RunRequest(
                            run_key=f"checks:{run.run_id}:{day.isoformat()}",
                            asset_selection=[],
                            asset_check_keys=keys,
                            tags={PARTITION_TAG: day.isoformat(), CHECKS_FOR_RUN_TAG: run.run_id},
                        )
                    )
        if records:
            context.update_cursor(json.dumps({"updated_after": records[-1].update_timestamp.timestamp()}))
        return requests or dg.SkipReason(
            f"{len(records)} lane runs ended; every day they worked on is checked"
        )

    return lane_checks_after_runs
