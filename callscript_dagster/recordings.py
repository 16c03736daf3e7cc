"""Downloading a call's recording into the vault, and proving it is whole, decodable audio.

`vault_recording` is the Vault lane's work on one call, minus the database: stream the recording URL into
the `RecordingStore` (constant memory, size cap, wall-clock deadline), then decode every packet with PyAV. It
either returns a `VaultedRecording` for a verified object, or raises a classified `LaneError` and leaves no
object behind. It never retries: the lane owns the one retry policy.

Recording URLs are signed; their query strings never reach a message (see `callscript_dagster.errors`).
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import math
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from callscript_dagster.errors import (
    ErrorClass,
    LaneError,
    PermanentError,
    TransientError,
    lane_error,
    redact_text,
    redact_url,
)
from callscript_dagster.storage import RecordingStore

SNIFF_BYTES = 512
# Demuxers we let FFmpeg use on untrusted bytes, and only the plain-file protocol: a "recording" that is
# really an HLS playlist or ffconcat script must not make FFmpeg fetch URLs or read other local files.
FFMPEG_OPTIONS = {"format_whitelist": "mp3,wav,ogg,flac,mov,matroska,aac", "protocol_whitelist": "file"}
# Decoded audio may fall short of the container's declared length by this much before we call it truncated
# (encoder delay and padding are milliseconds; a cut-off download loses seconds).
TRUNCATION_TOLERANCE_SECONDS = 0.5
TRUNCATION_TOLERANCE_RATIO = 0.01
# A few undecodable packets are line noise in a long call; more than this share means the file is damaged.
MAX_BAD_PACKET_RATIO = 0.01


@dataclass(frozen=True)
class AudioFormat:
    extension: str
    content_type: str


@dataclass(frozen=True)
class AudioInfo:
    duration_seconds: float
    channels: int
    sample_rate: int
    codec: str


@dataclass(frozen=True)
class VaultedRecording:
    key: str
    bytes: int
    sha256: str
    content_type: str
    extension: str
    duration_seconds: float
    channels: int
    sample_rate: int
    codec: str
    download_seconds: float


# --- where recordings may come from ---------------------------------------------------------------------------

RINGBA_RECORDING_HOSTS = ("media.ringba.com", "*.ringba.com")


@dataclass(frozen=True)
class RecordingUrlPolicy:
    """Which URLs the vault may fetch. Recording URLs come from outside (a compromised or buggy upstream could
    point one at a cloud metadata service or an internal admin page), so only http(s) URLs on the allowed hosts
    are fetched — redirects included — and never one that resolves to a private, loopback or link-local address
    unless `allow_private_addresses` (the demo's and tests' simulator lives on 127.0.0.1)."""

    allowed_hosts: tuple[str, ...] = RINGBA_RECORDING_HOSTS  # case-insensitive globs
    allow_private_addresses: bool = False

    def check(self, url: str) -> None:
        """Return if `url` may be fetched; PermanentError saying why not (TransientError if DNS failed)."""
        try:
            parts = urlsplit(url)
            host, port = (parts.hostname or "").lower(), parts.port
        except ValueError:
            raise PermanentError("recording URL is not a valid URL") from None
        if parts.scheme not in ("http", "https") or not host:
            raise PermanentError(f"recording URL scheme {parts.scheme or '(none)'!r} is not http(s)")
        if not any(fnmatchcase(host, pattern.lower()) for pattern in self.allowed_hosts):
            raise PermanentError(f"recording host {host} is not allowed (CALLSCRIPT_RECORDING_HOSTS)")
        if self.allow_private_addresses:
            return
        for address in _addresses(host, port or (443 if parts.scheme == "https" else 80)):
            if not address.is_global or address.is_multicast:
                raise PermanentError(f"recording host {host} resolves to a non-public address ({address})")

    def hook(self, request: httpx.Request) -> None:
        """An httpx request hook: httpx calls it for every request it sends, each redirect included."""
        self.check(str(request.url))


def _addresses(host: str, port: int) -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransientError(f"cannot resolve recording host {host}: {exc.strerror}") from None
    addresses = {ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos}
    # ::ffff:10.0.0.1 is 10.0.0.1 (Python 3.11's is_global does not look inside)
    return {getattr(a, "ipv4_mapped", None) or a for a in addresses}


def recording_client(policy: RecordingUrlPolicy, timeout_seconds: float) -> httpx.Client:
    """The HTTP client the vault downloads with: redirects followed, each one checked against `policy`."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout_seconds, connect=min(10.0, timeout_seconds)),
        follow_redirects=True,
        event_hooks={"request": [policy.hook]},
    )


# --- classification -----------------------------------------------------------------------------------------

_TRANSIENT_TRANSPORT_ERRORS = (
    httpx.TimeoutException,
    httpx.NetworkError,  # connect, read, write, close
    httpx.ProtocolError,  # the server hung up or spoke garbage mid-response
    httpx.ProxyError,
    httpx.DecodingError,  # a body cut off inside its content-encoding
)
_PERMANENT_TRANSPORT_ERRORS = (httpx.TooManyRedirects, httpx.InvalidURL, httpx.UnsupportedProtocol)


def classify_download_error(status_code: int | None, exc: Exception | None) -> ErrorClass:
    """What a failed recording download means for the call.

    The exception wins when given (a transport failure after a 200 is still a transport failure); otherwise
    the HTTP status decides. 401/403 on a recording URL mean its signature no longer holds: refresh it from
    Ringba. Failures we don't recognise are transient, so they are retried and stay visible, not dropped.
    """
    if isinstance(exc, LaneError):
        return exc.error_class
    if isinstance(exc, httpx.HTTPStatusError) and status_code is None:
        status_code = exc.response.status_code
    elif exc is not None:
        if isinstance(exc, _PERMANENT_TRANSPORT_ERRORS):
            return ErrorClass.PERMANENT
        return ErrorClass.TRANSIENT  # _TRANSIENT_TRANSPORT_ERRORS, OSError, and anything unforeseen
    if status_code is None:
        raise ValueError("classify_download_error needs a status code or an exception")
    if status_code in (401, 403):
        return ErrorClass.URL_EXPIRED
    if status_code in (408, 429) or status_code >= 500:
        return ErrorClass.TRANSIENT
    if 200 <= status_code < 300:
        raise ValueError(f"HTTP {status_code} is not a failure")
    return ErrorClass.PERMANENT  # 404, 410, other 4xx, unfollowed 3xx, 1xx


# --- content sniffing ---------------------------------------------------------------------------------------

_AUDIO_CONTENT_TYPES = {
    "audio/mpeg": "mp3",
    "audio/mp3": "mp3",
    "audio/mpeg3": "mp3",
    "audio/x-mpeg": "mp3",
    "audio/x-mp3": "mp3",
    "audio/wav": "wav",
    "audio/wave": "wav",
    "audio/x-wav": "wav",
    "audio/vnd.wave": "wav",
    "audio/ogg": "ogg",
    "application/ogg": "ogg",
    "audio/opus": "opus",
    "audio/mp4": "m4a",
    "audio/m4a": "m4a",
    "audio/x-m4a": "m4a",
    "audio/flac": "flac",
    "audio/x-flac": "flac",
    "audio/webm": "webm",
    "video/webm": "webm",
}
_CANONICAL_CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "wav": "audio/wav",
    "ogg": "audio/ogg",
    "opus": "audio/opus",
    "m4a": "audio/mp4",
    "flac": "audio/flac",
    "webm": "audio/webm",
    "bin": "application/octet-stream",
}


def _format_from_magic(head: bytes) -> AudioFormat | None:
    def fmt(extension: str, content_type: str | None = None) -> AudioFormat:
        return AudioFormat(extension, content_type or _CANONICAL_CONTENT_TYPES[extension])

    if head.startswith(b"ID3"):
        return fmt("mp3")
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0:
        # MPEG audio frame sync; layer bits 00 is ADTS AAC, which has no extension of its own in our list.
        return fmt("mp3") if head[1] & 0x06 else fmt("bin", "audio/aac")
    if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
        return fmt("wav")
    if head.startswith(b"OggS"):
        return fmt("opus") if head[28:36] == b"OpusHead" else fmt("ogg")
    if head.startswith(b"fLaC"):
        return fmt("flac")
    if head[4:8] == b"ftyp":
        return fmt("m4a")
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM / Matroska
        return fmt("webm")
    return None


def _text_kind(head: bytes) -> str | None:
    """'an HTML page', 'JSON', … when `head` looks like text rather than audio, else None."""
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    lowered = body[:256].lower()
    if body.startswith(b"<"):
        return "an HTML page" if b"<html" in lowered or b"<!doctype html" in lowered else "an XML document"
    if body.startswith((b"{", b"[")):
        return "JSON"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(body) - 3:  # not merely a character cut in half by the sniff window
            return None
        text = body[: exc.start].decode("utf-8")
    return "text" if all(ch.isprintable() or ch.isspace() for ch in text) else None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def sniff_audio_format(head: bytes, content_type: str | None) -> AudioFormat:
    """The recording's extension and content type, from its first bytes, falling back to the Content-Type
    header. Raises PermanentError for text (HTML/JSON/XML error pages served as audio) — servers lie."""
    if not head:
        raise PermanentError("recording is empty (0 bytes)")
    if found := _format_from_magic(head):
        return found
    media_type = _media_type(content_type)
    if kind := _text_kind(head):
        raise PermanentError(f"server sent {kind} instead of audio (Content-Type: {media_type or 'none'})")
    if media_type in _AUDIO_CONTENT_TYPES:
        extension = _AUDIO_CONTENT_TYPES[media_type]
        return AudioFormat(extension, _CANONICAL_CONTENT_TYPES[extension])
    if media_type.startswith("text/") or media_type.endswith(("json", "xml")) or "html" in media_type:
        raise PermanentError(f"server sent {media_type} instead of audio")
    # Unknown binary (octet-stream, no header, an audio type we don't name): let the decoder be the judge.
    return AudioFormat("bin", _CANONICAL_CONTENT_TYPES["bin"])


# --- verification -------------------------------------------------------------------------------------------


def inspect_audio(path: Path | str) -> AudioInfo:
    """Decode every audio packet of the file at `path` and describe it; PermanentError if it is not whole,
    decodable audio (no audio stream, nothing decoded, too many bad packets, or shorter than it declares)."""
    import av  # here, not at module import: PyAV costs every run worker's start otherwise

    try:
        with av.open(str(path), options=FFMPEG_OPTIONS) as container:
            if not container.streams.audio:
                raise PermanentError("recording has no audio stream")
            stream = container.streams.audio[0]
            codec = stream.codec_context
            decoded_samples = 0
            sample_rate = 0
            packets = bad_packets = 0
            for packet in container.demux(stream):
                if packet.size == 0:  # the demuxer's end-of-stream flush packet
                    continue
                packets += 1
                try:
                    for frame in packet.decode():
                        decoded_samples += frame.samples
                        sample_rate = frame.sample_rate or sample_rate
                except av.FFmpegError:
                    bad_packets += 1
            with contextlib.suppress(av.FFmpegError):
                for frame in codec.decode(None):  # drain the decoder's delay
                    decoded_samples += frame.samples
            sample_rate = sample_rate or codec.sample_rate
            declared_seconds = _declared_seconds(container, stream)
            info = AudioInfo(
                duration_seconds=decoded_samples / sample_rate if sample_rate else 0.0,
                channels=codec.channels,
                sample_rate=sample_rate,
                codec=codec.codec.canonical_name,
            )
    except LaneError:
        raise
    except (av.FFmpegError, ValueError, IndexError, OSError) as exc:
        raise PermanentError(f"recording is not decodable audio ({type(exc).__name__})") from None

    if decoded_samples == 0 or info.duration_seconds <= 0:
        raise PermanentError("recording decoded to no audio")
    if bad_packets > max(3, MAX_BAD_PACKET_RATIO * packets):
        raise PermanentError(f"recording is corrupt: {bad_packets} of {packets} packets failed to decode")
    if declared_seconds is not None and is_truncated(info.duration_seconds, declared_seconds):
        decoded, declared = f"{info.duration_seconds:.1f} s", f"{declared_seconds:.1f} s"
        raise PermanentError(f"recording is truncated: decoded {decoded} of {declared} declared")
    if (wav_shortfall := _wav_missing_bytes(Path(path))) > 0:
        raise PermanentError(f"recording is truncated: WAV header declares {wav_shortfall} more bytes")
    return info


def is_truncated(decoded_seconds: float, declared_seconds: float) -> bool:
    """Whether audio that decoded to `decoded_seconds` is shorter than its container's declared length."""
    tolerance = max(TRUNCATION_TOLERANCE_SECONDS, TRUNCATION_TOLERANCE_RATIO * declared_seconds)
    return decoded_seconds + tolerance < declared_seconds


def _declared_seconds(container, stream) -> float | None:
    import av

    # MP3 (Xing/Info frame count), FLAC (STREAMINFO) and WebM (segment duration) state their length up front,
    # so a cut-off file decodes to less than it declares. Formats that derive the length from the file size
    # (plain CBR MP3, Ogg) can't be caught this way.
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / av.time_base
    else:
        return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None


def _wav_missing_bytes(path: Path) -> int:
    """How many bytes a RIFF/WAVE file's header says it has beyond its actual size (FFmpeg silently trims the
    declared length to the file). 0 for other files and for streaming writers' 0 / 0xFFFFFFFF placeholders."""
    with open(path, "rb") as file:
        head = file.read(12)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return 0
    riff_size = int.from_bytes(head[4:8], "little")
    if riff_size in (0, 0xFFFFFFFF):
        return 0
    return max(0, riff_size + 8 - os.path.getsize(path))


# --- download -----------------------------------------------------------------------------------------------


def format_bytes(n: int) -> str:
    """`n` bytes for humans: '200 MiB', '64 KiB', '1500 bytes'."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def _too_large(max_bytes: int) -> PermanentError:
    return PermanentError(f"recording is larger than the {format_bytes(max_bytes)} cap")


class _MeteredBody:
    """The response body, iterated once: counts and hashes bytes, stops at the size cap and the deadline.
    `peek` buffers just enough of the start to sniff the format before the upload begins."""

    def __init__(self, chunks: Iterator[bytes], *, max_bytes: int, deadline: float, timeout_seconds: float):
        self._chunks = chunks
        self._head: list[bytes] = []
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._timeout_seconds = timeout_seconds
        self.bytes = 0
        self.sha256 = hashlib.sha256()

    def _next(self) -> bytes | None:
        for chunk in self._chunks:
            if not chunk:
                continue
            self.bytes += len(chunk)
            if self.bytes > self._max_bytes:
                raise _too_large(self._max_bytes)
            if time.monotonic() > self._deadline:
                raise TransientError(f"recording download took longer than {self._timeout_seconds:g} s")
            self.sha256.update(chunk)
            return chunk
        return None

    def peek(self, n: int) -> bytes:
        while sum(map(len, self._head)) < n and (chunk := self._next()) is not None:
            self._head.append(chunk)
        return b"".join(self._head)[:n]

    def __iter__(self) -> Iterator[bytes]:
        while self._head:
            yield self._head.pop(0)
        while (chunk := self._next()) is not None:
            yield chunk


def _request_timeout(client_timeout: httpx.Timeout, limit: float) -> httpx.Timeout:
    """The client's timeouts, none longer than the whole download may take."""

    def cap(value: float | None) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(
        connect=cap(client_timeout.connect),
        read=cap(client_timeout.read),
        write=cap(client_timeout.write),
        pool=cap(client_timeout.pool),
    )


def _declared_length(headers: httpx.Headers) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


def _describe(exc: BaseException) -> str:
    detail = redact_text(str(exc)).strip()
    return f"{type(exc).__name__}: {detail[:200]}" if detail else type(exc).__name__


def vault_recording(
    client: httpx.Client,
    url: str,
    store: RecordingStore,
    key_for: Callable[[str], str],
    *,
    max_bytes: int,
    timeout_seconds: float,
) -> VaultedRecording:
    """Stream the recording at `url` into `store` and verify it decodes; return what was stored.

    `key_for(extension)` names the object once the format is sniffed from the first bytes. The body is never
    held in memory; it may not exceed `max_bytes` (checked against Content-Length up front and while
    streaming) nor take longer than `timeout_seconds` in all (each read is also bounded by the client's read
    timeout). Raises `TransientError`, `UrlExpiredError` or `PermanentError`; on any failure no object
    remains in `store`.
    """
    where = redact_url(url)
    started = time.monotonic()
    stored_key: str | None = None
    try:
        with client.stream(
            "GET",
            url,
            # Audio doesn't compress; asking for identity also rules out a gzip bomb blowing up one chunk.
            headers={"Accept-Encoding": "identity"},
            timeout=_request_timeout(client.timeout, timeout_seconds),
            follow_redirects=True,
        ) as response:
            if not 200 <= response.status_code < 300:
                error_class = classify_download_error(response.status_code, None)
                status = response.status_code
                raise lane_error(error_class, f"recording download got HTTP {status} from {where}")
            declared = _declared_length(response.headers)
            if declared is not None and declared > max_bytes:
                raise _too_large(max_bytes)
            body = _MeteredBody(
                # Chunks as they arrive (at most one network read, 64 KiB): re-chunking to a fixed size would
                # hold back a dribbling body and with it the deadline check.
                response.iter_bytes(),
                max_bytes=max_bytes,
                deadline=started + timeout_seconds,
                timeout_seconds=timeout_seconds,
            )
            audio_format = sniff_audio_format(body.peek(SNIFF_BYTES), response.headers.get("content-type"))
            key = key_for(audio_format.extension)
            try:
                store.put_stream(key, body, audio_format.content_type)
            except (LaneError, httpx.HTTPError, httpx.InvalidURL):
                raise  # from the body: the store has already cleaned up
            except Exception as exc:
                message = f"could not write recording to {store.uri(key)}: {_describe(exc)}"
                raise TransientError(message) from exc
            stored_key = key
        download_seconds = time.monotonic() - started
        try:
            with store.local_path(key) as path:
                info = inspect_audio(path)
        except LaneError:
            raise
        except Exception as exc:
            raise TransientError(f"could not read back {store.uri(key)}: {_describe(exc)}") from exc
    except BaseException as exc:
        if stored_key is not None:  # only verified recordings stay in the vault
            with contextlib.suppress(Exception):
                store.delete(stored_key)
        if isinstance(exc, (httpx.HTTPError, httpx.InvalidURL)):
            error_class = classify_download_error(None, exc)
            message = f"recording download from {where} failed: {_describe(exc)}"
            raise lane_error(error_class, message) from exc
        raise

    return VaultedRecording(
        key=key,
        bytes=body.bytes,
        sha256=body.sha256.hexdigest(),
        content_type=audio_format.content_type,
        extension=audio_format.extension,
        duration_seconds=round(info.duration_seconds, 3),
        channels=info.channels,
        sample_rate=info.sample_rate,
        codec=info.codec,
        download_seconds=round(download_seconds, 3),
    )
