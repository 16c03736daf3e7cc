"""The calls of the second holdout set (eval/holdout2/, built by `make_eval_corpus.py --set holdout2`).

Written fresh, after the first holdout (eval/holdout/), by someone who has not seen how either set is
transcribed or judged; report-only, never used for tuning. Company names, agent names, campaigns' small talk and
every wording that decides a verdict (recording disclosures, identifications, promises and their
negations, do-not-call requests and acknowledgements, pressure and government claims, abuse, spoken numbers,
the TPMO disclaimer) are new here: they appear in neither scripts/eval_scenarios.py nor
scripts/eval_holdout_scenarios.py. Only the long calls' filler (LONG_FILLER), the Scenario type and
the call builder (Cast) are shared.

Labels follow the default policy's semantics (each rule's `llm_guidance`), not what any detector happens to
match. Every call is compliant with every rule but the ones it names: the agent discloses recording within its
first 30 s and gives a first name and an identifiable company within 60 s, and Medicare calls read the TPMO
disclaimer within the first minute, unless breaking that is the point of the call.
"""

from __future__ import annotations

from dataclasses import replace

from eval_scenarios import AUTO, DEBT, LIFE, LOAN, LONG_FILLER, MEDI, PARTD, A, C, Cast, Scenario

COMPANY = {
    AUTO: "Copperfield Auto Insurance",
    LOAN: "Lakeshore Credit",
    DEBT: "Fairway Financial Relief",
    LIFE: "Heritage Lane Life",
    MEDI: "Tallgrass Health Partners",
    PARTD: "Tallgrass Health Partners",
}
NAMES = (
    "Trevor",
    "Monique",
    "Dwayne",
    "Carla",
    "Eddie",
    "Shawna",
    "Ricky",
    "Tasha",
    "Jerome",
    "Lorraine",
    "Curtis",
    "Alyssa",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "Real quick, this line is recorded for your protection and mine.",
    "Before we start, I do have to mention the call is being recorded and monitored.",
    "All our calls are recorded and may be monitored for compliance.",
    "This conversation is recorded, just so you're aware.",
    "We do record these calls, okay?",
    "Everything we talk about today is being recorded for accuracy.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, in a different order and split per k."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    return (
        ((A, f"Thanks for holding, it's {name} over at {company}. {disclosure} How can I help?"),),
        ((A, f"{company}, good morning, you've got {name}."), (A, f"{disclosure} What's going on today?")),
        ((A, f"Hey, good afternoon! {disclosure} I'm {name}, with {company}. Who do I have on the line?"),),
        ((A, f"Hi, yes, {name} with {company} here. {disclosure} What can I do for you?"),),
    )[k % 4]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 7 organizations which offer "
    "43 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent seven organizations which offer "
    "forty three products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "Hi, I saw a TV ad about extra benefits with Medicare."),
    (A, "Sure, I can look at that with you. First, CMS has me read a short disclaimer word for word."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "My renewal came in two hundred dollars higher and I want to shop around."),
        (A, "Let's see what we can do. What year and model is the vehicle?"),
        (C, "A twenty nineteen Toyota Camry. I'm in Kansas City."),
        (A, "Okay, and is it financed or paid off?"),
        (C, "It's paid off, I own it outright."),
    ),
    LOAN: (
        (C, "I'm trying to consolidate a couple of medical bills, maybe eight thousand."),
        (A, "Got it. Are you paid weekly or every two weeks?"),
        (C, "Every two weeks. I've been at the hospital laundry for six years."),
        (A, "Good, the lender likes steady employment. Let me note that down."),
    ),
    DEBT: (
        (C, "I've got about thirty thousand on five cards and I can barely make the minimums."),
        (A, "That's a lot of stress. Are any of the accounts in collections yet?"),
        (C, "One of them, the store card, went to collections last month."),
        (A, "Okay. A counselor will go over each account and what your choices are."),
    ),
    LIFE: (
        (C, "I want something so my kids don't have to pay for my funeral."),
        (A, "That's a kind thing to plan for. How old are you, if you don't mind me asking?"),
        (C, "Sixty eight. I had a knee replacement but otherwise I'm healthy."),
        (A, "Thank you. Most folks your age look at seven to fifteen thousand in coverage."),
    ),
    MEDI: (
        (C, "I have Medicare A and B and I'm in Columbus, Ohio."),
        (A, "Great. Is there a doctor you'd want to keep?"),
        (C, "Yes, Doctor Alvarez at Riverside, she's my family doctor."),
        (A, "Let me check which plans around Columbus have her in network."),
    ),
    PARTD: (
        (C, "My drug plan raised the price of my inhaler and I want to compare."),
        (A, "Sure. Which inhaler is it, and which pharmacy do you use?"),
        (C, "Symbicort, at the Kroger pharmacy on Main Street."),
        (A, "Okay, I'll compare what each plan charges for it at that pharmacy."),
    ),
}
ENDING = ((C, "Alright, I appreciate it."), (A, "My pleasure. You take care now."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h2-disclosure-ok-protection",
        "recording_disclosure",
        AUTO,
        (),
        "disclosure: 'this line is recorded for your protection and mine'",
        k=0,
    )
)
add(
    call(
        "h2-disclosure-ok-ivr",
        "recording_disclosure",
        LOAN,
        (),
        "disclosure by the IVR prompt before the agent picks up ('your call will be recorded')",
        opening=(
            (
                A,
                "Thank you for calling Lakeshore Credit. To make sure you get great service, your call will be recorded. Please hold for the next available loan specialist.",
            ),
            (
                A,
                "Hi there, thanks for waiting, this is Curtis here at Lakeshore Credit. What can I help with?",
            ),
        ),
    )
)
add(
    call(
        "h2-disclosure-ok-supervisor-listens",
        "recording_disclosure",
        DEBT,
        (),
        "near miss, compliant: monitoring disclosed as 'a supervisor may listen in and the call is saved'",
        opening=(
            (
                A,
                "Fairway Financial Relief, this is Tasha. Just a heads up, a supervisor may listen in, and the call gets saved to your file.",
            ),
        ),
    )
)
add(
    call(
        "h2-disclosure-quality-training-only",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "near miss: 'this call is for quality and training purposes', recording never said",
        opening=(
            (
                A,
                "Hi, Copperfield Auto Insurance, you've got Ricky. This call is for quality and training purposes. What can I do for you?",
            ),
        ),
    )
)
add(
    call(
        "h2-disclosure-negated",
        "recording_disclosure",
        LOAN,
        ("recording_disclosure",),
        "the agent says 'this isn't a recorded line, so speak freely' (no disclosure)",
        opening=(
            (
                A,
                "Good morning, Lorraine with Lakeshore Credit. Don't worry, this isn't a recorded line, so speak freely. What are you looking for?",
            ),
        ),
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h2-ident-ok-name-asked",
        "agent_identification",
        AUTO,
        (),
        "company first; the agent gives a first name when the caller asks, well inside a minute",
        (C, "Sorry, who am I talking to?"),
        (A, "Oh, my bad, I'm Eddie."),
        opening=(
            (
                A,
                "Copperfield Auto Insurance, thanks for calling. All our calls are recorded and may be monitored.",
            ),
        ),
    )
)
add(
    call(
        "h2-ident-name-only",
        "agent_identification",
        LIFE,
        ("agent_identification",),
        "a first name, never a company ('thanks for calling, this is Dwayne')",
        opening=(
            (A, "Hey there, this is Dwayne, thanks for calling in. Real quick, this line is recorded."),
        ),
    )
)
add(
    call(
        "h2-ident-generic-company",
        "agent_identification",
        MEDI,
        ("agent_identification",),
        "a name but only 'the senior health benefits line' for the company",
        (
            A,
            "Hi, you've reached the senior health benefits line, I'm Carla. We do record these calls.",
        ),
        (C, "Hi Carla, I have questions about my Medicare options."),
        (A, "Sure. First I'm required to read you this."),
        (A, *TPMO_READ),
        opening=(),
        body=False,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h2-guarantee-ok-underwriter",
        "guaranteed_outcome",
        LOAN,
        (),
        "the caller asks if it's a sure thing; 'I can't make you promises, the underwriter decides'",
        (C, "So with a score of six forty, it's a sure thing, right?"),
        (
            A,
            "I can't make you any promises on approval. That's up to the underwriter once they see everything.",
        ),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h2-guarantee-ok-graded",
        "guaranteed_outcome",
        LIFE,
        (),
        "'guaranteed issue' explained truthfully: no health questions, a two-year graded benefit",
        (
            A,
            "This one is a guaranteed issue plan, so there are no health questions. For the first two years it pays back your premiums plus ten percent, and after that the full amount.",
        ),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h2-guarantee-done-deal",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'you're approved, one hundred percent, it's a done deal' before any application",
        (C, "Do you think I'll actually get approved?"),
        (
            A,
            "Oh, you're approved, one hundred percent. Trust me, it's a done deal, we just need the paperwork.",
        ),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h2-guarantee-never-turned-down",
        "guaranteed_outcome",
        LIFE,
        ("guaranteed_outcome",),
        "near miss: 'nobody I've sent over has ever been turned down, you'll qualify' (no word 'guarantee')",
        (
            A,
            "With your health you'll qualify, don't even worry. Nobody I've sent over has ever been turned down.",
        ),
        k=5,
        after_body=True,
    )
)

# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h2-dnc-ok-added",
        "do_not_call",
        AUTO,
        (),
        "'can you add me to your no-call list?' -> flagged do not call, 'nobody here will reach out again', call ends",
        (
            C,
            "Yeah, I'm gonna stop you there. Can you add me to your no-call list? I get five of these a day.",
        ),
        (
            A,
            "Yes sir, done. Your number is flagged do not call on our end, and nobody here will reach out again. Apologies for the bother.",
        ),
        (C, "Thank you."),
        opening=((A, "Copperfield Auto Insurance, Shawna speaking, and yes, this call is recorded."),),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h2-dnc-ok-where-number",
        "do_not_call",
        DEBT,
        (),
        "'stop calling this number, where'd you even get it?' answered, then removal confirmed",
        (C, "Please stop calling this number. And where'd you even get it?"),
        (
            A,
            "I'm sorry about that. It came from a debt help form filled out online in March. I'm putting you on our internal do not call list right now.",
        ),
        (C, "Fine. Goodbye."),
        (A, "Understood. Have a good evening."),
        k=7,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h2-dnc-ok-not-interested",
        "do_not_call",
        LIFE,
        (),
        "near miss: 'not interested right now' (no do-not-call request), the agent offers to mail a quote",
        (C, "Honestly, I'm not interested right now. Money's tight this month."),
        (A, "No problem at all. Would it help if I mailed you a quote to look at later?"),
        (C, "Sure, mail it, that's fine."),
        k=8,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h2-dnc-question-first",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "'take me off your list' -> 'before I do that, what are you paying now?'",
        (C, "You know what, just take me off your list."),
        (
            A,
            "Okay, before I do that, can I just ask what you're paying now for the Camry? I bet I can beat it by forty bucks a month.",
        ),
        k=9,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h2-dnc-okay-anyway",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "'sure, no problem' and straight back to the sale ('so anyway, still want the lower payment?')",
        (C, "Lose my number, please. I'm not doing this."),
        (
            A,
            "Sure, no problem. So anyway, were you still wanting that lower monthly payment? It's only a couple questions.",
        ),
        (C, "I said no."),
        k=11,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)

# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h2-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('don't', 'right now', 'that offer', 'where you live', 'info')",
        k=1,
        tpmo=False,
        opening=greet("Monique", "Tallgrass Health Partners", 1)
        + TPMO_LEAD
        + (
            (
                A,
                "We don't offer every plan that's available in your area. Right now we represent six organizations that offer thirty one products where you live. You can contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program, SHIP, to get info on all your options.",
                "We don't offer every plan that's available in your area. Right now we represent six organizations that offer thirty one products where you live. You can contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get info on all your options.",
            ),
        ),
    )
)
add(
    call(
        "h2-tpmo-ok-single-org-partd",
        "tpmo_disclaimer",
        PARTD,
        (),
        "Part D campaign, single-organization variant ('limited to those plans we do offer in your area')",
        k=2,
        tpmo=False,
        opening=greet("Alyssa", "Tallgrass Health Partners", 2)
        + (
            (C, "Hi, I'm calling about my prescription plan."),
            (A, "Happy to help. I do need to read a quick required statement first."),
            (
                A,
                "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h2-tpmo-ok-out-of-scope",
        "tpmo_disclaimer",
        LIFE,
        (),
        "Final Expense call where the caller mentions Medicare; no TPMO disclaimer needed (out of scope)",
        (C, "I'm on Medicare already, does that matter for this policy?"),
        (A, "No, this is a separate life insurance policy, it doesn't change your Medicare at all."),
        after_body=True,
        k=3,
        stereo_only=True,
    )
)
add(
    call(
        "h2-tpmo-no-first-sentence",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "partial: the count and the referral, without 'we do not offer every plan available in your area'",
        k=4,
        tpmo=False,
        opening=greet("Trevor", "Tallgrass Health Partners", 4)
        + TPMO_LEAD
        + (
            (
                A,
                "Currently we represent four organizations which offer nineteen products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "Currently we represent four organizations which offer nineteen products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h2-tpmo-after-a-minute",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the full disclaimer, read only after more than a minute of plan talk",
        (A, "Perfect, they take every plan I sell."),
        (C, "So how much would the dental cover?"),
        (A, "Up to two thousand a year on the richer plans. Oh, and I'm supposed to read you this."),
        (A, *TPMO_READ),
        k=6,
        tpmo=False,
        opening=greet("Ricky", "Tallgrass Health Partners", 6)
        + (
            (C, "Hi, I want to know about plans with dental and vision."),
            (A, "Sure thing. Are you already on Medicare Part A and Part B?"),
            (C, "Yes, since last spring."),
            (A, "And are you on a Medicare Advantage plan now, or just original Medicare?"),
            (C, "Just original Medicare, and a drug plan."),
            (A, "Okay. Do you take any medications every day?"),
            (C, "Metformin and a water pill."),
            (A, "Those are cheap on pretty much every plan. What about dental, any work coming up?"),
            (C, "I need two crowns, probably this year."),
            (A, "Okay, noted. Do you see any specialists?"),
            (C, "A cardiologist, twice a year."),
            (A, "I'll make sure he's in network too. Would you use a gym membership?"),
            (C, "That would be nice, I walk at the Y most mornings."),
            (A, "And which pharmacy do you use?"),
            (C, "The Walgreens by my house."),
        ),
        body=False,
    )
)

# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h2-multi-helpline-no-tpmo",
        "multi",
        MEDI,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "'this is the official Medicare helpline, the government contracts us', and no TPMO disclaimer at all",
        (C, "Hi, I got a notice saying my Medicare card needs updating."),
        (
            A,
            "Yes, so this is the official Medicare helpline. The government contracts us to update everybody's card and benefits for the new year.",
        ),
        opening=greet("Jerome", "Tallgrass Health Partners", 7),
    )
)
add(
    call(
        "h2-long-ok-partd",
        "long_call",
        PARTD,
        (),
        "long compliant Part D call (about two minutes) with truthful enrollment dates",
        (
            A,
            "Annual enrollment runs from October fifteenth through December seventh, so you've got a few weeks to decide.",
        ),
        k=8,
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the request: mark it long by hand
        call(
            "h2-long-dnc-ignored-late",
            "long_call",
            AUTO,
            ("do_not_call",),
            "long call; after about two minutes 'please don't call me again' and the agent keeps quoting",
            *LONG_FILLER[AUTO][:18],
            (C, "You know, I think I'm done. Please don't call me again after today."),
            (
                A,
                "Hang on, hang on, let me just read you the last quote, it's ninety eight a month with the roadside included.",
            ),
            after_body=True,
            k=9,
            closing=False,
            stereo_only=True,
        ),
        long=True,
    )
)
add(
    call(
        "h2-pressure-midnight",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "invented deadline: 'my manager can only hold this program till midnight, you need to sign tonight'",
        (
            A,
            "My manager can only hold this program for you till midnight, so you really need to sign tonight.",
        ),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h2-pressure-ok-private-agency",
        "misrepresentation_pressure",
        MEDI,
        (),
        "near miss: 'Medicare itself is run by the federal government, but we're a private agency'; 'take the weekend'",
        (
            A,
            "Just so it's clear, Medicare itself is run by the federal government, but we're a private insurance agency. Take the weekend, talk it over with your son, and call me Monday.",
        ),
        k=11,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h2-abuse-are-you-deaf",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the agent: 'are you deaf? I just told you the price, you people are so dense'",
        (C, "Sorry, what was the price again?"),
        (A, "Are you deaf? I just told you, ninety two a month. You people are so dense."),
        k=0,
        after_body=True,
    )
)
add(
    call(
        "h2-abuse-ok-caller-swears",
        "abusive_language",
        LOAN,
        (),
        "the caller swears ('this is bullshit, you people call every damn day'); the agent stays calm",
        (C, "This is bullshit. You people call me every damn day."),
        (A, "I hear you, and I'm sorry it's been frustrating. Let's just get your question answered."),
        k=1,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h2-sensitive-ok-last-four-ivr",
        "sensitive_data",
        LIFE,
        (),
        "final four digits of the social to verify; the card keyed in on the keypad with the agent off the line",
        (A, "Just so I know I pulled up the right file, what are the final four digits of your social?"),
        (C, "8261.", "Eight two six one."),
        (
            A,
            "Thanks. For the payment I'll conference in our payment system. You punch the card in on your keypad, and I drop off the line.",
        ),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h2-sensitive-agent-reads-ssn",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the agent reads the caller's full social security number back from the form",
        (
            A,
            "I've got your social from the form as 531 44 9027, is that right?",
            "I've got your social from the form as five three one, four four, nine oh two seven, is that right?",
        ),
        (C, "Yep, that's it."),
        k=4,
        after_body=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h2-multi-guarantee-card",
        "multi",
        LOAN,
        ("guaranteed_outcome", "sensitive_data"),
        "'you're guaranteed to get the loan' and the caller reads a full card number for a fee",
        (
            A,
            "You're guaranteed to get the loan today. I just need the twenty nine dollar processing fee on a card.",
        ),
        (
            C,
            "Okay. It's 4012 8888 8888 1881.",
            "Okay. It's four oh one two, eight eight eight eight, eight eight eight eight, one eight eight one.",
        ),
        k=6,
        after_body=True,
        stereo_only=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8 and 25 are stored
# as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10, 17, 24,
# 31); position 8 (mono unless stereo-only) is a call whose verdict does not rest on who spoke.
ORDER = (
    "h2-disclosure-ok-protection",
    "h2-disclosure-ok-ivr",
    "h2-disclosure-ok-supervisor-listens",
    "h2-disclosure-quality-training-only",
    "h2-disclosure-negated",
    "h2-ident-ok-name-asked",
    "h2-ident-name-only",
    "h2-guarantee-ok-underwriter",
    "h2-ident-generic-company",
    "h2-guarantee-ok-graded",
    "h2-guarantee-done-deal",
    "h2-guarantee-never-turned-down",
    "h2-multi-guarantee-card",
    "h2-dnc-ok-where-number",
    "h2-dnc-ok-not-interested",
    "h2-dnc-question-first",
    "h2-dnc-okay-anyway",
    "h2-tpmo-ok-small-deviations",
    "h2-tpmo-ok-single-org-partd",
    "h2-tpmo-ok-out-of-scope",
    "h2-tpmo-no-first-sentence",
    "h2-tpmo-after-a-minute",
    "h2-long-ok-partd",
    "h2-multi-helpline-no-tpmo",
    "h2-pressure-midnight",
    "h2-dnc-ok-added",
    "h2-pressure-ok-private-agency",
    "h2-long-dnc-ignored-late",
    "h2-abuse-are-you-deaf",
    "h2-abuse-ok-caller-swears",
    "h2-sensitive-ok-last-four-ivr",
    "h2-sensitive-agent-reads-ssn",
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
