"""Forward-only, versioned migrations for schema `core`.

`sql/migrations/NNNN_name.sql` files are applied in order, each in its own transaction, and recorded in
`core.schema_migrations` with a checksum. A session advisory lock makes concurrent `migrate` calls (two
processes starting at once) wait for each other instead of racing; an applied file that changed on disk is an
error, not something to silently re-run.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from callscript_dagster.db.sql import sql_root

log = logging.getLogger(__name__)

# pg_advisory_lock key: any constant unique to this purpose ("callscript migrate").
_LOCK_KEY = 0x43414C4C4D494752
_FILE_PATTERN = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def available_migrations(directory: Path | None = None) -> list[Migration]:
    directory = directory or sql_root() / "migrations"
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_PATTERN.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: migration files are named NNNN_snake_case.sql")
        migrations.append(Migration(int(match[1]), match[2], path))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migrations share a version number in {directory}")
    return migrations


def migrate(conninfo: str, directory: Path | None = None) -> list[Migration]:
    """Apply pending migrations; return the ones applied by this call (empty when up to date)."""
    migrations = available_migrations(directory)
    applied_now: list[Migration] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
        try:
            conn.execute("CREATE SCHEMA IF NOT EXISTS core")
            conn.execute(
                """CREATE TABLE IF NOT EXISTS core.schema_migrations (
                       version    integer PRIMARY KEY,
                       name       text NOT NULL,
                       checksum   text NOT NULL,
                       applied_at timestamptz NOT NULL DEFAULT now())"""
            )
            done = dict(conn.execute("SELECT version, checksum FROM core.schema_migrations").fetchall())
            for migration in migrations:
                if migration.version in done:
                    if done[migration.version] != migration.checksum:
                        raise MigrationError(
                            f"migration {migration.path.name} was changed after it was applied; "
                            "migrations are forward-only: add a new file instead"
                        )
                    continue
                with conn.transaction():
                    conn.execute(migration.sql)
                    conn.execute(
                        "INSERT INTO core.schema_migrations (version, name, checksum) VALUES (%s, %s, %s)",
                        (migration.version, migration.name, migration.checksum),
                    )
                log.info("applied migration %s", migration.path.name)
                applied_now.append(migration)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
    return applied_now
