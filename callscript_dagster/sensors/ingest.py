"""Near-real-time ingest: today's new calls every few seconds, carried through the lanes in the same run, and one
closing pass for every day that ended.

Ringba logs some calls late, so a day is read once more after it ends. The cursor remembers the last day that
got its closing pass ("closed through"), not the time of the last tick: a closing pass that has to wait (the
day's own minute-run was still going at midnight) is asked for on a later tick, and after downtime every day
since the last closed one is closed, in order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import dagster as dg

from callscript_dagster.assets.ringba_calls import IngestConfig
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.error_reporting import sensor_errors_reported
from callscript_dagster.run_tags import RunsInProgress, lane_partition_tags

# After a long outage, close at most this many days per tick (each is a full-day pass at Ringba's rate limit).
MAX_DAYS_CLOSED_PER_TICK = 7


def _utc_now() -> datetime:
    return datetime.now(UTC)


def closed_through(cursor: str | None, today: date) -> date:
    """The last day known to have had its closing pass. A new deployment closes yesterday once."""
    if not cursor:
        return today - timedelta(days=2)
    if cursor.startswith("{"):
        return date.fromisoformat(json.loads(cursor)["closed_through"])
    # Cursors of the first version held the day of the last tick; the day before it had been closed.
    return date.fromisoformat(cursor) - timedelta(days=1)


def build_ingest_sensor(
    lane_assets: dict[Lane, dg.AssetsDefinition],
    partitions: dg.DailyPartitionsDefinition,
    *,
    enabled: bool,
    realtime_lanes: list[Lane],
    interval_seconds: int = 20,
    clock: Callable[[], datetime] = _utc_now,
) -> dg.SensorDefinition:
    """`enabled`: a Ringba account is configured. `realtime_lanes`: the lanes today's near-real-time run carries
    its new calls through (ingest first), so a call is judged minutes, not lane-sensor ticks, after Ringba logs
    it. `clock` is the wall clock (tests pass a fixed one)."""
    tz = ZoneInfo(partitions.timezone or "UTC")
    first_day = partitions.start.astimezone(tz).date()
    realtime = [lane_assets[lane].key for lane in realtime_lanes]
    since_last_read = dg.RunConfig(
        ops={lane_assets[Lane.INGEST].key.to_python_identifier(): IngestConfig(since_last_read=True)}
    )

    @dg.sensor(
        name="ringba_ingest_today",
        asset_selection=list(lane_assets.values()),
        minimum_interval_seconds=interval_seconds,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Near real time: reads what Ringba logged since its last read and carries the new calls through "
        "the lanes in the same run. Gives every day that ended one full closing pass so late-logged calls are "
        "not missed (after downtime, every day since the last closed one).",
    )
    @sensor_errors_reported
    def ringba_ingest_today(context: dg.SensorEvaluationContext):
        if not enabled:
            return dg.SkipReason("RINGBA_ACCOUNT_ID is not set: nothing to ingest from")
        now = clock().astimezone(tz)
        today = now.date()
        closed = max(closed_through(context.cursor, today), first_day - timedelta(days=1))
        in_progress = RunsInProgress(context.instance)
        requests, waiting = [], []
        while closed < today - timedelta(days=1) and len(requests) < MAX_DAYS_CLOSED_PER_TICK:
            day = (closed + timedelta(days=1)).isoformat()
            if (Lane.INGEST, day) in in_progress:
                waiting.append(day)  # its closing pass must start after that run: ask again next tick
                break
            requests.append(
                dg.RunRequest(
                    asset_selection=[lane_assets[Lane.INGEST].key],
                    partition_key=day,
                    run_key=f"ingest-close:{day}",
                    tags=lane_partition_tags([Lane.INGEST], day),
                )
            )
            closed += timedelta(days=1)
        key = today.isoformat()
        if any((lane, key) in in_progress for lane in realtime_lanes):
            waiting.append(key)
        else:
            requests.append(
                dg.RunRequest(
                    asset_selection=realtime,
                    partition_key=key,
                    run_key=f"realtime:{key}:{now:%H%M%S}",
                    run_config=since_last_read,
                    tags=lane_partition_tags(realtime_lanes, key),
                )
            )
        context.update_cursor(json.dumps({"closed_through": closed.isoformat()}))
        return requests or dg.SkipReason(f"ingest of {', '.join(waiting)} still running")

    return ringba_ingest_today
