"""The calls of the third holdout set (eval/holdout3/, built by `make_eval_corpus.py --set holdout3`).

Written fresh, after the second holdout (eval/holdout2/), by someone who has not seen how any set is transcribed
or judged and has not read the policy's detectors; report-only, never used for tuning. Company names, agent
names, the campaigns' small talk and every wording that decides a verdict (recording disclosures,
identifications, promises and careful non-promises, do-not-call requests and acknowledgements, pressure and
government claims, abuse, spoken numbers, the TPMO disclaimer read in full, with small deviations, partially,
late or not at all) are new here: they appear in none of scripts/eval_scenarios.py,
scripts/eval_holdout_scenarios.py and scripts/eval_holdout2_scenarios.py. Only the long calls' filler
(LONG_FILLER), the Scenario type and
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
    AUTO: "Sagebrush Auto Insurance",
    LOAN: "Riverbend Lending",
    DEBT: "Harbor Point Financial",
    LIFE: "Golden Oak Life",
    MEDI: "Bluestem Senior Advisors",
    PARTD: "Bluestem Senior Advisors",
}
NAMES = (
    "Brandon",
    "Kayla",
    "Derek",
    "Tiffany",
    "Jamal",
    "Crystal",
    "Austin",
    "Destiny",
    "Travis",
    "Renee",
    "Cody",
    "Gina",
    "Lamar",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "I do want to let you know this call is being recorded.",
    "You're on a recorded line with me, by the way.",
    "This phone call is recorded, and it may be monitored as well.",
    "Our conversation today is recorded for compliance.",
    "Everything on this call gets recorded, I have to tell you that up front.",
    "The call is being recorded on our end, okay?",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, worded, ordered and split differently per k
    (k % 5 == 4 is an outbound call)."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    return (
        ((A, f"Thank you for calling {company}, this is {name}. {disclosure} Who am I speaking with?"),),
        ((A, f"Hi, {name} at {company}."), (A, f"{disclosure} What's got you calling in today?")),
        (
            (
                A,
                f"Good morning! My name's {name}, I'm a licensed agent here with {company}. {disclosure} How can I help you?",
            ),
        ),
        ((A, f"Hey there! {disclosure} I'm {name}, and I'm with {company}. What are we looking at today?"),),
        (
            (
                A,
                f"Hi, this is {name} calling from {company}, following up on the form you filled out online. {disclosure}",
            ),
        ),
    )[k % 5]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 9 organizations which offer "
    "61 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent nine organizations which offer "
    "sixty one products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "Hi, I'm calling about the Medicare plan letter I got."),
    (A, "Okay, wonderful. Before we talk about any plans, there's a disclaimer I'm required to read you."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "My insurance went up again at renewal and I want to see if I can do better."),
        (A, "I can definitely shop that for you. What are you driving?"),
        (C, "A twenty twenty one Ford Escape. I'm out in Tucson."),
        (A, "Okay. Any tickets or claims in the last few years?"),
        (C, "One fender bender two years ago, and it wasn't my fault."),
    ),
    LOAN: (
        (C, "I need about six thousand to cover a roof repair."),
        (A, "Okay. What do you do for work, and how long have you been there?"),
        (C, "I drive for a delivery company, about four years now."),
        (A, "That helps. Roughly what do you bring home each month?"),
        (C, "Around thirty two hundred after taxes."),
    ),
    DEBT: (
        (C, "I've got around twenty two thousand spread over six credit cards."),
        (A, "Okay. Are you current on them, or have you fallen behind?"),
        (C, "I'm behind on two, and the late fees are killing me."),
        (A, "I understand. Let's go through each card and who it's with."),
    ),
    LIFE: (
        (C, "I'm looking at burial insurance, something small."),
        (A, "Sure. Can I ask how old you are and what state you're in?"),
        (C, "I'm seventy three, in Tennessee."),
        (A, "Thank you. Are you thinking around ten thousand, or a bit more?"),
        (C, "Probably ten, maybe twelve."),
    ),
    MEDI: (
        (C, "I'm on original Medicare and I live outside Phoenix."),
        (A, "Okay. Do you have any doctors you want to keep seeing?"),
        (C, "Doctor Nguyen, my heart doctor, over at Banner."),
        (A, "Let me check which plans have Banner in network."),
    ),
    PARTD: (
        (C, "I'm paying way too much for my Eliquis and I want a better drug plan."),
        (A, "I hear that a lot. Which pharmacy do you go to?"),
        (C, "The CVS on Oak Street."),
        (A, "Okay, I'll price the Eliquis at that CVS on each plan."),
    ),
}
ENDING = ((C, "Okay, sounds good. Thanks."), (A, "You bet. Have a good one."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h3-disclosure-ok-caller-asks",
        "recording_disclosure",
        AUTO,
        (),
        "the caller asks 'is this being recorded?' in the first seconds; 'yes ma'am, every call here is recorded'",
        opening=(
            (A, "Sagebrush Auto Insurance, this is Brandon, how can I help you?"),
            (C, "Hi. Before I say anything, is this being recorded?"),
            (A, "Yes ma'am, it is. Every call here is recorded."),
            (C, "Okay, that's fine, I just like to know."),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h3-disclosure-notes-for-quality",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "near miss: 'I'll be typing notes into your file as we go, for quality purposes'; recording never said",
        opening=(
            (
                A,
                "Thanks for calling Harbor Point Financial, my name is Derek. I'll be typing notes into your file as we go, for quality purposes. What's going on with your debt?",
            ),
        ),
    )
)
add(
    call(
        "h3-disclosure-late",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "the recording is disclosed only after the caller's age, state, budget, tobacco use and health (about 50 s in)",
        (C, "I'd like to keep the payment under forty a month if I can."),
        (A, "We can probably do that. Do you smoke or use any tobacco?"),
        (C, "No, I quit twenty years ago."),
        (A, "Good for you. Any heart trouble, diabetes, or cancer in the last five years?"),
        (C, "Just a little high blood pressure, and the pills keep it under control."),
        (
            A,
            "That's fine for most of our plans. Oh, and I'm sorry, I should have said this at the top: this call is being recorded.",
        ),
        (C, "That's alright."),
        opening=(
            (A, "Golden Oak Life, this is Tiffany, how are you doing today?"),
            (C, "I'm alright, thanks."),
        ),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h3-ident-ok-outbound",
        "agent_identification",
        LOAN,
        (),
        "outbound: 'this is Jamal Carter calling from Riverbend Lending about the loan request you submitted'",
        opening=(
            (
                A,
                "Hi, is this Mister Howard? This is Jamal Carter calling from Riverbend Lending about the loan request you submitted online last night. And this call is recorded, for your records and ours.",
            ),
            (C, "Oh, yes, that's me."),
        ),
    )
)
add(
    call(
        "h3-ident-none",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "neither a name nor a company, only 'thanks for calling in, you're on a recorded line'",
        opening=(
            (A, "Hi, thanks for calling in, you're on a recorded line. What can I help you with today?"),
        ),
    )
)
add(
    call(
        "h3-ident-dodges-company",
        "agent_identification",
        LIFE,
        ("agent_identification",),
        "a first name; asked 'what company is this?', the agent dodges ('we work with a whole bunch of carriers')",
        (C, "Wait, who are you with? What company is this?"),
        (
            A,
            "Oh, we work with a whole bunch of carriers, you don't need to worry about that part. So, are you in pretty good health?",
        ),
        (C, "Mostly. Blood pressure pills, that's it."),
        opening=(
            (A, "Hey, this is Crystal, and I have to tell you the call's recorded. What can I do for you?"),
        ),
        after_body=True,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h3-guarantee-ok-caller-asks",
        "guaranteed_outcome",
        LOAN,
        (),
        "the caller asks 'so approval is guaranteed, right?'; 'no, it's not guaranteed, pre-qualified only means…'",
        (C, "So approval is guaranteed, right? The mailer said I was pre-qualified."),
        (
            A,
            "No, it's not guaranteed. Pre-qualified just means you fit the basic profile. The lender still checks your credit and income before they say yes.",
        ),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-guarantee-ok-no-way-to-know",
        "guaranteed_outcome",
        DEBT,
        (),
        "'how much would I save?' -> 'there's no way for me to know that today, some creditors may not settle'",
        (C, "So how much would I end up saving?"),
        (
            A,
            "Honestly, there's no way for me to know that today. Every creditor negotiates differently, and some may not settle at all. Your counselor will walk you through realistic numbers.",
        ),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h3-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "'guaranteed acceptance' explained truthfully: no health questions, a two-year waiting period",
        (
            A,
            "The plan I'd look at for you is a guaranteed acceptance policy. That means there are no health questions, and you can't be turned down because of your health. The catch is a two year waiting period. If you pass from natural causes in the first two years, your family gets back what you paid, plus interest.",
        ),
        (C, "And after the two years?"),
        (A, "After that, the full benefit is paid."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h3-guarantee-everybody-funded",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'everybody gets funded, credit doesn't matter here, you'll have the money by Friday, I promise'",
        (C, "My credit's pretty beat up, like five fifty. Is that a problem?"),
        (
            A,
            "Not with us. Everybody gets funded, credit doesn't matter here. You'll have the money in your account by Friday, I promise.",
        ),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h3-guarantee-savings-promised",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "'I promise you'll save at least a hundred bucks a month, I've never seen it not happen'",
        (C, "Will switching actually save me anything?"),
        (
            A,
            "Oh, for sure. I promise you'll save at least a hundred bucks a month. I've never seen it not happen.",
        ),
        k=5,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h3-dnc-ok-removed-now",
        "do_not_call",
        DEBT,
        (),
        "outbound; 'please don't call me anymore' -> 'I'm removing your number right now', call ends",
        (C, "Yeah, I keep getting calls from you guys and I don't want them. Please don't call me anymore."),
        (
            A,
            "I'm sorry about that. I'm removing your number right now, and you won't get any more calls from us.",
        ),
        (C, "Okay. Bye."),
        (A, "Bye now."),
        k=4,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h3-dnc-ok-callback-later",
        "do_not_call",
        AUTO,
        (),
        "near miss: 'can you call me back Tuesday afternoon instead?' (no do-not-call request); callback set",
        (C, "Oh gosh, I'm driving right now. Can you call me back Tuesday afternoon instead?"),
        (A, "Sure thing. Is Tuesday after two okay?"),
        (C, "Yeah, that works."),
        (A, "Perfect, I'll call you then. Drive safe."),
        k=9,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h3-dnc-ok-mail-question",
        "do_not_call",
        LIFE,
        (),
        "'take my name off your call list' -> removed; the caller asks about letters, the agent answers and ends",
        (C, "Look, I'm not interested. Take my name off your call list, please."),
        (A, "Okay, I've taken you off our call list."),
        (C, "Are you people still going to keep sending me those letters?"),
        (A, "The mailing list is separate, but I can remove you from that one too. I'm doing it now."),
        (C, "Please do. Thanks."),
        (A, "You're welcome. Take care."),
        k=6,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h3-dnc-argues",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "'remove me from your list' -> 'I can do that, but are you sure? I really think I can bring it down'",
        (C, "Actually, you know what, remove me from your list. I'm done with these calls."),
        (
            A,
            "I can do that, but are you sure? Your rate just jumped two hundred dollars, and I really think I can bring it back down for you.",
        ),
        (C, "I'm sure. Goodbye."),
        k=7,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h3-dnc-ack-then-pitch",
        "do_not_call",
        DEBT,
        ("do_not_call",),
        "outbound; 'I'm on the do not call registry, stop calling me' -> 'got it… real quick though, are you still carrying…'",
        (C, "I'm on the do not call registry. Stop calling me."),
        (
            A,
            "Got it, I'll put that in. Real quick though, are you still carrying more than ten thousand on your cards?",
        ),
        (C, "Are you kidding me?"),
        k=14,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h3-dnc-different-department",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "outbound; 'put me on your do not call list' -> 'that was a different department, this'll only take two minutes'",
        (C, "I told you people last week to stop calling me. Put me on your do not call list."),
        (
            A,
            "I understand, but that was a different department. This is about a lower rate on the loan you already have, and it'll only take two minutes.",
        ),
        (C, "No. Goodbye."),
        k=19,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h3-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('don't', 'at the moment we work with', the referral sentence first)",
        k=1,
        tpmo=False,
        opening=greet("Kayla", COMPANY[MEDI], 1)
        + TPMO_LEAD
        + (
            (
                A,
                "We don't offer every plan available in your area. At the moment we work with nine organizations that offer sixty one products in your area. For information on all of your options, please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program.",
                "We don't offer every plan available in your area. At the moment we work with nine organizations that offer sixty one products in your area. For information on all of your options, please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program.",
            ),
        ),
    )
)
add(
    call(
        "h3-tpmo-ok-single-org",
        "tpmo_disclaimer",
        MEDI,
        (),
        "single-organization variant ('any information we provide is limited to those plans we do offer')",
        k=2,
        tpmo=False,
        opening=greet("Derek", COMPANY[MEDI], 2)
        + (
            (C, "Hi, I'd like to hear about your Advantage plan, the one from the TV ad."),
            (A, "Sure. I'm required to read you a short disclaimer first."),
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
        "h3-tpmo-ok-out-of-scope",
        "tpmo_disclaimer",
        DEBT,
        (),
        "Debt Relief call; the caller lives on Medicare and Social Security (no TPMO disclaimer needed)",
        (C, "I'm on Medicare and Social Security, that's my only income. Does that matter?"),
        (A, "It doesn't rule you out. The counselor will just build the plan around that fixed income."),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-tpmo-no-count",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "partial: the first and last sentences, without the organizations and products (or single-org) sentence",
        k=4,
        tpmo=False,
        opening=greet("Jamal", COMPANY[MEDI], 3)
        + TPMO_LEAD
        + (
            (
                A,
                "We do not offer every plan available in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "We do not offer every plan available in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h3-tpmo-vague-paraphrase",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "paraphrase only: 'we work with a handful of carriers, not all of them, you can double check on Medicare.gov'",
        k=5,
        tpmo=False,
        opening=greet("Crystal", COMPANY[PARTD], 0)
        + (
            (C, "Hi, I want to look at drug plans for next year."),
            (
                A,
                "Sure. Just so you know, we work with a handful of carriers, not all of them, so you can always double check on Medicare.gov.",
                "Sure. Just so you know, we work with a handful of carriers, not all of them, so you can always double check on Medicare dot guv.",
            ),
        ),
    )
)
add(
    call(
        "h3-tpmo-missing-partd",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "Part D call with no TPMO disclaimer at all; straight to drug prices",
        k=6,
        tpmo=False,
        opening=greet("Austin", COMPANY[PARTD], 6)
        + (
            (C, "Hi there, I got a flyer about Part D plans."),
            (A, "Great, let's find you something cheaper."),
        ),
    )
)
add(
    call(
        "h3-tpmo-late-partd",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the full disclaimer, read only after more than a minute of drug and pharmacy questions",
        (A, "Alright, that gives me what I need. Before I show you prices, I have a disclaimer to read."),
        (A, *TPMO_READ),
        k=7,
        tpmo=False,
        opening=greet("Destiny", COMPANY[PARTD], 7)
        + (
            (C, "Hi, my drug plan is changing next year and I want to see what else is out there."),
            (
                A,
                "Sure, I can help you compare. Are you on original Medicare, or an Advantage plan right now?",
            ),
            (C, "Original Medicare, with a separate drug plan through the same company for six years."),
            (A, "Okay. Which medications do you take every day, and what strengths are they?"),
            (C, "Eliquis five milligrams twice a day, and Jardiance ten milligrams once a day."),
            (A, "Got it, both brand names. Anything else, even something you take only once in a while?"),
            (C, "An inhaler, Breo Ellipta, maybe once a month when my breathing gets bad."),
            (A, "Okay. And do you fill them at a retail pharmacy, or do you use mail order?"),
            (C, "The Walgreens on Fifth Street, I like talking to the pharmacist there."),
            (
                A,
                "That's fine, most plans have Walgreens in their preferred network. Roughly what do you pay now?",
            ),
            (C, "About a hundred and forty dollars a month, and it goes up every January."),
            (A, "And do you get any extra help with your drug costs, like the low income subsidy?"),
            (C, "No, I don't think I qualify for that, my pension is too high."),
            (
                A,
                "Understood. Last thing, do you want the lowest premium, or the lowest total cost for the year?",
            ),
            (C, "Whatever adds up to less over the year, I suppose."),
        ),
        body=False,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h3-pressure-ok-not-medicare",
        "misrepresentation_pressure",
        MEDI,
        (),
        "'are you calling from Medicare?' -> 'no ma'am, we're not Medicare and not a government office'; 'no rush'",
        (C, "Wait, are you calling from Medicare? The letter said something about Medicare."),
        (
            A,
            "No ma'am, we're not Medicare and we're not a government office. We're an independent insurance agency, licensed to sell plans from private companies that contract with Medicare.",
        ),
        (C, "Okay, good to know."),
        (A, "And there's no rush at all. Look over what I mail you, and call me when you're ready."),
        k=8,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-pressure-ok-initial-enrollment",
        "misrepresentation_pressure",
        MEDI,
        (),
        "a truthful window: turning sixty five in June, initial enrollment runs March through September",
        (C, "I turn sixty five in June. Do I have to sign up for something right away?"),
        (
            A,
            "Not right away. Since your birthday is in June, your initial enrollment period runs from March through September, so you have plenty of time to compare.",
        ),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h3-pressure-quote-ten-minutes",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "invented deadline: 'I can only hold this quote for the next ten minutes, after that the system wipes it'",
        (
            A,
            "Here's the thing, I can only hold this quote for the next ten minutes. After that the system wipes it and the price goes up, so let's lock it in now.",
        ),
        (C, "I wanted to check with my husband first."),
        (A, "Then you'll be paying more, simple as that. So, which card do you want to use?"),
        k=11,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h3-abuse-ok-caller-swears",
        "abusive_language",
        AUTO,
        (),
        "the caller: 'don't give me that crap, just tell me the damn price'; the agent answers plainly",
        (C, "Don't give me that crap, just tell me the damn price."),
        (A, "Fair enough, straight to it. It's ninety one dollars a month for full coverage."),
        k=12,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-abuse-ok-keep-it-civil",
        "abusive_language",
        DEBT,
        (),
        "the caller: 'a bunch of thieves, useless idiots'; the agent: 'I need us to keep it civil'",
        (C, "You're all a bunch of thieves, you know that? Useless idiots."),
        (
            A,
            "I do want to help you, sir, but I need us to keep it civil. Can we go through your accounts together?",
        ),
        (C, "Fine. Go ahead."),
        k=0,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-abuse-too-old",
        "abusive_language",
        MEDI,
        ("abusive_language",),
        "the agent: 'honestly, you're too old to follow this, put your son on the phone'",
        (C, "I'm sorry, can you explain the copay part again? I got confused."),
        (
            A,
            "Ugh. Honestly, you're too old to follow this. Put your son on the phone, I'm not explaining it a third time.",
        ),
        (C, "Well, there's no need to be rude."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h3-abuse-insults-back",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller swears at the rate; the agent: 'you're a real jackass, nobody else would lend to you anyway'",
        (C, "This is bullshit, the rate you quoted me is a joke."),
        (A, "You know what, pal, you're a real jackass. Nobody else would lend to you anyway."),
        k=2,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h3-sensitive-ok-card-last-four",
        "sensitive_data",
        LIFE,
        (),
        "the agent names only the card on file 'ending in 4417'; nothing else is read out",
        (
            A,
            "For the first premium, do you want to use the Visa on file, the one ending in 4417?",
            "For the first premium, do you want to use the Visa on file, the one ending in four four one seven?",
        ),
        (C, "Yes, that one's fine."),
        (A, "Perfect. It'll draft on the third of each month."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h3-sensitive-ok-stops-ssn",
        "sensitive_data",
        LOAN,
        (),
        "the caller starts reading the social, the agent stops them after two digits: 'only the last four'",
        (A, "To pull up your application, I just need to verify who I'm talking to."),
        (C, "Sure, my social is four five", "Sure, my social is four five"),
        (A, "Oh, hold on, stop there. I don't need the whole thing, only the last four digits."),
        (C, "Oh, sorry. It's 3 0 9 2.", "Oh, sorry. It's three oh nine two."),
        (A, "Thank you, that matches."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h3-sensitive-bank-account",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the caller reads the routing number and the full checking account number for the monthly draft",
        (
            A,
            "For the monthly draft into your program account, I'll need your bank's routing number and your checking account number.",
        ),
        (
            C,
            "Routing is 071000013, and the account is 4822017653.",
            "Routing is oh seven one, oh oh oh, oh one three, and the account is four eight two two, oh one seven, six five three.",
        ),
        (A, "Got it, thank you."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h3-sensitive-caller-ssn",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "asked for the social to submit the application, the caller reads all nine digits",
        (A, "Okay, I'll need your social to send this over to the lender."),
        (C, "It's 229 61 4785.", "It's two two nine, six one, four seven eight five."),
        (A, "Thanks, I've got it entered."),
        k=7,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    replace(  # the filler is in the middle here, before the last line: mark it long by hand
        call(
            "h3-long-ok-auto",
            "long_call",
            AUTO,
            (),
            "long compliant auto call (about two minutes); 'these quotes stay good for thirty days, no need to decide today'",
            *LONG_FILLER[AUTO],
            (A, "Sounds good. These quotes stay good for thirty days, so there's no need to decide today."),
            k=8,
            after_body=True,
        ),
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the threat: mark it long by hand
        call(
            "h3-long-lose-medicare",
            "long_call",
            MEDI,
            ("misrepresentation_pressure",),
            "long Medicare call; after about two minutes 'if you don't switch by Friday, you'll lose your Medicare benefits'",
            *LONG_FILLER[MEDI],
            (
                A,
                "One more thing. If you don't switch to this plan by Friday, you'll lose your Medicare benefits, so I'd really do it today.",
            ),
            (C, "I'd lose my Medicare? Really?"),
            (A, "That's how it works, so let's get you enrolled right now."),
            k=11,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h3-multi-no-disclosure-card",
        "multi",
        AUTO,
        ("recording_disclosure", "sensitive_data"),
        "no recording disclosure at all, and the caller reads a full card number and expiry for the first month",
        (A, "Okay, to start the policy today I just need a card for the first month."),
        (
            C,
            "It's a Mastercard, 5425 2334 3010 9903, expires 09 28.",
            "It's a Mastercard, five four two five, two three three four, three oh one oh, nine nine oh three, expires oh nine, twenty eight.",
        ),
        (A, "Thanks, that went through."),
        opening=((A, "Sagebrush Auto Insurance, this is Travis, what can I help you with?"),),
        after_body=True,
    )
)
add(
    call(
        "h3-multi-state-burial-program",
        "multi",
        LIFE,
        ("agent_identification", "misrepresentation_pressure"),
        "'Amber with the state burial assistance program', 'a government benefit… you've been selected'; no company",
        (C, "Oh, is this from the state?"),
        (
            A,
            "That's right. It's a government benefit to help cover final expenses, and you've been selected to receive it.",
        ),
        opening=(
            (
                A,
                "Hi, this is Amber with the state burial assistance program for seniors. This call is recorded.",
            ),
        ),
    )
)
add(
    call(
        "h3-multi-federal-forgiveness",
        "multi",
        DEBT,
        ("guaranteed_outcome", "misrepresentation_pressure"),
        "'this falls under the federal debt forgiveness program' and 'I can promise you'll be out of debt in eighteen months'",
        (C, "How does this work, exactly?"),
        (
            A,
            "So this falls under the federal debt forgiveness program. The government pays down part of your balance, and I can promise you'll be out of debt in eighteen months.",
        ),
        k=10,
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8 and 25 are stored
# as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10, 17, 24,
# 31, 38); position 8 (mono unless stereo-only) is a call whose verdict does not rest on who spoke.
ORDER = (
    "h3-disclosure-ok-caller-asks",
    "h3-disclosure-notes-for-quality",
    "h3-disclosure-late",
    "h3-ident-ok-outbound",
    "h3-ident-none",
    "h3-ident-dodges-company",
    "h3-guarantee-ok-caller-asks",
    "h3-long-ok-auto",
    "h3-tpmo-missing-partd",
    "h3-guarantee-ok-no-way-to-know",
    "h3-guarantee-ok-acceptance-explained",
    "h3-guarantee-everybody-funded",
    "h3-guarantee-savings-promised",
    "h3-dnc-ok-removed-now",
    "h3-dnc-ok-callback-later",
    "h3-dnc-ok-mail-question",
    "h3-dnc-argues",
    "h3-dnc-ack-then-pitch",
    "h3-abuse-insults-back",
    "h3-tpmo-ok-small-deviations",
    "h3-tpmo-ok-single-org",
    "h3-tpmo-late-partd",
    "h3-tpmo-no-count",
    "h3-tpmo-vague-paraphrase",
    "h3-tpmo-ok-out-of-scope",
    "h3-dnc-different-department",
    "h3-pressure-ok-not-medicare",
    "h3-pressure-ok-initial-enrollment",
    "h3-pressure-quote-ten-minutes",
    "h3-abuse-ok-caller-swears",
    "h3-abuse-ok-keep-it-civil",
    "h3-abuse-too-old",
    "h3-long-lose-medicare",
    "h3-sensitive-ok-card-last-four",
    "h3-sensitive-ok-stops-ssn",
    "h3-sensitive-bank-account",
    "h3-sensitive-caller-ssn",
    "h3-multi-no-disclosure-card",
    "h3-multi-state-burial-program",
    "h3-multi-federal-forgiveness",
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
