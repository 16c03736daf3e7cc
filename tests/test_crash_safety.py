"""`kill -9` in the middle of a lane loses nothing and duplicates nothing (invariant 3), and a run never reports
success while calls of its partition are still claimed by a run that died."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import psycopg

from callscript_dagster.calls.lanes import Lane, WorkDone, run_lane
from callscript_dagster.db.pool import pool_for
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.sensors.reaper import claims_reaper
from callscript_simulators.ringba import RingbaSimulator

from harness import lane_resources, materialization_metadata, materialize

DAY = date(2026, 11, 20)
CALLS = 12
# The killed run's own settings: three recordings at a time.
KILLED_RUN_ENV = {
    "CALLSCRIPT_DOWNLOAD_TIMEOUT_SECONDS": "30",
    "CALLSCRIPT_VAULT_CONCURRENCY": "3",
    "CALLSCRIPT_CLAIM_TIMEOUT_SECONDS": "4",
}


def reap(instance: dg.DagsterInstance, db_url: str, claim_timeout_seconds: int):
    """One tick of the claims reaper, as the daemon runs it."""
    database = DatabaseResource(url=db_url, claim_timeout_seconds=claim_timeout_seconds)
    with dg.build_sensor_context(instance=instance, resources={"database": database}) as context:
        return claims_reaper.evaluate_tick(context)


def count(db: psycopg.Connection, sql: str, *params) -> int:
    return db.execute(sql, params).fetchone()["n"]


def vault_states(db: psycopg.Connection) -> dict[str, int]:
    rows = db.execute("SELECT status, count(*) AS n FROM core.call_lanes WHERE lane = 'vault' GROUP BY 1")
    return {r["status"]: r["n"] for r in rows}


@contextlib.contextmanager
def vault_run_killed_mid_lane(
    db_url: str, db: psycopg.Connection, storage_url: str, dagster_instance, vault: Path
) -> Iterator[tuple[RingbaSimulator, str]]:
    """Ingest CALLS calls, start a vault run in a process of its own, and kill -9 it once some calls are done
    and others are half-written. Yields the simulator (still serving) and its URL."""
    sim = RingbaSimulator(calls_per_day=0, recording_bytes_per_second=128 * 1024)
    for i in range(CALLS):
        sim.add_call(f"RGB-crash-{i:02d}", datetime(2026, 11, 20, 9, tzinfo=UTC) + timedelta(minutes=i))
    script = Path(__file__).with_name("materialize_in_subprocess.py")
    with sim.serve() as server:
        assert materialize(
            dagster_instance, lane_resources(db_url, server.url, vault), DAY.isoformat(), "ringba_calls"
        ).success
        run = subprocess.Popen(
            [
                sys.executable,
                str(script),
                db_url,
                storage_url,
                server.url,
                str(vault),
                DAY.isoformat(),
                "vaulted_audio",
            ],
            env={**os.environ, **KILLED_RUN_ENV},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while vault_states(db).get("done", 0) < 3 or not any(vault.rglob(".*.part")):
            assert run.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        yield sim, server.url


def assert_every_call_vaulted_exactly_once(db: psycopg.Connection, sim: RingbaSimulator, vault: Path) -> None:
    assert vault_states(db) == {"done": CALLS}
    assert count(db, "SELECT count(*) AS n FROM core.recordings") == CALLS
    done = db.execute(
        "SELECT count(*) AS n, count(DISTINCT call_id) AS calls FROM core.call_events "
        "WHERE lane = 'vault' AND to_status = 'done'"
    ).fetchone()
    assert (done["n"], done["calls"]) == (CALLS, CALLS)
    for row in db.execute("SELECT call_id, storage_key FROM core.recordings"):
        assert (vault / row["storage_key"]).read_bytes() == sim.call(
            row["call_id"]
        ).recording.path.read_bytes()


def test_a_vault_run_killed_mid_lane_is_finished_by_the_next_without_duplicates(
    db_url, db, dagster_instance, dagster_storage_database, tmp_path
) -> None:
    vault = tmp_path / "vault"
    with vault_run_killed_mid_lane(db_url, db, dagster_storage_database, dagster_instance, vault) as (
        sim,
        url,
    ):
        # The moment after: finished calls are complete, the rest are claimed (in flight) or pending.
        states = vault_states(db)
        assert states.get("claimed", 0) > 0 and states.get("done", 0) >= 3
        assert sum(states.values()) == CALLS
        stored = {r["storage_key"] for r in db.execute("SELECT storage_key FROM core.recordings")}
        visible = {
            p.relative_to(vault).as_posix() for p in vault.rglob("*") if p.is_file() and p.name[0] != "."
        }
        assert stored <= visible  # committed recordings are on disk (an object may precede its commit)
        partials = list(vault.rglob(".*.part"))  # downloads the kill cut off mid-write
        assert partials

        # Nothing is left to tell Dagster the run died: it still shows it in progress. Once the worker has been
        # silent for the claim timeout, the reaper marks it failed (so it stops blocking its lane and day).
        [killed] = {
            r["claimed_by"]
            for r in db.execute("SELECT claimed_by FROM core.call_lanes WHERE status = 'claimed'")
        }
        assert dagster_instance.get_run_by_id(killed).status == dg.DagsterRunStatus.STARTED
        time.sleep(4.5)
        reap(dagster_instance, db_url, claim_timeout_seconds=4)
        assert dagster_instance.get_run_by_id(killed).status == dg.DagsterRunStatus.FAILURE

        # The next materialization finishes the day.
        sim.recording_bytes_per_second = None  # the CDN is fast again
        # Limits short enough that the killed downloads' temp files (written > 4 s ago) count as abandoned.
        quick = VaultResource(
            recording_hosts=["127.0.0.1"],
            allow_private_addresses=True,
            download_timeout_seconds=2,
            http_timeout_seconds=2,
        )
        result = materialize(
            dagster_instance,
            lane_resources(db_url, url, vault, vault=quick, claim_timeout_seconds=4),
            DAY.isoformat(),
            "vaulted_audio",
        )
    assert result.success
    meta = materialization_metadata(result, "vaulted_audio")
    assert meta["abandoned_partials_removed"] == len(partials)
    assert_every_call_vaulted_exactly_once(db, sim, vault)
    released = (
        "SELECT count(*) AS n FROM core.call_events WHERE lane = 'vault' AND message LIKE 'claim released%%'"
    )
    assert count(db, released) == states["claimed"]
    stored = {r["storage_key"] for r in db.execute("SELECT storage_key FROM core.recordings")}
    assert [
        p for p in vault.rglob("*") if p.is_file() and p.relative_to(vault).as_posix() not in stored
    ] == []


def test_a_recovery_started_while_the_dead_runs_claims_look_fresh_waits_for_them_and_finishes_every_call(
    db_url, db, dagster_instance, dagster_storage_database, tmp_path
) -> None:
    # Right after the kill the dead run is still "in progress" for Dagster and its claims are fresh: a run that
    # skipped them would report success with calls left claimed. This one waits until they expire, then does them.
    vault = tmp_path / "vault"
    with vault_run_killed_mid_lane(db_url, db, dagster_storage_database, dagster_instance, vault) as (
        sim,
        url,
    ):
        at_kill = vault_states(db)
        assert at_kill.get("claimed", 0) > 0
        sim.recording_bytes_per_second = None
        result = materialize(
            dagster_instance,
            lane_resources(db_url, url, vault, claim_timeout_seconds=4),
            DAY.isoformat(),
            "vaulted_audio",
        )
    assert result.success
    meta = materialization_metadata(result, "vaulted_audio")
    assert meta["calls_done"] == CALLS - at_kill["done"]
    assert meta["zombies_released"] == at_kill["claimed"]  # released as they expired, during this run
    assert_every_call_vaulted_exactly_once(db, sim, vault)


def test_calls_a_live_run_keeps_claimed_are_reported_by_id_never_skipped_silently(db_url, db) -> None:
    # Another run is alive and keeps refreshing its claim on one call for longer than this run waits.
    day = date(2026, 10, 9)
    for call_id in ("RGB-mine", "RGB-theirs"):
        db.execute(
            "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, %s, %s)",
            (call_id, datetime(2026, 10, 9, 12, tzinfo=UTC), day),
        )
        db.execute(
            "INSERT INTO core.call_lanes (call_id, lane, partition_date) VALUES (%s, 'judge', %s)",
            (call_id, day),
        )
    db.execute(
        "UPDATE core.call_lanes SET status = 'claimed', claimed_by = 'run-alive', claimed_at = now() "
        "WHERE call_id = 'RGB-theirs'"
    )
    stop = threading.Event()

    def keep_alive() -> None:
        with psycopg.connect(db_url, autocommit=True) as conn:
            while not stop.wait(0.3):
                conn.execute("UPDATE core.call_lanes SET claimed_at = now() WHERE claimed_by = 'run-alive'")

    heartbeat = threading.Thread(target=keep_alive)
    heartbeat.start()
    try:
        report = run_lane(
            lane=Lane.JUDGE,
            pool=pool_for(db_url),
            days=[day],
            run_id="run-me",
            work=lambda call: WorkDone(),
            live_run_ids=lambda: ["run-alive"],
            log=logging.getLogger("test"),
            claim_timeout=timedelta(seconds=1),
            poll_every=0.2,
        )
    finally:
        stop.set()
        heartbeat.join()
    assert report.done == 1
    assert report.held_elsewhere == [("RGB-theirs", "run-alive")]


def test_the_reaper_fails_runs_whose_worker_went_silent_and_leaves_live_and_finished_ones_alone(
    db_url, db, dagster_instance
) -> None:
    def run(status: dg.DagsterRunStatus) -> dg.DagsterRun:
        return dagster_instance.add_run(
            dg.DagsterRun(job_name="__ASSET_JOB", run_id=str(uuid.uuid4()), status=status)
        )

    silent, silent_with_claim, alive = (run(dg.DagsterRunStatus.STARTED) for _ in range(3))
    finished = run(dg.DagsterRunStatus.SUCCESS)
    long_ago = datetime.now(UTC) - timedelta(minutes=10)
    for r, beat in ((silent, long_ago), (alive, datetime.now(UTC)), (finished, long_ago)):
        db.execute(
            "INSERT INTO core.run_heartbeats (run_id, worker, beat_at) VALUES (%s, 'host:1', %s)",
            (r.run_id, beat),
        )
    day = date(2026, 10, 9)
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES ('RGB-held', %s, %s)",
        (long_ago, day),
    )
    db.execute(
        "INSERT INTO core.call_lanes (call_id, lane, partition_date, status, claimed_by, claimed_at) "
        "VALUES ('RGB-held', 'factory', %s, 'claimed', %s, %s)",
        (day, silent_with_claim.run_id, long_ago),
    )

    reap(dagster_instance, db_url, claim_timeout_seconds=300)

    status = {
        r.run_id: dagster_instance.get_run_by_id(r.run_id).status
        for r in (silent, silent_with_claim, alive, finished)
    }
    assert status == {
        silent.run_id: dg.DagsterRunStatus.FAILURE,
        silent_with_claim.run_id: dg.DagsterRunStatus.FAILURE,
        alive.run_id: dg.DagsterRunStatus.STARTED,
        finished.run_id: dg.DagsterRunStatus.SUCCESS,
    }
    held = db.execute("SELECT status, error_class FROM core.call_lanes WHERE call_id = 'RGB-held'").fetchone()
    assert (held["status"], held["error_class"]) == ("failed", "transient")  # ready for the next run
    beats = {r["run_id"] for r in db.execute("SELECT run_id FROM core.run_heartbeats")}
    assert beats == {alive.run_id}
    failure = [
        e
        for e in dagster_instance.all_logs(silent.run_id)
        if e.dagster_event and e.dagster_event.is_run_failure
    ]
    assert "worker was lost" in failure[0].dagster_event.message


def test_a_run_beats_while_it_runs_and_clears_its_heartbeat_when_it_ends(
    db_url, db, dagster_instance
) -> None:
    beats: list[int] = []

    @dg.asset
    def peek(database: DatabaseResource) -> None:
        beats.append(db.execute("SELECT count(*) AS n FROM core.run_heartbeats").fetchone()["n"])

    assert dg.materialize(
        [peek], instance=dagster_instance, resources={"database": DatabaseResource(url=db_url)}
    ).success
    assert beats == [1]
    assert count(db, "SELECT count(*) AS n FROM core.run_heartbeats") == 0
