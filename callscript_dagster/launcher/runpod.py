"""The GPU run launcher (dagster.yaml `run_launcher`, written there when RunPod is switched on).

Runs tagged `callscript/compute: gpu` (the run queue tags every run with the Factory lane) each get a RunPod pod
whose container runs exactly Dagster's run-worker command; every other run goes to the local launcher it wraps
(`LocalRunLauncher`), on this machine. Secrets travel as pod env only: the command line holds the run id, the code origin and
the instance's ref (env-var references), and tags, engine events and pod names hold no secret.

Pods never outlive their run: the pod's entrypoint (`callscript_dagster.runpod.pod`) deletes its pod when the
command ends, `terminate` deletes it, and the `runpod_pod_reaper` sensor deletes any pod of ours left behind.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from typing import Any

import dagster as dg

from callscript_dagster.launcher.dagster_internals import (
    CheckRunHealthResult,
    ConfigurableClass,
    ConfigurableClassData,
    EngineEventData,
    LaunchRunContext,
    RunLauncher,
    WorkerStatus,
    run_worker_command,
)
from callscript_dagster.launcher.local import LocalRunLauncher
from callscript_dagster.run_tags import GPU_TYPE_TAG, POD_TAG, needs_gpu
from callscript_dagster.runpod.client import (
    DEFAULT_API_URL,
    NoCapacityError,
    Pod,
    PodSpec,
    RunPodClient,
    RunPodConfigurationError,
)

POD_NAME_PREFIX = "callscript-run-"  # how the reaper recognises pods of ours
ERROR_CLASS_TAG = "callscript/error_class"
# The pod's own status → what run monitoring should conclude about the run's worker. A pod still being
# placed or pulling its image is alive (the run is STARTING meanwhile, bounded by start_timeout_seconds); a pod
# whose container exited while its run is still in progress lost its worker.
_WORKER_STATUS = {
    "PROVISIONING": WorkerStatus.RUNNING,
    "STARTING": WorkerStatus.RUNNING,
    "RUNNING": WorkerStatus.RUNNING,
    "EXITED": WorkerStatus.FAILED,
    "ERROR": WorkerStatus.FAILED,
    "TERMINATED": WorkerStatus.NOT_FOUND,
}


def pod_name(run_id: str) -> str:
    return f"{POD_NAME_PREFIX}{run_id}"


def run_id_of_pod(name: str) -> str | None:
    """The run id in a pod name of ours, or None for a pod that is not ours."""
    return name[len(POD_NAME_PREFIX) :] if name.startswith(POD_NAME_PREFIX) else None


class RunPodRunLauncher(RunLauncher, ConfigurableClass):
    """GPU runs on RunPod pods, every other run on the wrapped default launcher."""

    def __init__(
        self,
        *,
        api_key: str,
        image: str,
        gpu_types: list[str],
        api_url: str = DEFAULT_API_URL,
        data_centers: list[str] | None = None,
        cloud: str = "SECURE",
        disk_gb: int = 30,
        env_vars: list[str] | None = None,
        retry_wait_seconds: float = 1.0,
        inst_data: ConfigurableClassData | None = None,
    ) -> None:
        if not gpu_types:
            raise RunPodConfigurationError("CALLSCRIPT_RUNPOD_GPU_TYPES must name at least one GPU type")
        self._inst_data = inst_data
        self._api_key = api_key
        self._api_url = api_url
        self._image = image
        self._gpu_types = list(gpu_types)
        self._data_centers = list(data_centers or [])
        self._cloud = cloud
        self._disk_gb = disk_gb
        self._env_vars = [name for name in env_vars or [] if name != "RUNPOD_API_KEY"]  # pods get their own
        self._retry_wait = retry_wait_seconds
        self._local = LocalRunLauncher()
        super().__init__()

    # --- ConfigurableClass ----------------------------------------------------------------------------
    @property
    def inst_data(self) -> ConfigurableClassData | None:
        return self._inst_data

    @classmethod
    def config_type(cls) -> dict[str, Any]:
        return {
            "api_key": dg.Field(dg.StringSource, description="RunPod API key (use `env: RUNPOD_API_KEY`)."),
            "api_url": dg.Field(dg.StringSource, is_required=False, default_value=DEFAULT_API_URL),
            "image": dg.Field(dg.StringSource, description="The CallScript image pods run (deploy/runpod)."),
            "gpu_types": dg.Field(dg.Array(str), description="GPU type ids, in order of preference."),
            "data_centers": dg.Field(dg.Array(str), is_required=False, default_value=[]),
            "cloud": dg.Field(str, is_required=False, default_value="SECURE"),
            "disk_gb": dg.Field(int, is_required=False, default_value=30),
            "env_vars": dg.Field(
                dg.Array(str),
                is_required=False,
                default_value=[],
                description="Variables passed from the launcher's environment to each pod (set ones only).",
            ),
            "retry_wait_seconds": dg.Field(float, is_required=False, default_value=1.0),
        }

    @classmethod
    def from_config_value(
        cls, inst_data: ConfigurableClassData, config_value: Mapping[str, Any]
    ) -> RunPodRunLauncher:
        return cls(inst_data=inst_data, **config_value)

    def register_instance(self, instance) -> None:
        super().register_instance(instance)
        self._local.register_instance(instance)

    def _client(self) -> RunPodClient:
        return RunPodClient(self._api_key, base_url=self._api_url, retry_wait_seconds=self._retry_wait)

    # --- launching --------------------------------------------------------------------------------------
    def launch_run(self, context: LaunchRunContext) -> None:
        run = context.dagster_run
        if not needs_gpu(run.tags):
            self._local.launch_run(context)
            return
        spec = PodSpec(
            name=pod_name(run.run_id),
            image=self._image,
            args=shlex.join(run_worker_command(context, self._instance)),
            env=self._pod_env(),
            disk_gb=self._disk_gb,
            cloud=self._cloud,
        )
        try:
            with self._client() as client:
                pod, no_room = client.create_pod_with_fallback(
                    spec, gpu_types=self._gpu_types, data_centers=self._data_centers
                )
        except NoCapacityError as exc:
            self._fail_to_launch(
                run, f"{exc}. Transient: re-materialize later or add GPU types.", "transient"
            )
            return
        except RunPodConfigurationError as exc:
            self._fail_to_launch(run, str(exc), "configuration")
            return
        self._instance.add_run_tags(run.run_id, {POD_TAG: pod.id, GPU_TYPE_TAG: pod.gpu_type or ""})
        price = f"${pod.cost_per_hour:.2f}/h" if pod.cost_per_hour is not None else "price unknown"
        fell_back = f" (no capacity for {', '.join(no_room)})" if no_room else ""
        self._instance.report_engine_event(
            f"Launched on RunPod pod {pod.id}: {pod.gpu_type}, {price}{fell_back}",
            run,
            cls=self.__class__,
            engine_event_data=EngineEventData(
                {
                    "runpod_pod_id": pod.id,
                    "gpu_type": pod.gpu_type or "",
                    "cost_per_hour_usd": pod.cost_per_hour or 0.0,
                    "data_center": pod.data_center or "",
                }
            ),
        )

    def _pod_env(self) -> dict[str, str]:
        env = {name: os.environ[name] for name in self._env_vars if os.environ.get(name)}
        env["RUNPOD_API_URL"] = self._api_url  # where the pod's entrypoint deletes its own pod
        return env

    def _fail_to_launch(self, run, message: str, error_class: str) -> None:
        self._instance.add_run_tags(run.run_id, {ERROR_CLASS_TAG: error_class})
        self._instance.report_engine_event(message, run, cls=self.__class__)
        self._instance.report_run_failed(run, message)

    # --- stopping and watching ---------------------------------------------------------------------------
    def terminate(self, run_id: str) -> bool:
        run = self._instance.get_run_by_id(run_id)
        if run is None or POD_TAG not in run.tags:
            return self._local.terminate(run_id)
        if run.is_finished:
            return False
        self._instance.report_run_canceling(run)
        with self._client() as client:
            client.delete_pod(run.tags[POD_TAG])
        self._instance.report_run_canceled(run, f"Deleted RunPod pod {run.tags[POD_TAG]}")
        return True

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run) -> CheckRunHealthResult:
        pod_id = run.tags.get(POD_TAG)
        if not pod_id:
            # A local run worker: the claims_reaper sensor watches those through their heartbeats.
            return CheckRunHealthResult(WorkerStatus.RUNNING, "local run worker (watched by claims_reaper)")
        # RunPod's API failing after retries raises: the monitoring daemon logs it and asks again next poll,
        # where a verdict other than RUNNING would fail a run whose pod may well be fine.
        with self._client() as client:
            pod = client.get_pod(pod_id)
        if pod is None:
            return CheckRunHealthResult(WorkerStatus.NOT_FOUND, f"RunPod pod {pod_id} no longer exists")
        return CheckRunHealthResult(_WORKER_STATUS.get(pod.status, WorkerStatus.UNKNOWN), _describe(pod))

    def get_run_worker_debug_info(self, run, include_container_logs: bool | None = True) -> str | None:
        pod_id = run.tags.get(POD_TAG)
        return f"RunPod pod {pod_id} ({run.tags.get(GPU_TYPE_TAG, '?')})" if pod_id else None

    def dispose(self) -> None:
        self._local.dispose()

    def join(self, timeout: int = 30) -> None:
        self._local.join(timeout)


def _describe(pod: Pod) -> str:
    return f"RunPod pod {pod.id} is {pod.status}"
