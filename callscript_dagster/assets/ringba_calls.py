"""Ingest lane: the partition's calls, from Ringba into core.calls."""

from zoneinfo import ZoneInfo

import dagster as dg

from callscript_dagster.assets.lane_asset import lane_asset
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.ringba.ingest import ingest_window


def build_ringba_calls(partitions_def: dg.DailyPartitionsDefinition) -> dg.AssetsDefinition:
    @lane_asset(Lane.INGEST, partitions_def=partitions_def, upstream=None, kinds={"ringba", "postgres"})
    def ringba_calls(
        context: dg.AssetExecutionContext, ringba: RingbaResource, database: DatabaseResource
    ) -> dg.MaterializeResult:
        """Every call Ringba logged in the partition's day (business timezone), upserted into `core.calls`.

        Idempotent: re-running changes nothing unless Ringba changed a call (a new recording URL, say).
        Malformed records, and records outside the day asked for, are rejected into `core.ingest_rejections`
        with a reason; the rest of the page lands. New calls become pending for the vault lane."""
        window = context.partition_time_window
        report = ingest_window(
            ringba.client,
            database.pool(),
            window.start,
            window.end,
            tz=ZoneInfo(partitions_def.timezone or "UTC"),
            run_id=context.run_id,
            log=context.log,
        )
        return dg.MaterializeResult(metadata=report.metadata())

    return ringba_calls
