"""The Ringba simulator keeps Ringba's contract: real HTTP (httpx) against the threaded server.

Clocks are injected so rate windows and URL expiry are tested without sleeping.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import wave
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import av
import httpx
import numpy as np
import pytest

from callscript_simulators.ringba import (
    DEFAULT_RECORDINGS_DIR,
    OMIT,
    RingbaSimulator,
    load_manifest,
)
from callscript_simulators.server import BackgroundServer

ACCOUNT = "RA_test"
TOKEN = "secret-token"
DAY = date(2026, 11, 29)
DAY_START = datetime(2026, 11, 29, tzinfo=UTC)
COLUMNS = [
    "inboundCallId",
    "callDt",
    "recordingUrl",
    "callLengthInSeconds",
    "campaignName",
    "publisherName",
    "inboundPhoneNumber",
    "number",
]


class FakeClock:
    """Wall and monotonic time that move only when told to."""

    def __init__(self, wall: datetime) -> None:
        self.wall = wall
        self.mono = 1_000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds


def _write_mp3(path: Path, seconds: float, rate: int = 16_000) -> None:
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)[None, :]
    with av.open(str(path), "w", format="mp3") as out:
        stream = out.add_stream("libmp3lame", rate=rate, layout="mono")
        for i in range(0, samples.shape[1], 1152):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples[:, i : i + 1152]), format="flt")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def _write_wav(path: Path, seconds: float, rate: int = 8_000) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x01\x00\x02\x00" * int(seconds * rate))


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> Path:
    """A small recordings folder with the shipped manifest's schema."""
    folder = tmp_path_factory.mktemp("recordings")
    _write_mp3(folder / "compliant_stereo.mp3", 1.0)
    _write_mp3(folder / "medicare_no_tpmo.mp3", 2.0)
    _write_wav(folder / "dnc_ignored.wav", 3.0)
    entries = [
        ("compliant_stereo.mp3", "mp3", 1.0, "Final Expense - National", "safe"),
        ("medicare_no_tpmo.mp3", "mp3", 2.0, "Medicare Advantage - AEP", "flagged"),
        ("dnc_ignored.wav", "wav", 3.0, "Auto Insurance - Quotes", "flagged"),
    ]
    manifest = [
        {
            "file": file,
            "channels": 2,
            "sample_rate": 16_000,
            "format": fmt,
            "duration_seconds": duration,
            "campaign": campaign,
            "expected_verdict": verdict,
            "expected_rules": [],
            "agent_channel": 0,
            "lines": [],
        }
        for file, fmt, duration, campaign, verdict in entries
    ]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(DAY_START + timedelta(days=1, hours=12))  # the whole of DAY is in the past


class _PluggableApp:
    """An ASGI app that forwards to whichever simulator the current test plugged in, so the module shares one
    HTTP server (starting and stopping one costs ~0.2 s)."""

    app = None

    async def __call__(self, scope, receive, send):
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def http_server():
    plug = _PluggableApp()
    with BackgroundServer(plug) as server:
        yield plug, server.url


@pytest.fixture
def serve(recordings, clock, http_server):
    """Plug a simulator into the HTTP server: `sim, url = serve(calls_per_day=10, ...)`. Rate limits are off
    unless asked for, so tests that are not about them can make as many requests as they like."""
    plug, url = http_server

    def start(**kwargs):
        options = {
            "account_id": ACCOUNT,
            "token": TOKEN,
            "seed": 7,
            "calls_per_day": 0,
            "recordings_dir": recordings,
            "max_per_second": None,
            "max_per_minute": None,
            "now": clock.now,
            "monotonic": clock.monotonic,
        }
        sim = RingbaSimulator(**(options | kwargs))
        sim.base_url = url
        plug.app = sim.app
        return sim, url

    yield start
    plug.app = None


@pytest.fixture
def client():
    with httpx.Client(timeout=10) as c:
        yield c


def report(
    client: httpx.Client,
    url: str,
    *,
    start: datetime = DAY_START,
    end: datetime = DAY_START + timedelta(days=1),
    size: int = 1000,
    offset: int = 0,
    columns=COLUMNS,
    filters=None,
    account: str = ACCOUNT,
    token: str | None = TOKEN,
) -> httpx.Response:
    body = {
        "reportStart": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "reportEnd": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "size": size,
        "offset": offset,
        "valueColumns": [{"column": c} for c in columns],
        "orderByColumns": [{"column": "callDt", "direction": "asc"}],
    }
    if filters is not None:
        body["filters"] = filters
    headers = {"Authorization": f"Token {token}"} if token is not None else {}
    return client.post(f"{url}/v2/{account}/calllogs", json=body, headers=headers)


def by_id(call_id: str) -> list[dict]:
    condition = {
        "column": "inboundCallId",
        "value": call_id,
        "isNegativeFilter": False,
        "comparisonType": "EQUALS",
    }
    return [{"anyConditionToMatch": [condition]}]


# --- auth and validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_missing_or_wrong_token_is_401(serve, client, token):
    sim, url = serve(calls_per_day=3)
    response = report(client, url, token=token)
    assert response.status_code == 401
    assert response.json() == {"message": "Authorization has been denied for this request."}
    bearer = client.post(
        f"{url}/v2/{ACCOUNT}/calllogs", json={}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert bearer.status_code == 401


def test_valid_token_for_another_account_is_403(serve, client):
    sim, url = serve(calls_per_day=3)
    response = report(client, url, account="RA_someone_else")
    assert response.status_code == 403
    assert "message" in response.json()
    assert [r.status for r in sim.requests] == [403]


BASE_BODY = {
    "reportStart": "2026-11-29T00:00:00Z",
    "reportEnd": "2026-11-30T00:00:00Z",
    "size": 100,
    "offset": 0,
    "valueColumns": [{"column": "inboundCallId"}],
}


@pytest.mark.parametrize(
    "body",
    [
        "this is not json",
        {k: v for k, v in BASE_BODY.items() if k != "reportStart"},
        BASE_BODY | {"reportStart": "yesterday"},
        BASE_BODY | {"size": 1001},
        BASE_BODY | {"size": 0},
        BASE_BODY | {"size": "100"},
        BASE_BODY | {"offset": -1},
        BASE_BODY | {"reportEnd": "2026-11-29T00:00:00Z"},
        BASE_BODY | {"reportEnd": "2026-11-28T00:00:00Z"},
        BASE_BODY | {"valueColumns": []},
        BASE_BODY | {"filters": [{"column": "inboundCallId", "value": "x"}]},
        BASE_BODY | {"filters": [{"anyConditionToMatch": [{"column": "callDt", "value": "x"}]}]},
        BASE_BODY
        | {
            "filters": [
                {"anyConditionToMatch": [{"column": "inboundCallId", "value": "x", "comparisonType": "LIKE"}]}
            ]
        },
    ],
    ids=lambda b: "not-json" if isinstance(b, str) else json.dumps(b)[:60],
)
def test_bad_request_bodies_are_400(serve, client, body):
    sim, url = serve(calls_per_day=3)
    headers = {"Authorization": f"Token {TOKEN}"}
    if isinstance(body, str):
        response = client.post(f"{url}/v2/{ACCOUNT}/calllogs", content=body, headers=headers)
    else:
        response = client.post(f"{url}/v2/{ACCOUNT}/calllogs", json=body, headers=headers)
    assert response.status_code == 400
    payload = response.json()
    assert payload["isSuccessful"] is False and payload["message"]


# --- listing ------------------------------------------------------------------------------------------------


def test_pages_through_a_day_with_total_count_and_only_requested_columns(serve, client):
    sim, url = serve(calls_per_day=25)
    pages = [report(client, url, size=10, offset=offset).json() for offset in (0, 10, 20, 30)]
    assert [len(p["report"]["records"]) for p in pages] == [10, 10, 5, 0]
    assert all(p["isSuccessful"] and p["report"]["totalCount"] == 25 for p in pages)
    assert all(p["report"]["partialResult"] is False for p in pages)

    records = [r for p in pages for r in p["report"]["records"]]
    assert [r["inboundCallId"] for r in records] == [c["inboundCallId"] for c in sim.calls_for_day(DAY)]
    assert [r["callDt"] for r in records] == sorted(r["callDt"] for r in records)
    assert all(list(r) == COLUMNS for r in records)

    narrow = report(client, url, columns=["inboundCallId", "noSuchColumn"]).json()["report"]["records"]
    assert all(list(r) == ["inboundCallId"] for r in narrow)
    assert len(narrow) == 25


def test_records_look_like_ringbas(serve, client, recordings):
    sim, url = serve(calls_per_day=30)
    records = report(client, url).json()["report"]["records"]
    manifest = {r.file: r for r in load_manifest(recordings)}
    for record in records:
        assert re.fullmatch(r"RGB[0-9A-F]{32}", record["inboundCallId"])
        assert re.fullmatch(r"2026-11-29T\d\d:\d\d:\d\d\.\d{3}Z", record["callDt"])
        assert re.fullmatch(r"\+1\d{10}", record["inboundPhoneNumber"])
        assert re.fullmatch(r"\+1\d{10}", record["number"])
        assert record["recordingUrl"].startswith(
            f"{url}/recording-public?callId={record['inboundCallId']}&exp="
        )
        recording = manifest[sim.call(record["inboundCallId"]).recording.file]
        assert record["campaignName"] == recording.campaign
        assert record["callLengthInSeconds"] == round(recording.duration_seconds)
    assert len({r["campaignName"] for r in records}) > 1
    assert len({r["publisherName"] for r in records}) > 1


def test_window_includes_report_start_and_excludes_report_end(serve, client):
    sim, url = serve()
    sim.add_call("RGB_AT_START", DAY_START)
    sim.add_call("RGB_JUST_BEFORE_END", DAY_START + timedelta(days=1, milliseconds=-1))
    sim.add_call("RGB_AT_END", DAY_START + timedelta(days=1))
    ids = [r["inboundCallId"] for r in report(client, url).json()["report"]["records"]]
    assert ids == ["RGB_AT_START", "RGB_JUST_BEFORE_END"]
    assert [c["inboundCallId"] for c in sim.calls_for_day(DAY)] == ids


def test_calls_arrive_as_the_clock_passes_them(serve, client, clock):
    clock.wall = DAY_START + timedelta(hours=12)
    sim, url = serve(calls_per_day=50)
    by_noon = report(client, url).json()["report"]
    assert 0 < by_noon["totalCount"] < 50
    assert all(r["callDt"] <= "2026-11-29T12:00:00.000Z" for r in by_noon["records"])
    assert len(sim.calls_for_day(DAY)) == by_noon["totalCount"]
    clock.advance(12 * 3600)
    assert report(client, url).json()["report"]["totalCount"] == 50


def test_same_seed_gives_the_same_calls_in_any_instance(recordings):
    def calls(seed: int, **faults) -> list[dict]:
        sim = RingbaSimulator(seed=seed, calls_per_day=40, recordings_dir=recordings, **faults)
        return sim.calls_for_day(DAY)

    first, again, other = calls(7), calls(7), calls(8)
    assert first == again
    assert {c["inboundCallId"] for c in first}.isdisjoint(c["inboundCallId"] for c in other)
    # Fault knobs choose which calls are faulty; they do not reshuffle the calls themselves.
    faulty = calls(7, expired_fraction=0.3, deleted_fraction=0.3)
    assert [c["inboundCallId"] for c in faulty] == [c["inboundCallId"] for c in first]


def test_descending_order_and_campaign_filter(serve, client):
    sim, url = serve(calls_per_day=30)
    records = report(client, url).json()["report"]["records"]
    campaign = records[0]["campaignName"]
    body = {
        "reportStart": "2026-11-29T00:00:00Z",
        "reportEnd": "2026-11-30T00:00:00Z",
        "size": 1000,
        "valueColumns": [{"column": "inboundCallId"}, {"column": "campaignName"}],
        "filters": [{"anyConditionToMatch": [{"column": "campaignName", "value": campaign}]}],
        "orderByColumns": [{"column": "callDt", "direction": "desc"}],
    }
    response = client.post(
        f"{url}/v2/{ACCOUNT}/calllogs", json=body, headers={"Authorization": f"Token {TOKEN}"}
    )
    filtered = response.json()["report"]["records"]
    expected = [r["inboundCallId"] for r in records if r["campaignName"] == campaign]
    assert [r["inboundCallId"] for r in filtered] == expected[::-1]


# --- rate limits --------------------------------------------------------------------------------------------


def test_more_than_five_requests_a_second_get_429_with_retry_after(serve, client, clock):
    sim, url = serve(calls_per_day=3, max_per_second=5, max_per_minute=80)
    statuses = [report(client, url).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    limited = report(client, url)
    assert limited.status_code == 429
    assert limited.json() == {
        "isSuccessful": False,
        "isRateLimited": True,
        "message": "Rate limit exceeded. Please retry later.",
    }
    assert limited.headers["Retry-After"] == "1"
    clock.advance(1.0)
    assert report(client, url).status_code == 200
    # The request log lets a test check a client's pacing from the timestamps.
    log = sim.requests
    assert [r.status for r in log] == [200] * 5 + [429, 429, 200]
    assert [r.monotonic for r in log] == [1_000.0] * 7 + [1_001.0]
    assert log[0].body["size"] == 1000 and log[0].records == 3


def test_more_than_eighty_requests_a_minute_get_429(serve, client, clock):
    sim, url = serve(calls_per_day=1, max_per_second=5, max_per_minute=80)
    for _ in range(16):  # 5 a second for 16 seconds: within both limits
        assert [report(client, url).status_code for _ in range(5)] == [200] * 5
        clock.advance(1.0)
    limited = report(client, url)
    assert limited.status_code == 429 and limited.json()["isRateLimited"] is True
    assert limited.headers["Retry-After"] == "44"  # the first request leaves the minute window at t=60
    clock.advance(44.0)
    assert report(client, url).status_code == 200


def test_retry_after_header_can_be_left_out(serve, client):
    sim, url = serve(calls_per_day=1, max_per_second=1, retry_after_header=False)
    assert report(client, url).status_code == 200
    limited = report(client, url)
    assert limited.status_code == 429 and "Retry-After" not in limited.headers


def test_rate_limit_storm_and_injected_failures(serve, client):
    sim, url = serve(calls_per_day=2)
    sim.rate_limit_next(3)
    sim.fail_next(2, status=503)
    assert report(client, url, token="wrong").status_code == 401  # does not use up an injected answer
    statuses = [report(client, url).status_code for _ in range(6)]
    assert statuses == [429, 429, 429, 503, 503, 200]
    assert [r.status for r in sim.requests] == [401, *statuses]


def test_rate_limit_uses_real_time_by_default(recordings, client):
    sim = RingbaSimulator(account_id=ACCOUNT, token=TOKEN, calls_per_day=0, recordings_dir=recordings)
    with sim.serve() as server:
        statuses = [report(client, server.url).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    log = sim.requests
    # Six loopback requests take far less than a second; should this machine stall, a 200 is also right.
    assert statuses[5] == 429 or log[5].monotonic - log[0].monotonic >= 1.0


# --- recordings ---------------------------------------------------------------------------------------------


def _url_of(client: httpx.Client, url: str, call_id: str) -> str:
    (record,) = report(client, url, filters=by_id(call_id)).json()["report"]["records"]
    return record["recordingUrl"]


def test_recording_streams_the_file_with_its_content_type(serve, client, recordings):
    sim, url = serve()
    sim.add_call("RGB_MP3", DAY_START + timedelta(hours=1))
    sim.add_call("RGB_WAV", DAY_START + timedelta(hours=2), recording="dnc_ignored.wav")
    for call_id, file, content_type in [
        ("RGB_MP3", "compliant_stereo.mp3", "audio/mpeg"),
        ("RGB_WAV", "dnc_ignored.wav", "audio/wav"),
    ]:
        response = client.get(_url_of(client, url, call_id))
        expected = (recordings / file).read_bytes()
        assert response.status_code == 200
        assert response.headers["content-type"] == content_type
        assert response.headers["content-length"] == str(len(expected))
        assert response.content == expected
    assert [(r.call_id, r.status) for r in sim.recording_requests] == [("RGB_MP3", 200), ("RGB_WAV", 200)]


def test_tampered_signature_is_403(serve, client):
    sim, url = serve()
    sim.add_call("RGB_A", DAY_START + timedelta(hours=1))
    sim.add_call("RGB_B", DAY_START + timedelta(hours=2))
    good = _url_of(client, url, "RGB_A")
    assert client.get(good.replace("callId=RGB_A", "callId=RGB_B")).status_code == 403
    assert client.get(good[:-4] + "0000").status_code == 403
    assert client.get(good.split("&sig=")[0]).status_code == 403
    assert client.get(good).status_code == 200


def test_recording_url_expires_after_its_ttl(serve, client, clock):
    sim, url = serve(url_ttl_seconds=600)
    sim.add_call("RGB_A", DAY_START + timedelta(hours=1))
    recording_url = _url_of(client, url, "RGB_A")
    clock.advance(599)
    assert client.get(recording_url).status_code == 200
    clock.advance(2)
    expired = client.get(recording_url)
    assert expired.status_code == 403
    assert "expired" in expired.text and expired.headers["content-type"].startswith("application/xml")
    assert client.get(_url_of(client, url, "RGB_A")).status_code == 200  # listing again gives a fresh URL


def test_expired_call_is_refreshed_through_the_inbound_call_id_filter(serve, client):
    sim, url = serve()
    sim.add_call("RGB_EXPIRED", DAY_START + timedelta(hours=1), fault="expired")
    sim.add_call("RGB_OTHER", DAY_START + timedelta(hours=2))
    first = {r["inboundCallId"]: r["recordingUrl"] for r in report(client, url).json()["report"]["records"]}
    assert client.get(first["RGB_EXPIRED"]).status_code == 403
    assert client.get(first["RGB_OTHER"]).status_code == 200

    refreshed = report(client, url, filters=by_id("RGB_EXPIRED")).json()["report"]
    assert refreshed["totalCount"] == 1
    (record,) = refreshed["records"]
    assert record["inboundCallId"] == "RGB_EXPIRED" and record["recordingUrl"] != first["RGB_EXPIRED"]
    assert client.get(record["recordingUrl"]).status_code == 200


def test_deleted_recording_is_404_every_time(serve, client):
    sim, url = serve()
    sim.add_call("RGB_GONE", DAY_START + timedelta(hours=1), fault="deleted")
    recording_url = _url_of(client, url, "RGB_GONE")
    assert [client.get(recording_url).status_code for _ in range(2)] == [404, 404]
    assert client.get(_url_of(client, url, "RGB_GONE")).status_code == 404


def test_server_error_once_then_fine(serve, client, recordings):
    sim, url = serve()
    sim.add_call("RGB_FLAKY", DAY_START + timedelta(hours=1), fault="server_error_once")
    recording_url = _url_of(client, url, "RGB_FLAKY")
    assert client.get(recording_url).status_code == 500
    retry = client.get(recording_url)
    assert retry.status_code == 200 and retry.content == (recordings / "compliant_stereo.mp3").read_bytes()


def test_slow_recording_waits_before_the_body(serve, client, recordings):
    sim, url = serve(slow_seconds=0.4)
    sim.add_call("RGB_SLOW", DAY_START + timedelta(hours=1), fault="slow")
    recording_url = _url_of(client, url, "RGB_SLOW")
    with pytest.raises(httpx.ReadTimeout):
        client.get(recording_url, timeout=httpx.Timeout(5, read=0.1))
    started = time.monotonic()
    response = client.get(recording_url)
    assert time.monotonic() - started >= 0.4
    assert response.content == (recordings / "compliant_stereo.mp3").read_bytes()


@pytest.mark.parametrize("fault", ["html", "empty", "truncated"])
def test_broken_bodies_still_answer_200_as_audio(serve, client, recordings, fault):
    sim, url = serve()
    sim.add_call("RGB_BROKEN", DAY_START + timedelta(hours=1), fault=fault)
    response = client.get(_url_of(client, url, "RGB_BROKEN"))
    original = (recordings / "compliant_stereo.mp3").read_bytes()
    assert response.status_code == 200 and response.headers["content-type"] == "audio/mpeg"
    assert int(response.headers["content-length"]) == len(response.content)
    if fault == "html":
        assert response.text.startswith("<!DOCTYPE html>")
    elif fault == "empty":
        assert response.content == b""
    else:
        assert response.content == original[: len(original) // 2]


def test_oversized_recording_streams_n_bytes_of_repeated_frames(serve, client, recordings):
    size = 3 * 1024 * 1024 + 17
    sim, url = serve(oversized_bytes=size)
    sim.add_call("RGB_HUGE", DAY_START + timedelta(hours=1), fault="oversized")
    original = (recordings / "compliant_stereo.mp3").read_bytes()
    received, chunks = bytearray(), 0
    with client.stream("GET", _url_of(client, url, "RGB_HUGE")) as response:
        assert response.headers["content-length"] == str(size)
        for chunk in response.iter_raw():
            received += chunk
            chunks += 1
    assert len(received) == size and chunks > 1
    assert received.startswith(original)
    assert received[len(original)] == 0xFF  # the next copy starts at an MPEG frame, not at the ID3 tag
    assert received.count(b"ID3") == 1


# --- generated faults ---------------------------------------------------------------------------------------


def test_fault_fractions_make_expired_deleted_and_malformed_calls(serve, client):
    sim, url = serve(calls_per_day=300, expired_fraction=0.1, deleted_fraction=0.1, malformed_fraction=0.1)
    page = report(client, url).json()["report"]
    records = page["records"]
    assert page["totalCount"] == len(records) == 300

    missing_id = [r for r in records if "inboundCallId" not in r]
    bad_date = [r for r in records if r["callDt"] == "not-a-date"]
    bad_types = [r for r in records if r["callLengthInSeconds"] == "abc"]
    assert missing_id and bad_date and bad_types
    assert 10 <= len(missing_id) + len(bad_date) + len(bad_types) <= 50

    statuses = {}
    for record in records:
        if "inboundCallId" in record:
            status = client.get(record["recordingUrl"]).status_code
            statuses.setdefault(status, []).append(record["inboundCallId"])
    assert 10 <= len(statuses[403]) <= 50 and 10 <= len(statuses[404]) <= 50
    assert all(sim.call(i).fault == "expired" for i in statuses[403])
    assert all(sim.call(i).fault == "deleted" for i in statuses[404])
    # Expired ones come back with a fresh URL on the next listing.
    assert client.get(_url_of(client, url, statuses[403][0])).status_code == 200


def test_added_calls_can_carry_malformed_columns(serve, client):
    sim, url = serve()
    sim.add_call("RGB_NO_ID", DAY_START + timedelta(hours=1), inboundCallId=OMIT)
    sim.add_call(
        "RGB_BAD_LENGTH", DAY_START + timedelta(hours=2), callLengthInSeconds="abc", publisherName="X"
    )
    records = report(client, url).json()["report"]["records"]
    assert "inboundCallId" not in records[0]
    assert records[1]["callLengthInSeconds"] == "abc" and records[1]["publisherName"] == "X"
    with pytest.raises(ValueError):
        sim.add_call("RGB_BAD_LENGTH", DAY_START)
    with pytest.raises(ValueError):
        sim.add_call("RGB_NEW", DAY_START, fault="on-fire")


# --- shipped recordings, server, CLI ------------------------------------------------------------------------


def test_shipped_manifest_serves_every_recording(client):
    manifest = load_manifest(DEFAULT_RECORDINGS_DIR)
    assert manifest and "compliant_stereo.mp3" in {r.file for r in manifest}
    for recording in manifest:
        assert recording.path.is_file() and recording.campaign and recording.duration_seconds > 0
        assert recording.content_type in ("audio/mpeg", "audio/wav")

    sim = RingbaSimulator(calls_per_day=len(manifest) * 6, max_per_second=None, max_per_minute=None)
    with sim.serve() as server:
        records = report(client, server.url, token=sim.token, account=sim.account_id).json()["report"][
            "records"
        ]
        for record in records[: len(manifest) * 2]:
            response = client.get(record["recordingUrl"])
            assert response.status_code == 200
            assert response.content == sim.call(record["inboundCallId"]).recording.path.read_bytes()


def test_background_server_starts_fast_and_leaves_nothing_behind():
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    threads_before = threading.active_count()
    started = time.monotonic()
    with BackgroundServer(app) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert httpx.get(server.url).status_code == 204
    assert time.monotonic() - started < 3
    assert threading.active_count() == threads_before
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", server.port), timeout=1):
        pass


def test_cli_prints_the_environment_and_serves(recordings, client):
    command = [sys.executable, "-c", "from callscript_simulators.cli import app; app()"]
    args = ["ringba", "--port", "0", "--calls-per-day", "4", "--recordings-dir", str(recordings)]
    process = subprocess.Popen(command + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        env = dict(re.findall(r"(RINGBA_\w+)=(\S+)", lines[2]))
        assert env["RINGBA_ACCOUNT_ID"] == "RA_demo" and env["RINGBA_API_TOKEN"] == "demo-token"
        response = report(
            client,
            env["RINGBA_BASE_URL"],
            start=datetime(2020, 1, 1, tzinfo=UTC),
            end=datetime(2020, 1, 2, tzinfo=UTC),
            account="RA_demo",
            token="demo-token",
        )
        assert response.json()["report"]["totalCount"] == 4
    finally:
        process.terminate()
        process.wait(10)
