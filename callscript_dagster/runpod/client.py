"""A small client of RunPod's REST API v2 (`https://api.runpod.io/v2/pods`), on httpx and the one retry policy.

Why not the runpod-python SDK: it builds GraphQL with f-strings and prints the pod's environment — where our
secrets travel — to stdout. Only what the launcher needs is here: create (with fallback across GPU types and
data centers when RunPod has no capacity), get, list and delete pods.

- 401/403 raise `RunPodConfigurationError` naming RUNPOD_API_KEY (retrying cannot help);
- 429 is retried after the wait RunPod's `RateLimit` header (IETF draft: `"minute";r=0;t=12`) or
  `Retry-After` asks for; 5xx and network errors are retried with the same backoff;
- "no instances available" (RFC 9457 problem with HTTP 409/503 or such a title/detail) raises
  `NoCapacityError`, which `create_pod_with_fallback` answers with the next GPU type / data center.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from callscript_dagster.errors import ConfigurationError, TransientError
from callscript_dagster.retries import RETRYABLE_STATUS, call_with_retries, retry_after_seconds

DEFAULT_API_URL = "https://api.runpod.io"
# What RunPod says when a GPU type has no free machine; matched case-insensitively in the problem's text.
_NO_CAPACITY = re.compile(
    r"no (longer any )?instances? (are )?available|insufficient capacity|out of capacity", re.I
)
_RATE_WINDOW = re.compile(r"r=(\d+)\s*;\s*t=(\d+)")


class RunPodConfigurationError(ConfigurationError):
    """RunPod refused our key or our request as such: fix the configuration, not a retry."""


class NoCapacityError(RuntimeError):
    """RunPod has no machine of the requested GPU type (in the requested data centers) right now. Not retried
    in place: the caller moves on to the next GPU type / data center, and a run that found none fails as
    transient (another try later may find room)."""


@dataclass(frozen=True)
class PodSpec:
    """What to run on a pod. `env` holds secrets: it is sent to RunPod and never logged or shown."""

    name: str
    image: str
    args: str
    env: dict[str, str] = field(default_factory=dict, repr=False)
    gpu_count: int = 1
    disk_gb: int = 30
    cloud: str = "SECURE"


@dataclass(frozen=True)
class Pod:
    """A pod as RunPod reports it (without its environment)."""

    id: str
    name: str
    status: str  # PROVISIONING, STARTING, RUNNING, EXITED, ERROR, TERMINATED
    gpu_type: str | None
    cost_per_hour: float | None
    data_center: str | None
    created_at: str | None

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> Pod:
        gpu = body.get("gpu") or {}
        cost = body.get("costPerHr")
        return cls(
            id=str(body["id"]),
            name=str(body.get("name", "")),
            status=str(body.get("status", "")).upper(),
            gpu_type=gpu.get("id"),
            cost_per_hour=float(cost) if cost not in (None, "") else None,
            data_center=body.get("dataCenterId"),
            created_at=body.get("createdAt"),
        )


def rate_limit_wait(response: httpx.Response) -> float | None:
    """Seconds until RunPod's exhausted window resets (`RateLimit: "minute";r=0;t=12, "hour";r=90;t=1800`),
    else its Retry-After, else None."""
    waits = [float(t) for r, t in _RATE_WINDOW.findall(response.headers.get("ratelimit", "")) if int(r) == 0]
    if waits:
        return max(waits)
    return retry_after_seconds(response)


def _problem(response: httpx.Response) -> str:
    """The RFC 9457 problem's title and detail (or the body's start) for messages; never echoes a request."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        parts = [str(body[k]) for k in ("title", "detail", "error", "message") if body.get(k)]
        return ": ".join(parts)[:300]
    return str(body)[:200]


class RunPodClient:
    """RunPod's pod API for one API key. `attempts`/`retry_wait_seconds`: the retry policy's knobs."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = DEFAULT_API_URL,
        timeout_seconds: float = 30.0,
        attempts: int = 5,
        retry_wait_seconds: float = 1.0,
    ) -> None:
        if not api_key:
            raise RunPodConfigurationError("RUNPOD_API_KEY is not set: the GPU launcher cannot create pods")
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {api_key}", "Accept": "application/json"},
            timeout=timeout_seconds,
        )
        self._attempts = attempts
        self._retry_wait = retry_wait_seconds

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RunPodClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the API --------------------------------------------------------------------------------------
    def create_pod(self, spec: PodSpec, *, gpu_type: str, data_centers: Sequence[str] = ()) -> Pod:
        """Create one pod (201); provisioning then goes on asynchronously at RunPod."""
        body: dict[str, Any] = {
            "name": spec.name,
            "image": spec.image,
            "args": spec.args,
            "env": spec.env,
            "disk": spec.disk_gb,
            "ports": [],
            "cloud": spec.cloud,
            "gpu": {"id": gpu_type, "count": spec.gpu_count},
        }
        if data_centers:
            body["dataCenterIds"] = list(data_centers)
        return Pod.from_api(self._request("POST", "/v2/pods", json=body).json())

    def create_pod_with_fallback(
        self, spec: PodSpec, *, gpu_types: Sequence[str], data_centers: Sequence[str] = ()
    ) -> tuple[Pod, list[str]]:
        """The first pod RunPod can place: each GPU type in order, in each data center in order (or anywhere
        when none are configured). Returns the pod and what was tried before it; raises `NoCapacityError`
        naming everything tried when nothing had room."""
        tried = []
        for gpu_type in gpu_types:
            for data_center in data_centers or [None]:
                where = f"{gpu_type}" + (f" in {data_center}" if data_center else "")
                try:
                    pod = self.create_pod(
                        spec, gpu_type=gpu_type, data_centers=[data_center] if data_center else ()
                    )
                except NoCapacityError:
                    tried.append(where)
                    continue
                return pod, tried
        raise NoCapacityError(
            f"RunPod has no capacity for any configured GPU type (tried {', '.join(tried)})"
        )

    def get_pod(self, pod_id: str) -> Pod | None:
        """The pod, or None when RunPod no longer knows it."""
        response = self._request("GET", f"/v2/pods/{_safe_id(pod_id)}", missing_ok=True)
        return None if response.status_code == 404 else Pod.from_api(response.json())

    def list_pods(self) -> list[Pod]:
        """Every pod of the account."""
        body = self._request("GET", "/v2/pods").json()
        items = body.get("data", body) if isinstance(body, dict) else body
        return [Pod.from_api(item) for item in items]

    def delete_pod(self, pod_id: str) -> bool:
        """Delete (terminate) the pod: True if it was deleted now, False if it was already gone (success too)."""
        response = self._request("DELETE", f"/v2/pods/{_safe_id(pod_id)}", missing_ok=True)
        return response.status_code != 404

    # --- one request, the retry policy around it --------------------------------------------------------
    def _request(self, method: str, path: str, *, missing_ok: bool = False, **kwargs: Any) -> httpx.Response:
        def once() -> httpx.Response:
            response = self._http.request(method, path, **kwargs)
            self._raise_for(response, missing_ok=missing_ok)
            return response

        return call_with_retries(
            once, attempts=self._attempts, initial_wait=self._retry_wait, max_wait=max(self._retry_wait, 30.0)
        )

    @staticmethod
    def _raise_for(response: httpx.Response, *, missing_ok: bool) -> None:
        status = response.status_code
        if status < 400 or (status == 404 and missing_ok):
            return
        if status in (401, 403):
            raise RunPodConfigurationError(
                f"RunPod refused RUNPOD_API_KEY (HTTP {status}: {_problem(response)}): "
                "set RUNPOD_API_KEY to a key with read/write access to pods"
            )
        problem = _problem(response)
        if _NO_CAPACITY.search(problem):
            raise NoCapacityError(f"RunPod has no capacity: {problem}")
        if status == 429:
            raise TransientError("RunPod rate limit hit (HTTP 429)", retry_after=rate_limit_wait(response))
        if status in RETRYABLE_STATUS or status >= 500:
            raise TransientError(f"RunPod answered HTTP {status}: {problem}")
        raise RunPodConfigurationError(f"RunPod rejected the request (HTTP {status}: {problem})")


def _safe_id(pod_id: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", pod_id):
        raise ValueError(f"not a RunPod pod id: {pod_id!r}")
    return pod_id
