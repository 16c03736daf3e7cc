"""`kill -9` in the middle of a lane loses nothing and duplicates nothing (invariant 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.settings import get_settings
from callscript_dagster.simulators.ringba import RingbaSimulator

from harness import lane_resources, materialization_metadata, materialize

DAY = date(2026, 11, 20)
CALLS = 12


def count(db: psycopg.Connection, sql: str, *params) -> int:
    return db.execute(sql, params).fetchone()["n"]


def test_a_vault_run_killed_mid_lane_is_finished_by_the_next_without_duplicates(
    db_url, db, dagster_instance, dagster_storage_database, tmp_path, monkeypatch
) -> None:
    # Every recording arrives at 64 KiB/s (~3 s), so the killed run is caught with downloads half-written.
    sim = RingbaSimulator(calls_per_day=0, recording_bytes_per_second=64 * 1024)
    for i in range(CALLS):
        sim.add_call(f"RGB-crash-{i:02d}", datetime(2026, 11, 20, 9, tzinfo=UTC) + timedelta(minutes=i))
    vault = tmp_path / "vault"
    env = {
        **os.environ,
        "CALLSCRIPT_DOWNLOAD_TIMEOUT_SECONDS": "30",
        "CALLSCRIPT_VAULT_CONCURRENCY": "3",
        "CALLSCRIPT_CLAIM_TIMEOUT_SECONDS": "4",
    }
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
                dagster_storage_database,
                server.url,
                str(vault),
                DAY.isoformat(),
                "vaulted_audio",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        # kill once some calls are done and others are half-written
        while count(
            db, "SELECT count(*) AS n FROM core.call_lanes WHERE lane = 'vault' AND status = 'done'"
        ) < 3 or not any(vault.rglob(".*.part")):
            assert run.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()

        # The moment after: finished calls are complete, the rest are claimed (in flight) or pending.
        rows = db.execute("SELECT status, count(*) AS n FROM core.call_lanes WHERE lane = 'vault' GROUP BY 1")
        states = {r["status"]: r["n"] for r in rows}
        assert states.get("claimed", 0) > 0 and states.get("done", 0) >= 3
        assert sum(states.values()) == CALLS
        stored = {r["storage_key"] for r in db.execute("SELECT storage_key FROM core.recordings")}
        visible = {
            p.relative_to(vault).as_posix()
            for p in vault.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
        assert stored <= visible  # committed recordings are on disk (an object may precede its commit)

        # The next materialization, after the dead run's claims have aged past the timeout, finishes the day.
        monkeypatch.setenv("CALLSCRIPT_CLAIM_TIMEOUT_SECONDS", "4")
        monkeypatch.setenv("CALLSCRIPT_DOWNLOAD_TIMEOUT_SECONDS", "30")
        get_settings.cache_clear()
        time.sleep(4.5)
        partials = list(vault.rglob(".*.part"))  # downloads the kill cut off mid-write
        assert partials
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
            lane_resources(db_url, server.url, vault, vault=quick),
            DAY.isoformat(),
            "vaulted_audio",
        )
    assert result.success
    assert materialization_metadata(result, "vaulted_audio")["abandoned_partials_removed"] == len(partials)

    assert (
        count(db, "SELECT count(*) AS n FROM core.call_lanes WHERE lane = 'vault' AND status = 'done'")
        == CALLS
    )
    assert count(db, "SELECT count(*) AS n FROM core.recordings") == CALLS
    # exactly one completion per call, and every released zombie claim is on record
    assert (
        count(db, "SELECT count(*) AS n FROM core.call_events WHERE lane = 'vault' AND to_status = 'done'")
        == CALLS
    )
    assert (
        count(
            db,
            "SELECT count(DISTINCT call_id) AS n FROM core.call_events WHERE lane = 'vault' AND to_status = 'done'",
        )
        == CALLS
    )
    released = count(
        db,
        "SELECT count(*) AS n FROM core.call_events WHERE lane = 'vault' AND message LIKE 'claim released%%'",
    )
    assert released == states["claimed"]
    # every stored object is a whole recording, and the killed downloads' temp files were swept
    for row in db.execute("SELECT call_id, storage_key, bytes FROM core.recordings"):
        assert (vault / row["storage_key"]).read_bytes() == sim.call(
            row["call_id"]
        ).recording.path.read_bytes()
    leftovers = [
        p
        for p in vault.rglob("*")
        if p.is_file()
        and p.relative_to(vault).as_posix()
        not in {r["storage_key"] for r in db.execute("SELECT storage_key FROM core.recordings")}
    ]
    assert leftovers == []
