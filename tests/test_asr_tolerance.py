"""The rules on transcripts as a small Whisper model really writes them: misheard words, split names, mono
audio with clipped openings, mumbled stretches. A compliant call must not be flagged for the machine's
mistakes, a real violation must still be caught, and where the words are too unclear to tell, a person
decides (needs_review)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from callscript_dagster.judge.verdict import judge_call, rule_verdict
from callscript_dagster.policy import DEFAULT_POLICY, PolicyError, evaluate_rules, load_policy, parse_policy
from callscript_dagster.text import WordStream, verbatim, whole_tokens
from callscript_dagster.transcript import Transcript, Word, turns_from_words

WORD_SECONDS = 0.4
MEDICARE = "Medicare Advantage"


def call(*segments: tuple, duration: float | None = None) -> Transcript:
    """A transcript from (speaker, start seconds, text[, word probability]) segments, word by word."""
    words = sorted(
        (
            Word(
                start=start + i * WORD_SECONDS,
                end=start + i * WORD_SECONDS + 0.3,
                text=f" {text}",
                speaker=speaker,
                probability=rest[0] if rest else 0.9,
            )
            for speaker, start, sentence, *rest in segments
            for i, text in enumerate(sentence.split())
        ),
        key=lambda word: word.start,
    )
    return Transcript(turns=turns_from_words(words), words=words, duration=duration or words[-1].end)


@pytest.fixture(scope="module")
def policy():
    return load_policy()


def rules_hit(policy, transcript: Transcript, campaign: str | None = "Personal Loans") -> set[str]:
    return {f.rule_id for f in evaluate_rules(policy, transcript, campaign=campaign)}


def verdict(policy, transcript: Transcript, campaign: str | None = "Personal Loans"):
    return judge_call(policy, transcript, campaign=campaign, llm=None)


def after_opening(said: str) -> Transcript:
    """A compliant opening, a question from the caller, then the agent says `said`."""
    return call(
        ("agent", 0.0, "Hi, this is Sarah with Acme Lending. This call is recorded."),
        ("caller", 6.0, "Okay, tell me more."),
        ("agent", 9.0, said),
    )


TPMO = (
    "We do not offer every plan available in your area. Currently we represent 8 organizations which offer "
    "52 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program to get information on all of your options."
)


@pytest.mark.parametrize(
    "opening",
    [
        # "Acme Lending" heard as four words; "with" heard as "wit"
        "Thank you for calling Ack Me Land Inc. My name is Sarah. This call is recorded for quality.",
        "Hi, this is Sarah wit Ack Me Land Inc. This call may be recorded.",
        "You've reached Ack Me Land Inc. This is Sarah speaking. This call is recorded.",
    ],
)
def test_a_misheard_company_name_still_identifies_the_company(policy, opening):
    assert rules_hit(policy, call(("agent", 0.0, opening), ("caller", 8.0, "Hi, I need a loan."))) == set()


@pytest.mark.parametrize(
    "disclosure",
    [
        "this call is retarded for quality and training",
        "and if calling recorded for quality purposes",
        "just so you know you are on a recorder line",
        "this conversation is bean recorded for quality assurance",
    ],
)
def test_a_recording_disclosure_with_a_misheard_word_is_still_a_disclosure(policy, disclosure):
    transcript = call(("agent", 0.0, f"Thank you for calling Acme Lending, my name is Sarah, {disclosure}."))
    assert "recording_disclosure" not in rules_hit(policy, transcript)


@pytest.mark.parametrize(
    "said",
    [
        "Don't worry, this call is not recorded.",
        "This call is for quality purposes only.",
        "We value your call, how can I help?",
    ],
)
def test_no_disclosure_or_a_denial_close_to_one_is_still_missing(policy, said):
    transcript = call(("agent", 0.0, f"Thank you for calling Acme Lending, my name is Sarah. {said}"))
    assert "recording_disclosure" in rules_hit(policy, transcript)


@pytest.mark.parametrize(
    "misheard",
    [
        TPMO.replace("do not", "do hot"),
        TPMO.replace("represent", "reprisent").replace("organizations", "organization's"),
        TPMO.replace("Medicare.gov", "medicare dot guv").replace("State Health", "state of health"),
        TPMO.replace("every plan", "every plane").replace("local", "low cal").replace("options", "option"),
    ],
)
def test_the_tpmo_disclaimer_read_in_full_is_matched_through_a_few_misheard_words(policy, misheard):
    transcript = call(
        ("agent", 0.0, "Thanks for calling Acme Health, my name is Sarah, this call may be recorded."),
        ("agent", 8.0, misheard),
    )
    assert "tpmo_disclaimer" not in rules_hit(policy, transcript, campaign=MEDICARE)


@pytest.mark.parametrize(
    ("paraphrase", "missing"),
    [
        # a paraphrase that drops a part of the disclaimer, or turns it into its opposite
        (TPMO.split(". Currently")[1], "detectors[0]:required"),
        (TPMO.replace("We do not offer every plan", "We offer every plan"), "detectors[0]:required"),
        (TPMO.split(" Please contact")[0], "detectors[2]:required"),
    ],
    ids=["no-first-part", "opposite-first-part", "no-referral"],
)
def test_a_tpmo_disclaimer_missing_a_part_is_still_a_violation(policy, paraphrase, missing):
    transcript = call(
        ("agent", 0.0, "Thanks for calling Acme Health, my name is Sarah, this call may be recorded."),
        ("agent", 8.0, paraphrase),
    )
    findings = evaluate_rules(policy, transcript, campaign=MEDICARE)
    assert [f.detector for f in findings if f.rule_id == "tpmo_disclaimer"] == [missing]


OPENING = ("agent", 0.0, "Thanks for calling Acme Lending, my name is Sarah, this call may be recorded.")


@pytest.mark.parametrize(
    "acknowledgement",
    [
        # two words misheard in each
        "I'm sorry about that, I'll remote you from our lust right away. Have a good die.",
        "Absolutely, I understood. I have removed your number from our calling list, you wont get "
        "another coal from us. Have a nice data.",
        "Okay mam, I'll go ahead and put you on our do not coal lest. Sorry for the bother.",
    ],
)
def test_a_polite_confirmation_after_a_do_not_call_request_is_recognised_through_misheard_words(
    policy, acknowledgement
):
    transcript = call(
        OPENING, ("caller", 8.0, "Please take me off your list."), ("agent", 11.0, acknowledgement)
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


@pytest.mark.parametrize(
    "pitch",
    [
        "Sure, but before I remove you, this plan has a zero dollar premium with dental and vision and it "
        "only takes two minutes to see if you qualify for the lower rate today.",
        "I understand. But sir, our rates are the lowest they have been all year and you could save hundreds, "
        "let me just ask you a couple of quick questions about your income.",
        "Sorry. So anyway, what is your monthly income, and do you own your home or do you rent it right now?",
    ],
)
def test_an_agent_who_keeps_pitching_after_a_do_not_call_request_is_still_flagged_critical(policy, pitch):
    transcript = call(OPENING, ("caller", 8.0, "Stop calling me."), ("agent", 10.0, pitch))
    judgment = verdict(policy, transcript)
    assert judgment.verdict == "flagged"
    assert any(f.rule_id == "do_not_call" and f.severity == "critical" for f in judgment.findings)


def test_a_mono_call_with_a_clipped_opening_identifies_the_agent_from_what_is_left(policy):
    # "My name is" lost before the recording started; nobody is labelled agent or caller
    transcript = call(
        ("unknown", 0.0, "Sarah with Acme Lending. This call is recorded for quality."),
        ("unknown", 5.0, "Hi, I'm looking for a personal loan."),
    )
    assert rules_hit(policy, transcript) == set()
    transcript = call(
        ("unknown", 0.0, "name is Sarah with Acme Lending, this call is recorded."),
        ("unknown", 5.0, "Hi, I'm looking for a personal loan."),
    )
    assert rules_hit(policy, transcript) == set()


def test_on_a_mono_call_words_that_may_be_the_callers_are_for_a_person_to_review(policy):
    transcript = call(
        ("unknown", 0.0, "Thanks for calling Acme Lending, my name is Sarah, this call is recorded."),
        ("unknown", 6.0, "My friend said I'm guaranteed approval with you, is that right?"),
        ("unknown", 10.0, "We can look at your application together."),
    )
    judgment = verdict(policy, transcript)
    assert judgment.verdict == "needs_review"
    assert judgment.reasons == [
        "guaranteed_outcome: needs_review (speaker not established (no speaker labels); the rule is about "
        "the agent)"
    ]


def test_a_mono_call_that_never_discloses_recording_is_still_flagged(policy):
    transcript = call(("unknown", 0.0, "Hi, this is Sarah with Acme Lending, how can I help?"))
    assert verdict(policy, transcript).verdict == "flagged"


def test_a_disclosure_lost_in_unclear_audio_is_for_review_not_a_flag(policy):
    transcript = call(
        ("agent", 0.0, "Thanks for calling Acme Lending, my name is Sarah.", 0.3),
        ("agent", 4.0, "this fall his bee sordid wolf a tea", 0.2),
        ("caller", 8.0, "Hi, I need a loan."),
    )
    judgment = verdict(policy, transcript)
    assert judgment.verdict == "needs_review"
    [reason] = judgment.reasons
    assert reason.startswith("recording_disclosure: needs_review (transcript too unclear: words in 0.0–")
    [finding] = judgment.findings
    assert finding.uncertain and finding.rule_id == "recording_disclosure"


def test_a_clearly_heard_missing_disclosure_is_flagged(policy):
    transcript = call(
        ("agent", 0.0, "Thanks for calling Acme Lending, my name is Sarah. How can I help?", 0.95),
        ("caller", 5.0, "Hi, I need a loan.", 0.9),
    )
    assert verdict(policy, transcript).verdict == "flagged"


def test_a_mumbled_guarantee_is_for_review_and_a_clear_one_is_flagged(policy):
    def said(probability: float):
        return call(OPENING, ("agent", 8.0, "you are guaranteed to be approved today", probability))

    assert verdict(policy, said(0.25)).verdict == "needs_review"
    assert verdict(policy, said(0.9)).verdict == "flagged"


def test_fuzzy_search_finds_every_misheard_phrase_along_a_long_call_and_only_inside_its_window():
    filler = "so let me look at the plans that fit your doctors and your budget " * 40
    said = f"{filler} this call is retarded {filler} this call is recorded {filler}"
    stream = WordStream.of(
        [Word(start=i * 0.4, end=i * 0.4 + 0.3, text=t) for i, t in enumerate(said.split())]
    )
    found = stream.fuzzy_spans("this call is recorded", 0.85)
    assert [verbatim(w.text for w in stream.words_of(span)) for span, _ in found] == [
        "this call is retarded",
        "this call is recorded",
    ]
    assert [round(score, 2) for _, score in found] == [0.9, 1.0]
    second_half = stream.window(stream.words[len(stream.words) // 2].start, 10_000)
    assert len(stream.fuzzy_spans("this call is recorded", 0.85, second_half)) == 1


def test_a_card_number_whisper_ran_together_past_any_card_length_is_for_review(policy):
    heard = "my number is " + " ".join(["one"] * 22)
    judgment = verdict(policy, call(OPENING, ("caller", 8.0, heard)))
    assert judgment.verdict == "needs_review"
    [finding] = [f for f in judgment.findings if f.rule_id == "sensitive_data"]
    assert "one one" not in finding.quote and finding.uncertain.startswith("22 digits in a row")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("If you can't decide right now the rate is gone.", "flagged"),  # "you have to decide", misheard
        ("You don't have to decide right now, take your time.", "safe"),
    ],
)
def test_a_misheard_pressure_line_is_caught_and_its_negation_is_not(policy, said, expected):
    assert verdict(policy, call(OPENING, ("agent", 8.0, said))).verdict == expected


@pytest.mark.parametrize(
    ("llm", "expected"),
    [
        (None, "needs_review"),  # rules only: a person decides
        ("violation", "flagged"),  # the LLM confidently sees it too
        ("unsure", "needs_review"),
        ("nothing", "needs_review"),  # a mishearing is no reason to pass the call either
    ],
)
def test_a_rule_that_fired_only_on_unclear_evidence_is_settled_by_the_llm_or_a_person(llm, expected):
    verdict_, why = rule_verdict(
        severity="high", checked=True, rules_fired=False, llm=llm, rules_unsure="transcript too unclear"
    )
    assert verdict_ == expected and "transcript too unclear" in why


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("min_similarity", 0, "min_similarity: must be > 0"),
        ("min_similarity", 1.5, "min_similarity"),
        ("min_word_probability", -0.1, "min_word_probability: must be >= 0"),
        ("review_similarity", 1, "review_similarity: must be less than 1"),
    ],
)
def test_a_policy_with_an_impossible_threshold_names_the_field(field, value, message):
    text = f"""
version: "1"
name: n
description: d
rules:
  - id: disclosure
    title: Disclosure
    severity: low
    llm_guidance: g
    citation: c
    detectors:
      - {{kind: required, phrases: ["this call is recorded"], {field}: {value}}}
"""
    with pytest.raises(PolicyError) as error:
        parse_policy(text)
    assert f"rule 'disclosure': detectors[0].{message}" in str(error.value)


PITCH = "But sir, our rates are the lowest they have been all year, what is your monthly income?"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Stop calling me.", "flagged"),
        ("Top calling me.", "needs_review"),  # heard only nearly: the request may be misheard, or not made
        ("Thanks for calling me back.", "safe"),
        # "do not contact me" without its "not" is the opposite: no near match
        ("Please do contact me after five.", "safe"),
        # ... but "not" misheard as "hot" still holds it
        ("Please do hot contact me again.", "needs_review"),
    ],
)
def test_a_do_not_call_request_heard_only_nearly_sends_an_ignored_request_to_review(policy, said, expected):
    judgment = verdict(policy, call(OPENING, ("caller", 8.0, said), ("agent", 10.0, PITCH)))
    assert judgment.verdict == expected
    if expected == "needs_review":
        [reason] = judgment.reasons
        quote = reason.split("'")[1]
        assert reason.startswith("do_not_call: needs_review (only a near match: '") and quote in said
        assert "alike (< 1); misheard, or not said?" in reason


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Call my record in for training purposes.", "needs_review"),  # "this call is recorded for ..."
        ("This call is for quality purposes only.", "flagged"),  # not a disclosure, and not nearly one
        ("How can I help you today?", "flagged"),
    ],
)
def test_a_missing_disclosure_is_for_review_where_something_nearly_like_it_was_said(policy, said, expected):
    transcript = call(
        ("agent", 0.0, f"Thanks for calling Acme Lending, my name is Sarah. {said}", 0.95),
        ("caller", 6.0, "Hi, I need a loan.", 0.95),
    )
    judgment = verdict(policy, transcript)
    assert judgment.verdict == expected
    [reason] = judgment.reasons
    if expected == "needs_review":
        assert (
            "only a near match: 'Sarah. Call my record in for training purposes.' at 3.2 s is 0.79" in reason
        )
    else:
        assert reason == "recording_disclosure: flagged (rules)"


def test_a_review_similarity_needs_phrases_and_must_be_below_min_similarity():
    text = """
version: "1"
name: n
description: d
rules:
  - id: disclosure
    title: Disclosure
    severity: low
    llm_guidance: g
    citation: c
    detectors:
      - {kind: required, patterns: ["call is recorded"], min_similarity: 0.9, review_similarity: %s}
"""
    with pytest.raises(PolicyError, match="review_similarity needs phrases"):
        parse_policy(text % 0.8)
    with pytest.raises(PolicyError, match="review_similarity must be below min_similarity"):
        parse_policy(text.replace("patterns", "phrases") % 0.9)


def test_the_last_few_words_of_a_call_are_not_found_inside_a_longer_phrase():
    # The search's last chunk may be shorter than the phrase; rapidfuzz then aligns the chunk inside the
    # phrase, and "security" would read as "calling on behalf of social security" at similarity 1.
    said = ("so let me look at the plans that fit your doctors " * 8 + "and your social security").split()
    stream = WordStream.of([Word(start=i * 0.4, end=i * 0.4 + 0.3, text=t) for i, t in enumerate(said)])
    assert stream.fuzzy_spans("calling on behalf of social security", 0.75) == []
    assert stream.fuzzy_spans("your social security", 0.9) != []


@pytest.mark.parametrize(
    ("speaker", "text", "expected"),
    [
        # the digits came out as words: someone has to listen to what was read
        ("agent", "I need your social security number to run the application.", "needs_review"),
        ("caller", "Sure, my card number is for one one won, won won one.", "needs_review"),
        ("agent", "And the security code on the back?", "needs_review"),
        # read clearly, the number itself flags the call
        ("caller", "My social security number is 219 05 3348.", "flagged"),
        # no full number asked for or given
        ("agent", "Can you confirm the last four digits of your social security number?", "safe"),
        ("agent", "I'll transfer you so you can enter your card number on the keypad.", "safe"),
        ("agent", "We will never ask for your card number on this call.", "safe"),
        ("agent", "What's the best phone number to reach you?", "safe"),
    ],
)
def test_a_full_number_asked_for_or_given_is_for_review_when_the_digits_were_not_heard(
    policy, speaker, text, expected
):
    judgment = verdict(policy, call(OPENING, (speaker, 8.0, text)))
    assert judgment.verdict == expected
    if expected == "needs_review":
        assert judgment.reasons == [
            "sensitive_data: needs_review (full SSN, card or account number asked for or given: the policy "
            "asks a person to check, not to flag)"
        ]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # an introduction whose name or company came out as other words: a person listens
        (
            "Good morning. You've reached Luvam in Shorland. This is camera on. This call is recorded.",
            "needs_review",
        ),
        # heard as a name, even a wrong one: the agent gave one
        ("Good morning. You've reached Luvam in Shorland. This is Cameron. This call is recorded.", "safe"),
        (
            "This call is recorded. My name is Andrew the front end right scene. How can I help?",
            "needs_review",
        ),
        (
            "This call is recorded. I ban you from north south islands. What are you looking for?",
            "needs_review",
        ),
        # nothing like an introduction, or a name with nothing after it: flagged as before
        ("Hello, this call is recorded. How can I help you today?", "flagged"),
        ("Hello, this call is recorded. My name is Sarah. How can I help you today?", "flagged"),
        # a clear introduction
        ("This call is recorded. My name is Sarah with Acme Lending. How can I help?", "safe"),
    ],
)
def test_an_introduction_heard_without_a_clear_name_or_company_is_for_review(policy, opening, expected):
    transcript = call(("agent", 0.0, opening), ("caller", 12.0, "Hi, I need a personal loan."))
    judgment = verdict(policy, transcript)
    assert judgment.verdict == expected
    if expected == "needs_review":
        [reason] = judgment.reasons
        assert reason.startswith("agent_identification: needs_review (only something like it: '")


def test_asking_for_the_caller_is_not_an_introduction_misheard(policy):
    # "May I speak with Mrs. Greer?" names the caller, and "I'm calling from" leaves no room for a name: a call
    # with no agent name is flagged, not reviewed
    transcript = call(
        (
            "agent",
            0.0,
            "Hello, may I speak with Mrs. Greer? I'm calling from Acme Lending, and this call is recorded.",
        ),
        ("caller", 8.0, "Speaking."),
    )
    assert verdict(policy, transcript).reasons == ["agent_identification: flagged (rules)"]


def test_a_detector_asking_for_review_never_flags_and_a_firm_finding_still_does():
    policy = parse_policy(
        """
version: "t"
name: t
description: t
rules:
  - id: wording
    title: Wording
    severity: low
    citation: c
    llm_guidance: g
    detectors:
      - kind: forbidden
        outcome: needs_review
        phrases: [cheap]
      - kind: forbidden
        phrases: [scam]
"""
    )
    assert verdict(policy, call(("agent", 0.0, "it is cheap"))).verdict == "needs_review"
    assert verdict(policy, call(("agent", 0.0, "it is cheap and a scam"))).verdict == "flagged"
    assert verdict(policy, call(("agent", 0.0, "it is fine"))).verdict == "safe"


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Thanks for calling Acme Lending, my name is Sarah. This line is kept for training.",
            "needs_review",
        ),
        (
            "Thanks for calling Acme Lending, my name is Sarah. For quality purposes, may I have your name?",
            "flagged",
        ),
        # reviewing is not recording, however alike the letters; shaped like a disclosure, a person checks
        (
            "Thanks for calling Acme Lending, my name is Sarah. Calls are reviewed for quality.",
            "needs_review",
        ),
        # the word that matters was heard, the rest of the sentence not
        ("Hello, this morning recording for quality purposes. My name is Sarah with Acme Lending.", "safe"),
        ("Acme Lending, Sarah speaking. A recorder's running on this call.", "safe"),
        ("Acme Lending, Sarah speaking. Fair to mention, the record is running on this call.", "safe"),
        # a recorder heard as another word, in a disclosure's shape
        (
            "Acme Lending, Sarah speaking. Fair to mention, the reporters running on this call.",
            "needs_review",
        ),
        # "record" as tiny.en most often mishears it, in a disclosure's shape, is the disclosure
        ("Hi, Sarah over at Acme Lending. Our phone system is reporting us right now, by the way.", "safe"),
        ("Hi, Sarah over at Acme Lending. Quick note, our calls get reported.", "safe"),
        # but reporting payments to the credit bureaus is not recording: shaped like it, a person checks
        (
            "Hi, Sarah over at Acme Lending. We report all payments to the three credit bureaus.",
            "needs_review",
        ),
        ("Acme Lending, Sarah speaking. This call is going into our according system.", "needs_review"),
    ],
)
def test_a_disclosure_shaped_sentence_with_its_verb_misheard_is_for_review(policy, opening, expected):
    judgment = verdict(policy, call(("agent", 0.0, opening), ("caller", 10.0, "Hi, I need a loan.")))
    assert judgment.verdict == expected
    if expected == "needs_review":
        assert judgment.reasons[0].startswith("recording_disclosure: needs_review (only ")


@pytest.mark.parametrize(
    "opening",
    [
        "Hi, Rachel here, from Ironwood Auto Insurance. Heads up, we record our calls.",
        "Good afternoon, Brightpath Lending, Omar speaking. This line is monitored and recorded.",
        "Hi there, we record our calls. Clear water debt relief, Brenda speaking. How can I help?",
        "Quick note, I am recording our conversation. This is Mister Keith from Senior Plans.",
        "Everything on this call is being recorded. You're speaking with Omar at Maplewood Life.",
        # where the name and the company go, whatever the verb: "on my end", "dialed", "calling for"
        "Morning, thanks for ringing Harborview Debt Relief, Jolene on my end. A recorder's running on this call.",
        "Afternoon, you've dialed Northgate Health Advisors, my name is Oscar. This call is recorded.",
        "Hi Mister Alvarez, Everett calling for Northgate Health Advisors. We record our calls.",
        # a proper noun before a trade word is a trade name, whatever came before it
        "Hello, so, Northgate Health Advisors here, I'm Oscar. We record our calls.",
        "Willowbrook Life, good morning, this is Leon. This line records automatically, so what we say gets saved.",
        "Thanks for waiting, you're through to Leon at Tidewater Lending. Every conversation gets recorded.",
        "Hi, Wendell here, clawing from Willowbrook Life. This claw is recorded from start to finish.",
    ],
)
def test_identifications_and_disclosures_in_other_words_are_recognised(policy, opening):
    transcript = call(("agent", 0.0, opening), ("caller", 12.0, "Hi, I need a personal loan."))
    assert verdict(policy, transcript).verdict == "safe"


def test_a_name_without_a_company_is_still_missing_a_company(policy):
    transcript = call(
        ("agent", 0.0, "Hi, we record our calls. You're speaking with Omar. What do you need?"),
        ("caller", 8.0, "Hi, I need a personal loan."),
    )
    assert verdict(policy, transcript).reasons == ["agent_identification: flagged (rules)"]


@pytest.mark.parametrize(
    "opening",
    [
        # names misheard as other names, still written as names where an introduction puts them
        "Thanks for holding, it's Travid over at Lakeshore Credence. This call is recorded.",
        "Good morning, you've got Lorraine at Copperfield. This conversation is recorded, just so you're aware.",
        "Keystone Senior Plan, Brenda speaking. We do record these calls. How can I help?",
        # a trade name heard as other words still ends in its trade
        "copper field auto insurance, good morning, you've got Lorraine. This conversation is recorded.",
    ],
)
def test_an_introduction_with_names_heard_as_proper_nouns_identifies_the_agent(policy, opening):
    transcript = call(("agent", 0.0, opening), ("caller", 12.0, "Hi, I need a personal loan."))
    assert verdict(policy, transcript).verdict == "safe"


@pytest.mark.parametrize(
    "opening",
    [
        "Hi, this is Gwen. This call is recorded. How can I help?",
        "Hi, you reached the senior health benefits line. I'm Cara. We do record the call.",
        "Hi, you've dialed the Senior Benefits Line. I'm Cara. We do record the call.",
        "Hi, Jolene on my end, we record our calls. What can I do for you?",
    ],
)
def test_a_name_with_no_identifiable_company_is_still_missing_a_company(policy, opening):
    transcript = call(("agent", 0.0, opening), ("caller", 12.0, "Hi, I need a personal loan."))
    assert verdict(policy, transcript).reasons == ["agent_identification: flagged (rules)"]


def test_proper_names_are_words_capitalized_inside_a_sentence_not_at_its_start():
    words = [
        Word(start=i * 0.4, end=i * 0.4 + 0.3, text=f" {text}")
        for i, text in enumerate(
            "Thanks for holding, it's Trevor over at Copperfield Auto. I'm here. Okay?".split()
        )
    ]
    stream = WordStream.of(words)
    assert {stream.tokens[i].text for i in stream.proper_names} == {"trevor", "copperfield", "auto"}
    # after a long silence Whisper starts a new sentence: its capital is not a name's
    late = [*words, Word(start=30.0, end=30.3, text=" Sure")]
    assert "sure" not in {WordStream.of(late).tokens[i].text for i in WordStream.of(late).proper_names}
    # a job title the transcriber capitalized is no one's name
    titled = [
        Word(start=i * 0.4, end=i * 0.4 + 0.3, text=f" {text}")
        for i, text in enumerate(
            "You have one of the enrolment Councillors here, and the Agents too.".split()
        )
    ]
    assert not WordStream.of(titled).proper_names


def test_a_name_pattern_rejected_at_one_word_is_still_tried_at_the_next():
    words = [
        Word(start=i * 0.4, end=i * 0.4 + 0.3, text=f" {text}")
        for i, text in enumerate("Hello, so, Northgate Health Advisors here.".split())
    ]
    stream = WordStream.of(words)
    # "so northgate health" is tried first and rejected ("so" is no name); that must not hide the company
    [span] = stream.spans([whole_tokens("{name} ({name} )?(health|advisors)")])
    assert [stream.tokens[i].text for i in range(span[0], span[1] + 1)] == ["northgate", "health", "advisors"]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("My name is Sarah with Acme Lending. We do record these calls.", "safe"),
        ("My name is Sarah with Acme Lending. We don't record these calls, so speak freely.", "flagged"),
        ("My name is Sarah with Acme Lending. This call is not recorded.", "flagged"),
        # the verb misheard: shaped like a disclosure, a person listens
        ("My name is Sarah with Acme Lending. Heads up, we return our calls.", "needs_review"),
        ("My name is Sarah with Acme Lending. This conversation is a little worth it.", "needs_review"),
    ],
)
def test_a_disclosure_said_or_denied_in_other_words(policy, opening, expected):
    judgment = verdict(policy, call(("agent", 0.0, opening), ("caller", 10.0, "Hi, I need a loan.")))
    assert judgment.verdict == expected


@pytest.mark.parametrize(
    ("said", "rule"),
    [
        ("You're approved, 100 percent, it's a done deal.", "guaranteed_outcome"),
        ("You'll definitely qualify, trust me.", "guaranteed_outcome"),
        ("Nobody I've sent over has ever been turned down.", "guaranteed_outcome"),
        (
            "My manager can only hold this program till midnight, you need to sign tonight.",
            "misrepresentation_pressure",
        ),
        ("Are you deaf? You people are so dense.", "abusive_language"),
        ("Shut your mouth and listen.", "abusive_language"),
        # an insult is not an agent calling himself names
        ("I'm telling you, what an idiot you are.", "abusive_language"),
    ],
)
def test_promises_pressure_and_insults_without_their_usual_words_are_flagged(policy, said, rule):
    transcript = call(
        ("agent", 0.0, "Hi, this is Sarah with Acme Lending. This call is recorded."),
        ("caller", 6.0, "Do you think I will get it?"),
        ("agent", 9.0, said),
    )
    judgment = verdict(policy, transcript)
    assert judgment.verdict == "flagged"
    assert [reason.split(":")[0] for reason in judgment.reasons] == [rule]


@pytest.mark.parametrize(
    "said",
    [
        "It's not a done deal until the underwriter signs off.",
        "You don't need to sign tonight, take the weekend.",
        "I can't promise you'll qualify, the lender decides.",
    ],
)
def test_their_negations_and_hedges_are_not(policy, said):
    transcript = call(
        ("agent", 0.0, "Hi, this is Sarah with Acme Lending. This call is recorded."),
        ("caller", 6.0, "Is it a sure thing? Are you deaf to my question?"),
        ("agent", 12.0, said),
    )
    assert verdict(policy, transcript).verdict == "safe"


def test_a_question_after_a_do_not_call_request_is_not_an_acknowledgement(policy):
    transcript = call(
        OPENING,
        ("caller", 8.0, "No more of these calls for me. Please cross my name off."),
        (
            "agent",
            13.0,
            "Okay, noted, just real quick before you go, are you happy with the drug coverage you have?",
        ),
    )
    assert "do_not_call" in rules_hit(policy, transcript)
    # the same acknowledgement, said as a statement, ends the matter
    transcript = call(
        OPENING,
        ("caller", 8.0, "No more of these calls for me. Please cross my name off."),
        ("agent", 13.0, "Okay, noted, your name is off our list as of today."),
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


def test_what_follows_but_in_an_acknowledgement_still_counts(policy):
    def after_request(reply: str) -> Transcript:
        return call(OPENING, ("caller", 8.0, "Please stop calling me."), ("agent", 12.0, reply))

    pitch = "I completely understand, but before you go, we could knock your payment down by a third for you."
    assert "do_not_call" in rules_hit(policy, after_request(pitch + " It only takes two minutes."))
    assert "do_not_call" not in rules_hit(
        policy, after_request("I understand, but you're removed now, sorry.")
    )
    upsell = "Absolutely, I'll get that done, oh, before I do, what are you paying a month right now?"
    assert "do_not_call" in rules_hit(policy, after_request(upsell + " We could knock that down."))

    # the turns are the policy's words: one that lists its own ...
    except_pitch = (
        "Understood, except we could knock your monthly payment down by a full third for you in two minutes."
    )
    assert "do_not_call" not in rules_hit(policy, after_request(except_pitch))
    own = yaml.safe_load(resources.files("callscript_dagster.policy").joinpath(DEFAULT_POLICY).read_text())
    [do_not_call] = [rule for rule in own["rules"] if rule["id"] == "do_not_call"]
    acknowledged_by = do_not_call["detectors"][0]["then"]["acknowledged_by"]
    acknowledged_by["turns"] = ["except"]
    assert "do_not_call" in rules_hit(parse_policy(yaml.safe_dump(own)), after_request(except_pitch))
    # ... and one that says nothing keeps the usual English ones
    del acknowledged_by["turns"]
    without = parse_policy(yaml.safe_dump(own))
    assert "do_not_call" in rules_hit(without, after_request(pitch + " It only takes two minutes."))


def test_take_me_off_hold_or_speaker_is_not_a_do_not_call_request(policy):
    transcript = call(
        OPENING, ("caller", 8.0, "Take me off speaker, I can barely hear you."), ("agent", 13.0, PITCH)
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


def test_a_removal_confirmed_over_several_short_turns_and_a_polite_goodbye_is_not_pitching(policy):
    transcript = call(
        OPENING,
        ("caller", 8.0, "Look, I'm not interested. Take my name off your call list, please."),
        ("agent", 13.0, "Okay. I'm taking you off our call list."),
        ("caller", 16.0, "Are you people still going to keep sending me letters?"),
        ("agent", 20.0, "The mailing list is separate. But I can remove you from that one too. I'm doing it"),
        ("caller", 27.0, "Please"),
        ("agent", 27.5, "now."),
        ("caller", 28.0, "Thanks."),
        ("agent", 28.5, "You're welcome. Take care."),
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


def test_within_sentence_keeps_a_pattern_from_pairing_words_of_two_sentences():
    template = """
version: "t"
name: t
description: t
rules:
  - id: promise
    title: Promise
    severity: low
    citation: c
    llm_guidance: g
    detectors:
      - kind: forbidden
        within_sentence: {within}
        patterns: ['promise( \\w+){{0,8}} approved']
"""
    one = call(("agent", 0.0, "I promise you will be approved."))
    two = call(("agent", 0.0, "I promise. We will tell you if you are approved."))
    paired = parse_policy(template.format(within="false"))
    within = parse_policy(template.format(within="true"))
    assert verdict(paired, one).verdict == verdict(paired, two).verdict == "flagged"
    assert verdict(within, one).verdict == "flagged"
    assert verdict(within, two).verdict == "safe"


@pytest.mark.parametrize(
    ("said", "rule"),
    [
        # certainty about an outcome without a promise's usual words
        ("I promise the money will be in your account by Friday.", "guaranteed_outcome"),
        ("I promise you'll save at least a hundred dollars a month.", "guaranteed_outcome"),
        # a hold or a loss tied to a deadline
        ("I can only hold this quote for the next ten minutes.", "misrepresentation_pressure"),
        ("If you don't switch by Friday, you'll lose your benefits.", "misrepresentation_pressure"),
        # a government program
        ("This is a federal relief program for homeowners.", "misrepresentation_pressure"),
        # scorn and a threat without a swear word
        ("Seriously, a child could follow this.", "abusive_language"),
        (
            "Go ahead and try it, and I'll see to it that every collector in the state gets your home address.",
            "abusive_language",
        ),
    ],
)
def test_promises_deadlines_and_government_claims_by_meaning_are_for_a_person(policy, said, rule):
    transcript = after_opening(said)
    judgment = verdict(policy, transcript)
    assert judgment.verdict == "needs_review"
    assert [reason.split(":")[0] for reason in judgment.reasons] == [rule]


@pytest.mark.parametrize(
    "said",
    [
        "I can't promise you'll save anything, every creditor is different.",
        "Nobody here can promise you an approval.",
        "Take your time, you won't lose your rate.",
        "Open enrollment ends December 7, so there's time to decide.",
        "Please contact your local State Health Insurance Program for all your options.",
        "Medicare is a federal program, but we're a private agency.",
    ],
)
def test_their_honest_counterparts_are_not(policy, said):
    transcript = after_opening(said)
    assert verdict(policy, transcript).verdict == "safe"


def test_a_missing_statement_is_for_review_where_one_stretch_of_the_opening_was_garbled(policy):
    # Most words clear (the window's mean stays above 0.6), one sentence heard at 0.2: it may be the
    # disclosure misheard, so a person listens; the same opening heard clearly is a missing disclosure.
    def opening(garbled: float) -> Transcript:
        return call(
            ("agent", 0.0, "Thanks for calling Acme Lending, my name is Sarah, how are you today", 0.95),
            ("agent", 5.0, "our claw market so we keep", garbled),
            ("agent", 8.0, "what can I help you with this morning my friend", 0.95),
            ("caller", 13.0, "Hi, I need a loan.", 0.95),
        )

    unclear = verdict(policy, opening(0.2))
    assert unclear.verdict == "needs_review"
    [reason] = unclear.reasons
    assert reason.startswith("recording_disclosure: needs_review (unclear: 'our claw market so' at 5.0 s")
    assert verdict(policy, opening(0.9)).verdict == "flagged"


@pytest.mark.parametrize(
    "request_said",
    [
        "I'm all set, don't bother calling back here.",
        "Make sure nobody from your company calls me again.",
        "I want to be taken off your list.",
        "I don't want any more of these calls.",
        "Just put me down as do not call.",
        "Actually, you know what, removed me from your list.",
        "You know, no more of these calls for me. Please cross my name off.",
        "I said, take me off.",
        "Actually, I'd rather you didn't call me again.",
    ],
)
def test_a_do_not_call_request_in_other_words_is_still_a_request(policy, request_said):
    judgment = verdict(policy, call(OPENING, ("caller", 8.0, request_said), ("agent", 13.0, PITCH)))
    assert judgment.verdict == "flagged"
    assert [reason.split(":")[0] for reason in judgment.reasons] == ["do_not_call"]


def test_a_request_in_other_words_that_is_acknowledged_is_not_pitching(policy):
    transcript = call(
        OPENING,
        ("caller", 8.0, "Make sure nobody from your company calls me again."),
        ("agent", 13.0, "Understood, I've removed your number. Have a good day."),
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


@pytest.mark.parametrize(
    ("said", "rule", "expected"),
    [
        (
            "We're contracted by Medicare to make sure seniors get enrolled.",
            "misrepresentation_pressure",
            "flagged",
        ),
        ("I need a yes from you before we hang up.", "misrepresentation_pressure", "flagged"),
        (
            "If we hang up, I lose it and it goes back to the regular price.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "Today is the last day, after midnight the program closes.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "Keep yelling at me and I'll make sure no lender ever touches you.",
            "abusive_language",
            "needs_review",
        ),
        (
            "You're going to be paying less than you ever have, guaranteed.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("I'll beat any price you bring me.", "guaranteed_outcome", "needs_review"),
        ("You know what, pal, you're a real jackass.", "abusive_language", "flagged"),
        ("Honestly, you are too old to follow this.", "abusive_language", "flagged"),
        ("We will settle every one of these cards for half.", "guaranteed_outcome", "needs_review"),
        ("Let me confirm, your social is 4 1 2 7 7.", "sensitive_data", "needs_review"),
        ("And the three digits on the back?", "sensitive_data", "needs_review"),
        (
            "Once you enroll, you'll be completely debt free in 30 months.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("Nothing can stop this from paying out, no matter what.", "guaranteed_outcome", "needs_review"),
        (
            "I'm going to save you at least 50 bucks a month over what you pay now, that's a promise.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("If we don't lock it in on this call, it's gone.", "misrepresentation_pressure", "needs_review"),
        ("They are pulling these rates at 6 tonight.", "misrepresentation_pressure", "needs_review"),
        ("What is wrong with you? It's not that hard.", "abusive_language", "needs_review"),
        ("Nobody's going to lend to a deadbeat like you anyway.", "abusive_language", "flagged"),
        ("With a house and steady work like yours, you're approved.", "guaranteed_outcome", "needs_review"),
        ("Every one of your creditors will settle with us.", "guaranteed_outcome", "needs_review"),
        ("It's a good rate, you can take that to the bank.", "guaranteed_outcome", "needs_review"),
        ("Well, fine, genius, enjoy being broke.", "abusive_language", "needs_review"),
        ("Nobody else is going to lend you a dime.", "abusive_language", "needs_review"),
        ("Oh my god, you are painfully slow, you know that?", "abusive_language", "flagged"),
        ("Just answer the question, I don't have all day.", "abusive_language", "needs_review"),
        (
            "The rate we've been holding for you vanishes at five this afternoon.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        ("Sure, my checking account number is 666-1842397.", "sensitive_data", "flagged"),
        (
            "The minute this call ends without a signature, this rate is blocked.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        ("You need to decide before we get up this call.", "misrepresentation_pressure", "needs_review"),
        (
            "Routing number 0 7 1 0 0 0 0 1 3, account number 3 9 2 8 4 1 7 7, is that right?",
            "sensitive_data",
            "flagged",
        ),
        # a spoken "four" among the digits written "for": still the card's sixteen digits
        ("Double checking it with you now, 6011 for 827 3309 1569.", "sensitive_data", "flagged"),
        ("Okay, it's five to nine, four one, seven three eight zero.", "sensitive_data", "flagged"),
        ("With your income, you're as good as approved.", "guaranteed_outcome", "flagged"),
        ("Whatever you pay now, I can promise you'll pay less with us.", "guaranteed_outcome", "flagged"),
        ("Your balances will be cut in half, you have my word.", "guaranteed_outcome", "needs_review"),
        (
            "That's the beauty of it, your daughter gets the full amount even next week.",
            "guaranteed_outcome",
            "needs_review",
        ),
        (
            "We only got two policies left at this price in your state.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "Your Medicare benefits get cut off this Friday unless you switch plans with me today.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "I have to have your answer while we're still on the phone.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        ("Nobody is taking you off anything, you cheapskate.", "abusive_language", "flagged"),
        ("Then go find yourself another sucker.", "abusive_language", "flagged"),
        (
            "Every creditor on your list is going to settle, consider it settled.",
            "guaranteed_outcome",
            "flagged",
        ),
        (
            "You're going to be completely free of this debt in 30 months.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("We have a perfect record, nobody says no to us.", "guaranteed_outcome", "needs_review"),
        (
            "Here's my promise to you: your bill drops by 300 dollars this year.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("Quit whining, lady, you're a real pain in the ass.", "abusive_language", "flagged"),
        ("A grown woman running up this much. It's pathetic.", "abusive_language", "flagged"),
        ("Your approval in a done deal, no paperwork needed.", "guaranteed_outcome", "flagged"),
        (
            "I promise you this, you pay at least twenty per cent less than with your current insurer.",
            "guaranteed_outcome",
            "needs_review",
        ),
        ("We knock 40 percent off every single balance you've got.", "guaranteed_outcome", "needs_review"),
        ("I swear it, your payment will be lower by spring.", "guaranteed_outcome", "needs_review"),
        (
            "Eighty five hundred hits your bank by Friday, no question about it.",
            "guaranteed_outcome",
            "needs_review",
        ),
        (
            "It's a national hardship scheme, run by the government.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "Washington set it up for folks like you.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        (
            "This price locks at midnight, I want your yes this minute.",
            "misrepresentation_pressure",
            "flagged",
        ),
        (
            "Heads up, the rate goes up tomorrow morning.",
            "misrepresentation_pressure",
            "needs_review",
        ),
        ("For the credit check I'll take your social, please.", "sensitive_data", "needs_review"),
    ],
)
def test_pressure_threats_promises_and_numbers_in_other_words(policy, said, rule, expected):
    transcript = after_opening(said)
    judgment = verdict(policy, transcript)
    assert judgment.verdict == expected
    assert [reason.split(":")[0] for reason in judgment.reasons] == [rule]


@pytest.mark.parametrize(
    "said",
    [
        "This plan is offered by a company with a Medicare contract.",
        "If we get disconnected, I'll call you right back at this number.",
        "I'll make sure you get the best rate we can find.",
        "We may be able to settle some of these cards for less, it depends on each creditor.",
        "Please contact your local State Health Insurance Assistance Program, SHIP.",
        "The last four of your social is all I need.",
        "At your age you are too old to qualify for term life, but final expense is open to you.",
        "I can't make you any promises on approval, that's up to the underwriter.",
        "Once you're approved, the money arrives in two days.",
        "If you're approved, we'll mail the papers.",
        "The last four of your account number are 4 4 1 7, right?",
        "Take your time, the quote stays good after this call ends.",
        # "which ZIP code are you in?" as tiny.en wrote it
        "That happens a lot this time of year for SHIT, COVID 19,",
        "Nobody else is going to charge you less than this, I checked.",
        "Sure, genius idea, let's look at the numbers together.",
        # the agent calling himself names is no insult to the caller
        "Oh, I'm such a dummy, I typed your income in wrong, let me fix that.",
        "I can't promise you'll pay less, but let's compare.",
        "We may be able to cut some of these balances, but I can't say by how much.",
        "Guaranteed issue pays the full benefit only after two years; before that, your premiums back plus interest.",
        "You'll have two weeks left to cancel for a full refund.",
        "I'm the cheap option, honestly, compared with the big names.",
        "The quote is good for 30 days, so talk it over with your wife.",
        "We have 2 for 1 pricing on the second car, that's 20 for the month.",
        "I can't promise you'll be free of this debt, it depends on each creditor.",
        "Sure thing, consider it done, you're off our list.",
        "That rate is not guaranteed in writing until the underwriter signs.",
        # "over" as in sending something over, not an offer being over
        "I'll send a written summary over today, my extension is on it.",
        "It's not a done deal until the lender signs off, so no promises.",
        "Medicare itself is run by the federal government; we are a private agency.",
        "The price you see is what you pay, we'll lock it in once you're approved.",
        "That card rewards program is pretty pathetic compared with the one we offer, I'll admit.",
    ],
)
def test_their_everyday_counterparts_are_not(policy, said):
    transcript = after_opening(said)
    assert verdict(policy, transcript).verdict == "safe"


def test_the_ship_referral_heard_as_a_swear_word_is_not_profanity(policy):
    transcript = call(
        ("agent", 0.0, "Hi, this is Sarah with Acme Lending. This call is recorded."),
        ("caller", 6.0, "Okay, tell me more."),
        ("agent", 9.0, "or your local state health insurance assistance program shit for all your options"),
    )
    assert "abusive_language" not in rules_hit(policy, transcript)


def test_a_disclosure_in_the_future_tense_is_a_disclosure(policy):
    transcript = call(
        (
            "agent",
            0.0,
            "You've reached Acme Lending, my name is Sarah. Just so you know, we'll record this call.",
        ),
        ("caller", 8.0, "Hi, I need a loan."),
    )
    assert rules_hit(policy, transcript) == set()


def test_a_caller_saying_what_they_are_looking_at_names_no_company_on_a_mono_call(policy):
    transcript = call(
        ("unknown", 0.0, "Hi, this is Crystal, and I have to tell you the call is recorded."),
        ("unknown", 7.0, "I'm looking at burial insurance, something small."),
    )
    judgment = verdict(policy, transcript)
    assert judgment.reasons == ["agent_identification: flagged (rules)"]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # what recording means, in other words
        (
            "Fairway Relief, this is Tasha. Heads up, a supervisor may be listening, and the call gets saved.",
            "safe",
        ),
        # "you've got Renee" with the name heard as a word: for a person, not a flag
        (
            "Copperfield Auto Insurance, good morning, you've got learning. This call is recorded.",
            "needs_review",
        ),
        # "recorded" as tiny.en most often hears it: nobody reports the call they are on
        (
            "Hi, this is Jade from Sagebrush Auto Insurance, our conversation today is reported for compliance.",
            "safe",
        ),
        # other words that sound like it, in a disclosure's shape: a person checks
        (
            "Hi, this is Jade from Sagebrush Auto Insurance, our conversation today is regarded for compliance.",
            "needs_review",
        ),
        # "thanks for calling in" names no company
        ("Hey there, this is Dwayne. Thanks for calling in real quick. This line is recorded.", "flagged"),
        # where a company goes, said in other shapes
        ("Mornin', y'all have reached Ashgrove Lending, Mateo here. This call is recorded.", "safe"),
        (
            "Hi, my name is Esther, and I'm ringing you on Larkspur Life's behalf. This call is recorded.",
            "safe",
        ),
        (
            "Okay, you're through to the quotes team at Bramblewood Debt Relief, my name's Faddis. We record calls.",
            "safe",
        ),
        # a trade name answering the phone, then the agent's name
        (
            "Larkspur Life, Esther. Before anything else, you should know I'm recording our conversation.",
            "safe",
        ),
        # a name heard as some other word, then the company it works for
        ("Oh, good. It's saddest. I'm with Kestrel Auto Insurance. This call is recorded.", "safe"),
        # ... and the same words where no company is named
        ("Hey there, this is Dwayne, you can reach out to us anytime. This line is recorded.", "flagged"),
        ("Hey there, this is Dwayne, calling on his behalf. This line is recorded.", "flagged"),
        ("Hey there, this is Dwayne. Your balance has reached 18,000. This line is recorded.", "flagged"),
        # a recording disclosure without the word
        (
            "Hi, this is Jade from Sagebrush Auto Insurance. We keep an audio copy of every phone call.",
            "safe",
        ),
        # where the call goes, the place misheard; "record" heard as "refer": a person checks
        (
            "Hi, this is Jade from Sagebrush Auto Insurance. Every word of this call goes onto your courting.",
            "needs_review",
        ),
        (
            "Hi, this is Jade from Sagebrush Auto Insurance. Heads up, I refer to every call I take.",
            "needs_review",
        ),
        # "it's <word>, I'm with <company>" names the agent only where the word may be a name
        ("Well, it's true, I'm with Acme Lending, and this call is recorded.", "flagged"),
        # who records, and the audio kept, in other words
        (
            "Good afternoon, our managers monitor this line and the audio gets kept for training. This is "
            "Stagecoach Senior Advisors, and my name is Maribel.",
            "safe",
        ),
        ("Hi, it's Alice calling from Granite Mile Insurance. The system records each call I take.", "safe"),
        (
            "Granite Mile Insurance, Quinn here. Every call, this one too, is stored as audio on our servers.",
            "safe",
        ),
        ("Thanks for holding, Liam here at Quarry Lane Lending. Our line records as we talk.", "safe"),
        # kept somewhere, what is kept misheard: a person checks; details kept are no recording
        (
            "Hi, this is Jade from Sagebrush Auto Insurance. Every twelve here, this one too, is stored as a deal on our servers.",
            "needs_review",
        ),
        ("Hi, this is Jade from Sagebrush Auto Insurance. Your details are stored securely.", "flagged"),
        # the name heard as any word, then who the agent works for
        ("Hello, and a lease here, I'm with Fernhollow Debt Relief. We record every call.", "safe"),
        ("So hello, every other year, I'm with Redbirch Lending. Everything here is recorded.", "safe"),
        # "right here, I'm with you" is no introduction
        ("Right here, I'm with you all the way. We record every call.", "flagged"),
        # the name at the caller's service or on the line; the company said to the caller
        ("Harbor Light Life, good morning, Evan at your service. Calls here are recorded.", "safe"),
        ("Welcome to Granfield Debt Solutions, Cassimir on the line. We record every call.", "safe"),
        ("Hello, it's Cass, and you're with Wickmore Health Advisors. This line gets taped.", "safe"),
        ("Bellwether Auto Insurance, Otto Lean here. We record all calls.", "safe"),
        (
            "Thanks for calling Acme Lending. We have your husband on the line, we record every call.",
            "flagged",
        ),
        ("Acme Lending, good morning, we're at your service. We record every call.", "flagged"),
        # a name heard in lower case is still where a name goes
        ("Harbor Light Life, good morning, even at your service. Calls here are recorded.", "safe"),
        # a name opening a sentence is no known name: a person checks
        (
            "Could I have a word with Mrs. Marquette? Florian, from Renfield Debt Solutions. This line is taped.",
            "needs_review",
        ),
        # recording said to the caller, or by who listens
        ("Thanks for calling Acme Lending, this is Dana. From here on you're being recorded.", "safe"),
        ("Thanks for calling Acme Lending, this is Dana. Our staff may listen to this call later.", "safe"),
        (
            "Thanks for calling Acme Lending, this is Dana. The phone system here records each conversation.",
            "safe",
        ),
        (
            "Thanks for calling Acme Lending, this is Dana. You're being helped by our loan team today.",
            "flagged",
        ),
        # "our line records" as tiny.en writes it
        (
            "Thank you for calling Larchmont Auto Insurance, this is Leo. Our line reports every conversation.",
            "safe",
        ),
        # "I'm returning your call" is no disclosure
        (
            "Hi, this is Jade from Sagebrush Auto Insurance, I'm returning your call from yesterday.",
            "flagged",
        ),
    ],
)
def test_openings_in_other_words(policy, opening, expected):
    judgment = verdict(policy, call(("agent", 0.0, opening), ("caller", 9.0, "Hi, I need a quote.")))
    assert judgment.verdict == expected


def test_a_long_confirmation_of_removal_is_not_pitching(policy):
    transcript = call(
        OPENING,
        ("caller", 8.0, "Can you add me to your no-call list?"),
        (
            "agent",
            12.0,
            "Yes sir, done, your number is flagged do not call on our end and nobody here will reach out "
            "again, apologies for the bother.",
        ),
    )
    assert "do_not_call" not in rules_hit(policy, transcript)


@pytest.mark.parametrize(
    ("disclosure", "expected"),
    [
        ("Fair warning, this line records everything, it's standard for us.", "safe"),
        ("You should know we keep a recording of this call.", "safe"),
        ("For the record, and I mean that literally, we're taping this call.", "safe"),
        ("Our phone system, record these calls automatically, so keep that in mind.", "safe"),
        ("Our quality reviewers are able to listen to calls on this line.", "safe"),
        ("Relax, there's no body recording any of this, it's only you and me.", "flagged"),
        ("I'm listening, go ahead and tell me what happened.", "flagged"),
        # a record that is not a recording
        ("I'll take notes as we go so we keep an accurate record.", "flagged"),
        ("Our records show you asked for a quote last week.", "flagged"),
        ("Is your driving record clean?", "flagged"),
    ],
)
def test_a_disclosure_is_any_form_of_recording_not_a_record(policy, disclosure, expected):
    transcript = call(
        ("agent", 0.0, f"Thanks for calling Acme Lending, my name is Sarah. {disclosure}", 0.95),
        ("caller", 9.0, "Hi, I need a loan.", 0.95),
    )
    assert verdict(policy, transcript).verdict == expected


@pytest.mark.parametrize(
    "request_said",
    [
        "How many times do I have to tell you people, lose this number.",
        "Can you erase my number from whatever database you've got?",
        "Whatever list I'm on with you people, I want off it, please.",
        "Just stop, please, I want off your list.",
        "Please stop ringing, like me off your list.",
        "I ask to be taken off.",
    ],
)
def test_yet_more_do_not_call_requests(policy, request_said):
    judgment = verdict(policy, call(OPENING, ("caller", 8.0, request_said), ("agent", 14.0, PITCH)))
    assert [reason.split(":")[0] for reason in judgment.reasons] == ["do_not_call"]
