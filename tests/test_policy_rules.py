"""The deterministic rule engine against the shipped default policy: what a compliance reviewer would (and
would not) want flagged, with speaker, time window and scope constraints."""

from __future__ import annotations

import pytest

from callscript_dagster.judge.verdict import judge_call
from callscript_dagster.policy import Finding, evaluate_rules, load_policy, parse_policy
from callscript_dagster.text import mask_digits
from callscript_dagster.transcript import Transcript, Turn, Word, turns_from_words

WORD_SECONDS = 0.4  # one word every 0.4 s, each 0.3 s long: a brisk speaker


def call(*segments: tuple[str, float, str], duration: float | None = None) -> Transcript:
    """A transcript from (speaker, start seconds, text) segments, laid out word by word like Whisper output."""
    words = sorted(
        (
            Word(
                start=start + i * WORD_SECONDS,
                end=start + i * WORD_SECONDS + 0.3,
                text=f" {text}",
                speaker=speaker,
            )
            for speaker, start, sentence in segments
            for i, text in enumerate(sentence.split())
        ),
        key=lambda word: word.start,
    )
    return Transcript(turns=turns_from_words(words), words=words, duration=duration or words[-1].end)


@pytest.fixture(scope="module")
def policy():
    return load_policy()


def findings_of(policy, transcript: Transcript, rule_id: str, campaign: str | None = None) -> list[Finding]:
    return [f for f in evaluate_rules(policy, transcript, campaign=campaign) if f.rule_id == rule_id]


# A compliant opening, so a test of one rule isn't noise from another.
OPENING = ("agent", 0.0, "Thanks for calling Acme Health, my name is Sarah, this call may be recorded.")
TPMO = (
    "We do not offer every plan available in your area. Currently we represent {orgs} organizations which offer "
    "{plans} products in your area. Please contact Medicare.gov, {phone}, or your local State Health Insurance "
    "Program to get information on all of your options."
)
PITCH = (
    "But sir, this plan has a zero dollar premium and includes dental, vision and hearing, and it only takes two "
    "minutes to see if you qualify."
)


def test_a_compliant_medicare_call_has_no_findings(policy):
    transcript = call(
        OPENING,
        ("caller", 6.0, "Hi, I'm looking at Medicare Advantage plans."),
        ("agent", 9.0, TPMO.format(orgs="eight", plans="fifty two", phone="1-800-MEDICARE")),
        ("caller", 30.0, "Okay. Is approval guaranteed?"),
        ("agent", 33.0, "We can't guarantee approval, but let's look at what fits your doctors."),
    )
    assert evaluate_rules(policy, transcript, campaign="Medicare Advantage - TX") == []


@pytest.mark.parametrize(
    ("speaker", "text", "flagged"),
    [
        ("agent", "With us you are guaranteed to be approved today.", True),
        ("agent", "This is a guaranteed approval program.", True),
        ("agent", "Good news, you're approved, guaranteed.", True),
        ("agent", "I guarantee you'll be approved for the loan.", True),
        ("agent", "It's 100% guaranteed approval.", True),
        ("agent", "There's no way you'll be denied.", True),
        ("agent", "We guarantee to cut your debt in half.", True),
        # near misses: negated, hedged, product names, and the caller's own words
        ("agent", "We can't guarantee approval, it depends on underwriting.", False),
        ("agent", "Approval is not guaranteed.", False),
        ("agent", "There is no guaranteed approval with any lender.", False),
        ("agent", "I can't promise you'll be approved.", False),
        ("agent", "I can't say you won't be denied.", False),
        ("agent", "This is a guaranteed issue whole life policy.", False),
        ("caller", "My friend said you're guaranteed to be approved, is that true?", False),
    ],
)
def test_guaranteed_outcome(policy, speaker, text, flagged):
    transcript = call(OPENING, (speaker, 10.0, text))
    assert bool(findings_of(policy, transcript, "guaranteed_outcome")) is flagged


def test_a_finding_quotes_the_matched_words_verbatim_with_their_times(policy):
    transcript = call(OPENING, ("agent", 20.0, "Good news: you are guaranteed to be approved today!"))
    [finding] = findings_of(policy, transcript, "guaranteed_outcome")
    assert (finding.speaker, finding.quote) == ("agent", "guaranteed to be approved")
    assert (finding.start, finding.end) == pytest.approx((21.6, 23.1))
    assert (finding.severity, finding.source, finding.detector) == ("high", "rules", "detectors[0]:forbidden")
    assert finding.rationale == "Agent said 'guaranteed to be approved' at 21.6 s (guaranteed outcome)"


def test_a_match_spans_the_agents_turns_around_a_caller_interjection(policy):
    transcript = call(
        OPENING,
        ("agent", 10.0, "and you have guaranteed"),
        ("caller", 11.3, "really?"),
        ("agent", 12.0, "approval today"),
    )
    [finding] = findings_of(policy, transcript, "guaranteed_outcome")
    assert (finding.quote, finding.start, finding.end) == ("guaranteed approval", 11.2, pytest.approx(12.3))


def test_a_mono_recording_is_judged_on_all_speech_and_says_the_speaker_is_unknown(policy):
    transcript = call(
        ("unknown", 0.0, "Thanks for calling, this call is recorded."),
        ("unknown", 5.0, "You're guaranteed approval with us."),
    )
    [finding] = findings_of(policy, transcript, "guaranteed_outcome")
    assert finding.speaker == "unknown" and finding.rationale.startswith("Unknown speaker said")
    assert findings_of(policy, transcript, "recording_disclosure") == []


def test_a_transcript_without_word_timings_is_judged_from_its_turns(policy):
    transcript = Transcript(
        turns=[Turn(speaker="agent", start=40.0, end=44.0, text="You're guaranteed approval.")]
    )
    [finding] = findings_of(policy, transcript, "guaranteed_outcome")
    assert finding.quote == "guaranteed approval." and 40.0 <= finding.start < finding.end <= 44.0


@pytest.mark.parametrize(
    ("segments", "flagged"),
    [
        ([("agent", 0.0, "Hi, this is Sarah, this call may be recorded for quality.")], False),
        (
            [
                ("agent", 0.0, "Hi, this is Sarah with Acme."),
                ("agent", 45.0, "By the way this call may be recorded."),
            ],
            True,
        ),
        # the window starts when the agent picks up, not while the caller waits on hold
        (
            [
                ("caller", 0.0, "Hello? Hello? Is anyone there?"),
                ("agent", 20.0, "Hi, this is Sarah with Acme."),
                ("agent", 40.0, "This call is being recorded."),
            ],
            False,
        ),
        (
            [
                ("caller", 0.0, "Is this call being recorded?"),
                ("agent", 3.0, "Hi, I'm Sarah, how can I help?"),
            ],
            True,
        ),
        ([("agent", 0.0, "Don't worry, this call is not recorded.")], True),
        (
            [
                ("agent", 0.0, "Hi, this call may be"),
                ("caller", 2.0, "okay"),
                ("agent", 3.0, "recorded for quality."),
            ],
            False,
        ),
    ],
    ids=[
        "disclosed",
        "too-late",
        "window-from-agent-pickup",
        "caller-words-dont-count",
        "negated",
        "across-turns",
    ],
)
def test_recording_disclosure(policy, segments, flagged):
    assert bool(findings_of(policy, call(*segments), "recording_disclosure")) is flagged


def test_a_missing_disclosure_reports_the_window_searched(policy):
    transcript = call(("agent", 3.0, "Hi, this is Sarah with Acme."), ("agent", 45.0, "So, about your plan."))
    [finding] = findings_of(policy, transcript, "recording_disclosure")
    assert (finding.speaker, finding.start, finding.end, finding.quote) == ("agent", 3.0, 33.0, "")
    assert finding.rationale == "No recording disclosure by the agent in the first 30 s (3.0–33.0 s)"


def test_a_call_shorter_than_the_window_is_still_judged_up_to_its_end(policy):
    transcript = call(
        ("agent", 0.0, "Hello, Acme Health, how can I help?"),
        ("caller", 3.0, "Wrong number, bye."),
        duration=8.0,
    )
    [finding] = findings_of(policy, transcript, "recording_disclosure")
    assert (finding.start, finding.end) == (0.0, 8.0)
    assert finding.rationale.endswith("(0.0–8.0 s, when the call ended)")


def test_no_agent_speech_means_nothing_to_judge_for_agent_rules(policy):
    transcript = call(("caller", 0.0, "Hello? Is anyone there? Hello?"))
    findings = evaluate_rules(policy, transcript, campaign="Medicare Advantage")
    assert findings == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Thanks for calling, this is Sarah with Acme Health.", []),
        ("Hi, I'm Sarah from Acme Health, how are you?", []),
        ("My name is Sarah, how are you today?", ["No company name by the agent"]),
        ("Hello, how are you today?", ["No agent's name by the agent", "No company name by the agent"]),
    ],
)
def test_agent_identification(policy, text, missing):
    findings = findings_of(
        policy, call(("agent", 0.0, text), ("agent", 70.0, "Anyway.")), "agent_identification"
    )
    assert [f.rationale.split(" in the first")[0] for f in findings] == missing


def test_agent_identification_after_the_first_minute_is_too_late(policy):
    transcript = call(("agent", 0.0, "Hello?"), ("agent", 65.0, "This is Sarah with Acme Health."))
    assert len(findings_of(policy, transcript, "agent_identification")) == 2


ACKNOWLEDGED = "I'm sorry about that, I'll remove you from our list right away. Have a good day."
REBUTTAL = "Sure, I can do that, but can I ask why? Most people love these plans once they hear about them."


@pytest.mark.parametrize(
    ("segments", "flagged"),
    [
        ([("caller", 10.0, "Please put me on your do not call list."), ("agent", 13.0, ACKNOWLEDGED)], False),
        ([("caller", 10.0, "Take me off your list."), ("agent", 12.0, PITCH)], True),
        # a rebuttal instead of a removal
        ([("caller", 10.0, "Remove me from your list."), ("agent", 12.0, REBUTTAL)], True),
        # short pitches over several turns
        (
            [
                ("caller", 10.0, "Stop calling me."),
                ("agent", 11.5, "Okay. But can I ask"),
                ("caller", 13.5, "No."),
                ("agent", 14.5, "It's only two minutes"),
                ("caller", 16.5, "I said no."),
                ("agent", 18.0, "you could save money"),
            ],
            True,
        ),
        # answering the caller's question before confirming removal is not pitching
        (
            [
                ("caller", 10.0, "Remove my number. How did you get it anyway?"),
                (
                    "agent",
                    14.0,
                    "You filled out a form online about Medicare plans. I've removed your number.",
                ),
            ],
            False,
        ),
        # the agent mentioning the list is not the caller revoking consent
        ([("agent", 10.0, f"Are you on the do not call list? {PITCH}")], False),
    ],
    ids=[
        "acknowledged",
        "keeps-pitching",
        "rebuttal",
        "pitches-over-turns",
        "answers-question",
        "agent-says-list",
    ],
)
def test_do_not_call(policy, segments, flagged):
    assert bool(findings_of(policy, call(OPENING, *segments), "do_not_call")) is flagged


def test_a_do_not_call_finding_shows_the_request_and_what_the_agent_said_next(policy):
    transcript = call(OPENING, ("caller", 10.0, "Take me off your list."), ("agent", 12.0, PITCH))
    [finding] = findings_of(policy, transcript, "do_not_call")
    assert (finding.speaker, finding.start, finding.quote) == ("agent", 12.0, PITCH)
    assert finding.rationale == (
        "Caller asked 'Take me off your list.' at 10.0 s, then the agent went on for 25 words over 1 turn "
        "(limit 15 words / 2 turns)"
    )


@pytest.mark.parametrize(
    ("orgs", "plans", "phone"),
    [
        ("8", "52", "1-800-MEDICARE"),
        ("eight", "fifty two", "1-800-Medicare"),
        ("8", "52", "one eight hundred Medicare"),
    ],
)
def test_tpmo_disclaimer_as_whisper_writes_it_satisfies_the_rule(policy, orgs, plans, phone):
    transcript = call(OPENING, ("agent", 8.0, TPMO.format(orgs=orgs, plans=plans, phone=phone)))
    assert findings_of(policy, transcript, "tpmo_disclaimer", campaign="Medicare Advantage - TX") == []


@pytest.mark.parametrize(
    ("campaign", "disclaimer_at", "flagged"),
    [
        ("Medicare Advantage - TX", None, True),
        ("MEDICARE_AEP_2026", None, True),
        ("Medicare Advantage - TX", 75.0, True),
        ("Final Expense - Inbound", None, False),
        (None, None, False),
    ],
    ids=["missing", "campaign-case-insensitive", "after-first-minute", "not-medicare", "unknown-campaign"],
)
def test_tpmo_disclaimer_window_and_scope(policy, campaign, disclaimer_at, flagged):
    segments = [OPENING, ("agent", 65.0, "So let's look at your doctors.")]
    if disclaimer_at is not None:
        segments.append(("agent", disclaimer_at, TPMO.format(orgs="8", plans="52", phone="1-800-MEDICARE")))
    findings = findings_of(policy, call(*segments), "tpmo_disclaimer", campaign=campaign)
    assert bool(findings) is flagged
    if flagged:  # each missing part of the disclaimer is its own finding
        assert {f.detector for f in findings} == {
            "detectors[0]:required",
            "detectors[1]:required",
            "detectors[2]:required",
        }


@pytest.mark.parametrize(
    ("speaker", "text", "flagged"),
    [
        ("agent", "Hi, I'm calling from Medicare about your benefits.", True),
        ("agent", "This is John with the Social Security office.", True),
        ("agent", "This is a new government program to forgive your debt.", True),
        ("agent", "This offer expires today, you must decide now.", True),
        ("agent", "If you hang up you'll lose this rate.", True),
        ("agent", "If you hang up to think it over, this price is gone for good.", True),
        ("agent", "This rate disappears at five o'clock today, so I need your answer right now.", True),
        ("agent", "It's now or never.", True),
        ("agent", "I work directly for Medicare, and this is the official Medicare enrollment line.", True),
        ("agent", "I'm with the Medicare enrollment office, so everything today is official.", True),
        ("agent", "There's no rush at all. Sleep on it and call me back whenever you're ready.", False),
        ("agent", "We are a licensed agency, not connected with any government agency.", False),
        ("agent", "I'm a licensed agent, I'm not calling from Medicare.", False),
        ("agent", "Medicare is a government program, and we are an independent agency.", False),
        ("agent", "Take your time, talk it over with your family and call us back.", False),
        ("caller", "Are you calling from Medicare?", False),
    ],
)
def test_misrepresentation_pressure(policy, speaker, text, flagged):
    transcript = call(OPENING, (speaker, 10.0, text))
    assert bool(findings_of(policy, transcript, "misrepresentation_pressure")) is flagged


@pytest.mark.parametrize(
    ("speaker", "text", "flagged"),
    [
        ("agent", "Are you stupid or something?", True),
        ("agent", "Shut up and listen to me.", True),
        ("agent", "This is f***ing ridiculous.", True),
        ("agent", "Oh for fuck's sake.", True),
        ("agent", "I'm sorry, I didn't mean to sound dumb about it.", False),
        ("caller", "This is bullshit, you idiot.", False),
    ],
)
def test_abusive_language(policy, speaker, text, flagged):
    transcript = call(OPENING, (speaker, 10.0, text))
    assert bool(findings_of(policy, transcript, "abusive_language")) is flagged


@pytest.mark.parametrize(
    ("speaker", "text", "redacted"),
    [
        ("caller", "My social is 123-45-6789.", "XXX-XX-6789."),
        ("caller", "It's 123 45 6789 okay", "XXX XX 6789"),
        ("caller", "it's one two three, four five, six seven eight nine", "X X X, X X, 6 7 8 9"),
        ("caller", "it's one two three uh four five six seven eight nine", "X X X uh X X 6 7 8 9"),
        ("caller", "my card number is 4111 1111 1111 1111", "XXXX XXXX XXXX 1111"),
        ("agent", "let me read that back, 4111-1111-1111-1111, correct?", "XXXX-XXXX-XXXX-1111,"),
        # near misses: no finding
        # a card's length failing the Luhn check: found, for a person to check (test below)
        ("caller", "my card number is 4111 1111 1111 1112", "XXXX XXXX XXXX 1112"),
        # amounts are not digits read out: "20,000, 300,000, 300" is no 14-digit number
        ("caller", "I owe around 20,000, 300,000, 300 cards", None),
        ("caller", "I owe around 20 ,000, 300 ,000, 300 cards", None),
        ("caller", "my social is 000-12-3456", None),  # never issued by the SSA
        ("caller", "my social is 987-65-4321", None),
        ("agent", "call 1-800-633-4227 for help", None),
        ("caller", "the last four of my social are 6789", None),
    ],
)
def test_sensitive_data(policy, speaker, text, redacted):
    findings = [
        f
        for f in findings_of(policy, call(OPENING, (speaker, 10.0, text)), "sensitive_data")
        if f.detector.endswith(":digits")  # the numbers themselves; asking for one is test_asr_tolerance's
    ]
    assert [f.redacted_quote for f in findings] == ([redacted] if redacted else [])
    for finding in findings:
        assert finding.speaker == speaker and finding.quote in text  # the quote itself stays verbatim
        assert finding.redacted_quote in finding.rationale
        assert not any(group in finding.rationale for group in ("123", "4111", "one two three"))


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("123-45-6789", "XXX-XX-6789"),
        ("my card is 4111-1111-1111-1111.", "my card is XXXX-XXXX-XXXX-1111."),
        ("one two three four five six seven eight nine", "X X X X X 6 7 8 9"),
        ("forty five sixty seven eighty nine", "XX 67 89"),
        ("no digits here", "no digits here"),
    ],
)
def test_redact_keeps_only_the_last_four_digits(text, redacted):
    assert mask_digits(text) == redacted


CUSTOM_POLICY = """
version: "1"
name: operator policy
description: detector semantics
rules:
  - id: promise
    title: Promise
    severity: low
    llm_guidance: g
    citation: c
    detectors:
      - kind: forbidden
        speaker: any
        within_seconds: 10
        phrases: ["guaranteed approval"]
  - id: closing
    title: Closing statement
    severity: low
    llm_guidance: g
    citation: c
    detectors:
      - {kind: required, speaker: agent, phrases: ["anything else i can help you with"]}
  - id: tone
    title: Courteous tone
    severity: low
    llm_guidance: Judge the agent's tone.
    citation: internal
"""


@pytest.mark.parametrize(
    ("segments", "flagged"),
    [
        ([("caller", 2.0, "guaranteed approval?")], True),
        ([("agent", 2.0, "so it's guaranteed approval")], True),
        ([("caller", 0.0, "hello?"), ("agent", 12.0, "so it's guaranteed approval")], False),  # after 10 s
        (
            [("agent", 12.0, "so it's guaranteed approval")],
            True,
        ),  # the window opens with the first word heard
        ([("caller", 2.0, "guaranteed"), ("agent", 2.5, "approval")], False),  # speakers never share a match
        (
            [("agent", 2.0, "so it's guaranteed"), ("agent", 8.5, "approval")],
            False,
        ),  # a 5 s pause ends a phrase
    ],
)
def test_speaker_any_and_time_window(segments, flagged):
    findings = evaluate_rules(parse_policy(CUSTOM_POLICY), call(*segments), campaign=None)
    assert bool([f for f in findings if f.rule_id == "promise"]) is flagged


def test_a_required_phrase_without_a_window_may_come_anywhere_and_llm_only_rules_find_nothing():
    policy = parse_policy(CUSTOM_POLICY)
    closing = ("agent", 300.0, "Is there anything else I can help you with?")
    assert evaluate_rules(policy, call(("agent", 0.0, "Hello."), closing), campaign=None) == []
    [finding] = evaluate_rules(
        policy, call(("agent", 0.0, "Hello."), ("agent", 300.0, "Bye.")), campaign=None
    )
    assert (finding.rule_id, finding.start, finding.end) == ("closing", 0.0, 300.3)
    assert finding.rationale == "No closing statement by the agent during the call"


def test_findings_come_in_time_order(policy):
    transcript = call(
        ("agent", 0.0, "Hello?"),
        ("agent", 40.0, "You're guaranteed approval."),
        ("caller", 50.0, "My social is 123-45-6789."),
    )
    findings = evaluate_rules(policy, transcript, campaign=None)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert {f.rule_id for f in findings} == {
        "recording_disclosure",
        "agent_identification",
        "guaranteed_outcome",
        "sensitive_data",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sure, it's 4111 1111 1111 1111", "flagged"),
        # one digit misheard or lost, or a bank account number: a person listens
        ("sure, it's 4111 1111 1111 1112", "needs_review"),
        ("it's a master card, 5 4 2 5 2 3 4 3 1 0 9 9 0 3", "needs_review"),
    ],
)
def test_a_card_length_number_failing_the_card_check_is_for_review(policy, text, expected):
    judgment = judge_call(policy, call(OPENING, ("caller", 10.0, text)), campaign="Personal Loans", llm=None)
    assert judgment.verdict == expected
    if expected == "needs_review":
        assert "failing the card check" in judgment.reasons[0]


def test_a_digits_detector_without_a_check_reports_only_runs_up_to_its_longest():
    policy = parse_policy(
        """
version: "t"
name: t
description: t
rules:
  - id: pin
    title: PIN
    severity: low
    citation: c
    llm_guidance: g
    detectors:
      - kind: digits
        min_digits: 4
        max_digits: 6
        check: none
"""
    )
    assert findings_of(policy, call(("caller", 0.0, "my pin is 4 8 1 5")), "pin")
    assert not findings_of(policy, call(("caller", 0.0, "my number is 5 5 5 1 2 3 4 5 6 7")), "pin")
