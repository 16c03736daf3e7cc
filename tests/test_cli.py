"""The operator's commands, run as an operator runs them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import psycopg
from typer.testing import CliRunner

from callscript_dagster.cli import app
from callscript_dagster.settings import get_settings


def run(monkeypatch, db_url: str, *args: str):
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_db_migrate_reports_what_it_applied_without_the_password(monkeypatch, db_url) -> None:
    secret_url = db_url.replace("postgres@", "postgres:s3cret@") if "postgres@" in db_url else db_url
    result = run(monkeypatch, secret_url, "db", "migrate")
    assert result.exit_code == 0
    assert "nothing to apply" in result.output  # the test database is migrated already
    assert "s3cret" not in result.output


def test_status_shows_where_each_days_calls_stand(monkeypatch, db_url, db: psycopg.Connection) -> None:
    # `status` counts days back from the database's date, so the test takes "today" from there too
    today = db.execute("SELECT current_date AS d").fetchone()["d"]
    for i, lane_status in enumerate(["done", "failed", "claimed"]):
        db.execute(
            "INSERT INTO core.calls (call_id, call_at, partition_date) VALUES (%s, %s, %s)",
            (f"c{i}", datetime.now(UTC), today),
        )
        db.execute(
            "INSERT INTO core.call_lanes (call_id, lane, partition_date, status, error_class, claimed_by) "
            "VALUES (%s, 'vault', %s, %s, %s, %s)",
            (
                f"c{i}",
                today,
                lane_status,
                "transient" if lane_status == "failed" else None,
                "run-1" if lane_status == "claimed" else None,
            ),
        )
    result = run(monkeypatch, db_url, "status", "--days", "2")
    assert result.exit_code == 0, result.output
    line = next(row for row in result.output.splitlines() if today.isoformat() in row)
    assert [int(n) for n in re.findall(r"\b\d+\b", line.split(today.isoformat())[1])] == [3, 1, 0, 0, 1, 1]
