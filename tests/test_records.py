"""Ringba records → calls: every malformed shape is a clear rejection, never an exception."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from callscript_dagster.ringba.records import (
    CallRecord,
    Rejection,
    parse_call_record,
    parse_call_time,
    storable_record,
)

NY = ZoneInfo("America/New_York")
GOOD = {
    "inboundCallId": "RGB123",
    "callDt": "2026-11-20T04:30:00.000Z",
    "recordingUrl": "https://media.ringba.com/recording-public?id=1&sig=abc",
    "callLengthInSeconds": 93,
    "campaignName": "Medicare Advantage",
    "publisherName": "Pub A",
    "inboundPhoneNumber": "+13055550123",
    "number": "+18005550100",
    "targetName": "Buyer",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-20T04:30:00Z", datetime(2026, 11, 20, 4, 30, tzinfo=UTC)),
        ("2026-11-20T04:30:00.123+00:00", datetime(2026, 11, 20, 4, 30, 0, 123000, tzinfo=UTC)),
        ("2026-11-19T23:30:00-05:00", datetime(2026, 11, 20, 4, 30, tzinfo=UTC)),
        ("2026-11-20T04:30:00", datetime(2026, 11, 20, 4, 30, tzinfo=UTC)),  # no zone: UTC, as Ringba sends
        (1795148200000, datetime(2026, 11, 20, 4, 16, 40, tzinfo=UTC)),  # epoch milliseconds
        ("1795148200000", datetime(2026, 11, 20, 4, 16, 40, tzinfo=UTC)),
        (1795148200, datetime(2026, 11, 20, 4, 16, 40, tzinfo=UTC)),  # epoch seconds
    ],
)
def test_call_times_in_every_shape_ringba_uses(value, expected) -> None:
    assert parse_call_time(value) == expected


def test_a_good_record_lands_in_its_business_day() -> None:
    call = parse_call_record(GOOD, NY)
    assert isinstance(call, CallRecord)
    assert call.partition_date == date(2026, 11, 19)  # 23:30 in New York
    assert (call.duration_seconds, call.caller_number, call.dialed_number) == (
        93,
        "+13055550123",
        "+18005550100",
    )
    assert call.attributes == {"targetName": "Buyer"}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"inboundCallId": None}, "missing inboundCallId"),
        ({"inboundCallId": "  "}, "missing inboundCallId"),
        ({"inboundCallId": "has space"}, "printable ASCII"),
        ({"inboundCallId": "x" * 300}, "printable ASCII"),
        ({"callDt": "not-a-date"}, "neither ISO 8601 nor epoch"),
        ({"callDt": None}, "is not a time"),
        ({"callDt": True}, "is not a time"),
        ({"callDt": -5}, "not a valid epoch time"),
        ({"callDt": {"x": 1}}, "expected a string or a number"),
        ({"callLengthInSeconds": "abc"}, "is not a number"),
        ({"callLengthInSeconds": -3}, "non-negative"),
        ({"recordingUrl": "javascript:alert(1)"}, "not an http(s) URL"),
        ({"recordingUrl": 42}, "expected a URL"),
        ({"campaignName": ["a", "b"]}, "expected text"),
    ],
)
def test_malformed_records_are_rejected_with_a_reason(change, reason) -> None:
    result = parse_call_record({**GOOD, **change}, NY)
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_non_objects_are_rejected() -> None:
    assert "expected an object" in parse_call_record(["not", "a", "record"], NY).reason


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"campaignName": "Acme\x00Lending"}, "NUL character in campaignName"),
        (
            {"targetName": "Buyer\x00"},
            "NUL character in targetName",
        ),  # an unmapped column: lands in attributes
        ({"extra": {"nested\x00key": 1}}, "NUL character in extra"),
        ({"publisherName": "Pub \ud800"}, "unpaired UTF-16 surrogate in publisherName"),
        ({"targetName": ["ok", "\udfff"]}, "unpaired UTF-16 surrogate in targetName"),
        ({"payoutAmount": float("inf")}, "non-finite number in payoutAmount"),
        ({"callLengthInSeconds": 10**12}, "callLengthInSeconds"),
    ],
)
def test_values_postgresql_cannot_store_are_rejected_with_a_reason(change, reason) -> None:
    result = parse_call_record({**GOOD, **change}, NY)
    assert isinstance(result, Rejection)
    assert reason in result.reason
    # the rejection itself can be stored: what PostgreSQL refuses is replaced, the rest kept for the operator
    stored = json.dumps(storable_record(result.record), ensure_ascii=False, allow_nan=False)
    assert "\x00" not in stored and "\\u0000" not in stored
    stored.encode("utf-8")  # no lone surrogate left
    assert json.loads(stored)["inboundCallId"] == "RGB123"
