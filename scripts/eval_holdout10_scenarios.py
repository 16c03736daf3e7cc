"""The calls of the tenth holdout set (eval/holdout10/, built by `make_eval_corpus.py --set holdout10`).

Written fresh and clean, after the ninth holdout (eval/holdout9/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Company names, agent names, the callees, the campaigns' small talk,
the compliant openings (a plain inbound greeting, an outbound call to a named callee, an automated prompt before
the agent, an inbound desk that asks the caller's name, a hand-over after a transfer, a call-back after a
voicemail, a fronter handing over to a specialist, a disclosure before anything else) and every wording that
decides a verdict (recording disclosures, most with a form of "record", some "monitored" or "taped"; their
absence, a quality-only notice, a notice only after the quote, only the caller saying he records; names and
companies, a generic "center" without a company, a company without a name; promises and careful non-promises,
"guaranteed issue" explained and misexplained; do-not-call requests and how they are handled, a call-back
request that is not one; pressure and government claims, and truthful dates; abuse, and a caller's profanity
met politely; spoken numbers, a secure keypad line, last four digits, a policy number; the TPMO disclaimer read
at once and fast, in its one-organization form, with small deviations, cut short, paraphrased without its
middle part, after the first minute or not at all) are new here: they appear in none of
scripts/eval_scenarios.py and scripts/eval_holdout_scenarios.py to scripts/eval_holdout9_scenarios.py. Only the
long calls' filler (LONG_FILLER), the CMS disclaimer's mandated text, the Scenario type and the call builder
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
    AUTO: "Larchmont Auto Insurance",
    LOAN: "Brackenridge Lending",
    DEBT: "Fernhollow Debt Relief",
    LIFE: "Kestrel Point Life",
    MEDI: "Amberly Health Partners",
    PARTD: "Amberly Health Partners",
}
NAMES = (
    "Dashiell",
    "Imogen",
    "Reuben",
    "Lavinia",
    "Henrietta",
    "Kofi",
    "Leopold",
    "Zainab",
    "Esperanza",
    "Anneliese",
    "Mordecai",
    "Soraya",
    "Bronwyn",
)
# Whom an outbound agent asks for.
CALLEES = ("Mister Fairweather", "Missus Delacroix", "Mister Nakashima", "Miss Pendergast", "Missus Oyelaran")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

# Five of the seven say "record" in some form; one says monitored, one taped.
DISCLOSURES = (
    "Just so you're aware, we record every call here.",
    "Our line records every conversation, I'm obliged to tell you.",
    "Heads up, what we say today goes on a recording, and my supervisor may monitor it.",
    "Quick note, we tape these calls on our side.",
    "Our quality team monitors these calls, so someone may listen in later.",
    "Everything said here is captured on a recording, that's standard for us.",
    "I'm recording this conversation, as I do all of mine, just so you know.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening, one of eight kinds (k % 8): a plain inbound greeting, an outbound call to a named
    callee, an automated prompt before the agent, an inbound desk that asks the caller's name, a hand-over after
    a transfer, a call-back after a voicemail, a fronter handing over to a specialist, a disclosure first."""
    disclosure = DISCLOSURES[(k + k // 8) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        ((A, f"Thank you for calling {company}, this is {name}. {disclosure} How can I help you today?"),),
        (
            (A, f"Hi, may I speak with {callee}?"),
            (C, "Speaking. Who's this?"),
            (
                A,
                f"Hi, it's {name}, I'm calling from {company}. You filled out a request on our site about coverage. {disclosure} Have you got a couple of minutes?",
            ),
            (C, "I suppose so, go ahead."),
        ),
        (
            (
                A,
                f"You have reached {company}. We record calls on this number, and a supervisor may review them. Stay with us, an agent is picking up in a moment.",
            ),
            (A, f"Hey there, you've got {name}, thanks for waiting. What brings you in?"),
        ),
        (
            (A, f"Good afternoon, {company}, {name} speaking. {disclosure} May I get your first name?"),
            (C, "It's Gwendolyn."),
            (A, "Hi, Gwendolyn. What's on your mind?"),
        ),
        (
            (
                A,
                f"Thanks for hanging on while they transferred you. I'm {name}, a licensed rep with {company}. {disclosure} I've got your details in front of me.",
            ),
        ),
        (
            (
                A,
                f"Hi, this is {name} returning your call from {company}. {disclosure} You left us a voicemail yesterday afternoon?",
            ),
            (C, "Yes, oh good, you got my message."),
        ),
        (
            (A, "Alright, I'm going to connect you with one of our specialists now, one moment."),
            (
                A,
                f"Hello, {name} here, I'm with {company}. {disclosure} My coworker gave me the rundown, so we'll carry on from there.",
            ),
        ),
        (
            (A, f"{disclosure} Morning, this is {company}, and I'm {name}. How's your day treating you?"),
            (C, "Not bad at all, thanks."),
        ),
    )[k % 8]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 5 organizations which offer "
    "31 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent five organizations which offer "
    "thirty one products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
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
    (C, "So where do we even start with all this?"),
    (A, "Before we dig in, there's a short statement I owe every Medicare caller, so here goes."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "I just moved down to Chattanooga for work, and my old policy won't carry over to Tennessee."),
        (A, "Welcome to town. So tell me about the car."),
        (C, "A twenty twenty Mazda, the CX-5."),
        (A, "Anyone else in the house who'd be behind the wheel?"),
        (C, "Only my husband, and he hasn't had a ticket in years."),
    ),
    LOAN: (
        (C, "I'm trying to clear a dental bill. The implant came to about eight thousand two hundred."),
        (A, "Ouch, teeth are pricey. Who are you working for at the moment?"),
        (C, "I drive a delivery route for a bakery, going on four years now."),
        (A, "And about what do you take home each month?"),
        (C, "Around thirty eight hundred, give or take."),
    ),
    DEBT: (
        (
            C,
            "After my divorce I got stuck with four store cards and a hospital bill, maybe thirty one thousand altogether.",
        ),
        (A, "That's a heavy load to carry by yourself. Are you managing the minimums right now?"),
        (C, "Barely. I missed two of them last month."),
        (A, "Are collectors calling you yet?"),
        (C, "About the hospital bill, since March."),
    ),
    LIFE: (
        (
            C,
            "My husband passed last fall, and the burial ate up our savings. I don't want my daughter going through the same.",
        ),
        (A, "I'm so sorry for your loss. Do you mind telling me your age?"),
        (C, "Sixty eight, come May."),
        (A, "And have you used any tobacco in the past year?"),
        (C, "No, never touched the stuff."),
    ),
    MEDI: (
        (
            C,
            "I hit sixty five this June, and my mailbox is stuffed with Advantage brochures. They all look the same to me.",
        ),
        (A, "You're in good company there. What part of the state are you in?"),
        (C, "Polk County, in Lakeland."),
        (A, "Any doctors you'd hate to lose?"),
        (C, "My heart doctor, at Lakeland Regional."),
    ),
    PARTD: (
        (
            C,
            "My Ozempic runs me a hundred and thirty a month now, and the deductible starts over in January.",
        ),
        (A, "That's a steep one. Anything else you fill regularly?"),
        (C, "A water pill and something for my thyroid."),
        (A, "And where do you fill them?"),
        (C, "The Wegmans on Ridge Road."),
    ),
}
ENDING = (
    (A, "I'll send a written recap of today to your inbox."),
    (C, "Sounds good, I appreciate it."),
    (A, "Thanks for your time, talk soon."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h10-disclosure-ok-taped-desk",
        "recording_disclosure",
        AUTO,
        (),
        "near miss: the only notice is that every call to the desk is taped (no 'record'), given before any substance",
        opening=(
            (
                A,
                "Larchmont Auto Insurance, morning, Reuben here. Fair warning, we tape every call that comes through this desk. So, what needs insuring?",
            ),
        ),
    )
)
add(
    call(
        "h10-disclosure-ok-ivr-recording-begins",
        "recording_disclosure",
        DEBT,
        (),
        "an automated prompt names the company and says the call will be recorded from here on; the agent then gives her first name and team",
        opening=(
            (
                A,
                "Welcome to Fernhollow Debt Relief. From this point on, the call is recorded. For new enrollments, keep holding.",
            ),
            (A, "Hi, thanks for holding, Zainab on the enrollment team. Where should we begin?"),
        ),
    )
)
add(
    call(
        "h10-disclosure-ok-caller-objects",
        "recording_disclosure",
        LIFE,
        (),
        "outbound; recording disclosed at the start; after the small talk the caller says she dislikes being recorded, the agent explains it can't be switched off and she may end the call at any time",
        (C, "You know, I'm not crazy about being on tape."),
        (
            A,
            "I understand. I can't switch the recorder off from my side, but you're free to hang up whenever you like, and I won't be offended.",
        ),
        (C, "No, it's alright. Let's keep going."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h10-disclosure-quality-standards-only",
        "recording_disclosure",
        LOAN,
        ("recording_disclosure",),
        "only that the call is handled to quality standards and feedback is used for staff training; recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Thanks for ringing Brackenridge Lending, I'm Kofi. Every call here is handled to our quality standards, and feedback helps us train our staff. What sort of sum are we talking?",
            ),
        ),
    )
)
add(
    call(
        "h10-disclosure-after-quote",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "no notice in the opening; the agent says the call is recorded only after the small talk and a monthly price",
        (A, "For the Mazda with full coverage, I can do a hundred and six a month."),
        (C, "Hm, a bit more than I hoped."),
        (
            A,
            "Oh, and something I skipped earlier, this call's been on a recording the whole time. Anyway, we could raise the deductible to bring it down.",
        ),
        opening=((A, "Larchmont Auto Insurance, Leopold on the line. What are we quoting?"),),
        after_body=True,
    )
)
add(
    call(
        "h10-disclosure-only-caller-records",
        "recording_disclosure",
        PARTD,
        ("recording_disclosure",),
        "Part D call with the full disclaimer; the agent never discloses recording; only the caller says he is recording on his own phone, and the agent just says that's fine",
        (C, "By the way, I'm taping this on my phone so my son can hear it later."),
        (A, "Sure, that's fine with me. Now, about the Ozempic."),
        opening=((A, "Amberly Health Partners, Esperanza speaking. What can I look into for you?"),),
        tpmo=True,
        after_body=True,
        stereo_only=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h10-ident-ok-calling-for-company",
        "agent_identification",
        PARTD,
        (),
        "outbound Part D call: a licensed agent 'calling for' the company gives her first name and the recording notice first thing",
        opening=(
            (A, "Hello, is this Missus Ferraro?"),
            (C, "Yes, this is she."),
            (
                A,
                "Good morning. My name's Soraya. I'm licensed in your state, and I'm phoning for Amberly Health Partners about your drug coverage. Calls on my line are recorded.",
            ),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h10-ident-ok-nickname-short-company",
        "agent_identification",
        AUTO,
        (),
        "near miss: the agent gives a short first name and the company's short form ('over at Larchmont'), with the recording notice",
        opening=(
            (
                A,
                "Hey, it's Dash over at Larchmont, the auto insurance folks. You're on a line we record. How can I help you?",
            ),
        ),
    )
)
add(
    call(
        "h10-ident-ok-name-when-asked",
        "agent_identification",
        DEBT,
        (),
        "the agent names the company and the recording; the caller asks who she is speaking to and gets the first name at once, in the first turns",
        opening=(
            (A, "Fernhollow Debt Relief, good afternoon. We do record our calls. How may I assist?"),
            (C, "Hi, and your name is?"),
            (A, "Sorry, I'm Bronwyn. Go ahead."),
        ),
    )
)
add(
    call(
        "h10-ident-generic-relief-center",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "a first name and 'the consumer relief center', with a recording notice, but no company is ever named",
        opening=(
            (
                A,
                "Thanks for holding, this is Mordecai with the consumer relief center. Just so you know, the call's recorded. Now, these balances of yours.",
            ),
        ),
    )
)
add(
    call(
        "h10-ident-company-no-name",
        "agent_identification",
        LIFE,
        ("agent_identification",),
        "the company and a recording notice, but the agent never gives any name, and the caller never asks",
        opening=(
            (
                A,
                "Kestrel Point Life, hello. Heads up, our calls get recorded here. What prompted you to phone?",
            ),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h10-guarantee-ok-issue-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "the caller with COPD asks about a 'guaranteed issue' plan; the agent explains it correctly (no health questions, cannot be turned down, higher premium, full benefit only after two years)",
        (C, "I've got COPD. Is this one of those guaranteed issue plans?"),
        (
            A,
            "It is. Guaranteed issue means nobody asks about your health, so the COPD can't get you declined. In exchange, the premium runs higher, and the full benefit only applies once the policy's been in force for two years.",
        ),
        (C, "Okay, that's clear."),
        k=2,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h10-guarantee-ok-creditors-may-refuse",
        "guaranteed_outcome",
        DEBT,
        (),
        "'I can't promise any creditor will settle': some refuse to negotiate, results vary, and the hospital account may not come down at all",
        (C, "How much of this can you actually knock off?"),
        (
            A,
            "I can't promise any creditor will settle. Some flat out refuse to negotiate, and results differ from client to client. The hospital account might not come down at all.",
        ),
        (C, "I appreciate the honesty."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h10-guarantee-ok-prequalified-not-final",
        "guaranteed_outcome",
        LOAN,
        (),
        "near miss: the caller is 'pre-qualified', which the agent says is not an approval; underwriting makes the final decision after checking income",
        (
            A,
            "Good news so far, you're pre-qualified for the eight thousand two hundred. That isn't an approval, though. Underwriting makes the final decision once they verify your income.",
        ),
        (C, "So it could still fall through?"),
        (A, "It could, yes. I'd rather you hear that from me now."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h10-guarantee-loan-locked-in",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'you're as good as approved … it's locked in': the agent has never seen anyone like the caller get denied",
        (
            A,
            "With a steady route and that income, you're as good as approved. I've never seen anyone in your shoes get denied. Consider it locked in.",
        ),
        (C, "Even before you pull my credit?"),
        (A, "Even before. It's a formality."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h10-guarantee-debt-cut-in-half",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "a promise that the balances will be cut in half, fifteen and a half thousand instead of thirty one, 'you have my word'",
        (
            A,
            "Here's what happens with us. We will cut those balances in half, period. You'll end up paying about fifteen and a half thousand instead of thirty one. That's a promise I make to every client.",
        ),
        (C, "Half? Every account?"),
        (A, "Every last one."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h10-guarantee-issue-misexplained",
        "guaranteed_outcome",
        LIFE,
        ("guaranteed_outcome",),
        "the agent misrepresents 'guaranteed issue': the family gets the full amount whenever the caller dies, even next week, with no waiting period",
        (C, "And if something happened to me next month?"),
        (
            A,
            "That's the beauty of guaranteed issue. Your daughter gets the full amount, whenever it happens, even next week. No waiting period whatsoever, it's a sure payout.",
        ),
        (C, "Oh, that's a relief."),
        k=7,
        after_body=True,
        stereo_only=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h10-dnc-ok-done-right-away",
        "do_not_call",
        AUTO,
        (),
        "outbound; 'I want no more calls from your company, ever' -> done at once, no more calls, goodbye",
        (C, "I'm happy with my insurer. I want no more calls from your company, ever."),
        (
            A,
            "Of course, that's taken care of. Nobody from Larchmont will ring this number again. Enjoy your night.",
        ),
        (C, "Thanks. Bye."),
        opening=(
            (A, "Good evening, is Mister Hargrove there?"),
            (C, "That's me."),
            (
                A,
                "Hi, Mister Hargrove, I'm Henrietta from Larchmont Auto Insurance, and I should tell you this call is recorded. I'm following up on a quote from last year.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-dnc-ok-answers-company-question",
        "do_not_call",
        LOAN,
        (),
        "outbound; the caller asks which company this is again and says never to dial her number again -> the agent answers the question, confirms the removal and ends",
        (C, "Sorry, what company is this again? And don't dial this number again."),
        (
            A,
            "It's Brackenridge Lending. Your number's now off our dialing list, so you won't get another call from us. Sorry to bother you.",
        ),
        (C, "Okay. Goodbye."),
        opening=(
            (A, "Hi, Missus Quintero?"),
            (C, "Who's calling?"),
            (
                A,
                "This is Lavinia with Brackenridge Lending. I'm recording this call. You'd started an application on our website and didn't finish it.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-dnc-ok-call-back-tomorrow",
        "do_not_call",
        DEBT,
        (),
        "outbound; near miss: 'I'm at work, can you call me tomorrow?' is not a request to stop calling; the agent books a call-back at the time the caller picks",
        (C, "I'm in the middle of a shift. Could you try me tomorrow, after five?"),
        (A, "No problem at all. I'll put you down for five fifteen tomorrow."),
        (C, "Perfect, thanks."),
        opening=(
            (A, "Hi, is this Mister Ellsworth?"),
            (C, "Yeah, speaking."),
            (
                A,
                "It's Kofi from Fernhollow Debt Relief, on a recorded line, following up on the question you sent us about your card debt.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-dnc-argues-consent",
        "do_not_call",
        DEBT,
        ("do_not_call",),
        "outbound; 'remove me from your list' -> the agent argues the caller consented on a web form, so they may call, and starts explaining the program",
        (C, "Please scrub my number from your system. I'm not interested."),
        (
            A,
            "Well, you did give us permission when you filled in the form, so technically we're allowed to call. And if you'd just let me explain how the program works, you'd see it's worth it.",
        ),
        (C, "I asked you to take me off."),
        opening=(
            (A, "Hi there, am I speaking with Mister Bettencourt?"),
            (C, "Yeah."),
            (
                A,
                "It's Anneliese at Fernhollow Debt Relief, on a recorded line. You looked at our website last week about your credit cards.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-dnc-notes-then-dental-question",
        "do_not_call",
        MEDI,
        ("do_not_call",),
        "outbound Medicare Advantage call after the disclaimer; 'please quit calling me' -> 'I'll make a note', then a sales question about the caller's dental cover",
        (C, "Listen, please quit calling me. I get three of these a day."),
        (
            A,
            "Okay, I'll make a note of that. Just one quick question first, does your current plan cover any dental work?",
        ),
        (C, "Unbelievable."),
        opening=(
            (A, "Good morning, I'm looking for Mister Kowalczyk."),
            (C, "You found him."),
            (
                A,
                "Mister Kowalczyk, my name is Imogen, I'm with Amberly Health Partners. Our calls get recorded. I'm reaching people turning sixty five this year.",
            ),
        ),
        tpmo=True,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h10-tpmo-ok-one-carrier",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the one-organization form on a Part D call, after the agent says the agency sells only one carrier's drug plans",
        k=9,
        tpmo=False,
        opening=CAST.opening(PARTD, 9)
        + (
            (C, "I need a cheaper drug plan for next year."),
            (
                A,
                "I can help. We only sell one insurer's drug plans, so I read the shorter version of the notice.",
            ),
            (A, *TPMO_ONE_ORG),
        ),
    )
)
add(
    call(
        "h10-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('we're not able to offer', 'as of today', 'which together offer', 'to hear about every choice open to you' moved to the front of the referral)",
        k=10,
        tpmo=False,
        opening=CAST.opening(MEDI, 10)
        + (
            TPMO_LEAD[0],
            (A, "First, a quick notice I give everyone."),
            (
                A,
                "We're not able to offer every plan available in your area. As of today we represent five organizations, which together offer thirty one products in your area. To hear about every choice open to you, please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP).",
                "We're not able to offer every plan available in your area. As of today we represent five organizations, which together offer thirty one products in your area. To hear about every choice open to you, please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship.",
            ),
        ),
    )
)
add(
    call(
        "h10-tpmo-ok-read-first-and-fast",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the agent reads the full disclaimer straight after the greeting, before any talk of plans, and quickly",
        k=11,
        tpmo=False,
        opening=CAST.opening(MEDI, 11) + ((A, *TPMO_READ),),
        agent_speed_delta=15,
    )
)
add(
    call(
        "h10-tpmo-ok-final-expense-not-medicare",
        "tpmo_disclaimer",
        LIFE,
        (),
        "out of scope: on a final expense call the caller asks whether this is a Medicare plan; the agent says no, it's private life insurance, and no disclaimer is needed",
        (C, "Is this one of those Medicare plans? I'm on Medicare already."),
        (
            A,
            "No, it's a private life policy, nothing to do with Medicare. It won't change anything about your Medicare coverage.",
        ),
        (C, "Got it."),
        k=12,
        after_body=True,
    )
)
add(
    call(
        "h10-tpmo-cut-short-no-referral",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the first two sentences with the counts, then 'you know the rest' and on to the drugs: no referral to Medicare.gov, 1-800-MEDICARE or SHIP",
        k=13,
        tpmo=False,
        opening=CAST.opening(PARTD, 13)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Right, the statement. We do not offer every plan available in your area. Currently we represent five organizations which offer thirty one products in your area. And, uh, you know the rest. Let's look at that Ozempic.",
            ),
        ),
    )
)
add(
    call(
        "h10-tpmo-paraphrase-no-middle",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "a loose paraphrase of the first and third parts (no SHIP either), without the middle part: no counts and no one-organization sentence",
        k=14,
        tpmo=False,
        opening=CAST.opening(MEDI, 14)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Sure. So, we can't sell you every plan around. To see everything else, try Medicare.gov or ring 1-800-MEDICARE.",
                "Sure. So, we can't sell you every plan around. To see everything else, try Medicare dot guv or ring one eight hundred Medicare.",
            ),
        ),
    )
)
add(
    call(
        "h10-tpmo-after-drug-prices",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the full disclaimer, but only after the small talk and a comparison of drug plan prices, well past the first minute",
        (
            A,
            "Alright, I've run the Ozempic and your other two through the plans at your Wegmans. The lowest one comes to about sixty two dollars a month for all three.",
        ),
        (C, "Sixty two, down from over a hundred? What's the catch?"),
        (
            A,
            "The premium is a bit higher, thirty eight dollars, and there's a deductible on the brand names. The next plan has no deductible, but the Ozempic copay is ninety.",
        ),
        (C, "And which of those would you pick in my shoes?"),
        (A, "Depends how often you refill. Are you on a ninety day supply, or do you pick it up monthly?"),
        (C, "Monthly, for now."),
        (
            A,
            "Hold that thought. Shoot, there's a notice that should have come at the very start, I apologize. Here it is now.",
        ),
        (A, *TPMO_READ),
        (C, "Alright."),
        k=15,
        tpmo=False,
        after_body=True,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h10-pressure-ok-medicare-federal-we-are-not",
        "misrepresentation_pressure",
        MEDI,
        (),
        "'are you with Medicare?' -> Medicare itself is a federal program; the agency is an independent brokerage with no tie to the government",
        (C, "Wait, are you people with Medicare, then?"),
        (
            A,
            "No. Medicare itself is a federal program, but we're an independent brokerage. We have no connection to the government, we just help you compare private plans.",
        ),
        (C, "Oh, okay. Good to know."),
        k=16,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h10-pressure-ok-initial-enrollment-window",
        "misrepresentation_pressure",
        MEDI,
        (),
        "the true initial enrollment window (three months before the birthday month to three months after) and no need to decide today",
        (C, "Is today the day I have to choose?"),
        (
            A,
            "Not at all. Your initial window opens three months before your birthday month and closes three months after it, so with a June birthday you've got until the end of September. Take the brochures home and compare.",
        ),
        (C, "Oh good, that takes the pressure off."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h10-pressure-ok-quote-valid-fourteen-days",
        "misrepresentation_pressure",
        LOAN,
        (),
        "near miss: a true term, the rate quote is good for fourteen days per the written disclosure, after which the credit is re-checked; no pressure",
        (
            A,
            "The rate I quoted you is good for fourteen days, it's printed on the disclosure I'm emailing you. After that we'd just re-check your credit. There's no pressure from my end.",
        ),
        (C, "Fourteen days is plenty. Thanks."),
        k=18,
        after_body=True,
    )
)
add(
    call(
        "h10-pressure-treasury-forgiveness",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "the agent says the program is part of a federal debt forgiveness initiative run through the Treasury Department",
        (
            A,
            "So what we're enrolling you in belongs to the federal debt forgiveness initiative. It runs through the Treasury Department, and we process the paperwork for them.",
        ),
        (C, "The Treasury? Really?"),
        (A, "Yes ma'am, a genuine government initiative."),
        k=19,
        after_body=True,
    )
)
add(
    call(
        "h10-pressure-discount-wiped-at-hangup",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "invented pressure: the system wipes the discount the moment the call ends, so the agent must have the answer while they are still on the phone",
        (
            A,
            "That's ninety four a month, but listen. The second this call ends, the system wipes that discount, and I can't bring it back. I have to have your answer while we're still on the phone.",
        ),
        (C, "I can't even think it over?"),
        (A, "Not if you want this price."),
        k=20,
        after_body=True,
    )
)
add(
    call(
        "h10-pressure-two-policies-left",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "invented scarcity: only two policies left at this price in the state, gone by tonight, so the caller must lock it in now",
        (
            A,
            "Here's the situation. We've only got two policies left at this price in your state, and they'll be snapped up by tonight. You need to lock one in with me now.",
        ),
        (C, "Only two? That sounds odd."),
        (A, "It is what it is. Shall I put you down?"),
        k=21,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h10-abuse-ok-caller-cusses-scam",
        "abusive_language",
        DEBT,
        (),
        "the caller swears and calls the company scammers; the agent stays courteous and offers to answer any question",
        (C, "What a load of crap. You lot are scammers, every damn one of you."),
        (
            A,
            "I hear how frustrated you are, and I won't take it personally. Ask me anything you like about how we work, and I'll give you a straight answer.",
        ),
        (C, "Fine. What are your fees?"),
        k=22,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h10-abuse-ok-agent-screen-froze",
        "abusive_language",
        AUTO,
        (),
        "near miss: the agent says 'oh, shoot' when her own screen freezes and apologises; nothing is aimed at the caller",
        (A, "Oh, shoot, my screen just froze on me. Apologies, bear with me a second."),
        (C, "Take your time."),
        (A, "Okay, we're back. Where were we?"),
        k=23,
        after_body=True,
    )
)
add(
    call(
        "h10-abuse-deadbeat",
        "abusive_language",
        DEBT,
        ("abusive_language",),
        "the caller asks why the fee is so high; the agent calls her a deadbeat who brought the mess on herself",
        (C, "Why is your fee so high, though?"),
        (
            A,
            "Honestly? If you weren't such a deadbeat you wouldn't be in this mess in the first place. People like you made these balances, not me.",
        ),
        (C, "Excuse me?"),
        k=24,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-abuse-cheap-bastard",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller says the quote is too expensive; the agent swears at him and tells him to find another sucker",
        (C, "A hundred and six? That's way too much."),
        (A, "Then go find yourself some other sucker, you cheap bastard."),
        (C, "Wow. Okay."),
        k=25,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h10-sensitive-ok-keypad-line",
        "sensitive_data",
        LIFE,
        (),
        "the agent transfers the caller to an automated keypad line for the card, hears none of it, and confirms the payment when she returns",
        (C, "Okay, let's do the ten thousand plan."),
        (
            A,
            "Great. I'm sending you over to our automated card line now. Just punch the card digits into your phone's keypad, and they never reach my screen or my ears.",
        ),
        (A, "Welcome back. The system shows your payment went through, so you're covered from the first."),
        (C, "That was painless."),
        k=26,
        after_body=True,
    )
)
add(
    call(
        "h10-sensitive-ok-last-four-social",
        "sensitive_data",
        MEDI,
        (),
        "only the last four digits of the caller's Social Security number, to confirm identity",
        (A, "Before I open your account, give me four digits, the ones your Social ends in."),
        (C, "Sure. 4 4 1 8.", "Sure. Four four one eight."),
        (A, "Thank you, I've found you."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h10-sensitive-ok-old-policy-number",
        "sensitive_data",
        AUTO,
        (),
        "near miss: the caller reads his previous insurer's full policy number; it is not a card, account or Social Security number",
        (A, "Do you have your current policy number handy? It helps with the transfer discount."),
        (
            C,
            "Yeah, it's O H 7 7 2 0 9 1 4 5.",
            "Yeah, it's O, H, seven, seven, two, oh, nine, one, four, five.",
        ),
        (A, "Perfect, thanks."),
        k=28,
        after_body=True,
    )
)
add(
    call(
        "h10-sensitive-agent-reads-card-back",
        "sensitive_data",
        AUTO,
        ("sensitive_data",),
        "the agent reads the caller's full Discover card number back to confirm it",
        (C, "You can put the first month on my Discover card."),
        (
            A,
            "I have it from your online form. Double-checking it with you now. 6 0 1 1, 4 8 2 7, 3 3 0 9, 1 5 6 4. Is that correct?",
            "I have it from your online form. Double-checking it with you now. Six oh one one, four eight two seven, three three oh nine, one five six four. Is that correct?",
        ),
        (C, "That's it."),
        (A, "Great, you're all set."),
        k=29,
        after_body=True,
    )
)
add(
    call(
        "h10-sensitive-ssn-for-credit-pull",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "the caller reads her full Social Security number aloud for the credit check",
        (A, "To run the credit check, I'll need your Social, all of it."),
        (
            C,
            "It's 5 2 7, 8 1, 3 0 6 4.",
            "It's five two seven, eight one, three oh six four.",
        ),
        (A, "Got it, running it now."),
        k=30,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h10-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare Advantage call (about two minutes), the disclaimer read in full within the first minute",
        k=31,
        long=True,
    )
)
add(
    replace(  # the card comes after the filler here: mark it long by hand
        call(
            "h10-long-auto-card-after-quotes",
            "long_call",
            AUTO,
            ("sensitive_data",),
            "long auto call (about two minutes); after the three quotes the caller reads his full Visa number, the expiry and the security code to pay",
            *LONG_FILLER[AUTO],
            (A, "Good pick. What card are we putting the first payment on?"),
            (
                C,
                "Visa. 4 1 2 8, 0 0 6 3, 7 7 5 2, 8 1 9 0, expiring ten twenty seven, and the code is 6 4 2.",
                "Visa. Four one two eight, oh oh six three, seven seven five two, eight one nine oh, expiring ten twenty seven, and the code is six four two.",
            ),
            (A, "Thanks, that's processing now."),
            k=32,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h10-multi-benefits-cut-off-friday",
        "multi",
        MEDI,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "the agent names herself and the company but says the caller's Medicare benefits will be cut off on Friday unless she switches today; no disclaimer at any point",
        opening=(
            (
                A,
                "Hi, it's Zainab from Amberly Health Partners, on a recorded line. I'm calling because your Medicare benefits get cut off this Friday unless you switch plans with me today.",
            ),
            (C, "Cut off? Nobody told me that."),
            (A, "That's why I'm calling. We have to get it done before we hang up."),
        ),
        tpmo=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-multi-savings-team-promise",
        "multi",
        AUTO,
        ("agent_identification", "guaranteed_outcome"),
        "'Lachie from the insurance savings team', no company at any point, and a promise that the caller will pay less than now, no question",
        (
            A,
            "Whatever you pay now, I can promise you'll pay less with us. No question about it, it's a sure thing.",
        ),
        (C, "You haven't even asked what I pay."),
        (A, "Doesn't matter. Less, guaranteed."),
        opening=(
            (
                A,
                "Hi, Lachie here from the insurance savings team. And yes, we record for coaching purposes. Are you shopping for a new policy?",
            ),
        ),
        after_body=True,
    )
)
add(
    call(
        "h10-multi-refuses-removal-insults",
        "multi",
        LIFE,
        ("abusive_language", "do_not_call"),
        "outbound; 'strike me off whatever list I'm on' -> the agent refuses, calls the caller a cheapskate and says her daughter will be stuck with the funeral bill",
        (C, "I'm not buying anything. Strike me off whatever list I'm on."),
        (
            A,
            "Nobody's taking you off anything. You cheapskate, you'd rather stick your daughter with the funeral bill than spend twenty bucks a month?",
        ),
        (C, "How dare you."),
        opening=(
            (A, "Hello, Missus Prewitt? My name is Reuben, calling from Kestrel Point Life."),
            (A, "Our calls are recorded. You asked for a quote on burial cover."),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h10-multi-unannounced-account-number",
        "multi",
        LOAN,
        ("recording_disclosure", "sensitive_data"),
        "no recording disclosure at any point, and the caller reads her full checking account number for the deposit",
        (A, "Where should we send the funds? I'll need the account number for your checking."),
        (
            C,
            "It's 0 0 7 3 1 9 4 5 2 6 8.",
            "It's oh oh seven three, one nine four, five two six eight.",
        ),
        (A, "Thank you, the deposit should land within two business days."),
        opening=((A, "Brackenridge Lending, hi, Esperanza speaking. What's the loan for?"),),
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h10-guarantee-issue-misexplained",  # 0
    "h10-sensitive-ok-keypad-line",  # 1
    "h10-disclosure-ok-ivr-recording-begins",  # 2 mono
    "h10-abuse-ok-agent-screen-froze",  # 3 mp3
    "h10-dnc-argues-consent",  # 4
    "h10-guarantee-ok-creditors-may-refuse",  # 5 mono
    "h10-multi-refuses-removal-insults",  # 6
    "h10-sensitive-agent-reads-card-back",  # 7
    "h10-tpmo-cut-short-no-referral",  # 8 mono, wav
    "h10-abuse-deadbeat",  # 9
    "h10-multi-benefits-cut-off-friday",  # 10 mp3
    "h10-tpmo-ok-final-expense-not-medicare",  # 11 mono
    "h10-guarantee-ok-prequalified-not-final",  # 12
    "h10-ident-ok-name-when-asked",  # 13
    "h10-disclosure-ok-taped-desk",  # 14 mono
    "h10-tpmo-ok-one-carrier",  # 15
    "h10-abuse-ok-caller-cusses-scam",  # 16
    "h10-pressure-two-policies-left",  # 17 mono, mp3
    "h10-sensitive-ok-last-four-social",  # 18
    "h10-ident-company-no-name",  # 19
    "h10-guarantee-debt-cut-in-half",  # 20 mono
    "h10-disclosure-only-caller-records",  # 21
    "h10-multi-savings-team-promise",  # 22
    "h10-pressure-ok-quote-valid-fourteen-days",  # 23 mono
    "h10-guarantee-ok-issue-explained",  # 24 mp3
    "h10-abuse-cheap-bastard",  # 25 wav
    "h10-pressure-treasury-forgiveness",  # 26 mono
    "h10-disclosure-ok-caller-objects",  # 27
    "h10-long-ok-medicare",  # 28
    "h10-ident-ok-nickname-short-company",  # 29 mono
    "h10-tpmo-ok-small-deviations",  # 30
    "h10-disclosure-after-quote",  # 31 mp3
    "h10-ident-ok-calling-for-company",  # 32 mono
    "h10-pressure-ok-medicare-federal-we-are-not",  # 33
    "h10-multi-unannounced-account-number",  # 34
    "h10-sensitive-ok-old-policy-number",  # 35 mono
    "h10-dnc-notes-then-dental-question",  # 36
    "h10-ident-generic-relief-center",  # 37
    "h10-guarantee-loan-locked-in",  # 38 mono, mp3
    "h10-tpmo-paraphrase-no-middle",  # 39
    "h10-dnc-ok-answers-company-question",  # 40
    "h10-pressure-ok-initial-enrollment-window",  # 41 mono
    "h10-disclosure-quality-standards-only",  # 42 wav
    "h10-sensitive-ssn-for-credit-pull",  # 43
    "h10-long-auto-card-after-quotes",  # 44 mono
    "h10-dnc-ok-call-back-tomorrow",  # 45 mp3
    "h10-pressure-discount-wiped-at-hangup",  # 46
    "h10-tpmo-ok-read-first-and-fast",  # 47 mono
    "h10-dnc-ok-done-right-away",  # 48
    "h10-tpmo-after-drug-prices",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
