"""Lane work, near real time: the system of record says which lane of which day has calls waiting, and this
sensor asks for exactly those runs."""

from datetime import timedelta

import dagster as dg

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.db.sql import query
from callscript_dagster.error_reporting import sensor_errors_reported
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.run_tags import RunsInProgress, lane_partition_tags

# Lane-days asked for per tick at most (the newest first): a backlog of weeks drains over a few ticks.
MAX_LANE_DAYS_PER_TICK = 200


def build_lane_sensor(
    lane_assets: dict[Lane, dg.AssetsDefinition],
    partitions: dg.DailyPartitionsDefinition,
    *,
    max_auto_attempts: int,
) -> dg.SensorDefinition:
    """`max_auto_attempts`: the sensor stops retrying a failed call after that many attempts (an operator's
    re-materialization still retries it)."""
    first_day = partitions.start.date()

    @dg.sensor(
        name="lane_backlog",
        asset_selection=list(lane_assets.values()),
        minimum_interval_seconds=30,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Starts a run of a lane for every day with calls waiting in it (new, or retryable failures "
        "whose backoff has passed), one run per lane and day at a time.",
    )
    @sensor_errors_reported
    def lane_backlog(context: dg.SensorEvaluationContext, database: DatabaseResource):
        with database.pool().connection() as conn:
            backlog = conn.execute(
                query("lane_backlog"), {"max_attempts": max_auto_attempts, "limit": MAX_LANE_DAYS_PER_TICK}
            ).fetchall()
        last_day = partitions.get_last_partition_window().start.date() + timedelta(days=1)
        in_progress = RunsInProgress(context.instance)
        requests, waiting = [], []
        for row in backlog:
            lane, day = Lane(row["lane"]), row["partition_date"]
            key = day.isoformat()
            if lane not in lane_assets:
                continue
            if not first_day <= day <= last_day:
                context.log.warning(f"{row['calls']} {lane} calls of {key} lie outside the partitions")
                continue
            if (lane, key) in in_progress:
                waiting.append(f"{lane}:{key}")
                continue
            requests.append(
                dg.RunRequest(
                    asset_selection=[lane_assets[lane].key],
                    partition_key=key,
                    tags=lane_partition_tags([lane], key),
                )
            )
        if not requests:
            return dg.SkipReason(f"no lane work waiting ({len(waiting)} lane-days already running)")
        return requests

    return lane_backlog
