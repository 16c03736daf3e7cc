"""Serve an ASGI app (a simulator) with uvicorn: in a background thread for tests, in the foreground for CLIs.

    with BackgroundServer(app) as server:       # ephemeral port on 127.0.0.1
        httpx.get(f"{server.url}/health")

The port is bound before the thread starts, so `.url` is known at once and two servers never race for a port;
`__enter__` returns only once uvicorn accepts connections, `__exit__` returns once its thread has ended.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

import uvicorn

# Requests still running when the server stops (a deliberately slow download, say) are cancelled after this.
GRACEFUL_SHUTDOWN_SECONDS = 1.0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    # Listen before uvicorn takes over: a client that connects as soon as the URL is known waits, not refused.
    sock.listen(2048)
    return sock


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _config(app, *, log_level: str, graceful_seconds: float | None) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        log_level=log_level,
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=graceful_seconds,
    )


class BackgroundServer:
    """Runs `app` with uvicorn in a daemon thread; a context manager exposing `.url` and `.port`."""

    def __init__(
        self,
        app,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
        startup_timeout: float = 10.0,
    ) -> None:
        self.app = app
        self.host = host
        self._requested_port = port
        self._log_level = log_level
        self._startup_timeout = startup_timeout
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._error: BaseException | None = None
        self.port: int = port

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:53211` (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("server is not running")
        return _url(self.host, self.port)

    def start(self) -> BackgroundServer:
        if self._thread is not None:
            raise RuntimeError("server already started")
        self._socket = _bind(self.host, self._requested_port)
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(
            _config(self.app, log_level=self._log_level, graceful_seconds=GRACEFUL_SHUTDOWN_SECONDS)
        )
        self._thread = threading.Thread(target=self._run, name=f"asgi-server-{self.port}", daemon=True)
        self._thread.start()

        deadline = time.monotonic() + self._startup_timeout
        while not self._server.started:
            if not self._thread.is_alive():
                self._cleanup()
                raise RuntimeError(f"server on port {self.port} failed to start") from self._error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"server on port {self.port} did not start in {self._startup_timeout} s")
            time.sleep(0.005)
        return self

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
            self._error = exc

    def stop(self, timeout: float = 10.0) -> None:
        """Stop accepting, let in-flight requests finish (cancelled after a second), join the thread."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():  # a handler that ignores cancellation; don't hang the caller
            self._server.force_exit = True
            self._thread.join(timeout)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._socket is not None:
            self._socket.close()
        self._socket = None
        self._thread = None
        self._server = None

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve_forever(
    app,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    on_ready: Callable[[str], None] | None = None,
    log_level: str = "info",
) -> None:
    """Serve `app` in the foreground until Ctrl-C / SIGTERM. `on_ready(url)` is called once the port is
    bound (so port 0 works: the URL shows the port actually chosen)."""
    sock = _bind(host, port)
    try:
        if on_ready is not None:
            on_ready(_url(host, sock.getsockname()[1]))
        uvicorn.Server(_config(app, log_level=log_level, graceful_seconds=5.0)).run(sockets=[sock])
    finally:
        sock.close()
