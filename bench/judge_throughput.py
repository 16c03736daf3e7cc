"""Judge throughput: rules-only, and rules + LLM against the OpenAI simulator with bounded concurrency.

    python bench/judge_throughput.py [--minutes 5 30] [--calls 40] [--threads 1 4 8] [--latency 0.05]

Transcripts are synthetic but call-like: the shipped fixture scripts' lines (agent and caller, disclosures,
pitches, do-not-call requests, SSNs read aloud, ...) drawn at random and laid end to end, word by word at the
scripts' own pace, until the call is N minutes long. Rules-only judging is CPU-bound; LLM judging is bound by
the model's latency, so it is measured with a fixed simulated latency at 1, 4 and 8 threads.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from callscript_dagster.judge.verdict import judge_call
from callscript_dagster.policy import load_policy
from callscript_dagster.resources.judge import LlmJudge
from callscript_dagster.transcript import Transcript, Word, turns_from_words
from callscript_simulators.openai import OpenAISimulator
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

CAMPAIGN = "Medicare Advantage"  # every rule applies, TPMO included
KEY = "sk-bench"


def synthetic_call(minutes: float, seed: int) -> Transcript:
    """A call of about `minutes`, made of fixture lines in random order."""
    manifest = json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())
    lines = [line for entry in manifest for line in entry["lines"]]
    rng = random.Random(seed)
    words: list[Word] = []
    at = 0.5
    while at < minutes * 60:
        line = rng.choice(lines)
        texts = line["text"].split()
        step = (line["end"] - line["start"]) / len(texts)
        words += [
            Word(start=at + i * step, end=at + (i + 0.8) * step, text=f" {t}", speaker=line["speaker"])
            for i, t in enumerate(texts)
        ]
        at += len(texts) * step + rng.uniform(0.3, 1.2)
    return Transcript(turns=turns_from_words(words), words=words, duration=at)


def rules_only(minutes: float, calls: int) -> None:
    policy = load_policy()
    transcripts = [synthetic_call(minutes, seed) for seed in range(calls)]
    began = time.perf_counter()
    verdicts = [judge_call(policy, t, campaign=CAMPAIGN, llm=None).verdict for t in transcripts]
    seconds = time.perf_counter() - began
    words = statistics.mean(len(t.words) for t in transcripts)
    print(
        f"rules-only  {minutes:>4g} min ({words:,.0f} words): {calls / seconds:8.1f} calls/s "
        f"{1000 * seconds / calls:7.1f} ms/call  verdicts {dict(sorted(_count(verdicts).items()))}"
    )


def with_llm(minutes: float, calls: int, threads: list[int], latency: float) -> None:
    policy = load_policy()
    transcripts = [synthetic_call(minutes, seed) for seed in range(calls)]
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
    args = parser.parse_args()
    for minutes in args.minutes:
        rules_only(minutes, args.calls)
    for minutes in args.minutes:
        with_llm(minutes, args.calls, args.threads, args.latency)


if __name__ == "__main__":
    main()
