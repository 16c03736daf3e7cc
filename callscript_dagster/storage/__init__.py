"""Recording storage: safe keys and the stores (local directory, S3-compatible)."""

from callscript_dagster.storage.keys import check_key, recording_key, safe_call_id
from callscript_dagster.storage.stores import (
    LocalRecordingStore,
    RecordingStore,
    S3RecordingStore,
    StoredObject,
    store_from_url,
)

__all__ = [
    "LocalRecordingStore",
    "RecordingStore",
    "S3RecordingStore",
    "StoredObject",
    "check_key",
    "recording_key",
    "safe_call_id",
    "store_from_url",
]
