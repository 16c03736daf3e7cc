"""The Judge's verdict: deterministic rules plus, when configured, an LLM, combined into one answer.

`judge_call` runs the policy's detectors (no API), asks the LLM judge if there is one, and combines the two
per rule with `rule_verdict`; the call's verdict is the gravest of its rules' (flagged > needs_review > safe).

What the LLM says is evidence only once it is grounded (`ground_violations`): its rule must exist and apply to
the call's campaign, and its quote must be words of the transcript, said by that speaker, at about the times
it gave. Everything stored (quotes, rationales, the LLM's summary) has long numbers masked, so no Social
Security or card number read into a call ends up in the database.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from callscript_dagster.policy import Finding, Policy, evaluate_rules, redact
from callscript_dagster.policy.model import Severity
from callscript_dagster.policy.rules import _words_from_turns  # same timing for turn-only transcripts
from callscript_dagster.transcript import UNKNOWN, Transcript, Word

if TYPE_CHECKING:
    from callscript_dagster.resources.judge import LlmJudge

Verdict = Literal["flagged", "needs_review", "safe"]
Mode = Literal["rules+llm", "rules-only"]
# What the LLM said about one rule: nothing, a violation below min_confidence, or a confident violation.
LlmSays = Literal["nothing", "unsure", "violation"]

GRAVE: frozenset[str] = frozenset({"critical", "high"})
QUOTE_TOLERANCE_SECONDS = 1.0  # how far the LLM's times may miss the quoted words (it sees turn times only)
_GRAVITY: dict[Verdict, int] = {"safe": 0, "needs_review": 1, "flagged": 2}


class Evidence(BaseModel):
    """One piece of evidence for a reviewer, from the rules or the LLM. Safe to store: numbers long enough to
    be a Social Security or card number are masked in `quote` and `rationale`."""

    rule_id: str
    severity: Severity
    speaker: str
    start: float = Field(ge=0, description="seconds: the quoted words, or the window searched in vain")
    end: float = Field(ge=0)
    quote: str = Field(description="the transcript's words ('' for an absence), long numbers masked")
    rationale: str
    source: Literal["rules", "llm"]
    confidence: float | None = Field(default=None, description="the LLM's, 0..1; None for the rules")
    detector: str | None = Field(default=None, description="the detector that fired (rules only)")


class DroppedViolation(BaseModel):
    """An LLM violation that was not taken as evidence, and why."""

    rule_id: str
    reason: Literal["unknown_rule", "not_applicable", "invented_quote"]
    detail: str
    quote: str = Field(description="what the LLM quoted, long numbers masked")


class LlmViolation(BaseModel):
    """One violation as the LLM reports it (the structured-output contract; see resources/judge.py)."""

    model_config = ConfigDict(extra="forbid")

    rule_id: str
    speaker: str
    start: float
    end: float
    quote: str
    rationale: str
    confidence: float = Field(ge=0, le=1)


class LlmAssessment(BaseModel):
    """What the LLM judge concluded about one call, already grounded in the transcript."""

    model: str
    findings: list[Evidence]
    dropped: list[DroppedViolation]
    summary: str
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0


class Judgment(BaseModel):
    """The Judge's answer for one call under one policy version."""

    verdict: Verdict
    findings: list[Evidence] = Field(description="rules' and LLM's evidence, in time order")
    reasons: list[str] = Field(description="per rule that is not safe: its verdict and why")
    policy_version: str
    policy_fingerprint: str
    mode: Mode
    model: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    dropped: list[DroppedViolation] = Field(default_factory=list)
    llm_summary: str | None = None


def judge_call(
    policy: Policy, transcript: Transcript, *, campaign: str | None, llm: LlmJudge | None
) -> Judgment:
    """Judge one call: the policy's rules, then the LLM when one is configured (None: rules-only mode).

    Raises what the LLM judge raises (TransientError for rate limits, timeouts and invalid output;
    JudgeConfigurationError for settings an operator must fix)."""
    rule_findings = evaluate_rules(policy, transcript, campaign=campaign)
    # A call without speech has nothing for the model to read: don't pay for it.
    assessment = llm.assess(policy, transcript, campaign=campaign) if llm and transcript.turns else None
    min_confidence = llm.min_confidence if llm else 1.0
    return combine(policy, rule_findings, assessment, campaign=campaign, min_confidence=min_confidence)


def combine(
    policy: Policy,
    rule_findings: Sequence[Finding],
    assessment: LlmAssessment | None,
    *,
    campaign: str | None,
    min_confidence: float,
) -> Judgment:
    """The Judgment from the rules' findings and the (grounded) LLM assessment; pure."""
    verdict: Verdict = "safe"
    reasons = []
    for rule in policy.applicable_rules(campaign):
        llm_findings = [f for f in assessment.findings if f.rule_id == rule.id] if assessment else None
        outcome, why = rule_verdict(
            severity=rule.severity,
            checked=bool(rule.detectors),
            rules_fired=any(f.rule_id == rule.id for f in rule_findings),
            llm=None if llm_findings is None else llm_says(llm_findings, min_confidence),
        )
        if outcome != "safe":
            reasons.append(f"{rule.id}: {outcome} ({why})")
        verdict = max(verdict, outcome, key=_GRAVITY.__getitem__)

    findings = [_rules_evidence(f) for f in rule_findings] + (assessment.findings if assessment else [])
    return Judgment(
        verdict=verdict,
        findings=sorted(findings, key=lambda f: (f.start, f.source)),
        reasons=reasons,
        policy_version=policy.version,
        policy_fingerprint=policy.fingerprint,
        mode="rules+llm" if assessment else "rules-only",
        model=assessment.model if assessment else None,
        tokens_in=assessment.tokens_in if assessment else 0,
        tokens_out=assessment.tokens_out if assessment else 0,
        cost_usd=assessment.cost_usd if assessment else 0.0,
        dropped=assessment.dropped if assessment else [],
        llm_summary=assessment.summary if assessment else None,
    )


def llm_says(findings: Iterable[Evidence], min_confidence: float) -> LlmSays:
    """What the LLM's grounded findings for one rule amount to."""
    confidences = [f.confidence or 0.0 for f in findings]
    if not confidences:
        return "nothing"
    return "violation" if max(confidences) >= min_confidence else "unsure"


def rule_verdict(
    *, severity: Severity, checked: bool, rules_fired: bool, llm: LlmSays | None
) -> tuple[Verdict, str]:
    """The verdict on one applicable rule, and why. `checked`: the rule has deterministic detectors;
    `llm`: None in rules-only mode.

    | rules fired | LLM says              | verdict                                                      |
    |-------------|-----------------------|--------------------------------------------------------------|
    | yes         | (rules-only)          | flagged                                                      |
    | yes         | violation or unsure   | flagged: both see it                                         |
    | yes         | nothing               | flagged if high/critical, else needs_review (they disagree)  |
    | no          | violation             | flagged if the rule has no detectors or is high/critical,    |
    |             |                       | else needs_review (the detectors checked and disagree)       |
    | no          | unsure                | needs_review (below min_confidence)                          |
    | no          | nothing / (rules-only)| safe                                                         |

    High and critical rules are flagged on either judge's word: a missed SSN or an ignored do-not-call is
    costlier than a reviewer's minute. On medium and low rules the two judges must agree.
    """
    grave = severity in GRAVE
    if rules_fired:
        if llm is None:
            return "flagged", "rules"
        if llm != "nothing":
            return "flagged", "rules and LLM agree"
        if grave:
            return "flagged", f"rules; {severity} severity, although the LLM found nothing"
        return "needs_review", "rules fired but the LLM found no violation"
    match llm:
        case None | "nothing":
            return "safe", ""
        case "unsure":
            return "needs_review", "LLM found a violation below the minimum confidence"
        case "violation" if not checked:
            return "flagged", "LLM; the rule has no detectors"
        case "violation" if grave:
            return "flagged", f"LLM; {severity} severity, although the detectors did not fire"
        case _:
            return "needs_review", "LLM found a violation the detectors did not"


def _rules_evidence(finding: Finding) -> Evidence:
    return Evidence(
        rule_id=finding.rule_id,
        severity=finding.severity,
        speaker=finding.speaker,
        start=finding.start,
        end=finding.end,
        quote=finding.redacted_quote or mask_long_numbers(finding.quote),
        rationale=mask_long_numbers(finding.rationale),
        source="rules",
        detector=finding.detector,
    )


# --- long numbers -------------------------------------------------------------------------------------------

_NUMBER_WORD = (
    r"\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
# A run of numbers as said or written: "123-45-6789", "4111 1111 1111 1111", "one two three, four five, ...".
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})\b(?:[\s,.\-–]+(?:(?:uh|um)[\s,.\-–]+)*(?:{_NUMBER_WORD})\b)*", re.IGNORECASE
)
SENSITIVE_DIGITS = 9  # the shortest of what must not be stored: a Social Security number


def mask_long_numbers(text: str) -> str:
    """`text` with every run of 9 or more digits (written or spoken) masked but its last four, like `redact`;
    times, amounts and counts stay readable."""

    def mask(match: re.Match[str]) -> str:
        masked = redact(match.group())
        digits = sum(ch.isdigit() or ch == "X" for ch in masked)
        return masked if digits >= SENSITIVE_DIGITS else match.group()

    return _NUMBER_RUN.sub(mask, text)


# --- grounding the LLM's violations in the transcript -------------------------------------------------------


def ground_violations(
    violations: Iterable[LlmViolation],
    policy: Policy,
    transcript: Transcript,
    *,
    campaign: str | None,
    tolerance: float = QUOTE_TOLERANCE_SECONDS,
) -> tuple[list[Evidence], list[DroppedViolation]]:
    """Evidence from the LLM's violations that hold up, and the ones dropped with their reason.

    A violation holds up when its rule exists and applies to `campaign`, and its quote, normalized (case,
    punctuation, whitespace), is a run of that speaker's words (any speaker's when the label is not one of
    the transcript's) whose times overlap the violation's [start, end] within `tolerance` seconds. The
    evidence then carries the matched words verbatim with their real times. An empty quote is a claimed
    absence ("never gave the disclosure"): kept with its window clipped to the call.
    """
    violations = list(violations)
    if not violations:
        return [], []  # the usual answer for a compliant call: no need to index its words
    rules = {rule.id: rule for rule in policy.rules}
    quotes = _QuoteIndex.of(transcript)
    kept: list[Evidence] = []
    dropped: list[DroppedViolation] = []
    for v in violations:
        rule = rules.get(v.rule_id)
        if rule is None:
            dropped.append(_dropped(v, "unknown_rule", "not in the policy"))
            continue
        if not rule.applies_to(campaign):
            dropped.append(_dropped(v, "not_applicable", f"does not apply to campaign {campaign!r}"))
            continue
        start, end = sorted((v.start, v.end))
        if _tokens(v.quote):
            words, why = quotes.find(v.quote, v.speaker, start, end, tolerance)
            if not words:
                dropped.append(_dropped(v, "invented_quote", why))
                continue
            speaker, start, end, quote = words[0].speaker, words[0].start, words[-1].end, _verbatim(words)
        elif start > quotes.end + tolerance:
            why = f"claimed absence at {start:.1f} s, after the call ended"
            dropped.append(_dropped(v, "invented_quote", why))
            continue
        else:
            speaker, start, end, quote = v.speaker, max(0.0, start), min(max(0.0, end), quotes.end), ""
        kept.append(
            Evidence(
                rule_id=rule.id,
                severity=rule.severity,
                speaker=speaker,
                start=start,
                end=max(start, end),
                quote=mask_long_numbers(quote),
                rationale=mask_long_numbers(v.rationale)[:1000],
                source="llm",
                confidence=v.confidence,
            )
        )
    return kept, dropped


def _dropped(v: LlmViolation, reason: str, detail: str) -> DroppedViolation:
    quote = mask_long_numbers(v.quote)[:300]
    return DroppedViolation(rule_id=v.rule_id, reason=reason, detail=detail, quote=quote)


_APOSTROPHES = re.compile(r"['’‘`]")
_WORD_CHARS = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    """Words of `text` for quote matching: lowercase, apostrophes dropped, other punctuation a break."""
    return _WORD_CHARS.findall(_APOSTROPHES.sub("", text.lower()))


def _verbatim(words: list[Word]) -> str:
    return "".join(w.text if w.text.startswith(" ") else f" {w.text}" for w in words).strip()


class _Stream:
    """One speaker's words as normalized text, with a way back from a match to the words."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.offsets: list[int] = []  # where each token starts in `text`
        self.word_of: list[int] = []  # which word each token came from
        parts, length = [], 0
        for index, word in enumerate(words):
            for token in _tokens(word.text):
                self.offsets.append(length + 1)
                self.word_of.append(index)
                parts.append(" " + token)
                length += len(token) + 1
        self.text = "".join(parts) + " "

    def matches(self, quote: str) -> Iterable[list[Word]]:
        needle = " " + " ".join(_tokens(quote)) + " "
        at = self.text.find(needle)
        while at >= 0:
            first = bisect.bisect_right(self.offsets, at + 1) - 1
            last = bisect.bisect_right(self.offsets, at + len(needle) - 2) - 1
            yield self.words[self.word_of[first] : self.word_of[last] + 1]
            at = self.text.find(needle, at + 1)


class _QuoteIndex:
    def __init__(self, streams: dict[str, _Stream], end: float) -> None:
        self.streams = streams
        self.end = end

    @classmethod
    def of(cls, transcript: Transcript) -> _QuoteIndex:
        words = sorted(transcript.words or _words_from_turns(transcript), key=lambda w: w.start)
        labels = dict.fromkeys(word.speaker for word in words)
        streams = {label: _Stream([w for w in words if w.speaker == label]) for label in labels}
        return cls(streams, max([transcript.duration] + [w.end for w in words]))

    def find(
        self, quote: str, speaker: str, start: float, end: float, tolerance: float
    ) -> tuple[list[Word] | None, str]:
        """The quoted words nearest to `start`, or None and why not."""
        if speaker in self.streams:
            # Like the rules, a named speaker also owns words the transcriber could not attribute.
            labels = [speaker] + ([UNKNOWN] if speaker != UNKNOWN and UNKNOWN in self.streams else [])
        else:
            labels = list(self.streams)
        found = [words for label in labels for words in self.streams[label].matches(quote)]
        if not found:
            who = f"{speaker}'s words" if speaker in self.streams else "the transcript"
            return None, f"quote not in {who}"
        near = [w for w in found if w[0].start <= end + tolerance and w[-1].end >= start - tolerance]
        if not near:
            said = ", ".join(f"{w[0].start:.1f} s" for w in found[:3])
            return None, f"quote said at {said}, not at {start:.1f}–{end:.1f} s"
        return min(near, key=lambda w: abs(w[0].start - start)), ""
