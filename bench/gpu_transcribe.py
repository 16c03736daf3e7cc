"""Transcription on a CUDA GPU as a RunPod pod runs it: float16, faster-whisper's batched pipeline, the largest
model available locally. Prints the realtime factor per batch size, peak GPU memory and the largest batch size
that fit (CUDA out-of-memory ends the climb). Asserts nothing.

    python bench/gpu_transcribe.py                         # shipped synthetic calls, x8, the largest local model
    python bench/gpu_transcribe.py calls/*.mp3 --model /models/large-v3 --batch-sizes 8,16,32,64,128

Without a GPU it says so and measures the CPU int8 path instead, labelled as such: those numbers are NOT GPU
numbers. Model choice: --model, else CALLSCRIPT_WHISPER_MODEL, else the largest faster-whisper model in the
local Hugging Face cache, else the bundled tiny.en (nothing is downloaded).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

# Largest first: the first one found locally is used.
_MODEL_NAMES = [
    "large-v3",
    "large-v2",
    "distil-large-v3",
    "medium.en",
    "medium",
    "small.en",
    "small",
    "base.en",
]


def largest_local_model() -> str:
    """A local model name or directory, or "" (the bundled tiny.en)."""
    from faster_whisper.utils import download_model

    if os.environ.get("CALLSCRIPT_WHISPER_MODEL"):
        return os.environ["CALLSCRIPT_WHISPER_MODEL"]
    for name in _MODEL_NAMES:
        try:
            return download_model(name, local_files_only=True)
        except Exception:  # noqa: BLE001 - not in the cache
            continue
    return ""


class GpuMemoryPeak:
    """Peak used GPU memory (MiB) while the block runs, sampled from nvidia-smi every 0.2 s."""

    def __init__(self) -> None:
        self.peak_mib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            try:
                out = subprocess.run(
                    ["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits"],
                    capture_output=True,
                    text=True,
                    timeout=5,
                ).stdout
                self.peak_mib = max([self.peak_mib, *(int(v) for v in out.split() if v.strip().isdigit())])
            except (OSError, subprocess.SubprocessError):
                return

    def __enter__(self) -> GpuMemoryPeak:
        if shutil.which("nvidia-smi"):
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()


def main() -> None:
    import ctranslate2
    from faster_whisper import BatchedInferencePipeline, WhisperModel, decode_audio

    from callscript_dagster.transcription.engine import is_cuda_out_of_memory, resolve_model
    from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=8, help="each file this many times (a realistic batch)")
    parser.add_argument("--batch-sizes", default="4,8,16,32,64")
    args = parser.parse_args()

    gpus = ctranslate2.get_cuda_device_count()
    device, compute_type = ("cuda", "float16") if gpus else ("cpu", "int8")
    model_dir, label = resolve_model(args.model if args.model is not None else largest_local_model())
    files = args.files or sorted(DEFAULT_RECORDINGS_DIR.glob("*.mp3"))
    audio = [decode_audio(str(f)) for f in files] * args.repeat
    audio_seconds = sum(len(a) for a in audio) / 16000
    if not gpus:
        print("NO CUDA GPU VISIBLE: this is NOT a GPU measurement — CPU int8 fallback, one batch size only.")
    print(
        f"model {label} on {device} ({compute_type}); {len(audio)} recordings, {audio_seconds:.0f} s of audio"
    )

    started = time.perf_counter()
    model = WhisperModel(model_dir, device=device, compute_type=compute_type)
    print(f"model loaded in {time.perf_counter() - started:.1f} s")
    pipeline = BatchedInferencePipeline(model)
    options = {"language": "en", "word_timestamps": True, "vad_filter": True}
    sizes = [int(s) for s in args.batch_sizes.split(",")] if gpus else [1]
    reached = 0
    print(f"{'batch':>6} {'wall s':>8} {'x realtime':>11} {'peak GPU MiB':>13}")
    for size in sizes:
        try:
            with GpuMemoryPeak() as memory:
                started = time.perf_counter()
                for samples in audio:
                    if gpus:
                        segments, _ = pipeline.transcribe(samples, batch_size=size, **options)
                    else:
                        segments, _ = model.transcribe(samples, **options)
                    for _ in segments:  # the work happens while the generator is consumed
                        pass
                wall = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - out of memory ends the climb
            if is_cuda_out_of_memory(exc):
                print(f"{size:>6} CUDA out of memory: the largest batch size that fits is {reached}")
                break
            raise
        reached = size
        peak = f"{memory.peak_mib:>13}" if gpus else f"{'-':>13}"
        print(f"{size:>6} {wall:>8.1f} {audio_seconds / wall:>11.1f} {peak}")
    print(f"largest batch size reached: {reached}" + ("" if gpus else " (CPU, not measured on a GPU)"))


if __name__ == "__main__":
    main()
