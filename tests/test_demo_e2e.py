"""The whole platform as a user starts it: `callscript demo` (webserver, daemon, sensors, simulated Ringba) on a
real database, a partition backfill launched over GraphQL as the UI does, and a clean stop on SIGTERM.

The demo is launched the way a background job, a script or CI launches it: with SIGINT ignored, which every
child inherits unless the demo resets it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from datetime import date

import httpx
import psutil
import psycopg
import pytest
from psycopg import sql

from callscript_dagster.backfills import DagsterWebserver
from callscript_dagster.db.server import with_database
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.settings import Settings

from conftest import embedded_home
from harness import FLOW_ONLY_ENV, free_port, wait_for

pytestmark = pytest.mark.e2e

BACKFILL_RUN_TAGS = """
query($id: String!) {
  runsOrError(filter: {tags: [{key: "dagster/backfill", value: $id}]}) {
    ... on Runs { results { tags { key value } } }
  }
}"""
# The requirement: after Ctrl-C or SIGTERM every process the demo started is gone within this.
STOP_BOUND_SECONDS = 20


def graphql(url: str, query: str, variables: dict) -> dict:
    response = httpx.post(url, json={"query": query, "variables": variables}, timeout=30)
    response.raise_for_status()
    return response.json()["data"]


def demo_environment(db_url: str, dagster_db: str, tmp_path) -> dict[str, str]:
    """The demo on the test's calls database, with a Dagster database of its own (`dagster_db`)."""
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "CALLSCRIPT_DAGSTER_DATABASE": dagster_db,
        "CALLSCRIPT_HOME": str(tmp_path / "home"),
        "PYTHONUNBUFFERED": "1",
        **FLOW_ONLY_ENV,
    }
    env.pop("DAGSTER_HOME", None)
    return env


def test_demo_backfills_two_days_through_all_lanes_and_stops_cleanly(db_url, pg_server, db, tmp_path) -> None:
    port = free_port()
    dagster_db = f"callscript_e2e_dagster_{uuid.uuid4().hex[:8]}"
    env = demo_environment(db_url, dagster_db, tmp_path)
    log = (tmp_path / "demo.log").open("wb")
    demo = launch_in_background(port, env, log)
    endpoint = f"http://127.0.0.1:{port}/graphql"
    try:
        wait_for_ui(port, demo)
        # the two days before the demo's today, as its (UTC) partitions say
        keys = daily_partitions(Settings()).get_partition_keys()
        days = keys[-3:-1]
        # the same GraphQL mutation the UI's "Materialize" dialog sends
        webserver = DagsterWebserver(f"http://127.0.0.1:{port}")
        backfill_id = webserver.launch_backfill([date.fromisoformat(day) for day in days])
        status = wait_for(
            lambda: (progress := webserver.backfill_progress(backfill_id)).finished and progress.status,
            420,
            "the backfill",
            demo,
        )
        assert status == "COMPLETED_SUCCESS"
        # the backfill's run carries the lane tags the run queue limits on, although no sensor asked for it
        runs = graphql(endpoint, BACKFILL_RUN_TAGS, {"id": backfill_id})["runsOrError"]["results"]
        lane_tags = [
            {t["key"]: t["value"] for t in run["tags"] if t["key"].startswith("callscript/lane/")}
            for run in runs
        ]
        assert lane_tags and all(
            set(tags) == {f"callscript/lane/{lane}" for lane in ("ingest", "vault", "factory", "judge")}
            for tags in lane_tags
        ), lane_tags

        # every call of both days went through all four lanes and has a verdict
        per_day = db.execute(
            "SELECT partition_date::text AS day, count(*) AS calls, count(j.verdict) AS judged "
            "FROM core.calls c LEFT JOIN core.latest_judgments j USING (call_id) "
            "WHERE partition_date = ANY(%s::date[]) GROUP BY 1 ORDER BY 1",
            (days,),
        ).fetchall()
        assert per_day == [{"day": d, "calls": 4, "judged": 4} for d in days]
        lanes = db.execute(
            "SELECT lane, status, count(*) AS n FROM core.call_lanes WHERE partition_date = ANY(%s::date[]) "
            "GROUP BY 1, 2 ORDER BY 1",
            (days,),
        ).fetchall()
        assert lanes == [{"lane": lane, "status": "done", "n": 8} for lane in ("factory", "judge", "vault")]
    finally:
        try:
            code, leftovers = stop(demo, signal.SIGTERM, f"CALLSCRIPT_DAGSTER_DATABASE={dagster_db}")
        finally:
            log.close()
            drop_database(pg_server, dagster_db)
    assert code == 0, (tmp_path / "demo.log").read_text()[-3000:]
    assert not leftovers, (
        f"processes of the demo outlived SIGTERM by {STOP_BOUND_SECONDS} s: {leftovers}\n"
        + (tmp_path / "demo.log").read_text()[-3000:]
    )


def test_ctrl_c_cancels_the_runs_in_flight_so_none_fails(db_url, pg_server, db, tmp_path) -> None:
    """Stopped while a run transcribes, the demo cancels it as the UI's Terminate does: the run ends CANCELED,
    not FAILURE (which would page whoever watches the failure alerts), and hands its calls back."""
    port = free_port()
    dagster_db = f"callscript_e2e_dagster_{uuid.uuid4().hex[:8]}"
    env = demo_environment(db_url, dagster_db, tmp_path)
    log = (tmp_path / "demo.log").open("wb")
    demo = launch_in_background(port, env, log, calls_per_day=12)
    try:
        wait_for_ui(port, demo)
        days = daily_partitions(Settings()).get_partition_keys()[-3:-1]
        DagsterWebserver(f"http://127.0.0.1:{port}").launch_backfill([date.fromisoformat(d) for d in days])
        transcribing = (
            "SELECT count(*) AS n FROM core.call_lanes WHERE lane = 'factory' AND status = 'claimed'"
        )
        wait_for(lambda: db.execute(transcribing).fetchone()["n"], 300, "a run transcribing", demo)
        code, leftovers = stop(demo, signal.SIGINT, f"CALLSCRIPT_DAGSTER_DATABASE={dagster_db}")
        with psycopg.connect(with_database(pg_server, dagster_db), autocommit=True) as dagster:
            statuses = [row[0] for row in dagster.execute("SELECT status FROM runs")]
    finally:
        if demo.poll() is None:
            stop(demo, signal.SIGTERM, f"CALLSCRIPT_DAGSTER_DATABASE={dagster_db}")
        log.close()
        drop_database(pg_server, dagster_db)
    output = (tmp_path / "demo.log").read_text()
    assert code == 0 and not leftovers, output[-3000:]
    assert "CANCELED" in statuses and "FAILURE" not in statuses, (statuses, output[-3000:])
    # (Dagster still logs the interrupted step's STEP_FAILURE, with its trace, as after the UI's Terminate)
    assert "cancelled 1 run" in output and "RUN_FAILURE" not in output, output[-3000:]
    # the run stopped part way, finished or handed back each call it held, and left the rest to the next run
    lanes = db.execute(
        "SELECT lane, status, error_class FROM core.call_lanes WHERE status <> 'done'"
    ).fetchall()
    assert lanes and all(row["status"] == "pending" or row["error_class"] == "transient" for row in lanes), (
        lanes
    )


def drop_database(pg_server: str, name: str) -> None:
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_demo_on_embedded_postgres_leaves_nothing_running_after_ctrl_c(tmp_path) -> None:
    """Without DATABASE_URL the demo starts its own PostgreSQL; Ctrl-C (SIGINT, even though the demo was
    launched with SIGINT ignored) stops it along with Dagster's processes."""
    port = free_port()
    home = embedded_home()  # the demo starts its own PostgreSQL here (see embedded_home)
    env = {**os.environ, "CALLSCRIPT_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("DAGSTER_HOME", None)
    log = (tmp_path / "demo.log").open("wb")
    demo = launch_in_background(port, env, log)
    postgres: list[psutil.Process] = []
    try:
        wait_for_ui(port, demo)
        # PostgreSQL overwrites its workers' environment with their titles: follow them by pid instead.
        postmaster = psutil.Process(int((home / "pgdata" / "postmaster.pid").read_text().split()[0]))
        postgres = [postmaster, *postmaster.children()]
    finally:
        try:
            code, leftovers = stop(demo, signal.SIGINT, f"CALLSCRIPT_HOME={home}", also=postgres)
        finally:
            log.close()
    assert code == 0, (tmp_path / "demo.log").read_text()[-3000:]
    assert not leftovers, (
        f"processes of the demo (PostgreSQL included) outlived Ctrl-C by {STOP_BOUND_SECONDS} s: {leftovers}\n"
        + (tmp_path / "demo.log").read_text()[-3000:]
    )
    assert not (home / "pgdata" / "postmaster.pid").exists(), "PostgreSQL was not shut down"
    shutil.rmtree(home, ignore_errors=True)


def launch_in_background(port: int, env: dict[str, str], log, calls_per_day: int = 4) -> subprocess.Popen:
    """`callscript demo` as `callscript demo &` in a script or a CI step starts it: SIGINT ignored, no
    terminal. `processes_with` finds whatever it starts through `env`, even processes that left its group."""
    command = ["demo", "--port", str(port), "--calls-per-day", str(calls_per_day)]
    return subprocess.Popen(
        [sys.executable, "-m", "callscript_dagster.cli", *command],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )


def stop(
    demo: subprocess.Popen, sig: signal.Signals, environment_entry: str, also: Sequence[psutil.Process] = ()
) -> tuple[int | None, list[int]]:
    """Send `sig` to the demo; its exit code and the processes (found by `environment_entry`, plus `also`)
    still alive `STOP_BOUND_SECONDS` later. Those are killed, so a failing test leaves nothing behind."""
    demo.send_signal(sig)
    deadline = time.monotonic() + STOP_BOUND_SECONDS
    code = None
    leftovers = []
    while time.monotonic() < deadline:
        code = demo.poll()
        leftovers = processes_with(environment_entry) + [p.pid for p in also if is_running(p)]
        if code is not None and not leftovers:
            break
        time.sleep(0.5)
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if code is None:
        demo.kill()
        demo.wait()
    return code, leftovers


def is_running(process: psutil.Process) -> bool:
    """Alive, and not a zombie left for init to reap (psutil also guards against a reused pid)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def wait_for_ui(port: int, demo: subprocess.Popen) -> None:
    wait_for(
        lambda: httpx.get(f"http://127.0.0.1:{port}/server_info", timeout=5).is_success, 180, "the UI", demo
    )


def processes_with(environment_entry: str) -> list[int]:
    """Processes whose environment holds `environment_entry`: the demo and everything it started."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    if environment_entry.encode() in f.read().split(b"\0"):
                        found.append(int(entry))
            except OSError:
                continue
    return found
