"""A day with broken recordings, end to end with the real webserver and daemon: the failed run and the queue
condition reach the Slack simulator once each, the asset checks name the calls that are missing,
`callscript recover --refresh-urls --execute` brings the expired recordings back through a partition backfill,
the deleted one stays failed and reported, the checks turn green, and a second `recover` finds nothing to do.

Ringba and Slack are simulators in this process; Dagster (`dagster dev`: webserver, daemon, code server, run
workers) runs as an operator runs it, on a database of its own."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import psycopg
import pytest
from psycopg import sql
from typer.testing import CliRunner

from callscript_dagster.cli import app
from callscript_dagster.db.server import dagster_storage_url
from callscript_dagster.demo import dagster_dev
from callscript_dagster.instance import dagster_yaml_template
from callscript_dagster.settings import get_settings
from callscript_simulators.ringba import RingbaSimulator
from callscript_simulators.slack import SlackSimulator

from harness import FLOW_ONLY_ENV, free_port, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]

CHECK_EXECUTIONS = """
query($key: AssetKeyInput!, $check: String!, $partition: String) {
  assetCheckExecutions(assetKey: $key, checkName: $check, partition: $partition, limit: 1) {
    status
    evaluation { success description partition }
  }
}"""
FAILED_RUN_ALERT = ":red_circle: *CallScript run failed*"
QUEUE_ALERT = ":rotating_light: *CallScript alert*"


def test_a_fault_day_alerts_once_recovers_through_a_backfill_and_its_checks_turn_green(
    db_url, pg_server, db, tmp_path, monkeypatch
) -> None:
    today = datetime.now(UTC).date()
    day = today - timedelta(days=2)  # a closed day: the ingest sensor leaves it alone
    at = lambda hour: datetime(day.year, day.month, day.day, hour, tzinfo=UTC)  # noqa: E731
    ringba = RingbaSimulator(calls_per_day=0)
    ringba.add_call("RGB-ok-1", at(9), recording="compliant_stereo.mp3")
    ringba.add_call("RGB-ok-2", at(10), recording="no_disclosure_mono.mp3")
    # listed with a dead URL at ingest and again when the vault asks Ringba for a fresh one: url_expired
    ringba.add_call(
        "RGB-expired-1", at(11), recording="dnc_ignored_stereo.mp3", fault="expired", fault_times=2
    )
    ringba.add_call("RGB-expired-2", at(12), recording="compliant_stereo.mp3", fault="expired", fault_times=2)
    ringba.add_call("RGB-deleted", at(13), fault="deleted")
    # 500 for the vault's three in-run attempts, then fine: the day's run fails, a re-materialization succeeds
    ringba.add_call(
        "RGB-flaky", at(14), recording="compliant_stereo.mp3", fault="server_error", fault_times=3
    )
    slack = SlackSimulator()

    port = free_port()
    ui = f"http://127.0.0.1:{port}"
    dagster_db = f"callscript_e2e_dagster_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dagster_db)))
    home = tmp_path / "dagster"
    home.mkdir()
    (home / "dagster.yaml").write_bytes(dagster_yaml_template().read_bytes())
    log_path = tmp_path / "dagster.log"

    with ringba.serve() as ringba_server, slack.serve() as slack_server, log_path.open("wb") as log:
        settings_env = {
            "DATABASE_URL": db_url,
            "RINGBA_ACCOUNT_ID": "RA_test",
            "RINGBA_API_TOKEN": "test-token",
            "RINGBA_BASE_URL": ringba_server.url,
            "CALLSCRIPT_UI_URL": ui,
        }
        env = {
            **os.environ,
            **settings_env,
            "CALLSCRIPT_DAGSTER_DATABASE_URL": dagster_storage_url(pg_server, dagster_db),
            "DAGSTER_HOME": str(home),
            "CALLSCRIPT_HOME": str(tmp_path / "home"),
            **FLOW_ONLY_ENV,
            "CALLSCRIPT_PARTITIONS_START": (today - timedelta(days=6)).isoformat(),
            "CALLSCRIPT_RECORDING_HOSTS": "127.0.0.1",
            "CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES": "true",
            "SLACK_WEBHOOK_URL": slack.webhook_url(slack_server.url),
            # the lane sensor does not retry failures on its own: recovering them is the operator's move here
            "CALLSCRIPT_MAX_AUTO_ATTEMPTS": "1",
            "CALLSCRIPT_ALERT_FAILURE_RATE": "0.5",
            "CALLSCRIPT_ALERT_FAILURE_RATE_MIN_CALLS": "4",
            "CALLSCRIPT_CHECK_MAX_PERMANENT_FAILURE_RATE": "0.2",
            "PYTHONUNBUFFERED": "1",
        }
        dagster = dagster_dev(port, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
        try:

            def wait(condition, seconds: float, what: str):
                return wait_for(condition, seconds, what, dagster, lambda: log_path.read_text()[-3000:])

            wait(lambda: httpx.get(f"{ui}/server_info", timeout=5).is_success, 240, "the UI")

            def callscript(*args: str):
                for name, value in settings_env.items():
                    monkeypatch.setenv(name, value)
                get_settings.cache_clear()
                result = CliRunner().invoke(app, list(args), catch_exceptions=False)
                assert result.exit_code == 0, result.output
                return result.output

            def graphql(query: str, variables: dict) -> dict:
                response = httpx.post(
                    f"{ui}/graphql", json={"query": query, "variables": variables}, timeout=30
                )
                return response.json()["data"]

            def latest_check(asset: str, check: str) -> dict | None:
                executions = graphql(
                    CHECK_EXECUTIONS, {"key": {"path": [asset]}, "check": check, "partition": day.isoformat()}
                )["assetCheckExecutions"]
                return executions[0]["evaluation"] if executions else None

            def backfill_status(backfill_id: str) -> str | None:
                status = json.loads(callscript("backfill", "--status", backfill_id, "--json"))["status"]
                return status if status not in ("REQUESTED", "CANCELING", "FAILING") else None

            def lane_status() -> dict[tuple[str, str], tuple[str, str | None]]:
                rows = db.execute("SELECT call_id, lane, status, error_class FROM core.call_lanes").fetchall()
                return {(r["call_id"], r["lane"]): (r["status"], r["error_class"]) for r in rows}

            # 1. the day is backfilled as the UI would; its vault step fails
            first = json.loads(callscript("backfill", "--start", day.isoformat(), "--json"))
            assert first["url"] == f"{ui}/runs/b/{first['id']}"
            assert (
                wait(lambda: backfill_status(first["id"]), 300, "the first backfill") != "COMPLETED_SUCCESS"
            )

            # 2. on-call hears about it on Slack: the failed run, and the vault's failure rate
            wait(
                lambda: [m for m in slack.messages if m.text.startswith(FAILED_RUN_ALERT)],
                120,
                "the run-failure alert",
            )
            wait(
                lambda: [m for m in slack.messages if m.text.startswith(QUEUE_ALERT)], 150, "the queue alert"
            )

            # 3. the checks name what the day is missing; the calls that were fine carry on through the lanes
            retryable = wait(
                lambda: (
                    (e := latest_check("vaulted_audio", "no_retryable_failures")) and not e["success"] and e
                ),
                120,
                "the failing check",
            )
            for call_id in ("RGB-expired-1", "RGB-expired-2", "RGB-flaky"):
                assert call_id in retryable["description"]
            wait(
                lambda: all(
                    lane_status().get((c, "judge"), ("",))[0] == "done" for c in ("RGB-ok-1", "RGB-ok-2")
                ),
                300,
                "the good calls to be judged",
            )

            # 4. the operator sees why, then refreshes the expired URLs
            analysis = json.loads(callscript("recover", "--json"))
            causes = {(g["error_class"], g["calls"]) for g in analysis["failures"]}
            assert causes == {("url_expired", 2), ("permanent", 1), ("transient", 1)}
            recovery = json.loads(callscript("recover", "--refresh-urls", "--execute", "--json"))
            assert recovery["put_back"] == {day.isoformat(): 2}
            assert {r["call_id"] for r in recovery["plan"] if r["action"].startswith("left alone")} == {
                "RGB-deleted"
            }
            backfill = recovery["backfill"]
            assert backfill["url"] == f"{ui}/runs/b/{backfill['id']}"
            assert (
                wait(lambda: backfill_status(backfill["id"]), 420, "the recovery backfill")
                == "COMPLETED_SUCCESS"
            )

            # 5. the expired ones are back and judged (the flaky one too: the backfill retried it), the deleted one
            # stays failed for good and reported
            lanes = lane_status()
            for call_id in ("RGB-ok-1", "RGB-ok-2", "RGB-expired-1", "RGB-expired-2", "RGB-flaky"):
                assert lanes[(call_id, "judge")] == ("done", None), call_id
            assert lanes[("RGB-deleted", "vault")] == ("failed", "permanent")
            progress = callscript("backfill", "--status", backfill["id"])
            assert (
                "COMPLETED_SUCCESS" in progress and day.isoformat() in progress and "MATERIALIZED" in progress
            )

            # 6. the checks went from failing to passing, as the UI shows them (the backfill's days are checked by
            # a run of their own, which the lane_checks_after_runs sensor asks for once the backfill's run ended)
            def all_green() -> bool:
                return all(
                    (e := latest_check(asset, check)) and e["success"]
                    for asset in ("vaulted_audio", "transcripts", "judgments")
                    for check in ("no_retryable_failures", "upstream_calls_processed", "no_stale_claims")
                )

            wait(all_green, 180, "the checks to pass")
            deleted = latest_check("vaulted_audio", "permanent_failures_below_threshold")
            assert deleted["success"] and "RGB-deleted" in deleted["description"]
            assert latest_check("ringba_calls", "calls_complete")["success"]

            # 7. a second recovery finds nothing to do; the deleted recording is still reported
            again = json.loads(callscript("recover", "--json"))
            assert [(g["error_class"], g["examples"]) for g in again["failures"]] == [
                ("permanent", "RGB-deleted")
            ]
            assert "nothing to recover" in again["summary"]
            nothing = json.loads(callscript("recover", "--refresh-urls", "--json"))
            assert nothing["summary"] == "refresh-urls: nothing to put back (1 left alone)"

            # 8. exactly one alert of each kind, saying what happened
            failed_runs = [m.text for m in slack.messages if m.text.startswith(FAILED_RUN_ALERT)]
            assert len(failed_runs) == 1, failed_runs
            lines = failed_runs[0].split("\n")
            assert lines[0] == (
                f"{FAILED_RUN_ALERT}: judgments, ringba_calls, transcripts, vaulted_audio · partition {day}"
            )
            assert lines[1].startswith(
                "step `vaulted_audio` — Failure: 3 of 6 calls failed with retryable errors"
            )
            assert lines[-1].startswith(f"<{ui}/runs/")
            queue = [m.text for m in slack.messages if m.text.startswith(QUEUE_ALERT)]
            assert len(queue) == 1, queue
            assert queue[0].startswith(
                f"{QUEUE_ALERT}: vault failure rate 67% in the last hour (4 of 6 calls failed; threshold 50%)"
            )
            assert not [m.text for m in slack.messages if "Still firing" in m.text]
        finally:
            dagster.stop()
            with psycopg.connect(pg_server, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dagster_db))
                )
