"""Recording storage as a Dagster resource."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from callscript_dagster.storage import RecordingStore, store_from_url


class StorageResource(dg.ConfigurableResource):
    """Where recordings are vaulted: `url` empty (the local `default_root`), `file:///path` or
    `s3://bucket/prefix`. S3 keys come from the environment as `dg.EnvVar`s, never from run config."""

    url: str = ""
    default_root: str
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = None

    _store: RecordingStore | None = PrivateAttr(default=None)

    @property
    def store(self) -> RecordingStore:
        """The store (built once per resource instance; stores are cheap and thread-safe)."""
        if self._store is None:
            self._store = store_from_url(
                self.url,
                default_root=Path(self.default_root),
                s3_endpoint_url=self.s3_endpoint_url,
                s3_region=self.s3_region,
                s3_access_key_id=self.s3_access_key_id,
                s3_secret_access_key=self.s3_secret_access_key,
            )
        return self._store
