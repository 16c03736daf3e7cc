"""Dagster glue shared by the lane assets: what every lane asset declares (`lane_asset`), and for the per-call
lanes, running the lane for the partition, reporting, and failing the partition only for what a retry can fix
(`materialize_lane`)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import dagster as dg

from callscript_dagster.calls.lanes import Lane, LaneReport, WorkFunction, run_lane
from callscript_dagster.error_reporting import flush as flush_error_reports
from callscript_dagster.error_reporting import report_exception
from callscript_dagster.partitions import partition_days
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.run_tags import LANE_ASSET_NAMES, RunsInProgress


def lane_asset(
    lane: Lane,
    *,
    partitions_def: dg.PartitionsDefinition,
    upstream: dg.AssetsDefinition | None,
    kinds: set[str],
    **asset_args: Any,
) -> Callable:
    """`dg.asset` with what every lane asset shares: the daily partitions, the `calls` group, the lane tag the
    sensors and run queue use, and single-run backfills (one run pages through a whole date range, which is
    what Ringba's rate limit and the per-run overhead favour)."""

    def decorate(fn: Callable) -> dg.AssetsDefinition:
        # BackfillPolicy is marked beta, yet single-run backfills are what make historical loads cheap here:
        # silence exactly that warning, here only.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")
            return dg.asset(
                name=LANE_ASSET_NAMES[lane],
                deps=[upstream] if upstream else None,
                partitions_def=partitions_def,
                group_name="calls",
                kinds=kinds,
                tags={"callscript/lane": lane.value},
                backfill_policy=dg.BackfillPolicy.single_run(),
                **asset_args,
            )(fn)

    return decorate


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
    """Run `lane` over the partition's calls (`summarize` adds lane-specific metadata). Permanent failures are
    recorded and the partition succeeds; transient ones left after in-run retries make it fail — after
    everything else is committed — so the UI shows it failed and re-materializing retries exactly those calls."""
    days = partition_days(context)
    tags = {
        "lane": lane.value,
        "partition": f"{days[0]}..{days[-1]}" if len(days) > 1 else (days[0].isoformat() if days else None),
        "run_id": context.run_id,
        "asset": context.asset_key.to_user_string(),
    }
    once_per = (context.run_id, tags["asset"])  # one event per step and exception type
    try:
        report = run_lane(
            lane=lane,
            pool=database.pool(),
            days=days,
            run_id=context.run_id,
            work=work,
            live_run_ids=lambda: RunsInProgress(context.instance).run_ids,
            log=context.log,
            concurrency=concurrency,
            work_version=work_version,
            claim_timeout=timedelta(seconds=database.claim_timeout_seconds),
            retry_wait=database.retry_wait_seconds,
            on_failure=lambda call, exc: report_exception(exc, tags=tags, once_per=once_per),
        )
    except Exception as exc:  # the lane stopped (configuration, database gone): Dagster fails the step
        report_exception(exc, tags=tags, once_per=once_per)
        raise
    finally:
        flush_error_reports()  # the run worker may exit right after this step
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
