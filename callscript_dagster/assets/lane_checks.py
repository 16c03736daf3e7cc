"""The lane assets' checks, per partition (see `callscript_dagster.calls.checks` for what they check).

Dagster runs a lane asset's checks in the same run, after the asset, for the run's partition; an operator can
also execute them for any partition from the UI. Where Dagster cannot attribute a result to a day — a run over a
range of days (every backfill: one run covers the range), or a run whose lane step failed (its checks are
skipped) — the `lane_checks_after_runs` sensor asks for a run of the checks of each of those days.
"""

import warnings
from collections.abc import Iterator
from datetime import date, timedelta

import dagster as dg

from callscript_dagster.calls.checks import (
    CHECK_DESCRIPTIONS,
    CheckLimits,
    CheckOutcome,
    check_names,
    evaluate_checks,
)
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.resources.database import DatabaseResource


def build_lane_checks(
    lane_assets: dict[Lane, dg.AssetsDefinition], *, max_permanent_failure_rate: float
) -> list[dg.AssetChecksDefinition]:
    """One multi-check per lane asset, each check partitioned like its asset."""
    return [_lane_checks(lane, asset, max_permanent_failure_rate) for lane, asset in lane_assets.items()]


def _lane_checks(lane: Lane, asset: dg.AssetsDefinition, max_permanent_failure_rate: float):
    # Partitioned asset checks are a preview in Dagster 1.13, and exactly what "checks per day" needs.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=dg.PreviewWarning)
        specs = [
            dg.AssetCheckSpec(
                name.value,
                asset=asset.key,
                description=CHECK_DESCRIPTIONS[name],
                partitions_def=asset.partitions_def,
            )
            for name in check_names(lane)
        ]

    @dg.multi_asset_check(
        specs=specs,
        name=f"{asset.key.to_python_identifier()}_checks",
        can_subset=True,
        description=f"What the {lane.value} lane's day is missing, from the system of record.",
    )
    def lane_checks(
        context: dg.AssetCheckExecutionContext, database: DatabaseResource
    ) -> Iterator[dg.AssetCheckResult]:
        limits = CheckLimits(
            claim_timeout=timedelta(seconds=database.claim_timeout_seconds),
            max_permanent_failure_rate=max_permanent_failure_rate,
        )
        if not context.has_partition_key:
            # A range of days in one run (a backfill): Dagster can attribute a check result to one partition only,
            # so these days are checked by runs of their own, which lane_checks_after_runs asks for.
            context.log.info(f"{len(context.partition_keys)} days in one run: checked day by day, separately")
            return
        selected = {key.name for key in context.selected_asset_check_keys}
        with database.pool().connection() as conn:
            outcomes = evaluate_checks(conn, lane, date.fromisoformat(context.partition_key), limits)
        for outcome in outcomes:
            if outcome.name in selected:
                yield dg.AssetCheckResult(
                    asset_key=asset.key,
                    check_name=outcome.name.value,
                    passed=outcome.passed,
                    severity=_severity(outcome),
                    description=outcome.description,
                    metadata=outcome.metadata,
                )

    return lane_checks


def _severity(outcome: CheckOutcome) -> dg.AssetCheckSeverity:
    return dg.AssetCheckSeverity.WARN if outcome.warn_only else dg.AssetCheckSeverity.ERROR
