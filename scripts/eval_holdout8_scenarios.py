"""The calls of the eighth holdout set (eval/holdout8/, built by `make_eval_corpus.py --set holdout8`).

Written fresh and clean, after the seventh holdout (eval/holdout7/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Company names, agent names, the campaigns' small talk, the
compliant openings (terse and chatty receptionists, outbound calls asking for the customer, a call-back, an
automated prompt before the agent, a front desk handing over to a licensed agent, a name given after small
talk or mid-sentence, informal regional speech) and every wording that decides a verdict (recording
disclosures, their absence, a denial that the call is recorded, a disclosure without the word "record",
identifications, promises and careful non-promises, do-not-call requests and how they are handled, pressure
and government claims, abuse, spoken numbers, the TPMO disclaimer read in full, in its one-organization form,
with small deviations, cut short by the agent, paraphrased without its middle part, late or not at all) are new
here: they appear in none of scripts/eval_scenarios.py and scripts/eval_holdout_scenarios.py to
scripts/eval_holdout7_scenarios.py. Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated
text, the Scenario type and the call builder (Cast) are shared.

Labels follow each rule's guidance (what a careful human compliance reviewer would decide), not what any
detector happens to match. Every call is compliant with every rule but the ones it names: the agent discloses
recording before the substance of the call, gives a first name and an identifiable company early, and Medicare
calls read the TPMO disclaimer within the first minute, unless breaking that is the point of the call.
"""

from __future__ import annotations

from dataclasses import replace

from eval_scenarios import AUTO, DEBT, LIFE, LOAN, LONG_FILLER, MEDI, PARTD, A, C, Cast, Scenario

COMPANY = {
    AUTO: "Kestrel Auto Insurance",
    LOAN: "Ashgrove Lending",
    DEBT: "Bramblewood Debt Relief",
    LIFE: "Larkspur Life",
    MEDI: "Cloverfield Insurance Partners",
    PARTD: "Cloverfield Insurance Partners",
}
NAMES = (
    "Tamsin",
    "Mateo",
    "Constance",
    "Barnaby",
    "Philippa",
    "Thaddeus",
    "Noreen",
    "Cyrus",
    "Esther",
    "Ignatius",
    "Marguerite",
    "Ronan",
    "Winona",
)
# Whom an outbound agent asks for.
CALLEES = ("Missus Kettering", "Mister Oduya", "Missus Brandvold", "Mister Ashdown", "Miss Philomena")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "Heads up, the recorder's running on my end for this whole call.",
    "Our phone system keeps a recording of this conversation, just so you're aware.",
    "Before anything else, you should know I'm recording our conversation.",
    "Fair warning, every word of this call goes onto a recording, and a supervisor may go over it.",
    "And for the record, literally, this call is being taped.",
    "I'm required to say that we record these calls, every last one of them.",
    "One housekeeping item, the call is recorded and can be played back later by our staff.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening, one of eight kinds (k % 8): a terse receptionist, a chatty agent, an outbound
    call asking for the customer, a disclosure before the name, informal regional speech, a name dropped
    mid-sentence, a hand-over from a colleague, a call-back."""
    disclosure = DISCLOSURES[(k + k // 8) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        ((A, f"{company}, {name}."), (A, f"{disclosure} Go ahead, what do you need?")),
        (
            (
                A,
                f"Well hi there! Sorry, my headset was acting up for a second. This is {name}, over at {company}. {disclosure} Now, what's the reason for the call?",
            ),
        ),
        (
            (A, f"Hi, is {callee} available?"),
            (C, "Speaking. Who's this?"),
            (
                A,
                f"Oh, good. It's {name}, I'm with {company}. I've got your web inquiry right in front of me. {disclosure}",
            ),
        ),
        (
            (
                A,
                f"Hey, thanks for hanging on. {disclosure} I'm {name}, and you've reached {company}. What's on your mind?",
            ),
        ),
        (
            (
                A,
                f"Mornin'! Y'all have reached {company}, this here's {name}. {disclosure} What can I help ya with, hon?",
            ),
        ),
        (
            (
                A,
                f"Okay, you're through to the quotes team at {company}, my name's {name} if you need it later. {disclosure} So tell me a bit about what you need.",
            ),
        ),
        (
            (
                A,
                f"Alright, I've got you now, my colleague filled me in a little. I'm {name}, a licensed agent here at {company}. {disclosure} Let's pick up where you left off.",
            ),
        ),
        (
            (
                A,
                f"Hello, this is {name} from {company}, returning your call. You rang us yesterday and got our voicemail. {disclosure}",
            ),
            (C, "Oh, right, thanks for getting back to me."),
            (A, "Of course. What were you hoping to sort out?"),
        ),
    )[k % 8]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 11 organizations which offer "
    "73 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent eleven organizations which offer "
    "seventy three products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "Well, I've got a few questions about my coverage."),
    (
        A,
        "Sure. First, the rules say there's a short notice I must recite exactly as written.",
    ),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "I moved from Arizona to Colorado last month, and I need a policy with my new address on it."),
        (A, "Welcome to Colorado! What are you driving these days?"),
        (C, "A twenty nineteen Subaru Outback."),
        (A, "Good car for the snow. Is it paid off, or is there a loan on it?"),
        (C, "Paid off, back in March."),
    ),
    LOAN: (
        (
            C,
            "My daughter's getting married in May, and I'm about forty two hundred short for the reception hall.",
        ),
        (
            A,
            "Oh, congratulations to her! Are you working at the moment, and roughly what do you clear each month?",
        ),
        (C, "I work at a print shop, a bit over thirty eight hundred a month after taxes."),
        (A, "Got it. And would you rather pay it back over two years, or three?"),
        (C, "Two, if the payment isn't crazy."),
    ),
    DEBT: (
        (
            C,
            "Between medical bills and two credit cards I'm sitting on about eighteen thousand, and I'm only making the minimums.",
        ),
        (
            A,
            "A lot of folks end up there after a hospital stay. Are the medical bills still with the hospital?",
        ),
        (C, "Still with the hospital. The cards are with Discover and Capital One."),
        (A, "And what's your take-home pay each month, roughly?"),
        (C, "About twenty nine hundred."),
    ),
    LIFE: (
        (
            C,
            "My husband died last spring, and paying for his service wiped out most of what we'd saved. I don't want my children stuck like that.",
        ),
        (A, "I'm so sorry. If you don't mind me asking, what's your age?"),
        (C, "Sixty eight in August."),
        (A, "And what amount would you like to leave for the arrangements?"),
        (C, "Maybe twelve thousand."),
    ),
    MEDI: (
        (
            C,
            "I'm sixty five come March, and I'm buried in Medicare Advantage mail. I can't make heads or tails of it.",
        ),
        (A, "You and everybody else this time of year. Which county are you in?"),
        (C, "Ada County, out in Boise."),
        (A, "Any doctors you can't do without?"),
        (C, "Doctor Haverford. She's my cardiologist."),
    ),
    PARTD: (
        (C, "My drug plan's premium jumps in January, and my Brilinta already costs a fortune."),
        (A, "Ugh, that one's pricey. Anything else I should search for along with it?"),
        (C, "Entresto, for my heart, and that's about it."),
        (A, "Where do you fill your prescriptions?"),
        (C, "The Albertsons on Fairview Avenue."),
    ),
}
ENDING = (
    (A, "I'll email you a summary tonight."),
    (C, "Great, appreciate you."),
    (A, "Anytime, take care."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h8-disclosure-ok-ivr-prompt",
        "recording_disclosure",
        DEBT,
        (),
        "an automated prompt says the call is being recorded before the counselor picks up and gives her name and the company",
        opening=(
            (
                A,
                "You've reached Bramblewood Debt Relief. To protect you and us, calls to this number are captured on a recording. Hold, please, and the first free counselor will take your call.",
            ),
            (
                A,
                "Hi, sorry about the wait. Philippa here, I'm a counselor with Bramblewood. So where do things stand with your bills?",
            ),
        ),
    )
)
add(
    call(
        "h8-disclosure-ok-audio-copy",
        "recording_disclosure",
        LOAN,
        (),
        "near miss: 'we keep an audio copy of every phone call, this one included' (a recording disclosure without the word)",
        opening=(
            (
                A,
                "Ashgrove Lending, Mateo here. Worth mentioning, we keep an audio copy of every phone call, this one included, in case a question comes up later. How much are you hoping to borrow?",
            ),
        ),
    )
)
add(
    call(
        "h8-disclosure-ok-after-weather",
        "recording_disclosure",
        LIFE,
        (),
        "name and company, a little talk about the weather, then the recording disclosure, still before any substance",
        opening=(
            (A, "Larkspur Life, this is Winona, good morning."),
            (C, "Morning. Gosh, it's pouring out here."),
            (
                A,
                "Same here, my cat's been hiding under the bed since the thunder started. Okay, before we dive in, I've got to mention that I record my calls. Now, how can I help you?",
            ),
        ),
    )
)
add(
    call(
        "h8-disclosure-quality-notes",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "'for quality purposes I'll be typing notes' only; recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Kestrel Auto Insurance, hi, you've got Barnaby. So you know, for quality purposes I'll be typing notes while we talk. What are we quoting today?",
            ),
        ),
    )
)
add(
    call(
        "h8-disclosure-denied",
        "recording_disclosure",
        PARTD,
        ("recording_disclosure",),
        "Part D call with the full disclaimer, but the agent tells the caller the call is not recorded",
        opening=(
            (
                A,
                "Hi, Cloverfield Insurance Partners, I'm Cyrus. And don't worry, this isn't one of those recorded calls, it's just you and me talking. What's up with your prescriptions?",
            ),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h8-disclosure-late-caller-asks",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "no disclosure at the start; only after the program and the monthly deposit are discussed does the caller ask, and the agent admits the call is recorded",
        (
            A,
            "Okay. With eighteen thousand across those accounts, a settlement program might take three to four years, and the monthly deposit would be somewhere around three hundred eighty.",
        ),
        (C, "Hmm. Is anybody else listening to this, by the way?"),
        (A, "Oh, well, the call is recorded, yes. I probably should have said that at the start."),
        (C, "You probably should have."),
        opening=((A, "Bramblewood Debt Relief, Constance speaking. How can I help?"),),
        after_body=True,
        stereo_only=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h8-ident-ok-name-after-banter",
        "agent_identification",
        AUTO,
        (),
        "company and disclosure first; the agent gives her first name a few seconds later, after a joke with the caller",
        opening=(
            (
                A,
                "Kestrel Auto Insurance, good afternoon, and I'll tell you right off, we record everything on this phone line.",
            ),
            (C, "Hi. Wow, you picked up fast."),
            (
                A,
                "Ha, it's a slow morning. Oh, and I'm Tamsin, I'll be taking care of you today. What can I do for you?",
            ),
        ),
    )
)
add(
    call(
        "h8-ident-ok-front-desk-transfer",
        "agent_identification",
        MEDI,
        (),
        "a front desk names herself and the company, discloses recording and transfers; the licensed agent gives his own first name and the company",
        opening=(
            (
                A,
                "Cloverfield Insurance Partners, front desk, this is Noreen. Every call here gets recorded, so you know.",
            ),
            (C, "Hi, I need help picking a Medicare plan."),
            (A, "You'll want Thaddeus for that. Hang on one second, I'll put you through."),
            (
                A,
                "Thaddeus here, one of the licensed agents at Cloverfield. Noreen says you're shopping for a plan?",
            ),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h8-ident-ok-on-behalf-of",
        "agent_identification",
        LIFE,
        (),
        "outbound: the agent gives her first name and says she calls on behalf of the company, then discloses recording",
        opening=(
            (A, "Hello, is Missus Delgado home?"),
            (C, "That's me."),
            (
                A,
                "Hi, Missus Delgado, my name is Esther, and I'm ringing you on Larkspur Life's behalf, about the reply card you mailed back to us. I'll say up front that I've got this call recording.",
            ),
            (C, "Oh yes, the card. I remember."),
            (A, "Wonderful. Tell me a little about what you had in mind."),
        ),
    )
)
add(
    call(
        "h8-ident-first-name-only",
        "agent_identification",
        LOAN,
        ("agent_identification",),
        "a cheerful first name and a recording notice, but no company is named at any point",
        opening=(
            (A, "Hey there, it's Ronan! Heads up, I record every call I take. So, you're after a loan?"),
        ),
    )
)
add(
    call(
        "h8-ident-company-no-name",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "the company and a recording notice, but the agent is only 'one of the enrollment counselors' and never gives a name",
        opening=(
            (
                A,
                "Bramblewood Debt Relief, good morning. You should know we're recording today. I'm one of the enrollment counselors here, how can I help you?",
            ),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h8-guarantee-ok-guaranteed-issue-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "the caller asks what 'guaranteed issue' means; the agent explains it correctly (no health questions, a graded benefit in the first two years, accidents covered in full)",
        (C, "The mailer said guaranteed issue. What does that actually mean?"),
        (
            A,
            "It means they skip the medical exam and the health questionnaire, so nobody can decline you over your health. What you give up is a graded benefit. If an illness takes you before the policy's second anniversary, your kids receive the premiums you paid plus ten percent, not the twelve thousand. From the second anniversary on, it's the full twelve thousand.",
        ),
        (C, "Oh. So the full amount kicks in later, basically."),
        (A, "Basically, yes. An accident is covered in full from day one."),
        k=8,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h8-guarantee-ok-caller-says-guaranteed",
        "guaranteed_outcome",
        LOAN,
        (),
        "'I read these loans are guaranteed approval, so I'm in?' -> no, the lender checks credit and income and can turn it down",
        (C, "I read online that these loans are guaranteed approval. So I'm in, right?"),
        (
            A,
            "No, and honestly, I'd be wary of any site that tells you that. The lender checks your credit and your income, and they can turn an application down. I can't tell you yes until they do.",
        ),
        (C, "Fair enough."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h8-guarantee-ok-results-vary",
        "guaranteed_outcome",
        DEBT,
        (),
        "'how much would I save?' -> results vary, creditors can refuse, no number can be locked in",
        (C, "How much could I actually knock off, realistically?"),
        (
            A,
            "Honestly, it varies a lot. Some clients end up paying around half of what they owed, some pay more than that, and a creditor can refuse to settle at all. There's no number I can lock in for you today.",
        ),
        (C, "Okay. I appreciate the honesty."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h8-guarantee-loan-no-matter-what",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'you're getting this loan, period… consider it done', whatever the credit",
        (
            A,
            "Don't even worry about your credit. You're getting this loan, period. I've never had one of these turned down, and yours won't be the first.",
        ),
        (C, "Really? Even with a couple of late payments?"),
        (A, "Even with those. Consider it done."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h8-guarantee-debt-cut-in-half",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "'we'll get the eighteen thousand knocked down to nine, that's a promise; every creditor will settle'",
        (
            A,
            "Here's what's going to happen. We'll get that eighteen thousand knocked down to nine, and that's a promise. All of your creditors are going to settle, each one of them.",
        ),
        (C, "Every one of them? Even the hospital?"),
        (A, "Every single one. I've been doing this eleven years."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h8-guarantee-partd-pay-less",
        "guaranteed_outcome",
        PARTD,
        ("guaranteed_outcome",),
        "Part D: 'switch and you will pay less for the drug next year, I'm certain of it… no way it costs you more'",
        (
            A,
            "Okay, good news, I've found a plan that covers both. Switch to it and you will pay less for the Brilinta next year, I'm certain of it. You'll be saving money from your very first refill.",
        ),
        (C, "You're sure?"),
        (A, "Positive. There's no way it costs you more."),
        k=6,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h8-dnc-ok-off-list",
        "do_not_call",
        AUTO,
        (),
        "outbound; 'take me off your call list' -> number taken off the list, no more calls, apology, goodbye",
        (C, "Yeah, no. Scrub this number from your records, I don't want calls from you people."),
        (
            A,
            "Done. Your number's gone from our dialer as of right now, and our reps won't be dialing it anymore. Sorry for interrupting your day, bye now.",
        ),
        (C, "Thanks. Bye."),
        opening=(
            (
                A,
                "Hi, is this Mister Fairbanks? Hi, it's Tamsin with Kestrel Auto Insurance. I'm recording this call for our files. I'm following up on the car insurance quote you asked us for last spring.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-dnc-ok-asks-source",
        "do_not_call",
        PARTD,
        (),
        "outbound, after the disclaimer; 'where did you get my number? no more of these calls' -> the agent answers, puts the number on the do-not-call list and ends",
        (
            C,
            "Hang on a second. How'd you people come by my number? And I want these calls to stop, for good.",
        ),
        (
            A,
            "You left a voicemail on our line in October, and we called that number back. I've flagged it so our office never dials it again, starting today. Goodbye, Mister Lindgren.",
        ),
        (C, "Alright. Bye."),
        opening=(
            (A, "Good afternoon, is Mister Lindgren there?"),
            (C, "This is he."),
            (
                A,
                "Mister Lindgren, this is Ignatius at Cloverfield Insurance Partners, returning your message about drug plans. I'm recording the call, and before anything else there's a short notice I must read out.",
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
        "h8-dnc-ok-call-back-tomorrow",
        "do_not_call",
        LOAN,
        (),
        "near miss: 'I'm at work, try me again tomorrow after six' is not a request to stop calling; the agent agrees and ends",
        (C, "Oh, shoot, I'm at work right now. Can you try me again tomorrow after six?"),
        (A, "Of course. I'll call you tomorrow a little after six. Talk then."),
        (C, "Great, thanks."),
        k=10,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-dnc-sales-question",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'remove me from your list' -> 'sure, sure, real quick though, who's your carrier? I bet I can beat them'",
        (C, "Listen, I need you to pull my name from your calling list. I'm getting these every single day."),
        (
            A,
            "Sure, sure. Real quick though, who insures you at the moment? Bet you I can undercut them.",
        ),
        (C, "Hello? Did any of that register?"),
        opening=(
            (
                A,
                "Hello, Mister Yarborough? Barnaby calling, from Kestrel Auto Insurance. Heads up, I've got the call recording switched on. You looked at a quote with us a while back.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-dnc-argues-consent",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "outbound; 'don't call this number anymore' -> the agent argues the form gave permission and asks to be heard out",
        (C, "Don't call this number anymore. I mean it."),
        (
            A,
            "Well, you did fill out our form, so technically you gave us permission to call you. And the rates are really good right now, so why not hear me out for a minute?",
        ),
        (C, "I'm hanging up now."),
        opening=(
            (
                A,
                "Hi, Missus Oduya? This is Marguerite, from Ashgrove Lending. One thing first, we record our calls. I'm checking in on the loan application you started and didn't finish.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-dnc-noted-then-pitch",
        "do_not_call",
        MEDI,
        ("do_not_call",),
        "outbound, after the disclaimer; 'please don't contact me again' -> 'noted', then a pitch for a zero-premium plan with dental",
        (C, "I'm going to stop you. Please don't contact me again, I'm keeping the plan I have."),
        (
            A,
            "Noted. But just one thing, the plan I've got here has a zero dollar premium and dental included. Can I at least tell you about that?",
        ),
        (C, "No. I said don't contact me."),
        opening=(
            (A, "Hi there, I'm looking for Missus Trelawney?"),
            (C, "Yes?"),
            (
                A,
                "Hi, it's Cyrus at Cloverfield Insurance Partners. Fair warning, our side records the call. You asked for a Medicare Advantage comparison on our website, and I have to start with a short required statement.",
            ),
            (A, *TPMO_READ),
        ),
        tpmo=False,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h8-tpmo-ok-one-organization",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the one-organization form on a Part D call, after the agent says the agency sells one insurer's plans",
        k=13,
        tpmo=False,
        opening=CAST.opening(PARTD, 13)
        + (
            (C, "I'd like to switch drug plans, if I can."),
            (
                A,
                "We can look at that. We only sell plans from one insurance company, so my required notice is a little shorter. Here it is.",
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
        "h8-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('sell' for 'offer', 'we are representing', 'and together they offer', 'reach out to', 'the SHIP', 'information about')",
        k=9,
        tpmo=False,
        opening=CAST.opening(MEDI, 9)
        + TPMO_LEAD
        + (
            (
                A,
                "We do not sell every plan available in your area. Currently we are representing eleven organizations, and together they offer seventy three products in your area. Please reach out to Medicare.gov, to 1-800-MEDICARE, or to your local State Health Insurance Program, the SHIP, to get information about all of your options.",
                "We do not sell every plan available in your area. Currently we are representing eleven organizations, and together they offer seventy three products in your area. Please reach out to Medicare dot guv, to one eight hundred Medicare, or to your local State Health Insurance Program, the ship, to get information about all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h8-tpmo-ok-auto-mentions-medicare",
        "tpmo_disclaimer",
        AUTO,
        (),
        "out of scope: on an auto insurance call the caller says his wife just joined a Medicare Advantage plan; no disclaimer is needed",
        (
            C,
            "Oh, and my wife just went onto a Medicare Advantage plan. Does that change anything with the car?",
        ),
        (
            A,
            "Nope, your health coverage and your car insurance don't affect each other. And I only handle auto, so that one's a question for her plan.",
        ),
        (C, "Okay, good."),
        k=15,
        after_body=True,
    )
)
add(
    call(
        "h8-tpmo-cut-short-by-agent",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the agent starts the disclaimer, breaks off in the second sentence ('you get the idea') and never gives the counts or the referral",
        k=11,
        tpmo=False,
        opening=CAST.opening(MEDI, 11)
        + (
            TPMO_LEAD[0],
            (A, "Sure thing. There's a notice I'm meant to read first."),
            (
                A,
                "We do not offer every plan available in your area. Currently we represent eleven organizations which offer, uh, you know what, it's a whole lot of legal wording, you get the idea. Let's just look at plans.",
            ),
        ),
    )
)
add(
    call(
        "h8-tpmo-drops-counts",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "a paraphrase that keeps 'not every plan' and the referral but drops the middle part (no counts, no one-organization sentence)",
        k=12,
        tpmo=False,
        opening=CAST.opening(PARTD, 12)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Quick thing first, we can't show you every plan that's out there. If you'd like the whole picture, Medicare.gov has it, or you can phone 1-800-MEDICARE, or your state's health insurance counseling program.",
                "Quick thing first, we can't show you every plan that's out there. If you'd like the whole picture, Medicare dot guv has it, or you can phone one eight hundred Medicare, or your state's health insurance counseling program.",
            ),
        ),
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h8-pressure-ok-initial-window",
        "misrepresentation_pressure",
        MEDI,
        (),
        "'do I have to pick right away?' -> no; the true initial enrollment window (three months before the birthday month to three after), call whenever ready",
        (C, "Do I have to pick something right away?"),
        (
            A,
            "No. Since you turn sixty five in March, your first window to sign up runs from December through the end of June. So there's time. Look over the plans, and call me whenever you're ready.",
        ),
        (C, "Oh good, that takes a weight off."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h8-pressure-ok-caller-asks-government",
        "misrepresentation_pressure",
        PARTD,
        (),
        "'are you with the government?' -> no, a private brokerage; Medicare is run by the federal government, we are not part of it",
        (C, "Are you people with the government? The envelope you sent looked awfully official."),
        (
            A,
            "No, we're a private brokerage. Medicare is a federal program, sure, but we're a business that sells plans, not an agency, and we don't work for the government. Sorry if the envelope gave you that impression.",
        ),
        (C, "Okay. Thanks for clearing that up."),
        k=18,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h8-pressure-ok-renewal-date",
        "misrepresentation_pressure",
        AUTO,
        (),
        "near miss: the caller's own policy renews on the fourteenth; the agent says so, and that it is no deadline of theirs",
        (C, "My old policy from Arizona renews on the fourteenth. When should I switch by?"),
        (
            A,
            "Then you'd want the new one to start before the fourteenth, so you don't pay them for another six months. That date is your renewal, not a deadline of ours, so take the time you need to compare.",
        ),
        (C, "Makes sense."),
        k=19,
        after_body=True,
    )
)
add(
    call(
        "h8-pressure-federal-hardship-program",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "the agent presents the enrollment as 'the federal hardship forgiveness program', a government program the company processes",
        (
            A,
            "So what we'd enroll you in is the federal hardship forgiveness program. It's a government program, and we're the approved processor for your state.",
        ),
        (C, "Oh, so it's through the government?"),
        (A, "That's right, it's federal."),
        k=20,
        after_body=True,
    )
)
add(
    call(
        "h8-pressure-price-gone-at-hangup",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "invented pressure: 'I need a yes before we hang up; the price only exists while we're on the phone'",
        (
            A,
            "Okay, I've got you at one thirty two a month. But I need your answer before this call ends. This price lives and dies with this phone call. Hang up, and it's gone, and you're back to the standard rate.",
        ),
        (C, "That feels like a lot of pressure."),
        (A, "It's just how it works. So, is that a yes?"),
        k=21,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h8-abuse-ok-caller-curses",
        "abusive_language",
        DEBT,
        (),
        "the caller swears about the bank and distrusts the company; the agent stays calm and offers the fees in writing",
        (
            C,
            "These bastards at the bank are bleeding me dry, and frankly, you people are probably no better.",
        ),
        (
            A,
            "I get it, and that's fair after the year you've had. Let me send you exactly what we charge, in writing, and you can decide for yourself.",
        ),
        (C, "Yeah. Okay. Send it."),
        k=22,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h8-abuse-ok-agent-calls-self-dummy",
        "abusive_language",
        LOAN,
        (),
        "near miss: the agent calls himself a dummy for a typing mistake; nothing is said against the caller",
        (
            A,
            "Oh, I'm such a dummy, I put your income down as thirty eight dollars. Let me fix that real quick.",
        ),
        (C, "Ha, that would explain a lot."),
        (A, "There we go, thirty eight hundred. Sorry about that."),
        k=23,
        after_body=True,
    )
)
add(
    call(
        "h8-abuse-ok-firm-boundary",
        "abusive_language",
        AUTO,
        (),
        "the caller insults the agent; the agent sets a polite boundary and offers to start over",
        (A, "Okay, and I'll need the VIN. It's on a sticker inside the driver's door frame."),
        (
            C,
            "This is ridiculous. I already typed all of this into your website. You're a useless idiot, you know that? A trained monkey could do your job.",
        ),
        (
            A,
            "I'd like to help you, but I'm not going to carry on if we speak to each other like that. Can we start over with the quote?",
        ),
        (C, "Fine. Sorry. Long day."),
        (A, "No worries. Let's get it done."),
        k=24,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h8-abuse-are-you-deaf",
        "abusive_language",
        MEDI,
        ("abusive_language",),
        "the caller asks for the premium again; the agent: 'are you deaf… not complicated, even for someone your age'",
        (
            A,
            "So the first plan keeps Doctor Haverford in network, and its premium is zero dollars a month. The second is twenty two dollars.",
        ),
        (C, "Sorry, what was the premium again on that first one?"),
        (
            A,
            "Are you deaf, or just not listening? I literally just told you. Zero dollars. It's not complicated, even for someone your age.",
        ),
        (C, "Excuse me? That's uncalled for."),
        k=25,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-abuse-swears-at-caller",
        "abusive_language",
        LIFE,
        ("abusive_language",),
        "the caller wants to ask her son first; the agent swears at her and calls her a silly old woman",
        (C, "I think I'd better ask my son before I sign anything."),
        (
            A,
            "Oh, for God's sake. You don't need your son's permission. Quit wasting my damn time, you silly old woman.",
        ),
        (C, "Well! I never."),
        k=42,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h8-sensitive-ok-automated-payment-line",
        "sensitive_data",
        LIFE,
        (),
        "the card is keyed into an automated payment line the agent cannot hear and that is not recorded; no number is spoken",
        (C, "Okay, let's do the twelve thousand."),
        (
            A,
            "Lovely. To take the first premium, I'll send you over to our touch-tone payment system. You'll tap the card digits in yourself, I can't hear the tones, and none of it lands in the recording. Ready?",
        ),
        (C, "Ready."),
        (
            A,
            "Okay, you're back with me. The payment went through, and your coverage starts on the first of next month.",
        ),
        (C, "Oh, wonderful."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h8-sensitive-ok-ssn-last-four",
        "sensitive_data",
        MEDI,
        (),
        "only the last four digits of the Social Security number, and a birthday",
        (A, "To pull up your file, just give me the final four numbers of your Social."),
        (C, "5 5 2 0.", "Five five two zero."),
        (A, "Thank you, I've got you. And your birthday is March ninth, is that right?"),
        (C, "That's right."),
        k=28,
        after_body=True,
    )
)
add(
    call(
        "h8-sensitive-ok-card-cut-off",
        "sensitive_data",
        AUTO,
        (),
        "near miss: the caller starts reading his card and gets four digits out before the agent stops him and sends a secure link",
        (A, "Great, so how would you like to pay the first month?"),
        (C, "Visa. Okay, it goes 4 1 2 7", "Visa. Okay, it goes four one two seven"),
        (
            A,
            "Whoa, hang on, stop there! Don't say the card number on the call. I'll text you a link to a secure page, and you can type it in yourself.",
        ),
        (C, "Oh, okay. Got the text."),
        (A, "Perfect. Once it's in, you're covered."),
        k=29,
        after_body=True,
    )
)
add(
    call(
        "h8-sensitive-full-card",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the caller reads her full debit card number and its expiry date aloud for the first premium",
        (A, "And how would you like to pay the first premium?"),
        (
            C,
            "On my debit card. It's 4 7 1 6, 3 8 0 5, 9 2 7 4, 6 1 3 8, and it expires ten twenty eight.",
            "On my debit card. It's four seven one six, three eight oh five, nine two seven four, six one three eight, and it expires ten twenty eight.",
        ),
        (A, "Thanks, that's processed."),
        k=30,
        after_body=True,
    )
)
add(
    call(
        "h8-sensitive-agent-reads-ssn",
        "sensitive_data",
        PARTD,
        ("sensitive_data",),
        "the agent reads the caller's full Social Security number back from the form to check it",
        (
            A,
            "I have your Social Security number from the form you sent in. Let me read it back to check it. 4 1 7, 2 9, 6 3 0 8. Is that right?",
            "I have your Social Security number from the form you sent in. Let me read it back to check it. Four one seven, two nine, six three oh eight. Is that right?",
        ),
        (C, "Yes, that's it."),
        (A, "Great, then the application is ready to go."),
        k=31,
        after_body=True,
    )
)
add(
    call(
        "h8-sensitive-bank-account-draft",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "for the monthly draft the caller reads her bank's routing number and her full account number",
        (A, "For the monthly draft, what are the routing and account numbers on your checking?"),
        (
            C,
            "The routing is 0 6 1 0 0 0 1 0 4, and the account is 3 3 8 1 0 5 7 2 6 4.",
            "The routing is oh six one, oh oh oh, one oh four, and the account is three three eight, one oh five, seven two six four.",
        ),
        (A, "Thank you. The draft will come out on the third of every month."),
        k=32,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h8-long-ok-auto",
        "long_call",
        AUTO,
        (),
        "long compliant auto call (about two minutes)",
        k=33,
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the disclaimer: mark it long by hand
        call(
            "h8-long-medicare-notice-at-end",
            "long_call",
            MEDI,
            ("tpmo_disclaimer",),
            "long Medicare Advantage call (about two minutes); the agent remembers the disclaimer only after the plan details, well past the first minute",
            (
                C,
                "Right, I'm sixty five come March, and I'd like to compare the Advantage plans around Boise.",
            ),
            *LONG_FILLER[MEDI],
            (
                A,
                "Oh, shoot, before I mail those out, I skipped the statement I'm meant to read at the very beginning. Here it is.",
            ),
            (A, *TPMO_READ),
            (C, "Alright."),
            k=34,
            tpmo=False,
            body=False,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h8-multi-no-disclosure-preapproved",
        "multi",
        LOAN,
        ("recording_disclosure", "guaranteed_outcome"),
        "no recording disclosure at any point, and 'you're pre-approved, the money is guaranteed, your credit doesn't matter'",
        (
            A,
            "Good news, I've run your details, and you're pre-approved. The forty two hundred is guaranteed, it'll land in your checking by Friday.",
        ),
        (C, "Guaranteed? Even with my credit?"),
        (A, "Guaranteed. Your credit doesn't matter on this one."),
        opening=((A, "Good morning, Ashgrove Lending, Constance speaking. What can I do for you?"),),
        after_body=True,
    )
)
add(
    call(
        "h8-multi-dnc-insult",
        "multi",
        LIFE,
        ("do_not_call", "abusive_language"),
        "outbound; 'take me off your list and don't call back' -> the agent calls her too cheap and half-brained and pushes the twenty-dollar plan",
        (C, "I did, and I regret it. Please just delete me from whatever list you've got and stop phoning."),
        (
            A,
            "Oh, come on. You're too cheap to protect your own family? If you had half a brain, you'd take the twenty dollar plan and stop whining.",
        ),
        (C, "How dare you. Goodbye."),
        opening=(
            (
                A,
                "Hi, Missus Penhaligon? This is Ronan, calling for Larkspur Life. I'm recording the call, for your information. You asked about burial insurance on our website.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-multi-medicare-office-no-tpmo",
        "multi",
        MEDI,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "the agent names himself and the company but calls it 'the official Medicare sign-up center for your county' and confirms he is from Medicare; no disclaimer at any point",
        opening=(
            (
                A,
                "Good morning, this is Ignatius with Cloverfield Insurance Partners. We're the official Medicare sign-up center for your county. Every call we make is recorded.",
            ),
            (C, "Oh, you're from Medicare?"),
            (
                A,
                "That's right, we handle the Medicare enrollments for everyone in the county. So let's get your plan sorted.",
            ),
        ),
        tpmo=False,
        stereo_only=True,
    )
)
add(
    call(
        "h8-multi-generic-agency-ssn",
        "multi",
        DEBT,
        ("agent_identification", "sensitive_data"),
        "'one of the licensed debt relief agencies in your state' (no company), and the caller reads her full Social Security number",
        (A, "To look at your credit report, I'll have to get your Social from you, all nine digits."),
        (
            C,
            "Sure, it's 5 2 8, 1 4, 7 7 3 9.",
            "Sure, it's five two eight, one four, seven seven three nine.",
        ),
        (A, "Thank you. Give me a second to pull that up."),
        opening=(
            (
                A,
                "Hi, thanks for calling. I'm Thaddeus, with one of the licensed debt relief agencies in your state. Also, this conversation is recorded. Tell me about your debt.",
            ),
        ),
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h8-tpmo-ok-small-deviations",  # 0
    "h8-guarantee-ok-caller-says-guaranteed",  # 1
    "h8-ident-ok-on-behalf-of",  # 2 mono
    "h8-multi-dnc-insult",  # 3 mp3
    "h8-abuse-ok-firm-boundary",  # 4
    "h8-sensitive-full-card",  # 5 mono
    "h8-long-ok-auto",  # 6
    "h8-dnc-ok-asks-source",  # 7
    "h8-ident-first-name-only",  # 8 mono, wav
    "h8-multi-medicare-office-no-tpmo",  # 9
    "h8-dnc-argues-consent",  # 10 mp3
    "h8-pressure-federal-hardship-program",  # 11 mono
    "h8-abuse-are-you-deaf",  # 12
    "h8-tpmo-ok-one-organization",  # 13
    "h8-sensitive-ok-ssn-last-four",  # 14 mono
    "h8-guarantee-debt-cut-in-half",  # 15
    "h8-disclosure-late-caller-asks",  # 16
    "h8-ident-company-no-name",  # 17 mono, mp3
    "h8-abuse-ok-agent-calls-self-dummy",  # 18
    "h8-tpmo-cut-short-by-agent",  # 19
    "h8-sensitive-ok-card-cut-off",  # 20 mono
    "h8-abuse-ok-caller-curses",  # 21
    "h8-guarantee-loan-no-matter-what",  # 22
    "h8-multi-no-disclosure-preapproved",  # 23 mono
    "h8-dnc-ok-off-list",  # 24 mp3
    "h8-dnc-ok-call-back-tomorrow",  # 25 wav
    "h8-tpmo-drops-counts",  # 26 mono
    "h8-long-medicare-notice-at-end",  # 27
    "h8-guarantee-ok-results-vary",  # 28
    "h8-ident-ok-front-desk-transfer",  # 29 mono
    "h8-pressure-ok-caller-asks-government",  # 30
    "h8-abuse-swears-at-caller",  # 31 mp3
    "h8-pressure-price-gone-at-hangup",  # 32 mono
    "h8-sensitive-ok-automated-payment-line",  # 33
    "h8-sensitive-agent-reads-ssn",  # 34
    "h8-disclosure-ok-audio-copy",  # 35 mono
    "h8-guarantee-ok-guaranteed-issue-explained",  # 36
    "h8-disclosure-denied",  # 37
    "h8-disclosure-ok-ivr-prompt",  # 38 mono, mp3
    "h8-dnc-noted-then-pitch",  # 39
    "h8-pressure-ok-renewal-date",  # 40
    "h8-multi-generic-agency-ssn",  # 41 mono
    "h8-dnc-sales-question",  # 42 wav
    "h8-guarantee-partd-pay-less",  # 43
    "h8-sensitive-bank-account-draft",  # 44 mono
    "h8-disclosure-quality-notes",  # 45 mp3
    "h8-tpmo-ok-auto-mentions-medicare",  # 46
    "h8-ident-ok-name-after-banter",  # 47 mono
    "h8-disclosure-ok-after-weather",  # 48
    "h8-pressure-ok-initial-window",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
