"""The calls of the fourth holdout set (eval/holdout4/, built by `make_eval_corpus.py --set holdout4`).

Written fresh, after the third holdout (eval/holdout3/), by someone who has not seen how any set is transcribed
or judged and has not read the policy's detectors (only each rule's id, title and `llm_guidance`); report-only,
never used for tuning. Company names, agent names, the campaigns' small talk and every wording that decides a
verdict (recording disclosures, an IVR prompt, identifications, promises and careful non-promises, do-not-call
requests and acknowledgements, pressure and government claims, abuse, spoken numbers, the TPMO disclaimer read
in full, with small deviations, partially, late or not at all) are new here: they appear in none of
scripts/eval_scenarios.py, scripts/eval_holdout_scenarios.py, scripts/eval_holdout2_scenarios.py and
scripts/eval_holdout3_scenarios.py. Only the long calls' filler (LONG_FILLER), the Scenario type and
the call builder (Cast) are shared.

Labels follow the default policy's semantics (each rule's `llm_guidance`: what a careful human compliance
reviewer would decide), not what any detector happens to match. Every call is compliant with every rule but the
ones it names: the agent discloses recording within its first 30 s and gives a first name and an identifiable
company within 60 s, and Medicare calls read the TPMO disclaimer within the first minute, unless breaking that
is the point of the call.
"""

from __future__ import annotations

from dataclasses import replace

from eval_scenarios import AUTO, DEBT, LIFE, LOAN, LONG_FILLER, MEDI, PARTD, A, C, Cast, Scenario

COMPANY = {
    AUTO: "Cedar Valley Auto Insurance",
    LOAN: "Silver Creek Lending",
    DEBT: "Anchor Bay Debt Relief",
    LIFE: "Magnolia Family Life",
    MEDI: "Silverleaf Health Advisors",
    PARTD: "Silverleaf Health Advisors",
}
NAMES = (
    "Heather",
    "Tyler",
    "Brittany",
    "Dustin",
    "Latoya",
    "Shane",
    "Monica",
    "Darnell",
    "Jessica",
    "Ryan",
    "Amanda",
    "Corey",
    "Megan",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "Just so you know, we record these calls.",
    "Before we get going, I need to let you know we record all of our calls.",
    "And so you're aware, I am recording this call.",
    "Quick note, this call's being recorded and my supervisor may review it.",
    "Heads up, our calls are recorded, so we both have a record of what was said.",
    "All of our phone calls are recorded and kept on file.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, worded, ordered and split differently per k
    (k % 5 == 4 is an outbound call)."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    return (
        ((A, f"{company}, {name} speaking. {disclosure} How can I help?"),),
        (
            (A, f"Hi, thanks for holding, you've reached {company}. My name is {name}."),
            (A, f"{disclosure} What can I do for you today?"),
        ),
        ((A, f"Hey, good afternoon, it's {name} over at {company}. {disclosure} What's going on?"),),
        ((A, f"Hello! {disclosure} You've got {name} here with {company}. Who do I have on the line?"),),
        (
            (
                A,
                f"Hi, is this Mister Robinson? Hi, this is {name}, reaching out from {company}, you'd asked for a quote earlier this week. {disclosure}",
            ),
        ),
    )[k % 5]


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
    (C, "Yeah, hi, I got a postcard about the Medicare plans for next year."),
    (A, "Sure thing. Real quick, there's a statement I have to read to everybody before we look at plans."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "I just bought a used Camry and I need it insured before I drive it home."),
        (A, "Congrats on the car. What year is it, and what zip code will it be parked at?"),
        (C, "It's a twenty nineteen, and I'm in Columbus, four three two one four."),
        (A, "Okay. Have you had insurance in your name in the last six months?"),
        (C, "Yeah, I was on my dad's policy until last month."),
    ),
    LOAN: (
        (C, "I'm trying to pay off a couple of medical bills, maybe eight thousand total."),
        (A, "Okay. Are you working full time right now?"),
        (C, "Yes, I'm a dental hygienist, going on six years."),
        (A, "Great. And do you rent or own your home?"),
        (C, "I rent an apartment."),
    ),
    DEBT: (
        (C, "I've got about thirty one thousand on credit cards and a store card."),
        (A, "Okay. About how much are you paying toward them each month?"),
        (C, "Around nine hundred, and the balances barely move."),
        (A, "That's really common with those interest rates. Who are the cards with?"),
    ),
    LIFE: (
        (C, "My husband passed last year and I don't want my kids stuck with my funeral."),
        (A, "I'm sorry for your loss. How old are you, if you don't mind me asking?"),
        (C, "I'm sixty nine, and I live in Alabama."),
        (A, "Okay. Were you thinking of something around fifteen thousand?"),
        (C, "That sounds about right."),
    ),
    MEDI: (
        (C, "I'm on original Medicare with a supplement, and it costs me an arm and a leg."),
        (A, "Got it. What county do you live in?"),
        (C, "Hillsborough County, in Florida."),
        (A, "Okay. And who's your primary care doctor?"),
        (C, "Doctor Patel, at the clinic on Dale Mabry."),
    ),
    PARTD: (
        (C, "My drug plan premium jumped and I want to see other options."),
        (A, "Sure. What medications are you on?"),
        (C, "Metformin, Januvia, and a blood pressure pill, amlodipine."),
        (A, "Okay. And which pharmacy do you use?"),
        (C, "The Publix pharmacy by my house."),
    ),
}
ENDING = ((C, "Alright, I appreciate it."), (A, "No problem at all. Take care now."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h4-disclosure-ok-ivr",
        "recording_disclosure",
        AUTO,
        (),
        "an automated prompt says calls are recorded before the agent picks up; the agent then only names himself",
        opening=(
            (
                A,
                "Thank you for calling Cedar Valley Auto Insurance. Calls to Cedar Valley are recorded, and our quality team may listen to them later. Please stay on the line for the next agent.",
            ),
            (A, "Hi there, this is Tyler with Cedar Valley, what can I do for you?"),
        ),
    )
)
add(
    call(
        "h4-disclosure-ok-caller-objects",
        "recording_disclosure",
        LOAN,
        (),
        "disclosed at the top; the caller asks to turn the recording off, the agent explains it can't be",
        (C, "Can you turn the recording off? I don't love being taped."),
        (
            A,
            "I'm sorry, I can't, every call on this line gets recorded. If you'd rather not go on, that's totally okay.",
        ),
        (C, "No, it's fine, let's keep going."),
        k=1,
        stereo_only=True,
    )
)
add(
    call(
        "h4-disclosure-confidential-file",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "near miss: 'everything you tell me stays confidential and goes into your file'; recording never mentioned",
        opening=(
            (
                A,
                "Anchor Bay Debt Relief, this is Darnell. Everything you tell me today stays confidential and goes right into your file. So what's going on with your accounts?",
            ),
        ),
    )
)
add(
    call(
        "h4-disclosure-late-before-payment",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "recording mentioned only after the quote, just before payment (about a minute in)",
        (A, "Okay. Do you want full coverage, or just liability?"),
        (C, "Full coverage, the car's financed, so the bank requires it."),
        (A, "Right. And a five hundred or a thousand dollar deductible?"),
        (C, "Five hundred, I think."),
        (
            A,
            "Okay, I've got the quote. Full coverage with a five hundred deductible is one twenty eight a month.",
        ),
        (C, "That's better than I expected. Let's do it."),
        (
            A,
            "Great. Oh, and before I take any payment, I'm supposed to mention that this line is recorded.",
        ),
        (C, "Oh. Okay, sure."),
        opening=((A, "Cedar Valley Auto Insurance, you've got Jessica, how can I help you?"),),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h4-ident-ok-full-name-outbound",
        "agent_identification",
        LIFE,
        (),
        "outbound: full name, 'a licensed insurance agent for Magnolia Family Life', returning the caller's request",
        opening=(
            (
                A,
                "Good morning, may I speak with Miss Dorothy? Hi Miss Dorothy, my name is Heather Lopez, I'm a licensed insurance agent for Magnolia Family Life. You asked us to give you a call about coverage for final expenses. And heads up, I do record my calls.",
            ),
            (C, "Oh yes, I remember filling that out."),
        ),
    )
)
add(
    call(
        "h4-ident-ok-company-repeated",
        "agent_identification",
        LOAN,
        (),
        "the caller missed the company; 'who did you say you're with?' -> the agent repeats it (within 20 s)",
        (C, "Sorry, who did you say you're with? You cut out a little."),
        (A, "No worries, it's Silver Creek Lending. I'm Shane."),
        (C, "Okay, got it."),
        k=5,
        opening=(
            (
                A,
                "Hi, this is Shane at Silver Creek Lending. I want you to know this call is recorded. What are you looking to borrow?",
            ),
        ),
    )
)
add(
    call(
        "h4-ident-enrollment-center",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "neither a name nor an identifiable company: 'you've reached the enrollment center'",
        opening=(
            (
                A,
                "Hi, you've reached the enrollment center. Before we start, I'm recording this so we have it on file. What kind of coverage are you shopping for?",
            ),
        ),
    )
)
add(
    call(
        "h4-ident-refuses-name",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "the company is named, but asked for a name the agent says 'I'm just the intake rep' and never gives one",
        (C, "And what's your name?"),
        (A, "I'm just the intake rep, it doesn't really matter. Let's focus on your balances."),
        (C, "Okay, I guess."),
        opening=(
            (
                A,
                "Thanks for calling Anchor Bay Debt Relief, you're being recorded on this call. How can I help you today?",
            ),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h4-ident-plan-review-line",
        "agent_identification",
        MEDI,
        ("agent_identification",),
        "a first name, but only 'the plan review line' (no identifiable company); TPMO read in full",
        opening=(
            (
                A,
                "Hi, this is Ryan with the plan review line. Calls on this line are recorded. How can I help you?",
            ),
            *TPMO_LEAD,
            (A, *TPMO_READ),
        ),
        tpmo=False,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h4-guarantee-ok-cant-promise",
        "guaranteed_outcome",
        LOAN,
        (),
        "'I'm not able to say you'll be approved for sure, that decision is the lender's; your chances look decent'",
        (C, "So do you think I'll get it?"),
        (
            A,
            "I'm not able to say you'll be approved for sure, that decision is the lender's. But with steady income like yours, your chances look decent.",
        ),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h4-guarantee-ok-should-lower",
        "guaranteed_outcome",
        AUTO,
        (),
        "'will this definitely be cheaper?' -> 'it should be, but I won't know until they run your driving record'",
        (C, "Will this definitely be cheaper than my dad's policy?"),
        (
            A,
            "It should be, from what you've told me. But I won't know for sure until the carriers run your driving record.",
        ),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-guarantee-ok-results-vary",
        "guaranteed_outcome",
        DEBT,
        (),
        "'most clients finish in three to four years, but results vary, and some creditors may sue'",
        (C, "How long until I'm done with all this?"),
        (
            A,
            "Most of our clients finish in three to four years. But results vary, it depends on your creditors, and some of them may even sue before they agree to settle.",
        ),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h4-guarantee-ok-effort-only",
        "guaranteed_outcome",
        LIFE,
        (),
        "near miss: 'the only thing I can guarantee is that I'll check every carrier'; approval is up to them",
        (C, "Can you guarantee they'll take me, with my heart stuff?"),
        (
            A,
            "The only thing I can guarantee is that I'll check every carrier we work with and show you the best price I find. Whether they approve you is up to them, after they look at your prescriptions.",
        ),
        (C, "That's fair."),
        k=7,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-guarantee-done-deal",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "before any credit check: 'relax, you're in, the underwriter signs off on everything I send'",
        (C, "How soon will I know if I'm approved?"),
        (
            A,
            "Relax, you're in. The underwriter signs off on everything I send him, and the eight thousand will hit your account Monday.",
        ),
        (C, "Wow, even without checking my credit?"),
        (A, "Credit's not an issue here. You're getting the money."),
        k=8,
        after_body=True,
    )
)
add(
    call(
        "h4-guarantee-half-debt",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "'we'll settle every one of these cards for half of what you owe, fifty cents on the dollar, that's a fact'",
        (C, "What kind of savings are we talking about?"),
        (
            A,
            "We'll settle every one of these cards for half of what you owe. Fifty cents on the dollar, that's a fact, it's what we do.",
        ),
        k=9,
        after_body=True,
    )
)
add(
    call(
        "h4-guarantee-beat-rate",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "'you're going to be paying less than you ever have, guaranteed, I'll beat any price you bring me'",
        (C, "My cousin said I'd pay a fortune at my age."),
        (
            A,
            "Not with us. You're going to be paying less than you ever have, guaranteed. I'll beat any price you bring me.",
        ),
        k=10,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h4-dnc-ok-internal-list",
        "do_not_call",
        LOAN,
        (),
        "outbound; 'can you make sure nobody from your company calls me again?' -> 'I've marked your number so our dialer won't ring it again', goodbye",
        (
            C,
            "I already got a loan somewhere else. Can you make sure nobody from your company calls me again?",
        ),
        (
            A,
            "You got it. I've marked your number so our dialer won't ring it again. Sorry for the interruption, have a good day.",
        ),
        (C, "Thanks, you too."),
        k=4,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h4-dnc-ok-how-got-number",
        "do_not_call",
        DEBT,
        (),
        "'take this number out of your system' -> removed; the caller asks where the number came from, the agent answers and ends",
        (C, "I need you people to take this number out of your system."),
        (A, "Understood, I'm pulling this number out of our dialer as we speak."),
        (C, "How'd you people get this number anyway?"),
        (
            A,
            "It was entered on a quote request on one of our partner websites a few days ago. It's been pulled, and nobody here will call it again. Have a good evening.",
        ),
        k=14,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h4-dnc-ok-agent-offers",
        "do_not_call",
        LIFE,
        (),
        "near miss: the agent says 'if you ever want us to stop calling, just say so'; the caller never asks",
        (
            A,
            "I'll call you Thursday with the quotes. And if you ever want us to stop calling, just say so and I'll take you off.",
        ),
        (C, "Oh no, Thursday's fine. I want to see the numbers."),
        k=11,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-dnc-one-question",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'I'm all set, don't bother calling back here' -> 'will do. Just out of curiosity, who's your carrier right now?'",
        (C, "I've already got insurance, I'm all set. Don't bother calling back here."),
        (
            A,
            "Will do. Just out of curiosity, who's your carrier right now? Because a lot of them have been raising rates on everybody this year.",
        ),
        (C, "Did you not hear me?"),
        k=24,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h4-dnc-argues-form",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "'don't call this number again' -> 'you filled out our form, you asked for this call, give me sixty seconds'",
        (C, "Don't call this number again, okay?"),
        (
            A,
            "Ma'am, you filled out our form, you asked for this call. Just give me sixty seconds and I'll show you a better rate.",
        ),
        (C, "I don't care. Goodbye."),
        k=29,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h4-dnc-noted-keeps-pitching",
        "do_not_call",
        MEDI,
        ("do_not_call",),
        "'put me down as do not call' -> 'okay, I'll let my manager know. So about the dental…'",
        (
            C,
            "You know what, I'm getting too many of these calls. Put me down as do not call, whatever you have to do.",
        ),
        (
            A,
            "Okay, I'll let my manager know. So, about that plan with the dental, it's zero premium and it covers crowns.",
        ),
        (C, "Did you hear what I said?"),
        k=12,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h4-tpmo-ok-full-medi",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the full CMS text (7 organizations, 43 products), right after the greeting",
        k=13,
    )
)
add(
    call(
        "h4-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        PARTD,
        (),
        "all three parts with small deviations ('that's available', 'at this time we represent', 'call or visit')",
        k=1,
        tpmo=False,
        opening=greet("Brittany", COMPANY[PARTD], 1)
        + (
            (C, "Hi, I want to compare drug plans before the deadline."),
            (A, "Happy to help. First I have a short disclaimer to read you."),
            (
                A,
                "We don't offer every plan that's available in your area. At this time we represent seven organizations which offer forty three products in your area. You can call or visit Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "We don't offer every plan that's available in your area. At this time we represent seven organizations which offer forty three products in your area. You can call or visit Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h4-tpmo-ok-life-not-medicare",
        "tpmo_disclaimer",
        LIFE,
        (),
        "Final Expense call; 'does this replace my Medicare?' -> 'no, this is life insurance, separate from Medicare'",
        (C, "Does this have anything to do with my Medicare? I don't want to mess that up."),
        (
            A,
            "No ma'am, this is life insurance. It's completely separate from your Medicare, and it won't change your health coverage at all.",
        ),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h4-tpmo-no-referral",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "partial: the first two sentences, without the Medicare.gov / 1-800-MEDICARE / SHIP referral",
        k=4,
        tpmo=False,
        opening=greet("Latoya", COMPANY[MEDI], 4)
        + TPMO_LEAD
        + (
            (
                A,
                "We do not offer every plan available in your area. Currently we represent seven organizations which offer forty three products in your area. Okay, so let's get started.",
            ),
        ),
    )
)
add(
    call(
        "h4-tpmo-no-first-sentence",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "partial: the count and the referral, without 'we do not offer every plan available in your area'",
        k=5,
        tpmo=False,
        opening=greet("Corey", COMPANY[PARTD], 5)
        + (
            (C, "Hi, my pharmacist told me to shop my drug plan."),
            (A, "Smart. Before anything else, a quick disclaimer."),
            (
                A,
                "Currently we represent seven organizations which offer forty three products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "Currently we represent seven organizations which offer forty three products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h4-tpmo-late-medi",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the full disclaimer, read only after more than a minute of doctor, drug and budget questions",
        (A, "Okay, I think I have a plan in mind. Oh, before I go on, I have to read you something."),
        (A, *TPMO_READ),
        k=6,
        tpmo=False,
        opening=greet("Monica", COMPANY[MEDI], 6)
        + (
            (C, "Hi, I'm turning sixty five in March and I'm totally lost with all this Medicare stuff."),
            (A, "You're not alone, I'll walk you through it. Do you have Part A and Part B yet?"),
            (C, "I just got my red white and blue card in the mail last week."),
            (A, "Perfect. Do you have any doctors you really want to keep?"),
            (C, "My family doctor, Doctor Alvarez, and my eye doctor, I've seen them for years."),
            (A, "Okay, I'll write those down. Are you taking any prescriptions?"),
            (C, "Just Synthroid and a vitamin D, that's it."),
            (A, "Good, those are cheap on just about every plan. Do you travel much?"),
            (C, "I visit my daughter in Georgia a couple of times a year."),
            (
                A,
                "Okay, so you'd want some coverage out of state. What matters most to you, low premium or low copays?",
            ),
            (C, "Low copays, I think. I'd rather pay a little each month than get a big bill."),
            (A, "That makes sense. And do you need dental and vision too?"),
            (C, "Dental for sure, I've got a bridge that needs work."),
        ),
        body=False,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h4-pressure-ok-truthful-aep",
        "misrepresentation_pressure",
        MEDI,
        (),
        "truthful: 'not the government, we're a brokerage… these plans are private ones'; the real cutoff is December seventh",
        (C, "So you're with the government, then?"),
        (
            A,
            "Nope, not the government. We're a brokerage, the insurance companies whose plans we sell pay us. The government runs Medicare, but these plans are private ones. And you can switch any time between now and December seventh, that's the real cutoff this year.",
        ),
        (C, "Okay, good. I'll talk it over with my wife."),
        k=8,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-pressure-ok-take-your-time",
        "misrepresentation_pressure",
        LOAN,
        (),
        "'do I have to decide today?' -> 'not at all, I'll email the offer, it holds for two weeks'",
        (C, "Do I have to decide today?"),
        (
            A,
            "Not at all. I'll email you the offer, and it holds for two weeks. Talk it over with whoever you need to.",
        ),
        k=10,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-pressure-hang-up-lose-rate",
        "misrepresentation_pressure",
        LOAN,
        ("misrepresentation_pressure",),
        "invented pressure: 'this number only exists while we're on the phone… I need a yes before we hang up'",
        (C, "Let me think about it and call you back tomorrow."),
        (
            A,
            "This number only exists while we're on the phone. If we hang up, I lose it and it goes back to the regular price. So I need a yes from you before we hang up.",
        ),
        (C, "That seems kind of pushy."),
        k=11,
        after_body=True,
    )
)
add(
    call(
        "h4-pressure-state-last-day",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "'today is the last day the state is letting seniors lock in this burial benefit'",
        (
            A,
            "And I have to tell you, today is the last day the state is letting seniors lock in this burial benefit. After midnight, the program closes.",
        ),
        (C, "The state? I didn't know the state was involved."),
        (A, "Oh yes, so we really need to get you signed up before I hang up."),
        k=12,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h4-abuse-ok-caller-swears",
        "abusive_language",
        DEBT,
        (),
        "the caller: 'this whole thing is a goddamn scam, you people are con artists'; the agent answers calmly",
        (C, "This whole thing is a goddamn scam. You people are con artists."),
        (
            A,
            "I understand why you'd feel that way, a lot of companies out there are. Let me explain exactly what we charge and when, and you can decide.",
        ),
        (C, "Fine, go ahead."),
        k=0,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-abuse-ok-frustrated-at-computer",
        "abusive_language",
        AUTO,
        (),
        "the agent grumbles at a frozen screen ('oh shoot, come on, this dumb computer'), apologizes to the caller",
        (A, "Oh shoot, come on. This dumb computer froze on me again. I'm so sorry, give me just a second."),
        (C, "No problem, take your time."),
        (A, "Okay, it's back. Thanks for your patience."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-abuse-slow",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller asks for the price again; the agent: 'are you slow or what? talking to you is like talking to a wall'",
        (A, "Okay, full coverage comes out to one thirty four a month."),
        (C, "Okay. And does that include roadside assistance?"),
        (A, "It does, yes."),
        (C, "Sorry, what was the monthly price again?"),
        (
            A,
            "Are you slow or what? I literally just said it. Talking to you is like talking to a wall. One thirty four, write it down this time.",
        ),
        (C, "Wow. Okay."),
        k=2,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h4-abuse-threat",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller complains loudly; the agent: 'keep yelling at me and I'll make sure no lender ever touches you'",
        (C, "This is ridiculous! Nobody told me about an origination fee!"),
        (
            A,
            "Keep yelling at me and I'll make sure no lender in this state ever touches you. I've got your file right here.",
        ),
        (C, "Are you threatening me?"),
        k=3,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h4-sensitive-ok-secure-line",
        "sensitive_data",
        AUTO,
        (),
        "payment taken through a pay-by-phone system: 'the recording pauses, you enter the card yourself'",
        (C, "Okay, I'm ready to pay. Do you want my card number?"),
        (
            A,
            "Don't read it to me. I'm going to send you over to our pay-by-phone system. The recording pauses, you enter the card yourself, and I won't hear any of the numbers.",
        ),
        (C, "Oh, okay, that's nice."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h4-sensitive-ok-last-four",
        "sensitive_data",
        DEBT,
        (),
        "identity checked with the date of birth and only the four digits at the end of the social",
        (A, "To verify you, can I get your date of birth and the four digits at the end of your social?"),
        (
            C,
            "March ninth, nineteen seventy one, and it ends in 6218.",
            "March ninth, nineteen seventy one, and it ends in six two one eight.",
        ),
        (A, "Thank you, you're verified."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h4-sensitive-ok-confirmation-number",
        "sensitive_data",
        LIFE,
        (),
        "near miss: the agent reads out an eight-digit application confirmation number (not a sensitive number)",
        (
            A,
            "Okay, your application is in. Do you have a pen? Your confirmation number is 48213377.",
            "Okay, your application is in. Do you have a pen? Your confirmation number is four eight two one, three three seven seven.",
        ),
        (C, "Hold on. Okay, go ahead.", "Hold on. Okay, go ahead."),
        (A, "Four eight two one, three three seven seven.", "Four eight two one, three three seven seven."),
        (C, "Got it."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h4-sensitive-agent-reads-ssn",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the agent reads the caller's full social security number back from the application to confirm it",
        (
            A,
            "Let me confirm what I have on your application. Your social is 412 77 0938, is that right?",
            "Let me confirm what I have on your application. Your social is four one two, seven seven, oh nine three eight, is that right?",
        ),
        (C, "Yes, that's it."),
        (A, "Perfect, thank you."),
        k=7,
        after_body=True,
    )
)
add(
    call(
        "h4-sensitive-card-and-cvv",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "for an application fee, the caller reads a full debit card number and then the three-digit security code",
        (A, "There's a forty nine dollar application fee. What card do you want to use?"),
        (
            C,
            "A Visa debit, 4147 2098 6615 3302.",
            "A Visa debit, four one four seven, two oh nine eight, six six one five, three three oh two.",
        ),
        (A, "And the three digits on the back?"),
        (C, "8 1 4.", "Eight one four."),
        (A, "Okay, it went through."),
        k=8,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    replace(  # the filler is in the middle here, before the last lines: mark it long by hand
        call(
            "h4-long-ok-medicare",
            "long_call",
            MEDI,
            (),
            "long compliant Medicare call (about two minutes); truthful enrollment dates, the summary mailed, no rush",
            *LONG_FILLER[MEDI],
            (
                A,
                "Of course. You can make changes until December seventh, so there's plenty of time. Read it together, and call me if you have questions.",
            ),
            k=9,
            after_body=True,
        ),
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the bank details: mark it long by hand
        call(
            "h4-long-bank-account",
            "long_call",
            AUTO,
            ("sensitive_data",),
            "long auto call; after about two minutes the caller reads the bank number and full account number off a check for autopay",
            (C, "Hi, my renewal notice came and the price went way up. I want to requote my car."),
            (A, "Sure, let's see what we can do."),
            *LONG_FILLER[AUTO],
            (A, "Good choice. Do you want the payment drafted straight from your bank each month?"),
            (
                C,
                "Sure, I've got a check right here. The nine digit number at the bottom left is 044000037, and my account number after it is 7390118245.",
                "Sure, I've got a check right here. The nine digit number at the bottom left is oh four four, oh oh oh, oh three seven, and my account number after it is seven three nine oh, one one eight, two four five.",
            ),
            (A, "Okay, autopay is set up for the fifteenth."),
            k=10,
            after_body=True,
            body=False,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h4-multi-contracted-by-medicare",
        "multi",
        MEDI,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "'we're contracted by Medicare to make sure seniors in your county get enrolled in this year's updated plans'; no TPMO disclaimer",
        (C, "Oh, so this is from Medicare?"),
        (A, "That's right, Medicare wants everyone in your county switched over this year."),
        k=11,
        tpmo=False,
        opening=(
            (
                A,
                "Hi, this is Megan at Silverleaf Health Advisors, I'm recording our call today. We're contracted by Medicare to make sure seniors in your county get enrolled in this year's updated plans.",
            ),
        ),
    )
)
add(
    call(
        "h4-multi-no-disclosure-promise",
        "multi",
        LOAN,
        ("guaranteed_outcome", "recording_disclosure"),
        "no recording disclosure at all, and 'there's zero chance this gets declined, you'll have the money Wednesday'",
        (C, "What are my chances of getting approved?"),
        (
            A,
            "There's zero chance this gets declined. You'll have the money on Wednesday, it doesn't matter what your credit says.",
        ),
        opening=((A, "Silver Creek Lending, this is Dustin, how can I help?"),),
        after_body=True,
    )
)
add(
    call(
        "h4-multi-dnc-idiot",
        "multi",
        DEBT,
        ("abusive_language", "do_not_call"),
        "'I want to be taken off your list' -> 'don't be an idiot, just hear me out', the pitch goes on",
        (C, "Look, I want to be taken off your list. No more calls."),
        (
            A,
            "Come on, don't be an idiot. You're drowning in debt, just hear me out for two minutes. We can get those balances down.",
        ),
        (C, "Unbelievable."),
        k=13,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); position 8 (mono unless stereo-only) is a call whose verdict does not rest on who spoke.
ORDER = (
    "h4-disclosure-ok-ivr",
    "h4-guarantee-done-deal",
    "h4-disclosure-ok-caller-objects",
    "h4-dnc-ok-internal-list",
    "h4-tpmo-ok-full-medi",
    "h4-long-ok-medicare",
    "h4-sensitive-agent-reads-ssn",
    "h4-ident-ok-company-repeated",
    "h4-disclosure-confidential-file",
    "h4-disclosure-late-before-payment",
    "h4-dnc-ok-how-got-number",
    "h4-guarantee-ok-cant-promise",
    "h4-guarantee-ok-should-lower",
    "h4-ident-plan-review-line",
    "h4-guarantee-ok-results-vary",
    "h4-guarantee-half-debt",
    "h4-guarantee-ok-effort-only",
    "h4-multi-no-disclosure-promise",
    "h4-guarantee-beat-rate",
    "h4-dnc-ok-agent-offers",
    "h4-long-bank-account",
    "h4-abuse-slow",
    "h4-tpmo-ok-small-deviations",
    "h4-dnc-noted-keeps-pitching",
    "h4-ident-refuses-name",
    "h4-dnc-argues-form",
    "h4-tpmo-ok-life-not-medicare",
    "h4-tpmo-no-referral",
    "h4-pressure-ok-truthful-aep",
    "h4-tpmo-no-first-sentence",
    "h4-tpmo-late-medi",
    "h4-sensitive-ok-last-four",
    "h4-pressure-ok-take-your-time",
    "h4-pressure-hang-up-lose-rate",
    "h4-abuse-ok-caller-swears",
    "h4-pressure-state-last-day",
    "h4-abuse-ok-frustrated-at-computer",
    "h4-abuse-threat",
    "h4-ident-enrollment-center",
    "h4-sensitive-ok-secure-line",
    "h4-multi-contracted-by-medicare",
    "h4-sensitive-ok-confirmation-number",
    "h4-dnc-one-question",
    "h4-sensitive-card-and-cvv",
    "h4-multi-dnc-idiot",
    "h4-ident-ok-full-name-outbound",
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
