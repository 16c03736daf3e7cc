"""The calls of the seventh holdout set (eval/holdout7/, built by `make_eval_corpus.py --set holdout7`).

Written fresh and clean, after the sixth holdout (eval/holdout6/), by someone who has not seen how any set is
transcribed or judged and has not read the policy's detectors (only each rule's id, title, severity, scope and
guidance); report-only, never used for tuning. Company names, agent names, the campaigns' small talk, the
compliant openings (inbound and outbound, a receptionist, a chatty agent, a transfer from an intake line, a
disclosure before the name, a name dropped mid-sentence) and every wording that decides a verdict (recording
disclosures and their absence, an IVR prompt, a monitoring-only notice, identifications, promises and careful
non-promises, do-not-call requests and how they are handled, pressure and government claims, abuse, spoken
numbers, the TPMO disclaimer read in full, in its one-organization form, with small deviations, missing its
first sentence, cut short, late or not at all) are new here: they appear in none of scripts/eval_scenarios.py,
scripts/eval_holdout_scenarios.py, scripts/eval_holdout2_scenarios.py, scripts/eval_holdout3_scenarios.py,
scripts/eval_holdout4_scenarios.py, scripts/eval_holdout5_scenarios.py and scripts/eval_holdout6_scenarios.py.
Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated text, the Scenario type and the call
builder (Cast) are shared.

Labels follow each rule's guidance (what a careful human compliance reviewer would decide), not what any
detector happens to match. Every call is compliant with every rule but the ones it names: the agent discloses
recording within its first 30 s and gives a first name and an identifiable company within 60 s, and Medicare
calls read the TPMO disclaimer within the first minute, unless breaking that is the point of the call.
"""

from __future__ import annotations

from dataclasses import replace

from eval_scenarios import AUTO, DEBT, LIFE, LOAN, LONG_FILLER, MEDI, PARTD, A, C, Cast, Scenario

COMPANY = {
    AUTO: "Stonebridge Auto Insurance",
    LOAN: "Tidewater Lending",
    DEBT: "Pinecrest Debt Relief",
    LIFE: "Willowbrook Life",
    MEDI: "Brookhaven Insurance Advisors",
    PARTD: "Brookhaven Insurance Advisors",
}
NAMES = (
    "Wendell",
    "Gloria",
    "Rafael",
    "Yolanda",
    "Simon",
    "Harriet",
    "Leon",
    "Fiona",
    "Gideon",
    "Ingrid",
    "Odessa",
    "Bernadette",
    "Ambrose",
)
# Whom an outbound agent asks for.
CALLEES = (
    "Missus Castellano",
    "Mister Kowalski",
    "Missus Beaumont",
    "Mister Ogilvie",
    "Miss Winifred",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "A quick legal thing, this call is recorded from start to finish.",
    "Also, a team lead might be listening, and the whole call is being recorded.",
    "Every conversation gets recorded on our side, this one included.",
    "I'm obligated to tell you that our conversation today is being recorded.",
    "This line records automatically, so what we say now gets saved.",
    "Let me mention that I'm recording this, and our compliance staff can review it later.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, worded, ordered and split differently per k
    (k % 6 == 2 is an outbound call, k % 6 == 3 a transfer from an intake line)."""
    disclosure = DISCLOSURES[(k + k // 6) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        (
            (A, f"{company}, good morning, this is {name}."),
            (A, f"{disclosure} So, what brings you our way?"),
        ),
        (
            (
                A,
                f"Hey, thanks a bunch for waiting! You're through to {name} at {company}. {disclosure} Okay, tell me what's going on.",
            ),
        ),
        (
            (
                A,
                f"Hello, may I speak with {callee}? Hi, {name} here, calling from {company}. You asked us for some information online earlier this week. {disclosure}",
            ),
            (C, "Oh. Yes, I did."),
            (A, "Great, so what's got you looking?"),
        ),
        (
            (
                A,
                f"Hi there, the intake line just passed you over to me. My name is {name}, a licensed agent with {company}. {disclosure} Go ahead, I'm listening.",
            ),
        ),
        ((A, f"Good evening. {disclosure} You've got {company}, and I'm {name}. Where do we start?"),),
        (
            (
                A,
                f"Thanks for calling {company}, and, oh, I'm {name}, by the way, sorry, it's been a long day. {disclosure} What are you shopping for?",
            ),
        ),
    )[k % 6]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 9 organizations which offer "
    "64 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent nine organizations which offer "
    "sixty four products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "I'd like to see what my options look like for next year."),
    (
        A,
        "Sure. The regulations have me read one statement word for word before we talk plans, so bear with me.",
    ),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (
            C,
            "I've just bought a secondhand pickup, a twenty eighteen Silverado, and it needs insuring before Friday.",
        ),
        (A, "Nice truck. Is it financed, or is it paid off?"),
        (C, "Financed, through the dealer."),
        (A, "Then the lender will want full coverage on it. What's your zip code?"),
        (C, "Seven three oh one three, that's Edmond, Oklahoma."),
    ),
    LOAN: (
        (
            C,
            "My transmission died, and I need around sixty five hundred to fix it and catch up on a few bills.",
        ),
        (A, "That's rough timing. Is that a full-time job you've got at the moment?"),
        (C, "Yeah, dental hygienist, four days a week."),
        (A, "Okay. And are you renting, or do you own?"),
        (C, "I rent an apartment in Spokane."),
    ),
    DEBT: (
        (C, "I'm about thirty one thousand in the hole, between four credit cards and a personal loan."),
        (A, "Thanks for telling me. Which of those is giving you the most grief?"),
        (C, "The store card. The interest on it is brutal."),
        (A, "Have any of these gone to a collection agency yet?"),
        (C, "One of them, since last month."),
    ),
    LIFE: (
        (
            C,
            "I'm seventy four, and I'd like something small so my grandson isn't stuck with the funeral bill.",
        ),
        (A, "That's a thoughtful thing to plan for. How's your health, generally?"),
        (C, "High blood pressure, but it's controlled with medication."),
        (A, "And roughly how much coverage did you have in mind?"),
        (C, "Eight thousand ought to bury me, I think."),
    ),
    MEDI: (
        (C, "I retired in June, and the coverage from my old employer runs out at the end of the year."),
        (A, "Congratulations on retiring. Which zip code should I search?"),
        (C, "Two seven six oh three, in Raleigh."),
        (A, "Any doctor you'd hate to lose?"),
        (C, "Doctor Lindqvist, my family doctor over at Rex."),
    ),
    PARTD: (
        (C, "My insulin went up again, and I can't keep paying what I'm paying."),
        (A, "You're not the only one this year. Which insulin is it?"),
        (C, "Lantus, and I take Lipitor as well."),
        (A, "And where do you pick them up, which pharmacy?"),
        (C, "The CVS on Glenwood Avenue."),
    ),
}
ENDING = ((C, "Alright, that helps a lot, thanks."), (A, "My pleasure. Take good care now."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h7-disclosure-ok-monitor-only",
        "recording_disclosure",
        LOAN,
        (),
        "near miss: the agent says only that the compliance team may be monitoring the call (monitoring counts)",
        opening=(
            (
                A,
                "Tidewater Lending, you're talking to Gloria. Just so it's said, someone from our compliance team may be monitoring this call. What are you hoping to borrow for?",
            ),
        ),
    )
)
add(
    call(
        "h7-disclosure-ok-ivr-before-agent",
        "recording_disclosure",
        DEBT,
        (),
        "an automated greeting says the call will be recorded before the counselor, who names himself and the company, picks up",
        opening=(
            (
                A,
                "Thank you for calling Pinecrest Debt Relief. This call will be recorded so we have a copy of your request. Please hold, and a counselor will be right with you.",
            ),
            (
                A,
                "Hi, Rafael speaking, I'm one of the counselors here at Pinecrest. Tell me about the bills.",
            ),
        ),
    )
)
add(
    call(
        "h7-disclosure-ok-caller-asks-first",
        "recording_disclosure",
        AUTO,
        (),
        "the caller asks at once whether the call is recorded; the agent says yes, every call is, before any substance",
        opening=(
            (A, "Stonebridge Auto Insurance, Harriet here."),
            (C, "Hi Harriet. Quick question before I say anything, are you recording me?"),
            (
                A,
                "I am, yes, we record all our calls here, and I was about to tell you. Is that alright with you?",
            ),
            (C, "Sure, that's fine."),
            (A, "Great. So how can I help?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h7-disclosure-survey-only",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "only a remark about service and a survey text after the call; recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Willowbrook Life, this is Yolanda. We pride ourselves on service here, and you'll get a short survey by text after we hang up. What has you calling this morning?",
            ),
        ),
    )
)
add(
    call(
        "h7-disclosure-none-medicare",
        "recording_disclosure",
        MEDI,
        ("recording_disclosure",),
        "Medicare Advantage call: name, company and the TPMO disclaimer, but no recording disclosure at any point",
        opening=(
            (A, "Brookhaven Insurance Advisors, this is Simon. What's the question I can answer for you?"),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h7-disclosure-after-quote",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "recording mentioned only after the vehicle questions and the quote (well past 30 s, after the substance)",
        (A, "Anyone else going to drive it?"),
        (C, "Just me. My wife has her own car."),
        (A, "And any claims in the last five years?"),
        (C, "One, for a cracked windshield, back in twenty twenty one."),
        (
            A,
            "Okay, I've got a number for you. Full coverage on the Silverado comes to one hundred forty one a month, with a thousand dollar deductible.",
        ),
        (C, "Huh, that's lower than I figured."),
        (A, "Oh, and I forgot to say at the top, we're recording this call."),
        (C, "Oh. Alright."),
        opening=((A, "Hey, good afternoon, Stonebridge Auto Insurance, Leon speaking. Need a quote?"),),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h7-ident-ok-transfer-second-agent",
        "agent_identification",
        MEDI,
        (),
        "a receptionist names herself and the company and hands over; the Medicare specialist gives his own first name and the company",
        opening=(
            (
                A,
                "Brookhaven Insurance Advisors, Ingrid speaking. A quick legal thing, this call is recorded from start to finish.",
            ),
            (C, "Hi, it's about Medicare plans."),
            (A, "Okay, one second, I'll get our specialist for you."),
            (A, "Hi, thanks for holding, I'm Gideon, the Medicare specialist here at Brookhaven."),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h7-ident-ok-name-a-moment-later",
        "agent_identification",
        LOAN,
        (),
        "the agent names the company and discloses recording, forgets her name, and gives it a few seconds later",
        opening=(
            (
                A,
                "Tidewater Lending, good morning. I'm obligated to tell you that our conversation today is being recorded. What can we do for you?",
            ),
            (C, "Hi. Yeah, it's about a personal loan."),
            (A, "Sure thing, I can do that. Oh, and sorry, I didn't even give you my name. I'm Bernadette."),
        ),
    )
)
add(
    call(
        "h7-ident-ok-spelled-name",
        "agent_identification",
        LIFE,
        (),
        "the agent gives the company and spells her first name out letter by letter",
        opening=(
            (
                A,
                "Hello, Willowbrook Life. I'm Odessa, that's O, D, E, S, S, A. This line records automatically, so what we say now gets saved. What brought you to the phone today?",
            ),
        ),
    )
)
add(
    call(
        "h7-ident-desk-no-company",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "a first name and only 'the relief enrollment desk'; no company is named at any point",
        opening=(
            (
                A,
                "Hi, this is Rafael on the relief enrollment desk. Let me mention that I'm recording this, and our compliance staff can review it later. What's the situation with your debt?",
            ),
        ),
    )
)
add(
    call(
        "h7-ident-company-no-name",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "outbound: the company and the quote request, but the agent never gives any name",
        opening=(
            (
                A,
                "Hi, is this Mister Pruitt? Great. I'm calling from Stonebridge Auto Insurance about the quote request you sent us. Every conversation gets recorded on our side, this one included.",
            ),
            (C, "Yeah, I remember. Go ahead."),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h7-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "the caller asks about 'guaranteed acceptance'; the agent explains it correctly: no health questions, but a two-year limited benefit unless the death is accidental",
        (C, "The ad on TV said guaranteed acceptance. Does that mean they can't turn me down?"),
        (
            A,
            "Right, on that plan nobody your age is turned down because of health. The catch is that in the first two years it only pays back what you've put in, plus a bit, unless the death is an accident. After that, the whole eight thousand.",
        ),
        (C, "Okay, so there's a waiting period. Got it."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-guarantee-ok-wont-promise-settlement",
        "guaranteed_outcome",
        DEBT,
        (),
        "'can you promise the store card will settle?' -> the agent can't, some creditors agree, some hold out, some never do",
        (C, "Can you promise me the store card will settle?"),
        (
            A,
            "I can't promise that, and I'd be lying if I did. Some creditors come to the table fast, others hold out, and a few never agree at all.",
        ),
        (C, "Okay. Thanks for being honest."),
        k=2,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-guarantee-ok-rate-estimate",
        "guaranteed_outcome",
        LOAN,
        (),
        "the rate shown is an estimate; the lender checks credit and decides, and may offer another rate or decline",
        (
            A,
            "So what I'm showing you is an estimate. The lender pulls your credit and makes its own call, and it could come back with a different rate, or with a no.",
        ),
        (C, "Understood."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h7-guarantee-loan-lock",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'what are my chances?' -> 'it's a lock, zero chance the lender says no'",
        (C, "What are my chances, honestly?"),
        (
            A,
            "Honestly? It's a lock. With a full-time job like yours, there's zero chance the lender says no. I'd put money on it.",
        ),
        (C, "Oh, that's a relief."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h7-guarantee-auto-save-promise",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "'switch and you will save at least four hundred a year, I promise you, it's a sure thing'",
        (
            A,
            "Here's the bottom line. Switch to us and you will save at least four hundred dollars a year. I promise you that, with a record like yours it's a sure thing.",
        ),
        (C, "Four hundred? Okay."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h7-guarantee-acceptance-misrepresented",
        "guaranteed_outcome",
        LIFE,
        ("guaranteed_outcome",),
        "'guaranteed acceptance' misrepresented as a certain full payout from day one, whatever the cause of death",
        (C, "So guaranteed acceptance, what's that mean in plain English?"),
        (
            A,
            "It means your family is guaranteed the full eight thousand from the very first day. No waiting, no matter what takes you, even the blood pressure next month.",
        ),
        (C, "Well, that's reassuring."),
        k=6,
        after_body=True,
        stereo_only=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h7-dnc-ok-brief",
        "do_not_call",
        AUTO,
        (),
        "outbound; 'already insured, scratch me off whatever call list I'm on' -> taken off the list, no more calls, goodbye",
        (C, "Look, I've already got insurance. Please scratch me off whatever call list I'm on."),
        (
            A,
            "Understood. Your number comes off our list as of this minute, and you won't be contacted by us again. Sorry for the bother, goodbye.",
        ),
        (C, "Bye."),
        k=2,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-dnc-ok-answers-how-number",
        "do_not_call",
        MEDI,
        (),
        "outbound, after the disclaimer; 'how do you have my number? don't ring me again' -> the agent answers, removes the number and ends",
        (C, "Hang on. How do you people even have my number? Don't ring me again."),
        (
            A,
            "It came from a form submitted on our website in September. I've removed your number from our calling list, so nobody from our office will phone you after today. Have a good day.",
        ),
        (C, "Okay."),
        k=8,
        tpmo=False,
        opening=greet(NAMES[8], COMPANY[MEDI], 8)[:2]
        + (
            (A, "Great. Before we get into anything, I've got a short bit to read out, word for word."),
            (A, *TPMO_READ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-dnc-ok-not-now-email",
        "do_not_call",
        LOAN,
        (),
        "near miss: 'not a good time, just email me the rates' is not a request to stop calling; the agent agrees and ends",
        (C, "I'm not interested in talking right now. Can you just email me the rates instead?"),
        (A, "Sure, I'll email the rates to the address on your form. Take care."),
        (C, "Thanks."),
        k=14,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-dnc-pitch-after-request",
        "do_not_call",
        DEBT,
        ("do_not_call",),
        "outbound; 'please stop calling me' -> 'I understand, but what if we could cut your payment by a third?'",
        (C, "Please stop calling me. I've told you people before."),
        (
            A,
            "I completely understand. But before you go, what if we could knock your monthly payment down by a third? Isn't that worth two minutes?",
        ),
        (C, "No. Stop."),
        k=20,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-dnc-removed-then-upsell",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "outbound; 'strike my name off your list' -> 'you're removed', then a price pitch and an offer to send a quote",
        (C, "Strike my name off your list, please."),
        (
            A,
            "Okay, you're removed. And while I have you, a plan like this runs about a dollar a day for someone your age. Should I send you a quote?",
        ),
        (C, "I just said no."),
        k=26,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-dnc-argues-and-pitches",
        "do_not_call",
        PARTD,
        ("do_not_call",),
        "'I'd rather you didn't phone me again, I'll ask my pharmacist' -> the agent argues and starts on the first plan",
        (
            C,
            "Actually, I'd rather you didn't phone me again after today. I'll work it out with my pharmacist.",
        ),
        (
            A,
            "Are you sure? Your pharmacist doesn't compare plans, and I've already pulled up three that cover Lantus. Let me just walk you through the first one.",
        ),
        (C, "I just told you, no more calls."),
        k=50,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h7-tpmo-ok-full",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the full CMS text (9 organizations, 64 products), right after the greeting",
        k=10,
    )
)
add(
    call(
        "h7-tpmo-ok-one-organization",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the one-organization form on a Part D call",
        k=11,
        tpmo=False,
        opening=greet(NAMES[11], COMPANY[PARTD], 11)
        + (
            (C, "I'm hoping to switch my drug plan."),
            (A, "Happy to look into it. First, a statement that goes on every call."),
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
        "h7-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('don't', 'every single plan', 'these days', 'and they offer', 'feel free to contact', 'all of the options you have')",
        k=12,
        tpmo=False,
        opening=greet(NAMES[12], COMPANY[MEDI], 12)
        + TPMO_LEAD
        + (
            (
                A,
                "We don't offer every single plan available in your area. These days we represent nine organizations, and they offer sixty four products in your area. Feel free to contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program, SHIP, to get information on all of the options you have.",
                "We don't offer every single plan available in your area. These days we represent nine organizations, and they offer sixty four products in your area. Feel free to contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of the options you have.",
            ),
        ),
    )
)
add(
    call(
        "h7-tpmo-ok-life-call-mentions-advantage",
        "tpmo_disclaimer",
        LIFE,
        (),
        "out of scope: on a Final Expense call the caller asks whether the policy affects her Medicare Advantage plan; no disclaimer is needed",
        (C, "Will this affect my Medicare Advantage plan at all?"),
        (
            A,
            "No, they're completely separate. This policy only pays out to your family after you die, and your health coverage stays exactly as it is.",
        ),
        (C, "Good, I'd hate to lose that."),
        k=13,
        after_body=True,
    )
)
add(
    call(
        "h7-tpmo-drops-first-sentence",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the disclaimer without its first sentence: nothing says the agency does not offer every plan in the area",
        k=15,
        tpmo=False,
        opening=greet(NAMES[15 % 13], COMPANY[MEDI], 15)
        + TPMO_LEAD
        + (
            (
                A,
                "Currently we represent 9 organizations which offer 64 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
                "Currently we represent nine organizations which offer sixty four products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h7-tpmo-cut-short",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the caller interrupts after a sentence and a half of the disclaimer; the agent never finishes it",
        k=16,
        tpmo=False,
        opening=greet(NAMES[16 % 13], COMPANY[PARTD], 16)
        + (
            (C, "I'm on my lunch break, so I need to be quick."),
            (A, "No problem. I just have a short statement first."),
            (A, "We do not offer every plan available in your area. Currently we represent nine"),
            (C, "Sorry, can I stop you there? Can we just look at the insulin?"),
            (A, "Oh, sure, sure. Let's jump straight to that."),
        ),
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h7-pressure-ok-true-enrollment-dates",
        "misrepresentation_pressure",
        MEDI,
        (),
        "the true annual enrollment dates (October 15 to December 7) and 'nothing has to be decided today'",
        (
            A,
            "Just so you have the dates, the yearly window opens October fifteenth and closes December seventh. Nothing has to be decided today, so take the plan summaries home and read them.",
        ),
        (C, "Good. I like to think things over."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h7-pressure-ok-private-agency",
        "misrepresentation_pressure",
        PARTD,
        (),
        "the agent says unprompted that they are a private agency, not Medicare and not any government office",
        (
            A,
            "And to be clear about who I am, we're a privately owned brokerage. We aren't Medicare, and we aren't part of any government office. Medicare itself belongs to the federal government, and the drug plans are sold by private companies.",
        ),
        (C, "Okay, that's good to know."),
        k=18,
        after_body=True,
    )
)
add(
    call(
        "h7-pressure-ok-no-rush",
        "misrepresentation_pressure",
        LOAN,
        (),
        "'is this something I need to settle today?' -> no rush at all, read the terms and call back when ready",
        (C, "Is this something I need to settle today?"),
        (
            A,
            "Not at all, there's no rush on my end. Read the terms, ask anyone you trust about it, and call me back when you're ready.",
        ),
        (C, "Great, thanks."),
        k=19,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-pressure-treasury-program",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "'a federal relief program we run with the Treasury Department, official government debt relief'",
        (
            A,
            "Good news. You fit the federal relief program we run with the Treasury Department. It's official government debt relief, nothing like those scam outfits.",
        ),
        (C, "Wait, so this comes from the government?"),
        (A, "We handle it for them, yes."),
        k=21,
        after_body=True,
    )
)
add(
    call(
        "h7-pressure-manager-ten-minutes",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "invented deadline: the manager approved the price only until a quarter past (four minutes away), then it is gone",
        (
            A,
            "Here's the thing. My manager signed off on this price, but only until a quarter past, and it's eleven past now. If we don't bind it before then, it's gone, and I can't get it back.",
        ),
        (C, "Four minutes? That's hardly any time."),
        k=22,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h7-abuse-ok-caller-profanity",
        "abusive_language",
        AUTO,
        (),
        "the caller swears about the company's website; the agent apologizes and offers to do it by phone",
        (C, "Honestly, your damn website is a piece of crap. It kicked me out three times."),
        (
            A,
            "That's frustrating, I'm sorry about that. I can take care of all of it over the phone with you.",
        ),
        (C, "Fine, let's do that."),
        k=23,
        stereo_only=True,
    )
)
add(
    call(
        "h7-abuse-ok-not-stupid",
        "abusive_language",
        DEBT,
        (),
        "near miss: the caller calls herself stupid; the agent: 'you're not stupid, not at all'",
        (C, "I feel so stupid for letting it get this far."),
        (A, "You're not stupid, not at all. Plenty of sensible people end up here after one bad year."),
        (C, "Thank you. That helps."),
        k=24,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-abuse-painfully-slow",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller asks for the payment again; the agent: 'you are painfully slow… try to keep up'",
        (
            A,
            "Okay, the lender is showing sixty five hundred over three years, at two hundred and ten a month.",
        ),
        (C, "Sorry, say the monthly payment one more time?"),
        (A, "Oh my god. You are painfully slow, you know that? Two hundred and ten. Try to keep up."),
        (C, "Wow. You don't have to be rude."),
        k=25,
        closing=False,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-abuse-threat",
        "abusive_language",
        DEBT,
        ("abusive_language",),
        "the caller hesitates; the agent threatens to make sure every collector knows where she lives",
        (C, "I'm not sure I want to sign up with you."),
        (
            A,
            "Keep jerking me around and I'll personally make sure every collector you owe knows exactly where you live.",
        ),
        (C, "Are you threatening me?"),
        k=27,
        closing=False,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h7-abuse-damn-question",
        "abusive_language",
        MEDI,
        ("abusive_language",),
        "the caller hesitates over a doctor; the agent: 'just answer the damn question, for crying out loud'",
        (A, "Any specialists you see, besides Doctor Lindqvist?"),
        (C, "Hmm, let me think. There was a foot doctor, what was his name"),
        (A, "Just answer the damn question, for crying out loud. I don't have all day."),
        (C, "Well, excuse me."),
        k=28,
        closing=False,
        after_body=True,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h7-sensitive-ok-paused",
        "sensitive_data",
        LIFE,
        (),
        "the agent pauses the recording before the card is taken and says when it is back on; no number is heard",
        (C, "Okay, I'd like to go ahead with the eight thousand."),
        (
            A,
            "Wonderful. For the first premium, I'll pause our recording so your card details aren't saved. Pausing now.",
        ),
        (
            A,
            "Okay, we're recording again now. Your first payment went through, and the policy starts on the first.",
        ),
        (C, "Oh, good."),
        k=29,
        after_body=True,
    )
)
add(
    call(
        "h7-sensitive-ok-card-last-four",
        "sensitive_data",
        AUTO,
        (),
        "only the last four digits of the card on file are spoken",
        (
            A,
            "Shall I charge the card we have on file, ending in 3 0 5 8?",
            "Shall I charge the card we have on file, ending in three oh five eight?",
        ),
        (C, "Yes, that one."),
        (A, "Done. You're covered from midnight tonight."),
        k=30,
        after_body=True,
    )
)
add(
    call(
        "h7-sensitive-ok-confirmation-number",
        "sensitive_data",
        MEDI,
        (),
        "near miss: an enrollment confirmation number and the caller's phone number are read aloud (neither is sensitive)",
        (
            A,
            "Your enrollment confirmation number is B 4 4 2 9 0 1 8 6. Keep it somewhere safe.",
            "Your enrollment confirmation number is B, four four two, nine oh one, eight six. Keep it somewhere safe.",
        ),
        (
            C,
            "Got it. And the best number for me is 9 1 9, 7 4 2, 0 1 4 7.",
            "Got it. And the best number for me is nine one nine, seven four two, oh one four seven.",
        ),
        (A, "Perfect, I've noted that."),
        k=31,
        after_body=True,
    )
)
add(
    call(
        "h7-sensitive-security-code",
        "sensitive_data",
        AUTO,
        ("sensitive_data",),
        "the caller gives only the last four of the card, then reads the card's three-digit security code aloud",
        (A, "Which card are we putting this on?"),
        (C, "The Visa ending in 4 4 0 9.", "The Visa ending in four four oh nine."),
        (A, "And the little code on the back of the card, the three digits?"),
        (C, "6 1 8.", "Six one eight."),
        (A, "Thank you, that's gone through."),
        k=32,
        after_body=True,
    )
)
add(
    call(
        "h7-sensitive-checking-account",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "for the deposit the caller reads her full checking account number aloud",
        (A, "For the deposit, I'll need the account you want the money sent to."),
        (
            C,
            "Sure. My checking account number is 6 6 0 1 8 4 2 3 9 7, at Numerica.",
            "Sure. My checking account number is six six oh, one eight four, two three nine seven, at Numerica.",
        ),
        (A, "Thanks, I've entered that."),
        k=33,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h7-long-ok-auto",
        "long_call",
        AUTO,
        (),
        "long compliant auto call (about two minutes)",
        k=34,
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the disclaimer: mark it long by hand
        call(
            "h7-long-medicare-disclaimer-late",
            "long_call",
            MEDI,
            ("tpmo_disclaimer",),
            "long Medicare Advantage call (about two minutes); the full disclaimer is read only near the end, well past the first minute",
            *LONG_FILLER[MEDI],
            (A, "Oh, before I mail anything, there's a statement I was supposed to read you at the start."),
            (A, *TPMO_READ),
            (C, "Okay."),
            k=35,
            tpmo=False,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h7-multi-no-disclosure-ssn",
        "multi",
        PARTD,
        ("recording_disclosure", "sensitive_data"),
        "no recording disclosure at any point, and the caller reads her full Social Security number for the enrollment",
        (A, "I can start the enrollment for you now. What's your Social Security number?"),
        (C, "It's 3 8 2, 0 6, 1 9 4 7.", "It's three eight two, oh six, one nine four seven."),
        (A, "Thank you, that's all I need."),
        opening=((A, "Brookhaven Insurance Advisors, Fiona speaking, go ahead."),),
        tpmo=True,
        after_body=True,
    )
)
add(
    call(
        "h7-multi-burial-office-social-security",
        "multi",
        LIFE,
        ("agent_identification", "misrepresentation_pressure"),
        "outbound from 'the senior burial benefits office' (no company), which claims to partner with Social Security",
        (
            A,
            "Our office partners with Social Security to make sure retirees living on small checks get their burial benefit.",
        ),
        (C, "Oh, I didn't know Social Security did that."),
        (A, "Yes sir, it's part of your benefits, and I can get you enrolled today."),
        opening=(
            (
                A,
                "Good morning, is this Mister Greer? My name's Ambrose, I'm calling from the senior burial benefits office. This line records automatically, so what we say now gets saved.",
            ),
            (C, "Yes, this is him."),
        ),
    )
)
add(
    call(
        "h7-multi-dnc-deadline",
        "multi",
        LOAN,
        ("do_not_call", "misrepresentation_pressure"),
        "'stop calling me, and delete my number' -> 'walk away now and this rate vanishes at five this afternoon', then a sales question",
        (C, "You know what, I've changed my mind. Stop calling me, and delete my number."),
        (
            A,
            "Walk away now and this rate we've been holding for you vanishes at five this afternoon, for good. So, did you want the twelve-month term or the twenty-four?",
        ),
        (C, "I said stop calling me."),
        k=44,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h7-multi-no-tpmo-promised-savings",
        "multi",
        MEDI,
        ("tpmo_disclaimer", "guaranteed_outcome"),
        "Medicare Advantage call with no disclaimer; the agent guarantees the caller will spend less than on employer coverage",
        (
            A,
            "Alright, the plan I'd put you in keeps Doctor Lindqvist. I guarantee you'll spend less on it than you did with your employer coverage, there's no way you won't.",
        ),
        (C, "That's a relief."),
        k=37,
        tpmo=False,
        opening=greet(NAMES[37 % 13], COMPANY[MEDI], 37),
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h7-tpmo-ok-full",  # 0
    "h7-guarantee-ok-rate-estimate",  # 1
    "h7-disclosure-survey-only",  # 2 mono
    "h7-dnc-pitch-after-request",  # 3 mp3
    "h7-abuse-ok-caller-profanity",  # 4
    "h7-sensitive-checking-account",  # 5 mono
    "h7-long-ok-auto",  # 6
    "h7-dnc-ok-answers-how-number",  # 7
    "h7-ident-ok-spelled-name",  # 8 mono, wav
    "h7-multi-no-tpmo-promised-savings",  # 9
    "h7-dnc-removed-then-upsell",  # 10 mp3
    "h7-pressure-treasury-program",  # 11 mono
    "h7-abuse-painfully-slow",  # 12
    "h7-tpmo-ok-one-organization",  # 13
    "h7-sensitive-ok-card-last-four",  # 14 mono
    "h7-guarantee-acceptance-misrepresented",  # 15
    "h7-disclosure-ok-caller-asks-first",  # 16
    "h7-ident-desk-no-company",  # 17 mono, mp3
    "h7-multi-dnc-deadline",  # 18
    "h7-tpmo-drops-first-sentence",  # 19
    "h7-sensitive-ok-confirmation-number",  # 20 mono
    "h7-abuse-ok-not-stupid",  # 21
    "h7-guarantee-loan-lock",  # 22
    "h7-multi-no-disclosure-ssn",  # 23 mono
    "h7-dnc-ok-brief",  # 24 mp3
    "h7-dnc-ok-not-now-email",  # 25 wav
    "h7-tpmo-cut-short",  # 26 mono
    "h7-long-medicare-disclaimer-late",  # 27
    "h7-guarantee-ok-wont-promise-settlement",  # 28
    "h7-ident-ok-transfer-second-agent",  # 29 mono
    "h7-pressure-ok-private-agency",  # 30
    "h7-abuse-threat",  # 31 mp3
    "h7-pressure-manager-ten-minutes",  # 32 mono
    "h7-sensitive-ok-paused",  # 33
    "h7-sensitive-security-code",  # 34
    "h7-tpmo-ok-small-deviations",  # 35 mono
    "h7-guarantee-ok-acceptance-explained",  # 36
    "h7-disclosure-none-medicare",  # 37
    "h7-disclosure-ok-ivr-before-agent",  # 38 mono, mp3
    "h7-abuse-damn-question",  # 39
    "h7-pressure-ok-no-rush",  # 40
    "h7-multi-burial-office-social-security",  # 41 mono
    "h7-disclosure-ok-monitor-only",  # 42 wav
    "h7-dnc-argues-and-pitches",  # 43
    "h7-guarantee-auto-save-promise",  # 44 mono
    "h7-ident-company-no-name",  # 45 mp3
    "h7-tpmo-ok-life-call-mentions-advantage",  # 46
    "h7-disclosure-after-quote",  # 47 mono
    "h7-ident-ok-name-a-moment-later",  # 48
    "h7-pressure-ok-true-enrollment-dates",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
