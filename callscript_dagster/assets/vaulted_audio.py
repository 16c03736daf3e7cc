"""Vault lane: each call's recording, streamed from Ringba's media URL into our storage and verified."""

from datetime import timedelta
from functools import partial

import dagster as dg
import httpx
import psycopg
from psycopg_pool import ConnectionPool

from callscript_dagster.assets.lane_asset import lane_asset, materialize_lane
from callscript_dagster.calls.lanes import ClaimedCall, Lane, WorkDone
from callscript_dagster.db.sql import query
from callscript_dagster.errors import PermanentError, UrlExpiredError
from callscript_dagster.recordings import VaultedRecording, vault_recording
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.ringba.client import RingbaClient
from callscript_dagster.storage import RecordingStore, recording_key


def vault_call(
    call: ClaimedCall,
    *,
    http: httpx.Client,
    store: RecordingStore,
    ringba: RingbaClient,
    pool: ConnectionPool,
    run_id: str,
    max_bytes: int,
    timeout_seconds: float,
) -> WorkDone:
    """Download, store and verify one call's recording. A 403 means the signed URL expired: ask Ringba for a
    fresh one, keep it on the call, and try again once."""
    if not call.recording_url:
        raise PermanentError("Ringba lists no recording URL for this call")

    def download(url: str) -> VaultedRecording:
        return vault_recording(
            http,
            url,
            store,
            lambda extension: recording_key(call.call_id, call.call_at, extension),
            max_bytes=max_bytes,
            timeout_seconds=timeout_seconds,
        )

    try:
        recording = download(call.recording_url)
    except UrlExpiredError:
        fresh = ringba.find_recording_url(call.call_id, call.call_at)
        if not fresh or fresh == call.recording_url:
            raise UrlExpiredError("recording URL expired and Ringba offered no fresh one") from None
        with pool.connection() as conn:
            conn.execute(
                query("refresh_recording_url"),
                {
                    "call_id": call.call_id,
                    "url": fresh,
                    "run_id": run_id,
                    "message": "recording URL refreshed from Ringba after HTTP 403",
                },
            )
        recording = download(fresh)

    def persist(conn: psycopg.Connection) -> None:
        conn.execute(
            query("save_recording"),
            {
                "call_id": call.call_id,
                "storage_key": recording.key,
                "storage_uri": store.uri(recording.key),
                "bytes": recording.bytes,
                "sha256": recording.sha256,
                "content_type": recording.content_type,
                "duration_seconds": recording.duration_seconds,
                "channels": recording.channels,
                "sample_rate": recording.sample_rate,
                "codec": recording.codec,
                "download_seconds": recording.download_seconds,
                "run_id": run_id,
            },
        )

    return WorkDone(
        persist=persist,
        metrics={
            "bytes": recording.bytes,
            "audio_seconds": recording.duration_seconds,
            "download_seconds": recording.download_seconds,
        },
        message=f"{recording.bytes} bytes, {recording.duration_seconds:.1f} s, {recording.channels} channel(s)",
    )


def build_vaulted_audio(
    partitions_def: dg.PartitionsDefinition, ringba_calls: dg.AssetsDefinition
) -> dg.AssetsDefinition:
    @lane_asset(
        Lane.VAULT,
        partitions_def=partitions_def,
        upstream=ringba_calls,
        kinds={"storage", "postgres"},
    )
    def vaulted_audio(
        context: dg.AssetExecutionContext,
        database: DatabaseResource,
        storage: StorageResource,
        ringba: RingbaResource,
        vault: VaultResource,
    ) -> dg.MaterializeResult:
        """Each call's recording, streamed into the vault (local disk or S3-compatible storage) under a key
        derived from its date and a sanitized id, verified by decoding it, and recorded in `core.recordings`
        with bytes, sha256, duration, channels and sample rate.

        Only Ringba's recording hosts are fetched (CALLSCRIPT_RECORDING_HOSTS), redirects included.
        404, a URL on another host, and corrupt or non-audio content fail the call permanently; 403 refreshes the URL from Ringba;
        5xx and timeouts are retried, and any left make the partition fail so a re-materialization retries
        exactly those calls."""
        store = storage.store
        # Downloads killed mid-flight (kill -9, a lost pod) leave temp files or unfinished multipart uploads;
        # anything older than the longest a download may take is abandoned.
        swept = store.sweep_abandoned(
            timedelta(seconds=vault.download_timeout_seconds + vault.http_timeout_seconds)
        )
        if swept:
            context.log.info(f"removed {swept} abandoned partial downloads from {store!r}")
        with vault.http_client() as http:
            work = partial(
                vault_call,
                http=http,
                store=store,
                ringba=ringba.client,
                pool=database.pool(),
                run_id=context.run_id,
                max_bytes=vault.max_recording_bytes,
                timeout_seconds=vault.download_timeout_seconds,
            )
            return materialize_lane(
                context,
                lane=Lane.VAULT,
                database=database,
                work=work,
                concurrency=vault.concurrency,
                summarize=lambda _: {"abandoned_partials_removed": swept},
            )

    return vaulted_audio
