"""Transcription speed by Whisper beam width on the evaluation corpus (CPU, the bundled tiny.en).

    .venv/bin/python bench/beam_size.py --calls 12 --beams 1 5 --rounds 2

Prints audio seconds per compute second for each beam width; accuracy by beam width is `callscript eval
eval/ --beam-size N` (eval/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from callscript_dagster.transcription.engine import load_transcriber

EVAL = Path(__file__).resolve().parent.parent / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=12, help="the first N calls of eval/labels.jsonl")
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--rounds", type=int, default=2, help="alternate the beam widths this many times")
    args = parser.parse_args()
    labels = [json.loads(line) for line in (EVAL / "labels.jsonl").read_text().splitlines()][: args.calls]
    for _ in range(args.rounds):
        for beam in args.beams:
            transcriber = load_transcriber("", beam_size=beam)
            audio = 0.0
            started = time.perf_counter()
            for entry in labels:
                audio += transcriber.transcribe(EVAL / entry["audio"]).audio_seconds
            seconds = time.perf_counter() - started
            print(f"beam {beam}: {audio:.0f} s of audio in {seconds:.1f} s = {audio / seconds:.1f}x realtime")


if __name__ == "__main__":
    main()
