"""The Factory's engine with the real Whisper tiny.en model on the committed synthetic calls: what a
compliance reviewer relies on — the key phrases are there, said by the right party, at the right time."""

from __future__ import annotations

import difflib
import functools
import importlib.util
import json
import re
import wave
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from callscript_dagster.errors import PermanentError, TransientError
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.transcript import Word
from callscript_dagster.transcription.engine import (
    BUNDLED_MODEL_LABEL,
    Transcriber,
    TranscriptionResult,
    decode_channels,
    is_cuda_out_of_memory,
    resolve_device,
    resolve_model,
    with_batch_backoff,
)
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

RECORDINGS = DEFAULT_RECORDINGS_DIR
MANIFEST = {entry["file"]: entry for entry in json.loads((RECORDINGS / "manifest.json").read_text())}

STEREO_KEY_PHRASES = {
    "compliant_stereo.mp3": ["this call is being recorded", "how can i help you today"],
    "guaranteed_approval_stereo.wav": ["this call is being recorded", "guaranteed to be approved"],
}
MONO_FILE = "medicare_compliant_mono.wav"
MONO_KEY_PHRASES = ["this call is being recorded", "we do not offer every plan available in your area"]


@pytest.fixture(scope="module")
def transcriber() -> Transcriber:
    """The bundled tiny.en on CPU, loaded once for the module through the resource, as a run would."""
    return TranscriberResource(device="cpu").transcriber


@pytest.fixture(scope="module")
def transcribe(transcriber: Transcriber) -> Callable[[str], TranscriptionResult]:
    """Transcribe a committed recording once per module, however many tests look at it."""
    return functools.cache(lambda name: transcriber.transcribe(RECORDINGS / name))


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9' ]+", "", text.lower().replace("-", " ")).strip()


def find_phrase(words: list[Word], phrase: str, min_ratio: float = 0.8) -> list[Word] | None:
    """The run of transcript words that best spells `phrase` (case and punctuation ignored), or None.

    Whisper's int8 kernels differ by CPU (oneDNN on AMD, MKL on Intel), so tiny.en may mishear one word of a
    phrase on one machine and not on another; a run matching at least `min_ratio` of the phrase counts."""
    tokens = [_norm(word.text) for word in words]
    target = _norm(phrase).split()
    best, best_ratio = None, min_ratio
    for length in (len(target) - 1, len(target), len(target) + 1):
        for i in range(len(tokens) - length + 1):
            ratio = difflib.SequenceMatcher(None, tokens[i : i + length], target).ratio()
            if ratio >= best_ratio and (best is None or ratio > best_ratio):
                best, best_ratio = words[i : i + length], ratio
    return best


def manifest_line(file: str, phrase: str) -> dict:
    return next(line for line in MANIFEST[file]["lines"] if _norm(phrase) in _norm(line["text"]))


@pytest.mark.parametrize("file", sorted(STEREO_KEY_PHRASES))
def test_stereo_call_key_phrases_are_found_where_they_were_said(file: str, transcribe) -> None:
    result = transcribe(file)
    assert result.diarization == "channels"
    for phrase in STEREO_KEY_PHRASES[file]:
        found = find_phrase(result.transcript.words, phrase)
        assert found, f"{phrase!r} not in {result.transcript.text!r}"
        line = manifest_line(file, phrase)
        assert {word.speaker for word in found} == {line["speaker"]}
        assert line["start"] - 1 <= found[0].start and found[-1].end <= line["end"] + 1, (found, line)


@pytest.mark.parametrize("file", sorted(STEREO_KEY_PHRASES))
def test_stereo_call_attributes_every_line_to_its_speaker(file: str, transcribe) -> None:
    words = transcribe(file).transcript.words
    for line in MANIFEST[file]["lines"]:
        spoken = [w.speaker for w in words if line["start"] <= (w.start + w.end) / 2 <= line["end"]]
        assert spoken, f"no words transcribed for {line['text']!r}"
        assert Counter(spoken).most_common(1)[0][0] == line["speaker"], (line, spoken)


@pytest.mark.parametrize("file", sorted(STEREO_KEY_PHRASES))
def test_turns_are_time_ordered_and_each_speaker_speaks_one_turn_at_a_time(file: str, transcribe) -> None:
    turns = transcribe(file).transcript.turns
    assert {turn.speaker for turn in turns} == {"agent", "caller"}
    assert [t.start for t in turns] == sorted(t.start for t in turns)
    for speaker in ("agent", "caller"):
        own = [t for t in turns if t.speaker == speaker]
        assert all(a.end <= b.start for a, b in zip(own, own[1:], strict=False)), own
        assert all(t.start <= t.end and t.text for t in own)


def test_mono_call_is_transcribed_without_speakers(transcribe) -> None:
    result = transcribe(MONO_FILE)
    assert result.diarization == "none"
    assert {word.speaker for word in result.transcript.words} == {"unknown"}
    assert result.transcript.speakers == ["unknown"]
    for phrase in MONO_KEY_PHRASES:
        assert find_phrase(result.transcript.words, phrase), f"{phrase!r} not in {result.transcript.text!r}"


def test_mono_call_saved_as_stereo_is_treated_as_mono(transcriber: Transcriber, tmp_path: Path) -> None:
    (mono,) = decode_channels(RECORDINGS / MONO_FILE)
    first_lines = np.round(mono[: 16_000 * 12] * 32767).astype("<i2")
    path = tmp_path / "mono_as_stereo.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(np.repeat(first_lines, 2).tobytes())  # L R L R …: the same signal twice

    result = transcriber.transcribe(path)

    assert result.diarization == "none"
    assert result.transcript.speakers == ["unknown"]
    assert find_phrase(result.transcript.words, "this call is being recorded")
    assert result.audio_seconds == pytest.approx(12, abs=0.01)


def test_mono_call_without_pyannote_installed_falls_back_to_unknown(transcriber: Transcriber) -> None:
    if importlib.util.find_spec("pyannote") is not None:
        pytest.skip("pyannote is installed")
    configured = Transcriber(
        transcriber.model,
        model_label=transcriber.model_label,
        device="cpu",
        compute_type=transcriber.compute_type,
        diarization_pipeline="/nonexistent/pyannote/config.yaml",
    )
    result = configured.transcribe(RECORDINGS / "no_disclosure_mono.mp3")
    assert result.diarization == "none"
    assert result.transcript.speakers == ["unknown"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("random.mp3", np.random.default_rng(3).bytes(50_000)),
        ("error_page.mp3", b"<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>\n" * 40),
        ("empty.wav", b""),
        (
            "header_only.wav",  # a valid WAV header and no samples
            b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00"
            b"\x80>\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00",
        ),
    ],
)
def test_undecodable_recording_is_a_permanent_failure(
    name: str, content: bytes, transcriber: Transcriber, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PermanentError, match="decod|no audio"):
        transcriber.transcribe(path)


@pytest.mark.parametrize("file", [*sorted(STEREO_KEY_PHRASES), MONO_FILE])
def test_result_reports_audio_length_compute_and_model(file: str, transcribe) -> None:
    result = transcribe(file)
    assert result.audio_seconds == pytest.approx(MANIFEST[file]["duration_seconds"], abs=0.5)
    assert result.transcript.duration == pytest.approx(result.audio_seconds, abs=0.01)
    assert result.compute_seconds > 0 and result.realtime_factor > 0
    assert (result.model, result.device, result.compute_type) == (BUNDLED_MODEL_LABEL, "cpu", "int8")
    assert result.transcript.language == "en"


def test_resource_loads_the_model_once_and_shares_it_with_every_call(transcriber: Transcriber) -> None:
    resource = TranscriberResource(device="cpu")
    assert resource.transcriber is resource.transcriber
    assert resource.work_version == "whisper:tiny.en"


@pytest.mark.parametrize("model", ["/nonexistent/whisper-model", "no-such-whisper-model"])
def test_unavailable_model_is_a_configuration_error(model: str) -> None:
    with pytest.raises(RuntimeError, match="CALLSCRIPT_WHISPER_MODEL") as caught:
        resolve_model(model)
    assert not isinstance(caught.value, PermanentError)


def test_bundled_and_local_models_resolve_to_their_directory(tmp_path: Path) -> None:
    path, label = resolve_model("")
    assert (Path(path) / "model.bin").is_file() and label == "tiny.en"
    assert resolve_model(str(tmp_path)) == (str(tmp_path), str(tmp_path))


@pytest.mark.parametrize(
    ("device", "compute_type", "cuda_devices", "expected"),
    [
        ("auto", "auto", 0, ("cpu", "int8")),
        ("auto", "auto", 1, ("cuda", "float16")),
        ("cpu", "auto", 2, ("cpu", "int8")),
        ("cuda", "int8_float16", 1, ("cuda", "int8_float16")),
        ("auto", "float32", 0, ("cpu", "float32")),
    ],
)
def test_resolve_device(device: str, compute_type: str, cuda_devices: int, expected: tuple[str, str]) -> None:
    assert resolve_device(device, compute_type, cuda_devices) == expected


def test_cuda_requested_without_a_gpu_is_a_configuration_error() -> None:
    with pytest.raises(RuntimeError, match="CALLSCRIPT_WHISPER_DEVICE"):
        resolve_device("cuda", "auto", 0)


CT2_OOM = "CUDA failed with error out of memory"


@pytest.mark.parametrize(
    ("fits_at", "start", "tried", "outcome"),
    [
        pytest.param(16, 16, [16], "ok", id="fits"),
        pytest.param(4, 16, [16, 8, 4], "ok", id="halves until it fits"),
        pytest.param(1, 5, [5, 2, 1], "ok", id="down to one"),
        pytest.param(0, 16, [16, 8, 4, 2, 1], TransientError, id="never fits: transient"),
    ],
)
def test_cuda_out_of_memory_backs_off_batch_size(fits_at: int, start: int, tried: list[int], outcome) -> None:
    attempts: list[int] = []

    def run(batch_size: int) -> str:
        attempts.append(batch_size)
        if batch_size > fits_at:
            raise RuntimeError(CT2_OOM)
        return "ok"

    if outcome == "ok":
        assert with_batch_backoff(run, start) == "ok"
    else:
        with pytest.raises(outcome, match="CUDA out of memory"):
            with_batch_backoff(run, start)
    assert attempts == tried


def test_other_errors_are_not_retried() -> None:
    attempts: list[int] = []

    def run(batch_size: int) -> None:
        attempts.append(batch_size)
        raise RuntimeError("unsupported compute type")

    with pytest.raises(RuntimeError, match="unsupported"):
        with_batch_backoff(run, 16)
    assert attempts == [16]


@pytest.mark.parametrize(
    ("exc", "oom"),
    [
        (RuntimeError(CT2_OOM), True),
        (RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"), True),  # torch (pyannote)
        (RuntimeError("cuBLAS failed"), False),
        (MemoryError(), False),  # host RAM: not a GPU batch problem
        (ValueError("out of memory"), False),
    ],
)
def test_is_cuda_out_of_memory(exc: BaseException, oom: bool) -> None:
    assert is_cuda_out_of_memory(exc) is oom
