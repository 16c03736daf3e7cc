"""Stopping Dagster without failing runs, with a real code server (`dagster api grpc`), the real daemon and its
run queue, and Dagster's storage on PostgreSQL: a stop cancels the runs in flight and whatever sensors launch
while it waits, and a run the queue hands a code server that is shutting down goes back to the queue instead
of failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pytest
from dagster._grpc.client import DagsterGrpcClient  # a test may reach in: dagster dev shuts code servers so

from callscript_dagster.db.server import dagster_storage_url
from callscript_dagster.instance import cancel_runs_in_flight, dagster_yaml_text
from callscript_dagster.launcher.dagster_internals import DagsterUserCodeUnreachableError
from callscript_dagster.processes import ProcessGroup
from callscript_dagster.settings import Settings

from conftest import _create_database, _drop_database
from harness import free_port, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

JOBS = Path(__file__).with_name("held_jobs.py")
SLOT = "callscript/lane/ingest"  # a tag the queue runs one at a time per value (dagster.yaml)


class Location:
    """A code server serving tests/launcher_jobs.py and a daemon running the queue against it."""

    daemon: ProcessGroup

    def __init__(self, tmp: Path, env: dict[str, str], instance: dg.DagsterInstance, port: int) -> None:
        self.tmp, self.env, self.instance, self.port = tmp, env, instance, port
        self.workspace = tmp / "workspace.yaml"
        self.log = tmp / "dagster.log"

    def wait(self, condition, what: str) -> None:
        wait_for(condition, 120, what, self.daemon, self.tail)

    def launch(self, name: str, tags: dict[str, str], job: str = "hold") -> dg.DagsterRun:
        """Submit a run of `job` through the queue, as `dagster job launch` does, released by tmp/<name>."""
        op = {"hold": "wait_for_release", "hold_through_a_cancel": "wait_for_release_through_a_cancel"}[job]
        config = self.tmp / f"{name}.yaml"
        config.write_text(json.dumps({"ops": {op: {"config": {"release_file": str(self.tmp / name)}}}}))
        before = {run.run_id for run in self.instance.get_runs()}
        subprocess.run(
            [sys.executable, "-m", "dagster", "job", "launch", "-w", str(self.workspace), "-j", job,
             "-c", str(config), "--tags", json.dumps(tags)],
            env=self.env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        (run,) = [run for run in self.instance.get_runs() if run.run_id not in before]
        return run

    def serving(self) -> bool:
        try:
            return bool(DagsterGrpcClient(port=self.port, host="127.0.0.1").ping("up"))
        except DagsterUserCodeUnreachableError:
            return False

    def working(self, name: str) -> Callable[[], bool]:
        """Whether the op of the run released by tmp/<name> has begun (a cancel now reaches the op)."""
        return (self.tmp / f"{name}.working").exists

    def release(self, name: str) -> None:
        (self.tmp / name).touch()

    def status(self, run: dg.DagsterRun) -> dg.DagsterRunStatus:
        return self.instance.get_run_by_id(run.run_id).status

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@pytest.fixture
def location(pg_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Location]:
    name = f"callscript_launcher_{uuid.uuid4().hex[:8]}"
    url = dagster_storage_url(_create_database(pg_server, name), name)
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text(dagster_yaml_text(Settings()))  # the shipped instance: queue, launcher
    env = {**os.environ, "DAGSTER_HOME": str(home), "CALLSCRIPT_DAGSTER_DATABASE_URL": url}
    monkeypatch.setenv("CALLSCRIPT_DAGSTER_DATABASE_URL", url)
    monkeypatch.setenv("DAGSTER_HOME", str(home))  # where a stop in this process finds the instance
    port = free_port()
    location = None
    with (tmp_path / "dagster.log").open("wb") as log, dg.DagsterInstance.from_config(str(home)) as instance:
        location = Location(tmp_path, env, instance, port)
        location.workspace.write_text(
            f"load_from:\n  - grpc_server: {{host: 127.0.0.1, port: {port}, location_name: jobs}}\n"
        )
        server = ProcessGroup(
            [sys.executable, "-m", "dagster", "api", "grpc", "--python-file", str(JOBS), "--host",
             "127.0.0.1", "--port", str(port), "--location-name", "jobs"],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
        )  # fmt: skip
        daemon = location.daemon = ProcessGroup(
            [sys.executable, "-m", "dagster._daemon", "run", "-w", str(location.workspace)],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
        )  # fmt: skip
        try:
            wait_for(location.serving, 120, "the code server", server, location.tail)
            yield location
        finally:
            for name in ("first", "second", "third", "slow", "late"):
                location.release(name)
            daemon.stop()
            server.stop()
    _drop_database(pg_server, name)


def test_a_run_handed_to_a_code_server_that_is_shutting_down_goes_back_to_the_queue(location) -> None:
    # Two runs working; a third waits in the queue behind the second (one run per lane and day).
    working = location.launch("first", {})
    blocking = location.launch("second", {SLOT: "2026-11-20"})
    location.wait(
        lambda: all(location.status(r) == dg.DagsterRunStatus.STARTED for r in (working, blocking)),
        "two runs started",
    )
    waiting = location.launch("third", {SLOT: "2026-11-20"})

    # The code server is told to shut down, as `dagster dev` and the daemon's stop do; it stays up for the
    # first run. The second ends, and the queue hands the waiting run to the server that is shutting down.
    DagsterGrpcClient(port=location.port, host="127.0.0.1").shutdown_server()
    location.release("second")

    def handed_back() -> bool:
        messages = [e.message or "" for e in location.instance.all_logs(waiting.run_id)]
        return any("re-submitting the run into the queue" in m for m in messages)

    queued = (dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.STARTING)
    location.wait(
        lambda: handed_back() or location.status(waiting) not in queued, "the queue to hand the run out"
    )
    assert location.status(waiting) == dg.DagsterRunStatus.QUEUED  # not FAILURE: nothing ran, nothing alerts
    assert handed_back()
    assert location.status(blocking) == dg.DagsterRunStatus.SUCCESS


def test_a_stop_cancels_the_runs_in_flight_and_a_run_launched_while_it_waits(location) -> None:
    # A run slow to honour its cancel keeps the stop waiting; meanwhile a sensor's run is launched and the
    # queue starts it. Left running, it would be killed with the processes and end FAILURE.
    slow = location.launch("slow", {}, job="hold_through_a_cancel")
    location.wait(location.working("slow"), "the slow run's op working")
    stopped: list[str] = []
    stop = threading.Thread(target=lambda: stopped.extend(cancel_runs_in_flight(wait_seconds=180)))
    stop.start()
    location.wait(lambda: location.status(slow) == dg.DagsterRunStatus.CANCELING, "the slow run told to stop")
    late = location.launch("late", {})
    location.wait(
        lambda: location.status(late) in (dg.DagsterRunStatus.CANCELING, dg.DagsterRunStatus.CANCELED),
        "the run launched during the stop cancelled",
    )
    location.release("slow")
    stop.join(timeout=120)
    assert not stop.is_alive()
    assert set(stopped) == {slow.run_id, late.run_id}
    location.wait(lambda: location.status(late) == dg.DagsterRunStatus.CANCELED, "the late run ended")
    assert location.status(slow) in (dg.DagsterRunStatus.CANCELED, dg.DagsterRunStatus.SUCCESS)
