"""Exceptions to Sentry (optional: only with SENTRY_DSN set), tagged, deduplicated and scrubbed.

Sentry has no Dagster integration, and Dagster runs our code in several processes (code server for sensors, run
workers for lanes, the health server): each initializes the SDK when it builds the Definitions or starts
(`init_error_reporting`). What is sent:

- tags say where: lane, partition, run id, asset (or probe, for the health server);
- one event per (run, step, exception type): a day whose 300 recordings all answer 404 is one event, not 300;
- secrets never leave: every string of an event passes through `redact_text` (URLs lose credentials and query
  strings, tokens and keys are masked), local variables and request data are not collected, and Dagster's own
  log records (which carry run config) neither become events nor breadcrumbs;
- a lane step flushes before it returns, so a run worker that exits right after loses nothing.
"""

from __future__ import annotations

import functools
import inspect
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration, ignore_logger

from callscript_dagster.errors import redact_text

log = logging.getLogger(__name__)

_lock = threading.Lock()
_reported: dict[tuple[str, ...], float] = {}  # dedupe key → when it was last sent (monotonic)
_enabled = False


def init_error_reporting(dsn: str | None, *, environment: str, release: str | None = None) -> bool:
    """Send exceptions to the Sentry project of `dsn` from this process (no-op without a DSN). Safe to call
    more than once (Dagster builds the Definitions several times in one process)."""
    global _enabled
    if not dsn:
        return False
    if _enabled:
        return True
    ignore_logger("dagster")  # Dagster's log records carry run config and are not errors of ours
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        send_default_pii=False,
        include_local_variables=False,  # a frame's locals can hold a token or a signed URL
        max_breadcrumbs=20,
        # Errors are reported where they happen (report_exception), not from every logger.error.
        integrations=[LoggingIntegration(level=logging.INFO, event_level=None)],
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
    )
    _enabled = True
    return True


def report_exception(
    exc: BaseException,
    *,
    tags: Mapping[str, str | None],
    once_per: tuple[str, ...],
    every: float | None = None,
) -> bool:
    """Send `exc` with `tags`, unless this process already sent an exception of the same type for `once_per`
    (e.g. (run id, step)) — ever, or within the last `every` seconds for long-lived callers (a sensor, a
    health probe) whose same failure should be heard of again later. Returns whether it was sent."""
    if not _enabled:
        return False
    key = (*once_per, type(exc).__module__, type(exc).__qualname__)
    now = time.monotonic()
    with _lock:
        sent = _reported.get(key)
        if sent is not None and (every is None or now - sent < every):
            return False
        _reported[key] = now
    with sentry_sdk.new_scope() as scope:
        for name, value in tags.items():
            if value is not None:
                scope.set_tag(name, value)
        scope.fingerprint = [
            "{{ default }}",
            *(tags.get(k) or "" for k in ("lane", "asset", "probe", "sensor")),
        ]
        sentry_sdk.capture_exception(exc)
    return True


def sensor_errors_reported(evaluate: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a sensor's evaluation function so an exception it raises (also while its run requests are being
    yielded) is reported, at most hourly per sensor and exception type, then re-raised for Dagster to record
    on the tick. The signature is kept, so Dagster still injects the context and resources."""
    name = evaluate.__name__

    def report(exc: Exception) -> None:
        report_exception(
            exc, tags={"component": "sensor", "sensor": name}, once_per=("sensor", name), every=3600
        )

    def iterate(results: Iterator[Any]) -> Iterator[Any]:
        try:
            yield from results
        except Exception as exc:
            report(exc)
            raise

    @functools.wraps(evaluate)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            result = evaluate(*args, **kwargs)
        except Exception as exc:
            report(exc)
            raise
        return iterate(result) if inspect.isgenerator(result) else result

    return wrapped


def flush(timeout: float = 5.0) -> None:
    """Wait (up to `timeout`) until queued events are sent."""
    if _enabled:
        sentry_sdk.flush(timeout=timeout)


def scrub_event(event: dict[str, Any], _hint: Any = None) -> dict[str, Any]:
    """`event` with secrets masked in every string, and nothing about the process environment or request."""
    event.pop("request", None)
    event.pop("user", None)
    extra = event.get("extra")
    if isinstance(extra, dict):
        extra.pop("sys.argv", None)  # a CLI's arguments may hold a URL with a password
    return _scrub(event)


def scrub_breadcrumb(crumb: dict[str, Any], _hint: Any = None) -> dict[str, Any] | None:
    """HTTP breadcrumbs lose their query string (signed recording URLs carry their signature there); SQL
    breadcrumbs are dropped (statement noise, and literals could be call data)."""
    if crumb.get("category") == "query":
        return None
    data = crumb.get("data")
    if isinstance(data, dict):
        for key in ("http.query", "http.fragment"):
            data.pop(key, None)
    return _scrub(crumb)


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact_text(str(value))  # an httpx.URL, a Path…: as the SDK would print it, scrubbed
