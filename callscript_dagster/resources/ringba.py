"""Ringba's reporting API as a Dagster resource: a `RingbaClient` for the run, within the deployment-wide rate
limit."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

import dagster as dg
import httpx
from pydantic import PrivateAttr

from callscript_dagster.db.ratelimit import SharedRateLimiter
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.ringba.client import MAX_PAGE_SIZE, RINGBA_API_URL, RingbaClient

log = logging.getLogger(__name__)


class RingbaResource(dg.ConfigurableResource):
    """Ringba's reporting API. The token comes from the environment (`dg.EnvVar("RINGBA_API_TOKEN")`) and never
    appears in logs or run config; requests share one rate limit across every run of the deployment.

    In a run, `client` is open for the run's whole length (one connection pool, one rate-limit bucket)."""

    account_id: str
    api_token: str
    base_url: str = RINGBA_API_URL
    max_requests_per_second: float = 1.0
    page_size: int = MAX_PAGE_SIZE
    timeout_seconds: float = 30.0
    retry_wait_seconds: float = 1.0  # first back-off of the retry policy (tests: 0)
    # A near-real-time read starts this far before where the last one ended: Ringba logs some calls late.
    late_log_overlap_seconds: int = 600
    database: DatabaseResource

    _client: RingbaClient | None = PrivateAttr(default=None)

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[RingbaResource]:
        # on_retry runs in the vault lane's worker threads too: Python logging, not Dagster's (not thread-safe)
        with self.open_client(
            on_retry=lambda exc, wait: log.warning("Ringba: %s; retrying in %.1fs", exc, wait)
        ) as client:
            self._client = client
            try:
                yield self
            finally:
                self._client = None

    @property
    def client(self) -> RingbaClient:
        """The run's client (only inside a run or a `with` of this resource)."""
        if self._client is None:
            raise RuntimeError("RingbaResource.client is only available while the resource is in use")
        return self._client

    @contextlib.contextmanager
    def open_client(self, on_retry=None) -> Iterator[RingbaClient]:
        """A client of its own, for use outside a run (the recovery command, a benchmark)."""
        limiter = SharedRateLimiter(
            self.database.pool(), f"ringba:{self.account_id}", self.max_requests_per_second
        )
        timeout = httpx.Timeout(self.timeout_seconds, connect=min(10.0, self.timeout_seconds))
        with httpx.Client(timeout=timeout, follow_redirects=False) as http:
            yield RingbaClient(
                base_url=self.base_url,
                account_id=self.account_id,
                api_token=self.api_token,
                http=http,
                limiter=limiter,
                page_size=self.page_size,
                retry_wait=self.retry_wait_seconds,
                on_retry=on_retry,
            )
