"""The system-of-record database as a Dagster resource."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

import dagster as dg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.heartbeat import RunHeartbeat
from callscript_dagster.db.pool import pool_for
from callscript_dagster.db.server import core_database_url
from callscript_dagster.settings import get_settings


@functools.cache
def _default_url() -> str:
    return core_database_url(get_settings())


class DatabaseResource(dg.ConfigurableResource):
    """PostgreSQL holding schema `core` (calls, lanes, events). The URL comes from the environment
    (DATABASE_URL, else the embedded server) unless given explicitly, so it never shows in run config.

    Inside a run, the process holding this resource beats in `core.run_heartbeats` every quarter of the claim
    timeout: a run whose worker was lost stops beating, and the reaper marks it failed."""

    url: str | None = None
    claim_timeout_seconds: int = 300

    def conninfo(self) -> str:
        return self.url or _default_url()

    def pool(self) -> ConnectionPool:
        """This process's pool for the database, schema migrated."""
        return pool_for(self.conninfo())

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[DatabaseResource]:
        if context.run_id is None:  # a sensor or a schedule: no run to vouch for
            yield self
            return
        with RunHeartbeat(self.pool(), context.run_id, every=max(1.0, self.claim_timeout_seconds / 4)):
            yield self
