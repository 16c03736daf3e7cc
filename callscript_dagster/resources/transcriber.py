"""faster-whisper as a Dagster resource: the Factory lane's model, loaded once per run process."""

from __future__ import annotations

import threading

import dagster as dg

from callscript_dagster.settings import Settings, get_settings
from callscript_dagster.transcription import Transcriber, load_transcriber

# One model per configuration per process: loading large-v3 on a GPU takes tens of seconds and gigabytes, so
# every call (and every thread) of a run shares it. Keyed by configuration so tests can hold two.
_TRANSCRIBERS: dict[tuple, Transcriber] = {}
_LOAD_LOCK = threading.Lock()


class TranscriberResource(dg.ConfigurableResource):
    """Whisper transcription with speaker labels (agent/caller by channel on stereo calls). Defaults come from
    the CALLSCRIPT_WHISPER_* settings; "auto" means CUDA + float16 + batched inference when a GPU is visible,
    else CPU int8."""

    model: str = ""  # a faster-whisper model name or a local CTranslate2 directory; empty: bundled tiny.en
    device: str = "auto"  # auto | cpu | cuda
    compute_type: str = "auto"
    batch_size: int = 16
    cpu_threads: int = 0  # 0: CTranslate2's default (OMP_NUM_THREADS, else 4)
    agent_channel: int = 0  # which stereo channel is the agent; the other is the caller
    diarization_pipeline: str | None = None  # local pyannote config.yaml for mono calls ([diarization] extra)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> TranscriberResource:
        """The resource as the environment configures it."""
        s = settings or get_settings()
        return cls(
            model=s.whisper_model,
            device=s.whisper_device,
            compute_type=s.whisper_compute_type,
            batch_size=s.whisper_batch_size,
            cpu_threads=s.whisper_cpu_threads,
            agent_channel=s.agent_channel,
            diarization_pipeline=str(s.diarization_pipeline) if s.diarization_pipeline else None,
        )

    def get_transcriber(self) -> Transcriber:
        """This process's `Transcriber` for this configuration, loading the model on first use (thread-safe).

        Raises RuntimeError naming the setting at fault when the model or device can't be had: that is a
        configuration error for the whole run, not a failure of one call."""
        key = (
            self.model,
            self.device,
            self.compute_type,
            self.batch_size,
            self.cpu_threads,
            self.agent_channel,
            self.diarization_pipeline,
        )
        if (transcriber := _TRANSCRIBERS.get(key)) is not None:
            return transcriber
        with _LOAD_LOCK:
            if key not in _TRANSCRIBERS:
                _TRANSCRIBERS[key] = load_transcriber(
                    self.model,
                    device=self.device,
                    compute_type=self.compute_type,
                    batch_size=self.batch_size,
                    cpu_threads=self.cpu_threads,
                    agent_channel=self.agent_channel,
                    diarization_pipeline=self.diarization_pipeline,
                )
            return _TRANSCRIBERS[key]
