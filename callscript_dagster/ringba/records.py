"""Turning Ringba call-log records into calls we can store — or into a clear reason why not.

Records come from outside: any field may be missing, mistyped or hostile. Parsing never raises; a record is
either a `CallRecord` or a `Rejection` whose reason an operator can act on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

# Ringba columns with a home in core.calls; every other column we ask for goes to `attributes`.
MAPPED_COLUMNS = (
    "inboundCallId",
    "callDt",
    "recordingUrl",
    "callLengthInSeconds",
    "campaignName",
    "publisherName",
    "inboundPhoneNumber",
    "number",
)
VALUE_COLUMNS = (*MAPPED_COLUMNS, "targetName", "hasConverted", "payoutAmount")
MAX_CALL_ID_LENGTH = 256
_CALL_ID = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces or control characters
# Epoch values above this are milliseconds (it is 1973 in ms, 5138 in seconds).
_EPOCH_MS_THRESHOLD = 100_000_000_000


@dataclass(frozen=True)
class CallRecord:
    call_id: str
    call_at: datetime
    partition_date: date
    campaign_name: str | None
    publisher_name: str | None
    caller_number: str | None
    dialed_number: str | None
    duration_seconds: int | None
    recording_url: str | None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    reason: str
    record: dict[str, Any]
    call_id: str | None = None


def parse_call_time(value: Any) -> datetime:
    """A Ringba `callDt`: ISO 8601 (with or without zone; none means UTC) or epoch milliseconds/seconds."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"callDt {value!r} is not a time")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+(\.\d+)?\s*", value):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
        except ValueError:
            raise ValueError(f"callDt {value!r} is neither ISO 8601 nor epoch milliseconds") from None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    else:
        raise ValueError(f"callDt has type {type(value).__name__}, expected a string or a number")
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"callDt {value!r} is not a valid epoch time")
    seconds = number / 1000 if number >= _EPOCH_MS_THRESHOLD else number
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"callDt {value!r} is out of range") from None


def _optional_text(record: dict[str, Any], column: str, max_length: int = 512) -> str | None:
    value = record.get(column)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{column} has type {type(value).__name__}, expected text")
    text = str(value).strip()
    if len(text) > max_length:
        raise ValueError(f"{column} is longer than {max_length} characters")
    return text or None


def _duration(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("callLengthInSeconds is a boolean, expected a number")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"callLengthInSeconds {value!r} is not a number") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"callLengthInSeconds {value!r} is not a non-negative number")
    if seconds > MAX_CALL_SECONDS:
        raise ValueError(f"callLengthInSeconds {value!r} is longer than a week")
    return round(seconds)


def _recording_url(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"recordingUrl has type {type(value).__name__}, expected a URL")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("recordingUrl is not an http(s) URL")
    if len(value) > 4096:
        raise ValueError("recordingUrl is longer than 4096 characters")
    return value.strip()


# --- what PostgreSQL cannot store ------------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_CALL_SECONDS = 7 * 24 * 3600  # no phone call lasts a week; larger values overflow or are garbage


def unstorable(value: Any, where: str) -> str | None:
    """Why PostgreSQL would refuse `value` (text and jsonb take no NUL character, UTF-8 has no lone surrogate,
    JSON has no Infinity/NaN), or None. Looks into lists and objects, keys included; `where` names the column."""
    if isinstance(value, str):
        if "\x00" in value:
            return f"NUL character in {where}"
        if _SURROGATE.search(value):
            return f"unpaired UTF-16 surrogate in {where}"
    elif isinstance(value, float) and not math.isfinite(value):
        return f"non-finite number in {where}"
    elif isinstance(value, dict):
        for key, item in value.items():
            if reason := unstorable(key, where) or unstorable(item, where):
                return reason
    elif isinstance(value, list | tuple):
        for item in value:
            if reason := unstorable(item, where):
                return reason
    return None


def storable_record(value: Any) -> Any:
    """`value` with what PostgreSQL refuses replaced (NUL and lone surrogates by U+FFFD, non-finite numbers by
    their text), so a rejected record can itself be kept for the operator."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value.replace("\x00", "\ufffd"))
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {storable_record(str(k)): storable_record(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable_record(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return storable_record(str(value))


def parse_call_record(record: Any, tz: ZoneInfo) -> CallRecord | Rejection:
    """Validate one Ringba record; the partition is the day of the call in the business timezone `tz`.

    A rejection carries the record made storable (`storable_record`), so keeping it never fails."""
    if not isinstance(record, dict):
        return Rejection(
            f"record is a {type(record).__name__}, expected an object",
            {"value": storable_record(repr(record)[:500])},
        )
    for column, value in record.items():
        if reason := unstorable(column, "a column name") or unstorable(value, str(column)[:64]):
            call_id = record.get("inboundCallId")
            return Rejection(
                f"{reason}: PostgreSQL cannot store it",
                storable_record(record),
                storable_record(call_id) if isinstance(call_id, str) else None,
            )
    raw_id = record.get("inboundCallId")
    call_id = raw_id.strip() if isinstance(raw_id, str) else None
    if not call_id:
        return Rejection("missing inboundCallId", storable_record(record))
    if len(call_id) > MAX_CALL_ID_LENGTH or not _CALL_ID.match(call_id):
        return Rejection(
            "inboundCallId is not printable ASCII of at most 256 characters", storable_record(record)
        )
    try:
        call_at = parse_call_time(record.get("callDt"))
        parsed = CallRecord(
            call_id=call_id,
            call_at=call_at,
            partition_date=call_at.astimezone(tz).date(),
            campaign_name=_optional_text(record, "campaignName"),
            publisher_name=_optional_text(record, "publisherName"),
            caller_number=_optional_text(record, "inboundPhoneNumber", 64),
            dialed_number=_optional_text(record, "number", 64),
            duration_seconds=_duration(record.get("callLengthInSeconds")),
            recording_url=_recording_url(record.get("recordingUrl")),
            attributes={k: v for k, v in record.items() if k not in MAPPED_COLUMNS},
        )
    except ValueError as exc:
        return Rejection(str(exc), storable_record(record), call_id)
    return parsed
