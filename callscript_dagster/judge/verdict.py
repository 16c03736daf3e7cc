"""The Judge's verdict: deterministic rules plus, when configured, an LLM, combined into one answer.

`judge_call` runs the policy's detectors (no API), asks the LLM judge if there is one, and combines the two
per rule with `rule_verdict`; the call's verdict is the gravest of its rules' (flagged > needs_review > safe).

What the LLM says is evidence only once it is grounded (`grounding.ground_violations`): its rule must exist and apply to
the call's campaign, and its quote must be words of the transcript, said by that speaker, at about the times
it gave. Everything stored (quotes, rationales, the LLM's summary) has long numbers masked, so no Social
Security or card number read into a call ends up in the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from callscript_dagster.policy import Finding, Policy, evaluate_rules
from callscript_dagster.policy.model import Severity
from callscript_dagster.text import mask_sensitive_numbers
from callscript_dagster.transcript import Transcript

Verdict = Literal["flagged", "needs_review", "safe"]
Mode = Literal["rules+llm", "rules-only"]
# What the LLM said about one rule: nothing, a violation below min_confidence, or a confident violation.
LlmSays = Literal["nothing", "unsure", "violation"]

GRAVE: frozenset[str] = frozenset({"critical", "high"})
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
    uncertain: str | None = Field(
        default=None, description="why the transcript cannot settle this evidence (rules only): needs review"
    )


class DroppedViolation(BaseModel):
    """An LLM violation that was not taken as evidence, and why."""

    rule_id: str
    reason: Literal["unknown_rule", "not_applicable", "invented_quote"]
    detail: str
    quote: str = Field(description="what the LLM quoted, long numbers masked")


class LlmViolation(BaseModel):
    """One violation as the LLM reports it (the structured-output contract; see judge/llm.py)."""

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


class LlmAssessor(Protocol):
    """What the verdict needs of an LLM judge (`judge.llm.LlmJudge` is one)."""

    min_confidence: float

    def assess(self, policy: Policy, transcript: Transcript, *, campaign: str | None) -> LlmAssessment: ...


def judge_call(
    policy: Policy, transcript: Transcript, *, campaign: str | None, llm: LlmAssessor | None
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
        own = [f for f in rule_findings if f.rule_id == rule.id]
        outcome, why = rule_verdict(
            severity=rule.severity,
            checked=bool(rule.detectors),
            rules_fired=any(not f.uncertain for f in own),
            llm=None if llm_findings is None else llm_says(llm_findings, min_confidence),
            rules_unsure=next((f.uncertain for f in own if f.uncertain), None),
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
    *,
    severity: Severity,
    checked: bool,
    rules_fired: bool,
    llm: LlmSays | None,
    rules_unsure: str | None = None,
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

    `rules_unsure`: the detectors fired only on evidence the transcript cannot settle (words heard with low
    probability, an unlabelled speaker), and why. Such a rule is needs_review, or flagged when the LLM
    confidently sees the violation too: a machine's mishearing is not a reason to flag a call, nor to pass it.
    """
    if not rules_fired and rules_unsure:
        if llm == "violation":
            return "flagged", f"LLM, and the rules saw it in an unclear transcript ({rules_unsure})"
        return "needs_review", rules_unsure
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
        quote=finding.redacted_quote or mask_sensitive_numbers(finding.quote),
        rationale=mask_sensitive_numbers(finding.rationale),
        source="rules",
        detector=finding.detector,
        uncertain=finding.uncertain,
    )
