"""Dagster glue shared by the per-call lane assets: run the lane for the partition, report, and fail the
partition only for what a retry can fix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import dagster as dg
from dagster._core.storage.dagster_run import IN_PROGRESS_RUN_STATUSES

from callscript_dagster.calls.lanes import Lane, LaneReport, WorkFunction, run_lane
from callscript_dagster.partitions import partition_days
from callscript_dagster.resources.database import DatabaseResource


def lane_asset(
    name: str,
    lane: str,
    *,
    partitions_def: dg.PartitionsDefinition,
    upstream: dg.AssetsDefinition | None,
    kinds: set[str],
    **asset_args: Any,
) -> Callable:
    """`dg.asset` with what every lane asset shares: the daily partitions, the `calls` group, the lane tag the
    sensors and run queue use, and single-run backfills (one run pages through a whole date range, which is
    what Ringba's rate limit and the per-run overhead favour)."""
    return dg.asset(
        name=name,
        deps=[upstream] if upstream else None,
        partitions_def=partitions_def,
        group_name="calls",
        kinds=kinds,
        tags={"callscript/lane": str(lane)},
        backfill_policy=dg.BackfillPolicy.single_run(),
        **asset_args,
    )


def materialize_lane(
    context: dg.AssetExecutionContext,
    *,
    lane: Lane,
    database: DatabaseResource,
    work: WorkFunction,
    concurrency: int,
    work_version: str | None = None,
    summarize: Callable[[LaneReport], dict[str, Any]] | None = None,
) -> dg.MaterializeResult:
    """Run `lane` over the partition's calls (`summarize` adds lane-specific metadata). Permanent failures are recorded and the partition succeeds;
    transient ones left after in-run retries make it fail — after everything else is committed — so the UI
    shows it failed and re-materializing retries exactly those calls."""
    report = run_lane(
        lane=lane,
        pool=database.pool(),
        days=partition_days(context),
        run_id=context.run_id,
        work=work,
        live_run_ids=lambda: context.instance.get_run_ids(dg.RunsFilter(statuses=IN_PROGRESS_RUN_STATUSES)),
        log=context.log,
        concurrency=concurrency,
        work_version=work_version,
        claim_timeout=timedelta(seconds=database.claim_timeout_seconds),
    )
    metadata = {**report.metadata(), **(summarize(report) if summarize else {})}
    if report.held_elsewhere:
        raise dg.Failure(
            description=(
                f"{len(report.held_elsewhere)} calls are still claimed by other runs that kept their claims "
                f"alive ({_held_calls(report.held_elsewhere)}). Everything else is committed; re-materialize "
                "the partition once those runs have ended."
            ),
            metadata=metadata,
        )
    if report.retryable_left:
        raise dg.Failure(
            description=(
                f"{len(report.retryable_left)} of {report.to_do} calls failed with retryable errors after "
                f"in-run retries ({report.summary()}). Everything else is committed; re-materialize the "
                "partition to retry exactly those calls."
            ),
            metadata=metadata,
        )
    return dg.MaterializeResult(metadata=metadata)


def _held_calls(held: list[tuple[str, str]]) -> str:
    shown = ", ".join(f"{call_id} by run {run_id}" for call_id, run_id in held[:5])
    return shown + (f" and {len(held) - 5} more" if len(held) > 5 else "")
