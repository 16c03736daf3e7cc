"""How well the Judge does on labelled calls: `callscript eval CORPUS`.

A corpus is a folder with `labels.jsonl` (one JSON object per call, see eval/README.md) and the audio it
names. Each call goes through the real transcription engine and the real `judge_call` (rules, and the LLM when
one is given); nothing touches the database. Transcripts are cached on disk under a key of the audio's sha256,
the model and every transcription option, so judging the same corpus again under a new policy takes seconds.
With `--said` the Judge reads each call's labelled `lines` instead (`SaidTranscripts`): what a transcriber
that missed no word would give, so the policy's errors and the model's can be told apart.

Definitions (a compliance team's questions, not a classifier's):
- flagged precision: of the calls the Judge flagged, the share that truly violate the policy;
- violating recall: of the violating calls, the share the Judge flagged or sent to review (a human sees them);
- needs_review rate: of the compliant calls, the share sent to review (a reviewer's wasted minutes);
- F1: the harmonic mean of flagged precision and violating recall.
Per rule the same, counting a call as positive for the rule when the rule is expected to fire, among the calls
the rule applies to (its campaign scope).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from callscript_dagster.judge.verdict import Judgment, LlmAssessor, judge_call
from callscript_dagster.policy import Policy
from callscript_dagster.transcript import AGENT, CALLER, UNKNOWN, Transcript, Word, turns_from_words, words_of
from callscript_dagster.transcription.engine import Transcriber

Expected = Literal["compliant", "flagged"]
Predicted = Literal["compliant", "flagged", "needs_review"]
Split = Literal["tune", "report", "all"]
LABELS_FILE = "labels.jsonl"
SNIPPET_SECONDS = 6.0  # transcript context either side of a piece of evidence
OPENING_SECONDS = 30.0  # where most rules look: shown for misses and absences
CACHE_FORMAT = 1  # bump when the cached transcript's shape changes


class CorpusError(ValueError):
    """The corpus folder or its labels are not usable; the message says which line and why."""


class SaidLine(BaseModel):
    """What one speaker said, and when in the recording (seconds)."""

    speaker: Literal["agent", "caller"]
    text: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)


class LabelledCall(BaseModel):
    """One line of labels.jsonl. Extra keys (family, variation, ...) are kept for the reader."""

    model_config = ConfigDict(extra="allow")

    call_id: str = Field(min_length=1)
    audio: str = Field(description="path of the recording, relative to the corpus folder")
    campaign: str | None = None
    expected_verdict: Expected
    expected_rules: list[str] = Field(default_factory=list)
    split: Literal["tune", "report"] = "report"
    description: str = ""
    channels: int | None = Field(default=None, ge=1, le=2, description="1: mono, 2: agent and caller apart")
    lines: list[SaidLine] | None = Field(default=None, description="what was said (for `--said`)")

    @field_validator("audio")
    @classmethod
    def _inside_corpus(cls, value: str) -> str:
        if Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError("must be a path inside the corpus folder")
        return value


def load_corpus(corpus: Path, split: Split = "all") -> list[LabelledCall]:
    """The labelled calls of `corpus` in `split`, checked: unique ids, audio present, verdict and rules agree."""
    labels = corpus / LABELS_FILE
    if not labels.is_file():
        raise CorpusError(f"{labels}: not found (a corpus is a folder with {LABELS_FILE} and its audio)")
    calls: list[LabelledCall] = []
    seen: set[str] = set()
    for number, line in enumerate(labels.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            call = LabelledCall.model_validate_json(line)
        except ValidationError as exc:
            raise CorpusError(
                f"{labels}:{number}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}"
            ) from None
        if call.call_id in seen:
            raise CorpusError(f"{labels}:{number}: call_id {call.call_id!r} appears twice")
        if (call.expected_verdict == "flagged") != bool(call.expected_rules):
            raise CorpusError(f"{labels}:{number}: expected_verdict and expected_rules disagree")
        if not (corpus / call.audio).is_file():
            raise CorpusError(f"{labels}:{number}: audio {call.audio!r} not found")
        seen.add(call.call_id)
        if split == "all" or call.split == split:
            calls.append(call)
    return calls


def check_rules_known(calls: Iterable[LabelledCall], policy: Policy) -> None:
    """Labels naming rules the policy does not have would count as misses forever: refuse them."""
    known = {rule.id for rule in policy.rules}
    unknown = sorted({r for call in calls for r in call.expected_rules} - known)
    if unknown:
        raise CorpusError(
            f"labels name rules the policy {policy.version} does not have: {', '.join(unknown)}"
        )


# --- transcripts, cached ------------------------------------------------------------------------------------


class TranscriptSource:
    """Transcripts of corpus audio: from the cache when this audio was transcribed with these exact settings,
    else from `transcribe` (the real engine), then cached. `identity` is everything that changes the output:
    model, device, compute type, decoding options, agent channel, diarization."""

    def __init__(self, cache_dir: Path, identity: dict, transcribe: Callable[[Path], Transcript]) -> None:
        self.cache_dir = cache_dir
        self.identity = {"format": CACHE_FORMAT, **identity}
        self._transcribe = transcribe
        self.transcribed = 0
        self.cached = 0

    def key(self, audio: Path) -> str:
        audio_sha = hashlib.sha256(audio.read_bytes()).hexdigest()
        settings = json.dumps(self.identity, sort_keys=True, default=str)
        return hashlib.sha256(f"{audio_sha}\n{settings}".encode()).hexdigest()

    def get(self, audio: Path) -> Transcript:
        path = self.cache_dir / f"{self.key(audio)}.json"
        if path.is_file():
            self.cached += 1
            return Transcript.model_validate_json(path.read_text())
        transcript = self._transcribe(audio)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(transcript.model_dump_json())
        tmp.replace(path)  # a reader never sees half a file
        self.transcribed += 1
        return transcript

    @classmethod
    def heard_by(cls, transcriber: Transcriber, cache_dir: Path) -> TranscriptSource:
        """What `transcriber` hears in corpus audio, cached under `cache_dir` per audio and its settings."""
        return cls(
            cache_dir,
            transcriber_identity(transcriber),
            lambda audio: transcriber.transcribe(audio).transcript,
        )

    def for_call(self, corpus: Path, call: LabelledCall) -> Transcript:
        return self.get(corpus / call.audio)


class SaidTranscripts:
    """Each call's labelled `lines` as its transcript: every word heard as said, at full confidence, spread
    evenly over its line. A mono call's words are speaker "unknown", as the engine gives them without
    diarization; a stereo call's are the line's speaker."""

    def __init__(self) -> None:
        self.identity = {"transcript": "said"}
        self.transcribed = self.cached = 0  # nothing is transcribed or cached

    def for_call(self, corpus: Path, call: LabelledCall) -> Transcript:
        if not call.lines:
            raise CorpusError(f"{call.call_id}: no `lines` in its label to judge what was said")
        words: list[Word] = []
        for line in sorted(call.lines, key=lambda line: line.start):
            texts = line.text.split()
            step = (line.end - line.start) / max(len(texts), 1)
            speaker = {"agent": AGENT, "caller": CALLER}[line.speaker] if call.channels != 1 else UNKNOWN
            words += [
                Word(
                    start=line.start + i * step,
                    end=line.start + (i + 1) * step,
                    text=text,
                    speaker=speaker,
                    probability=1.0,
                )
                for i, text in enumerate(texts)
            ]
        duration = max((line.end for line in call.lines), default=0.0)
        return Transcript(turns=turns_from_words(words), words=words, duration=duration)


# --- scoring -------------------------------------------------------------------------------------------------


@dataclass
class CallResult:
    call: LabelledCall
    judgment: Judgment
    transcript: Transcript
    # rule id -> the Judge's verdict on it, for every applicable rule that is not safe
    rule_outcomes: dict[str, Predicted] = field(default_factory=dict)

    @property
    def predicted(self) -> Predicted:
        return "compliant" if self.judgment.verdict == "safe" else self.judgment.verdict

    @property
    def correct(self) -> bool:
        return self.predicted == self.call.expected_verdict and set(self.flagged_rules) == set(
            self.call.expected_rules
        )

    @property
    def flagged_rules(self) -> list[str]:
        return sorted(r for r, outcome in self.rule_outcomes.items() if outcome == "flagged")


def rule_outcomes(judgment: Judgment) -> dict[str, Predicted]:
    """Per rule, what the Judge decided; `Judgment.reasons` holds "rule_id: verdict (why)" for every rule that
    is not safe (see judge.verdict.combine)."""
    outcomes: dict[str, Predicted] = {}
    for reason in judgment.reasons:
        rule_id, _, rest = reason.partition(": ")
        outcome = rest.split(" ", 1)[0]
        if outcome in ("flagged", "needs_review"):
            outcomes[rule_id] = outcome
    return outcomes


def evaluate_call(
    call: LabelledCall, transcript: Transcript, policy: Policy, llm: LlmAssessor | None
) -> CallResult:
    judgment = judge_call(policy, transcript, campaign=call.campaign, llm=llm)
    return CallResult(call, judgment, transcript, rule_outcomes(judgment))


def evaluate_corpus(
    corpus: Path,
    calls: Sequence[LabelledCall],
    policy: Policy,
    source: TranscriptSource | SaidTranscripts,
    llm: LlmAssessor | None = None,
    progress: Callable[[CallResult], None] | None = None,
) -> list[CallResult]:
    """Transcribe (or take from the cache, or from the labels) and judge every call, in order."""
    results = []
    for call in calls:
        result = evaluate_call(call, source.for_call(corpus, call), policy, llm)
        if progress:
            progress(result)
        results.append(result)
    return results


ENGINE_PACKAGES = ("faster-whisper", "ctranslate2")


def engine_versions() -> dict[str, str]:
    """The releases that decode: another release (or another machine's CPU) may hear the same audio otherwise,
    so reports name them and cached transcripts are kept per release."""
    return {name: importlib.metadata.version(name) for name in ENGINE_PACKAGES}


def transcriber_identity(transcriber: Transcriber) -> dict:
    """What makes a transcript of the same audio differ: the cache key's settings part."""
    return {
        "engine": engine_versions(),
        "model": transcriber.model_label,
        "device": transcriber.device,
        "compute_type": transcriber.compute_type,
        "options": transcriber.options,
        "agent_channel": transcriber.agent_channel,
        "diarization": str(transcriber.diarization_pipeline or ""),
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None if precision is None or recall is None else 0.0
    return round(2 * precision * recall / (precision + recall), 3)


def scores(pairs: Sequence[tuple[bool, Predicted]]) -> dict:
    """Scores of (truly violating?, what the Judge said) pairs."""
    violating = [p for v, p in pairs if v]
    compliant = [p for v, p in pairs if not v]
    flagged = [v for v, p in pairs if p == "flagged"]
    precision = _ratio(sum(flagged), len(flagged))
    recall = _ratio(sum(p != "compliant" for p in violating), len(violating))
    return {
        "calls": len(pairs),
        "violating": len(violating),
        "compliant": len(compliant),
        "flagged": len(flagged),
        "flagged_precision": precision,
        "violating_recall": recall,
        "f1": _f1(precision, recall),
        "needs_review_rate_compliant": _ratio(sum(p == "needs_review" for p in compliant), len(compliant)),
        "false_flags": sum(not v for v in flagged),
        "missed": sum(p == "compliant" for p in violating),
    }


def confusion(results: Sequence[CallResult]) -> dict[str, dict[str, int]]:
    """expected verdict -> predicted verdict -> calls."""
    table = {e: {p: 0 for p in ("compliant", "flagged", "needs_review")} for e in ("compliant", "flagged")}
    for r in results:
        table[r.call.expected_verdict][r.predicted] += 1
    return table


def report(
    results: Sequence[CallResult],
    policy: Policy,
    *,
    split: Split,
    model: str,
    mode: str,
    source: TranscriptSource | SaidTranscripts,
) -> dict:
    """Everything `callscript eval` prints, as plain JSON-able data."""
    overall = scores([(r.call.expected_verdict == "flagged", r.predicted) for r in results])
    per_rule = {}
    for rule in policy.rules:
        pairs = [
            (rule.id in r.call.expected_rules, r.rule_outcomes.get(rule.id, "compliant"))
            for r in results
            if rule.applies_to(r.call.campaign)
        ]
        per_rule[rule.id] = scores(pairs)
    return {
        "split": split,
        "policy_version": policy.version,
        "policy_fingerprint": policy.fingerprint,
        "model": model,
        "engine": source.identity.get("engine"),
        "mode": mode,
        "transcripts": {"transcribed": source.transcribed, "cached": source.cached},
        "overall": overall,
        "per_rule": per_rule,
        "confusion": confusion(results),
        "wrong_calls": [_wrong(r) for r in results if not r.correct],
    }


def _wrong(r: CallResult) -> dict:
    expected, flagged = set(r.call.expected_rules), set(r.flagged_rules)
    evidence = [
        {
            "rule_id": f.rule_id,
            "source": f.source,
            "speaker": f.speaker,
            "start": round(f.start, 1),
            "end": round(f.end, 1),
            "quote": f.quote,
            "rationale": f.rationale,
            # An absence ("no disclosure in the first 30 s") spans its whole window: the opening shows it.
            "snippet": snippet(r.transcript, f.start, f.end) if f.quote else "",
        }
        for f in r.judgment.findings
    ]
    return {
        "call_id": r.call.call_id,
        "audio": r.call.audio,
        "campaign": r.call.campaign,
        "description": r.call.description,
        "variation": (r.call.model_extra or {}).get("variation", ""),
        "expected_verdict": r.call.expected_verdict,
        "predicted_verdict": r.predicted,
        "expected_rules": sorted(expected),
        "flagged_rules": sorted(flagged),
        "missed_rules": sorted(expected - flagged),
        "extra_rules": sorted(flagged - expected),
        "reasons": r.judgment.reasons,
        "evidence": evidence,
        # For a miss there is no evidence to point at: the opening is where most rules look.
        "transcript_opening": snippet(r.transcript, 0.0, 0.0, after=OPENING_SECONDS),
    }


def snippet(transcript: Transcript, start: float, end: float, *, after: float = SNIPPET_SECONDS) -> str:
    """The transcript's words around [start, end] as speaker-labelled turns, one line each (cut by words, not
    turns: a mono call is one long turn)."""
    lo, hi = start - SNIPPET_SECONDS, end + after
    words = [w for w in words_of(transcript) if lo <= w.start <= hi]
    return "\n".join(f"[{t.start:5.1f}] {t.speaker}: {t.text}" for t in turns_from_words(words))


# --- text rendering ------------------------------------------------------------------------------------------


def _verdict(verdict: str, rules: list[str]) -> str:
    return f"{verdict} ({', '.join(rules)})" if rules else verdict


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render_text(rep: dict) -> str:
    """The report as a reviewer reads it: tables first, then every wrong call with its evidence."""
    out = [
        f"policy {rep['policy_version']}  model {rep['model']}  mode {rep['mode']}  split {rep['split']}  "
        f"(transcribed {rep['transcripts']['transcribed']}, cached {rep['transcripts']['cached']})",
        "engine "
        + (", ".join(f"{name} {v}" for name, v in rep["engine"].items()) if rep["engine"] else "none"),
        "",
        f"{'':28s} {'calls':>5s} {'viol':>5s} {'flagd':>5s} {'prec':>5s} {'recall':>6s} {'F1':>5s} "
        f"{'review%':>7s} {'false':>5s} {'miss':>5s}",
    ]
    rows = [("overall", rep["overall"])] + list(rep["per_rule"].items())
    for name, s in rows:
        review = s["needs_review_rate_compliant"]
        out.append(
            f"{name:28s} {s['calls']:5d} {s['violating']:5d} {s['flagged']:5d} {_fmt(s['flagged_precision']):>5s} "
            f"{_fmt(s['violating_recall']):>6s} {_fmt(s['f1']):>5s} "
            f"{'   -' if review is None else f'{100 * review:5.1f}%':>7s} {s['false_flags']:5d} {s['missed']:5d}"
        )
    out += [
        "",
        "verdicts (rows: expected, columns: the Judge's)",
        f"{'':12s} {'compliant':>10s} {'flagged':>8s} {'needs_review':>13s}",
    ]
    for expected, row in rep["confusion"].items():
        out.append(f"{expected:12s} {row['compliant']:10d} {row['flagged']:8d} {row['needs_review']:13d}")
    wrong = rep["wrong_calls"]
    out += ["", f"wrong calls: {len(wrong)}"]
    for w in wrong:
        out += ["", f"- {w['call_id']} ({w['campaign']}; {w['description']})"]
        if w["variation"]:
            out.append(f"  {w['variation']}")
        out.append(
            f"  expected {_verdict(w['expected_verdict'], w['expected_rules'])}, "
            f"got {_verdict(w['predicted_verdict'], w['flagged_rules'])}"
        )
        out += [f"  reason: {reason}" for reason in w["reasons"]]
        for e in w["evidence"]:
            out.append(
                f"  evidence {e['rule_id']} ({e['source']}) {e['speaker']} {e['start']}-{e['end']} s: "
                f"{e['rationale']}"
            )
            out += [f"      {line}" for line in e["snippet"].splitlines()]
        if w["missed_rules"] or any(not e["snippet"] for e in w["evidence"]):
            out.append("  transcript opening:")
            out += [f"      {line}" for line in w["transcript_opening"].splitlines()]
    return "\n".join(out)
