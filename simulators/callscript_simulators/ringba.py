"""A contract-faithful Ringba simulator: the call-log reporting API and the recording URLs it hands out.

Product code talks HTTP to it exactly as to Ringba (only the base URL differs), so the ingest and vault lanes
meet the same paths, headers, bodies, status codes and rate limits as in production:

- `POST /v2/{accountId}/calllogs` with `Authorization: Token <token>` and Ringba's report body
  (`reportStart`, `reportEnd`, `size`, `offset`, `valueColumns`, `filters`, `orderByColumns`). 401 without a
  valid token, 403 for another account, 400 for a bad body, 429 (`isRateLimited`, `Retry-After`) past 5
  requests a second or 80 a minute, account-wide.
- `GET /recording-public?callId=..&exp=..&sig=..`: a signed, expiring URL like Ringba's media links. 403 when
  the signature is wrong or the URL has expired (an S3-style XML body), 404 when the recording was deleted.

Calls are synthetic and reproducible: `calls_per_day` calls for any UTC day, derived from (seed, day), each
mapped to one of the shipped recordings in `recordings/manifest.json`. Only calls whose time has passed (by an
injectable clock) are listed, so in a live demo calls arrive through the day. Fault knobs make a deterministic
share of calls expired, deleted or malformed; `add_call` places specific calls (with per-call faults) for
tests, and `fail_next` / `rate_limit_next` inject API failures.

    sim = RingbaSimulator(seed=7, calls_per_day=50)
    with sim.serve() as server:
        ...  # point the product at server.url, then assert against sim.calls_for_day(day), sim.requests
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import math
import random
import secrets
import threading
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from callscript_simulators.server import BackgroundServer

DEFAULT_RECORDINGS_DIR = Path(__file__).parent / "recordings"
MANIFEST_NAME = "manifest.json"

MAX_PAGE_SIZE = 1000
CHUNK_BYTES = 64 * 1024
MS_PER_DAY = 86_400_000

CONTENT_TYPES = {".mp3": "audio/mpeg", ".wav": "audio/wav"}

# Per-call faults of the recording download (`add_call(fault=...)`); generated calls use the first two.
# "expired" lists the call with a dead URL its first `fault_times` times; "server_error" answers 500 to its
# first `fault_times` downloads ("server_error_once": one).
RECORDING_FAULTS = frozenset(
    {
        "expired",
        "deleted",
        "server_error",
        "server_error_once",
        "slow",
        "html",
        "empty",
        "truncated",
        "oversized",
    }
)
# How a malformed record is broken; generated malformed calls cycle through these by hash.
MALFORMATIONS = ("missing_id", "bad_date", "bad_types")

# Columns a report filter may test with EQUALS (all string-valued).
FILTERABLE_COLUMNS = frozenset(
    {"inboundCallId", "campaignName", "publisherName", "targetName", "inboundPhoneNumber", "number"}
)

UNAUTHORIZED = {"message": "Authorization has been denied for this request."}
FORBIDDEN = {"message": "You do not have access to this account."}
RATE_LIMITED = {
    "isSuccessful": False,
    "isRateLimited": True,
    "message": "Rate limit exceeded. Please retry later.",
}
SERVER_ERROR = {"isSuccessful": False, "message": "An error has occurred."}

PUBLISHERS = (
    "Summit Health Leads",
    "BlueRiver Digital",
    "CallBoost Media",
    "Apex Insurance Calls",
    "Harbor Lead Partners",
)
TARGETS = ("Acme Benefits Agency", "Northstar Insurance Group", "Evergreen Senior Advisors")
AREA_CODES = "212 305 312 404 415 512 602 615 702 713 786 813 904 919".split()
DEFAULT_CAMPAIGN = "General Inbound"


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


OMIT: Any = _Omit()
"""`add_call(..., inboundCallId=OMIT)`: leave that column out of the record, as a malformed row would."""


# --- recordings ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recording:
    """One shipped audio file, as listed in the manifest."""

    file: str
    path: Path
    duration_seconds: float
    campaign: str | None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.path.suffix.lower(), "application/octet-stream")


def _recording(
    recordings_dir: Path, file: str, *, duration_seconds: float = 0.0, campaign: str | None = None
):
    root = recordings_dir.resolve()
    path = (root / file).resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"recording {file!r} is outside {recordings_dir}")
    return Recording(file=file, path=path, duration_seconds=float(duration_seconds), campaign=campaign)


def load_manifest(recordings_dir: Path) -> list[Recording]:
    """The recordings listed in `recordings_dir/manifest.json` (a JSON list of entries with a `file`)."""
    entries = json.loads((recordings_dir / MANIFEST_NAME).read_text())
    return [
        _recording(
            recordings_dir,
            entry["file"],
            duration_seconds=entry.get("duration_seconds", 0.0),
            campaign=entry.get("campaign"),
        )
        for entry in entries
    ]


def _repeat_unit(data: bytes, suffix: str) -> bytes:
    """What can be appended to `data` over and over and still look like the same audio stream: for MP3 its
    MPEG frames (ID3v2 header and ID3v1 trailer removed), for WAV its PCM samples."""
    if suffix == ".mp3":
        start = 0
        if data[:3] == b"ID3" and len(data) >= 10:
            size = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F)
            start = 10 + size + (10 if data[5] & 0x10 else 0)
        end = len(data) - 128 if data[-128:-125] == b"TAG" else len(data)
        unit = data[start:end]
    elif suffix == ".wav" and (marker := data.find(b"data", 12)) >= 0:
        unit = data[marker + 8 :]
    else:
        unit = data
    return unit or data


async def _file_chunks(
    path: Path, *, limit: int | None = None, delay: float = 0.0, bytes_per_second: float | None = None
) -> AsyncIterator[bytes]:
    if delay:
        await asyncio.sleep(delay)
    remaining = path.stat().st_size if limit is None else limit
    with path.open("rb") as f:
        while remaining > 0 and (chunk := f.read(min(CHUNK_BYTES, remaining))):
            remaining -= len(chunk)
            yield chunk
            if bytes_per_second:  # a CDN's per-connection rate, not loopback's memory speed
                await asyncio.sleep(len(chunk) / bytes_per_second)


async def _repeated_chunks(path: Path, total: int) -> AsyncIterator[bytes]:
    """`total` bytes: the file, then its audio frames again and again. Streamed, never all in memory."""
    data = path.read_bytes()
    sent = 0
    for piece in itertools.chain([data], itertools.repeat(_repeat_unit(data, path.suffix.lower()))):
        for start in range(0, len(piece), CHUNK_BYTES):
            chunk = piece[start : start + CHUNK_BYTES][: total - sent]
            if not chunk:
                return
            sent += len(chunk)
            yield chunk


def _s3_error(status: int, code: str, message: str) -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    )
    return Response(body, status_code=status, media_type="application/xml")


# --- calls --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SimCall:
    """A call the simulator knows. `call_at` is the true call time (ordering and windows use it even when the
    served `callDt` is malformed)."""

    call_id: str
    call_at: datetime
    recording: Recording
    campaign: str
    publisher: str
    target: str
    caller: str
    tracking_number: str
    length_seconds: int
    fault: str | None = None  # one of RECORDING_FAULTS
    fault_times: int = 1  # how many listings ("expired") or downloads ("server_error") the fault lasts
    malformation: str | None = None  # one of MALFORMATIONS
    overrides: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """Every column the simulator serves for this call, as Ringba would (recordingUrl filled in later)."""
        record: dict[str, Any] = {
            "inboundCallId": self.call_id,
            "callDt": _iso_ms(self.call_at),
            "recordingUrl": None,
            "callLengthInSeconds": self.length_seconds,
            "campaignName": self.campaign,
            "publisherName": self.publisher,
            "targetName": self.target,
            "inboundPhoneNumber": self.caller,
            "number": self.tracking_number,
            "hasRecording": True,
        }
        if self.malformation == "missing_id":
            del record["inboundCallId"]
        elif self.malformation == "bad_date":
            record["callDt"] = "not-a-date"
        elif self.malformation == "bad_types":
            record["callLengthInSeconds"] = "abc"
        for column, value in self.overrides.items():
            if value is OMIT:
                record.pop(column, None)
            else:
                record[column] = value
        return record


def _iso_ms(at: datetime) -> str:
    at = at.astimezone(UTC)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def _to_ms(at: datetime) -> datetime:
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def _tracking_number(campaign: str) -> str:
    return "+1888555" + f"{int(hashlib.sha256(campaign.encode()).hexdigest(), 16) % 10_000:04d}"


# --- the report request -------------------------------------------------------------------------------------


class RawBody(str):
    """A request body that was not JSON (kept as text for the request log)."""


class BadRequest(ValueError):
    """The call-log request body is not one Ringba accepts (answered 400 with this message)."""


@dataclass(frozen=True)
class Condition:
    column: str
    value: str
    negative: bool = False

    def matches(self, record: dict[str, Any]) -> bool:
        return (record.get(self.column) == self.value) != self.negative


@dataclass(frozen=True)
class ReportQuery:
    start: datetime
    end: datetime
    size: int
    offset: int
    columns: tuple[str, ...]
    # AND over groups, OR within a group (Ringba's `anyConditionToMatch`).
    filters: tuple[tuple[Condition, ...], ...] = ()
    descending: bool = False

    def matches(self, record: dict[str, Any]) -> bool:
        return all(any(c.matches(record) for c in group) for group in self.filters)


def _parse_time(body: dict, key: str) -> datetime:
    value = body.get(key)
    if not isinstance(value, str):
        raise BadRequest(f"{key} is required (ISO 8601).")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{key} is not a valid date: {value[:40]!r}.") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _parse_int(body: dict, key: str, default: int | None = None) -> int:
    value = body.get(key, default)
    if value is None:
        raise BadRequest(f"{key} is required.")
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(f"{key} must be an integer.")
    return value


def _parse_condition(raw: Any) -> Condition:
    if not isinstance(raw, dict) or not isinstance(raw.get("column"), str):
        raise BadRequest("Each filter condition needs a column.")
    column = raw["column"]
    comparison = raw.get("comparisonType", "EQUALS")
    negative = raw.get("isNegativeFilter", False)
    if column not in FILTERABLE_COLUMNS or comparison != "EQUALS" or not isinstance(negative, bool):
        raise BadRequest(f"Unsupported filter: {column} {comparison}.")
    if not isinstance(raw.get("value"), str):
        raise BadRequest(f"Filter on {column} needs a string value.")
    return Condition(column=column, value=raw["value"], negative=negative)


def parse_report_query(body: Any) -> ReportQuery:
    """Validate a call-log request body the way Ringba does; raises BadRequest."""
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    start, end = _parse_time(body, "reportStart"), _parse_time(body, "reportEnd")
    if end <= start:
        raise BadRequest("reportEnd must be after reportStart.")
    size = _parse_int(body, "size")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise BadRequest(f"size must be between 1 and {MAX_PAGE_SIZE}.")
    offset = _parse_int(body, "offset", default=0)
    if offset < 0:
        raise BadRequest("offset must not be negative.")

    value_columns = body.get("valueColumns")
    if not isinstance(value_columns, list) or not value_columns:
        raise BadRequest("valueColumns is required.")
    if not all(isinstance(c, dict) and isinstance(c.get("column"), str) for c in value_columns):
        raise BadRequest("Each valueColumns entry must be an object with a column name.")

    raw_filters = body.get("filters") or []
    if not isinstance(raw_filters, list):
        raise BadRequest("filters must be a list.")
    groups = []
    for group in raw_filters:
        conditions = group.get("anyConditionToMatch") if isinstance(group, dict) else None
        if not isinstance(conditions, list) or not conditions or set(group) != {"anyConditionToMatch"}:
            raise BadRequest("Unsupported filter shape: expected {anyConditionToMatch: [...]}.")
        groups.append(tuple(_parse_condition(c) for c in conditions))

    descending = False
    order = body.get("orderByColumns") or []
    if not isinstance(order, list):
        raise BadRequest("orderByColumns must be a list.")
    for entry in order:
        if not isinstance(entry, dict) or entry.get("column") != "callDt":
            raise BadRequest("Unsupported orderByColumns: only callDt is supported.")
        direction = str(entry.get("direction", "asc")).lower()
        if direction not in ("asc", "desc"):
            raise BadRequest(f"Unsupported order direction: {direction[:10]}.")
        descending = direction == "desc"

    return ReportQuery(
        start=start,
        end=end,
        size=size,
        offset=offset,
        columns=tuple(dict.fromkeys(c["column"] for c in value_columns)),
        filters=tuple(groups),
        descending=descending,
    )


# --- rate limiting ------------------------------------------------------------------------------------------


class SlidingWindowLimiter:
    """At most `limit` admitted requests in any `window` seconds, for every (limit, window) pair.
    Rejected requests do not count against the windows."""

    def __init__(self, limits: Sequence[tuple[int, float]]) -> None:
        self.limits = [(limit, window) for limit, window in limits]
        self._horizon = max((window for _, window in self.limits), default=0.0)
        self._admitted: deque[float] = deque()

    def try_acquire(self, now: float) -> float:
        """Admit and return 0.0, or return the seconds until a slot frees (nothing recorded)."""
        while self._admitted and self._admitted[0] <= now - self._horizon:
            self._admitted.popleft()
        wait = 0.0
        for limit, window in self.limits:
            in_window = [t for t in self._admitted if t > now - window]
            if len(in_window) >= limit:
                # A slot frees when enough of the oldest leave the window to bring the count below the limit.
                wait = max(wait, in_window[len(in_window) - limit] + window - now)
        if wait > 0:
            return wait
        self._admitted.append(now)
        return 0.0


# --- request logs -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallLogRequest:
    """One call-log request the simulator answered (whatever the status)."""

    monotonic: float  # the simulator's monotonic clock at arrival
    wall: datetime  # the simulator's wall clock at arrival
    status: int
    account_id: str
    body: Any  # the parsed JSON body, or a RawBody (str) when it was not JSON
    records: int = 0  # records returned


@dataclass(frozen=True)
class RecordingRequest:
    monotonic: float
    wall: datetime
    call_id: str | None
    status: int


# --- the simulator ------------------------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(UTC)


class RingbaSimulator:
    """Ringba's call-log API and recording URLs over one account. Thread-safe; `.app` is the ASGI app."""

    def __init__(
        self,
        *,
        account_id: str = "RA_test",
        token: str = "test-token",
        seed: int = 0,
        calls_per_day: int = 200,
        recordings_dir: Path | str = DEFAULT_RECORDINGS_DIR,
        url_ttl_seconds: int = 3600,
        expired_fraction: float = 0.0,
        deleted_fraction: float = 0.0,
        malformed_fraction: float = 0.0,
        max_per_second: int | None = 5,
        max_per_minute: int | None = 80,
        retry_after_header: bool = True,
        slow_seconds: float = 5.0,
        recording_bytes_per_second: float | None = None,
        oversized_bytes: int = 64 * 1024 * 1024,
        max_report_days: int = 400,
        url_secret: bytes | None = None,
        now: Callable[[], datetime] = _utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        fractions = (expired_fraction, deleted_fraction, malformed_fraction)
        if any(f < 0 for f in fractions) or sum(fractions) > 1:
            raise ValueError("fault fractions must be >= 0 and sum to at most 1")
        self.account_id = account_id
        self.token = token
        self.seed = seed
        self.calls_per_day = calls_per_day
        self.recordings_dir = Path(recordings_dir)
        self.url_ttl_seconds = url_ttl_seconds
        self.expired_fraction = expired_fraction
        self.deleted_fraction = deleted_fraction
        self.malformed_fraction = malformed_fraction
        self.retry_after_header = retry_after_header
        self.slow_seconds = slow_seconds
        self.recording_bytes_per_second = recording_bytes_per_second
        self.oversized_bytes = oversized_bytes
        self.max_report_days = max_report_days
        self._secret = url_secret or secrets.token_bytes(32)
        self._now = now
        self._monotonic = monotonic
        self._limiter = SlidingWindowLimiter(
            [(n, w) for n, w in ((max_per_second, 1.0), (max_per_minute, 60.0)) if n is not None]
        )

        has_manifest = (self.recordings_dir / MANIFEST_NAME).exists()
        if calls_per_day > 0 and not has_manifest:
            raise FileNotFoundError(f"no {MANIFEST_NAME} in {self.recordings_dir} to generate calls from")
        self.manifest: list[Recording] = load_manifest(self.recordings_dir) if has_manifest else []
        if calls_per_day > 0 and not self.manifest:
            raise ValueError(f"{MANIFEST_NAME} in {self.recordings_dir} lists no recordings")

        self.base_url: str | None = None  # set by serve(), else by the first request; used by calls_for_day
        self._lock = threading.Lock()
        self._days: dict[date, list[SimCall]] = {}
        self._added: dict[str, SimCall] = {}
        self._by_id: dict[str, SimCall] = {}
        self._listed: Counter[str] = Counter()  # how often each call's recordingUrl has been served
        self._first_served: dict[str, datetime] = {}  # when each call was first served in a call-log response
        self._errored: Counter[str] = Counter()  # how often each server_error call has answered 500
        self._rate_limit_storm = 0  # call-log requests still to answer 429 regardless of the windows
        self._fail_next: deque[int] = deque()  # statuses for the next call-log requests past the limiter
        self._requests: list[CallLogRequest] = []
        self._recording_requests: list[RecordingRequest] = []
        self.app = make_app(self)

    # --- test API -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[BackgroundServer]:
        """Serve over HTTP in a background thread: `with sim.serve() as server: server.url`."""
        with BackgroundServer(self.app, host=host, port=port) as server:
            self.base_url = server.url
            yield server

    def add_call(
        self,
        call_id: str,
        call_at: datetime,
        *,
        recording: str = "compliant_stereo.mp3",
        campaign: str | None = None,
        fault: str | None = None,
        fault_times: int = 1,
        **columns: Any,
    ) -> SimCall:
        """Add a specific call, listed alongside the generated ones (a naive `call_at` is UTC; it is truncated
        to milliseconds like Ringba's). `fault` breaks its recording download (see RECORDING_FAULTS) for
        `fault_times` listings or downloads;
        `columns` override served values, e.g. `callDt="not-a-date"`, and `OMIT` drops a column."""
        if fault is not None and fault not in RECORDING_FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {sorted(RECORDING_FAULTS)}")
        entry = next((r for r in self.manifest if r.file == recording), None)
        entry = entry or _recording(self.recordings_dir, recording)
        if not entry.path.is_file():
            raise FileNotFoundError(entry.path)
        call = SimCall(
            call_id=call_id,
            call_at=_to_ms(call_at),
            recording=entry,
            campaign=campaign or entry.campaign or DEFAULT_CAMPAIGN,
            publisher=PUBLISHERS[0],
            target=TARGETS[0],
            caller="+13055550123",
            tracking_number=_tracking_number(campaign or entry.campaign or DEFAULT_CAMPAIGN),
            length_seconds=round(entry.duration_seconds),
            fault=fault,
            fault_times=fault_times,
            overrides=dict(columns),
        )
        with self._lock:
            if call_id in self._by_id or call_id in self._added:
                raise ValueError(f"call {call_id} already exists")
            self._added[call_id] = call
            self._by_id[call_id] = call
        return call

    def fail_next(self, n: int, status: int = 500) -> None:
        """The next `n` call-log requests that pass auth and the rate limiter answer `status`."""
        with self._lock:
            self._fail_next.extend([status] * n)

    def rate_limit_next(self, n: int) -> None:
        """The next `n` authorized call-log requests answer 429, whatever the real windows say."""
        with self._lock:
            self._rate_limit_storm += n

    @property
    def requests(self) -> list[CallLogRequest]:
        """A snapshot of every call-log request answered so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def recording_requests(self) -> list[RecordingRequest]:
        """A snapshot of every recording download answered so far, in arrival order."""
        with self._lock:
            return list(self._recording_requests)

    def calls_for_day(self, day: date) -> list[dict[str, Any]]:
        """The records (all columns) the API would list for this UTC day now, in order; no side effects.
        `recordingUrl` is a fresh valid URL when the base URL is known, else None."""
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        with self._lock:
            now = self._now()
            records = []
            for call in self._calls_between(start, start + timedelta(days=1), now):
                record = call.record()
                if "recordingUrl" in record and record["recordingUrl"] is None and self.base_url:
                    record["recordingUrl"] = self.recording_url(call.call_id, self.base_url, now=now)
                records.append(record)
            return records

    def first_served_at(self, call_id: str) -> datetime | None:
        """When a call-log response first listed `call_id` (the moment Ringba "first served" it), or None."""
        with self._lock:
            return self._first_served.get(call_id)

    def call(self, call_id: str) -> SimCall | None:
        """A call already generated (its day listed) or added."""
        with self._lock:
            return self._by_id.get(call_id)

    def recording_url(
        self, call_id: str, base_url: str, *, now: datetime | None = None, expired: bool = False
    ) -> str:
        """A signed media URL for `call_id`, valid for `url_ttl_seconds` (or already expired)."""
        now_s = int((now or self._now()).timestamp())
        exp = now_s - 60 if expired else now_s + self.url_ttl_seconds
        query = urlencode({"callId": call_id, "exp": exp, "sig": self._sign(call_id, exp)})
        return f"{base_url.rstrip('/')}/recording-public?{query}"

    # --- internals ------------------------------------------------------------------------------------------

    def _sign(self, call_id: str, exp: int) -> str:
        return hmac.new(self._secret, f"{call_id}:{exp}".encode(), hashlib.sha256).hexdigest()

    def _generate_day(self, day: date) -> list[SimCall]:
        """The day's synthetic calls, identical for the same (seed, day) in any process; fault knobs decide
        only which calls are faulty, from a draw independent of everything else."""
        day_start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        rng = random.Random(f"ringba-sim:{self.seed}:{day.isoformat()}")
        calls = []
        for index in range(self.calls_per_day):
            digest = hashlib.sha256(f"{self.seed}:{day.isoformat()}:{index}".encode()).hexdigest()
            recording = self.manifest[rng.randrange(len(self.manifest))]
            campaign = recording.campaign or DEFAULT_CAMPAIGN
            draw = int(digest[32:48], 16) / 16**16
            fault = malformation = None
            if draw < self.expired_fraction:
                fault = "expired"
            elif draw < self.expired_fraction + self.deleted_fraction:
                fault = "deleted"
            elif draw < self.expired_fraction + self.deleted_fraction + self.malformed_fraction:
                malformation = MALFORMATIONS[int(digest[48:56], 16) % len(MALFORMATIONS)]
            calls.append(
                SimCall(
                    call_id="RGB" + digest[:32].upper(),
                    call_at=day_start + timedelta(milliseconds=rng.randrange(MS_PER_DAY)),
                    recording=recording,
                    campaign=campaign,
                    publisher=rng.choice(PUBLISHERS),
                    target=rng.choice(TARGETS),
                    caller=f"+1{rng.choice(AREA_CODES)}555{rng.randrange(10_000):04d}",
                    tracking_number=_tracking_number(campaign),
                    length_seconds=round(recording.duration_seconds),
                    fault=fault,
                    malformation=malformation,
                )
            )
        calls.sort(key=lambda c: (c.call_at, c.call_id))
        return calls

    def _day(self, day: date) -> list[SimCall]:
        if day not in self._days:
            self._days[day] = calls = self._generate_day(day)
            self._by_id.update((c.call_id, c) for c in calls)
        return self._days[day]

    def _calls_between(self, start: datetime, end: datetime, now: datetime) -> list[SimCall]:
        """Calls with start <= call_at < end and call_at <= now, by (call_at, call_id). Hold the lock."""
        calls = [c for c in self._added.values() if start <= c.call_at < end and c.call_at <= now]
        if self.calls_per_day > 0:
            last = min(end - timedelta(microseconds=1), now).date()
            day = start.date()
            while day <= last:
                calls.extend(c for c in self._day(day) if start <= c.call_at < end and c.call_at <= now)
                day += timedelta(days=1)
        return sorted(calls, key=lambda c: (c.call_at, c.call_id))

    def _call_logs(self, account_id: str, authorization: str, body: Any, base_url: str):
        """Answer one call-log request: (status, JSON payload, headers). Logs it."""
        with self._lock:
            if self.base_url is None:
                self.base_url = base_url
            status, payload, headers = self._answer_call_logs(account_id, authorization, body, base_url)
            records = len(payload["report"]["records"]) if status == 200 else 0
            self._requests.append(
                CallLogRequest(self._monotonic(), self._now(), status, account_id, body, records)
            )
            return status, payload, headers

    def _answer_call_logs(self, account_id: str, authorization: str, body: Any, base_url: str):
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() != "token" or not hmac.compare_digest(
            credential.strip().encode(), self.token.encode()
        ):
            return 401, UNAUTHORIZED, {}
        if account_id != self.account_id:
            return 403, FORBIDDEN, {}

        # Injected 429 storms come before the real limiter; injected failures after it (like an upstream 5xx).
        if self._rate_limit_storm:
            self._rate_limit_storm -= 1
            return self._rate_limited(1.0)
        wait = self._limiter.try_acquire(self._monotonic())
        if wait > 0:
            return self._rate_limited(wait)
        if self._fail_next:
            status = self._fail_next.popleft()
            return status, {**SERVER_ERROR, "message": f"Injected failure ({status})."}, {}

        if isinstance(body, RawBody):
            return 400, {"isSuccessful": False, "message": "The request body is not valid JSON."}, {}
        try:
            query = parse_report_query(body)
        except BadRequest as exc:
            return 400, {"isSuccessful": False, "message": str(exc)}, {}

        now = self._now()
        last = min(query.end, now)
        if (last - query.start).days >= self.max_report_days:
            message = f"The report range may span at most {self.max_report_days} days."
            return 400, {"isSuccessful": False, "message": message}, {}

        rows = [(c, c.record()) for c in self._calls_between(query.start, query.end, now)]
        rows = [(c, r) for c, r in rows if query.matches(r)]
        if query.descending:
            rows.reverse()
        records = []
        for call, record in rows[query.offset : query.offset + query.size]:
            self._first_served.setdefault(call.call_id, now)
            if "recordingUrl" in record and record["recordingUrl"] is None:
                # An "expired" call's URL is already dead the first `fault_times` times it is listed; every
                # later listing (e.g. the product's refresh, filtered by inboundCallId) hands out a fresh one.
                expired = call.fault == "expired" and self._listed[call.call_id] < call.fault_times
                record["recordingUrl"] = self.recording_url(call.call_id, base_url, now=now, expired=expired)
                self._listed[call.call_id] += 1
            records.append({column: record[column] for column in query.columns if column in record})
        report = {"records": records, "totalCount": len(rows), "partialResult": False}
        return 200, {"isSuccessful": True, "report": report}, {}

    def _rate_limited(self, wait: float):
        headers = {"Retry-After": str(max(1, math.ceil(wait)))} if self.retry_after_header else {}
        return 429, RATE_LIMITED, headers

    def _recording_response(self, call_id: str | None, exp: str | None, sig: str | None) -> Response:
        """Answer one recording download. Logs it."""
        with self._lock:
            response = self._answer_recording(call_id, exp, sig)
            self._recording_requests.append(
                RecordingRequest(self._monotonic(), self._now(), call_id, response.status_code)
            )
            return response

    def _answer_recording(self, call_id: str | None, exp: str | None, sig: str | None) -> Response:
        if not call_id or not exp or not exp.isdigit() or len(exp) > 12 or not sig:
            return _s3_error(403, "AccessDenied", "Query-string authentication requires callId, exp and sig.")
        if not hmac.compare_digest(sig.encode(), self._sign(call_id, int(exp)).encode()):
            return _s3_error(
                403, "SignatureDoesNotMatch", "The request signature we calculated does not match."
            )
        if int(exp) < self._now().timestamp():
            return _s3_error(403, "AccessDenied", "Request has expired")
        call = self._by_id.get(call_id)
        if call is None or call.fault == "deleted":
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")

        path, media_type = call.recording.path, call.recording.content_type
        size = path.stat().st_size
        match call.fault:
            case "server_error_once" | "server_error" if self._errored[call_id] < (
                1 if call.fault == "server_error_once" else call.fault_times
            ):
                self._errored[call_id] += 1
                return Response("Internal Server Error", status_code=500, media_type="text/plain")
            case "html":
                page = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong"
                return Response(page + "</h1></body></html>", media_type=media_type)
            case "empty":
                return Response(b"", media_type=media_type)
            case "truncated":
                body, length = _file_chunks(path, limit=size // 2), size // 2
            case "oversized":
                body, length = _repeated_chunks(path, self.oversized_bytes), self.oversized_bytes
            case "slow":
                body, length = _file_chunks(path, delay=self.slow_seconds), size
            case _:
                body, length = _file_chunks(path, bytes_per_second=self.recording_bytes_per_second), size
        return StreamingResponse(body, media_type=media_type, headers={"Content-Length": str(length)})


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped, as ASP.NET's serializers write it by default (Ringba's 401
    body is ASP.NET Web API's): a lone surrogate in a field goes over the wire as `\\udXXX` instead of failing the encoding, and non-finite
    numbers as the `Infinity`/`NaN` tokens lenient serializers emit."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=True, separators=(",", ":")).encode("ascii")


def make_app(sim: RingbaSimulator) -> Starlette:
    """The simulator's HTTP surface (see the module docstring)."""

    async def call_logs(request: Request) -> Response:
        raw = await request.body()
        try:
            body: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            body = RawBody(raw.decode("utf-8", "replace"))
        status, payload, headers = sim._call_logs(
            request.path_params["account_id"],
            request.headers.get("authorization", ""),
            body,
            str(request.base_url).rstrip("/"),
        )
        return AsciiJSONResponse(payload, status_code=status, headers=headers)

    async def recording(request: Request) -> Response:
        params = request.query_params
        return sim._recording_response(params.get("callId"), params.get("exp"), params.get("sig"))

    return Starlette(
        routes=[
            Route("/v2/{account_id}/calllogs", call_logs, methods=["POST"]),
            Route("/recording-public", recording, methods=["GET"]),
        ]
    )
