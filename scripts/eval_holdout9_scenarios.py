"""The calls of the ninth holdout set (eval/holdout9/, built by `make_eval_corpus.py --set holdout9`).

Written fresh and clean, after the eighth holdout (eval/holdout8/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Company names, agent names, the callees, the campaigns' small talk,
the compliant openings (the company named last, an outbound agent reaching out on a company's behalf, an
automated prompt before the agent, a name given only after the caller's small talk, a hand-over from a
teammate, a terse customer-care desk, a disclosure before anything else, a queue call-back about a web quote)
and every wording that decides a verdict (recording disclosures with and without the word "record":
monitored, taped, kept as sound files, saved, used to coach staff; their absence, a disclosure only at the
goodbye, a dodged question about recording; identifications, a department without a company, a name given
only at the end; promises and careful non-promises, "guaranteed acceptance" explained; do-not-call requests
and how they are handled; pressure and government claims, and truthful dates; abuse and threats; spoken
numbers, a paused recording, a security code alone; the TPMO disclaimer read in full after an interruption, in
its one-organization form, with small deviations, cut short, without its middle part, after the first minute
or not at all) are new here: they appear in none of scripts/eval_scenarios.py and
scripts/eval_holdout_scenarios.py to scripts/eval_holdout8_scenarios.py. Only the long calls' filler
(LONG_FILLER), the CMS disclaimer's mandated text, the Scenario type and the call builder (Cast) are shared.

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
    AUTO: "Granite Mile Insurance",
    LOAN: "Quarry Lane Lending",
    DEBT: "Ridgeline Debt Partners",
    LIFE: "Mariner Family Life",
    MEDI: "Sagebrook Senior Advisors",
    PARTD: "Sagebrook Senior Advisors",
}
NAMES = (
    "Anselm",
    "Dorothea",
    "Kwame",
    "Margot",
    "Hollis",
    "Beatriz",
    "Emmett",
    "Rupert",
    "Celeste",
    "Clement",
    "Vivian",
    "Horace",
    "Maribel",
)
# Whom an outbound agent asks for.
CALLEES = ("Missus Abernathy", "Mister Szabo", "Missus Halvorsen", "Mister Okonkwo", "Miss Marlowe")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

# Four of the seven never say "record": monitored, taped, audio saved or stored count, as the guidance allows.
DISCLOSURES = (
    "Our managers monitor this line, and the audio gets kept for training.",
    "I should mention our calls are taped, for your protection as much as ours.",
    "We'll be storing an audio recording of today's conversation with your file.",
    "The system records each call I take, and my team lead spot-checks some of them.",
    "Please be aware the audio of this call is saved and used to coach new staff.",
    "This conversation is going onto a recording, which our quality team may review.",
    "Every call here, this one too, is stored as audio on our servers.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening, one of eight kinds (k % 8): the company named last, an outbound call on the
    company's behalf, an automated prompt before the agent, a name after the caller's small talk, a hand-over
    from a teammate, a terse customer-care desk, a disclosure before anything else, a queue call-back about a
    web quote."""
    disclosure = DISCLOSURES[(k + k // 8) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        (
            (
                A,
                f"Good morning, you're speaking with {name}, and this is {company}. {disclosure} How may I be of use?",
            ),
        ),
        (
            (A, f"Hello, I'm trying to reach {callee}."),
            (C, "That's me. What's this about?"),
            (
                A,
                f"Hi there, my name is {name}, and I'm reaching out on behalf of {company} about the form you filled in on our site. {disclosure} Which options caught your eye?",
            ),
        ),
        (
            (
                A,
                f"Welcome to {company}. Conversations on this line are monitored and may be taped so we can train our people. An advisor is about to answer.",
            ),
            (A, f"Thanks for holding, {name} here. Where shall we begin?"),
        ),
        (
            (A, f"{company}, hi there!"),
            (C, "Hello? Sorry, I was on hold so long I nearly gave up on you."),
            (
                A,
                f"Oh no, I'm sorry, Mondays are wild around here. I'm {name}, by the way. {disclosure} So what's on the agenda?",
            ),
        ),
        (
            (
                A,
                f"Thanks for your patience, my teammate just passed you along to me. This is {name} on the enrollment desk at {company}. {disclosure} She mentioned you had a few questions?",
            ),
        ),
        (
            (A, f"{company} customer care, {name}. {disclosure}"),
            (A, "And who's on the line with me?"),
            (C, "This is Walt, hi."),
            (A, "Hi, Walt. What's going on?"),
        ),
        (
            (
                A,
                f"Good afternoon. {disclosure} This is {company}, and my name is {name}. Tell me what you're after today.",
            ),
        ),
        (
            (A, "Hi, is this about the quote you asked for online?"),
            (C, "Yes, that's right."),
            (
                A,
                f"Perfect. I'm {name} at {company}, your request landed in my queue this morning. {disclosure} Let's get going.",
            ),
        ),
    )[k % 8]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 7 organizations which offer "
    "46 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent seven organizations which offer "
    "forty six products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "I've been meaning to sort out my coverage for ages."),
    (A, "Glad you called. One thing first, brokers like me read out a standard notice, so bear with me."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (
            C,
            "My neighbor sold me his old Ford Ranger, and it needs cover before I take it off his driveway.",
        ),
        (A, "Nice truck. What year is the Ranger?"),
        (C, "Twenty sixteen, with about ninety thousand miles on it."),
        (A, "And where will it be parked overnight, a garage or out on the street?"),
        (C, "In the driveway, next to my wife's minivan."),
    ),
    LOAN: (
        (C, "Our furnace died in the cold snap, and the replacement quote came to sixty five hundred."),
        (A, "Oof, not a fun surprise in January. Where are you employed, and since when?"),
        (C, "Six years at the county water department."),
        (A, "And roughly how much comes in every month after deductions?"),
        (C, "About forty one hundred."),
    ),
    DEBT: (
        (
            C,
            "I co-signed a car loan for my brother and he stopped paying, and with my own cards it's about twenty six thousand now.",
        ),
        (A, "That's a hard spot to be in. How many accounts are we talking about altogether?"),
        (C, "Five, counting the car loan."),
        (A, "Have any been sold off to collectors yet?"),
        (C, "Two of the cards went to collections over the summer."),
    ),
    LIFE: (
        (
            C,
            "I'm seventy two, and my late sister's funeral came to nearly fifteen thousand. I want mine paid for ahead of time.",
        ),
        (A, "I'm sorry about your sister. Do you smoke at all?"),
        (C, "Quit twenty years ago, cold turkey."),
        (A, "Good for you. What coverage amount were you picturing?"),
        (C, "Around fifteen thousand, to be safe."),
    ),
    MEDI: (
        (
            C,
            "I'm retiring from the school district in April, and I lose their health plan, so I need something to go with Medicare.",
        ),
        (A, "Congratulations on the retirement! What zip code do you live in?"),
        (C, "8 7 1 0 4, in Albuquerque.", "Eight seven one oh four, in Albuquerque."),
        (A, "Is there a hospital you'd want to keep in the network?"),
        (C, "Presbyterian, the one downtown."),
    ),
    PARTD: (
        (C, "My Trelegy went up to ninety dollars a month at the pharmacy, and I'm on a fixed income."),
        (A, "That adds up quickly. Any other prescriptions I should look for?"),
        (C, "Just Farxiga, for my blood sugar."),
        (A, "Where do you usually pick up your prescriptions?"),
        (C, "The Hy-Vee pharmacy on Elm Street."),
    ),
}
ENDING = (
    (A, "I'll put all of this in writing and mail it out this afternoon."),
    (C, "That works, thank you kindly."),
    (A, "My pleasure, bye for now."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h9-disclosure-ok-supervisor-listening",
        "recording_disclosure",
        AUTO,
        (),
        "near miss: the only notice is that a supervisor may be listening on the line (monitoring, never the word 'record'), given before any substance",
        opening=(
            (
                A,
                "Hi, Granite Mile Insurance, Hollis on the phone. Before we start, a supervisor may be monitoring this line, it's how we train folks. What needs covering?",
            ),
        ),
    )
)
add(
    call(
        "h9-disclosure-ok-sound-files",
        "recording_disclosure",
        LIFE,
        (),
        "near miss: 'all our calls are kept as sound files in the customer's folder' (a recording disclosure without the word), before any substance",
        opening=(
            (
                A,
                "Mariner Family Life, good morning, you've got Dorothea. Quick note before we chat, all our calls are kept as sound files in the customer's folder, and yours is no exception. So what prompted you to ring us?",
            ),
        ),
    )
)
add(
    call(
        "h9-disclosure-ok-caller-checks-later",
        "recording_disclosure",
        PARTD,
        (),
        "outbound; the agent says at the start that the system records each call and a team lead spot-checks some; after the small talk the caller checks, and the agent confirms it again",
        (C, "Wait, did you say this call was being recorded?"),
        (A, "I did, yes, right at the top. It just protects both of us if there's ever a question."),
        (C, "Alright, that's fine by me."),
        k=9,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-disclosure-survey-only",
        "recording_disclosure",
        LOAN,
        ("recording_disclosure",),
        "only a note about service quality and a text survey after the call; recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Quarry Lane Lending, this is Rupert. To keep our service quality high, you might get a two question survey by text once we hang up. What sort of amount do you need?",
            ),
        ),
    )
)
add(
    call(
        "h9-disclosure-only-at-goodbye",
        "recording_disclosure",
        MEDI,
        ("recording_disclosure",),
        "Medicare Advantage call with the full disclaimer; the agent mentions that the call was recorded only while saying goodbye, after the plans were discussed",
        (
            A,
            "So I've found two plans that keep Presbyterian in the network, one with no monthly premium and one at eighteen dollars with better dental.",
        ),
        (C, "Send me both, and I'll sit down with them this weekend."),
        (
            A,
            "Will do. Oh, and I probably should've told you when we started, but our system was recording this whole conversation.",
        ),
        (C, "Huh. Okay."),
        opening=(
            (
                A,
                "Sagebrook Senior Advisors, good morning, this is Celeste. Which plans are you curious about?",
            ),
        ),
        tpmo=True,
        after_body=True,
    )
)
add(
    call(
        "h9-disclosure-dodged-question",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "no disclosure; the caller asks whether he is being recorded and the agent brushes it off without answering",
        (C, "Hang on, are you recording me right now?"),
        (
            A,
            "Ah, don't worry yourself about that. So, the Ranger, any claims or crashes since twenty twenty?",
        ),
        (C, "Uh, no. None."),
        opening=(
            (
                A,
                "Granite Mile Insurance, Kwame here, good afternoon. What can I get started for you?",
            ),
        ),
        after_body=True,
        stereo_only=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h9-ident-ok-company-after-disclosure",
        "agent_identification",
        LOAN,
        (),
        "the agent gives her first name, then a monitoring notice, and only then names the company, all in the first sentences",
        opening=(
            (
                A,
                "Hi, you're through to Margot. This line is monitored, I should say. And in case the ad didn't say, this is Quarry Lane Lending. What did you need?",
            ),
        ),
    )
)
add(
    call(
        "h9-ident-ok-ivr-then-short-company",
        "agent_identification",
        MEDI,
        (),
        "an automated prompt names the company and says calls are taped; the agent gives his first name and the company's short form ('one of Sagebrook's licensed agents')",
        opening=(
            (
                A,
                "You've reached Sagebrook Senior Advisors. For training, these calls are taped. Please hold, a licensed agent is on the way.",
            ),
            (A, "Hello, Clement here, one of Sagebrook's licensed agents. How can I help you?"),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h9-ident-ok-outbound-name-when-asked",
        "agent_identification",
        LIFE,
        (),
        "outbound: the agent calls on the company's behalf and discloses recording; when the caller asks who she is, she apologises and gives her first name",
        opening=(
            (A, "Hi, good morning, is Missus Castellanos in?"),
            (C, "Speaking."),
            (
                A,
                "Wonderful. I'm reaching out on behalf of Mariner Family Life, about the brochure on burial cover you asked for. I'll add that we're recording this phone call.",
            ),
            (C, "And what's your name, dear?"),
            (
                A,
                "Oh, goodness, where are my manners. I'm Beatriz. So, did the brochure answer your questions?",
            ),
            (C, "Some of them."),
        ),
    )
)
add(
    call(
        "h9-ident-department-no-company",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "a first name and 'the hardship relief department', but no company is named at any point",
        opening=(
            (
                A,
                "Hello, this is Emmett in the hardship relief department. Everything said on this call is recorded. So, what's your situation?",
            ),
        ),
    )
)
add(
    call(
        "h9-ident-name-only-at-end",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "the agent discloses recording but gives neither name nor company until the goodbye, after the quote",
        (
            A,
            "Alright, for the Ranger with liability and comprehensive, I've got you at eighty seven dollars a month.",
        ),
        (C, "That's not bad at all. Who should I ask for if I call back?"),
        (A, "Oh, I never said, did I? I'm Anselm, at Granite Mile Insurance."),
        opening=(
            (
                A,
                "Hi there, thanks for holding. Our calls are recorded, by the way. What are we pricing up for you?",
            ),
        ),
        after_body=True,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h9-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "the caller asks if 'guaranteed acceptance' means the full amount at once; the agent explains it correctly (no one turned down for health, a two-year waiting period for illness that returns premiums with interest)",
        (
            C,
            "The letter called it guaranteed acceptance. So my kids would get the whole fifteen thousand right off?",
        ),
        (
            A,
            "Not straight away. Nobody can be refused for health reasons, that's the acceptance part. But should an illness take you before the policy turns two, the policy refunds what you paid in, with some interest, rather than the full face amount. After that, it's the full fifteen thousand.",
        ),
        (C, "I see. That's fair enough."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-guarantee-ok-no-sure-thing",
        "guaranteed_outcome",
        LOAN,
        (),
        "'there's no sure thing here': the underwriters decide and decline some applicants with good credit",
        (C, "So what are my odds, do you think?"),
        (
            A,
            "I'll be straight with you, there's no sure thing here. The underwriters make the call, and they turn down some people with decent credit too. What I can do is send it over today.",
        ),
        (C, "Okay, fair. Let's try."),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h9-guarantee-ok-partd-estimate",
        "guaranteed_outcome",
        PARTD,
        (),
        "'will I definitely save?' -> the agent cannot say for certain; the forty dollars a month is an estimate that depends on the pharmacy",
        (C, "So will I definitely save money on the Trelegy if I switch?"),
        (
            A,
            "I can't tell you that for certain. The tool estimates about forty dollars less a month at your Hy-Vee, but that's an estimate, and prices at the pharmacy can change during the year.",
        ),
        (C, "Okay. An estimate is still helpful."),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-guarantee-auto-switch-savings",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "switching will save at least three hundred dollars a year, the agent would stake his job on it, and every driver who switches saves",
        (
            A,
            "Here's the thing. When you switch the Ranger over to us, you're going to pocket at least three hundred dollars a year. I'd stake my job on it.",
        ),
        (C, "Every driver saves that much?"),
        (A, "Every single one who switches. Mark my words."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h9-guarantee-debt-free-in-two-years",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "a promise that every account will be settled and nothing owed in twenty four months, 'a certainty, not a maybe'",
        (
            A,
            "I'll make you a promise right now. Every one of those five accounts will be settled, and in twenty four months you'll owe nothing to anyone.",
        ),
        (C, "Even the collection ones?"),
        (A, "Those too. It's a certainty, not a maybe."),
        k=5,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h9-dnc-ok-removed-apology",
        "do_not_call",
        DEBT,
        (),
        "outbound; 'please take my number off your list' -> removal confirmed, apology, goodbye",
        (C, "Look, I've got it handled with my credit union. Please take my number off your list."),
        (
            A,
            "Understood, completely. I'm striking this number off our list this moment, and we won't be contacting you again. Apologies for the interruption, goodbye.",
        ),
        (C, "Thank you. Bye."),
        opening=(
            (A, "Hi, is this Mister Pemberton?"),
            (C, "Yeah, who's calling?"),
            (
                A,
                "This is Horace, from Ridgeline Debt Partners. This call is recorded. You spoke with us in the spring about your card balances, and I wanted to follow up.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-dnc-ok-answers-source",
        "do_not_call",
        LIFE,
        (),
        "outbound; the caller asks how they found his number and asks to be on the no-call list -> the agent answers, confirms the number is on the company's list and ends",
        (
            C,
            "Hold on, how on earth did you find this number? And I'd like my name put on whatever no-call register you keep.",
        ),
        (
            A,
            "It came from a sweepstakes entry at the county fair that shared contacts with us. Your number's on our company's no-call list this minute, so nobody here will phone it again. Take care now.",
        ),
        (C, "Okay. Bye."),
        opening=(
            (A, "Hello, Mister Ferreira?"),
            (C, "Yes?"),
            (
                A,
                "Good afternoon, I'm Vivian with Mariner Family Life, and our call is on tape. I'm calling about final expense coverage for folks over sixty.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-dnc-ok-not-interested-yet",
        "do_not_call",
        LOAN,
        (),
        "near miss: 'I'm not interested in a loan right now' is not a request to stop calling; the agent asks whether a check-in in two months is welcome, the caller agrees",
        (C, "Honestly, I'm not interested in a loan at the moment. The furnace can wait until spring."),
        (
            A,
            "That's completely fine. Would it be alright if I checked in with you in a couple of months?",
        ),
        (C, "Sure, that works."),
        (A, "Great. Stay warm until then."),
        k=6,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-dnc-removal-then-upsell",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'stop calling me, take me off your list' -> 'absolutely', then asks what the caller pays now and pitches a lower rate",
        (C, "Stop calling me, please. I want off your list."),
        (
            A,
            "Absolutely, I'll get that done. Oh, before I do, are you paying more than a hundred a month at the moment? Because we could probably knock that down.",
        ),
        (C, "Are you serious right now?"),
        opening=(
            (A, "Hi, Missus Quimby? It's Hollis calling from Granite Mile Insurance."),
            (
                A,
                "This call's audio goes into our records, and a manager may monitor it. You got a quote from us last year.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-dnc-refuses-until-heard",
        "do_not_call",
        PARTD,
        ("do_not_call",),
        "outbound Part D call, after the disclaimer; 'remove me from your call list' -> the agent says it can't remove her until she hears the plan options",
        (C, "I'd like to be removed from your call list, please."),
        (
            A,
            "I'm afraid I can't take you off until you've heard the plan options, that's our process. It'll only take five minutes.",
        ),
        (C, "That's not how it works. Goodbye."),
        opening=(
            (A, "Good morning, is Missus Ostrowski available?"),
            (C, "This is she."),
            (
                A,
                "Missus Ostrowski, this is Maribel at Sagebrook Senior Advisors, about your drug coverage for the coming year. Our conversation is stored as audio, and I have a short notice to read first.",
            ),
            (A, *TPMO_READ),
        ),
        tpmo=False,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-dnc-asks-why-then-prices",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "outbound; 'don't ring me again' -> the agent asks what is putting her off and offers plans from nine dollars a month",
        (C, "Let me cut in there. Don't ring me again, please."),
        (
            A,
            "Can I ask what's putting you off? If it's the price, I've got plans starting at nine dollars a month, less than a sandwich.",
        ),
        (C, "I said don't ring me. Goodbye."),
        opening=(
            (A, "Hello, Missus Whitlock? My name is Celeste, calling from Mariner Family Life."),
            (
                A,
                "Our line records as we talk. You requested some information about burial insurance from us.",
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
        "h9-tpmo-ok-interrupted-then-finished",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the caller interrupts after the first sentence; the agent finishes the full notice (counts and referral) within the first minute",
        k=10,
        tpmo=False,
        opening=CAST.opening(PARTD, 10)
        + (
            TPMO_LEAD[0],
            (A, "Sure. There's a required notice I read to everyone first."),
            (A, "We do not offer every plan available in your area."),
            (C, "Oh, do you have to read all of that?"),
            (
                A,
                "I do, every word, sorry. Currently we represent 7 organizations which offer 46 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "I do, every word, sorry. Currently we represent seven organizations which offer forty six products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h9-tpmo-ok-one-organization",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the one-organization form on a Medicare Advantage call, after the agent says the agency sells only one carrier's plans",
        k=11,
        tpmo=False,
        opening=CAST.opening(MEDI, 11)
        + (
            (C, "I'd like to look at Advantage plans for when I retire."),
            (
                A,
                "Happy to. We're appointed with a single carrier, so my notice is the shorter version.",
            ),
            (
                A,
                "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h9-tpmo-ok-loose-wording",
        "tpmo_disclaimer",
        PARTD,
        (),
        "all three parts with small deviations ('carry' for 'offer', 'offered in', 'for now', 'and they offer', 'check', 'dial', 'ask', 'to learn what … are')",
        k=12,
        tpmo=False,
        opening=CAST.opening(PARTD, 12)
        + (
            TPMO_LEAD[0],
            (A, "Sure thing. Let me get my notice out of the way."),
            (
                A,
                "We do not carry every plan offered in your area. For now we represent seven organizations, and they offer forty six products in your area. Please check Medicare.gov, dial 1-800-MEDICARE, or ask your local State Health Insurance Program, SHIP, to learn what all of your options are.",
                "We do not carry every plan offered in your area. For now we represent seven organizations, and they offer forty six products in your area. Please check Medicare dot guv, dial one eight hundred Medicare, or ask your local State Health Insurance Program, ship, to learn what all of your options are.",
            ),
        ),
    )
)
add(
    call(
        "h9-tpmo-ok-debt-mentions-part-d",
        "tpmo_disclaimer",
        DEBT,
        (),
        "out of scope: on a debt relief call the caller says part of her debt came from a Part D plan not covering heart pills; no disclaimer is needed",
        (
            C,
            "A chunk of it is from last year, when my Part D plan wouldn't cover my heart pills and I put it on a card.",
        ),
        (
            A,
            "That happens to a lot of people. I can't help with the drug plan itself, but those card balances are exactly what we work on.",
        ),
        (C, "Okay, good."),
        k=13,
        after_body=True,
    )
)
add(
    call(
        "h9-tpmo-first-sentence-only",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the agent reads only the first sentence, calls the rest boilerplate and moves on: no counts, no referral",
        k=14,
        tpmo=False,
        opening=CAST.opening(PARTD, 14)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Sure. So, we do not offer every plan available in your area. And the rest of it is boilerplate, honestly, let's get to your prescriptions.",
            ),
        ),
    )
)
add(
    call(
        "h9-tpmo-middle-dropped",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the first and third sentences are read, but the middle part (counts or the one-organization sentence) is left out",
        k=15,
        tpmo=False,
        opening=CAST.opening(MEDI, 15)
        + (
            TPMO_LEAD[0],
            (A, "Of course. I'm required to tell you something first."),
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
        "h9-tpmo-after-first-minute",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the full disclaimer, but only after the small talk and a first look at plans and copays, well past the first minute",
        (
            A,
            "Okay, so I'm seeing four plans around Albuquerque that keep Presbyterian in network. Two of them have no monthly premium at all.",
        ),
        (C, "No premium? How do they manage that?"),
        (
            A,
            "They get paid by Medicare for each member, and you still pay your Part B. The difference is mostly in the copays. One charges ten dollars for a primary care visit, the other nothing.",
        ),
        (C, "And specialists? I see a rheumatologist every couple of months."),
        (
            A,
            "Forty dollars on the first one, forty five on the other. Oh, wait, I'm so sorry, I skipped a notice I'm required to give at the beginning. Here it is.",
        ),
        (A, *TPMO_READ),
        (C, "Okay."),
        k=16,
        tpmo=False,
        after_body=True,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h9-pressure-ok-fall-enrollment-dates",
        "misrepresentation_pressure",
        PARTD,
        (),
        "'when can I change if I don't like it?' -> the true annual enrollment dates (October 15 to December 7, changes from January 1) and no need to choose on this call",
        (C, "If I don't like the new plan, when am I allowed to change?"),
        (
            A,
            "Every autumn there's the annual enrollment period, October fifteenth to December seventh, with changes taking effect January first. You don't have to choose anything on this call.",
        ),
        (C, "Good to know, thank you."),
        k=38,
        after_body=True,
    )
)
add(
    call(
        "h9-pressure-ok-not-social-security",
        "misrepresentation_pressure",
        LIFE,
        (),
        "'is this Social Security calling? the letter had an eagle on it' -> no, a private insurance agency, not part of any government office",
        (C, "Is this Social Security I'm talking to? The letter had an eagle printed on it."),
        (
            A,
            "No, ma'am, not at all. We're a privately owned insurance agency. We aren't part of Social Security or any other government office, and I'm sorry if the letter looked that way.",
        ),
        (C, "Oh. Well, thank you for saying so."),
        k=18,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-pressure-ok-quote-holds-thirty-days",
        "misrepresentation_pressure",
        AUTO,
        (),
        "near miss: the quote stays good for a month, so there is no rush; the caller can sleep on it",
        (
            A,
            "So that's ninety one a month with the deductible at five hundred. This quote stays good for a month, no rush whatsoever. Sleep on it, talk it over at home.",
        ),
        (C, "I appreciate that. I'll call you back this week."),
        k=19,
        after_body=True,
    )
)
add(
    call(
        "h9-pressure-irs-referral",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "the agent claims the company partners directly with the IRS, which sends people to them",
        (
            A,
            "The good news is we partner directly with the IRS. They actually send people in your position to us, so this is about as official as it gets.",
        ),
        (C, "The IRS sends people to you?"),
        (A, "All the time. We're their go-to partner for hardship cases."),
        k=20,
        after_body=True,
    )
)
add(
    call(
        "h9-pressure-supervisor-leaves-at-five",
        "misrepresentation_pressure",
        LOAN,
        ("misrepresentation_pressure",),
        "invented pressure: the rate exists only until the supervisor leaves at five, so the caller must say yes this minute",
        (
            A,
            "Okay, I can get you six point nine percent. But my supervisor only signs off on that rate until he leaves at five, and after that it's off the table for good. You've got to say yes right this minute.",
        ),
        (C, "Right now? I wanted to talk to my wife first."),
        (A, "There's really no time for that, I'm afraid."),
        k=21,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h9-abuse-ok-caller-swears-at-website",
        "abusive_language",
        AUTO,
        (),
        "the caller swears about the website crashing; the agent stays calm and offers to finish by phone",
        (C, "Your damn website crashed on me three times. What a piece of crap."),
        (A, "That sounds maddening, and I'm sorry. We'll just do it over the phone, it's quicker anyway."),
        (C, "Fine. Thanks."),
        k=22,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-abuse-ok-calm-warning",
        "abusive_language",
        PARTD,
        (),
        "the caller calls the agent a crook; the agent says she will end the call if the name-calling continues, and they carry on",
        (
            C,
            "You're all crooks, every one of you. You just want to get your hands on old people's money.",
        ),
        (
            A,
            "I can tell you're upset. I want to keep working on this with you, though I'll have to hang up if the insults keep coming.",
        ),
        (C, "Alright. I'm sorry, it's been a rough month."),
        (A, "Thank you. Let's find you a cheaper option for the Trelegy."),
        k=23,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h9-abuse-child-could-follow",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller asks again what APR means; the agent: 'a child could follow this… try to keep up… are you slow or something?'",
        (C, "Sorry, could you go over the APR part once more?"),
        (
            A,
            "Seriously? A child could follow this. Try to keep up, will you? I've explained it twice. Are you slow or something?",
        ),
        (C, "Wow. There's no need for that."),
        k=24,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-abuse-threatens-caller",
        "abusive_language",
        DEBT,
        ("abusive_language",),
        "the caller says she will complain to the Better Business Bureau about the fees; the agent threatens to give every debt collector in the state her home address",
        (C, "Those fees are outrageous. I'm going to report you people to the Better Business Bureau."),
        (
            A,
            "Go ahead and try it. Do that, and I'll see to it that every debt collector in the state gets your home address.",
        ),
        (C, "Are you threatening me?"),
        k=25,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h9-sensitive-ok-recording-paused",
        "sensitive_data",
        LIFE,
        (),
        "the agent pauses the recording for the card details and says so when it resumes; no number is heard",
        (C, "Alright, the fifteen thousand it is."),
        (
            A,
            "Lovely. For the card details I'm going to pause our recording, so none of it is kept. It's paused now, go ahead whenever you're ready.",
        ),
        (A, "And we're recording again. That card went through, and your cover starts on the first."),
        (C, "Oh, that was easy."),
        k=26,
        after_body=True,
    )
)
add(
    call(
        "h9-sensitive-ok-vin-read-out",
        "sensitive_data",
        AUTO,
        (),
        "near miss: the caller reads the truck's full vehicle identification number and his date of birth; neither is a card, account or Social Security number",
        (A, "Got the registration there? I'll want the VIN printed on it."),
        (
            C,
            "Sure, it's 1 F T E R 1 E H 4 G L A 5 2 3 8 1.",
            "Sure, it's one, F, T, E, R, one, E, H, four, G, L, A, five, two, three, eight, one.",
        ),
        (A, "Got it. And your date of birth?"),
        (C, "June third, nineteen seventy nine."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h9-sensitive-ok-card-ending-digits",
        "sensitive_data",
        PARTD,
        (),
        "only the last four digits of the card on file are spoken, to confirm which card pays the premium",
        (A, "For the premium, should we keep using the card you have on file?"),
        (C, "Which one is that?"),
        (
            A,
            "The Visa ending in 6 2 0 1.",
            "The Visa ending in six two oh one.",
        ),
        (C, "Yes, that one's fine."),
        k=28,
        after_body=True,
    )
)
add(
    call(
        "h9-sensitive-card-and-code",
        "sensitive_data",
        AUTO,
        ("sensitive_data",),
        "the caller reads his full Mastercard number and the three-digit code on the back for the first month",
        (A, "Great. What are you paying the first month with?"),
        (
            C,
            "Mastercard. It's 5 4 2 3, 8 8 1 0, 6 7 4 2, 9 0 5 6, and the code on the back is 3 1 8.",
            "Mastercard. It's five four two three, eight eight one oh, six seven four two, nine oh five six, and the code on the back is three one eight.",
        ),
        (A, "Perfect, that's gone through."),
        k=29,
        after_body=True,
    )
)
add(
    call(
        "h9-sensitive-security-code-aloud",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the card number is typed into a secure page, but the agent then asks for the card's security code aloud and the caller says it",
        (
            A,
            "I've texted you a secure link. Type the card number in there, and don't say it out loud.",
        ),
        (C, "Okay, it's in."),
        (A, "Thanks. And the three numbers printed on its reverse side?"),
        (C, "7 4 9.", "Seven four nine."),
        (A, "Wonderful, that's all set."),
        k=30,
        after_body=True,
    )
)
add(
    call(
        "h9-sensitive-agent-repeats-account",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the agent reads the caller's full checking account number back from the enrollment form",
        (
            A,
            "For the monthly deposit, I have your checking account from the form. I'll repeat it to be sure. 4 0 2 7 7 1 9 3 5 8. Is that right?",
            "For the monthly deposit, I have your checking account from the form. I'll repeat it to be sure. Four oh two seven, seven one nine, three five eight. Is that right?",
        ),
        (C, "Yes, that's the one."),
        (A, "Great, the first deposit goes out on the fifteenth."),
        k=31,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h9-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare Advantage call (about two minutes), the disclaimer read in full within the first minute",
        k=32,
        long=True,
    )
)
add(
    replace(  # the promise comes after the filler here: mark it long by hand
        call(
            "h9-long-auto-savings-promise-late",
            "long_call",
            AUTO,
            ("guaranteed_outcome",),
            "long auto call (about two minutes); after the three quotes the agent promises that switching will save the caller four hundred dollars this year, without doubt",
            *LONG_FILLER[AUTO],
            (
                A,
                "Good choice. And I'll tell you now, with that one you're going to save four hundred dollars this year over what you pay today, no ifs or buts. I promise you that.",
            ),
            (C, "Four hundred, for sure?"),
            (A, "For sure. Bank on it."),
            k=33,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h9-multi-social-security-no-tpmo",
        "multi",
        PARTD,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "the agent names herself and the company but says Social Security asked them to review the caller's drug plan; no disclaimer at any point",
        opening=(
            (
                A,
                "Good morning, this is Dorothea with Sagebrook Senior Advisors. We work with Social Security on drug plan reviews, and they've asked us to look over your coverage. I should say this call is recorded.",
            ),
            (C, "Social Security asked you to call me?"),
            (A, "They did. They want everyone's coverage checked before the new year."),
        ),
        tpmo=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-multi-anonymous-approved",
        "multi",
        LOAN,
        ("agent_identification", "guaranteed_outcome"),
        "a 'personal loan line' with no agent name and no company, and 'you're approved, the sixty five hundred is yours, no matter what'",
        (
            A,
            "Good news. You're approved, I can see it right here. The sixty five hundred is yours, no matter what the credit check says.",
        ),
        (C, "Already? I haven't even sent my pay stubs."),
        (A, "Doesn't matter, it's a done deal."),
        opening=(
            (
                A,
                "Personal loan line, good afternoon. Calls here are taped. What amount are you after?",
            ),
        ),
        after_body=True,
    )
)
add(
    call(
        "h9-multi-selfish-midnight",
        "multi",
        LIFE,
        ("misrepresentation_pressure", "abusive_language"),
        "the caller wants to talk to her son; the agent calls her selfish and dim and says the rate is gone at midnight tonight",
        (C, "I'd like to run it past my son before I decide."),
        (
            A,
            "Honestly, that's selfish and a bit dim. Your son isn't paying for the funeral, is he? And this rate is gone at midnight tonight, so it's now or never.",
        ),
        (C, "I beg your pardon?"),
        k=35,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h9-multi-unannounced-ssn",
        "multi",
        MEDI,
        ("recording_disclosure", "sensitive_data"),
        "no recording disclosure at any point (the disclaimer is read), and the caller reads her full Social Security number for the application",
        (A, "For the application, I'll take your full Social, all nine digits."),
        (
            C,
            "Okay. 6 1 4, 3 0, 8 8 2 7.",
            "Okay. Six one four, three oh, eight eight two seven.",
        ),
        (A, "Thank you, that's entered. You should get your new card in about two weeks."),
        opening=(
            (
                A,
                "Sagebrook Senior Advisors, hello, you've reached Rupert. How's your week going?",
            ),
        ),
        tpmo=True,
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h9-tpmo-ok-loose-wording",  # 0
    "h9-dnc-ok-removed-apology",  # 1
    "h9-ident-ok-company-after-disclosure",  # 2 mono
    "h9-dnc-refuses-until-heard",  # 3 mp3
    "h9-guarantee-ok-acceptance-explained",  # 4
    "h9-sensitive-card-and-code",  # 5 mono
    "h9-long-ok-medicare",  # 6
    "h9-abuse-ok-caller-swears-at-website",  # 7
    "h9-disclosure-survey-only",  # 8 mono, wav
    "h9-multi-selfish-midnight",  # 9
    "h9-dnc-ok-answers-source",  # 10 mp3
    "h9-pressure-irs-referral",  # 11 mono
    "h9-abuse-threatens-caller",  # 12
    "h9-multi-social-security-no-tpmo",  # 13
    "h9-sensitive-ok-vin-read-out",  # 14 mono
    "h9-disclosure-dodged-question",  # 15
    "h9-guarantee-ok-partd-estimate",  # 16
    "h9-tpmo-ok-one-organization",  # 17 mono, mp3
    "h9-dnc-removal-then-upsell",  # 18
    "h9-tpmo-after-first-minute",  # 19
    "h9-guarantee-ok-no-sure-thing",  # 20 mono
    "h9-abuse-ok-calm-warning",  # 21
    "h9-long-auto-savings-promise-late",  # 22
    "h9-ident-department-no-company",  # 23 mono
    "h9-pressure-ok-not-social-security",  # 24 mp3
    "h9-dnc-asks-why-then-prices",  # 25 wav
    "h9-sensitive-ok-recording-paused",  # 26 mono
    "h9-disclosure-ok-caller-checks-later",  # 27
    "h9-guarantee-auto-switch-savings",  # 28
    "h9-tpmo-middle-dropped",  # 29 mono
    "h9-dnc-ok-not-interested-yet",  # 30
    "h9-abuse-child-could-follow",  # 31 mp3
    "h9-disclosure-ok-supervisor-listening",  # 32 mono
    "h9-sensitive-security-code-aloud",  # 33
    "h9-pressure-supervisor-leaves-at-five",  # 34
    "h9-multi-unannounced-ssn",  # 35 mono
    "h9-tpmo-ok-interrupted-then-finished",  # 36
    "h9-ident-name-only-at-end",  # 37
    "h9-ident-ok-ivr-then-short-company",  # 38 mono, mp3
    "h9-sensitive-agent-repeats-account",  # 39
    "h9-pressure-ok-fall-enrollment-dates",  # 40
    "h9-guarantee-debt-free-in-two-years",  # 41 mono
    "h9-sensitive-ok-card-ending-digits",  # 42 wav
    "h9-tpmo-first-sentence-only",  # 43
    "h9-multi-anonymous-approved",  # 44 mono
    "h9-disclosure-only-at-goodbye",  # 45 mp3
    "h9-tpmo-ok-debt-mentions-part-d",  # 46
    "h9-ident-ok-outbound-name-when-asked",  # 47 mono
    "h9-disclosure-ok-sound-files",  # 48
    "h9-pressure-ok-quote-holds-thirty-days",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
