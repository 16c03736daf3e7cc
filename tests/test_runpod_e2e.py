"""Transcription on RunPod, end to end: the real webserver and daemon (`dagster dev`) with the RunPod run launcher
switched on, real PostgreSQL, and the RunPod simulator over HTTP, whose pods really run Dagster's run worker as
local processes with only the env the launcher gave them.

One deployment serves the whole module (it takes a minute to start); the tests use different days."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import httpx
import psycopg
import pytest
from psycopg import sql
from psycopg.rows import dict_row

from callscript_dagster.backfills import DagsterWebserver
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.db.server import dagster_storage_url
from callscript_dagster.demo import dagster_dev
from callscript_dagster.instance import dagster_yaml_text
from callscript_dagster.processes import ProcessGroup
from callscript_dagster.run_tags import GPU_TYPE_TAG, POD_TAG, lane_tag
from callscript_dagster.settings import Settings
from callscript_simulators.ringba import RingbaSimulator
from callscript_simulators.runpod import RunPodSimulator

from conftest import _create_database, _drop_database
from harness import FLOW_ONLY_ENV, free_port, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]

GPUS = "NVIDIA GeForce RTX 4090,NVIDIA L4"
RINGBA_TOKEN = "ringba-token-that-must-not-leak"
RUNPOD_KEY = "rpa_key_that_must_not_leak"
TODAY = datetime.now(UTC).date()


@dataclass
class Deployment:
    ui: str
    runpod: RunPodSimulator
    ringba: RingbaSimulator
    instance: dg.DagsterInstance
    db: psycopg.Connection
    dagster: ProcessGroup
    log_path: Path
    secrets: list[str]

    def wait(self, condition, seconds: float, what: str):
        return wait_for(condition, seconds, what, self.dagster, self.tail)

    def tail(self) -> str:
        pods = "\n".join(
            f"--- pod {p.id} ({p.status}):\n{self.runpod.pod_log(p.id)[-1500:]}"
            for p in self.runpod.pods.values()
        )
        return self.log_path.read_text(errors="replace")[-3000:] + "\n" + pods

    def backfill(self, day: date, *assets: str) -> str:
        """Launch a partition backfill as the UI does (GraphQL) and return its id."""
        with DagsterWebserver(self.ui) as webserver:
            return webserver.launch_backfill([day], assets)

    def backfill_done(self, backfill_id: str, seconds: float = 420) -> str:
        def finished():
            status = self.instance.get_backfill(backfill_id).status.value
            return status if status not in ("REQUESTED", "CANCELING", "FAILING") else None

        return self.wait(finished, seconds, f"backfill {backfill_id}")

    def backfill_runs(self, backfill_id: str) -> list[dg.DagsterRun]:
        return list(self.instance.get_runs(dg.RunsFilter(tags={"dagster/backfill": backfill_id})))

    def query(self, statement: str, *params) -> list[dict]:
        return self.db.execute(statement, params).fetchall()


@pytest.fixture(scope="module")
def deployment(pg_server: str, template_database: str, tmp_path_factory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("runpod-e2e")
    core_db, dagster_db = (f"callscript_{k}_{uuid.uuid4().hex[:8]}" for k in ("rp", "rpdagster"))
    core_url = _create_database(pg_server, core_db, template=template_database)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dagster_db)))
    ringba = RingbaSimulator(calls_per_day=0, token=RINGBA_TOKEN)
    runpod = RunPodSimulator(api_key=RUNPOD_KEY, provision_seconds=1, start_seconds=2, logs_dir=tmp / "pods")
    (tmp / "pods").mkdir()
    home = tmp / "dagster"
    home.mkdir()
    log_path = tmp / "dagster.log"
    with (
        ringba.serve() as ringba_server,
        runpod.serve() as runpod_server,
        log_path.open("wb") as log,
        pytest.MonkeyPatch.context() as env_patch,
    ):
        settings_env = {
            "DATABASE_URL": core_url,
            "RINGBA_ACCOUNT_ID": ringba.account_id,
            "RINGBA_API_TOKEN": RINGBA_TOKEN,
            "RINGBA_BASE_URL": ringba_server.url,
            "RUNPOD_API_KEY": RUNPOD_KEY,
            "CALLSCRIPT_RUNPOD_IMAGE": "ghcr.io/acme/callscript:test",
            "CALLSCRIPT_RUNPOD_API_URL": runpod_server.url,
            "CALLSCRIPT_RUNPOD_GPU_TYPES": GPUS,
        }
        dagster_url = dagster_storage_url(pg_server, dagster_db)
        (home / "dagster.yaml").write_text(dagster_yaml_text(Settings(**settings_env)))
        env = {
            **os.environ,
            **settings_env,
            "CALLSCRIPT_DAGSTER_DATABASE_URL": dagster_url,
            "DAGSTER_HOME": str(home),
            "CALLSCRIPT_HOME": str(tmp / "home"),
            **FLOW_ONLY_ENV,
            "CALLSCRIPT_PARTITIONS_START": (TODAY - timedelta(days=6)).isoformat(),
            "CALLSCRIPT_RECORDING_HOSTS": "127.0.0.1",
            "CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES": "true",
            "PYTHONUNBUFFERED": "1",
        }
        # this process reads Dagster's storage too (runs, events), through the same dagster.yaml
        env_patch.setenv("CALLSCRIPT_DAGSTER_DATABASE_URL", dagster_url)
        env_patch.setenv("RUNPOD_API_KEY", RUNPOD_KEY)
        port = free_port()
        dagster = dagster_dev(port, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
        instance = dg.DagsterInstance.from_config(str(home))
        db = psycopg.connect(core_url, autocommit=True, row_factory=dict_row)
        secrets = [RINGBA_TOKEN, RUNPOD_KEY, dagster_url, core_url]
        deployment = Deployment(
            f"http://127.0.0.1:{port}", runpod, ringba, instance, db, dagster, log_path, secrets
        )
        try:
            deployment.wait(
                lambda: httpx.get(f"{deployment.ui}/server_info", timeout=5).is_success, 240, "the UI"
            )
            yield deployment
        finally:
            dagster.stop()
            db.close()
            instance.dispose()
            runpod.kill_all()
            _drop_database(pg_server, dagster_db)
            _drop_database(pg_server, core_db)


def add_calls(ringba: RingbaSimulator, day: date, prefix: str, n: int) -> list[str]:
    ids = [f"{prefix}-{i}" for i in range(n)]
    for i, call_id in enumerate(ids):
        recording = ("compliant_stereo.mp3", "no_disclosure_mono.mp3")[i % 2]
        ringba.add_call(
            call_id, datetime(day.year, day.month, day.day, 9 + i, tzinfo=UTC), recording=recording
        )
    return ids


def test_a_transcription_run_launched_from_the_ui_runs_on_a_pod_that_deletes_itself(deployment) -> None:
    day = TODAY - timedelta(days=2)
    calls = add_calls(deployment.ringba, day, "RGB-pod", 2)
    backfill = deployment.backfill(day, "ringba_calls", "vaulted_audio", "transcripts")
    assert deployment.backfill_done(backfill) == "COMPLETED_SUCCESS", deployment.tail()

    [run] = deployment.backfill_runs(backfill)
    pod_id, gpu = run.tags[POD_TAG], run.tags[GPU_TYPE_TAG]
    assert gpu == GPUS.split(",")[0]
    # the pod ran the run and deleted itself once the run worker exited
    pod = deployment.runpod.pods[pod_id]
    assert pod.name == f"callscript-run-{run.run_id}"
    deployment.wait(lambda: pod.status == "TERMINATED", 30, "the pod to delete itself")
    assert pod.deleted_by == "pod" and pod.exit_code in (None, 0)
    # an engine event says where the run went, and the materialization what the GPU cost
    messages = [e.message or "" for e in deployment.instance.all_logs(run.run_id)]
    assert any(f"Launched on RunPod pod {pod_id}: {gpu}, $0.69/h" in m for m in messages), messages
    [materialization] = [
        e.asset_materialization
        for e in deployment.instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
        if e.asset_materialization.asset_key == dg.AssetKey("transcripts")
    ]
    metadata = {k: v.value for k, v in materialization.metadata.items()}
    assert metadata["gpu_type"] == gpu and metadata["gpu_cost_per_hour_usd"] == pytest.approx(0.69)
    assert metadata["pod_seconds"] > 0 and metadata["pod_cost_usd"] > 0
    # every call of the day was transcribed, by that run
    done = deployment.query(
        "SELECT call_id, last_run_id FROM core.call_lanes WHERE lane = 'factory' AND status = 'done' "
        "AND call_id = ANY(%s) ORDER BY call_id",
        calls,
    )
    assert done == [{"call_id": c, "last_run_id": run.run_id} for c in calls]

    # Runs without the Factory lane (the near-real-time ingest, the lane sensor's judge runs) stay local.
    deployment.wait(
        lambda: (
            deployment.query(
                "SELECT count(*) AS n FROM core.call_lanes WHERE lane = 'judge' AND status = 'done' AND call_id = ANY(%s)",
                calls,
            )[0]["n"]
            == len(calls)
        ),
        240,
        "the lane sensor's judge run",
    )
    runs = deployment.instance.get_runs()
    local = [r for r in runs if lane_tag(Lane.FACTORY) not in r.tags]
    assert local and all(POD_TAG not in r.tags for r in local)
    on_pods = {r.run_id for r in runs if POD_TAG in r.tags}
    assert {p.name.removeprefix("callscript-run-") for p in deployment.runpod.pods.values()} <= on_pods

    # No secret in run tags, event messages, pod command lines or anything RunPod saw outside the
    # request body and the Authorization header.
    for secret in deployment.secrets:
        for r in runs:
            assert secret not in str(r.tags)
            assert all(secret not in (e.message or "") for e in deployment.instance.all_logs(r.run_id))
        for p in deployment.runpod.pods.values():
            assert secret not in p.args and secret not in p.name
        for request in deployment.runpod.request_log:
            headers = {k: v for k, v in request.headers.items() if k != "authorization"}
            assert secret not in f"{request.path}?{request.query} {headers}"


def test_a_pod_killed_mid_run_fails_the_run_and_a_rematerialization_finishes_every_call_once(
    deployment,
) -> None:
    day = TODAY - timedelta(days=3)
    calls = add_calls(deployment.ringba, day, "RGB-killed", 6)
    first = deployment.backfill(day, "ringba_calls", "vaulted_audio", "transcripts")

    def transcribed() -> int:
        return deployment.query("SELECT count(*) AS n FROM core.transcripts WHERE call_id = ANY(%s)", calls)[
            0
        ]["n"]

    deployment.wait(lambda: transcribed() >= 1, 300, "the first transcript of the day")
    [run] = deployment.backfill_runs(first)
    deployment.runpod.kill_pod(run.tags[POD_TAG])  # the host is lost mid-run
    killed_at = time.monotonic()
    assert transcribed() < len(calls), "the run finished before the pod could be killed"

    # run monitoring sees the dead pod and fails the run (poll interval 30 s)
    deployment.wait(
        lambda: deployment.instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE,
        120,
        "run monitoring to fail the run",
    )
    failure = [e.message or "" for e in deployment.instance.all_logs(run.run_id)]
    assert any("Detected run worker status" in m for m in failure), failure
    assert time.monotonic() - killed_at < 100
    # the claims reaper frees its calls
    deployment.wait(
        lambda: not deployment.query("SELECT 1 FROM core.call_lanes WHERE claimed_by = %s", run.run_id),
        150,
        "the dead run's claims to be released",
    )
    # re-materializing the day (or the lane sensor, whichever comes first) finishes every call exactly once
    again = deployment.backfill(day, "transcripts")
    assert deployment.backfill_done(again) == "COMPLETED_SUCCESS", deployment.tail()
    deployment.wait(lambda: transcribed() == len(calls), 120, "every call transcribed")
    finished = deployment.query(
        "SELECT call_id, count(*) AS n FROM core.call_events WHERE lane = 'factory' AND to_status = 'done' "
        "AND call_id = ANY(%s) GROUP BY call_id ORDER BY call_id",
        calls,
    )
    assert finished == [{"call_id": c, "n": 1} for c in sorted(calls)]
    # and no pod outlives its run: the dead run's pod (ERROR, billing) is deleted by the pod reaper
    deployment.wait(
        lambda: all(p.status == "TERMINATED" for p in deployment.runpod.pods.values()),
        150,
        "every pod to be deleted",
    )


TERMINATE_RUN = """
mutation($runId: String!) {
  terminateRun(runId: $runId) {
    __typename
    ... on TerminateRunFailure { message }
    ... on PythonError { message }
  }
}"""


def test_cancelling_a_run_on_a_pod_deletes_the_pod_and_frees_its_calls(deployment) -> None:
    day = TODAY - timedelta(days=5)
    add_calls(deployment.ringba, day, "RGB-cancel", 4)
    backfill = deployment.backfill(day, "ringba_calls", "vaulted_audio", "transcripts")

    def started():
        runs = deployment.backfill_runs(backfill)
        return runs and runs[0].status == dg.DagsterRunStatus.STARTED and POD_TAG in runs[0].tags and runs[0]

    run = deployment.wait(started, 300, "the run to start on its pod")
    response = httpx.post(
        f"{deployment.ui}/graphql",
        json={"query": TERMINATE_RUN, "variables": {"runId": run.run_id}},
        timeout=60,
    )
    assert response.json()["data"]["terminateRun"]["__typename"] == "TerminateRunSuccess", response.text
    pod = deployment.runpod.pods[run.tags[POD_TAG]]
    assert (pod.status, pod.deleted_by) == ("TERMINATED", "account")
    assert deployment.instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.CANCELED
    deployment.wait(
        lambda: not deployment.query("SELECT 1 FROM core.call_lanes WHERE claimed_by = %s", run.run_id),
        150,
        "the cancelled run's claims to be released",
    )


def test_no_capacity_on_any_gpu_type_fails_the_run_as_transient_and_leaves_nothing_running(
    deployment,
) -> None:
    deployment.runpod.no_capacity.update(GPUS.split(","))
    try:
        before = set(deployment.runpod.pods)
        backfill = deployment.backfill(TODAY - timedelta(days=4), "transcripts")
        assert deployment.backfill_done(backfill) != "COMPLETED_SUCCESS"
        [run] = deployment.backfill_runs(backfill)
        assert run.status == dg.DagsterRunStatus.FAILURE
        assert run.tags.get("callscript/error_class") == "transient"
        messages = " ".join(e.message or "" for e in deployment.instance.all_logs(run.run_id))
        assert "no capacity" in messages and all(gpu in messages for gpu in GPUS.split(","))
        assert set(deployment.runpod.pods) == before  # no pod was created
    finally:
        deployment.runpod.no_capacity.clear()


def test_a_refused_runpod_key_fails_the_run_at_once_naming_the_variable(deployment) -> None:
    deployment.runpod.api_key = "rpa_rotated_key"  # the deployment's key was revoked
    try:
        backfill = deployment.backfill(TODAY - timedelta(days=4), "transcripts")
        assert deployment.backfill_done(backfill) != "COMPLETED_SUCCESS"
        [run] = deployment.backfill_runs(backfill)
        assert run.status == dg.DagsterRunStatus.FAILURE
        assert run.tags.get("callscript/error_class") == "configuration"
        messages = " ".join(e.message or "" for e in deployment.instance.all_logs(run.run_id))
        assert "RUNPOD_API_KEY" in messages and RUNPOD_KEY not in messages
    finally:
        deployment.runpod.api_key = RUNPOD_KEY
