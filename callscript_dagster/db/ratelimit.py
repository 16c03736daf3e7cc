"""A request rate limit that holds across every process of the deployment.

Ringba's reporting limit is account-wide, and a backfill may run several partitions at once in separate run
workers, so a per-process limiter is not enough. Each request reserves the next free slot in a row of
`core.rate_limits` (a generic cell rate algorithm: one atomic UPDATE, the database clock for everyone), then
sleeps until that slot.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from psycopg_pool import ConnectionPool

from callscript_dagster.db.sql import query


class SharedRateLimiter:
    def __init__(
        self,
        pool: ConnectionPool,
        bucket: str,
        requests_per_second: float,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if requests_per_second <= 0:
            raise ValueError("requests_per_second must be > 0")
        self._pool = pool
        self._bucket = bucket
        self._interval = timedelta(seconds=1.0 / requests_per_second)
        self._sleep = sleep

    def acquire(self) -> float:
        """Block until this process may send one request; return the seconds waited."""
        with self._pool.connection() as conn:
            row = conn.execute(
                query("rate_limit_reserve"), {"bucket": self._bucket, "interval": self._interval}
            ).fetchone()
        wait = float(row["wait_seconds"])
        if wait > 0:
            self._sleep(wait)
        return wait

    def hold_off(self, seconds: float) -> None:
        """Push every process's next slot to at least `seconds` from now (a 429 with Retry-After)."""
        with self._pool.connection() as conn:
            conn.execute(
                query("rate_limit_hold_off"), {"bucket": self._bucket, "delay": timedelta(seconds=seconds)}
            )
