"""Where vaulted recordings live: one interface, a local-directory backend and an S3-compatible backend.

Keys are derived from untrusted call ids by `storage.keys.recording_key`, so they never escape the storage root
and two calls never share a key. Writes are atomic on both backends: a reader sees the whole object under its final
key, or nothing (local: temp file + fsync + rename; S3: one PUT, or a multipart upload that is completed only
at the end and aborted on failure). Memory stays constant: bodies are streamed in chunks, at most one
multipart part is buffered per upload.

Both stores are cheap to construct and safe to share between the vault lane's threads.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

from callscript_dagster.storage.keys import PART_SUFFIX, check_key


@dataclass(frozen=True)
class StoredObject:
    key: str
    bytes: int
    uri: str


@runtime_checkable
class RecordingStore(Protocol):
    """Vaulted recordings, by key. Missing keys raise FileNotFoundError from `open`/`local_path`."""

    def put_stream(self, key: str, chunks: Iterable[bytes], content_type: str) -> StoredObject:
        """Store `chunks` under `key` atomically (replacing any object there). If iterating `chunks` raises,
        nothing is left behind and the exception propagates unchanged."""
        ...

    def open(self, key: str) -> contextlib.AbstractContextManager[IO[bytes]]:
        """A readable, seekable binary file of the object."""
        ...

    def local_path(self, key: str) -> contextlib.AbstractContextManager[Path]:
        """A filesystem path holding the object, valid inside the `with` block (for path-based decoders)."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the object; a missing key is not an error."""
        ...

    def uri(self, key: str) -> str:
        """Where the object is, for humans (UI, logs); never carries credentials."""
        ...

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        """Keys of complete objects under `prefix` (temp files and unfinished uploads are never listed)."""
        ...

    def sweep_abandoned(self, older_than: timedelta) -> int:
        """Remove what killed writers left behind (temp files, unfinished multipart uploads) that is older than
        `older_than` — longer than any live write can take. Returns how many were removed."""
        ...


class LocalRecordingStore:
    """Recordings as files under `root`."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).expanduser().resolve()

    def __repr__(self) -> str:
        return f"LocalRecordingStore({str(self.root)!r})"

    def _path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):  # a symlink inside root must not lead out of it either
            raise ValueError(f"storage key {key[:120]!r} resolves outside the storage root")
        return path

    def put_stream(self, key: str, chunks: Iterable[bytes], content_type: str) -> StoredObject:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Same directory as the target so os.replace is an atomic rename; a leading dot and the .part suffix
        # keep it out of `iter_keys` and make it unaddressable by any key.
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=PART_SUFFIX)
        size = 0
        try:
            with os.fdopen(fd, "wb") as tmp:
                for chunk in chunks:
                    tmp.write(chunk)
                    size += len(chunk)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        _fsync_directory(path.parent)
        return StoredObject(key=key, bytes=size, uri=self.uri(key))

    @contextlib.contextmanager
    def open(self, key: str) -> Iterator[IO[bytes]]:
        with open(self._path(key), "rb") as file:
            yield file

    @contextlib.contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        path = self._path(key)
        if not path.is_file():
            raise FileNotFoundError(f"no recording at {self.uri(key)}")
        yield path

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def uri(self, key: str) -> str:
        return (self.root / check_key(key)).as_uri()

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith(PART_SUFFIX):
                    continue
                key = Path(dirpath, name).relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    yield key

    def sweep_abandoned(self, older_than: timedelta) -> int:
        cutoff = time.time() - older_than.total_seconds()
        removed = 0
        for dirpath, _, filenames in os.walk(self.root):
            for name in filenames:
                path = Path(dirpath, name)
                if not (name.startswith(".") and name.endswith(PART_SUFFIX)):
                    continue
                with contextlib.suppress(FileNotFoundError):  # a concurrent sweep got there first
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
                        removed += 1
        return removed


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (a crash right after os.replace must not lose the new name)."""
    with contextlib.suppress(OSError):  # not every filesystem lets you open a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class S3RecordingStore:
    """Recordings as objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Supabase Storage).

    Objects smaller than one part go up in a single PUT; larger ones as a multipart upload of equal-sized
    parts (R2 requires equal parts) that becomes visible only when completed, and is aborted if the stream
    fails.
    """

    MIN_PART_BYTES = 5 * 1024 * 1024  # S3's minimum for every part but the last

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        part_bytes: int = 8 * 1024 * 1024,
    ) -> None:
        if not bucket:
            raise ValueError("S3 bucket name is empty")
        if part_bytes < self.MIN_PART_BYTES:
            raise ValueError(f"S3 multipart parts must be at least {self.MIN_PART_BYTES} bytes")
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.endpoint_url = endpoint_url or None
        self.region = region
        self.part_bytes = part_bytes
        self._access_key_id = access_key_id or None
        self._secret_access_key = secret_access_key or None
        self._client = None

    def __repr__(self) -> str:  # no credentials
        return (
            f"S3RecordingStore(bucket={self.bucket!r}, prefix={self.prefix!r}, "
            f"endpoint_url={self.endpoint_url!r})"
        )

    @property
    def client(self):
        """The boto3 S3 client, created on first use (boto3 clients are thread-safe; sessions are not)."""
        if self._client is None:
            with _BOTO3_SESSION_LOCK:
                if self._client is None:
                    from botocore.config import Config

                    config = Config(
                        region_name=self.region,
                        retries={"max_attempts": 5, "mode": "standard"},
                        # Path-style for custom endpoints (MinIO, Supabase, R2 by account endpoint).
                        s3={"addressing_style": "path" if self.endpoint_url else "auto"},
                        # Newer botocore adds CRC checksums to every upload; several S3-compatible services
                        # reject or mishandle them. Send them only where the API demands.
                        request_checksum_calculation="when_required",
                        response_checksum_validation="when_required",
                    )
                    self._client = _shared_boto3_session().client(
                        "s3",
                        endpoint_url=self.endpoint_url,
                        aws_access_key_id=self._access_key_id,
                        aws_secret_access_key=self._secret_access_key,
                        config=config,
                    )
        return self._client

    def _object_key(self, key: str) -> str:
        check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def put_stream(self, key: str, chunks: Iterable[bytes], content_type: str) -> StoredObject:
        object_key = self._object_key(key)
        buffer = bytearray()
        size = 0
        upload_id: str | None = None
        parts: list[dict] = []
        try:
            for chunk in chunks:
                buffer += chunk
                size += len(chunk)
                while len(buffer) >= self.part_bytes:
                    if upload_id is None:
                        upload_id = self.client.create_multipart_upload(
                            Bucket=self.bucket, Key=object_key, ContentType=content_type
                        )["UploadId"]
                    self._upload_part(object_key, upload_id, parts, bytes(buffer[: self.part_bytes]))
                    del buffer[: self.part_bytes]
            if upload_id is None:
                self.client.put_object(
                    Bucket=self.bucket, Key=object_key, Body=bytes(buffer), ContentType=content_type
                )
            else:
                if buffer or not parts:
                    self._upload_part(object_key, upload_id, parts, bytes(buffer))
                self.client.complete_multipart_upload(
                    Bucket=self.bucket, Key=object_key, UploadId=upload_id, MultipartUpload={"Parts": parts}
                )
        except BaseException:
            if upload_id is not None:
                with contextlib.suppress(Exception):
                    self.client.abort_multipart_upload(Bucket=self.bucket, Key=object_key, UploadId=upload_id)
            raise
        return StoredObject(key=key, bytes=size, uri=self.uri(key))

    def _upload_part(self, object_key: str, upload_id: str, parts: list[dict], body: bytes) -> None:
        number = len(parts) + 1
        etag = self.client.upload_part(
            Bucket=self.bucket, Key=object_key, UploadId=upload_id, PartNumber=number, Body=body
        )["ETag"]
        parts.append({"PartNumber": number, "ETag": etag})

    @contextlib.contextmanager
    def open(self, key: str) -> Iterator[IO[bytes]]:
        # Spooled to a temp file rather than handing out the HTTP body: decoders need to seek (m4a, wav).
        with tempfile.TemporaryFile() as file:
            self._download(key, file)
            file.seek(0)
            yield file

    @contextlib.contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        suffix = PurePosixPath(key).suffix  # decoders use it as a hint
        with tempfile.TemporaryDirectory(prefix="callscript-recording-") as directory:
            path = Path(directory) / f"recording{suffix}"
            with open(path, "wb") as file:
                self._download(key, file)
            yield path

    def _download(self, key: str, file: IO[bytes]) -> None:
        from botocore.exceptions import ClientError

        try:
            self.client.download_fileobj(self.bucket, self._object_key(key), file)
        except ClientError as exc:
            if _is_not_found(exc):
                raise FileNotFoundError(f"no recording at {self.uri(key)}") from None
            raise

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._object_key(key))
        except ClientError as exc:
            if _is_not_found(exc):
                return False
            raise
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._object_key(key))

    def uri(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._object_key(key)}"

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        base = f"{self.prefix}/" if self.prefix else ""
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=base + prefix):
            for item in page.get("Contents", []):
                yield item["Key"][len(base) :]

    def sweep_abandoned(self, older_than: timedelta) -> int:
        # A lifecycle rule (AbortIncompleteMultipartUpload) does this too, where the service supports it.
        cutoff = datetime.now(UTC) - older_than
        base = f"{self.prefix}/" if self.prefix else ""
        removed = 0
        paginator = self.client.get_paginator("list_multipart_uploads")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=base):
            for upload in page.get("Uploads", []):
                if upload["Initiated"] < cutoff:
                    self.client.abort_multipart_upload(
                        Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"]
                    )
                    removed += 1
        return removed


_BOTO3_SESSION = None
_BOTO3_SESSION_LOCK = threading.Lock()


def _shared_boto3_session():
    """One boto3 session per process, so each new store reuses its parsed service models (making a client from
    a fresh session costs ~0.3 s). Sessions aren't thread-safe: clients are made under the lock."""
    global _BOTO3_SESSION
    if _BOTO3_SESSION is None:
        import boto3

        _BOTO3_SESSION = boto3.session.Session()
    return _BOTO3_SESSION


def _is_not_found(exc: Exception) -> bool:
    error = getattr(exc, "response", {}).get("Error", {})
    return str(error.get("Code")) in {"404", "NoSuchKey", "NotFound"}


def store_from_url(
    url: str,
    *,
    default_root: Path,
    s3_endpoint_url: str | None = None,
    s3_region: str = "us-east-1",
    s3_access_key_id: str | None = None,
    s3_secret_access_key: str | None = None,
) -> RecordingStore:
    """The store named by a storage URL (CALLSCRIPT_STORAGE_URL): empty → `default_root`; `file:///abs/path`;
    `s3://bucket/prefix` (with the endpoint, region and keys given)."""
    url = url.strip()
    if not url:
        return LocalRecordingStore(default_root)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise ValueError("CALLSCRIPT_STORAGE_URL file URLs must be absolute: file:///absolute/path")
        return LocalRecordingStore(Path(unquote(parts.path)))
    if scheme == "s3":
        if "@" in parts.netloc:
            raise ValueError(
                "CALLSCRIPT_STORAGE_URL must not carry credentials; "
                "set CALLSCRIPT_S3_ACCESS_KEY_ID and CALLSCRIPT_S3_SECRET_ACCESS_KEY"
            )
        if not parts.netloc:
            raise ValueError("CALLSCRIPT_STORAGE_URL s3 URLs need a bucket: s3://bucket/prefix")
        return S3RecordingStore(
            parts.netloc,
            unquote(parts.path).strip("/"),
            endpoint_url=s3_endpoint_url,
            region=s3_region,
            access_key_id=s3_access_key_id,
            secret_access_key=s3_secret_access_key,
        )
    raise ValueError(
        f"CALLSCRIPT_STORAGE_URL scheme {scheme or '(none)'!r} is not supported; "
        "use empty (local CALLSCRIPT_HOME/audio), file:///absolute/path or s3://bucket/prefix"
    )
