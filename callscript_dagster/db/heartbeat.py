"""A run worker's sign of life in `core.run_heartbeats` (see sql/migrations/0004_run_heartbeats.sql)."""

from __future__ import annotations

import logging
import os
import socket
import threading
from types import TracebackType

import psycopg
from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query

log = logging.getLogger(__name__)


class RunHeartbeat:
    """Beats for `run_id` every `every` seconds from a daemon thread while inside the `with` block; the row goes
    away on a normal exit. A process killed with -9 leaves its row, which then goes stale."""

    def __init__(self, pool: ConnectionPool, run_id: str, every: float) -> None:
        self._pool = pool
        self._params = {"run_id": run_id, "worker": f"{socket.gethostname()}:{os.getpid()}"}
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{run_id[:8]}", daemon=True)

    def __enter__(self) -> RunHeartbeat:
        self._beat()  # at once: the run is alive from the moment it holds the resource
        self._thread.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        try:
            with self._pool.connection() as conn:
                conn.execute(query("run_heartbeat_end"), self._params)
        except psycopg.OperationalError as error:  # the row goes stale; the reaper finds the run ended
            log.warning("could not clear the heartbeat of run %s: %s", self._params["run_id"], error)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self._beat()
            except psycopg.OperationalError as error:  # a database restart: the next beat may get through
                log.warning("heartbeat of run %s failed: %s", self._params["run_id"], error)

    def _beat(self) -> None:
        with self._pool.connection() as conn:
            conn.execute(query("run_heartbeat"), self._params)
