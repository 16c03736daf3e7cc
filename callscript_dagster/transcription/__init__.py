"""Transcription: faster-whisper per channel with speaker labels (see `engine`)."""

from callscript_dagster.transcription.engine import (
    BUNDLED_MODEL_LABEL,
    Transcriber,
    TranscriptionResult,
    load_transcriber,
)

__all__ = ["BUNDLED_MODEL_LABEL", "Transcriber", "TranscriptionResult", "load_transcriber"]
