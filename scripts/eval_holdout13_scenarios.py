"""The calls of the thirteenth holdout set (eval/holdout13/, built by `make_eval_corpus.py --set holdout13`).

Written fresh and clean, after the twelfth holdout (eval/holdout12/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Most calls open the way a pay-per-call agent reads a script
(greeting, first name, company, a recording notice), with the natural variation of real desks: an inbound
greeting with a how-are-you, an outbound call about a request made online, a hand-over from a screener, an
automated notice before the agent picks up, a desk greeting that asks after the caller's day, the notice read
first. Company names, agent names, the callees, the campaigns' small talk, the openings and every wording that
decides a verdict (recording notices: every call recorded for compliance, a line recorded on the agent's end, a
recorded line, calls recorded and managers listening in live, every call with the office recorded, the phone
lines recorded, an automated notice; a supervisor listening in (monitoring only), the agent confirming a
recording when the caller asks, a notice followed by a negation about bank details; their absence, quality
wording about the agent's notes, a notice given only at the goodbye; a name given on behalf of a lender, a name
given when the caller asks, a licensed agent after a screener; a generic helpline, a company with a nameless
agent; promises and careful non-promises, "guaranteed acceptance" explained correctly; do-not-call requests and
how they are handled, a request for a call-back that is no such request; government claims, truthful rules and
invented deadlines; abuse, a caller's profanity met calmly, a firm boundary; spoken Social Security, card,
security-code and account numbers, a secure payment line, last four digits, a vehicle identification number the
rule does not cover; the TPMO disclaimer with small deviations, in its one-organization form, without its
referral, only its referral, read after the first minute, or not at all) are new here: they appear in none
of scripts/eval_scenarios.py and scripts/eval_holdout_scenarios.py to scripts/eval_holdout12_scenarios.py. Only
the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated text, the Scenario type and the call builder
(Cast) are shared.

Labels follow each rule's guidance (what a careful human compliance reviewer would decide), not what any
detector happens to match. Every call is compliant with every rule but the ones it names: the agent discloses
recording (or monitoring) before the substance of the call, gives a first name and an identifiable company
early, and Medicare calls read the TPMO disclaimer within the first minute, unless breaking that is the point
of the call.
"""

from __future__ import annotations

from dataclasses import replace

from eval_scenarios import AUTO, DEBT, LIFE, LOAN, LONG_FILLER, MEDI, PARTD, A, C, Cast, Scenario

COMPANY = {
    AUTO: "Crestmark Auto Insurance",
    LOAN: "Oakhurst Lending",
    DEBT: "Tamarack Debt Relief",
    LIFE: "Hearthstone Life",
    MEDI: "Lindenwood Health Advisors",
    PARTD: "Lindenwood Health Advisors",
}
NAMES = (
    "Devon",
    "Brianna",
    "Malik",
    "Yvette",
    "Rashad",
    "Kelsey",
    "Armando",
    "Tanya",
    "Spencer",
    "Latisha",
    "Corbin",
    "Noelle",
    "Terrence",
)
# Whom an outbound agent asks for.
CALLEES = ("Mister Castillo", "Missus Baptiste", "Mister Dunleavy", "Miss Abernethy", "Missus Quintero")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

# The ordinary notices of real desks, in new wordings: every call recorded for compliance, the line recorded on
# the agent's end, a recorded line, recorded with managers listening in live, every call with the office, the
# phone lines recorded.
DISCLOSURES = (
    "For compliance, every one of our calls is recorded.",
    "Fair warning, this line is recorded on our end.",
    "Quick heads up, I'm on a recorded line today.",
    "Please be advised we record calls, and managers sometimes listen in live.",
    "Every call with our office is recorded.",
    "Our phone lines are recorded, for your information.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant scripted opening, one of six kinds (k % 6): an inbound greeting with a how-are-you, an
    outbound call about a request made online, a hand-over from a screener, an automated notice before the
    agent, a desk greeting that asks after the caller's day, the notice read first."""
    disclosure = DISCLOSURES[(k + k // 6) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        (
            (
                A,
                f"Thank you for calling {company}, my name is {name}. {disclosure} How's everything going today?",
            ),
            (C, "I'm doing alright, thanks."),
            (A, "Good to hear. So what made you pick up the phone?"),
        ),
        (
            (A, f"Hi, could I please speak with {callee}?"),
            (C, "Speaking."),
            (
                A,
                f"Hi there, this is {name} calling from {company}. {disclosure} You filled out our online form yesterday, have you got a minute?",
            ),
        ),
        (
            (A, f"Hi, thanks so much for holding. You're now with {name} at {company}. {disclosure}"),
            (C, "Okay, hello."),
            (A, "Hello! Let me pull up what the screener sent over."),
        ),
        (
            (
                A,
                f"Thanks for calling {company}. So we get things right, your call is recorded. An agent will pick up in just a moment.",
            ),
            (A, f"Hi, this is {name}, sorry about the wait. Where do you want to begin?"),
        ),
        (
            (A, f"Good afternoon, {company}, {name} speaking."),
            (C, "Hi, good afternoon."),
            (A, f"How's your afternoon treating you? {disclosure} Now, what prompted the call?"),
        ),
        (
            (A, f"{disclosure} Thanks for calling {company}, this is {name}."),
            (C, "Hi, um, I saw your ad on TV."),
            (A, "Perfect, you've come to the right place."),
        ),
    )[k % 6]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 4 organizations which offer "
    "27 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent four organizations which offer "
    "twenty seven products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
# Its one-organization form (text, say).
TPMO_ONE_ORG = (
    "We do not offer every plan available in your area. Any information we provide is limited to those plans "
    "we do offer in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Any information we provide is limited to those plans "
    "we do offer in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local "
    "State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "I'm trying to sort out my Medicare options."),
    (A, "Sure thing. Before we talk plans, the rules say I read you a brief statement."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (
            C,
            "My renewal notice came in almost forty dollars a month higher, and I've got two vehicles on it.",
        ),
        (A, "Renewals have been climbing all over. Which two vehicles are they?"),
        (C, "A twenty nineteen Kia Sorento and my husband's pickup."),
        (A, "Any claims or speeding tickets for either of you in the past five years?"),
        (C, "One little fender bender in a parking lot, that's all."),
    ),
    LOAN: (
        (C, "I'm looking to borrow around six grand for some hospital bills."),
        (A, "Okay, we can work with that. Are you employed full time at the moment?"),
        (C, "Yes, I'm a warehouse supervisor up in Knoxville."),
        (A, "And roughly how much lands in your bank each month after taxes?"),
        (C, "A little over four thousand."),
    ),
    DEBT: (
        (C, "I've got close to twenty eight thousand spread across five credit cards."),
        (A, "Alright. Are you current on those, or behind on any?"),
        (C, "Two of them got sent to collections this spring."),
        (A, "And is your income steady at the moment?"),
        (C, "Pretty steady, I do electrical work for a contractor."),
    ),
    LIFE: (
        (C, "I'd like my burial covered in advance so the kids aren't left holding the bill."),
        (A, "That's a generous thing to do for them. How old are you now?"),
        (C, "Seventy three, and I live outside Tulsa."),
        (A, "Any tobacco use in the past year?"),
        (C, "No, I quit back in the nineties."),
    ),
    MEDI: (
        (C, "I've had Original Medicare for a year, and my neighbor keeps raving about her Advantage plan."),
        (A, "Plenty of people are curious about those. Which county do you call home?"),
        (C, "Maricopa County, over in Chandler."),
        (A, "Is there a primary doctor you'd like to keep seeing?"),
        (C, "Yes, Doctor Sato at HonorHealth."),
    ),
    PARTD: (
        (C, "My Medicare card just showed up and I still need something for my prescriptions."),
        (A, "Let's find a drug plan that covers what you take. What are your medicines?"),
        (C, "Trulicity for my sugar and losartan for blood pressure."),
        (A, "Where do you normally fill your prescriptions?"),
        (C, "The Rite Aid on Fifth Avenue in Dayton."),
    ),
}
ENDING = (
    (
        A,
        "Alright, I'm emailing you a summary of everything we went over, and my direct line is at the bottom.",
    ),
    (C, "Sounds good, thanks a lot."),
    (A, "You bet. Take care now."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h13-disclosure-ok-automated-notice",
        "recording_disclosure",
        DEBT,
        (),
        "an automated notice (company, calls recorded for training and accuracy) before the agent, who gives her name and the company but does not repeat the notice",
        opening=(
            (
                A,
                "You've reached Tamarack Debt Relief. For training and accuracy, this conversation is recorded. An advisor is picking up now.",
            ),
            (A, "Hi there, Yvette with Tamarack. How can I help you today?"),
        ),
    )
)
add(
    call(
        "h13-disclosure-ok-supervisor-listening",
        "recording_disclosure",
        AUTO,
        (),
        "near miss: only monitoring is disclosed (a supervisor may be listening in for training), never the word 'record'",
        opening=(
            (
                A,
                "Crestmark Auto Insurance, this is Kelsey. Heads up, a supervisor could be listening in on our conversation for training purposes. Okay, how can I help you today?",
            ),
        ),
    )
)
add(
    call(
        "h13-disclosure-ok-confirms-when-asked",
        "recording_disclosure",
        LOAN,
        (),
        "near miss: the caller asks first whether the call is recorded; the agent confirms it is, before any substance",
        opening=(
            (A, "Oakhurst Lending, you've got Armando."),
            (C, "Hi. Before I start, are you recording this?"),
            (A, "Yes, I am, this whole line is recorded. Good question to ask. What brings you to Oakhurst?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h13-disclosure-ok-then-no-bank-details",
        "recording_disclosure",
        LIFE,
        (),
        "near miss: after a how-are-you the agent says calls are recorded, then a negation about something else (no bank details asked today)",
        opening=(
            (A, "Hearthstone Life, good morning, Noelle speaking. How are you this morning?"),
            (C, "Oh, fine, fine."),
            (
                A,
                "Good. Before anything else, I do record our calls, but I won't be asking for any bank details today. What got you thinking about coverage?",
            ),
        ),
    )
)
add(
    call(
        "h13-disclosure-quality-notes-only",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "only quality wording about the agent's own notes ('for quality and accuracy I'll type notes'); recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Thanks for calling Crestmark Auto Insurance, Spencer here. For quality and accuracy, I'll type up notes as we go. Tell me about your coverage.",
            ),
        ),
    )
)
add(
    call(
        "h13-disclosure-only-at-goodbye",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "no notice at the start; the agent remembers only at the goodbye, after the whole conversation, that calls are recorded",
        (A, "Oh, and I was supposed to mention up front that these calls get recorded. My bad, I forgot."),
        (C, "Oh. Okay then."),
        opening=((A, "Tamarack Debt Relief, this is Rashad, how can I help you today?"),),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h13-ident-ok-on-behalf-of",
        "agent_identification",
        LOAN,
        (),
        "outbound: the agent's first name and the lender he calls on behalf of, with the recording notice",
        opening=(
            (A, "Hi, is this Missus Baptiste?"),
            (C, "Yes, who's this?"),
            (
                A,
                "This is Malik, calling on behalf of Oakhurst Lending about the loan application you sent in last night. I have to mention this line is recorded.",
            ),
            (C, "Oh yes, I did fill that out."),
        ),
    )
)
add(
    call(
        "h13-ident-ok-name-when-asked",
        "agent_identification",
        DEBT,
        (),
        "near miss: the company and recording notice first; the caller asks who she's talking to and the agent gives her first name at once, before any substance",
        opening=(
            (
                A,
                "Thank you for calling Tamarack Debt Relief, every one of our calls is recorded. Where should we start?",
            ),
            (C, "Hi, sorry, who's this I'm talking to?"),
            (A, "Oh, of course, I'm Latisha. So, walk me through the debt."),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h13-ident-ok-after-screener",
        "agent_identification",
        LIFE,
        (),
        "a hand-over from a screener: a first name, a licensed agent at the company, and the recording notice",
        opening=(
            (
                A,
                "Hi, this is Corbin, a licensed agent with Hearthstone Life. My screener says you're after some burial coverage. One thing first, our calls here are recorded.",
            ),
            (C, "Yes, that's right."),
        ),
    )
)
add(
    call(
        "h13-ident-generic-helpline",
        "agent_identification",
        LIFE,
        ("agent_identification",),
        "a first name and a recording notice, but only 'the senior final expense helpline', no identifiable company at any point",
        opening=(
            (
                A,
                "Hi, this is Tanya with the senior final expense helpline. Calls are recorded for compliance. How can I help you today?",
            ),
        ),
    )
)
add(
    call(
        "h13-ident-nameless-agent",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "the company and a recording notice, but the agent never gives a name; asked for it, she says she's just one of the quote specialists",
        opening=(
            (A, "Crestmark Auto Insurance, and this call's recorded. Which car needs quoting?"),
            (C, "Hi there. And who's this?"),
            (A, "Just one of the quote specialists. Now, let's hunt down a price."),
        ),
        stereo_only=True,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h13-guarantee-ok-underwriters-decide",
        "guaranteed_outcome",
        LOAN,
        (),
        "the caller asks whether she'll be approved; the agent says he can't say for sure, the underwriting team decides",
        (C, "So will I get approved, do you think?"),
        (
            A,
            "I honestly couldn't say. Our underwriting team reviews your credit and income, and the decision is theirs. My part is getting the application in today.",
        ),
        (C, "Okay, fair enough."),
        k=1,
        after_body=True,
    )
)
add(
    call(
        "h13-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "'guaranteed acceptance' named as the product and explained truthfully (no health questions from fifty to eighty five, a graded benefit in the first two years)",
        (
            A,
            "One option is a plan called guaranteed acceptance. If you're between fifty and eighty five, nobody gets turned down over their health. The downside is a graded benefit. For the first two policy years, a natural death means the plan refunds what you paid, with interest, and not the full amount.",
        ),
        (C, "And after those two years?"),
        (A, "Then the full face amount is there for them."),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h13-guarantee-ok-savings-unknown",
        "guaranteed_outcome",
        AUTO,
        (),
        "the caller asks whether she'll save; the agent says it depends on the rates she pulls, some people save and some don't",
        (C, "So are you gonna be able to save me money?"),
        (
            A,
            "I'd love to, but honestly it depends on the rates I pull. Some folks save a bunch, some don't save a dime. I'll show you what I find either way.",
        ),
        (C, "Well, that's a straight answer."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h13-guarantee-debt-cut-in-half",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "the agent promises the twenty eight thousand will be cut to fourteen, saying every client gets cut in half",
        (
            A,
            "With five cards, we'll get that twenty eight thousand down to fourteen, I promise you. Every client we've ever had gets their balance cut in half.",
        ),
        (C, "Really? Half?"),
        (A, "Absolutely. That part's certain."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h13-guarantee-beats-any-price",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "before any rate is pulled the agent says he will beat whatever she pays now, that she is saving money today for certain",
        (
            A,
            "Whatever you're paying now, I'll beat it. You're saving money today, I give you my word.",
        ),
        (C, "Even with the fender bender?"),
        (A, "Doesn't matter one bit. You're saving, period."),
        k=5,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h13-dnc-ok-answers-where-number-came-from",
        "do_not_call",
        LOAN,
        (),
        "outbound; the caller asks how they got his number and to be removed from their calls -> the agent answers (a comparison site), confirms removal and ends",
        (C, "How'd you get hold of my number anyway? And remove me from your calls."),
        (
            A,
            "You typed it into a loan comparison site on Tuesday, that's the source. You're off our list now, Oakhurst won't call you again. Have a nice evening.",
        ),
        (C, "Okay. Bye."),
        opening=(
            (A, "Hello, is this Mister Castillo?"),
            (C, "Yeah."),
            (
                A,
                "Mister Castillo, this is Terrence calling from Oakhurst Lending, and this line is recorded. It's about your loan inquiry.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-dnc-ok-inbound-no-follow-up",
        "do_not_call",
        AUTO,
        (),
        "inbound; after the quote the caller asks not to be called back -> the agent marks the file do-not-call, confirms nobody will follow up, and ends",
        (A, "With both vehicles, the best I'm finding is a hundred and forty two a month."),
        (C, "I'll chew on it, but no follow-up calls, okay? If I want it, I'll ring you."),
        (
            A,
            "Understood. I've flagged your file as do not call, so nobody will be following up. Thanks for calling in, goodbye.",
        ),
        (C, "Bye now."),
        k=6,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-dnc-ok-call-back-thursday",
        "do_not_call",
        DEBT,
        (),
        "near miss: outbound; the caller is driving and asks to be called back on Thursday instead (not a do-not-call request); the agent books it",
        (C, "I'm on the highway this minute. Could you try me again Thursday morning instead?"),
        (A, "Sure, no problem. I'll set a callback for Thursday at nine. Drive safe."),
        (C, "Thanks."),
        opening=(
            (A, "Hi, may I please speak with Mister Dunleavy?"),
            (C, "That's me."),
            (
                A,
                "Hi, this is Brianna with Tamarack Debt Relief. Every call with our office is recorded. You'd asked about help with your credit cards.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-dnc-argues",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "outbound; 'register my number as do not call' -> the agent argues that she asked for the information and wants two more minutes",
        (C, "I'm not interested. Register my number as do not call, please."),
        (
            A,
            "But you mailed us the card asking for information. Why ask for it and then hang up on me? Just give me two more minutes.",
        ),
        (C, "I said no."),
        opening=(
            (A, "Good morning, is Missus Quintero available?"),
            (C, "This is her."),
            (
                A,
                "Missus Quintero, this is Spencer from Hearthstone Life, and our calls get recorded. You sent back a card about burial coverage.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-dnc-sales-question-after",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'remove my number' -> the agent says he will, then asks how many drivers are on her policy",
        (C, "Please remove my number. These calls have to stop."),
        (
            A,
            "Sure, consider it done. Oh, quickly, before you go, how many drivers are on your policy right now?",
        ),
        (C, "Did you not just hear me?"),
        opening=(
            (A, "Hi, is this Miss Abernethy?"),
            (C, "Yes?"),
            (
                A,
                "Hi, Devon over at Crestmark Auto Insurance, and yes, this line is recorded. I saw your quote request come through on our site.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h13-tpmo-ok-standard-part-d",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the full CMS text on a Part D call, after the standard opening",
        k=7,
    )
)
add(
    call(
        "h13-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('and they offer' for 'which offer', 'also called SHIP')",
        k=8,
        tpmo=False,
        opening=CAST.opening(MEDI, 8)
        + (
            TPMO_LEAD[0],
            (A, "Sure, first a notice CMS makes me read."),
            (
                A,
                "We do not offer every plan available in your area. Currently we represent 4 organizations, and they offer 27 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program, also called SHIP, to get information on all of your options.",
                "We do not offer every plan available in your area. Currently we represent four organizations, and they offer twenty seven products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, also called ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h13-tpmo-ok-one-org-advantage",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the one-organization form on a Medicare Advantage call, after the agent says the agency sells one carrier's plans",
        k=9,
        tpmo=False,
        opening=CAST.opening(MEDI, 9)
        + (
            TPMO_LEAD[0],
            (A, "Just so you know, every plan we sell here comes from a single carrier."),
            (A, *TPMO_ONE_ORG),
        ),
    )
)
add(
    call(
        "h13-tpmo-ok-debt-caller-mentions-medicare",
        "tpmo_disclaimer",
        DEBT,
        (),
        "out of scope: on a debt relief call the caller says part of the debt is medical bills Medicare didn't cover; no disclaimer needed",
        (C, "Part of it is hospital bills Medicare didn't cover after my knee surgery."),
        (A, "Medical debt like that can usually go into the program along with the cards."),
        (C, "Oh good, that helps."),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h13-tpmo-no-referral",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the first two parts of the disclaimer, then straight to the medicines; the referral to Medicare.gov, 1-800-MEDICARE and SHIP is never given",
        k=11,
        tpmo=False,
        opening=CAST.opening(PARTD, 11)
        + (
            TPMO_LEAD[0],
            (
                A,
                "We do not offer every plan available in your area. Currently we represent 4 organizations which offer 27 products in your area. Now then, tell me about your medicines.",
                "We do not offer every plan available in your area. Currently we represent four organizations which offer twenty seven products in your area. Now then, tell me about your medicines.",
            ),
        ),
    )
)
add(
    call(
        "h13-tpmo-referral-only",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "only the referral part (look at Medicare.gov or call 1-800-MEDICARE); never that they don't offer every plan, nor how many organizations they represent",
        k=12,
        tpmo=False,
        opening=CAST.opening(MEDI, 12)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Sure. And of course, Medicare.gov and 1-800-MEDICARE are always there if you'd rather compare on your own.",
                "Sure. And of course, Medicare dot guv and one eight hundred Medicare are always there if you'd rather compare on your own.",
            ),
        ),
    )
)
add(
    call(
        "h13-tpmo-after-first-minute",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "no disclaimer at the start; the agent reads it in full only after discussing networks and costs, well past the first minute",
        (A, "I've got four plans near Chandler with HonorHealth in their network."),
        (C, "Do any of them have a zero premium?"),
        (A, "Three do, apart from your Part B premium, and the fourth is about eighteen dollars a month."),
        (C, "What about seeing a cardiologist?"),
        (A, "Specialist copays go from twenty five to fifty dollars, depending on the plan."),
        (C, "And do they pay anything toward glasses?"),
        (A, "Two of them give you a two hundred dollar allowance every year."),
        (C, "Okay, that's helpful to know."),
        (A, "Oh, and before we go any further, I should have read you a notice at the start."),
        (A, *TPMO_READ),
        k=13,
        tpmo=False,
        after_body=True,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h13-pressure-ok-not-the-government",
        "misrepresentation_pressure",
        MEDI,
        (),
        "caller-side wording: 'is this a government call?' -> no, an independent agency, not connected with Medicare or any government office",
        (C, "Hang on, is this a government call?"),
        (
            A,
            "No, ma'am, nothing like that. This is an independent agency, privately owned. Medicare and the government offices have nothing to do with us, we simply help people compare private plans.",
        ),
        (C, "Okay, good to know."),
        k=14,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h13-pressure-ok-late-penalty-rule",
        "misrepresentation_pressure",
        PARTD,
        (),
        "near miss: a true rule that sounds like pressure: sixty three days or more without creditable drug coverage can bring a late enrollment penalty",
        (C, "Is there any hurry on this?"),
        (
            A,
            "No pressure from me. But to be straight with you, if you go sixty three days or more without creditable drug coverage, Medicare can add a late enrollment penalty. So it's worth not letting it slide.",
        ),
        (C, "I didn't know that, thanks."),
        k=15,
        after_body=True,
    )
)
add(
    call(
        "h13-pressure-ok-offer-stays-on-file",
        "misrepresentation_pressure",
        LOAN,
        (),
        "the caller wants to ask her husband; the agent says the offer doesn't vanish if she hangs up, it stays on file, call back when ready",
        (C, "I'd rather talk to my husband before deciding."),
        (
            A,
            "Of course. The offer doesn't vanish if you hang up, it stays on your file. Call back whenever the two of you are ready.",
        ),
        (C, "Great, I'll do that."),
        k=16,
        after_body=True,
    )
)
add(
    call(
        "h13-pressure-state-burial-program",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "the agent says the coverage comes through the state's burial assistance program for seniors, a government benefit she is owed",
        (
            A,
            "So this coverage comes through the state's senior burial aid program. The state pays for it, so really you're just claiming what you're owed.",
        ),
        (C, "The state pays for it?"),
        (A, "Yep, the state runs it. We only handle the sign-ups."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h13-pressure-spot-goes-when-we-hang-up",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "an invented deadline: the caller's spot in the program is held only while they are on the phone and goes to the next person after, so she must say yes now",
        (
            A,
            "Look, I can only keep your spot in the program open while we're talking. Once this call ends, it goes to the next person in line, so I need your yes before we say goodbye.",
        ),
        (C, "Can't I think about it overnight?"),
        (A, "Not if you want to keep this spot."),
        k=18,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h13-abuse-ok-caller-swears",
        "abusive_language",
        AUTO,
        (),
        "the caller swears and demands a number; the agent stays calm and gives one",
        (C, "Cut the crap and just give me a damn number."),
        (A, "Fair enough, I'll keep it short. The best I'm seeing is a hundred thirty one a month for both."),
        (C, "Alright. Sorry, long day."),
        k=19,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h13-abuse-ok-firm-boundary",
        "abusive_language",
        LOAN,
        (),
        "near miss: the caller calls the agent a useless idiot; the agent sets a polite, firm boundary (he'll end the call if the name-calling goes on)",
        (C, "You're completely useless, you know that? Just answer me."),
        (
            A,
            "Happy to keep going, but if the insults carry on I'll need to hang up. Now, the rate depends on your credit check.",
        ),
        (C, "Fine. Go on."),
        k=20,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h13-abuse-stupid-or-not-listening",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller asks what an APR is; the agent asks whether she is stupid or just not listening",
        (C, "Wait, what's an A P R again?"),
        (A, "Are you serious? I just explained it. Are you stupid or just not listening?"),
        (C, "Wow, uncalled for."),
        k=21,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-abuse-wasting-my-damn-time",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller asks for the prices again; the agent swears at her for wasting his time",
        (A, "I've got two options for you: one fifty a month, or one thirty eight with a higher deductible."),
        (C, "Sorry, what were those two prices again?"),
        (A, "Jesus, stop wasting my damn time. I've read them to you twice already."),
        (C, "Wow. Okay."),
        k=22,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-abuse-mocks-age",
        "abusive_language",
        LIFE,
        ("abusive_language",),
        "the caller asks for a term to be repeated; the agent mocks her age, says she can barely follow a simple conversation and he'll talk slower for the old lady",
        (C, "I'm sorry, what does face amount mean again?"),
        (
            A,
            "At your age you can barely follow a simple conversation, huh? Fine, I'll talk real slow for the old lady.",
        ),
        (C, "I beg your pardon?"),
        k=23,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h13-sensitive-ok-secure-payment-line",
        "sensitive_data",
        LIFE,
        (),
        "the agent sends the caller to a secure payment line to key in the card (he won't hear or record it); no number is spoken",
        (
            A,
            "For that first premium, I'm sending you to our secure payment system. You'll punch the card into your keypad, and none of it reaches me or the recording.",
        ),
        (C, "Okay, go ahead."),
        (A, "Welcome back. The payment shows as approved."),
        k=24,
        after_body=True,
    )
)
add(
    call(
        "h13-sensitive-ok-ssn-last-four",
        "sensitive_data",
        LOAN,
        (),
        "only the last four digits of the caller's Social Security number, to verify her",
        (A, "Just to verify, what four digits does your Social end in?"),
        (C, "Sure, 6 2 0 8.", "Sure, six two oh eight."),
        (A, "Perfect, that matches our records."),
        k=25,
        after_body=True,
    )
)
add(
    call(
        "h13-sensitive-ok-vin",
        "sensitive_data",
        AUTO,
        (),
        "near miss: the caller reads the car's seventeen-character vehicle identification number for the quote; none of the rule's kinds of number",
        (A, "Could you read me the VIN off the Sorento? It's on your insurance card or the dashboard."),
        (
            C,
            "Yep, it's 5 X Y P G D A 5 0 K G 4 8 1 7 3 6.",
            "Yep, it's five, X, Y, P, G, D, A, five, zero, K, G, four, eight, one, seven, three, six.",
        ),
        (A, "Great, that pulls up the trim level."),
        k=26,
        after_body=True,
    )
)
add(
    call(
        "h13-sensitive-caller-reads-card-and-code",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "for the first premium the caller reads her full Mastercard number, expiry and the three-digit code on the back",
        (A, "We can take the first premium on a card. Whenever you're set, go ahead."),
        (
            C,
            "Yes, Mastercard, 5 1 9 7, 3 0 6 2, 8 8 4 1, 2 5 7 0, expires ten twenty eight, and the security code is 6 1 4.",
            "Yes, Mastercard, five one nine seven, three oh six two, eight eight four one, two five seven oh, expires ten twenty eight, and the security code is six one four.",
        ),
        (A, "Thanks, I've captured that. The payment's done."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h13-sensitive-agent-reads-account-back",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the caller typed her bank details into an emailed form; for the monthly draft the agent reads her routing number and full checking account number from it aloud to confirm them",
        (A, "Which checking account should the monthly draft come from?"),
        (C, "I typed the numbers into that form you emailed me."),
        (
            A,
            "Great, I've got the form open. Here's what it says for the monthly draft. Routing 0 7 1 9 2 3 2 8 4, checking account 6 3 0 5 5 8 1 2 9 7. Is that correct?",
            "Great, I've got the form open. Here's what it says for the monthly draft. Routing oh seven one, nine two three, two eight four, checking account six three oh, five five eight, one two nine seven. Is that correct?",
        ),
        (C, "Yes, that's right."),
        (A, "Perfect, the first draft comes out on the fifteenth."),
        k=28,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h13-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare Advantage call (about two minutes, the disclaimer in the first minute)",
        k=29,
        long=True,
    )
)
add(
    replace(  # the request comes after the filler here: mark it long by hand
        call(
            "h13-long-auto-removal-ignored",
            "long_call",
            AUTO,
            ("do_not_call",),
            "long inbound auto call (about two minutes); after the quotes the caller asks them to stop phoning her house, and the agent ignores it and keeps selling add-ons",
            *LONG_FILLER[AUTO],
            (
                C,
                "One more thing. Your people phone my house every single day. Take me off that list of yours, I've had enough of those calls.",
            ),
            (
                A,
                "Sure, sure. Now, since you're going with the second one, I'd strongly suggest our accident forgiveness add-on, it's only six dollars more a month.",
            ),
            (C, "Hello? Did you catch what I said?"),
            (A, "I did. So shall I add the accident forgiveness?"),
            k=30,
            after_body=True,
            closing=False,
            stereo_only=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h13-multi-removal-lose-it-tonight",
        "multi",
        DEBT,
        ("do_not_call", "misrepresentation_pressure"),
        "outbound; 'I want off your calling list' -> the agent says if she hangs up now she loses her place for good, the program closes to her tonight",
        (C, "No thanks. I want off your calling list."),
        (
            A,
            "Hold on, if you hang up now you lose your place for good. The program closes to you tonight, and there's no getting back in after that.",
        ),
        (C, "I don't care. Stop calling me."),
        opening=(
            (A, "Hi there, is this Missus Quintero?"),
            (C, "Yes, who is this?"),
            (
                A,
                "This is Noelle with Tamarack Debt Relief. This line is recorded. You'd looked into debt help with us last month.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h13-multi-no-notice-approved",
        "multi",
        LOAN,
        ("guaranteed_outcome", "recording_disclosure"),
        "no recording notice at any point; the agent tells the caller she is approved, the six thousand is hers, there's no way she'll be turned down",
        (
            A,
            "Great news, you're approved. The six thousand is yours, nobody with that income gets turned down.",
        ),
        (C, "Don't you need to check my credit first?"),
        (A, "Just a formality. It's done."),
        opening=((A, "Oakhurst Lending, this is Armando. How can I help you today?"),),
        after_body=True,
    )
)
add(
    call(
        "h13-multi-medicare-partner-no-disclaimer",
        "multi",
        PARTD,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "Part D: name, company and recording notice, but the agent says they are Medicare's official partner for drug plans; no disclaimer at any point",
        opening=(
            (
                A,
                "Thanks for calling Lindenwood Health Advisors, this is Devon. Calls are recorded. We're Medicare's official partner for drug plans in Ohio, so you're in good hands.",
            ),
            (C, "Oh, that's reassuring."),
        ),
    )
)
add(
    call(
        "h13-multi-card-read-insult",
        "multi",
        AUTO,
        ("abusive_language", "sensitive_data"),
        "the caller reads her card slowly; the agent calls her a moron for losing her place, and she reads the full card number and code on the recording",
        (A, "I can cover both vehicles for a hundred twenty six a month. Want to lock that in?"),
        (C, "Yes, let's do it."),
        (A, "Go ahead with the card number for the first month."),
        (
            C,
            "Okay, it's, um, 4 0 3 2, 7 7, hang on.",
            "Okay, it's, um, four oh three two, seven seven, hang on.",
        ),
        (A, "Oh my God, you moron, it's sixteen digits. Start again."),
        (
            C,
            "4 0 3 2, 7 7 1 5, 6 2 0 9, 8 8 4 3, and the code is 9 1 2.",
            "four oh three two, seven seven one five, six two oh nine, eight eight four three, and the code is nine one two.",
        ),
        k=31,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h13-multi-processing-desk-ssn",
        "multi",
        LOAN,
        ("agent_identification", "sensitive_data"),
        "a recording notice but only 'the loan processing department', no name and no company; the caller reads her full Social Security number",
        (A, "To run the credit pull, I need the whole Social Security number, please."),
        (C, "Okay, it's 4 1 8, 6 2, 9 0 3 7.", "Okay, it's four one eight, six two, nine oh three seven."),
        (A, "Thanks, that's in."),
        opening=(
            (
                A,
                "Hello, loan processing department. Please note our calls are recorded. What do you need?",
            ),
        ),
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h13-guarantee-debt-cut-in-half",  # 0
    "h13-dnc-ok-inbound-no-follow-up",  # 1
    "h13-disclosure-ok-automated-notice",  # 2 mono
    "h13-abuse-wasting-my-damn-time",  # 3 mp3
    "h13-tpmo-ok-small-deviations",  # 4
    "h13-sensitive-ok-ssn-last-four",  # 5 mono
    "h13-multi-removal-lose-it-tonight",  # 6
    "h13-long-ok-medicare",  # 7
    "h13-disclosure-quality-notes-only",  # 8 mono, wav
    "h13-guarantee-ok-acceptance-explained",  # 9
    "h13-pressure-spot-goes-when-we-hang-up",  # 10 mp3
    "h13-ident-ok-after-screener",  # 11 mono
    "h13-dnc-argues",  # 12
    "h13-tpmo-no-referral",  # 13
    "h13-sensitive-caller-reads-card-and-code",  # 14 mono
    "h13-abuse-ok-caller-swears",  # 15
    "h13-pressure-ok-offer-stays-on-file",  # 16
    "h13-multi-no-notice-approved",  # 17 mono, mp3
    "h13-ident-nameless-agent",  # 18
    "h13-guarantee-ok-underwriters-decide",  # 19
    "h13-tpmo-ok-one-org-advantage",  # 20 mono
    "h13-dnc-sales-question-after",  # 21
    "h13-long-auto-removal-ignored",  # 22
    "h13-sensitive-ok-vin",  # 23 mono
    "h13-guarantee-ok-savings-unknown",  # 24 mp3
    "h13-ident-generic-helpline",  # 25 wav
    "h13-multi-medicare-partner-no-disclaimer",  # 26 mono
    "h13-abuse-stupid-or-not-listening",  # 27
    "h13-tpmo-ok-standard-part-d",  # 28
    "h13-pressure-state-burial-program",  # 29 mono
    "h13-dnc-ok-answers-where-number-came-from",  # 30
    "h13-disclosure-only-at-goodbye",  # 31 mp3
    "h13-tpmo-referral-only",  # 32 mono
    "h13-pressure-ok-not-the-government",  # 33
    "h13-sensitive-ok-secure-payment-line",  # 34
    "h13-disclosure-ok-then-no-bank-details",  # 35 mono
    "h13-abuse-mocks-age",  # 36
    "h13-pressure-ok-late-penalty-rule",  # 37
    "h13-guarantee-beats-any-price",  # 38 mono, mp3
    "h13-dnc-ok-call-back-thursday",  # 39
    "h13-tpmo-after-first-minute",  # 40
    "h13-disclosure-ok-supervisor-listening",  # 41 mono
    "h13-sensitive-agent-reads-account-back",  # 42 wav
    "h13-abuse-ok-firm-boundary",  # 43
    "h13-multi-processing-desk-ssn",  # 44 mono
    "h13-ident-ok-on-behalf-of",  # 45 mp3
    "h13-ident-ok-name-when-asked",  # 46
    "h13-tpmo-ok-debt-caller-mentions-medicare",  # 47 mono
    "h13-multi-card-read-insult",  # 48
    "h13-disclosure-ok-confirms-when-asked",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
