"""Factory lane: each vaulted recording transcribed by faster-whisper, with speaker labels."""

from functools import partial
from typing import TYPE_CHECKING

import dagster as dg
import psycopg
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from callscript_dagster.assets.lane_asset import lane_asset, materialize_lane
from callscript_dagster.calls.lanes import ClaimedCall, Lane, WorkDone
from callscript_dagster.db.sql import query
from callscript_dagster.errors import PermanentError
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.storage import RecordingStore

if TYPE_CHECKING:
    from callscript_dagster.transcription import Transcriber

# What the GPU run launcher routes on: runs that include this asset want a GPU worker.
GPU_TAGS = {"callscript/compute": "gpu"}


def transcribe_call(
    call: ClaimedCall,
    *,
    pool: ConnectionPool,
    store: RecordingStore,
    transcriber: "Transcriber",
    run_id: str,
    gpu_cost_per_hour: float,
) -> WorkDone:
    """Transcribe one call's vaulted recording; stereo calls get agent/caller labels from their channels."""
    with pool.connection() as conn:
        recording = conn.execute(query("recording_of_call"), {"call_id": call.call_id}).fetchone()
    if recording is None:
        raise PermanentError("no vaulted recording for this call")
    with store.local_path(recording["storage_key"]) as path:
        result = transcriber.transcribe(path)
    transcript = result.transcript
    cost = result.compute_seconds / 3600 * gpu_cost_per_hour if result.device == "cuda" else 0.0

    def persist(conn: psycopg.Connection) -> None:
        conn.execute(
            query("save_transcript"),
            {
                "call_id": call.call_id,
                "language": transcript.language,
                "model": result.model,
                "device": result.device,
                "compute_type": result.compute_type,
                "diarization": result.diarization,
                "turns": Jsonb([t.model_dump() for t in transcript.turns]),
                "words": Jsonb([w.model_dump() for w in transcript.words]),
                "full_text": transcript.text,
                "audio_seconds": result.audio_seconds,
                "compute_seconds": result.compute_seconds,
                "gpu_cost_usd": cost,
                "run_id": run_id,
            },
        )

    return WorkDone(
        persist=persist,
        metrics={
            "audio_seconds": result.audio_seconds,
            "compute_seconds": result.compute_seconds,
            "words": len(transcript.words),
            "gpu_cost_usd": cost,
        },
        message=f"{len(transcript.turns)} turns, {result.audio_seconds:.0f} s audio at {result.realtime_factor:.1f}x",
    )


def build_transcripts(
    partitions_def: dg.PartitionsDefinition, vaulted_audio: dg.AssetsDefinition, work_version: str
) -> dg.AssetsDefinition:
    """`work_version`: the transcriber's (`TranscriberResource.work_version`); a new model makes every
    transcribed partition stale in the UI."""

    @lane_asset(
        Lane.FACTORY,
        partitions_def=partitions_def,
        upstream=vaulted_audio,
        kinds={"whisper", "postgres"},
        op_tags=GPU_TAGS,
        pool="gpu",
        code_version=work_version,
    )
    def transcripts(
        context: dg.AssetExecutionContext,
        database: DatabaseResource,
        storage: StorageResource,
        transcriber: TranscriberResource,
    ) -> dg.MaterializeResult:
        """Each vaulted recording transcribed by faster-whisper (CUDA float16 batched on a GPU, int8 on CPU;
        VAD and word timestamps on), stored in `core.transcripts` as speaker turns, words and full text with
        audio and compute seconds (so realtime factor and GPU cost per call are queryable).

        Stereo recordings are transcribed per channel and labelled agent/caller; mono recordings use a local
        pyannote pipeline when configured, else one `unknown` speaker. CUDA out-of-memory retries with a
        smaller batch; undecodable audio fails the call permanently."""
        work = partial(
            transcribe_call,
            pool=database.pool(),
            store=storage.store,
            transcriber=transcriber.transcriber,  # loaded once for the run, shared by its calls
            run_id=context.run_id,
            gpu_cost_per_hour=transcriber.gpu_cost_per_hour,
        )
        return materialize_lane(
            context,
            lane=Lane.FACTORY,
            database=database,
            work=work,
            concurrency=1,
            work_version=transcriber.work_version,  # what did the work, even if run config changed the model
            summarize=lambda _report: transcriber.pod_metadata(),  # GPU type, pod seconds and cost on RunPod
        )

    return transcripts
