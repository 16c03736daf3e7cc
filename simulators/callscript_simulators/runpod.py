"""A contract-faithful RunPod simulator: the pod endpoints of REST API v2, whose pods really run.

Product code talks to it exactly as to `https://api.runpod.io` (only the base URL differs):

- `POST /v2/pods` `{name, image, args, env{}, ports[], disk, cloud, gpu: {id, count}, dataCenterIds[]}` → 201
  with the pod in `PROVISIONING`; the pod then moves on by itself: PROVISIONING → STARTING (image pull) →
  RUNNING (its container's command runs) → EXITED when the command ends (the pod stays, billing, until
  deleted); ERROR when the container dies. `GET /v2/pods` lists pods, `GET /v2/pods/{id}` shows one,
  `DELETE /v2/pods/{id}` → 204 and TERMINATED (404 once gone).
- `Authorization: Bearer <key>`: the account key, or the pod-scoped key RunPod injects into each pod as
  RUNPOD_API_KEY (good for that pod's own GET and DELETE only). Anything else: 401; out of scope: 403.
- Errors are RFC 9457 problems (`application/problem+json`: type, title, status, detail). No capacity for the
  GPU type / data centers asked: 409 "No instances available". Rate limits: every authenticated response
  carries `RateLimit-Policy: "minute";q=N;w=60` and `RateLimit: "minute";r=R;t=T`; past the quota, 429.

A pod's container is a real local subprocess: the image's entrypoint (`images`: image → argv) plus the pod's
`args` (shell-split), with only the pod's `env` (plus a minimal base: PATH, HOME…) and RUNPOD_POD_ID /
RUNPOD_API_KEY. Its output goes to `logs_dir/<pod id>.log`.

Faults on demand: `no_capacity` (GPU types or data centers without room), `kill_pod(id)` or `die_after_seconds`
(the container dies mid-run), `start_seconds` (a slow image pull), `self_delete_refused` (a pod that never
manages to delete itself), `rate_limit_next(n)`.

`request_log` records method, path, status and headers of every request — never bodies — for tests to check
that nothing secret travels outside the body and the Authorization header.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from callscript_simulators.server import BackgroundServer

DEFAULT_API_KEY = "rpa_SIMULATED0000000000000000000000000000"
# id → (display name, secure $/h): a slice of RunPod's catalog
DEFAULT_GPU_TYPES = {
    "NVIDIA GeForce RTX 4090": ("RTX 4090", 0.69),
    "NVIDIA L4": ("L4", 0.43),
    "NVIDIA A100 80GB PCIe": ("A100 PCIe", 1.64),
}
DEFAULT_DATA_CENTERS = ("EU-RO-1", "US-TX-3", "CA-MTL-1")
# Variables a container gets from its image rather than from the pod: enough to find Python.
# What CallScript's image runs (deploy/runpod/Dockerfile's ENTRYPOINT), here on this machine's Python.
CALLSCRIPT_ENTRYPOINT = [sys.executable, "-m", "callscript_dagster.runpod.pod"]
_IMAGE_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH", "TZ")


@dataclass
class SimulatedPod:
    id: str
    name: str
    image: str
    args: str
    env: dict[str, str] = field(repr=False)
    gpu_type: str
    gpu_count: int
    cost_per_hour: float
    data_center: str
    cloud: str
    disk: int
    created_at: float
    pod_key: str = field(repr=False)
    status: str = "PROVISIONING"
    process: subprocess.Popen | None = field(default=None, repr=False)
    started_at: float | None = None
    exit_code: int | None = None
    deleted_by: str | None = None  # "account" or "pod"

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "image": self.image,
            "args": self.args,
            "env": dict(self.env),  # as RunPod does: whoever holds the key can read a pod's env
            "ports": [],
            "disk": self.disk,
            "registry": None,
            "cloud": self.cloud,
            "gpu": {"id": self.gpu_type, "count": self.gpu_count},
            "costPerHr": self.cost_per_hour,
            "dataCenterId": self.data_center,
            "createdAt": datetime.fromtimestamp(self.created_at, UTC).isoformat().replace("+00:00", "Z"),
        }


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    query: str
    status: int
    headers: dict[str, str]


class RunPodSimulator:
    """RunPod's pod API for one account. Thread-safe; `.app` is the ASGI app; `serve()` also runs the pods."""

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        gpu_types: dict[str, tuple[str, float]] | None = None,
        data_centers: tuple[str, ...] = DEFAULT_DATA_CENTERS,
        images: dict[str, list[str]] | None = None,
        provision_seconds: float = 0.2,
        start_seconds: float = 0.5,
        die_after_seconds: float | None = None,
        requests_per_minute: int = 600,
        logs_dir: Path | None = None,
    ) -> None:
        self.api_key = api_key
        self.gpu_types = dict(gpu_types or DEFAULT_GPU_TYPES)
        self.data_centers = tuple(data_centers)
        # The image → its entrypoint. By default every image is CallScript's: the pod entrypoint on this Python.
        self.images = images
        self.provision_seconds = provision_seconds
        self.start_seconds = start_seconds
        self.die_after_seconds = die_after_seconds
        self.requests_per_minute = requests_per_minute
        self.no_capacity: set[str] = set()  # GPU type ids or data center ids with no free machine
        self.self_delete_refused = False
        self.logs_dir = logs_dir or Path(tempfile.mkdtemp(prefix="runpod-sim-"))
        self.pods: dict[str, SimulatedPod] = {}
        self.request_log: list[LoggedRequest] = []
        self._window: list[float] = []
        self._forced_429 = 0
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self.app = Starlette(
            routes=[
                Route("/v2/pods", self._pods, methods=["GET", "POST"]),
                Route("/v2/pods/{pod_id}", self._pod, methods=["GET", "DELETE"]),
            ]
        )

    # --- control (tests, CLI) -------------------------------------------------------------------------
    @contextlib.contextmanager
    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[BackgroundServer]:
        """Serve the API and run the pods' lifecycle; on the way out every pod still running is killed."""
        ticker = threading.Thread(target=self._tick_forever, name="runpod-sim-pods", daemon=True)
        self._stop.clear()
        ticker.start()
        try:
            with BackgroundServer(self.app, host=host, port=port) as server:
                yield server
        finally:
            self._stop.set()
            ticker.join(5)
            self.kill_all()

    def rate_limit_next(self, n: int) -> None:
        with self._lock:
            self._forced_429 += n

    def kill_pod(self, pod_id: str) -> None:
        """The container dies (host lost, OOM-killed): its process group gets SIGKILL, the pod shows ERROR."""
        with self._lock:
            pod = self.pods[pod_id]
            _kill(pod.process)
            pod.status, pod.exit_code = "ERROR", -9

    def kill_all(self) -> None:
        with self._lock:
            for pod in self.pods.values():
                _kill(pod.process)

    def live_pods(self) -> list[SimulatedPod]:
        """Pods that exist and bill: every status but TERMINATED."""
        with self._lock:
            return [pod for pod in self.pods.values() if pod.status != "TERMINATED"]

    def pod_log(self, pod_id: str) -> str:
        path = self.logs_dir / f"{pod_id}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- the pods' lifecycle ----------------------------------------------------------------------------
    def _tick_forever(self) -> None:
        while not self._stop.wait(0.1):
            self.tick()

    def tick(self, now: float | None = None) -> None:
        now = now or time.time()
        with self._lock:
            for pod in self.pods.values():
                age = now - pod.created_at
                if pod.status == "PROVISIONING" and age >= self.provision_seconds:
                    pod.status = "STARTING"
                elif pod.status == "STARTING" and age >= self.provision_seconds + self.start_seconds:
                    self._start_container(pod, now)
                elif pod.status == "RUNNING":
                    code = pod.process.poll() if pod.process else 1
                    if code is not None:
                        pod.status, pod.exit_code = "EXITED", code
                    elif (
                        self.die_after_seconds is not None and now - pod.started_at >= self.die_after_seconds
                    ):
                        _kill(pod.process)
                        pod.status, pod.exit_code = "ERROR", -9

    def _start_container(self, pod: SimulatedPod, now: float) -> None:
        entrypoint = self.images.get(pod.image) if self.images is not None else CALLSCRIPT_ENTRYPOINT
        if entrypoint is None:  # an image that cannot be pulled: RunPod keeps retrying; so do we, forever
            return
        env = {name: os.environ[name] for name in _IMAGE_ENV if name in os.environ}
        # the image's PATH starts with its Python's bin directory (deploy/runpod/Dockerfile), where `dagster` is
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", os.defpath)])
        env |= pod.env | {"RUNPOD_POD_ID": pod.id, "RUNPOD_API_KEY": pod.pod_key, "RUNPOD_GPU_COUNT": "1"}
        log = (self.logs_dir / f"{pod.id}.log").open("ab")
        try:
            pod.process = subprocess.Popen(
                [*entrypoint, *shlex.split(pod.args)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # the container: its own process group, killed as one
                cwd=self.logs_dir,
            )
        finally:
            log.close()
        pod.status, pod.started_at = "RUNNING", now

    # --- HTTP ---------------------------------------------------------------------------------------------
    async def _pods(self, request: Request) -> Response:
        body = await request.body() if request.method == "POST" else b""
        with self._lock:
            denied = self._gate(request, pod_id=None)
            if denied is not None:
                return self._log(request, denied)
            if request.method == "GET":
                listed = [pod.to_api() for pod in self.pods.values() if pod.status != "TERMINATED"]
                return self._log(request, self._json(listed))
            return self._log(request, self._create(body))

    async def _pod(self, request: Request) -> Response:
        pod_id = request.path_params["pod_id"]
        with self._lock:
            denied = self._gate(request, pod_id=pod_id)
            if denied is not None:
                return self._log(request, denied)
            pod = self.pods.get(pod_id)
            if pod is None or (request.method == "DELETE" and pod.status == "TERMINATED"):
                return self._log(request, self._problem(404, "Pod not found", f"no pod {pod_id}"))
            if request.method == "GET":
                return self._log(request, self._json(pod.to_api()))
            # answered first, then the container is stopped (a pod deleting itself gets its 204)
            threading.Timer(0.2, _kill, [pod.process]).start()
            pod.status = "TERMINATED"
            pod.deleted_by = "pod" if _bearer(request) == pod.pod_key else "account"
            return self._log(request, self._with_limits(Response(status_code=204)))

    def _create(self, raw: bytes) -> Response:
        try:
            body = json.loads(raw)
        except ValueError:
            return self._problem(400, "Invalid request body", "body is not JSON")
        if not isinstance(body, dict) or not body.get("name") or not body.get("image"):
            return self._problem(400, "Invalid request body", "name and image are required")
        if ("gpu" in body) == ("cpu" in body):
            return self._problem(400, "Invalid request body", "exactly one of gpu or cpu must be set")
        gpu = body["gpu"] or {}
        if gpu.get("id") not in self.gpu_types:
            return self._problem(400, "Invalid request body", f"unknown GPU type {gpu.get('id')!r}")
        if not isinstance(body.get("env", {}), dict) or not isinstance(body.get("args", ""), str):
            return self._problem(400, "Invalid request body", "env must be an object and args a string")
        wanted = body.get("dataCenterIds") or list(self.data_centers)
        unknown = [dc for dc in wanted if dc not in self.data_centers]
        if unknown:
            return self._problem(400, "Invalid request body", f"unknown data centers {unknown}")
        room = [dc for dc in wanted if dc not in self.no_capacity]
        if gpu["id"] in self.no_capacity or not room:
            return self._problem(
                409,
                "No instances available",
                "There are no longer any instances available with the requested specifications.",
            )
        pod_id = secrets.token_hex(7)
        display, price = self.gpu_types[gpu["id"]]
        pod = SimulatedPod(
            id=pod_id,
            name=str(body["name"]),
            image=str(body["image"]),
            args=body.get("args", ""),
            env={str(k): str(v) for k, v in (body.get("env") or {}).items()},
            gpu_type=gpu["id"],
            gpu_count=int(gpu.get("count", 1)),
            cost_per_hour=price * int(gpu.get("count", 1)),
            data_center=room[0],
            cloud=body.get("cloud", "SECURE"),
            disk=int(body.get("disk", 50)),
            created_at=time.time(),
            pod_key=f"rpa_pod_{secrets.token_hex(16)}",
        )
        self.pods[pod_id] = pod
        return self._json(pod.to_api(), 201)

    def _gate(self, request: Request, pod_id: str | None) -> Response | None:
        """401/403/429 for this request, if it gets one. Hold the lock."""
        key = _bearer(request)
        pod_keys = {pod.pod_key: pod for pod in self.pods.values()}
        if key != self.api_key and key not in pod_keys:
            return self._problem(401, "Unauthorized", "missing or invalid API key", limits=False)
        if key in pod_keys:
            own = pod_keys[key].id == pod_id and request.method in ("GET", "DELETE")
            if not own or (request.method == "DELETE" and self.self_delete_refused):
                return self._problem(403, "Forbidden", "this key has no access to that resource")
        now = time.time()
        self._window = [at for at in self._window if now - at < 60]
        if self._forced_429 > 0 or len(self._window) >= self.requests_per_minute:
            self._forced_429 = max(0, self._forced_429 - 1)
            return self._problem(429, "Too Many Requests", "rate limit exceeded for the minute window")
        self._window.append(now)
        return None

    def _with_limits(self, response: Response) -> Response:
        now = time.time()
        reset = int(60 - (now - self._window[0])) + 1 if self._window else 60
        remaining = max(0, self.requests_per_minute - len(self._window))
        if response.status_code == 429:
            remaining, reset = 0, 1  # a forced 429 clears in a second
        response.headers["RateLimit-Policy"] = f'"minute";q={self.requests_per_minute};w=60'
        response.headers["RateLimit"] = f'"minute";r={remaining};t={reset}'
        return response

    def _json(self, body: Any, status: int = 200) -> Response:
        return self._with_limits(JSONResponse(body, status_code=status))

    def _problem(self, status: int, title: str, detail: str, *, limits: bool = True) -> Response:
        problem = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        response = JSONResponse(problem, status_code=status, media_type="application/problem+json")
        return self._with_limits(response) if limits else response

    def _log(self, request: Request, response: Response) -> Response:
        self.request_log.append(
            LoggedRequest(
                request.method,
                request.url.path,
                request.url.query,
                response.status_code,
                dict(request.headers),
            )
        )
        return response


def _bearer(request: Request) -> str:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else ""


def _kill(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)
