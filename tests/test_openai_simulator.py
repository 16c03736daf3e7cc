"""The OpenAI simulator keeps OpenAI's contract: auth, request validation, response shape, rate limits."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import httpx
import openai
import pytest

from callscript_dagster.judge.llm import REPLY_SCHEMA
from callscript_simulators.openai import OpenAISimulator

KEY = "sk-sim-test-0123456789"
USER = (
    "Campaign: Personal Loans\nTranscript (number. [start-end seconds] speaker: words):\n"
    "1. [0.50-4.00] agent: This call is recorded. My name is Dan with Keystone.\n"
    "2. [4.50-7.25] agent: Don't worry, you are GUARANTEED to be approved today.\n"
    "3. [7.80-9.00] caller: Really?"
)
SCHEMA = REPLY_SCHEMA  # the Judge's: {violations: [...], summary}


def body(**overrides) -> dict:
    return {
        "model": "sim-judge-1",
        "messages": [
            {"role": "system", "content": "Rules: id: guaranteed_outcome"},
            {"role": "user", "content": USER},
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "j", "strict": True, "schema": SCHEMA},
        },
    } | overrides


@pytest.fixture
def sim() -> OpenAISimulator:
    return OpenAISimulator(api_key=KEY)


@pytest.fixture
def http(sim: OpenAISimulator) -> Iterator[httpx.Client]:
    with sim.serve() as server, httpx.Client(base_url=f"{server.url}/v1", timeout=5) as client:
        yield client


def post(http: httpx.Client, payload: dict | None = None, key: str | None = KEY, **kw) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return http.post("/chat/completions", json=body() if payload is None else payload, headers=headers, **kw)


def assert_openai_error(response: httpx.Response, status: int, type_: str, code: str | None) -> str:
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert (error["type"], error["code"]) == (type_, code)
    return error["message"]


def test_a_completion_has_openais_shape_and_honours_the_json_schema(http):
    response = post(http)
    assert response.status_code == 200 and response.headers["x-request-id"].startswith("req_")
    completion = response.json()
    assert completion["object"] == "chat.completion" and completion["id"].startswith("chatcmpl-")
    assert completion["model"] == "sim-judge-1" and isinstance(completion["created"], int)
    [choice] = completion["choices"]
    assert (choice["index"], choice["finish_reason"]) == (0, "stop")
    assert choice["message"]["role"] == "assistant" and choice["message"]["refusal"] is None
    usage = completion["usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0

    answer = json.loads(choice["message"]["content"])
    assert set(answer) == {"violations", "summary"}
    [violation] = answer["violations"]
    assert violation == {
        "rule_id": "guaranteed_outcome",
        "speaker": "agent",
        "start": 4.5,
        "end": 7.25,
        "quote": "GUARANTEED",
        "rationale": "The agent said 'GUARANTEED'.",
        "confidence": 0.9,
    }


def test_only_rules_named_in_the_system_message_are_judged(http):
    payload = body(
        messages=[{"role": "system", "content": "Rules: id: do_not_call"}, {"role": "user", "content": USER}]
    )
    answer = json.loads(post(http, payload).json()["choices"][0]["message"]["content"])
    assert answer == {"violations": [], "summary": "No violations found."}


def test_a_schema_it_does_not_know_gets_a_minimal_instance_and_text_gets_text(http):
    other = {
        "type": "object",
        "properties": {"ok": {"type": "boolean"}, "n": {"type": "integer"}},
        "required": ["ok", "n"],
        "additionalProperties": False,
    }
    format_ = {"type": "json_schema", "json_schema": {"name": "other", "strict": True, "schema": other}}
    content = post(http, body(response_format=format_)).json()["choices"][0]["message"]["content"]
    assert json.loads(content) == {"ok": False, "n": 0}
    text = post(http, body(response_format=None)).json()["choices"][0]["message"]["content"]
    assert text == "1 possible violation(s): guaranteed_outcome."


@pytest.mark.parametrize(
    ("key", "code", "message"),
    [
        (None, None, "You didn't provide an API key"),
        ("sk-nope-123456789", "invalid_api_key", "Incorrect API key provided: sk-**********6789"),
    ],
)
def test_a_missing_or_wrong_key_is_401(sim, http, key, code, message):
    response = post(http, key=key)
    assert assert_openai_error(response, 401, "invalid_request_error", code).startswith(message)
    assert [r.authorized for r in sim.requests] == [False]


@pytest.mark.parametrize(
    ("payload", "param", "message"),
    [
        (body(model=None), None, "you must provide a model parameter"),
        ({"model": "sim-judge-1"}, "messages", "Missing required parameter: 'messages'."),
        (body(messages=[{"role": "robot", "content": "hi"}]), "messages[0].role", "Invalid value"),
        (
            body(
                response_format={
                    "type": "json_schema",
                    "json_schema": {
                        "name": "j",
                        "strict": True,
                        "schema": {
                            "type": "object",
                            "properties": {"a": {"type": "string"}},
                            "required": [],
                            "additionalProperties": False,
                        },
                    },
                }
            ),
            "response_format",
            "Invalid schema for response_format 'j': In context=(), 'required' is required",
        ),
        (
            body(
                response_format={
                    "type": "json_schema",
                    "json_schema": {
                        "name": "j",
                        "strict": True,
                        "schema": SCHEMA | {"additionalProperties": True},
                    },
                }
            ),
            "response_format",
            "Invalid schema for response_format 'j': In context=(), 'additionalProperties' is required",
        ),
        (
            body(response_format={"type": "yaml"}),
            "response_format.type",
            "Invalid value for 'response_format.type'",
        ),
    ],
)
def test_a_request_openai_would_reject_is_400(http, payload, param, message):
    response = post(http, payload)
    assert assert_openai_error(
        response, 400, "invalid_request_error", response.json()["error"]["code"]
    ).startswith(message)
    assert response.json()["error"]["param"] == param


def test_an_unknown_model_is_404(http):
    message = assert_openai_error(
        post(http, body(model="gpt-nope")), 404, "invalid_request_error", "model_not_found"
    )
    assert message == "The model `gpt-nope` does not exist or you do not have access to it."


def test_requests_per_minute_are_limited_with_openais_headers():
    sim = OpenAISimulator(api_key=KEY, requests_per_minute=2)
    with sim.serve() as server, httpx.Client(base_url=f"{server.url}/v1") as http:
        first, second, third = (post(http) for _ in range(3))
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.headers["x-ratelimit-limit-requests"] == "2"
    assert (
        first.headers["x-ratelimit-remaining-requests"],
        second.headers["x-ratelimit-remaining-requests"],
    ) == ("1", "0")
    message = assert_openai_error(third, 429, "requests", "rate_limit_exceeded")
    assert message.startswith(
        "Rate limit reached for sim-judge-1 in organization org-sim on requests per min (RPM)"
    )
    assert 55 < float(third.headers["retry-after"]) <= 60
    assert third.headers["x-ratelimit-remaining-requests"] == "0"


def test_knobs_inject_failures_in_order_and_the_official_client_sees_openais_errors(sim):
    sim.rate_limit_next(1, retry_after=0.25)
    sim.fail_next(1, status=503)
    with sim.serve() as server:
        client = openai.OpenAI(api_key=KEY, base_url=f"{server.url}/v1", max_retries=0)
        with pytest.raises(openai.RateLimitError) as limited:
            client.chat.completions.create(**body())
        assert limited.value.response.headers["retry-after"] == "0.25"
        assert limited.value.code == "rate_limit_exceeded"
        with pytest.raises(openai.InternalServerError):
            client.chat.completions.create(**body())
        completion = client.chat.completions.create(**body())
        assert completion.choices[0].message.content and completion.usage.prompt_tokens > 0
        assert [m.id for m in client.models.list()] == ["sim-judge-1"]
    assert [r.status for r in sim.requests] == [429, 503, 200]


def test_latency_delays_answers_without_blocking_other_requests(sim):
    sim.latency_seconds = 0.3
    with sim.serve() as server, httpx.Client(base_url=f"{server.url}/v1") as http:
        began = time.monotonic()
        threads = [threading.Thread(target=post, args=(http,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
    assert len(sim.requests) == 4 and 0.3 <= elapsed < 1.0
