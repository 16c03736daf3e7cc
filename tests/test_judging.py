"""The Judge's verdict logic: how rules and LLM combine per rule, how LLM violations are grounded in the
transcript, and that stored evidence never carries a full SSN or card number. No HTTP here."""

from __future__ import annotations

import pytest

from callscript_dagster.judge.grounding import ground_violations
from callscript_dagster.judge.verdict import (
    Evidence,
    LlmAssessment,
    LlmViolation,
    combine,
    judge_call,
    rule_verdict,
)
from callscript_dagster.policy import evaluate_rules, load_policy
from callscript_dagster.text import mask_sensitive_numbers
from callscript_dagster.transcript import Transcript, Word, turns_from_words

WORD_SECONDS = 0.4


def call(*segments: tuple[str, float, str]) -> Transcript:
    """A transcript from (speaker, start seconds, text) segments, word by word like Whisper output."""
    words = sorted(
        (
            Word(
                start=start + i * WORD_SECONDS, end=start + i * WORD_SECONDS + 0.3, text=f" {w}", speaker=who
            )
            for who, start, sentence in segments
            for i, w in enumerate(sentence.split())
        ),
        key=lambda word: word.start,
    )
    return Transcript(turns=turns_from_words(words), words=words, duration=words[-1].end)


@pytest.fixture(scope="module")
def policy():
    return load_policy()


OPENING = ("agent", 0.0, "Thanks for calling Acme Lending, my name is Sarah, this call may be recorded.")
GUARANTEE = ("agent", 8.0, "Good news, you are guaranteed to be approved today.")
SSN = ("caller", 14.0, "Sure, it is 123-45-6789.")


# --- one rule -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "checked", "rules_fired", "llm", "verdict"),
    [
        # rules-only mode: the rules decide alone
        ("medium", True, True, None, "flagged"),
        ("medium", True, False, None, "safe"),
        # both judges see it, at any confidence
        ("medium", True, True, "violation", "flagged"),
        ("low", True, True, "unsure", "flagged"),
        # the rules fire, the LLM found nothing: grave rules stay flagged, others go to a reviewer
        ("critical", True, True, "nothing", "flagged"),
        ("high", True, True, "nothing", "flagged"),
        ("medium", True, True, "nothing", "needs_review"),
        ("low", True, True, "nothing", "needs_review"),
        # the LLM is sure, the detectors did not fire
        ("high", True, False, "violation", "flagged"),
        ("critical", True, False, "violation", "flagged"),
        ("medium", True, False, "violation", "needs_review"),
        ("medium", False, False, "violation", "flagged"),  # no detectors: the LLM is the only judge
        # the LLM is unsure
        ("critical", True, False, "unsure", "needs_review"),
        ("medium", False, False, "unsure", "needs_review"),
        # nobody found anything
        ("critical", True, False, "nothing", "safe"),
        ("medium", False, False, "nothing", "safe"),
    ],
)
def test_rule_verdict(severity, checked, rules_fired, llm, verdict):
    outcome, why = rule_verdict(severity=severity, checked=checked, rules_fired=rules_fired, llm=llm)
    assert outcome == verdict
    assert bool(why) == (verdict != "safe")


# --- one call -----------------------------------------------------------------------------------------------


def llm_evidence(rule_id: str, severity: str, confidence: float, start: float = 8.0) -> Evidence:
    return Evidence(
        rule_id=rule_id,
        severity=severity,
        speaker="agent",
        start=start,
        end=start + 1,
        quote="words",
        rationale="because",
        source="llm",
        confidence=confidence,
    )


def assessment(*findings: Evidence) -> LlmAssessment:
    return LlmAssessment(
        model="m", findings=list(findings), dropped=[], summary="s", tokens_in=10, tokens_out=2
    )


@pytest.mark.parametrize(
    ("segments", "llm_findings", "verdict", "reasons"),
    [
        ([OPENING], None, "safe", []),
        ([OPENING], [], "safe", []),
        ([OPENING, GUARANTEE], None, "flagged", ["guaranteed_outcome: flagged (rules)"]),
        (
            [OPENING, GUARANTEE],
            [llm_evidence("guaranteed_outcome", "high", 0.9)],
            "flagged",
            ["guaranteed_outcome: flagged (rules and LLM agree)"],
        ),
        # a low-confidence LLM finding nobody else saw
        (
            [OPENING],
            [llm_evidence("misrepresentation_pressure", "high", 0.3)],
            "needs_review",
            ["misrepresentation_pressure: needs_review (LLM found a violation below the minimum confidence)"],
        ),
        # the LLM flags a medium rule the detectors checked: disagreement
        (
            [OPENING],
            [llm_evidence("abusive_language", "medium", 0.95)],
            "needs_review",
            ["abusive_language: needs_review (LLM found a violation the detectors did not)"],
        ),
        # a medium rule fires (no agent name in the first minute), the LLM found nothing: disagreement
        (
            [("agent", 0.0, "Thanks for calling, this call may be recorded."), ("caller", 5.0, "Hi there.")],
            [],
            "needs_review",
            ["agent_identification: needs_review (rules fired but the LLM found no violation)"],
        ),
        # the gravest rule decides the call
        (
            [OPENING, GUARANTEE],
            [llm_evidence("abusive_language", "medium", 0.95)],
            "flagged",
            [
                "guaranteed_outcome: flagged (rules; high severity, although the LLM found nothing)",
                "abusive_language: needs_review (LLM found a violation the detectors did not)",
            ],
        ),
    ],
)
def test_call_verdict(policy, segments, llm_findings, verdict, reasons):
    transcript = call(*segments)
    llm = None if llm_findings is None else assessment(*llm_findings)
    judgment = combine(
        policy,
        evaluate_rules(policy, transcript, campaign="Personal Loans"),
        llm,
        campaign="Personal Loans",
        min_confidence=0.6,
    )
    assert judgment.verdict == verdict
    assert judgment.reasons == reasons
    assert judgment.mode == ("rules-only" if llm is None else "rules+llm")


def test_rules_only_judgment_names_the_policy_and_merges_evidence_in_time_order(policy):
    judgment = judge_call(policy, call(OPENING, GUARANTEE), campaign="Personal Loans", llm=None)
    assert judgment.verdict == "flagged"
    assert (judgment.model, judgment.tokens_in, judgment.cost_usd, judgment.llm_summary) == (
        None,
        0,
        0.0,
        None,
    )
    assert (judgment.policy_version, judgment.policy_fingerprint) == (policy.version, policy.fingerprint)
    [finding] = judgment.findings
    assert (finding.source, finding.rule_id, finding.speaker, finding.quote) == (
        "rules",
        "guaranteed_outcome",
        "agent",
        "guaranteed to be approved",
    )
    assert finding.start == pytest.approx(8.0 + 4 * WORD_SECONDS)


def test_llm_usage_and_evidence_are_carried_into_the_judgment(policy):
    transcript = call(OPENING, GUARANTEE)
    llm = assessment(llm_evidence("guaranteed_outcome", "high", 0.9, start=1.0))
    judgment = combine(
        policy, evaluate_rules(policy, transcript, campaign=None), llm, campaign=None, min_confidence=0.6
    )
    assert (judgment.model, judgment.tokens_in, judgment.tokens_out, judgment.llm_summary) == (
        "m",
        10,
        2,
        "s",
    )
    assert [f.source for f in judgment.findings] == ["llm", "rules"]  # by time


# --- sensitive data never stored ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Sure, it is 123-45-6789.", "Sure, it is XXX-XX-6789."),
        ("one two three, four five, six seven eight nine", "X X X, X X, 6 7 8 9"),
        ("card 4111 1111 1111 1111 exp 12/29", "card XXXX XXXX XXXX 1111 exp 12/29"),
        # times, amounts and counts are not sensitive
        ("Caller asked at 12.3 s, then the agent went on for 40 words over 3 turns", None),
        ("We represent 8 organizations which offer 52 products", None),
        ("about 5000 dollars, 3000 a month", None),
        ("around 58,000 a year, 24,000 across five cards", None),
        # a bank account number may be as short as six digits
        ("account number 3, 9, 2, 8, 4, 1, 7, 7", "account number X, X, X, X, 4, 1, 7, 7"),
        # a spoken "four" the transcriber wrote "for" is a digit of the run, masked with it
        ("now 6011 for 827 3309 1569. Is that", "now XXXX X XXX XXXX 1569. Is that"),
        ("20 for the month, 2 for 1", None),
        # "two" written "to": "five two nine, four one, ..." as tiny.en heard a Social Security number
        ("it's five to nine, four, one, seven, three, eight, zero.", "it's X X X, X, X, 7, 3, 8, 0."),
        ("open from 9 to 5, ages 65 to 70", None),
        # a last digit spoken "oh" is a digit too, or five would stay readable
        ("my social is five five five, one two, three four three oh.", "my social is X X X, X X, 3 4 3 0."),
        ("I am 65, oh, and one more thing", None),
    ],
)
def test_mask_sensitive_numbers(text, masked):
    assert mask_sensitive_numbers(text) == (masked or text)


def test_sensitive_data_evidence_is_stored_redacted_from_rules_and_llm(policy):
    transcript = call(OPENING, SSN, ("agent", 20.0, "I have 123 45 6789, is that right?"))
    llm_violation = LlmViolation(
        rule_id="sensitive_data",
        speaker="caller",
        start=14.0,
        end=16.0,
        quote="it is 123-45-6789",
        rationale="The caller read the SSN 123-45-6789 aloud.",
        confidence=0.95,
    )
    findings, dropped = ground_violations([llm_violation], policy, transcript, campaign=None)
    judgment = combine(
        policy,
        evaluate_rules(policy, transcript, campaign=None),
        assessment(*findings),
        campaign=None,
        min_confidence=0.6,
    )
    stored = judgment.model_dump_json()
    assert judgment.verdict == "flagged" and not dropped
    assert {(f.source, f.rule_id) for f in judgment.findings} == {
        ("rules", "sensitive_data"),
        ("llm", "sensitive_data"),
    }
    assert "123" not in stored and "12345" not in stored
    assert "XXX-XX-6789" in stored


def test_a_bank_account_read_back_is_flagged_and_stored_without_its_digits(policy):
    said = "Let me read back your routing number 0 7 1 0 0 0 0 1 3, account number 3 9 2 8 4 1 7 7, right?"
    transcript = call(OPENING, ("agent", 20.0, said))
    judgment = combine(
        policy, evaluate_rules(policy, transcript, campaign=None), None, campaign=None, min_confidence=0.6
    )
    stored = judgment.model_dump_json()
    assert judgment.verdict == "flagged"
    assert {f.rule_id for f in judgment.findings} == {"sensitive_data"}
    assert "3 9 2 8" not in stored and "0 7 1 0" not in stored
    assert "X X X X 4 1 7 7" in stored


# --- grounding LLM violations -------------------------------------------------------------------------------

TRANSCRIPT = call(
    OPENING,
    ("caller", 5.0, "Please put me on your do not call list."),
    GUARANTEE,
    ("agent", 30.0, "Honestly, you're GUARANTEED to be approved!"),
)


def violation(
    quote: str, speaker: str = "agent", start: float = 8.0, end: float = 12.0, **kw
) -> LlmViolation:
    fields = {"rule_id": "guaranteed_outcome", "rationale": "r", "confidence": 0.9} | kw
    return LlmViolation(quote=quote, speaker=speaker, start=start, end=end, **fields)


@pytest.mark.parametrize(
    ("v", "kept_at", "dropped_reason"),
    [
        # verbatim modulo case, punctuation and whitespace; the real words' times are used
        (
            violation("you are guaranteed to be approved"),
            (8.0 + 2 * WORD_SECONDS, 8.0 + 7 * WORD_SECONDS + 0.3),
            None,
        ),
        (violation("You are  guaranteed, to be APPROVED."), (8.8, 11.1), None),
        (violation("youre guaranteed to be approved", start=30.0, end=34.0), (30.4, 32.3), None),
        # the same words said twice: the occurrence at the times given
        (violation("guaranteed to be approved", start=31.0, end=31.5), (30.8, 32.3), None),
        # an unknown speaker label: any speaker's words
        (violation("do not call list", speaker="unknown", start=5.0, end=8.0), (7.0, 8.5), None),
        (violation("guaranteed to be approved", start=12.0, end=13.0), (9.6, 11.1), None),  # within 1 s
        (violation("you are guaranteed to be approved and more"), None, "invented_quote"),
        (violation("do not call list"), None, "invented_quote"),  # the caller said it, not the agent
        (violation("guaranteed to be approved", start=20.0, end=25.0), None, "invented_quote"),  # wrong time
        (violation("guaranteed", rule_id="no_such_rule"), None, "unknown_rule"),
        (violation("guaranteed", rule_id="tpmo_disclaimer"), None, "not_applicable"),  # Medicare only
        # a claimed absence has no quote: kept, its window clipped to the call
        (
            violation("", start=0.0, end=60.0, rule_id="recording_disclosure"),
            (0.0, TRANSCRIPT.duration),
            None,
        ),
        (violation("", start=500.0, end=560.0, rule_id="recording_disclosure"), None, "invented_quote"),
    ],
)
def test_ground_violations(policy, v, kept_at, dropped_reason):
    kept, dropped = ground_violations([v], policy, TRANSCRIPT, campaign="Personal Loans")
    if dropped_reason:
        assert not kept and [d.reason for d in dropped] == [dropped_reason]
        assert dropped[0].detail
    else:
        [evidence] = kept
        assert (evidence.start, evidence.end) == pytest.approx(kept_at)
        assert (evidence.source, evidence.confidence) == ("llm", 0.9)


def test_grounded_evidence_quotes_the_transcript_not_the_llm(policy):
    [evidence], _ = ground_violations(
        [violation("YOU ARE guaranteed to be approved", speaker="unknown")], policy, TRANSCRIPT, campaign=None
    )
    assert (evidence.quote, evidence.speaker, evidence.severity) == (
        "you are guaranteed to be approved",
        "agent",
        "high",
    )
