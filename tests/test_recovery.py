"""Recovering failed calls: grouping failures by cause, what each mode puts back (and leaves alone), putting calls
back in the system of record, and `callscript recover` / `callscript backfill` as an operator runs them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import psycopg
import pytest
from typer.testing import CliRunner

from callscript_dagster.backfills import days_between, days_of_last_hours
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.cli import app
from callscript_dagster.db import pool_for
from callscript_dagster.db.sql import query
from callscript_dagster.errors import ErrorClass
from callscript_dagster.recovery import (
    FailedCall,
    FailureFilters,
    RecoveryMode,
    advise,
    execute_plan,
    fetch_fresh_urls,
    find_failed_calls,
    message_pattern,
    plan_recovery,
)
from callscript_dagster.settings import get_settings
from callscript_simulators.ringba import RingbaSimulator

from harness import lane_resources

D1, D2 = date(2026, 11, 19), date(2026, 11, 20)
RUN = "5f0c3a1e-8d2b-4c47-9a61-2b7e4c1d9f00"


@pytest.mark.parametrize(
    ("message", "pattern"),
    [
        (
            "recording download got HTTP 404 from http://127.0.0.1:53211/recording-public",
            "recording download got HTTP 404 from 127.0.0.1",
        ),
        (
            "recording download got HTTP 403 from https://media.ringba.com/recording-public",
            "recording download got HTTP 403 from media.ringba.com",
        ),
        (f"claim released: run {RUN} stopped or timed out", "claim released: run <id> stopped or timed out"),
        (
            "recording is truncated: decoded 1234 of 56789 declared",
            "recording is truncated: decoded <n> of <n> declared",
        ),
        ("recording download took longer than 600 s", "recording download took longer than 600 s"),
        ("LLM server answered HTTP 503", "LLM server answered HTTP 503"),
    ],
)
def test_messages_group_by_cause_not_by_call(message, pattern) -> None:
    assert message_pattern(message) == pattern


@pytest.mark.parametrize(
    ("lane", "error_class", "message", "mode", "needs_permanent"),
    [
        (
            Lane.VAULT,
            ErrorClass.URL_EXPIRED,
            "recording URL expired and Ringba offered no fresh one",
            RecoveryMode.REFRESH_URLS,
            False,
        ),
        (
            Lane.VAULT,
            ErrorClass.PERMANENT,
            "recording download got HTTP 404 from x",
            RecoveryMode.REFRESH_URLS,
            True,
        ),
        (
            Lane.VAULT,
            ErrorClass.PERMANENT,
            "recording host evil.example is not allowed (…)",
            RecoveryMode.ALL,
            True,
        ),
        (Lane.VAULT, ErrorClass.PERMANENT, "recording is empty (0 bytes)", RecoveryMode.ALL, True),
        (Lane.VAULT, ErrorClass.TRANSIENT, "recording download got HTTP 503 from x", RecoveryMode.ALL, False),
        (
            Lane.FACTORY,
            ErrorClass.TRANSIENT,
            "CUDA out of memory at batch size 1",
            RecoveryMode.WITH_AUDIO,
            False,
        ),
        (
            Lane.FACTORY,
            ErrorClass.PERMANENT,
            "recording is not decodable audio (InvalidDataError)",
            RecoveryMode.ALL,
            True,
        ),
        (Lane.JUDGE, ErrorClass.TRANSIENT, "invalid LLM output", RecoveryMode.WITH_AUDIO, False),
        (Lane.JUDGE, ErrorClass.PERMANENT, "no transcript for this call", RecoveryMode.WITH_AUDIO, True),
    ],
)
def test_each_failure_gets_its_recommended_action(lane, error_class, message, mode, needs_permanent) -> None:
    advice = advise(lane, error_class, message)
    assert (advice.mode, advice.needs_permanent) == (mode, needs_permanent)
    assert advice.action


def fc(call_id, lane, error_class, message="boom", day=D1, **kwargs) -> FailedCall:
    return FailedCall(call_id, Lane(lane), day, ErrorClass(error_class), message, **kwargs)


FAILED = [
    fc("expired", "vault", "url_expired", "recording URL expired and Ringba offered no fresh one"),
    fc("deleted", "vault", "permanent", "recording download got HTTP 404 from x"),
    fc("flaky", "vault", "transient", "recording download got HTTP 503 from x"),
    fc("corrupt", "vault", "permanent", "recording is corrupt: 3 of 9 packets failed to decode", day=D2),
    fc("oom", "factory", "transient", "CUDA out of memory", day=D2, has_recording=True),
    fc("llm", "judge", "transient", "invalid LLM output", has_recording=True),
    fc("no-audio", "factory", "permanent", "no vaulted recording for this call", day=D2, has_recording=False),
]


@pytest.mark.parametrize(
    ("mode", "include_permanent", "resets", "left", "also_retried", "assets"),
    [
        pytest.param(
            RecoveryMode.REFRESH_URLS,
            False,
            {"expired": "vault"},
            {"deleted"},
            {"flaky", "llm"},
            ["vaulted_audio", "transcripts", "judgments"],
            id="refresh-urls",
        ),
        pytest.param(
            RecoveryMode.REFRESH_URLS,
            True,
            {"expired": "vault", "deleted": "vault"},
            set(),
            {"flaky", "llm"},
            ["vaulted_audio", "transcripts", "judgments"],
            id="refresh-urls-including-deleted",
        ),
        pytest.param(
            RecoveryMode.WITH_AUDIO,
            False,
            {"oom": "factory", "llm": "judge"},
            set(),
            set(),
            ["transcripts", "judgments"],
            id="with-audio",
        ),
        pytest.param(
            RecoveryMode.ALL,
            False,
            {"expired": "vault", "flaky": "vault", "oom": "vault", "llm": "vault"},
            {"deleted", "corrupt", "no-audio"},
            set(),
            ["vaulted_audio", "transcripts", "judgments"],
            id="all",
        ),
        pytest.param(
            RecoveryMode.ALL,
            True,
            {c.call_id: "vault" for c in FAILED},
            set(),
            set(),
            ["vaulted_audio", "transcripts", "judgments"],
            id="all-including-permanent",
        ),
    ],
)
def test_what_each_mode_puts_back_and_what_it_leaves_alone(
    mode, include_permanent, resets, left, also_retried, assets
) -> None:
    plan = plan_recovery(FAILED, mode, include_permanent=include_permanent)
    assert {r.call.call_id: r.lane.value for r in plan.resets} == resets
    assert {a.call.call_id for a in plan.left} == left
    assert all("--include-permanent" in a.reason for a in plan.left)
    assert {c.call_id for c in plan.also_retried} == also_retried
    assert plan.assets == assets
    assert plan.days == sorted({c.day for c in FAILED if c.call_id in resets})


def test_calls_ringba_has_no_fresh_url_for_are_left_alone() -> None:
    plan = plan_recovery(
        [
            fc("fresh", "vault", "url_expired", recording_url="https://m/old-1"),
            fc("same", "vault", "url_expired", recording_url="https://m/old-2"),
            fc("none", "vault", "url_expired", recording_url="https://m/old-3"),
        ],
        RecoveryMode.REFRESH_URLS,
        include_permanent=False,
    )
    plan = plan.with_fresh_urls({"fresh": "https://m/new-1", "same": "https://m/old-2", "none": None})
    assert [(r.call.call_id, r.fresh_url) for r in plan.resets] == [("fresh", "https://m/new-1")]
    assert {a.call.call_id: a.reason for a in plan.left} == {
        "same": "Ringba offered no fresh recording URL",
        "none": "Ringba offered no fresh recording URL",
    }


def add_call(
    db: psycopg.Connection, call_id: str, day: date, lanes: dict[str, tuple], url: str | None = None
) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date, recording_url) VALUES (%s, %s, %s, %s)",
        (call_id, datetime(day.year, day.month, day.day, 12, tzinfo=UTC), day, url),
    )
    for lane, (status, error_class, message) in lanes.items():
        db.execute(
            "INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, error_message, attempts) "
            "VALUES (%s, %s, %s, %s, %s, %s, 5)",
            (call_id, lane, day, status, error_class, message),
        )


DONE = ("done", None, None)


def test_putting_calls_back_records_an_event_each_and_leaves_them_to_the_backfill(db_url, db) -> None:
    add_call(
        db, "expired", D1, {"vault": ("failed", "url_expired", "recording URL expired")}, url="https://m/old"
    )
    add_call(db, "oom", D2, {"vault": DONE, "factory": ("failed", "transient", "CUDA out of memory")})
    add_call(
        db, "judge-failed", D2, {"vault": DONE, "factory": DONE, "judge": ("failed", "transient", "bad")}
    )
    pool = pool_for(db_url)
    failed = find_failed_calls(db, FailureFilters())
    assert {c.call_id for c in failed} == {"expired", "oom", "judge-failed"}

    refresh = plan_recovery(failed, RecoveryMode.REFRESH_URLS, include_permanent=False)
    assert execute_plan(pool, refresh.with_fresh_urls({"expired": "https://m/fresh"})) == {D1: 1}
    everything = plan_recovery(
        find_failed_calls(db, FailureFilters(since=D2)), RecoveryMode.ALL, include_permanent=False
    )
    assert execute_plan(pool, everything) == {D2: 2}

    lanes = {
        (r["call_id"], r["lane"]): r
        for r in db.execute("SELECT *, retry_at > now() AS held FROM core.call_lanes").fetchall()
    }
    assert set(lanes) == {
        ("expired", "vault"),
        ("oom", "vault"),
        ("judge-failed", "vault"),
    }  # later lanes removed
    assert all(
        (r["status"], r["attempts"], r["error_class"], r["held"]) == ("pending", 0, None, True)
        for r in lanes.values()
    )
    assert db.execute("SELECT recording_url FROM core.calls WHERE call_id = 'expired'").fetchone()[
        "recording_url"
    ] == ("https://m/fresh")
    events = [
        (e["call_id"], e["lane"], e["from_status"], e["to_status"], e["message"])
        for e in db.execute("SELECT * FROM core.call_events ORDER BY event_id").fetchall()
    ]
    assert events[:2] == [
        (
            "expired",
            "ingest",
            None,
            "updated",
            "recording URL refreshed from Ringba by callscript recover --refresh-urls",
        ),
        (
            "expired",
            "vault",
            "failed",
            "pending",
            "reset by callscript recover --refresh-urls (was url_expired: recording URL expired)",
        ),
    ]
    assert ("oom", "vault", "done", "pending", "reset by callscript recover --recover-all") in events
    assert (
        "oom",
        "factory",
        "failed",
        "removed",
        "reset by callscript recover --recover-all: back to the vault lane",
    ) in events
    assert (
        len(events) == 2 + 2 + 3
    )  # expired: url + reset; oom: reset + removed; judge-failed: reset + 2 removed

    # the lane sensor leaves held calls to the recovery backfill
    backlog = db.execute(query("lane_backlog"), {"max_attempts": 5, "limit": 100}).fetchall()
    assert backlog == []
    # a second recovery finds nothing failed
    assert find_failed_calls(db, FailureFilters()) == []


def test_a_call_that_moved_on_meanwhile_is_not_put_back(db_url, db) -> None:
    add_call(db, "flaky", D1, {"vault": ("failed", "transient", "HTTP 503")})
    plan = plan_recovery(find_failed_calls(db, FailureFilters()), RecoveryMode.ALL, include_permanent=False)
    db.execute("UPDATE core.call_lanes SET status = 'claimed', claimed_by = 'run-1', error_class = NULL")
    assert execute_plan(pool_for(db_url), plan) == {D1: 0}
    assert db.execute("SELECT status FROM core.call_lanes").fetchone()["status"] == "claimed"


def test_fresh_urls_come_from_ringba_by_call_id(db_url) -> None:
    sim = RingbaSimulator(calls_per_day=0)
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    sim.add_call("RGB-known", at)
    plan = plan_recovery(
        [
            fc("RGB-known", "vault", "url_expired", call_at=at),
            fc("RGB-unknown", "vault", "url_expired", call_at=at),
        ],
        RecoveryMode.REFRESH_URLS,
        include_permanent=False,
    )
    with sim.serve() as server, lane_resources(db_url, server.url)["ringba"].open_client() as ringba:
        found, errors = fetch_fresh_urls(plan, ringba.find_recording_url)
        base_url = server.url
    assert found["RGB-known"].startswith(f"{base_url}/recording-public?callId=RGB-known")
    assert found["RGB-unknown"] is None and errors == {}
    assert all(r.body["filters"] for r in sim.requests)  # asked by inboundCallId, one call at a time


def test_backfill_days() -> None:
    assert days_between(D1, D2) == [D1, D2]
    ny = ZoneInfo("America/New_York")
    # 02:00 in New York: the last 4 hours reach back into the previous business day
    assert days_of_last_hours(4, datetime(2026, 11, 20, 2, tzinfo=ny), ny) == [D1, D2]
    assert days_of_last_hours(1, datetime(2026, 11, 20, 2, tzinfo=ny), ny) == [D2]
    with pytest.raises(ValueError):
        days_between(D2, D1)


def cli(monkeypatch, env: dict[str, str], *args: str):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_recover_analyzes_by_default_and_dry_runs_a_mode(monkeypatch, db_url, db) -> None:
    for i in range(3):
        add_call(
            db,
            f"RGB-exp-{i}",
            D1,
            {"vault": ("failed", "url_expired", "recording URL expired and Ringba offered no fresh one")},
        )
    add_call(
        db,
        "RGB-gone",
        D1,
        {"vault": ("failed", "permanent", "recording download got HTTP 404 from http://127.0.0.1:1/r")},
    )
    env = {"DATABASE_URL": db_url}

    analysis = cli(monkeypatch, env, "recover", "--json")
    assert analysis.exit_code == 0, analysis.output
    report = json.loads(analysis.output)
    assert [(g["error_class"], g["calls"], g["pattern"]) for g in report["failures"]] == [
        ("url_expired", 3, "recording URL expired and Ringba offered no fresh one"),
        ("permanent", 1, "recording download got HTTP 404 from 127.0.0.1"),
    ]
    assert report["summary"] == (
        "4 failed calls; 3 recoverable (see the actions above); 1 permanent, left alone unless named with "
        "--include-permanent"
    )
    table = cli(monkeypatch, env, "recover").output
    assert "--refresh-urls" in table and "RGB-exp-0" in table

    dry = cli(monkeypatch, env, "recover", "--refresh-urls")
    assert dry.exit_code == 0
    assert "would put back 3 calls of 2026-11-19" in dry.output and "dry run" in dry.output
    assert "left alone: permanent" in dry.output
    assert {r["status"] for r in db.execute("SELECT status FROM core.call_lanes")} == {
        "failed"
    }  # nothing reset

    none = cli(monkeypatch, env, "recover", "--recover-with-audio", "--lane", "factory")
    assert "recover-with-audio: nothing to put back" in none.output
    both = CliRunner().invoke(app, ["recover", "--recover-all", "--refresh-urls"])
    assert both.exit_code != 0


def test_recover_execute_puts_calls_back_even_when_the_webserver_is_down(monkeypatch, db_url, db) -> None:
    sim = RingbaSimulator(calls_per_day=0)
    at = datetime(2026, 11, 19, 9, tzinfo=UTC)
    sim.add_call("RGB-exp", at)
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date, recording_url) VALUES ('RGB-exp', %s, %s, 'x')",
        (at, D1),
    )
    db.execute(
        "INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, error_message) "
        "VALUES ('RGB-exp', 'vault', %s, 'failed', 'url_expired', 'recording URL expired')",
        (D1,),
    )
    with sim.serve() as server:
        env = {
            "DATABASE_URL": db_url,
            "RINGBA_ACCOUNT_ID": "RA_test",
            "RINGBA_API_TOKEN": "test-token",
            "RINGBA_BASE_URL": server.url,
            "CALLSCRIPT_UI_URL": "http://127.0.0.1:9",
        }
        result = cli(monkeypatch, env, "recover", "--refresh-urls", "--execute")
        base_url = server.url
    assert result.exit_code == 1
    assert "put back 1 calls of 2026-11-19" in result.output
    assert "callscript backfill --start 2026-11-19 --end 2026-11-19" in result.output
    row = db.execute(
        "SELECT l.status, c.recording_url FROM core.call_lanes l JOIN core.calls c USING (call_id)"
    ).fetchone()
    assert row["status"] == "pending" and row["recording_url"].startswith(f"{base_url}/recording-public")
