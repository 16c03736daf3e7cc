"""RunPod without Dagster's processes: the client against the simulator over HTTP (capacity fallback, rate
limits, a refused key), the pod entrypoint deleting its own pod, the pod reaper sensor, and how switching RunPod
on changes the deployment (dagster.yaml's launcher, the near-real-time lanes)."""

from __future__ import annotations

import sys
import time

import dagster as dg
import pytest
import yaml

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.definitions import build_definitions, realtime_lanes
from callscript_dagster.instance import dagster_yaml_text
from callscript_dagster.launcher.runpod import pod_name
from callscript_dagster.resources.runpod import RunPodResource
from callscript_dagster.runpod import NoCapacityError, PodSpec, RunPodClient, RunPodConfigurationError
from callscript_dagster.sensors.runpod_reaper import runpod_pod_reaper
from callscript_dagster.settings import Settings
from callscript_simulators.runpod import RunPodSimulator

GPUS = ["NVIDIA GeForce RTX 4090", "NVIDIA L4"]
# An image whose container just waits: pods that stay up until something deletes them.
IDLE = {"idle": [sys.executable, "-c", "import time; time.sleep(120)"]}


@pytest.fixture
def runpod():
    sim = RunPodSimulator(images=IDLE, provision_seconds=0, start_seconds=0)
    with sim.serve() as server:
        yield sim, server.url


def client_for(sim: RunPodSimulator, url: str, key: str | None = None) -> RunPodClient:
    return RunPodClient(key or sim.api_key, base_url=url, retry_wait_seconds=0.01)


def wait_until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_gpu_type_without_capacity_falls_back_to_the_next(runpod) -> None:
    sim, url = runpod
    sim.no_capacity.add(GPUS[0])
    with client_for(sim, url) as client:
        pod, tried = client.create_pod_with_fallback(PodSpec("p", "idle", ""), gpu_types=GPUS)
    assert (pod.gpu_type, tried) == (GPUS[1], [GPUS[0]])
    assert pod.cost_per_hour == pytest.approx(0.43)
    wait_until(lambda: sim.pods[pod.id].status == "RUNNING")


def test_no_capacity_anywhere_fails_naming_what_was_tried_and_leaves_no_pod(runpod) -> None:
    sim, url = runpod
    sim.no_capacity.update(GPUS)
    with client_for(sim, url) as client, pytest.raises(NoCapacityError) as failure:
        client.create_pod_with_fallback(PodSpec("p", "idle", ""), gpu_types=GPUS, data_centers=["EU-RO-1"])
    assert all(gpu in str(failure.value) for gpu in GPUS)
    assert sim.live_pods() == []


def test_a_refused_key_fails_at_once_naming_the_variable(runpod) -> None:
    sim, url = runpod
    with client_for(sim, url, key="rpa_wrong") as client, pytest.raises(RunPodConfigurationError) as failure:
        client.list_pods()
    assert "RUNPOD_API_KEY" in str(failure.value)
    assert len(sim.request_log) == 1  # not retried


def test_rate_limited_requests_wait_for_the_window_and_succeed(runpod) -> None:
    sim, url = runpod
    sim.rate_limit_next(2)
    with client_for(sim, url) as client:
        assert client.list_pods() == []
    statuses = [r.status for r in sim.request_log]
    assert statuses == [429, 429, 200]
    # the simulator's 429 says its window resets in 1 s; the client waited at least that long between tries
    assert sim.request_log[0].headers.get("authorization", "").startswith("Bearer ")


def test_deleting_a_pod_twice_is_success(runpod) -> None:
    sim, url = runpod
    with client_for(sim, url) as client:
        pod = client.create_pod(PodSpec("p", "idle", ""), gpu_type=GPUS[0])
        assert client.delete_pod(pod.id) is True
        assert client.delete_pod(pod.id) is False  # "not found": already gone
    assert sim.pods[pod.id].status == "TERMINATED"


def test_the_pod_runs_its_command_with_its_env_and_deletes_itself_whatever_the_exit_code(runpod) -> None:
    sim, url = runpod
    sim.images = None  # every image is CallScript's: the pod entrypoint runs the args
    script = "import os, sys; print('gpu', os.environ['CALLSCRIPT_GPU_TYPE'], os.environ['MY_SECRET']); sys.exit(3)"
    spec = PodSpec(
        "p",
        "callscript",
        f'{sys.executable} -c "{script}"',
        env={"MY_SECRET": "s3cr3t", "RUNPOD_API_URL": url},
    )
    with client_for(sim, url) as client:
        pod = client.create_pod(spec, gpu_type=GPUS[0])
    wait_until(lambda: sim.pods[pod.id].status == "TERMINATED")
    assert sim.pods[pod.id].deleted_by == "pod"
    assert f"gpu {GPUS[0]} s3cr3t" in sim.pod_log(pod.id)
    assert "exited with 3" in sim.pod_log(pod.id)
    # the secret travelled in the body only: not in any path, query or header
    assert not any("s3cr3t" in f"{r.path}?{r.query} {r.headers}" for r in sim.request_log)


def test_the_reaper_deletes_pods_of_finished_or_missing_runs_and_keeps_others(runpod) -> None:
    sim, url = runpod

    @dg.asset
    def trivial() -> None:
        return None

    with dg.instance_for_test() as instance:
        finished = dg.materialize([trivial], instance=instance).run_id
        with client_for(sim, url) as client:
            of_finished = client.create_pod(PodSpec(pod_name(finished), "idle", ""), gpu_type=GPUS[0])
            of_missing = client.create_pod(PodSpec(pod_name("gone-run-id"), "idle", ""), gpu_type=GPUS[0])
            not_ours = client.create_pod(PodSpec("someone-elses-notebook", "idle", ""), gpu_type=GPUS[0])
        # just after its run ended, a running pod is given time to delete itself
        patient = RunPodResource(api_key=sim.api_key, api_url=url, self_delete_grace_seconds=3600)
        with dg.build_sensor_context(instance=instance, resources={"runpod": patient}) as context:
            result = runpod_pod_reaper(context)
        assert "1 orphan pods deleted" in str(result.skip_message)
        assert sim.pods[of_finished.id].status != "TERMINATED"
        resource = RunPodResource(api_key=sim.api_key, api_url=url, self_delete_grace_seconds=0)
        with dg.build_sensor_context(instance=instance, resources={"runpod": resource}) as context:
            result = runpod_pod_reaper(context)
        assert "1 orphan pods deleted" in str(result.skip_message)
        assert sim.pods[of_finished.id].status == "TERMINATED"
        assert sim.pods[of_missing.id].status == "TERMINATED"
        assert sim.pods[not_ours.id].status != "TERMINATED"
        # reported on the run it served, not silently dropped
        logs = instance.all_logs(finished)
        assert any(f"Deleted orphan RunPod pod {of_finished.id}" in (e.message or "") for e in logs)


RUNPOD_ON = Settings(RUNPOD_API_KEY="rpa_must_not_leak", CALLSCRIPT_RUNPOD_IMAGE="ghcr.io/acme/callscript:1")


def test_switching_runpod_on_configures_the_launcher_without_writing_the_key() -> None:
    text = dagster_yaml_text(RUNPOD_ON)
    launcher = yaml.safe_load(text)["run_launcher"]
    assert launcher["class"] == "RunPodRunLauncher"
    assert launcher["config"]["api_key"] == {"env": "RUNPOD_API_KEY"}
    assert "CALLSCRIPT_DAGSTER_DATABASE_URL" in launcher["config"]["env_vars"]
    assert "RUNPOD_API_KEY" not in launcher["config"]["env_vars"]  # pods get a pod-scoped key from RunPod
    assert "rpa_must_not_leak" not in text
    assert text.count("run_launcher:") == 1  # in place of the local launcher, not beside it
    off = yaml.safe_load(dagster_yaml_text(Settings()))["run_launcher"]  # off: every run on this machine
    assert off == {"module": "callscript_dagster.launcher.local", "class": "LocalRunLauncher"}


def test_with_runpod_on_the_near_real_time_run_leaves_transcription_to_gpu_runs() -> None:
    assert realtime_lanes(Settings()) == [Lane.INGEST, Lane.VAULT, Lane.FACTORY, Lane.JUDGE]
    assert realtime_lanes(RUNPOD_ON) == [Lane.INGEST, Lane.VAULT]
    resource = build_definitions(RUNPOD_ON).resources["runpod"]
    assert resource.api_key == dg.EnvVar("RUNPOD_API_KEY")


def test_run_monitoring_sees_a_pulling_pod_as_alive_and_a_dead_or_deleted_one_as_lost(runpod) -> None:
    from callscript_dagster.launcher.dagster_internals import WorkerStatus
    from callscript_dagster.launcher.runpod import RunPodRunLauncher
    from callscript_dagster.run_tags import POD_TAG

    sim, url = runpod
    sim.start_seconds = 3600  # a cold image pull that takes its time
    launcher = RunPodRunLauncher(api_key=sim.api_key, api_url=url, image="idle", gpu_types=GPUS)
    with client_for(sim, url) as client:
        pod = client.create_pod(PodSpec("p", "idle", ""), gpu_type=GPUS[0])
    run = dg.DagsterRun(job_name="__ASSET_JOB", run_id="r1", tags={POD_TAG: pod.id})

    def status() -> WorkerStatus:
        return launcher.check_run_worker_health(run).status

    wait_until(lambda: sim.pods[pod.id].status == "STARTING")
    assert status() == WorkerStatus.RUNNING  # pulling its image: not dead
    sim.start_seconds = 0
    wait_until(lambda: sim.pods[pod.id].status == "RUNNING")
    assert status() == WorkerStatus.RUNNING
    sim.kill_pod(pod.id)
    assert status() == WorkerStatus.FAILED
    with client_for(sim, url) as client:
        client.delete_pod(pod.id)
    assert status() == WorkerStatus.NOT_FOUND
    # a local run worker is left to the claims_reaper: no verdict that would fail it
    assert (
        launcher.check_run_worker_health(dg.DagsterRun(job_name="j", run_id="r2")).status
        == WorkerStatus.RUNNING
    )


def test_a_pod_whose_command_cannot_start_still_deletes_itself(runpod) -> None:
    sim, url = runpod
    sim.images = None  # CallScript's image: the pod entrypoint runs the args
    spec = PodSpec("p", "callscript", "no-such-command --flag", env={"RUNPOD_API_URL": url})
    with client_for(sim, url) as client:
        pod = client.create_pod(spec, gpu_type=GPUS[0])
    wait_until(lambda: sim.pods[pod.id].status == "TERMINATED")
    assert sim.pods[pod.id].deleted_by == "pod"
    assert "exited with 127" in sim.pod_log(pod.id)
