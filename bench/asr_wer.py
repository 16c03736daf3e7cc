"""Word error rate of the transcriber on the evaluation corpus, by model and decoding option (CPU).

    .venv/bin/python bench/asr_wer.py eval/ --split tune --variant base --variant 'temperature=[0.0]'

The reference is what each call's script says (`lines` of labels.jsonl); both sides are normalized like the
Judge's text (`callscript_dagster.text.tokens`), so "1-800" and "one eight hundred" agree. A variant is `base`
(the engine's options) or `key=value;key=value` overrides of faster-whisper's `transcribe` options, the value
a Python literal. Prints WER over all words and over the agent's lines begun in their first 30 s (where the
disclosure and the introduction are; on a mono call the caller's words there count as errors), and speed.
Verdicts per option are `callscript eval`; this isolates what the recognizer hears.
"""

from __future__ import annotations

import argparse
import ast
import json
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from callscript_dagster.text import tokens
from callscript_dagster.transcription.engine import load_transcriber


def parse_variant(text: str) -> dict:
    if text == "base":
        return {}
    pairs = (item.split("=", 1) for item in text.split(";") if item.strip())
    return {key.strip(): ast.literal_eval(value.strip()) for key, value in pairs}


def errors(reference: list[str], hypothesis: list[str]) -> int:
    return Levenshtein.distance(reference, hypothesis)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--split", default="all", help="tune, report or all")
    parser.add_argument("--variant", action="append", default=[], help="base, or key=value;... overrides")
    parser.add_argument("--calls", type=int, default=0, help="only the first N calls of each corpus (0: all)")
    parser.add_argument(
        "--model", default="", help="Whisper model name or CTranslate2 directory (default: bundled)"
    )
    args = parser.parse_args()
    entries = []
    for corpus in args.corpus:
        labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text().splitlines()]
        labels = [e for e in labels if args.split in ("all", e["split"])]
        entries += [(corpus, e) for e in labels[: args.calls or None]]
    transcriber = load_transcriber(args.model)
    base = dict(transcriber.options)
    for variant in args.variant or ["base"]:
        transcriber.options = {**base, **parse_variant(variant)}
        wrong = total = opening_wrong = opening_total = 0
        audio = 0.0
        started = time.perf_counter()
        for corpus, entry in entries:
            result = transcriber.transcribe(corpus / entry["audio"])
            audio += result.audio_seconds
            words = result.transcript.words
            said = tokens(" ".join(line["text"] for line in entry["lines"]))
            heard = tokens(" ".join(w.text for w in words))
            wrong += errors(said, heard)
            total += len(said)
            # The agent's lines begun in their first 30 s, against what the agent's side (or a mono call) was
            # heard to say until those lines ended.
            agent_lines = [line for line in entry["lines"] if line["speaker"] == "agent"]
            first = min((line["start"] for line in agent_lines), default=0.0)
            opening = [line for line in agent_lines if line["start"] < first + 30]
            until = max((line["end"] for line in opening), default=first)
            said_open = tokens(" ".join(line["text"] for line in opening))
            agent = [w for w in words if w.speaker in ("agent", "unknown") and w.start < until]
            heard_open = tokens(" ".join(w.text for w in agent))
            opening_wrong += errors(said_open, heard_open)
            opening_total += len(said_open)
        seconds = time.perf_counter() - started
        print(
            f"{args.model or 'tiny.en'} {variant:40s} WER {wrong / total:6.1%}  agent's first 30 s {opening_wrong / opening_total:6.1%}  "
            f"({len(entries)} calls, {audio:.0f} s audio, {audio / seconds:.1f}x realtime)",
            flush=True,
        )


if __name__ == "__main__":
    main()
