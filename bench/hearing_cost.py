"""What the transcriber's hearing costs the Judge, call by call: each corpus judged twice with one policy,
once on its labelled lines (`callscript eval --said`: every word heard as said) and once on the bundled
model's transcripts (cached as `callscript eval` caches them).

    .venv/bin/python bench/hearing_cost.py eval/holdout13 eval/holdout13-flite --cache-dir /tmp/eval-cache

Per corpus it prints both rows of scores and sorts the errors the targets count (a compliant call flagged or
sent to review, a violating call passed) by where they come from: made on what was said too (the policy: a
wording no pattern holds, or a pattern too wide) or only on what was heard (the hearing). Rules only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from callscript_dagster.evaluation import (
    SaidTranscripts,
    TranscriptSource,
    evaluate_corpus,
    load_corpus,
    scores,
)
from callscript_dagster.policy import load_policy
from callscript_dagster.settings import get_settings
from callscript_dagster.transcription.engine import load_transcriber

# The errors the targets count: (expected verdict, the Judge's)
ERRORS = {
    "false flags": ("compliant", "flagged"),
    "compliant sent to review": ("compliant", "needs_review"),
    "misses": ("flagged", "compliant"),
}


def row(name: str, results) -> str:
    s = scores([(r.call.expected_verdict == "flagged", r.predicted) for r in results])
    review = s["needs_review_rate_compliant"]
    return (
        f"  {name:6s} precision {s['flagged_precision']}  recall {s['violating_recall']}  "
        f"review {100 * review:.0f} %  false flags {s['false_flags']}  misses {s['missed']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--policy", type=Path, default=None)
    args = parser.parse_args()
    settings = get_settings()
    policy = load_policy(args.policy or settings.policy_path)
    transcriber = load_transcriber("", beam_size=settings.whisper_beam_size)
    heard_source = TranscriptSource.heard_by(
        transcriber, args.cache_dir or settings.home_dir / "eval-transcripts"
    )
    print(f"policy {policy.version}, rules only, heard by {transcriber.model_label}")
    for corpus in args.corpus:
        calls = load_corpus(corpus)
        said = evaluate_corpus(corpus, calls, policy, SaidTranscripts())
        heard = evaluate_corpus(corpus, calls, policy, heard_source)
        errors: dict[str, Counter[str]] = {kind: Counter() for kind in ERRORS}
        for s, h in zip(said, heard, strict=True):
            for kind, (expected, predicted) in ERRORS.items():
                if h.call.expected_verdict == expected:
                    if h.predicted == predicted:
                        errors[kind]["policy" if s.predicted == predicted else "hearing"] += 1
                    elif s.predicted == predicted:
                        errors[kind]["only as said"] += 1
        print(f"{corpus} ({len(calls)} calls)")
        print(row("said", said))
        print(row("heard", heard))
        for kind, counts in errors.items():
            print(
                f"  {kind} as heard {counts['policy'] + counts['hearing']}: {counts['policy']} as said too "
                f"(policy), {counts['hearing']} only as heard (hearing); "
                f"{counts['only as said']} only as said"
            )


if __name__ == "__main__":
    main()
