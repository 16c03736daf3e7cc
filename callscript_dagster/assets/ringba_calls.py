"""Ingest lane: the partition's calls, from Ringba into core.calls."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import dagster as dg
from pydantic import Field

from callscript_dagster.assets.lane_asset import lane_asset
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.partitions import partition_days
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.ringba.ingest import (
    advance_read_through,
    incremental_window,
    ingest_days,
    ingest_window,
    read_through,
)


class IngestConfig(dg.Config):
    """How much of the partition one ingest reads."""

    since_last_read: bool = Field(
        default=False,
        description="Near real time: only what Ringba logged since the last near-real-time read (less an "
        "overlap for calls logged late). Off: the whole partition (closing passes, backfills, re-runs).",
    )


def build_ringba_calls(partitions_def: dg.DailyPartitionsDefinition) -> dg.AssetsDefinition:
    tz = ZoneInfo(partitions_def.timezone or "UTC")

    @lane_asset(Lane.INGEST, partitions_def=partitions_def, upstream=None, kinds={"ringba", "postgres"})
    def ringba_calls(
        context: dg.AssetExecutionContext,
        config: IngestConfig,
        ringba: RingbaResource,
        database: DatabaseResource,
    ) -> dg.MaterializeResult:
        """Every call Ringba logged in the partition's day (business timezone), upserted into `core.calls`.

        Idempotent: re-running changes nothing unless Ringba changed a call (a new recording URL, say).
        Malformed records, and records outside the window asked for, are rejected into
        `core.ingest_rejections` with a reason; the rest of the page lands. New calls become pending for the
        vault lane.

        The near-real-time sensor reads only what is new since its last read (`since_last_read`), so its cost
        stays flat as the day fills up. Otherwise a range of days (a backfill) is read day by day, and Ringba's
        own count of each day's calls is kept (`core.ingest_totals`) for the completeness check."""
        pool = database.pool()
        if not config.since_last_read:
            windows = []
            for day in partition_days(context):
                window = partitions_def.time_window_for_partition_key(day.isoformat())
                windows.append((day, window.start, window.end))
            report = ingest_days(ringba.client, pool, windows, tz=tz, run_id=context.run_id, log=context.log)
            return dg.MaterializeResult(metadata=report.metadata())
        start, end = context.partition_time_window
        window = incremental_window(
            start,
            end,
            read_through(pool, ringba.account_id),
            datetime.now(UTC),
            timedelta(seconds=ringba.late_log_overlap_seconds),
        )
        if window is None:
            return dg.MaterializeResult(metadata={"fetched": 0, "window": "the partition has not begun"})
        report = ingest_window(ringba.client, pool, *window, tz=tz, run_id=context.run_id, log=context.log)
        advance_read_through(pool, ringba.account_id, window[1], context.run_id)
        return dg.MaterializeResult(
            metadata={**report.metadata(), "window": f"{window[0].isoformat()} .. {window[1].isoformat()}"}
        )

    return ringba_calls
