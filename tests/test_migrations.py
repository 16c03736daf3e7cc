"""Migrations apply once, twice and concurrently, and the schema enforces what the design promises."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from callscript_dagster.db.migrate import MigrationError, available_migrations, migrate


def test_migrate_is_idempotent(db_url: str, db: psycopg.Connection) -> None:
    assert migrate(db_url) == []  # the template already applied everything
    versions = [r["version"] for r in db.execute("SELECT version FROM core.schema_migrations ORDER BY 1")]
    assert versions == [m.version for m in available_migrations()]


def test_concurrent_migrations_from_scratch(pg_server: str) -> None:
    import uuid

    from conftest import _create_database, _drop_database

    name = f"callscript_m_{uuid.uuid4().hex[:8]}"
    url = _create_database(pg_server, name)
    try:
        with ThreadPoolExecutor(4) as pool:
            applied = list(pool.map(lambda _: migrate(url), range(4)))
        # exactly one caller applied each migration; the others waited on the lock and found nothing to do
        assert sorted(len(a) for a in applied) == [0, 0, 0, len(available_migrations())]
    finally:
        _drop_database(pg_server, name)


def test_changed_migration_is_refused(db_url: str, tmp_path) -> None:
    first = available_migrations()[0]
    (tmp_path / first.path.name).write_text(first.sql + "\n-- edited after release\n")
    with pytest.raises(MigrationError, match="changed after it was applied"):
        migrate(db_url, tmp_path)


def test_call_events_are_append_only(db: psycopg.Connection) -> None:
    db.execute("INSERT INTO core.calls (call_id, call_at, partition_date) VALUES ('c1', now(), current_date)")
    db.execute("INSERT INTO core.call_events (call_id, lane, to_status) VALUES ('c1', 'ingest', 'updated')")
    with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        db.execute("UPDATE core.call_events SET message = 'rewritten'")
    with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        db.execute("DELETE FROM core.call_events")
    with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        db.execute("TRUNCATE core.call_events")
    assert db.execute("SELECT count(*) AS n FROM core.call_events").fetchone()["n"] == 1


def test_updated_at_moves_on_update(db: psycopg.Connection) -> None:
    db.execute(
        "INSERT INTO core.calls (call_id, call_at, partition_date, updated_at) "
        "VALUES ('c1', now(), current_date, now() - interval '1 day')"
    )
    db.execute("UPDATE core.calls SET campaign_name = 'x' WHERE call_id = 'c1'")
    row = db.execute("SELECT updated_at > now() - interval '1 minute' AS fresh FROM core.calls").fetchone()
    assert row["fresh"]
