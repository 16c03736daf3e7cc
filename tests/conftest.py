"""Test fixtures: a real PostgreSQL (the machine's, or an embedded one), a fresh migrated database per test,
and a real Dagster instance whose storage is on PostgreSQL too."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import dagster as dg
import psycopg
import pytest
from psycopg import sql

from callscript_dagster.db.migrate import migrate
from callscript_dagster.db.pool import close_pool
from callscript_dagster.db.server import dagster_storage_url, start_embedded, with_database


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of the server's maintenance database: DATABASE_URL when set (CI), else an embedded server."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return with_database(url, "postgres", driver="postgresql")
    server = start_embedded(tmp_path_factory.mktemp("pg"))
    return with_database(server.get_uri(), "postgres", driver="postgresql")


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
