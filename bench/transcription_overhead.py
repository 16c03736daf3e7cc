"""What our engine costs on top of faster-whisper: raw `model.transcribe()` vs `Transcriber.transcribe()`.

Same process, same loaded model, same options, same audio. For a stereo call the raw side transcribes both
channels (that is the same work); ours adds decoding checks, word labelling, merging and turns. Prints the
median of `--runs` runs per file and raw/ours (1.0 = no overhead; target >= 0.95). Asserts nothing.

    python bench/transcription_overhead.py          # every committed synthetic call, bundled tiny.en
    python bench/transcription_overhead.py call.mp3 --model large-v3 --device cuda
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from faster_whisper import decode_audio

from callscript_dagster.transcription.engine import Transcriber, load_transcriber
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

RECORDINGS = DEFAULT_RECORDINGS_DIR


def raw_transcribe(transcriber: Transcriber, path: Path, stereo: bool) -> None:
    """faster-whisper alone on the file (both channels of a stereo call), the engine's model and options."""
    channels = decode_audio(str(path), split_stereo=True) if stereo else (decode_audio(str(path)),)
    batched, options = transcriber.batched_pipeline, transcriber.options  # batched on GPU, as the engine
    for channel in channels:
        if batched is not None:
            segments, _ = batched.transcribe(channel, batch_size=transcriber.batch_size, **options)
        else:
            segments, _ = transcriber.model.transcribe(channel, **options)
        for _ in segments:  # the work happens while the generator is consumed
            pass


def median_seconds(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Median wall time of each of `fns`, run in turns so that load from other processes hits all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, samples in zip(fns, times, strict=True):
            started = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - started)
    return [statistics.median(samples) for samples in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--model", default="")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--compute-type", default="auto")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    manifest = json.loads((RECORDINGS / "manifest.json").read_text())
    files = args.files or [RECORDINGS / entry["file"] for entry in manifest]

    started = time.perf_counter()
    transcriber = load_transcriber(
        args.model, device=args.device, compute_type=args.compute_type, batch_size=args.batch_size
    )
    print(
        f"model {transcriber.model_label} on {transcriber.device} ({transcriber.compute_type}), "
        f"loaded in {time.perf_counter() - started:.2f} s; median of {args.runs} runs\n"
    )
    print(f"{'file':34} {'audio s':>8} {'raw s':>7} {'ours s':>7} {'raw/ours':>8} {'x realtime':>10}  labels")
    total_raw = total_ours = total_audio = 0.0
    for path in files:
        result = transcriber.transcribe(path)  # warm-up; also says whether the call is stereo
        stereo = result.diarization == "channels"
        raw_s, ours_s = median_seconds(
            [partial(raw_transcribe, transcriber, path, stereo), partial(transcriber.transcribe, path)],
            args.runs,
        )
        total_raw += raw_s
        total_ours += ours_s
        total_audio += result.audio_seconds
        print(
            f"{path.name:34} {result.audio_seconds:8.1f} {raw_s:7.2f} {ours_s:7.2f} {raw_s / ours_s:8.3f} "
            f"{result.audio_seconds / ours_s:10.1f}  {result.diarization}"
        )
    print(
        f"{'total':34} {total_audio:8.1f} {total_raw:7.2f} {total_ours:7.2f} {total_raw / total_ours:8.3f} "
        f"{total_audio / total_ours:10.1f}"
    )


if __name__ == "__main__":
    main()
