"""Runs whose worker is gone, and the calls they held: found, marked and released."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import dagster as dg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query
from callscript_dagster.error_reporting import sensor_errors_reported
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.run_tags import IN_PROGRESS_STATUSES, RunsInProgress


@dg.sensor(
    name="claims_reaper",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Marks runs whose worker was lost (no heartbeat and no refreshed claim for the claim timeout) as "
    "failed, so they stop blocking their lane, day and pool, and releases claims held by runs that are no "
    "longer in progress, so their calls can be picked up again.",
)
@sensor_errors_reported
def claims_reaper(context: dg.SensorEvaluationContext, database: DatabaseResource):
    timeout = timedelta(seconds=database.claim_timeout_seconds)
    lost = fail_lost_runs(context.instance, database.pool(), timeout)
    for run_id, seconds in lost:
        context.log.warning(
            f"run {run_id} lost its worker ({seconds:.0f} s without a sign of life): marked failed"
        )
    live = RunsInProgress(context.instance).run_ids
    with database.pool().connection() as conn:
        released = conn.execute(
            query("release_zombies"),
            {"lane": None, "days": None, "run_id": None, "timeout": timeout, "live_run_ids": live},
        ).fetchall()
    if released:
        context.log.warning(f"released {len(released)} claims of stopped runs")
    return dg.SkipReason(f"{len(lost)} lost runs marked failed, {len(released)} stale claims released")


def fail_lost_runs(
    instance: dg.DagsterInstance, pool: ConnectionPool, timeout: timedelta
) -> list[tuple[str, float]]:
    """Mark failed every run Dagster still has in progress whose workers showed no sign of life (heartbeat,
    refreshed claim) for `timeout`: its process group was killed with the host or container, so nothing is left
    to report it. Returns (run id, seconds since its last sign of life) of the runs marked."""
    with pool.connection() as conn:
        candidates = conn.execute(query("lost_run_candidates"), {"timeout": timeout}).fetchall()
    marked, forget = [], []
    for row in candidates:
        record = instance.get_run_record_by_id(row["run_id"])
        if record is not None and record.dagster_run.status in IN_PROGRESS_STATUSES:
            silent = (datetime.now(UTC) - row["last_sign_of_life"]).total_seconds()
            instance.report_run_failed(
                record.dagster_run,
                f"The run's worker was lost: no heartbeat and no refreshed claim for {silent:.0f} s (claim "
                f"timeout {timeout.total_seconds():g} s). Its claims are released; re-materialize to finish.",
            )
            marked.append((row["run_id"], silent))
        forget.append(row["run_id"])
    if forget:
        with pool.connection() as conn:
            conn.execute(query("forget_run_heartbeats"), {"run_ids": forget})
    return marked
