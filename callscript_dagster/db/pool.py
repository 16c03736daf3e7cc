"""Connection pools, one per database URL per process, opened on first use and migrated once."""

from __future__ import annotations

import atexit
import threading

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from callscript_dagster.db.migrate import migrate

_lock = threading.Lock()
_pools: dict[str, ConnectionPool] = {}


def pool_for(conninfo: str, *, max_size: int = 16) -> ConnectionPool:
    """The process-wide pool for `conninfo`, with the `core` schema migrated before first use.

    Sensors evaluate every few seconds and run workers use many threads: sharing one pool per process keeps
    the connection count bounded and avoids reconnecting on every tick."""
    with _lock:
        pool = _pools.get(conninfo)
        if pool is None:
            migrate(conninfo)
            pool = ConnectionPool(
                conninfo,
                min_size=1,
                max_size=max_size,
                kwargs={"row_factory": dict_row},
                # A connection is checked before it is handed out, so one the server closed (a restart, a
                # failover, an idle timeout) is replaced instead of failing the caller's first statement.
                check=ConnectionPool.check_connection,
                name="callscript",
                open=True,
            )
            _pools[conninfo] = pool
        return pool


@atexit.register
def close_pools() -> None:
    with _lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()


def close_pool(conninfo: str) -> None:
    """Close and forget the pool for `conninfo` (before dropping its database, say)."""
    with _lock:
        pool = _pools.pop(conninfo, None)
    if pool is not None:
        pool.close()
