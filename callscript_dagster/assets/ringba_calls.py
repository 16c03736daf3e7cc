"""Ingest lane: the partition's calls, from Ringba into core.calls."""

from zoneinfo import ZoneInfo

import dagster as dg

from callscript_dagster.assets.lanes import lane_asset
from callscript_dagster.calls.ingest import ingest_window
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource


def build_ringba_calls(partitions_def: dg.DailyPartitionsDefinition) -> dg.AssetsDefinition:
    @lane_asset(
        "ringba_calls", "ingest", partitions_def=partitions_def, upstream=None, kinds={"ringba", "postgres"}
    )
    def ringba_calls(
        context: dg.AssetExecutionContext, ringba: RingbaResource, database: DatabaseResource
    ) -> dg.MaterializeResult:
        """Every call Ringba logged in the partition's day (business timezone), upserted into `core.calls`.

        Idempotent: re-running changes nothing unless Ringba changed a call (a new recording URL, say).
        Malformed records are rejected into `core.ingest_rejections` with a reason; the rest of the page lands.
        New calls become pending for the vault lane."""
        window = context.partition_time_window
        tz = ZoneInfo(partitions_def.timezone or "UTC")
        with ringba.open_client(
            on_retry=lambda exc, wait: context.log.warning(f"{exc}; retrying in {wait:.1f}s")
        ) as client:
            report = ingest_window(
                client,
                database.pool(),
                window.start,
                window.end,
                tz=tz,
                run_id=context.run_id,
                log=context.log,
            )
        return dg.MaterializeResult(metadata=report.metadata())

    return ringba_calls
