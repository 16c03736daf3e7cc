"""The whole platform as a user starts it: `callscript demo` (webserver, daemon, sensors, simulated Ringba) on a
real database, a partition backfill launched over GraphQL as the UI does, and a clean stop on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta

import httpx
import psycopg
import pytest
from psycopg import sql

pytestmark = pytest.mark.e2e

LAUNCH_BACKFILL = """
mutation($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message }
  }
}"""
BACKFILL_STATUS = """
query($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill { status }
    ... on PythonError { message }
  }
}"""
LANES = ["ringba_calls", "vaulted_audio", "transcripts", "judgments"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(url: str, query: str, variables: dict) -> dict:
    response = httpx.post(url, json={"query": query, "variables": variables}, timeout=30)
    response.raise_for_status()
    return response.json()["data"]


def wait_for(condition, timeout: float, what: str, demo: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert demo.poll() is None, f"the demo exited while waiting for {what}"
        try:
            value = condition()
        except (httpx.HTTPError, KeyError):
            value = None
        if value:
            return value
        time.sleep(2)
    raise AssertionError(f"timed out waiting for {what}")


def test_demo_backfills_two_days_through_all_lanes_and_stops_cleanly(db_url, pg_server, db, tmp_path) -> None:
    port = free_port()
    dagster_db = f"callscript_e2e_dagster_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "CALLSCRIPT_DAGSTER_DATABASE": dagster_db,
        "CALLSCRIPT_HOME": str(tmp_path / "home"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DAGSTER_HOME", None)
    log = (tmp_path / "demo.log").open("wb")
    demo = subprocess.Popen(
        [sys.executable, "-m", "callscript_dagster.cli", "demo", "--port", str(port), "--calls-per-day", "4"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}/graphql"
    try:
        wait_for(
            lambda: httpx.get(f"http://127.0.0.1:{port}/server_info", timeout=5).is_success,
            180,
            "the UI",
            demo,
        )
        days = [(date.today() - timedelta(days=n)).isoformat() for n in (2, 1)]
        launched = graphql(
            endpoint,
            LAUNCH_BACKFILL,
            {"params": {"partitionNames": days, "assetSelection": [{"path": [name]} for name in LANES]}},
        )["launchPartitionBackfill"]
        assert launched["__typename"] == "LaunchBackfillSuccess", launched
        status = wait_for(
            lambda: (
                (
                    s := graphql(endpoint, BACKFILL_STATUS, {"id": launched["backfillId"]})[
                        "partitionBackfillOrError"
                    ]
                )["status"]
                not in ("REQUESTED", "CANCELING", "FAILING")
                and s["status"]
            ),
            420,
            "the backfill",
            demo,
        )
        assert status == "COMPLETED_SUCCESS"

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
        demo.send_signal(signal.SIGTERM)
        try:
            code = demo.wait(timeout=60)
        finally:
            log.close()
            leftovers = processes_with(f"CALLSCRIPT_DAGSTER_DATABASE={dagster_db}")
            for pid in leftovers:
                os.kill(pid, signal.SIGKILL)
            with psycopg.connect(pg_server, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dagster_db))
                )
    assert code == 0, (tmp_path / "demo.log").read_text()[-3000:]
    assert not leftovers, "processes of the demo (webserver, daemon, code server, runs) outlived SIGTERM"


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
