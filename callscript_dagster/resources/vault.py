"""How the Vault lane fetches recordings, as a Dagster resource: from which hosts, how big, how long, how many
at once."""

from __future__ import annotations

import dagster as dg
import httpx

from callscript_dagster.recordings import RINGBA_RECORDING_HOSTS, RecordingUrlPolicy, recording_client


class VaultResource(dg.ConfigurableResource):
    """Limits of recording downloads. Recording URLs come from outside: only `recording_hosts` are fetched
    (redirects included), never a private or loopback address unless `allow_private_addresses`."""

    recording_hosts: list[str] = list(RINGBA_RECORDING_HOSTS)
    allow_private_addresses: bool = False
    max_recording_bytes: int = 200 * 1024 * 1024
    download_timeout_seconds: float = 600.0
    http_timeout_seconds: float = 30.0
    concurrency: int = 8

    def url_policy(self) -> RecordingUrlPolicy:
        return RecordingUrlPolicy(tuple(self.recording_hosts), self.allow_private_addresses)

    def http_client(self) -> httpx.Client:
        """A client for one run's downloads (close it after); every request it sends is checked."""
        return recording_client(self.url_policy(), self.http_timeout_seconds)
