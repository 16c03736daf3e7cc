"""The system-of-record database as a Dagster resource."""

from __future__ import annotations

import functools

import dagster as dg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.pool import pool_for
from callscript_dagster.db.server import core_database_url
from callscript_dagster.settings import get_settings


@functools.cache
def _default_url() -> str:
    return core_database_url(get_settings())


class DatabaseResource(dg.ConfigurableResource):
    """PostgreSQL holding schema `core` (calls, lanes, events). The URL comes from the environment
    (DATABASE_URL, else the embedded server) unless given explicitly, so it never shows in run config."""

    url: str | None = None

    def conninfo(self) -> str:
        return self.url or _default_url()

    def pool(self) -> ConnectionPool:
        """This process's pool for the database, schema migrated."""
        return pool_for(self.conninfo())
