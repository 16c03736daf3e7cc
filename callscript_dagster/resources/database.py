"""The system-of-record database as a Dagster resource."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from psycopg_pool import ConnectionPool
from pydantic import PrivateAttr

from callscript_dagster.db.heartbeat import RunHeartbeat
from callscript_dagster.db.pool import pool_for
from callscript_dagster.db.server import core_database_url


class DatabaseResource(dg.ConfigurableResource):
    """PostgreSQL holding schema `core` (calls, lanes, events): `url` (a `dg.EnvVar("DATABASE_URL")`, so it never
    shows in run config or the UI), else an embedded server under `embedded_home`.

    Claims of calls, and heartbeats of the runs working on them, expire after `claim_timeout_seconds`: inside a
    run, the process holding this resource beats in `core.run_heartbeats` every quarter of that, so a run whose
    worker was lost stops beating and the reaper marks it failed."""

    url: str | None = None
    embedded_home: str = ".callscript"
    claim_timeout_seconds: int = 300
    retry_wait_seconds: float = 1.0  # first back-off of a call's in-run retries (tests: 0)

    _conninfo: str | None = PrivateAttr(default=None)

    def conninfo(self) -> str:
        if self._conninfo is None:  # the embedded server is found (or started) once per resource
            self._conninfo = core_database_url(self.url, Path(self.embedded_home))
        return self._conninfo

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
