"""A contract-faithful Slack simulator: Incoming Webhooks and the Web API's `chat.postMessage`.

Product code talks to it exactly as to Slack (only the URLs differ), through `slack_sdk`:

- `POST /services/{team}/{bot}/{secret}` — an Incoming Webhook. A JSON body with `text` (or `blocks`) answers
  200 `ok` (text/plain); an unknown or revoked hook 404 `no_service`; a body that is not JSON 400
  `invalid_payload`; no text and no blocks 400 `no_text`.
- `POST /api/chat.postMessage` with `Authorization: Bearer xoxb-…` (or a `token` field), JSON or form-encoded:
  HTTP 200 and `{"ok": true, "channel", "ts", "message"}`, or `{"ok": false, "error": …}` with
  `not_authed`, `invalid_auth`, `channel_not_found`, `no_text`.
- Rate limits answer HTTP 429 with `Retry-After` (seconds): `rate_limit_next(n)`, or more than
  `max_per_second` messages in a second to one destination. `fail_next(n, status)` injects server errors.

Every accepted message is recorded (`messages`), in order, for tests to assert on; `GET /_simulator/messages`
lists them as JSON when the simulator runs on its own (`callscript simulate slack`).

    sim = SlackSimulator()
    with sim.serve() as server:
        url = sim.webhook_url(server.url)   # SLACK_WEBHOOK_URL
        ...                                 # or SLACK_API_URL=f"{server.url}/api/", SLACK_BOT_TOKEN=sim.bot_token
        assert [m.text for m in sim.messages] == [...]
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from callscript_simulators.server import BackgroundServer

DEFAULT_HOOK = ("T00000000", "B00000000", "XXXXXXXXXXXXXXXXXXXXXXXX")
DEFAULT_BOT_TOKEN = (
    "simulated-slack-bot-token"  # not Slack's xoxb- format: nothing here looks like a real token
)
DEFAULT_CHANNELS = ("#alerts", "C0ALERTS00")


@dataclass(frozen=True)
class SlackMessage:
    """One message Slack accepted."""

    via: str  # "webhook" or "chat.postMessage"
    destination: str  # the hook's path, or the channel
    text: str
    blocks: list[Any] = field(default_factory=list)
    at: str = ""  # ISO time it arrived
    ts: str = ""  # Slack's message timestamp (chat.postMessage)


@dataclass(frozen=True)
class SlackRequest:
    """One request the simulator answered, accepted or not."""

    via: str
    status: int
    error: str | None


class SlackSimulator:
    """Incoming Webhooks and `chat.postMessage` of one workspace. Thread-safe; `.app` is the ASGI app."""

    def __init__(
        self,
        *,
        hooks: list[tuple[str, str, str]] | None = None,
        bot_token: str = DEFAULT_BOT_TOKEN,
        channels: tuple[str, ...] = DEFAULT_CHANNELS,
        max_per_second: int | None = None,
        on_message: Callable[[SlackMessage], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hooks = {"/".join(hook) for hook in (hooks or [DEFAULT_HOOK])}
        self.bot_token = bot_token
        self.channels = set(channels)
        self.max_per_second = max_per_second
        self._on_message = on_message  # called (under the lock) with every message accepted
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._messages: list[SlackMessage] = []
        self._requests: list[SlackRequest] = []
        self._rate_limited: deque[float] = deque()  # Retry-After of the next requests to answer 429
        self._fail_next: deque[int] = deque()
        self._recent: dict[str, deque[float]] = {}
        self.app = _make_app(self)

    # --- test API -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[BackgroundServer]:
        with BackgroundServer(self.app, host=host, port=port) as server:
            yield server

    def webhook_url(self, base_url: str, hook: tuple[str, str, str] = DEFAULT_HOOK) -> str:
        return f"{base_url.rstrip('/')}/services/{'/'.join(hook)}"

    def revoke(self, hook: tuple[str, str, str] = DEFAULT_HOOK) -> None:
        """The hook's app was removed: its URL answers 404 `no_service` from now on."""
        with self._lock:
            self.hooks.discard("/".join(hook))

    def rate_limit_next(self, n: int, retry_after: float = 1) -> None:
        """The next `n` requests answer 429 with `Retry-After: retry_after`."""
        with self._lock:
            self._rate_limited.extend([retry_after] * n)

    def fail_next(self, n: int, status: int = 500) -> None:
        """The next `n` requests (past the rate limit) answer `status`."""
        with self._lock:
            self._fail_next.extend([status] * n)

    @property
    def messages(self) -> list[SlackMessage]:
        with self._lock:
            return list(self._messages)

    @property
    def requests(self) -> list[SlackRequest]:
        with self._lock:
            return list(self._requests)

    # --- internals ------------------------------------------------------------------------------------------

    def _gate(self, via: str, destination: str) -> tuple[int, str, dict[str, str]] | None:
        """A 429 or an injected failure for this request, if it gets one. Hold the lock."""
        if self._rate_limited:
            retry_after = self._rate_limited.popleft()
            return 429, "rate_limited", {"Retry-After": f"{retry_after:g}"}
        if self.max_per_second:
            now = self._monotonic()
            recent = self._recent.setdefault(destination, deque())
            while recent and recent[0] <= now - 1:
                recent.popleft()
            if len(recent) >= self.max_per_second:
                return 429, "rate_limited", {"Retry-After": "1"}
            recent.append(now)
        if self._fail_next:
            status = self._fail_next.popleft()
            return status, "internal_error", {}
        return None

    def _record(self, via: str, status: int, error: str | None, message: SlackMessage | None = None) -> None:
        self._requests.append(SlackRequest(via, status, error))
        if message is not None:
            self._messages.append(message)
            if self._on_message is not None:
                self._on_message(message)

    def _webhook(self, hook: str, raw: bytes) -> Response:
        with self._lock:
            if hook not in self.hooks:
                self._record("webhook", 404, "no_service")
                return PlainTextResponse("no_service", status_code=404)
            gated = self._gate("webhook", hook)
            if gated:
                status, error, headers = gated
                self._record("webhook", status, error)
                return PlainTextResponse(error, status_code=status, headers=headers)
            try:
                body = json.loads(raw)
                if not isinstance(body, dict):
                    raise ValueError
            except (ValueError, UnicodeDecodeError):
                self._record("webhook", 400, "invalid_payload")
                return PlainTextResponse("invalid_payload", status_code=400)
            text, blocks = body.get("text"), body.get("blocks") or []
            if not text and not blocks:
                self._record("webhook", 400, "no_text")
                return PlainTextResponse("no_text", status_code=400)
            self._record("webhook", 200, None, SlackMessage("webhook", hook, text or "", blocks, _now()))
            return PlainTextResponse("ok")

    def _post_message(self, authorization: str, body: dict[str, Any]) -> Response:
        with self._lock:
            token = authorization.removeprefix("Bearer ").strip() if authorization else body.get("token", "")
            if not token:
                return self._api_error(200, "not_authed")
            if token != self.bot_token:
                return self._api_error(200, "invalid_auth")
            channel = body.get("channel") or ""
            gated = self._gate("chat.postMessage", channel)
            if gated:
                status, error, headers = gated
                return self._api_error(status, "ratelimited" if status == 429 else error, headers)
            if channel not in self.channels:
                return self._api_error(200, "channel_not_found")
            text, blocks = body.get("text"), body.get("blocks") or []
            if isinstance(blocks, str):
                blocks = json.loads(blocks)
            if not text and not blocks:
                return self._api_error(200, "no_text")
            ts = f"{time.time():.6f}"
            message = SlackMessage("chat.postMessage", channel, text or "", blocks, _now(), ts)
            self._record("chat.postMessage", 200, None, message)
            return JSONResponse(
                {
                    "ok": True,
                    "channel": channel,
                    "ts": ts,
                    "message": {"type": "message", "text": text, "ts": ts},
                }
            )

    def _api_error(self, status: int, error: str, headers: dict[str, str] | None = None) -> Response:
        self._record("chat.postMessage", status, error)
        return JSONResponse({"ok": False, "error": error}, status_code=status, headers=headers)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _make_app(sim: SlackSimulator) -> Starlette:
    async def webhook(request: Request) -> Response:
        params = request.path_params
        hook = f"{params['team']}/{params['bot']}/{params['secret']}"
        return sim._webhook(hook, await request.body())

    async def post_message(request: Request) -> Response:
        raw = await request.body()
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                return JSONResponse({"ok": False, "error": "invalid_json"})
        else:
            body = {key: values[-1] for key, values in parse_qs(raw.decode("utf-8", "replace")).items()}
        return sim._post_message(
            request.headers.get("authorization", ""), body if isinstance(body, dict) else {}
        )

    async def messages(_: Request) -> Response:
        return JSONResponse([asdict(m) for m in sim.messages])

    return Starlette(
        routes=[
            Route("/services/{team}/{bot}/{secret}", webhook, methods=["POST"]),
            Route("/api/chat.postMessage", post_message, methods=["POST"]),
            Route("/_simulator/messages", messages, methods=["GET"]),
        ]
    )
