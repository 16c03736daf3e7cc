"""Vaulting a recording: real HTTP over loopback into real stores, real audio decoded by PyAV.

Every failure case also checks the promise operators rely on: after a failed vault, the store holds nothing —
no object, no temp file, no unfinished upload.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import pickle
import random
import socket
import threading
import time
import uuid
from pathlib import Path

import av
import httpx
import numpy as np
import pytest
import uvicorn
from moto.server import ThreadedMotoServer
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from callscript_dagster.errors import (
    ErrorClass,
    LaneError,
    PermanentError,
    TransientError,
    UrlExpiredError,
    lane_error,
    redact_text,
    redact_url,
)
from callscript_dagster.recordings import (
    AudioFormat,
    RecordingUrlPolicy,
    classify_download_error,
    format_bytes,
    inspect_audio,
    is_truncated,
    recording_client,
    sniff_audio_format,
    vault_recording,
)
from callscript_dagster.storage import LocalRecordingStore, RecordingStore, S3RecordingStore

CAP = 64 * 1024
# Binary that is neither text nor any audio format (fixed, so no run can draw bytes that look like either).
NOISE = b"\x00\x01\x02\x03" + random.Random(7).randbytes(20_000)
SECRET = "X-Amz-Signature=SECRETSIGNATURE"

# --- audio made here, with PyAV's encoders ------------------------------------------------------------------


def encode_tone(path: Path, container_format: str, codec: str, rate: int, layout: str, seconds: float):
    """A 440 Hz tone, like a short call leg, encoded to `path`; returns the file's bytes."""
    channels = 2 if layout == "stereo" else 1
    samples = int(rate * seconds)
    tone = (0.3 * 32767 * np.sin(2 * np.pi * 440 * np.arange(samples) / rate)).astype(np.int16)
    with av.open(str(path), "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        for start in range(0, samples, 1000):
            interleaved = np.repeat(tone[start : start + 1000], channels)[None, :]
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(interleaved), format="s16", layout=layout)
            frame.sample_rate, frame.pts = rate, start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path.read_bytes()


@pytest.fixture(scope="module")
def audio(tmp_path_factory) -> dict[str, bytes]:
    directory = tmp_path_factory.mktemp("audio")
    specs = {
        "mp3": ("mp3", "libmp3lame", 8000, "mono", 3.0),
        "wav": ("wav", "pcm_s16le", 16000, "stereo", 2.0),
        "ogg": ("ogg", "libopus", 48000, "mono", 2.0),
        "flac": ("flac", "flac", 16000, "mono", 2.0),
        "m4a": ("ipod", "aac", 16000, "mono", 2.0),
        "webm": ("webm", "libopus", 48000, "mono", 2.0),
    }
    return {name: encode_tone(directory / f"tone.{name}", *spec) for name, spec in specs.items()}


def first_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


# --- a recording server on loopback -------------------------------------------------------------------------


def recording_app(audio: dict[str, bytes]) -> Starlette:
    def serve(body: bytes, media_type: str, status_code: int = 200):
        async def endpoint(request: Request) -> Response:
            return Response(body, status_code=status_code, media_type=media_type)

        return endpoint

    async def slow(request: Request) -> Response:
        await asyncio.sleep(5)
        return Response(audio["mp3"], media_type="audio/mpeg")

    async def dribble(request: Request) -> StreamingResponse:
        async def body():
            yield audio["mp3"][:1024]
            for _ in range(100):
                await asyncio.sleep(0.05)
                yield b"\x00" * 64

        return StreamingResponse(body(), media_type="audio/mpeg")

    async def oversized(request: Request) -> StreamingResponse:
        async def body():  # chunked: no Content-Length to warn us
            yield audio["mp3"]
            for _ in range(20):
                yield b"\x00" * 16 * 1024

        return StreamingResponse(body(), media_type="audio/mpeg")

    async def declared_oversized(request: Request) -> StreamingResponse:
        async def body():  # promises 1 GiB, then stalls: we must refuse before reading
            yield audio["mp3"][:1024]
            await asyncio.sleep(5)

        return StreamingResponse(body(), media_type="audio/mpeg", headers={"content-length": str(1 << 30)})

    html = b"<!DOCTYPE html><html><head><title>Error</title></head><body>Recording unavailable</body></html>"
    routes = [
        Route("/r/call.mp3", serve(audio["mp3"], "audio/mpeg")),
        Route("/r/call.wav", serve(audio["wav"], "audio/x-wav")),
        Route("/r/call.ogg", serve(audio["ogg"], "audio/ogg")),
        Route("/r/octet", serve(audio["mp3"], "application/octet-stream")),
        Route("/r/mislabelled", serve(audio["wav"], "text/html")),
        Route("/r/missing", serve(b"not found", "text/plain", 404)),
        Route("/r/gone", serve(b"", "text/plain", 410)),
        Route("/r/expired", serve(b"<Error>AccessDenied</Error>", "application/xml", 403)),
        Route("/r/unauthorized", serve(b"", "text/plain", 401)),
        Route("/r/broken", serve(b"oops", "text/plain", 500)),
        Route("/r/busy", serve(b"slow down", "text/plain", 429)),
        Route("/r/slow", slow),
        Route("/r/dribble", dribble),
        Route("/r/html", serve(html, "audio/mpeg")),
        Route(
            "/r/json",
            lambda request: JSONResponse(
                {"error": "recording not ready"}, headers={"content-type": "audio/mpeg"}
            ),
        ),
        Route("/r/playlist", serve(b"#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n", "audio/mpegurl")),
        Route("/r/empty", serve(b"", "audio/mpeg")),
        Route("/r/truncated.mp3", serve(first_half(audio["mp3"]), "audio/mpeg")),
        Route("/r/truncated.wav", serve(first_half(audio["wav"]), "audio/wav")),
        Route("/r/noise", serve(NOISE, "application/octet-stream")),
        Route("/r/oversized", oversized),
        Route("/r/declared-oversized", declared_oversized),
        Route("/r/redirect", lambda request: RedirectResponse("/r/call.mp3?" + SECRET, status_code=302)),
        Route(
            "/r/redirect-elsewhere",
            lambda request: RedirectResponse(
                str(request.url.replace(hostname="localhost", path="/r/call.mp3")), status_code=302
            ),
        ),
    ]
    return Starlette(routes=routes)


@pytest.fixture(scope="module")
def server(audio) -> str:
    config = uvicorn.Config(
        recording_app(audio),
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "the test recording server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def client():
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client:
        yield client


@pytest.fixture(scope="module")
def moto_endpoint():
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    yield f"http://{host}:{port}"
    moto.stop()


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path) -> RecordingStore:
    if request.param == "local":
        return LocalRecordingStore(tmp_path / "vault")
    bucket = f"vault-{uuid.uuid4().hex[:12]}"
    s3 = S3RecordingStore(
        bucket,
        "audio",
        endpoint_url=request.getfixturevalue("moto_endpoint"),
        access_key_id="test-key",
        secret_access_key="test-secret",
    )
    s3.client.create_bucket(Bucket=bucket)
    return s3


def leftovers(store: RecordingStore) -> list[str]:
    if isinstance(store, LocalRecordingStore):
        return [str(Path(d, f)) for d, _, files in os.walk(store.root) for f in files]
    objects = store.client.list_objects_v2(Bucket=store.bucket).get("Contents", [])
    uploads = store.client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", [])
    return [o["Key"] for o in objects] + [f"upload:{u['Key']}" for u in uploads]


def key_for(extension: str) -> str:
    return f"recordings/2026/11/29/RGB1.{extension}"


def vault(client, store, url, *, max_bytes=CAP, timeout_seconds=10.0):
    return vault_recording(client, url, store, key_for, max_bytes=max_bytes, timeout_seconds=timeout_seconds)


# --- vaulting good recordings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "source", "extension", "content_type", "codec", "channels", "sample_rate", "seconds"),
    [
        ("/r/call.mp3", "mp3", "mp3", "audio/mpeg", "mp3", 1, 8000, 3.0),
        ("/r/call.wav", "wav", "wav", "audio/wav", "pcm_s16le", 2, 16000, 2.0),
        ("/r/call.ogg", "ogg", "opus", "audio/opus", "opus", 1, 48000, 2.0),
        ("/r/octet", "mp3", "mp3", "audio/mpeg", "mp3", 1, 8000, 3.0),  # magic bytes beat a vague header
        ("/r/mislabelled", "wav", "wav", "audio/wav", "pcm_s16le", 2, 16000, 2.0),  # …and a wrong one
    ],
)
def test_a_good_recording_is_vaulted_whole_and_described(
    server, client, store, audio, path, source, extension, content_type, codec, channels, sample_rate, seconds
):
    vaulted = vault(client, store, f"{server}{path}?{SECRET}", max_bytes=200 * 1024 * 1024)
    data = audio[source]
    assert vaulted.key == key_for(extension)
    assert (vaulted.extension, vaulted.content_type, vaulted.codec) == (extension, content_type, codec)
    assert (vaulted.channels, vaulted.sample_rate) == (channels, sample_rate)
    assert vaulted.duration_seconds == pytest.approx(seconds, abs=0.1)
    assert vaulted.bytes == len(data)
    assert vaulted.sha256 == hashlib.sha256(data).hexdigest()
    assert vaulted.download_seconds >= 0
    with store.open(vaulted.key) as file:
        assert file.read() == data
    assert list(store.iter_keys()) == [vaulted.key]


def test_redirects_are_followed(server, client, store):
    assert vault(client, store, f"{server}/r/redirect").key == key_for("mp3")


def test_vaulting_again_replaces_the_object(server, client, store, audio):
    vault(client, store, f"{server}/r/call.mp3")
    again = vault(client, store, f"{server}/r/call.mp3")
    assert list(store.iter_keys()) == [again.key]
    assert again.sha256 == hashlib.sha256(audio["mp3"]).hexdigest()


# --- failures: the right class, a useful message, and nothing left behind -----------------------------------


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/r/missing", PermanentError, "HTTP 404"),
        ("/r/gone", PermanentError, "HTTP 410"),
        ("/r/expired", UrlExpiredError, "HTTP 403"),
        ("/r/unauthorized", UrlExpiredError, "HTTP 401"),
        ("/r/broken", TransientError, "HTTP 500"),
        ("/r/busy", TransientError, "HTTP 429"),
        ("/r/html", PermanentError, "HTML page instead of audio"),
        ("/r/json", PermanentError, "JSON instead of audio"),
        ("/r/playlist", PermanentError, "text instead of audio"),
        ("/r/empty", PermanentError, "empty"),
        ("/r/truncated.mp3", PermanentError, "truncated"),
        ("/r/truncated.wav", PermanentError, "truncated"),
        ("/r/noise", PermanentError, "not decodable"),
        ("/r/oversized", PermanentError, "larger than the 64 KiB cap"),
        ("/r/declared-oversized", PermanentError, "larger than the 64 KiB cap"),
    ],
)
def test_a_failed_download_is_classified_and_leaves_nothing(server, client, store, path, error, message):
    with pytest.raises(error, match=message) as raised:
        vault(client, store, f"{server}{path}?{SECRET}")
    assert SECRET not in str(raised.value) and "SECRETSIGNATURE" not in raised.value.message
    assert leftovers(store) == []


def test_a_server_that_never_answers_is_transient(server, client, store):
    with pytest.raises(TransientError, match="ReadTimeout"):
        vault(client, store, f"{server}/r/slow", timeout_seconds=0.5)  # caps the client's 10 s read timeout
    assert leftovers(store) == []


def test_a_download_past_its_deadline_is_transient(server, client, store):
    """Each read arrives well within the read timeout; the whole download still may not run on forever."""
    with pytest.raises(TransientError, match="took longer than 0.5 s"):
        vault(client, store, f"{server}/r/dribble", timeout_seconds=0.5)
    assert leftovers(store) == []


def test_a_refused_connection_is_transient(client, store):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(TransientError, match="ConnectError") as raised:
        vault(client, store, f"http://127.0.0.1:{port}/recording.mp3?{SECRET}")
    assert "SECRETSIGNATURE" not in str(raised.value)
    assert leftovers(store) == []


@pytest.mark.parametrize("url", ["", "ftp://media.example/call.mp3", "recording.mp3", "http://a\x00b/c"])
def test_an_unusable_url_is_permanent(client, store, url):
    with pytest.raises(PermanentError):
        vault(client, store, url)
    assert leftovers(store) == []


def test_a_storage_failure_is_transient_and_leaves_nothing(server, client, tmp_path):
    class FullDisk(LocalRecordingStore):
        def put_stream(self, key, chunks, content_type):
            def failing():
                yield next(iter(chunks))
                raise OSError(28, "No space left on device")

            return super().put_stream(key, failing(), content_type)

    store = FullDisk(tmp_path / "vault")
    with pytest.raises(TransientError, match="No space left"):
        vault(client, store, f"{server}/r/call.mp3")
    assert leftovers(store) == []


# --- pure parts, table-tested -------------------------------------------------------------------------------


def status_error(status: int) -> httpx.HTTPStatusError:
    request = httpx.Request("GET", "https://media.example/recording")
    return httpx.HTTPStatusError("bad", request=request, response=httpx.Response(status, request=request))


@pytest.mark.parametrize(
    ("status_code", "exc", "expected"),
    [
        (404, None, ErrorClass.PERMANENT),
        (410, None, ErrorClass.PERMANENT),
        (400, None, ErrorClass.PERMANENT),
        (405, None, ErrorClass.PERMANENT),
        (451, None, ErrorClass.PERMANENT),
        (304, None, ErrorClass.PERMANENT),
        (403, None, ErrorClass.URL_EXPIRED),
        (401, None, ErrorClass.URL_EXPIRED),
        (408, None, ErrorClass.TRANSIENT),
        (429, None, ErrorClass.TRANSIENT),
        (500, None, ErrorClass.TRANSIENT),
        (502, None, ErrorClass.TRANSIENT),
        (503, None, ErrorClass.TRANSIENT),
        (504, None, ErrorClass.TRANSIENT),
        (None, httpx.ConnectTimeout("timed out"), ErrorClass.TRANSIENT),
        (None, httpx.ReadTimeout("timed out"), ErrorClass.TRANSIENT),
        (None, httpx.PoolTimeout("timed out"), ErrorClass.TRANSIENT),
        (None, httpx.ConnectError("refused"), ErrorClass.TRANSIENT),
        (None, httpx.ReadError("reset"), ErrorClass.TRANSIENT),
        (None, httpx.RemoteProtocolError("peer closed connection"), ErrorClass.TRANSIENT),
        (200, httpx.ReadError("reset mid-body"), ErrorClass.TRANSIENT),  # the exception wins over the 200
        (None, httpx.TooManyRedirects("loop"), ErrorClass.PERMANENT),
        (None, httpx.UnsupportedProtocol("ftp"), ErrorClass.PERMANENT),
        (None, status_error(404), ErrorClass.PERMANENT),
        (None, status_error(403), ErrorClass.URL_EXPIRED),
        (None, status_error(503), ErrorClass.TRANSIENT),
        (None, PermanentError("corrupt"), ErrorClass.PERMANENT),
        (None, UrlExpiredError("expired"), ErrorClass.URL_EXPIRED),
        (None, OSError("network unreachable"), ErrorClass.TRANSIENT),
        (None, RuntimeError("unforeseen"), ErrorClass.TRANSIENT),
    ],
)
def test_classify_download_error(status_code, exc, expected):
    assert classify_download_error(status_code, exc) is expected


@pytest.mark.parametrize("status_code", [None, 200, 206])
def test_classify_download_error_refuses_non_failures(status_code):
    with pytest.raises(ValueError):
        classify_download_error(status_code, None)


MP3_FRAME = b"\xff\xfb\x90\x64" + bytes(60)
ADTS_FRAME = b"\xff\xf1\x50\x80" + bytes(60)


@pytest.mark.parametrize(
    ("head", "content_type", "expected"),
    [
        (b"ID3\x04\x00" + bytes(40), None, AudioFormat("mp3", "audio/mpeg")),
        (MP3_FRAME, "text/html", AudioFormat("mp3", "audio/mpeg")),
        (ADTS_FRAME, "audio/aac", AudioFormat("bin", "audio/aac")),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "application/octet-stream", AudioFormat("wav", "audio/wav")),
        (b"RF64\xff\xff\xff\xffWAVEds64", None, AudioFormat("wav", "audio/wav")),
        (b"OggS" + bytes(24) + b"OpusHead", "audio/ogg", AudioFormat("opus", "audio/opus")),
        (b"OggS" + bytes(24) + b"\x01vorbis", None, AudioFormat("ogg", "audio/ogg")),
        (b"fLaC\x00\x00\x00\x22", None, AudioFormat("flac", "audio/flac")),
        (b"\x00\x00\x00\x1cftypM4A ", None, AudioFormat("m4a", "audio/mp4")),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86", "video/webm", AudioFormat("webm", "audio/webm")),
        # unknown magic: the header decides, else the decoder will
        (b"\x00\x01\x02\x03\xfe\xfd", "audio/x-wav", AudioFormat("wav", "audio/wav")),
        (b"\x00\x01\x02\x03\xfe\xfd", "audio/mpeg; charset=binary", AudioFormat("mp3", "audio/mpeg")),
        (b"\x00\x01\x02\x03\xfe\xfd", "binary/octet-stream", AudioFormat("bin", "application/octet-stream")),
        (b"\x00\x01\x02\x03\xfe\xfd", None, AudioFormat("bin", "application/octet-stream")),
    ],
)
def test_sniff_audio_format(head, content_type, expected):
    assert sniff_audio_format(head, content_type) == expected


@pytest.mark.parametrize(
    ("head", "content_type", "message"),
    [
        (b"<!DOCTYPE html><html>", "audio/mpeg", "an HTML page"),
        (b"\xef\xbb\xbf  \n<HTML><body>", "audio/mpeg", "an HTML page"),
        (b'<?xml version="1.0"?><Error><Code>AccessDenied', "audio/mpeg", "an XML document"),
        (b'{"error": "not found"}', "audio/mpeg", "JSON"),
        (b"[]", None, "JSON"),
        (b"Recording not available", "audio/wav", "text"),
        (b"Caf\xc3\xa9 closed \xe2\x80", "audio/wav", "text"),  # a character cut by the sniff window
        (b"\x00\x01\x02\x03\xfe\xfd", "text/html; charset=utf-8", "text/html"),
        (b"\x00\x01\x02\x03\xfe\xfd", "application/json", "application/json"),
        (b"", "audio/mpeg", "empty"),
    ],
)
def test_sniff_audio_format_refuses_error_pages(head, content_type, message):
    with pytest.raises(PermanentError, match=message):
        sniff_audio_format(head, content_type)


@pytest.mark.parametrize(
    ("decoded", "declared", "truncated"),
    [
        (3.0, 3.0, False),
        (2.7, 3.0, False),
        (1.37, 3.0, True),
        (2.05, 2.0, False),
        (0.0, 2.0, True),
        (3600 - 30, 3600, False),
        (3600 - 60, 3600, True),
    ],
)
def test_is_truncated(decoded, declared, truncated):
    assert is_truncated(decoded, declared) is truncated


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (200 * 1024 * 1024, "200 MiB"),
        (64 * 1024, "64 KiB"),
        (1536, "1.5 KiB"),
        (1 << 30, "1 GiB"),
        (10, "10 bytes"),
    ],
)
def test_format_bytes(n, text):
    assert format_bytes(n) == text


# --- verification straight from files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "codec", "channels", "sample_rate", "seconds"),
    [
        ("mp3", "mp3", 1, 8000, 3.0),
        ("wav", "pcm_s16le", 2, 16000, 2.0),
        ("ogg", "opus", 1, 48000, 2.0),
        ("flac", "flac", 1, 16000, 2.0),
        ("m4a", "aac", 1, 16000, 2.0),
        ("webm", "opus", 1, 48000, 2.0),
    ],
)
def test_inspect_audio_describes_whole_recordings(
    tmp_path, audio, name, codec, channels, sample_rate, seconds
):
    path = tmp_path / f"call.{name}"
    path.write_bytes(audio[name])
    info = inspect_audio(path)
    assert (info.codec, info.channels, info.sample_rate) == (codec, channels, sample_rate)
    assert info.duration_seconds == pytest.approx(seconds, abs=0.1)


@pytest.mark.parametrize("name", ["mp3", "wav", "flac", "m4a", "webm"])
def test_inspect_audio_catches_cut_off_recordings(tmp_path, audio, name):
    path = tmp_path / f"call.{name}"
    path.write_bytes(first_half(audio[name]))
    with pytest.raises(PermanentError, match="truncated|not decodable|corrupt"):
        inspect_audio(path)


def test_inspect_audio_will_not_follow_a_playlist(tmp_path):
    secret = tmp_path / "secret.wav"
    secret.write_bytes(b"RIFF")
    playlist = tmp_path / "call.mp3"
    playlist.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{secret.as_uri()}\n")
    with pytest.raises(PermanentError, match="not decodable"):
        inspect_audio(playlist)


# --- the error taxonomy -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://media.ringba.com/recording-public?v=1&s=abc", "https://media.ringba.com/recording-public"),
        ("https://user:pw@host.example:8443/a/b.mp3#frag", "https://host.example:8443/a/b.mp3"),
        ("http://127.0.0.1:5000/r?x=1", "http://127.0.0.1:5000/r"),
        ("http://[::1]:80/r?x=1", "http://[::1]:80/r"),
        ("/relative/path?token=1", "/relative/path"),
    ],
)
def test_redact_url(url, safe):
    assert redact_url(url) == safe


def test_lane_errors_never_carry_signed_urls_and_keep_their_class():
    error = lane_error("url_expired", "HTTP 403 from https://media.ringba.com/rec?Signature=abc&Exp=1 (x)")
    assert isinstance(error, UrlExpiredError) and isinstance(error, LaneError)
    assert error.error_class is ErrorClass.URL_EXPIRED
    assert error.message == "HTTP 403 from https://media.ringba.com/rec (x)"
    assert "Signature" not in redact_text(f"see {SECRET} at https://x.example/a?{SECRET}").split("at")[1]
    assert len(PermanentError("x" * 10_000).message) <= 500
    for original in (error, LaneError("odd", ErrorClass.PERMANENT), TransientError("t", retry_after=2.5)):
        copy = pickle.loads(pickle.dumps(original))
        assert type(copy) is type(original)
        assert (copy.error_class, copy.message, copy.retry_after) == (
            original.error_class,
            original.message,
            original.retry_after,
        )


# --- where recordings may come from -------------------------------------------------------------------------

# Host names only (no DNS here): whether an allowed name resolves to a public address is tested below.
RINGBA_ONLY = RecordingUrlPolicy(allow_private_addresses=True)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://media.ringba.com/recording-public?id=1&sig=x", None),
        ("https://MEDIA.Ringba.com/recording-public", None),
        ("https://cdn7.ringba.com/r.mp3", None),
        ("https://evil.example/r.mp3", "recording host evil.example is not allowed"),
        ("https://media.ringba.com.evil.example/r.mp3", "is not allowed"),
        ("https://ringba.com.evil.example/r.mp3", "is not allowed"),
        ("ftp://media.ringba.com/r.mp3", r"is not http\(s\)"),
        ("file:///etc/passwd", r"is not http\(s\)"),
    ],
)
def test_only_ringbas_recording_hosts_are_fetched_by_default(url, problem) -> None:
    if problem is None:
        RINGBA_ONLY.check(url)
    else:
        with pytest.raises(PermanentError, match=problem):
            RINGBA_ONLY.check(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/r.mp3",
        "http://localhost/r.mp3",
        "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
        "http://10.0.0.5/r.mp3",
        "http://[::1]/r.mp3",
        "http://[::ffff:192.168.1.1]/r.mp3",
    ],
)
def test_an_allowed_host_on_a_private_address_is_refused_unless_allowed(url) -> None:
    listed = RecordingUrlPolicy(allowed_hosts=("*",))
    with pytest.raises(PermanentError, match="non-public address"):
        listed.check(url)
    RecordingUrlPolicy(allowed_hosts=("*",), allow_private_addresses=True).check(url)


def test_a_redirect_to_a_host_not_allowed_is_not_followed(server, store):
    policy = RecordingUrlPolicy(allowed_hosts=("127.0.0.1",), allow_private_addresses=True)
    with recording_client(policy, 10.0) as client:
        assert vault(client, store, f"{server}/r/redirect").key == key_for("mp3")  # same host: followed
        elsewhere = f"{server}/r/redirect-elsewhere"
        with pytest.raises(PermanentError, match="recording host localhost is not allowed"):
            vault(client, store, elsewhere)
