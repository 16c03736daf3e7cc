"""Test fixtures: a real PostgreSQL (the machine's, or an embedded one), a fresh migrated database per test,
and a real Dagster instance whose storage is on PostgreSQL too."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import psycopg
import pytest
from psycopg import sql

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.pool import close_pool
from callscript_dagster.db.server import dagster_storage_url, start_embedded, with_database


def embedded_home() -> Path:
    """A directory for an embedded PostgreSQL, outside pytest's temp tree: running as root, pgserver runs
    PostgreSQL as a user of its own and opens the directories it needs to it, and pytest (each xdist worker as it
    starts) tightens its tree back to owner-only, which would lock that user out of a server already running."""
    return Path(tempfile.mkdtemp(prefix="callscript-test-pg-"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of the server's maintenance database: DATABASE_URL when set (CI), else an embedded server."""
    url = os.environ.get("DATABASE_URL")
    if url:
        yield with_database(url, "postgres", driver="postgresql")
        return
    home = embedded_home()
    server = start_embedded(home)
    yield with_database(server.get_uri(), "postgres", driver="postgresql")
    server.cleanup()
    shutil.rmtree(home, ignore_errors=True)


def _create_database(server_url: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(server_url, autocommit=True) as conn:
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        conn.execute(statement)
    return with_database(server_url, name, driver="postgresql")


def _drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def template_database(pg_server: str) -> Iterator[str]:
    """A database with the `core` schema migrated, cloned for every test (much faster than migrating)."""
    name = f"callscript_tpl_{uuid.uuid4().hex[:8]}"
    url = _create_database(pg_server, name)
    migrate(url)
    yield name
    _drop_database(pg_server, name)


@pytest.fixture
def db_url(pg_server: str, template_database: str) -> Iterator[str]:
    """A fresh, migrated database of our own for one test."""
    name = f"callscript_t_{uuid.uuid4().hex[:10]}"
    url = _create_database(pg_server, name, template=template_database)
    yield url
    close_pool(url)
    _drop_database(pg_server, name)


@pytest.fixture
def db(db_url: str) -> Iterator[psycopg.Connection]:
    """An autocommit connection to the test's database, rows as dicts, for asserting outcomes."""
    with psycopg.connect(db_url, autocommit=True, row_factory=psycopg.rows.dict_row) as conn:
        yield conn


@pytest.fixture(scope="session")
def dagster_storage_database(pg_server: str) -> Iterator[str]:
    name = f"callscript_dagster_{uuid.uuid4().hex[:8]}"
    url = _create_database(pg_server, name)
    yield dagster_storage_url(url, name)
    _drop_database(pg_server, name)


@pytest.fixture(scope="session")
def dagster_instance(
    dagster_storage_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dg.DagsterInstance]:
    """A real Dagster instance with run/event/schedule storage on PostgreSQL (shared by the session: runs are
    keyed by run id, so tests do not see each other's state)."""
    with dg.instance_for_test(
        overrides={"storage": {"postgres": {"postgres_url": dagster_storage_database}}},
        temp_dir=str(tmp_path_factory.mktemp("dagster_home")),
    ) as instance:
        yield instance


# --- the shipped recordings, ingested, vaulted and transcribed once per session -----------------------------

SHIPPED_DAY = date(2026, 11, 20)


@dataclass(frozen=True)
class ShippedCalls:
    """A database where every shipped recording went Ringba simulator → vault → real Whisper through the real
    lane assets (call id = the file's stem), and the vault holding the recordings."""

    template: str  # database name, cloned for each test that uses it
    vault: Path
    manifest: list[dict]
    transcripts_metadata: dict  # the transcripts materialization's metadata

    def call_id(self, file: str) -> str:
        return file.split(".")[0]


@pytest.fixture(scope="session")
def shipped_calls(
    pg_server: str, template_database: str, dagster_instance: dg.DagsterInstance, tmp_path_factory
) -> Iterator[ShippedCalls]:
    """Transcribing the shipped recordings is the expensive part of every factory and judge test: done once."""
    from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, RingbaSimulator

    from harness import lane_resources, materialization_metadata, materialize

    manifest = json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())
    name = f"callscript_shipped_{uuid.uuid4().hex[:8]}"
    url = _create_database(pg_server, name, template=template_database)
    vault = tmp_path_factory.mktemp("shipped-vault")
    sim = RingbaSimulator(calls_per_day=0)
    for i, entry in enumerate(manifest):
        at = datetime(SHIPPED_DAY.year, SHIPPED_DAY.month, SHIPPED_DAY.day, 9, tzinfo=UTC) + timedelta(
            minutes=i
        )
        sim.add_call(entry["file"].split(".")[0], at, recording=entry["file"])
    with sim.serve() as server:
        result = materialize(
            dagster_instance,
            lane_resources(url, server.url, vault),
            SHIPPED_DAY.isoformat(),
            "ringba_calls",
            "vaulted_audio",
            "transcripts",
        )
    assert result.success
    close_pool(url)  # a template must have no connections when it is cloned
    yield ShippedCalls(name, vault, manifest, materialization_metadata(result, "transcripts"))
    _drop_database(pg_server, name)


@pytest.fixture
def shipped_db_url(pg_server: str, shipped_calls: ShippedCalls) -> Iterator[str]:
    """A database of this test's own, cloned from `shipped_calls`: every shipped call transcribed, none judged."""
    name = f"callscript_t_{uuid.uuid4().hex[:10]}"
    url = _create_database(pg_server, name, template=shipped_calls.template)
    yield url
    close_pool(url)
    _drop_database(pg_server, name)
