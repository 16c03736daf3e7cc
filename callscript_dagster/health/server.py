"""`callscript health`: GET /health for uptime monitors and load balancers, GET /metrics for Prometheus.

A process of its own (starlette on uvicorn), so it answers when the webserver or the daemon does not; both
endpoints answer from the monitor's latest reading (see monitor.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from callscript_dagster.health.metrics import build_registry
from callscript_dagster.health.monitor import HealthMonitor, Severity


def build_app(monitor: HealthMonitor) -> Starlette:
    """The ASGI app serving `monitor`; it starts the monitor's reading thread with the server and stops it
    with the server."""
    registry = build_registry(monitor)
    # Both answers change only when a new reading lands (or the reading goes stale): rendered once per reading,
    # a request costs a dictionary lookup, whatever the rate.
    rendered: dict[str, tuple[object, Response]] = {}

    def cached(name: str, key: object, render) -> Response:
        hit = rendered.get(name)
        if hit is None or hit[0] != key:
            hit = (key, render())
            rendered[name] = hit
        return hit[1]

    def render_health() -> Response:
        status, body = monitor.report()
        return JSONResponse(
            body,
            status_code=200 if status == Severity.HEALTHY else 503,
            headers={"Cache-Control": "no-store"},
        )

    async def health(_: Request) -> Response:
        if monitor.snapshot() is None:  # only before the first reading: wait for it off the event loop
            return await run_in_threadpool(render_health)
        return cached("health", (monitor.refreshes, monitor.stale()), render_health)

    async def metrics(_: Request) -> Response:
        return cached(
            "metrics",
            monitor.refreshes,
            lambda: Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST),
        )

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        monitor.start()
        try:
            yield
        finally:
            monitor.stop()

    return Starlette(
        routes=[Route("/health", health), Route("/metrics", metrics)],
        lifespan=lifespan,
    )


def serve(monitor: HealthMonitor, *, host: str, port: int) -> None:
    """Run the health server until SIGINT/SIGTERM."""
    import uvicorn

    # Access logs would log every scrape and probe; errors still go to the log.
    uvicorn.run(build_app(monitor), host=host, port=port, access_log=False, log_level="warning")
