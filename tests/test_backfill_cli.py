"""`callscript backfill` and `callscript recover --execute` against the real Dagster webserver: the backfills they
launch are the ones the UI launches (partitions, assets, title), and `--status` reads them back per partition.
No daemon runs here, so the backfills stay requested; tests/test_recovery_e2e.py runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime

import httpx
import pytest
from typer.testing import CliRunner

from callscript_dagster.backfills import days_of_last_hours
from callscript_dagster.cli import app
from callscript_dagster.instance import dagster_yaml_template
from callscript_dagster.processes import ProcessGroup
from callscript_dagster.settings import Settings, get_settings
from callscript_simulators.ringba import RingbaSimulator

LANES = ["ringba_calls", "vaulted_audio", "transcripts", "judgments"]


@pytest.fixture
def webserver(db_url, dagster_storage_database, tmp_path):
    """The Dagster webserver of a New York deployment, as operators reach it (CALLSCRIPT_UI_URL)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_bytes(dagster_yaml_template().read_bytes())
    settings = {
        "DATABASE_URL": db_url,
        "CALLSCRIPT_TIMEZONE": "America/New_York",
        "CALLSCRIPT_UI_URL": f"http://127.0.0.1:{port}",
        "RINGBA_ACCOUNT_ID": "RA_test",
        "RINGBA_API_TOKEN": "test-token",
    }
    env = {
        **os.environ,
        **settings,
        "DAGSTER_HOME": str(home),
        "CALLSCRIPT_DAGSTER_DATABASE_URL": dagster_storage_database,
        "CALLSCRIPT_HOME": str(tmp_path / "home"),
    }
    log_path = tmp_path / "webserver.log"
    with log_path.open("wb") as log:
        command = [sys.executable, "-m", "dagster_webserver", "-m", "callscript_dagster.definitions"]
        server = ProcessGroup(
            [*command, "-h", "127.0.0.1", "-p", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
        try:
            deadline = time.monotonic() + 180
            while True:
                assert server.poll() is None, log_path.read_text()[-3000:]
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/server_info", timeout=5).is_success:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "the webserver did not come up"
                time.sleep(1)
            yield settings
        finally:
            server.stop()


def callscript(monkeypatch, settings: dict[str, str], *args: str) -> dict:
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    result = CliRunner().invoke(app, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_backfills_are_launched_as_the_ui_launches_them_and_read_back_per_partition(
    monkeypatch, webserver
) -> None:
    ui = webserver["CALLSCRIPT_UI_URL"]
    launched = callscript(monkeypatch, webserver, "backfill", "--start", "2026-11-18", "--end", "2026-11-20")
    assert launched["days"] == ["2026-11-18", "2026-11-19", "2026-11-20"] and launched["assets"] == LANES
    assert launched["url"] == f"{ui}/runs/b/{launched['id']}"

    progress = callscript(monkeypatch, webserver, "backfill", "--status", launched["id"])
    assert progress["status"] == "REQUESTED" and progress["title"] == "callscript backfill"
    assert progress["partitions"] == launched["days"]
    assert set(progress["by_partition"]) == set(launched["days"])
    assert all(set(assets) == set(LANES) for assets in progress["by_partition"].values())

    recent = callscript(monkeypatch, webserver, "backfill", "--hours", "30", "--asset", "vaulted_audio")
    tz = Settings(CALLSCRIPT_TIMEZONE="America/New_York").tz
    assert recent["days"] == [d.isoformat() for d in days_of_last_hours(30, datetime.now(UTC), tz)]
    assert recent["assets"] == ["vaulted_audio"]

    missing = CliRunner().invoke(app, ["backfill"])
    assert missing.exit_code != 0


def test_recover_execute_launches_the_backfill_of_the_days_and_lanes_it_put_back(
    monkeypatch, webserver, db
) -> None:
    day = date(2026, 11, 19)
    at = datetime(2026, 11, 19, 15, tzinfo=UTC)
    ringba = RingbaSimulator(calls_per_day=0)
    ringba.add_call("RGB-exp", at)
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date, recording_url) VALUES ('RGB-exp', %s, %s, 'x')",
        (at, day),
    )
    db.execute(
        "INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, error_message) "
        "VALUES ('RGB-exp', 'vault', %s, 'failed', 'url_expired', 'recording URL expired')",
        (day,),
    )
    with ringba.serve() as server:
        settings = {**webserver, "RINGBA_BASE_URL": server.url}
        recovery = callscript(monkeypatch, settings, "recover", "--refresh-urls", "--execute")
    assert recovery["put_back"] == {"2026-11-19": 1}
    progress = callscript(monkeypatch, webserver, "backfill", "--status", recovery["backfill"]["id"])
    assert progress["title"] == "callscript recover --refresh-urls"
    assert progress["partitions"] == ["2026-11-19"]
    assert set(progress["by_partition"]["2026-11-19"]) == {"vaulted_audio", "transcripts", "judgments"}
