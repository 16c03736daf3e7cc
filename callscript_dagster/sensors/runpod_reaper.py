"""Pods of ours that outlived their run: found on RunPod, deleted, and reported on the run they served."""

from __future__ import annotations

from datetime import UTC, datetime

import dagster as dg

from callscript_dagster.launcher.runpod import run_id_of_pod
from callscript_dagster.resources.runpod import RunPodResource
from callscript_dagster.runpod.client import Pod


def pod_age_seconds(pod: Pod, now: datetime) -> float | None:
    if not pod.created_at:
        return None
    created = datetime.fromisoformat(pod.created_at.replace("Z", "+00:00"))
    return (now - created).total_seconds()


def why_orphaned(
    pod: Pod,
    run: dg.RunRecord | None,
    max_age_seconds: int,
    now: datetime,
    grace_seconds: float = 0,
) -> str | None:
    """Why this pod of ours should not exist any more, or None while its run still needs it (or, just after
    the run ended, while the still running pod is about to delete itself)."""
    if run is None:
        return "its run does not exist"
    if run.dagster_run.is_finished:
        ended_ago = now.timestamp() - run.end_time if run.end_time else None
        still_up = pod.status not in ("EXITED", "ERROR")  # an exited pod's entrypoint is gone
        if still_up and ended_ago is not None and ended_ago < grace_seconds:
            return None
        return f"its run ended ({run.dagster_run.status.value})"
    age = pod_age_seconds(pod, now)
    if age is not None and age > max_age_seconds:
        return f"it is {age / 3600:.1f} h old (limit {max_age_seconds / 3600:g} h)"
    return None


@dg.sensor(
    name="runpod_pod_reaper",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Deletes RunPod pods of ours whose run finished, is missing or is older than the limit (a pod "
    "that could not delete itself bills until deleted), and reports each on its run's event log.",
)
def runpod_pod_reaper(context: dg.SensorEvaluationContext, runpod: RunPodResource):
    if not runpod.enabled:
        return dg.SkipReason("RunPod is not configured (RUNPOD_API_KEY)")
    now = datetime.now(UTC)
    deleted, failed = [], []
    with runpod.client() as client:
        for pod in client.list_pods():
            run_id = run_id_of_pod(pod.name)
            if run_id is None or pod.status == "TERMINATED":
                continue  # not ours, or already gone
            record = context.instance.get_run_record_by_id(run_id)
            reason = why_orphaned(
                pod, record, runpod.max_pod_age_seconds, now, runpod.self_delete_grace_seconds
            )
            if reason is None:
                continue
            try:
                client.delete_pod(pod.id)
            except Exception as exc:  # noqa: BLE001 - reported, and tried again next tick
                failed.append(pod.id)
                context.log.error(f"orphan RunPod pod {pod.id} ({reason}) could not be deleted: {exc}")
                continue
            deleted.append(pod.id)
            message = f"Deleted orphan RunPod pod {pod.id} ({pod.status}, {pod.gpu_type}): {reason}"
            context.log.warning(message)
            if record is not None:
                context.instance.report_engine_event(message, record.dagster_run)
    return dg.SkipReason(f"{len(deleted)} orphan pods deleted, {len(failed)} could not be deleted")
