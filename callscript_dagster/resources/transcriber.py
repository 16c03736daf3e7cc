"""faster-whisper as a Dagster resource: the Factory lane's model, loaded once when a run starts using it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import dagster as dg
from pydantic import PrivateAttr

if TYPE_CHECKING:
    from callscript_dagster.transcription import Transcriber


class TranscriberResource(dg.ConfigurableResource):
    """Whisper transcription with speaker labels (agent/caller by channel on stereo calls). "auto" means CUDA +
    float16 + batched inference when a GPU is visible, else CPU int8.

    The model is loaded when a run starts using the resource and shared by all of the run's calls and threads;
    a model or device that cannot be had fails the run at once with the setting to fix."""

    model: str = ""  # a faster-whisper model name or a local CTranslate2 directory; empty: bundled tiny.en
    device: str = "auto"  # auto | cpu | cuda
    compute_type: str = "auto"
    batch_size: int = 16
    beam_size: int = 5  # 1 is greedy: faster, but it mishears more of an 8 kHz call
    cpu_threads: int = 0  # 0: CTranslate2's default (OMP_NUM_THREADS, else 4)
    agent_channel: int = 0  # which stereo channel is the agent; the other is the caller
    diarization_pipeline: str | None = None  # local pyannote config.yaml for mono calls ([diarization] extra)
    gpu_cost_per_hour: float = 0.0  # what a GPU hour costs, for the cost of each transcript
    # On a RunPod pod: its GPU type and when it started (its entrypoint sets both, and the price above).
    gpu_type: str = ""
    pod_started_at: float | None = None

    _transcriber: Any = PrivateAttr(default=None)  # a Transcriber once loaded

    @property
    def transcriber(self) -> Transcriber:
        """The loaded model and how to use it (loaded on first use, then kept)."""
        if self._transcriber is None:
            # imported here: faster-whisper, CTranslate2 and PyAV cost every run worker a second otherwise
            from callscript_dagster.transcription import load_transcriber

            self._transcriber = load_transcriber(
                self.model,
                device=self.device,
                compute_type=self.compute_type,
                batch_size=self.batch_size,
                beam_size=self.beam_size,
                cpu_threads=self.cpu_threads,
                agent_channel=self.agent_channel,
                diarization_pipeline=self.diarization_pipeline,
            )
        return self._transcriber

    def pod_metadata(self) -> dict[str, Any]:
        """GPU type, pod seconds so far and their cost, for a materialization on a RunPod pod (else empty)."""
        if self.pod_started_at is None:
            return {}
        seconds = max(0.0, time.time() - self.pod_started_at)
        return {
            "gpu_type": self.gpu_type,
            "pod_seconds": round(seconds, 1),
            "gpu_cost_per_hour_usd": self.gpu_cost_per_hour,
            "pod_cost_usd": round(seconds / 3600 * self.gpu_cost_per_hour, 6),
        }

    @property
    def work_version(self) -> str:
        """What a transcript is current for: a different model makes existing transcripts stale."""
        return f"whisper:{self.model or 'tiny.en'}"
