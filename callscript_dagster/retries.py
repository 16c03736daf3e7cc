"""The one retry policy of CallScript: every HTTP call to an outside service and every lane's work function
retries transient failures the same way — capped exponential backoff with jitter, honouring a server's
Retry-After when it gave one."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from typing import TypeVar

import httpx
import psycopg
import tenacity

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def is_transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, dropped connections (to a server or to our database, which a restart or
    failover drops for seconds), or an error that says so itself."""
    from callscript_dagster.errors import ErrorClass, LaneError

    if isinstance(exc, LaneError):
        return exc.error_class is ErrorClass.TRANSIENT
    # psycopg's OperationalError covers a lost connection, and also the deadlocks and serialization failures
    # PostgreSQL resolves by aborting one transaction so that it can be run again.
    return isinstance(exc, httpx.TransportError | psycopg.OperationalError)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds the server asked us to wait (Retry-After as seconds or an HTTP date), if it asked."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class _WaitRetryAfter(tenacity.wait.wait_base):
    """Exponential backoff with jitter, but never shorter than the Retry-After the failure carried."""

    def __init__(self, initial: float, maximum: float):
        self._backoff = tenacity.wait_exponential_jitter(initial=initial, max=maximum)
        self._maximum = maximum

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        wait = self._backoff(retry_state)
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        asked = getattr(exc, "retry_after", None)
        if asked is not None:
            wait = max(wait, min(float(asked), self._maximum * 4))
        return wait


def call_with_retries(
    fn: Callable[[], T],
    *,
    attempts: int = 5,
    initial_wait: float = 1.0,
    max_wait: float = 30.0,
    give_up_after: float | None = None,
    on_retry: Callable[[BaseException, float], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `fn`, retrying transient failures; the last failure propagates unchanged."""

    def before_sleep(state: tenacity.RetryCallState) -> None:
        if on_retry and state.outcome and state.next_action:
            on_retry(state.outcome.exception(), state.next_action.sleep)

    stop = tenacity.stop_after_attempt(attempts)
    if give_up_after is not None:
        stop = stop | tenacity.stop_after_delay(give_up_after)
    retrying = tenacity.Retrying(
        stop=stop,
        wait=_WaitRetryAfter(initial_wait, max_wait),
        retry=tenacity.retry_if_exception(is_transient),
        before_sleep=before_sleep,
        sleep=sleep,
        reraise=True,
    )
    return retrying(fn)
