"""Near-real-time ingest: today's partition every minute, and one closing pass for every day that ended.

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

from callscript_dagster.calls.lanes import Lane
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
    ringba_calls: dg.AssetsDefinition,
    partitions: dg.DailyPartitionsDefinition,
    *,
    enabled: bool,
    clock: Callable[[], datetime] = _utc_now,
) -> dg.SensorDefinition:
    """`enabled`: a Ringba account is configured. `clock` is the wall clock (tests pass a fixed one)."""
    tz = ZoneInfo(partitions.timezone or "UTC")
    first_day = partitions.start.astimezone(tz).date()

    @dg.sensor(
        name="ringba_ingest_today",
        target=ringba_calls,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Ingests today's partition from Ringba every minute, and gives every day that ended one "
        "closing pass so late-logged calls are not missed (after downtime, every day since the last closed one).",
    )
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
            requests.append(_ingest_request(day, run_key=f"ingest-close:{day}"))
            closed += timedelta(days=1)
        if (Lane.INGEST, today.isoformat()) in in_progress:
            waiting.append(today.isoformat())
        else:
            requests.append(_ingest_request(today.isoformat(), run_key=f"ingest:{today}:{now:%H%M}"))
        context.update_cursor(json.dumps({"closed_through": closed.isoformat()}))
        return requests or dg.SkipReason(f"ingest of {', '.join(waiting)} still running")

    return ringba_ingest_today


def _ingest_request(day: str, run_key: str) -> dg.RunRequest:
    return dg.RunRequest(partition_key=day, run_key=run_key, tags=lane_partition_tags([Lane.INGEST], day))
