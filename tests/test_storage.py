"""The recording store: safe keys from hostile call ids, atomic writes, both backends (local; S3 via moto)."""

from __future__ import annotations

import hashlib
import os
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.storage import (
    LocalRecordingStore,
    RecordingStore,
    S3RecordingStore,
    check_key,
    recording_key,
    safe_call_id,
)
from callscript_dagster.storage.keys import MAX_ID_CHARS

CALL_AT = datetime(2026, 11, 29, 15, 30, tzinfo=UTC)
KEY_SHAPE = re.compile(r"^recordings/\d{4}/\d{2}/\d{2}/[A-Za-z0-9_~-][A-Za-z0-9._~-]*\.[a-z0-9]+$")

HOSTILE_IDS = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "",
    " ",
    ".hidden",
    "...",
    "a/b",
    "a\\b",
    "a_b",
    "a b",
    "a\x00b",
    "a\nb",
    "C:\\Windows\\system32",
    "\u2025/\u2025/etc/passwd",  # two-dot leader
    "\uff0e\uff0e\uff0fetc",  # fullwidth "../"
    "caf\u00e9",
    "cafe\u0301",  # same word, combining accent
    "\u202eevil.mp3",  # right-to-left override
    "x.part",
    "x" * 100,
    "x" * 101,
    "x" * 5000,
    "x" * 5000 + "y",
    "RGB~0123456789abcdef",
    "a_b~" + hashlib.sha256(b"a b").hexdigest()[:16],  # a kept-looking id crafted to equal an altered one
]


# --- keys ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call_id", "call_at", "extension", "expected"),
    [
        ("RGB1A2B3C4D5E6F", CALL_AT, "mp3", "recordings/2026/11/29/RGB1A2B3C4D5E6F.mp3"),
        ("RGB1", CALL_AT, ".WAV", "recordings/2026/11/29/RGB1.wav"),
        # the UTC date, not the local one: 23:30 in New York is already tomorrow in UTC
        (
            "RGB1",
            datetime(2026, 11, 29, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
            "mp3",
            "recordings/2026/11/30/RGB1.mp3",
        ),
        ("RGB1", datetime(2026, 1, 2, 0, 0), "ogg", "recordings/2026/01/02/RGB1.ogg"),  # naive = UTC
        ("call-1.2_3", CALL_AT, "bin", "recordings/2026/11/29/call-1.2_3.bin"),
    ],
)
def test_recording_key_is_dated_by_utc_day_and_keeps_safe_ids(call_id, call_at, extension, expected):
    assert recording_key(call_id, call_at, extension) == expected


@pytest.mark.parametrize("extension", ["exe", "mp3/../../x", "", "php", "mp3 "])
def test_recording_key_rejects_extensions_outside_the_allow_list(extension):
    with pytest.raises(ValueError):
        recording_key("RGB1", CALL_AT, extension)


@pytest.mark.parametrize("call_id", HOSTILE_IDS)
def test_hostile_call_ids_give_one_plain_file_name(call_id):
    key = recording_key(call_id, CALL_AT, "mp3")
    assert KEY_SHAPE.match(key), key
    assert key.startswith("recordings/2026/11/29/")
    assert key.count("/") == 4
    assert check_key(key) == key
    assert len(safe_call_id(call_id)) <= MAX_ID_CHARS


def test_distinct_hostile_ids_never_share_a_key():
    keys = {recording_key(call_id, CALL_AT, "mp3") for call_id in HOSTILE_IDS}
    assert len(keys) == len(set(HOSTILE_IDS))


@pytest.mark.parametrize(
    ("call_id", "kept"),
    [
        ("RGB1A2B", True),
        ("x" * MAX_ID_CHARS, True),
        ("x" * (MAX_ID_CHARS + 1), False),
        ("a b", False),
        (".x", False),
        ("", False),
    ],
)
def test_only_altered_ids_carry_a_hash(call_id, kept):
    assert (safe_call_id(call_id) == call_id) is kept
    assert ("~" in safe_call_id(call_id)) is not kept


def test_hostile_ids_stay_under_the_local_root(tmp_path):
    root = tmp_path / "vault"
    store = LocalRecordingStore(root)
    for call_id in HOSTILE_IDS:
        store.put_stream(recording_key(call_id, CALL_AT, "mp3"), [b"x"], "audio/mpeg")
    written = [Path(d, f) for d, _, files in os.walk(tmp_path) for f in files]
    assert len(written) == len(HOSTILE_IDS)
    assert all(path.resolve().is_relative_to(root.resolve()) for path in written)


@pytest.mark.parametrize(
    "key",
    [
        "",
        "../x.mp3",
        "/etc/passwd",
        "a//b.mp3",
        "a/./b.mp3",
        "a/../b.mp3",
        ".hidden/x.mp3",
        "a/.x.mp3",
        "x.mp3.part",
        "a\\b.mp3",
        "a/b\x00.mp3",
        "a/ b.mp3",
        "a/b.mp3/",
    ],
)
def test_malformed_keys_are_refused(tmp_path, key):
    with pytest.raises(ValueError):
        check_key(key)
    with pytest.raises(ValueError):
        LocalRecordingStore(tmp_path).exists(key)


def test_a_symlink_cannot_lead_a_key_out_of_the_root(tmp_path):
    root = tmp_path / "vault"
    (root / "recordings").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "recordings" / "2026").symlink_to(outside)
    with pytest.raises(ValueError):
        LocalRecordingStore(root).put_stream("recordings/2026/x.mp3", [b"x"], "audio/mpeg")
    assert list(outside.iterdir()) == []


# --- both backends ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def moto_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def make_s3_store(endpoint: str, prefix: str = "vault") -> S3RecordingStore:
    bucket = f"recordings-{uuid.uuid4().hex[:12]}"
    store = S3RecordingStore(
        bucket,
        prefix,
        endpoint_url=endpoint,
        region="us-east-1",
        access_key_id="test-key",
        secret_access_key="test-secret",
        part_bytes=S3RecordingStore.MIN_PART_BYTES,
    )
    store.client.create_bucket(Bucket=bucket)
    return store


def leftovers(store: RecordingStore) -> list[str]:
    """Everything the store holds, complete or not: objects, temp files, unfinished multipart uploads."""
    if isinstance(store, LocalRecordingStore):
        return [str(Path(d, f)) for d, _, files in os.walk(store.root) for f in files]
    assert isinstance(store, S3RecordingStore)
    objects = store.client.list_objects_v2(Bucket=store.bucket).get("Contents", [])
    uploads = store.client.list_multipart_uploads(Bucket=store.bucket).get("Uploads", [])
    return [o["Key"] for o in objects] + [f"upload:{u['Key']}" for u in uploads]


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path) -> RecordingStore:
    if request.param == "local":
        return LocalRecordingStore(tmp_path / "vault")
    return make_s3_store(request.getfixturevalue("moto_endpoint"))


KEY = "recordings/2026/11/29/RGB1.mp3"


def test_what_a_killed_writer_left_behind_is_swept_once_older_than_any_live_write(store):
    # A writer killed with -9 runs no cleanup: it leaves a hidden temp file, or an unfinished multipart upload.
    if isinstance(store, LocalRecordingStore):
        directory = store.root / "recordings/2026/11/29"
        directory.mkdir(parents=True)
        abandoned = directory / ".RGB1.mp3.k2j3.part"
        live = directory / ".RGB2.mp3.x9a1.part"
        for path in (abandoned, live):
            path.write_bytes(b"half a recording")
        hour_ago = time.time() - 3600
        os.utime(abandoned, (hour_ago, hour_ago))
        assert store.sweep_abandoned(timedelta(minutes=20)) == 1
        assert [p.name for p in directory.iterdir()] == [live.name]  # a download still writing is left alone
    else:
        # (moto dates every upload 2010-11-10, so "too young to sweep" can only be shown on the local store)
        store.client.create_multipart_upload(Bucket=store.bucket, Key=f"{store.prefix}/{KEY}")
        assert store.sweep_abandoned(timedelta(minutes=20)) == 1
        assert leftovers(store) == []


def test_put_then_read_back_every_way(store):
    data = os.urandom(100_000)
    stored = store.put_stream(KEY, (data[i : i + 30_000] for i in range(0, len(data), 30_000)), "audio/mpeg")
    assert stored.key == KEY and stored.bytes == len(data)
    assert isinstance(store, RecordingStore)
    assert store.exists(KEY)
    with store.open(KEY) as file:
        assert file.read() == data
        file.seek(0)  # decoders seek
        assert file.read(4) == data[:4]
    with store.local_path(KEY) as path:
        assert path.read_bytes() == data
        assert path.suffix == ".mp3"
    assert list(store.iter_keys()) == [KEY]
    assert list(store.iter_keys("recordings/2026/11/")) == [KEY]
    assert list(store.iter_keys("recordings/2025/")) == []
    store.delete(KEY)
    assert not store.exists(KEY)
    store.delete(KEY)  # deleting twice is fine
    assert leftovers(store) == []


def test_missing_keys_raise_file_not_found(store):
    assert not store.exists(KEY)
    with pytest.raises(FileNotFoundError):
        with store.open(KEY):
            pass
    with pytest.raises(FileNotFoundError):
        with store.local_path(KEY):
            pass


def test_a_stream_failing_halfway_leaves_nothing_and_keeps_the_previous_object(store):
    """Atomicity: the final key shows the old object throughout and after; no temp file or upload remains."""
    store.put_stream(KEY, [b"old recording"], "audio/mpeg")
    seen_mid_stream, in_flight = [], []

    def failing_body():
        yield os.urandom(3 * 1024 * 1024)
        yield os.urandom(3 * 1024 * 1024)  # past one S3 part: a multipart upload is in flight
        in_flight.extend(leftovers(store))
        with store.open(KEY) as file:
            seen_mid_stream.append(file.read())
        raise RuntimeError("connection dropped")

    with pytest.raises(RuntimeError, match="connection dropped"):
        store.put_stream(KEY, failing_body(), "audio/mpeg")
    assert len(in_flight) == 2  # the old object, and the temp file or multipart upload of the new one
    assert seen_mid_stream == [b"old recording"]
    with store.open(KEY) as file:
        assert file.read() == b"old recording"
    store.delete(KEY)
    assert leftovers(store) == []


def test_a_new_object_is_invisible_until_complete(store):
    new_key = "recordings/2026/11/29/RGB2.wav"
    visible_mid_stream = []

    def body():
        yield b"a" * 1000
        visible_mid_stream.append(store.exists(new_key) or list(store.iter_keys()) != [])
        yield b"b" * 1000

    store.put_stream(new_key, body(), "audio/wav")
    assert visible_mid_stream == [False]
    assert store.exists(new_key)


def test_empty_object(store):
    assert store.put_stream(KEY, iter(()), "application/octet-stream").bytes == 0
    with store.open(KEY) as file:
        assert file.read() == b""


def test_concurrent_puts_from_a_thread_pool(store):
    payloads = {f"recordings/2026/11/29/RGB{i}.mp3": os.urandom(10_000 + i) for i in range(16)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda item: store.put_stream(item[0], [item[1]], "audio/mpeg"), payloads.items()))
    assert sorted(store.iter_keys()) == sorted(payloads)
    for key, data in payloads.items():
        with store.open(key) as file:
            assert file.read() == data


# --- S3 specifics -------------------------------------------------------------------------------------------


def test_s3_multipart_upload_round_trips_with_equal_parts(moto_endpoint):
    store = make_s3_store(moto_endpoint)
    data = os.urandom(2 * S3RecordingStore.MIN_PART_BYTES + 123_456)
    stored = store.put_stream(KEY, (data[i : i + 65_536] for i in range(0, len(data), 65_536)), "audio/mpeg")
    assert stored.bytes == len(data)
    head = store.client.head_object(Bucket=store.bucket, Key=f"vault/{KEY}")
    assert head["ContentType"] == "audio/mpeg"
    assert head["ETag"].strip('"').endswith("-3")  # three parts: multipart, not one buffered PUT
    with store.local_path(KEY) as path:
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest()


def test_s3_objects_live_under_the_prefix_and_uri_has_no_secrets(moto_endpoint):
    store = make_s3_store(moto_endpoint, prefix="/callscript/audio/")
    store.put_stream(KEY, [b"x"], "audio/mpeg")
    raw = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    ).list_objects_v2(Bucket=store.bucket)
    assert [o["Key"] for o in raw["Contents"]] == [f"callscript/audio/{KEY}"]
    assert store.uri(KEY) == f"s3://{store.bucket}/callscript/audio/{KEY}"
    assert "test-secret" not in repr(store) and "test-secret" not in store.uri(KEY)


# --- configuration ------------------------------------------------------------------------------------------


def configured(tmp_path: Path, storage_url: str, **s3) -> RecordingStore:
    """The store a deployment with CALLSCRIPT_STORAGE_URL=`storage_url` gets, through its resource."""
    return StorageResource(url=storage_url, default_root=str(tmp_path / "home" / "audio"), **s3).store


def test_an_empty_storage_url_means_the_home_audio_directory(tmp_path):
    store = configured(tmp_path, "")
    assert isinstance(store, LocalRecordingStore)
    assert store.root == (tmp_path / "home" / "audio").resolve()


def test_a_file_url_names_the_vault_directory(tmp_path):
    store = configured(tmp_path, (tmp_path / "my vault").as_uri())
    assert isinstance(store, LocalRecordingStore)
    assert store.root == (tmp_path / "my vault").resolve()


def test_an_s3_url_names_bucket_and_prefix(tmp_path, moto_endpoint):
    store = configured(
        tmp_path,
        "s3://call-audio/prod/recordings",
        s3_endpoint_url=moto_endpoint,
        s3_region="us-east-1",
        s3_access_key_id="test-key",
        s3_secret_access_key="test-secret",
    )
    assert isinstance(store, S3RecordingStore)
    assert (store.bucket, store.prefix) == ("call-audio", "prod/recordings")
    assert store.endpoint_url == moto_endpoint
    store.client.create_bucket(Bucket="call-audio")
    store.put_stream(KEY, [b"x"], "audio/mpeg")
    assert store.exists(KEY)


@pytest.mark.parametrize(
    ("storage_url", "message"),
    [
        ("gs://bucket/x", "not supported"),
        ("https://example.com/x", "not supported"),
        ("file://relative/dir", "absolute"),
        ("s3://", "bucket"),
        ("s3://AKIAXXXX:hunter2@bucket/x", "credentials"),
    ],
)
def test_other_storage_urls_are_refused_clearly(tmp_path, storage_url, message):
    with pytest.raises(ValueError, match=message) as raised:
        configured(tmp_path, storage_url)
    assert "hunter2" not in str(raised.value)
