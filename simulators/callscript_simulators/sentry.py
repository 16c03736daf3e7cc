"""A contract-faithful Sentry ingestion endpoint: what `sentry_sdk` sends to a DSN, recorded for tests.

- `POST /api/{project_id}/envelope/` with `X-Sentry-Auth: Sentry sentry_key=<public key>, …` (or `sentry_key`
  in the query) and an envelope body (`gzip`/`br`/`deflate` Content-Encoding honoured): newline-separated JSON,
  an envelope header, then item header + payload pairs (`length` in the item header, or up to the newline).
  200 `{"id": event_id}`; an unknown project 404; a wrong or missing key 401; a body that is not an envelope
  400 — the status codes Sentry's relay answers.

    sim = SentrySimulator()
    with sim.serve() as server:
        dsn = sim.dsn(server.url)              # SENTRY_DSN
        ...
        [event] = sim.events                   # the "event" items, parsed
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from callscript_simulators.server import BackgroundServer

DEFAULT_PROJECT = "4500000000000001"
DEFAULT_KEY = "0123456789abcdef0123456789abcdef"


@dataclass(frozen=True)
class EnvelopeItem:
    type: str
    headers: dict[str, Any]
    payload: Any  # parsed JSON, or the raw bytes when the item is not JSON (attachments)


def parse_envelope(body: bytes) -> tuple[dict[str, Any], list[EnvelopeItem]]:
    """Split a Sentry envelope into its header and items (https://develop.sentry.dev/sdk/envelopes/)."""
    header_line, _, rest = body.partition(b"\n")
    header = json.loads(header_line)
    items = []
    while rest.strip():
        item_line, _, rest = rest.partition(b"\n")
        item_header = json.loads(item_line)
        if "length" in item_header:
            length = int(item_header["length"])
            raw, rest = rest[:length], rest[length:]
            rest = rest[1:] if rest.startswith(b"\n") else rest
        else:
            raw, _, rest = rest.partition(b"\n")
        try:
            payload: Any = json.loads(raw)
        except ValueError:
            payload = raw
        items.append(EnvelopeItem(item_header.get("type", ""), item_header, payload))
    return header, items


class SentrySimulator:
    def __init__(self, *, project_id: str = DEFAULT_PROJECT, public_key: str = DEFAULT_KEY) -> None:
        self.project_id = project_id
        self.public_key = public_key
        self._lock = threading.Lock()
        self.envelopes: list[tuple[dict[str, Any], list[EnvelopeItem]]] = []
        self.raw_bodies: list[bytes] = []  # decompressed, as received: for "no secret anywhere" assertions
        self.app = Starlette(routes=[Route("/api/{project_id}/envelope/", self._envelope, methods=["POST"])])

    def dsn(self, base_url: str) -> str:
        scheme, _, host = base_url.partition("://")
        return f"{scheme}://{self.public_key}@{host}/{self.project_id}"

    @property
    def events(self) -> list[dict[str, Any]]:
        with self._lock:
            return [item.payload for _, items in self.envelopes for item in items if item.type == "event"]

    @contextlib.contextmanager
    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[BackgroundServer]:
        with BackgroundServer(self.app, host=host, port=port) as server:
            yield server

    async def _envelope(self, request: Request) -> Response:
        if request.path_params["project_id"] != self.project_id:
            return JSONResponse({"detail": "unknown project"}, status_code=404)
        if _sentry_key(request) != self.public_key:
            return JSONResponse({"detail": "invalid api key"}, status_code=401)
        body = await request.body()
        try:
            body = _decode(body, request.headers.get("content-encoding", ""))
            header, items = parse_envelope(body)
        except (ValueError, OSError, zlib.error) as exc:
            return JSONResponse({"detail": f"invalid envelope: {exc}"}, status_code=400)
        with self._lock:
            self.envelopes.append((header, items))
            self.raw_bodies.append(body)
        return JSONResponse({"id": header.get("event_id")})


def _sentry_key(request: Request) -> str | None:
    auth = request.headers.get("x-sentry-auth", "")
    for part in auth.removeprefix("Sentry ").split(","):
        name, _, value = part.strip().partition("=")
        if name == "sentry_key":
            return value
    return request.query_params.get("sentry_key")


def _decode(body: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    if encoding == "br":
        import brotli  # only when a client sends brotli, which sentry_sdk does when brotli is installed

        return brotli.decompress(body)
    if encoding in ("", "identity"):
        return body
    raise ValueError(f"unsupported Content-Encoding {encoding}")
