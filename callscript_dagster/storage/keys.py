"""Storage keys of recordings, derived from untrusted call ids: they never escape the storage root, and two
calls never share a key."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

RECORDING_EXTENSIONS = frozenset({"mp3", "wav", "ogg", "opus", "m4a", "flac", "webm", "bin"})
RECORDINGS_PREFIX = "recordings"
MAX_ID_CHARS = 100
ID_HASH_CHARS = 16  # 64 bits of sha256: no accidental collision between two altered ids
PART_SUFFIX = ".part"

_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]")
# A key is a relative POSIX path of safe segments; none may be hidden, '.', '..' or a temp (.part) file.
_KEY_SEGMENT = re.compile(r"^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$")


def safe_call_id(call_id: str) -> str:
    """A filename-safe form of an untrusted call id, unique per id.

    An id made only of [A-Za-z0-9._-], not starting with a dot and at most `MAX_ID_CHARS` long is kept as is
    (Ringba's `inboundCallId`s are). Any other id is sanitized, capped, and gets `~` plus a short sha256 of
    the original id: `~` never occurs in a kept id, so an altered id can't collide with a kept one, and two
    altered ids collide only if their hashes do.
    """
    safe = _UNSAFE_ID_CHARS.sub("_", call_id).lstrip(".")
    if safe == call_id and 0 < len(safe) <= MAX_ID_CHARS:
        return safe
    digest = hashlib.sha256(call_id.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HASH_CHARS]
    return f"{safe[: MAX_ID_CHARS - ID_HASH_CHARS - 1]}~{digest}"


def recording_key(call_id: str, call_at: datetime, extension: str) -> str:
    """Storage key of a call's recording: `recordings/YYYY/MM/DD/<safe-id>.<ext>`, by the call's UTC date.

    `call_at` should be timezone-aware; a naive datetime is taken as UTC. `extension` must be one of
    `RECORDING_EXTENSIONS` (a leading dot and upper case are accepted).
    """
    ext = extension.lower().removeprefix(".")
    if ext not in RECORDING_EXTENSIONS:
        raise ValueError(f"recording extension {extension!r} is not one of {sorted(RECORDING_EXTENSIONS)}")
    day = call_at.astimezone(UTC) if call_at.tzinfo else call_at
    return f"{RECORDINGS_PREFIX}/{day:%Y/%m/%d}/{safe_call_id(call_id)}.{ext}"


def check_key(key: str) -> str:
    """`key` if it is a well-formed relative storage key, else ValueError (defence in depth, both stores)."""
    segments = key.split("/")
    if not key or len(key) > 512 or not all(_KEY_SEGMENT.match(s) for s in segments):
        raise ValueError(f"invalid storage key {key[:120]!r}")
    if segments[-1].endswith(PART_SUFFIX):
        raise ValueError(f"storage key {key[:120]!r} names a temporary file")
    return key
