"""A contract-faithful OpenAI Chat Completions simulator, for the Judge's LLM half.

Product code talks to it through the official `openai` client exactly as to OpenAI (only the base URL
differs, `{url}/v1`), and meets the same contract:

- `POST /v1/chat/completions` with `Authorization: Bearer <key>`; 401 with OpenAI's error body
  `{"error": {"message", "type", "param", "code"}}` when the key is missing or wrong; 400 for a body OpenAI
  would reject (model, messages, a `json_schema` response format that strict mode refuses); 404 for an unknown
  model; 429 (`rate_limit_exceeded`, `retry-after`, `x-ratelimit-*`) past `requests_per_minute`.
- The answer is `{id, object: "chat.completion", created, model, choices: [{index, message: {role, content,
  refusal}, finish_reason}], usage}`; with a `json_schema` response format the content is JSON of that schema.
- `GET /v1/models` lists the served models.

Its "judgement" is a deterministic heuristic, not CallScript's rule engine: it reads the numbered turns of the
user message (`N. [start-end] speaker: words`) and, for every trigger phrase found in a turn whose rule id the
system message mentions, reports a violation quoting the matched words with that turn's times. Tokens are
counted as ~4 characters each. Test knobs make the next answers invent a quote, name an unknown rule, break
the JSON, or fail with 429 or any status; `latency_seconds` slows every answer; `requests` logs every request.

    sim = OpenAISimulator(api_key="sk-test")
    with sim.serve() as server:
        client = openai.OpenAI(api_key="sk-test", base_url=f"{server.url}/v1")
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import math
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from callscript_simulators.server import BackgroundServer

DEFAULT_MODEL = "sim-judge-1"
CHARS_PER_TOKEN = 4
ROLES = frozenset({"system", "developer", "user", "assistant", "tool"})
_SCHEMA_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
# A numbered turn of the user message: "12. [31.50-36.20] agent: words".
_SECONDS = r"(\d+(?:\.\d+)?)"
_TURN = re.compile(rf"^\s*\d+[.)]\s*\[{_SECONDS}\s*[-–]\s*{_SECONDS}\s*s?\]\s*([^:\n]+):\s*(.*)$", re.M)


@dataclass(frozen=True)
class Trigger:
    """A regex (case-insensitive, whole words) that, said in a turn, is reported as violating `rule_id`."""

    pattern: str
    rule_id: str
    confidence: float = 0.9

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return re.finditer(rf"(?<!\w)(?:{self.pattern})(?!\w)", text, re.IGNORECASE)


DEFAULT_TRIGGERS: tuple[Trigger, ...] = (
    Trigger(r"guaranteed|guarantee you", "guaranteed_outcome", 0.9),
    Trigger(r"do not call|don'?t call me|stop calling", "do_not_call", 0.85),
    Trigger(r"\d{3}[\s-]?\d{2}[\s-]?\d{4}|(?:\d{4}[\s-]?){3}\d{4}", "sensitive_data", 0.95),
    Trigger(r"calling (?:from|on behalf of) medicare|government program", "misrepresentation_pressure", 0.8),
    Trigger(r"expires today|decide (?:right )?now|last chance", "misrepresentation_pressure", 0.7),
    Trigger(r"stupid|idiot|shut up", "abusive_language", 0.9),
)


@dataclass(frozen=True)
class ChatRequest:
    """One request to /v1/chat/completions, whatever the answer (the key itself is never kept)."""

    monotonic: float
    status: int
    authorized: bool
    body: Any  # the parsed JSON body, or the raw text when it was not JSON

    @property
    def model(self) -> str | None:
        return self.body.get("model") if isinstance(self.body, dict) else None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", []) if isinstance(self.body, dict) else []

    @property
    def response_format(self) -> dict[str, Any] | None:
        return self.body.get("response_format") if isinstance(self.body, dict) else None


def error_body(message: str, type_: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    """OpenAI's error shape."""
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def count_tokens(text: str) -> int:
    """A deterministic stand-in for a tokenizer: about four characters a token."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


class BadRequest(ValueError):
    def __init__(self, message: str, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.param = param
        self.code = code


class OpenAISimulator:
    """OpenAI's Chat Completions for one API key. Thread-safe; `.app` is the ASGI app."""

    def __init__(
        self,
        *,
        api_key: str = "sk-sim-test",
        models: Sequence[str] | None = (DEFAULT_MODEL,),
        triggers: Sequence[Trigger] = DEFAULT_TRIGGERS,
        requests_per_minute: int | None = None,
        latency_seconds: float = 0.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.api_key = api_key
        self.models = None if models is None else tuple(models)  # None: any model name is served
        self.triggers = tuple(triggers)
        self.requests_per_minute = requests_per_minute
        self.latency_seconds = latency_seconds
        self._monotonic = monotonic
        self._admitted: deque[float] = deque()  # arrival times of requests admitted in the last minute
        self._lock = threading.Lock()
        self._requests: list[ChatRequest] = []
        # Knobs: each entry is consumed by one authorized request, in this order of precedence.
        self._rate_limits: deque[float] = deque()  # retry-after seconds of injected 429s
        self._failures: deque[int] = deque()
        self._invalid: deque[str] = deque()  # "truncated" | "wrong_shape"
        self._invented = 0
        self._unknown_rules = 0
        self.app = make_app(self)

    # --- test API -----------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[BackgroundServer]:
        """Serve over HTTP in a background thread; the client's base URL is `f"{server.url}/v1"`."""
        with BackgroundServer(self.app, host=host, port=port) as server:
            yield server

    def rate_limit_next(self, n: int, retry_after: float = 1.0) -> None:
        """The next `n` authorized requests answer 429 asking to wait `retry_after` seconds."""
        with self._lock:
            self._rate_limits.extend([retry_after] * n)

    def fail_next(self, n: int, status: int = 500) -> None:
        """The next `n` authorized requests answer `status` with OpenAI's error body for it."""
        with self._lock:
            self._failures.extend([status] * n)

    def invalid_json_next(self, n: int, kind: str = "truncated") -> None:
        """The next `n` answers are not the schema's JSON: "truncated" (not JSON at all) or "wrong_shape"
        (JSON missing required fields, as a server that ignores strict mode might answer)."""
        if kind not in ("truncated", "wrong_shape"):
            raise ValueError(f"unknown kind {kind!r}")
        with self._lock:
            self._invalid.extend([kind] * n)

    def invent_quote_next(self, n: int) -> None:
        """The next `n` answers add a violation quoting words the transcript does not have."""
        with self._lock:
            self._invented += n

    def unknown_rule_next(self, n: int) -> None:
        """The next `n` answers add a violation of a rule id no policy has."""
        with self._lock:
            self._unknown_rules += n

    def clear_faults(self) -> None:
        """Forget every injected fault still pending: the service is healthy again."""
        with self._lock:
            self._rate_limits.clear()
            self._failures.clear()
            self._invalid.clear()
            self._invented = self._unknown_rules = 0

    @property
    def requests(self) -> list[ChatRequest]:
        """A snapshot of every chat-completions request answered so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    # --- answering ----------------------------------------------------------------------------------------

    def _chat(self, authorization: str, body: Any) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Answer one request: (status, JSON payload, headers). Logs it."""
        with self._lock:
            authorized = self._authorized(authorization)
            status, payload, headers = self._answer(authorization, authorized, body)
            self._requests.append(ChatRequest(self._monotonic(), status, authorized, body))
        return status, payload, {**headers, "x-request-id": f"req_{secrets.token_hex(16)}"}

    def _authorized(self, authorization: str) -> bool:
        scheme, _, key = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(key.strip().encode(), self.api_key.encode())

    def _answer(self, authorization: str, authorized: bool, body: Any):
        if not authorized:
            return 401, _unauthorized(authorization), {}
        if self._rate_limits:
            return self._rate_limited(self._rate_limits.popleft(), body)
        if (wait := self._admit(self._monotonic())) > 0:
            return self._rate_limited(wait, body)
        if self._failures:
            return _failure(self._failures.popleft())
        try:
            request = _validate(body)
        except BadRequest as exc:
            return 400, error_body(str(exc), "invalid_request_error", exc.param, exc.code), {}
        if self.models is not None and request["model"] not in self.models:
            message = f"The model `{request['model']}` does not exist or you do not have access to it."
            return 404, error_body(message, "invalid_request_error", None, "model_not_found"), {}
        content = self._content(request)
        prompt_tokens = sum(count_tokens(_text(m.get("content"))) for m in request["messages"])
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": count_tokens(content)}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        completion = {
            "id": f"chatcmpl-{secrets.token_hex(12)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": usage,
            "system_fingerprint": "fp_sim",
        }
        return 200, completion, self._limit_headers()

    def _content(self, request: dict[str, Any]) -> str:
        """The assistant's message for a valid request, with the knobs applied."""
        if self._invalid:
            kind = self._invalid.popleft()
            return '{"violations": [{"rule_id": "do_not_' if kind == "truncated" else '{"verdict": "ok"}'
        answer = self._judge(request["messages"])
        if self._invented:
            self._invented -= 1
            answer["violations"].append(_violation("guaranteed_outcome", "agent", 0.0, 5.0, _INVENTED, 0.9))
        if self._unknown_rules:
            self._unknown_rules -= 1
            answer["violations"].append(_violation("no_such_rule", "agent", 0.0, 5.0, "", 0.9))
        response_format = request.get("response_format") or {"type": "text"}
        match response_format["type"]:
            case "json_schema":
                schema = response_format["json_schema"].get("schema", {})
                if set(schema.get("properties", {})) != {"violations", "summary"}:
                    return json.dumps(_example(schema))  # someone else's schema: a minimal valid instance
                return json.dumps(answer)
            case "json_object":
                return json.dumps(answer)
            case _:
                return answer["summary"]

    def _judge(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        instructions = ("system", "developer")
        system = " ".join(_text(m.get("content")) for m in messages if m.get("role") in instructions)
        user = "\n".join(_text(m.get("content")) for m in messages if m.get("role") == "user")
        violations = []
        for start, end, speaker, text in _TURN.findall(user):
            for trigger in self.triggers:
                if trigger.rule_id not in system:
                    continue  # a real model judges only the rules it was given
                for match in trigger.finditer(text):
                    quote, who = match.group(), speaker.strip()
                    violation = _violation(
                        trigger.rule_id, who, float(start), float(end), quote, trigger.confidence
                    )
                    violations.append(violation | {"rationale": f"The {who} said '{quote}'."})
        rules = ", ".join(sorted({v["rule_id"] for v in violations}))
        summary = (
            f"{len(violations)} possible violation(s): {rules}." if violations else "No violations found."
        )
        return {"violations": violations, "summary": summary}

    def _admit(self, now: float) -> float:
        """Admit a request (0.0) or say how long until the one-minute window has room; rejected requests
        don't count, as at OpenAI."""
        while self._admitted and self._admitted[0] <= now - 60.0:
            self._admitted.popleft()
        if self.requests_per_minute and len(self._admitted) >= self.requests_per_minute:
            return self._admitted[0] + 60.0 - now
        self._admitted.append(now)
        return 0.0

    def _rate_limited(self, wait: float, body: Any):
        model = body.get("model") if isinstance(body, dict) else DEFAULT_MODEL
        limit = self.requests_per_minute or 0
        message = (
            f"Rate limit reached for {model} in organization org-sim on requests per min (RPM): "
            f"Limit {limit}, Used {limit}, Requested 1. Please try again in {wait:.3g}s. Visit "
            "https://platform.openai.com/account/rate-limits to learn more."
        )
        headers = {
            "retry-after": f"{wait:.3g}",
            "retry-after-ms": str(round(wait * 1000)),
            **self._limit_headers(reset_seconds=wait, remaining=0),
        }
        return 429, error_body(message, "requests", None, "rate_limit_exceeded"), headers

    def _limit_headers(self, reset_seconds: float = 0.0, remaining: int | None = None) -> dict[str, str]:
        if not self.requests_per_minute:
            return {}
        if remaining is None:
            remaining = max(0, self.requests_per_minute - len(self._admitted))
        return {
            "x-ratelimit-limit-requests": str(self.requests_per_minute),
            "x-ratelimit-remaining-requests": str(remaining),
            "x-ratelimit-reset-requests": f"{reset_seconds:.3g}s",
        }


_INVENTED = "I personally promise you will be approved no matter what"


def _violation(
    rule_id: str, speaker: str, start: float, end: float, quote: str, confidence: float
) -> dict[str, Any]:
    return {
        "rule_id": rule_id,
        "speaker": speaker,
        "start": start,
        "end": end,
        "quote": quote,
        "rationale": f"Violation of {rule_id}.",
        "confidence": confidence,
    }


def _text(content: Any) -> str:
    """A message's text: a string, or the text parts of a content array."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def _unauthorized(authorization: str) -> dict[str, Any]:
    scheme, _, key = authorization.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        message = (
            "You didn't provide an API key. You need to provide your API key in an Authorization header "
            "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
        )
        return error_body(message, "invalid_request_error")
    key = key.strip()
    shown = f"{key[:3]}{'*' * max(0, len(key) - 7)}{key[-4:]}" if len(key) > 7 else "*" * len(key)
    message = (
        f"Incorrect API key provided: {shown}. You can find your API key at "
        "https://platform.openai.com/account/api-keys."
    )
    return error_body(message, "invalid_request_error", None, "invalid_api_key")


_FAILURES = {
    400: ("Bad request.", "invalid_request_error"),
    403: ("You are not allowed to sample from this model.", "invalid_request_error"),
    404: ("Not found.", "invalid_request_error"),
    500: ("The server had an error while processing your request. Sorry about that!", "server_error"),
    502: ("Bad gateway.", "server_error"),
    503: ("The engine is currently overloaded, please try again later.", "server_error"),
}


def _failure(status: int):
    message, type_ = _FAILURES.get(status, (f"Injected failure ({status}).", "server_error"))
    return status, error_body(message, type_), {}


def _validate(body: Any) -> dict[str, Any]:
    """The request as OpenAI would accept it; raises BadRequest with OpenAI's message otherwise."""
    if not isinstance(body, dict):
        raise BadRequest(
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
            "your HTTP library correctly. The OpenAI API expects a JSON payload.)"
        )
    if not isinstance(body.get("model"), str) or not body["model"]:
        raise BadRequest("you must provide a model parameter")
    messages = body.get("messages")
    if messages is None:
        raise BadRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter")
    if not isinstance(messages, list) or not messages:
        message = "Invalid 'messages': empty array. Expected an array with minimum length 1."
        raise BadRequest(message, "messages", "empty_array")
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            param = f"messages[{i}].role"
            raise BadRequest(f"Invalid value for '{param}'.", param, "invalid_value")
        if not isinstance(message.get("content"), (str, list)):
            param = f"messages[{i}].content"
            raise BadRequest(f"Invalid type for '{param}'.", param, "invalid_type")
    if body.get("stream"):
        raise BadRequest("The simulator does not stream.", "stream", "unsupported_value")
    _validate_response_format(body.get("response_format"))
    return body


def _validate_response_format(response_format: Any) -> None:
    if response_format is None:
        return
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    if kind not in ("text", "json_object", "json_schema"):
        raise BadRequest(
            "Invalid value for 'response_format.type': expected 'text', 'json_object' or 'json_schema'.",
            "response_format.type",
            "invalid_value",
        )
    if kind != "json_schema":
        return
    spec = response_format.get("json_schema")
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
        raise BadRequest("Missing required parameter: 'response_format.json_schema.name'.", "response_format")
    if not _SCHEMA_NAME.fullmatch(spec["name"]):
        message = "Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]+$."
        raise BadRequest(message, "response_format")
    schema = spec.get("schema")
    if not isinstance(schema, dict):
        message = "Missing required parameter: 'response_format.json_schema.schema'."
        raise BadRequest(message, "response_format")
    if spec.get("strict") and (problem := _strict_problem(schema)):
        raise BadRequest(f"Invalid schema for response_format '{spec['name']}': {problem}", "response_format")


def _strict_problem(schema: dict[str, Any], context: tuple[str, ...] = ()) -> str | None:
    """What strict mode refuses in `schema`: an object must list every property as required and set
    additionalProperties false (OpenAI's own wording)."""
    where = f"In context=({', '.join(repr(c) for c in context)})"
    if schema.get("type") == "object":
        if schema.get("additionalProperties") is not False:
            return f"{where}, 'additionalProperties' is required to be supplied and to be false."
        properties = schema.get("properties", {})
        missing = [name for name in properties if name not in schema.get("required", [])]
        if missing:
            return (
                f"{where}, 'required' is required to be supplied and to be an array including every key in "
                f"properties. Missing '{missing[0]}'."
            )
        for name, sub in properties.items():
            if problem := _strict_problem(sub, (*context, "properties", name)):
                return problem
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return _strict_problem(schema["items"], (*context, "items"))
    return None


def _example(schema: dict[str, Any]) -> Any:
    """A minimal instance of a JSON schema: what the simulator answers for a schema it does not know."""
    match schema.get("type"):
        case "object":
            return {name: _example(sub) for name, sub in schema.get("properties", {}).items()}
        case "array":
            return []
        case "string":
            return (schema.get("enum") or [""])[0]
        case "number" | "integer":
            return schema.get("minimum", 0)
        case "boolean":
            return False
        case _:
            return None


def make_app(sim: OpenAISimulator) -> Starlette:
    """The simulator's HTTP surface (see the module docstring)."""

    async def chat_completions(request: Request) -> Response:
        raw = await request.body()
        try:
            body: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            body = raw.decode("utf-8", "replace")
        status, payload, headers = sim._chat(request.headers.get("authorization", ""), body)
        if status == 200 and sim.latency_seconds:
            await asyncio.sleep(sim.latency_seconds)  # the model "thinking"; other requests go on meanwhile
        return JSONResponse(payload, status_code=status, headers=headers)

    async def models(request: Request) -> Response:
        if not sim._authorized(request.headers.get("authorization", "")):
            return JSONResponse(_unauthorized(request.headers.get("authorization", "")), status_code=401)
        served = sim.models or (DEFAULT_MODEL,)
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "callscript-sim"} for m in served]
        return JSONResponse({"object": "list", "data": data})

    return Starlette(
        routes=[
            Route("/v1/chat/completions", chat_completions, methods=["POST"]),
            Route("/v1/models", models, methods=["GET"]),
        ]
    )
