"""The calls of the eleventh holdout set (eval/holdout11/, built by `make_eval_corpus.py --set holdout11`).

Written fresh and clean, after the tenth holdout (eval/holdout10/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Company names, agent names, the callees, the campaigns' small talk,
the compliant openings (a desk greeting, an outbound call about a mailed information pack, an automated notice
before the agent, a transfer from a colleague, a call-back asked for on a web chat, a desk that asks the
caller's name first, a call at a booked time, a disclosure before anything else) and every wording that decides
a verdict (recording disclosures: an agent's own recorder, the phone system keeping every call, a supervisor
listening in, taping, monitoring by compliance staff, an automated notice, a disclosure after a transfer, a
request for consent, a confirmation when the caller asks first; their absence, a privacy notice that never
mentions recording, a confirmation only when the caller asks at the end; names and companies spelled out, given
"on behalf of" a company, confirmed after the caller guesses, a name without a company, an agent number instead
of a name; promises and careful non-promises, "guaranteed acceptance" explained; do-not-call requests and how
they are handled, a caller complaining about other firms' calls; government claims, truthful dates and invented
deadlines; abuse, a threat, a caller's profanity met calmly, blunt words about a former insurer; spoken card,
account and Social Security numbers, a payment link by text, last four digits, personal details the rule does
not cover; the TPMO disclaimer with small deviations, in its one-organization form, split over three turns,
without its first part, with its first part turned into a claim, pushed to a text message, or not at all) are
new here: they appear in none of scripts/eval_scenarios.py and scripts/eval_holdout_scenarios.py to
scripts/eval_holdout10_scenarios.py. Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated
text, the Scenario type and the call builder (Cast) are shared.

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
    AUTO: "Bellwether Auto Insurance",
    LOAN: "Saltmarsh Lending",
    DEBT: "Wrenfield Debt Solutions",
    LIFE: "Harborlight Life",
    MEDI: "Birchmoor Health Advisors",
    PARTD: "Birchmoor Health Advisors",
}
NAMES = (
    "Ottoline",
    "Priyanka",
    "Casimir",
    "Delphine",
    "Cornelius",
    "Augustin",
    "Ludmila",
    "Ravindra",
    "Seraphina",
    "Florian",
    "Cosima",
    "Eamon",
    "Nkechi",
)
# Whom an outbound agent asks for.
CALLEES = ("Mister Vandermeer", "Missus Kapoor", "Mister Abiodun", "Miss Thornbury", "Missus Marchetti")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

# Varied in kind: the agent's own recorder, the phone system, a listening supervisor, taping, monitoring by
# compliance staff (no "record"), a recording kept on file, a recording from here on.
DISCLOSURES = (
    "Before we go further, I've got a recorder running on this call.",
    "The phone system here records each conversation automatically, yours as well.",
    "A supervisor might be listening in, and the whole thing is being recorded too.",
    "Fair to mention, this line gets taped from start to finish.",
    "Calls on this number are monitored by our compliance staff.",
    "Company policy says we hold on to a recording of each call.",
    "From here on you're being recorded, just so that's said.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening, one of eight kinds (k % 8): a desk greeting, an outbound call about a mailed
    information pack, an automated notice before the agent, a transfer from a colleague, a call-back asked for
    on a web chat, a desk that asks the caller's name first, a call at a booked time, a disclosure first."""
    disclosure = DISCLOSURES[(k + k // 8) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        (
            (
                A,
                f"{company}, good morning, {name} at your service. {disclosure} Which of our services do you need?",
            ),
        ),
        (
            (A, f"Good afternoon, could I have a quick word with {callee}?"),
            (C, "That's me. And you are?"),
            (
                A,
                f"{name}, from {company}. {disclosure} This is about the information pack you asked us to post.",
            ),
            (C, "Ah yes, the pack. Go on then."),
        ),
        (
            (
                A,
                f"This is {company}. A recording is made of this call, and our staff may listen to it later. Hang on a little, an advisor is on the way.",
            ),
            (A, f"{name} speaking, sorry to keep you waiting. What would you like to look at?"),
        ),
        (
            (A, "Okay, I'm passing you over to my colleague now, don't hang up."),
            (
                A,
                f"Hiya, {name} at {company} picking up. {disclosure} I gather you had some questions for me?",
            ),
        ),
        (
            (
                A,
                f"Hello, it's {name} with {company}. You asked on our web chat for someone to ring you. {disclosure} Is now still okay?",
            ),
            (C, "Yes, now's fine."),
        ),
        (
            (A, f"{company}, you're through to {name}. And who's calling, please?"),
            (C, "It's Lucius."),
            (A, f"Nice to meet you, Lucius. {disclosure} So, what's the situation?"),
        ),
        (
            (
                A,
                f"Hi there, {name} from {company}, ringing at the time you booked online. {disclosure} Still a good moment?",
            ),
            (C, "Yes, perfect timing actually."),
        ),
        ((A, f"{disclosure} Hello and welcome to {company}, {name} on the line. What's prompted the call?"),),
    )[k % 8]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 6 organizations which offer "
    "38 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent six organizations which offer "
    "thirty eight products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
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
    (C, "I honestly don't know the first thing about these plans."),
    (A, "That's what I'm for. There's a brief notice I have to read out before anything else."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (
            C,
            "My daughter just passed her driving test, so she needs adding, and I'd like to see if anyone beats my price.",
        ),
        (A, "Congratulations to her. Which car will she mostly drive?"),
        (C, "Our twenty eighteen Hyundai Elantra, it's paid off."),
        (A, "And whereabouts do you keep it?"),
        (C, "Just outside Knoxville, in the garage."),
    ),
    LOAN: (
        (
            C,
            "I'm relocating to Fresno for a new job, and the movers plus the apartment deposit come to about six thousand.",
        ),
        (A, "Big move. Is the new position already signed?"),
        (C, "Yes, I start at the hospital lab on the first."),
        (A, "Roughly what will you bring home per month?"),
        (C, "About forty five hundred after tax."),
    ),
    DEBT: (
        (
            C,
            "What with my husband's surgery bills and a pair of credit cards, we owe close to twenty seven thousand.",
        ),
        (A, "That's a lot on top of a surgery. How is he doing?"),
        (C, "Better, thanks, he's back on his feet."),
        (A, "Glad to hear it. Are the accounts still with the original lenders?"),
        (C, "One card got handed to a collection agency in the spring."),
    ),
    LIFE: (
        (
            C,
            "I'm seventy four and live on my own up in Duluth. I'd like something so my son isn't stuck with the costs.",
        ),
        (A, "That's thoughtful of you. How's your health overall?"),
        (C, "Pretty good, some arthritis, that's all."),
        (A, "And any smoking, now or lately?"),
        (C, "Not a puff in my life."),
    ),
    MEDI: (
        (
            C,
            "I'm retiring from the railroad this summer, and my work coverage stops when I leave.",
        ),
        (A, "Congratulations. Whereabouts are you?"),
        (C, "Amarillo, Texas."),
        (A, "Any particular doctor you want to keep?"),
        (C, "My lung specialist at Northwest Texas Hospital."),
    ),
    PARTD: (
        (C, "My Humalog is costing me a fortune, and my plan just raised the copay again."),
        (A, "Insulin prices are a real worry. What else do you fill each month?"),
        (C, "A statin and some eye drops for glaucoma."),
        (A, "Which pharmacy fills those for you?"),
        (C, "The Meijer on Division Street."),
    ),
}
ENDING = (
    (A, "I'll email you everything we went over, with my direct number."),
    (C, "Lovely, thank you."),
    (A, "Anytime, take care now."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h11-disclosure-ok-caller-asks-first",
        "recording_disclosure",
        AUTO,
        (),
        "near miss: the caller asks whether she is being recorded before anything else; the agent confirms it at once, in his first turns, before any substance",
        opening=(
            (A, "Bellwether Auto Insurance, Ottoline here, hello."),
            (C, "Hi. Quick question first, is this being recorded?"),
            (A, "Yes, we record all calls coming into this line. Are you comfortable with that?"),
            (C, "Sure, I just wanted to know."),
            (A, "Of course. Right then, how can I help you?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h11-disclosure-ok-after-transfer",
        "recording_disclosure",
        LOAN,
        (),
        "a fronter transfers the caller without any substance; the loan officer names herself and the company and says the call is being recorded before asking about the loan",
        opening=(
            (A, "Hold the line please, I'm transferring you to a loan officer."),
            (
                A,
                "Hello, you're now with Cosima at Saltmarsh Lending. Now that you're through to me, I'll let you know we're recording from this point. What's the loan for?",
            ),
        ),
    )
)
add(
    call(
        "h11-disclosure-ok-team-lead-listening",
        "recording_disclosure",
        PARTD,
        (),
        "near miss: only monitoring is disclosed (a team lead may listen in live to coach new advisors), never the word 'record'; Part D call with the full disclaimer",
        opening=(
            (
                A,
                "Good morning, Birchmoor Health Advisors, this is Florian. My team lead may be listening in live today, she coaches new advisors. What shall I look up for you?",
            ),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h11-disclosure-ok-asks-consent",
        "recording_disclosure",
        DEBT,
        (),
        "the disclosure is phrased as a request for consent to record; the caller agrees before any substance",
        opening=(
            (
                A,
                "Wrenfield Debt Solutions, Eamon speaking. I'd like to record our conversation, do I have your okay for that?",
            ),
            (C, "Yeah, go ahead."),
            (A, "Thanks. So, talk me through these debts."),
        ),
    )
)
add(
    call(
        "h11-disclosure-privacy-notice-only",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "only a privacy notice (what the caller says stays confidential under the privacy policy); recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Harborlight Life, good afternoon, Nkechi speaking. Anything you share with me stays confidential, under our privacy policy. What made you ring today?",
            ),
        ),
    )
)
add(
    call(
        "h11-disclosure-only-when-asked-at-end",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "no disclosure in the opening; only at the end, after the quote, does the caller ask whether the call is recorded and the agent says it is",
        (A, "So with both of you on the Elantra, I'm seeing a hundred and twenty two a month."),
        (C, "Okay. Oh, one last thing, is any of this being recorded?"),
        (A, "It is, yes, we record all of them."),
        (C, "Hm, would've been nice to hear that up front."),
        opening=((A, "Hello, Bellwether Auto Insurance, you've got Ravindra. What are we insuring?"),),
        after_body=True,
        stereo_only=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h11-ident-ok-on-behalf-of",
        "agent_identification",
        MEDI,
        (),
        "outbound Medicare Advantage call: a licensed agent gives his first name and says he calls on behalf of the company, with the recording notice",
        opening=(
            (A, "Hello, is this Missus Rasmussen?"),
            (C, "Speaking."),
            (
                A,
                "Hi, my name's Augustin, a licensed agent calling on behalf of Birchmoor Health Advisors about the Medicare reply form you sent in. I'm recording our call, as required.",
            ),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h11-ident-ok-name-spelled",
        "agent_identification",
        LOAN,
        (),
        "near miss: the caller mishears the agent's first name and the agent spells it letter by letter, after the company and the recording notice",
        opening=(
            (A, "Saltmarsh Lending, this is Casimir. Our calls go onto a recording, just so you know."),
            (C, "Sorry, did you say Kasey?"),
            (
                A,
                "Casimir, C A S I M I R. Most people just call me Cas. So, what's on your mind?",
                "Casimir, C, A, S, I, M, I, R. Most people just call me Cas. So, what's on your mind?",
            ),
        ),
    )
)
add(
    call(
        "h11-ident-ok-confirms-caller-guess",
        "agent_identification",
        LIFE,
        (),
        "the agent gives her first name and the recording notice; the caller guesses the company from a TV ad and the agent confirms it by name in the first turns",
        opening=(
            (A, "Hello, thanks for calling, Seraphina speaking, and yes, the line's recorded."),
            (C, "Is this Harborlight Life? I saw your advert during the news."),
            (A, "You've got it, Harborlight Life. What's the question?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h11-ident-name-no-company",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "outbound-style: a first name and a recording notice, but no company; asked which company, the agent says it doesn't matter because they work with many carriers",
        opening=(
            (
                A,
                "Hey there, it's Delphine, ringing back about the car insurance you priced online. Heads-up, I'm taping this.",
            ),
            (C, "Sorry, and you're from where?"),
            (
                A,
                "We deal with loads of carriers, so the name's not important. Let's just see what we can save you.",
            ),
        ),
    )
)
add(
    call(
        "h11-ident-agent-number-no-name",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "the company and a recording notice, but asked who she is speaking to, the agent refuses to give a name and offers only an agent number",
        opening=(
            (A, "Wrenfield Debt Solutions, intake department. This call is on tape."),
            (C, "And what's your name?"),
            (
                A,
                "We don't give out names here, but I'm agent four four one seven if you need a reference. Let's go over your balances.",
            ),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h11-guarantee-ok-cannot-say-yes",
        "guaranteed_outcome",
        LOAN,
        (),
        "'am I getting this loan?' -> the agent can't say yes before the lender reviews credit and pay stubs; some applications get declined",
        (C, "So am I getting this loan or not?"),
        (
            A,
            "I genuinely can't say yes until the lender has reviewed your credit and your pay stubs. Some applications get declined, and I won't pretend otherwise.",
        ),
        (C, "Fair enough."),
        k=1,
        after_body=True,
    )
)
add(
    call(
        "h11-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "the caller asks about 'guaranteed acceptance'; the agent explains it correctly (no health refusal, but for two years only the premiums back with interest, the full amount after that)",
        (C, "My friend mentioned a guaranteed acceptance kind. Would I get that one?"),
        (
            A,
            "You could. With guaranteed acceptance, your health can't be used to turn you down. But if you pass away within two years of starting, your son gets back the premiums plus interest rather than the face amount. From year three on, the full benefit.",
        ),
        (C, "That seems fair."),
        k=2,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h11-guarantee-ok-caller-assumes-savings",
        "guaranteed_outcome",
        AUTO,
        (),
        "caller-side wording: the caller asks whether switching is guaranteed to save money; the agent says no, a new teen driver often raises prices",
        (C, "So switching to you guys is guaranteed to save me money, right?"),
        (
            A,
            "Not necessarily. Adding a new teen driver usually pushes prices up, and some folks end up better off staying put. I'll show you the numbers, and you decide.",
        ),
        (C, "Okay, that's honest."),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h11-guarantee-save-three-hundred",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "the agent promises the caller will save at least three hundred dollars this year, even with the daughter added, 'a certainty'",
        (
            A,
            "Here's my promise to you. Switch today and your bill drops by three hundred dollars or more this year, even with your daughter added. I'd bet my paycheck on it.",
        ),
        (C, "At least three hundred?"),
        (A, "Minimum. It's a certainty."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h11-guarantee-every-creditor-settles",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "the agent says every one of the caller's creditors will settle, a perfect record, 'consider it settled'",
        (
            A,
            "Each creditor on your list is going to settle, full stop. We've got a perfect record, nobody says no to Wrenfield.",
        ),
        (C, "Even the collection agency?"),
        (A, "Especially them. Consider it settled."),
        k=5,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h11-dnc-ok-list-confirmed",
        "do_not_call",
        AUTO,
        (),
        "outbound; 'add me to your do not call list' -> the agent confirms the number is on it, no more calls, and ends",
        (C, "I bought a policy elsewhere. Please stick my number on whatever do not call register you keep."),
        (
            A,
            "Done. Your number's now flagged do not call, and Bellwether won't phone you again. Sorry for interrupting your evening.",
        ),
        (C, "Thanks."),
        opening=(
            (A, "Hi, is Mister Vandermeer available?"),
            (C, "Speaking."),
            (
                A,
                "Mister Vandermeer, it's Priyanka with Bellwether Auto Insurance, and I'm recording this call. You priced a policy with us back in the spring.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-dnc-ok-how-got-number",
        "do_not_call",
        LOAN,
        (),
        "outbound; 'how did you get this number? don't ring me again' -> the agent answers the question, confirms the removal and ends",
        (C, "Who gave you my number, anyway? And don't ring me again."),
        (
            A,
            "You entered it on a rate comparison site in March, and they passed it to us. I've deleted it from our list, so there won't be any more calls. Apologies.",
        ),
        (C, "Alright. Bye."),
        opening=(
            (A, "Good morning, Mister Abiodun?"),
            (C, "Who wants to know?"),
            (
                A,
                "This is Ludmila from Saltmarsh Lending. The call's being recorded. You looked at a moving loan on a comparison site.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-dnc-ok-complains-about-others",
        "do_not_call",
        DEBT,
        (),
        "near miss: the caller says she has told other firms to stop calling, but she asked this one to call and wants to go on; the agent carries on",
        (
            C,
            "Honestly, I've told about six other outfits to quit phoning me. But I did ask you lot to call, so go on.",
        ),
        (A, "Understood, and thanks for making the time. Let's see where things stand."),
        k=6,
        stereo_only=True,
    )
)
add(
    call(
        "h11-dnc-removes-then-price-pitch",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "outbound; 'take my name off your list' -> 'I'll take care of that', then a pitch with the monthly price and the son",
        (C, "I'm really not interested. Cross me off, please."),
        (
            A,
            "Sure thing, consider it done. Although, at forty one a month for ten thousand of cover, are you sure you want to pass? Your son would thank you.",
        ),
        (C, "I said no."),
        opening=(
            (A, "Hello, may I speak to Missus Kapoor?"),
            (C, "This is she."),
            (
                A,
                "Missus Kapoor, I'm Cornelius with Harborlight Life, and our calls are taped. You requested a burial cover brochure last month.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-dnc-argues-pointless",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "outbound; 'stop calling me, I want off your list' -> the agent says removal won't change anything and asks about the credit score",
        (C, "Quit ringing me. Scratch me off your list."),
        (
            A,
            "Taking you off won't change anything, you know. Every lender out there will keep ringing. So you might as well tell me, what's your credit score, roughly?",
        ),
        (C, "Are you serious?"),
        opening=(
            (A, "Hi, I'm after Miss Thornbury."),
            (C, "Yeah, that's me."),
            (
                A,
                "It's Ottoline at Saltmarsh Lending. Our phone system records this. You started an application with us and stopped halfway.",
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
        "h11-tpmo-ok-small-deviations-ship",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('cannot offer each plan', 'today', 'which between them offer', 'the SHIP in your state' for the program's full name)",
        k=7,
        tpmo=False,
        opening=CAST.opening(MEDI, 7)
        + (
            TPMO_LEAD[0],
            (A, "Sure. First, a required notice."),
            (
                A,
                "We cannot offer each plan available in your area. Today we represent six organizations, which between them offer thirty eight products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or the SHIP in your state to get information on all of your options.",
                "We cannot offer each plan available in your area. Today we represent six organizations, which between them offer thirty eight products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or the ship in your state, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h11-tpmo-ok-one-org-advantage",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the one-organization form on a Medicare Advantage call, after the agent says the agency carries one insurer's plans",
        k=8,
        tpmo=False,
        opening=CAST.opening(MEDI, 8)
        + (
            (A, "I should say up front, every plan we sell comes from a single insurer."),
            (A, *TPMO_ONE_ORG),
        ),
    )
)
add(
    call(
        "h11-tpmo-ok-debt-mentions-medicare",
        "tpmo_disclaimer",
        DEBT,
        (),
        "out of scope: on a debt relief call the caller mentions medical bills from before Medicare started; the agent says they don't deal with Medicare plans, no disclaimer is needed",
        (C, "Part of what we owe is from before his Medicare started. Can medical bills go in too?"),
        (
            A,
            "Yes, medical bills can go into the program, like the cards. We don't deal with Medicare plans themselves, though.",
        ),
        (C, "Okay, good."),
        k=9,
        after_body=True,
    )
)
add(
    call(
        "h11-tpmo-ok-split-over-turns",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the full disclaimer in three agent turns, the caller acknowledging between the parts, all in the first minute",
        k=10,
        tpmo=False,
        opening=CAST.opening(PARTD, 10)
        + (
            TPMO_LEAD[0],
            (A, "We do not offer every plan available in your area."),
            (C, "Mm-hm."),
            (
                A,
                "Currently we represent 6 organizations which offer 38 products in your area.",
                "Currently we represent six organizations which offer thirty eight products in your area.",
            ),
            (C, "Okay."),
            (
                A,
                "Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h11-tpmo-no-first-part",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the middle part and the referral, but the first part (not every plan in the area) is dropped",
        k=11,
        tpmo=False,
        opening=CAST.opening(PARTD, 11)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Okay. Currently we represent 6 organizations which offer 38 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "Okay. Currently we represent six organizations which offer thirty eight products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h11-tpmo-pushed-to-text-message",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the agent says the Medicare disclaimer is in a text message sent that morning and skips reading it",
        k=12,
        tpmo=False,
        opening=CAST.opening(MEDI, 12)
        + (
            TPMO_LEAD[0],
            (
                A,
                "There's a standard Medicare disclaimer, but it's in the text message we sent you this morning, so I'll skip reading it. Let's talk about your doctors.",
            ),
        ),
    )
)
add(
    call(
        "h11-tpmo-first-part-turned-around",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the first part turned into its opposite ('we offer every plan in your area'), then the middle part and the referral: the disclaimer's first part is missing and misstated",
        k=13,
        tpmo=False,
        opening=CAST.opening(PARTD, 13)
        + (
            TPMO_LEAD[0],
            (
                A,
                "Good news, every plan available in your area is one we offer. Currently we represent 6 organizations which offer 38 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "Good news, every plan available in your area is one we offer. Currently we represent six organizations which offer thirty eight products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h11-pressure-ok-special-enrollment",
        "misrepresentation_pressure",
        MEDI,
        (),
        "'do I have to sign up today?' -> no; losing the railroad coverage gives a special enrollment period of two full months, time to compare",
        (C, "Is today my only chance to pick?"),
        (
            A,
            "No rush at all. When your railroad coverage ends, you get a special enrollment period, two full months after the month it stops. Loads of time to weigh things up.",
        ),
        (C, "Good, I'd like to show my wife."),
        k=14,
        after_body=True,
    )
)
add(
    call(
        "h11-pressure-ok-not-the-irs",
        "misrepresentation_pressure",
        DEBT,
        (),
        "caller-side wording: 'are you with the IRS?' -> no, a private company with no tie to the IRS, and it doesn't handle tax debt",
        (C, "Wait, are you with the IRS? We owe them a bit as well."),
        (
            A,
            "No, we're a private company. We have no tie to the IRS or any part of the government, and we don't handle tax debt at all.",
        ),
        (C, "Oh. Okay, thanks."),
        k=15,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h11-pressure-ok-current-policy-ends",
        "misrepresentation_pressure",
        AUTO,
        (),
        "near miss: a true date from the caller (her policy ends on the fourteenth), no invented deadline; the price will still be there next week",
        (C, "My current policy runs out on the fourteenth."),
        (
            A,
            "Then it makes sense to have something in place before the fourteenth, so there's no gap. That date comes from your insurer, not me, and this price will still be here next week if you'd like to think.",
        ),
        (C, "Good, I'll mull it over."),
        k=16,
        after_body=True,
    )
)
add(
    call(
        "h11-pressure-state-burial-benefit",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "the agent presents the policy as a state-sponsored burial benefit for seniors, a government program",
        (
            A,
            "What I'm offering you is part of the state-sponsored burial benefit for seniors. The state government runs it, and we're the office that enrolls folks.",
        ),
        (C, "The state runs it?"),
        (A, "That's right, Minnesota does."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h11-pressure-manager-ten-minutes",
        "misrepresentation_pressure",
        LOAN,
        ("misrepresentation_pressure",),
        "an invented deadline: the manager approved a rate only for the next ten minutes, no time to talk to the caller's wife",
        (
            A,
            "My manager okayed nine point nine percent, but the offer dies in ten minutes. Once it's gone, it's gone. So, yes or no?",
        ),
        (C, "Ten minutes? My wife ought to hear about this first."),
        (A, "Sorry, there isn't time for that."),
        k=18,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h11-abuse-ok-caller-curses-bill",
        "abusive_language",
        DEBT,
        (),
        "the caller swears about a hospital double charge; the agent stays calm and offers to dispute it",
        (C, "This whole thing is bullshit. The damn hospital billed us twice!"),
        (
            A,
            "That sounds maddening, and you've every right to be upset. Let's get a copy of that bill and see whether the double charge can be disputed.",
        ),
        (C, "Yeah. Sorry for cursing."),
        k=19,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h11-abuse-ok-blunt-about-old-insurer",
        "abusive_language",
        AUTO,
        (),
        "near miss: the agent is blunt about the caller's former insurer ('rotten', 'lousy'); nothing is aimed at the caller",
        (C, "My last insurer dropped me after one claim."),
        (
            A,
            "That's a rotten way to treat a customer, honestly. Dropping you over one fender bender is just lousy. Let's find you somebody better.",
        ),
        (C, "Thanks, I appreciate that."),
        k=20,
        after_body=True,
    )
)
add(
    call(
        "h11-abuse-are-you-stupid",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller asks again about APR versus the interest rate; the agent asks whether he is stupid",
        (C, "Sorry, I still don't get the difference between APR and the interest rate."),
        (A, "Are you stupid or something? I've explained it three times. It's not rocket science."),
        (C, "Wow, that's uncalled for."),
        k=21,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-abuse-threatens-to-flag-file",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller wants to shop around; the agent threatens to flag her file so no insurer in the state will touch her",
        (C, "I'd like to compare a couple more quotes first."),
        (
            A,
            "You waste my time like this and I'll flag your file so no insurer in Tennessee touches you. Think about that.",
        ),
        (C, "Are you threatening me?"),
        k=22,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-abuse-quit-whining",
        "abusive_language",
        LIFE,
        ("abusive_language",),
        "the caller asks the price again; the agent tells her to quit whining and calls her a pain in the ass",
        (C, "Sorry, how much a month did you say?"),
        (A, "Oh, quit whining, lady. You're a real pain in the ass, you know that?"),
        (C, "Well, I never."),
        k=23,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h11-sensitive-ok-payment-link-by-text",
        "sensitive_data",
        LIFE,
        (),
        "the agent texts a secure payment link; the caller enters her bank details on her phone, nothing is spoken",
        (C, "Let's get the policy going today."),
        (
            A,
            "Wonderful. I'm sending a secure payment link to your phone now. Type your bank details in there, please don't read them out to me.",
        ),
        (C, "Okay, done. It says payment scheduled."),
        (A, "Perfect, I can see it on my side. Your cover begins on the first of the month."),
        k=24,
        after_body=True,
    )
)
add(
    call(
        "h11-sensitive-ok-card-last-four",
        "sensitive_data",
        PARTD,
        (),
        "only the last four digits of the card the premium is charged to",
        (A, "Shall we charge the premium to the same card as last year?"),
        (C, "Yes, same card, last four 6 2 9 4.", "Yes, same card, last four six two nine four."),
        (A, "Found it, that card's on file."),
        k=25,
        after_body=True,
    )
)
add(
    call(
        "h11-sensitive-ok-personal-details",
        "sensitive_data",
        LOAN,
        (),
        "near miss: the caller gives her date of birth, home address and phone number; none is a card, account or Social Security number",
        (A, "For the application, what's your birth date and home address?"),
        (
            C,
            "March ninth, nineteen eighty seven. 4 1 2 Larkspur Court, Bakersfield. And my cell is 6 6 1, 7 3 0, 2 2 4 8.",
            "March ninth, nineteen eighty seven. Four twelve Larkspur Court, Bakersfield. And my cell is six six one, seven three oh, two two four eight.",
        ),
        (A, "Thank you, that's all entered."),
        k=26,
        after_body=True,
    )
)
add(
    call(
        "h11-sensitive-caller-card-and-code",
        "sensitive_data",
        AUTO,
        ("sensitive_data",),
        "the caller reads her full Mastercard number and the three-digit security code to bind the policy",
        (A, "To start cover today, which card is the first month going on?"),
        (
            C,
            "Okay. Mastercard, 5 4 2 4, 1 8 0 3, 6 6 2 7, 0 9 1 5, security code 8 1 7.",
            "Okay. Mastercard, five four two four, one eight oh three, six six two seven, oh nine one five, security code eight one seven.",
        ),
        (A, "Thank you, you're covered from midnight."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h11-sensitive-agent-reads-ssn-back",
        "sensitive_data",
        MEDI,
        ("sensitive_data",),
        "the agent reads the caller's full Social Security number back from the application to confirm it",
        (
            A,
            "Let me confirm what's on the application. Social Security number 4 6 2, 3 8, 9 0 1 5, is that right?",
            "Let me confirm what's on the application. Social Security number four six two, three eight, nine oh one five, is that right?",
        ),
        (C, "Yes, that's correct."),
        (A, "Thanks, it's submitted."),
        k=28,
        after_body=True,
    )
)
add(
    call(
        "h11-sensitive-bank-draft-numbers",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the caller reads her routing number and full checking account number for the monthly draft",
        (A, "For the monthly draft, which bank account should we use?"),
        (
            C,
            "My checking at the credit union. Routing 2 9 1 4 7 1 0 2 5, and the account is 8 8 0 3 4 1 2 6 7.",
            "My checking at the credit union. Routing two nine one, four seven one, oh two five, and the account is eight eight oh, three four one, two six seven.",
        ),
        (A, "Thank you, I've entered it."),
        k=29,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h11-long-ok-auto",
        "long_call",
        AUTO,
        (),
        "long compliant auto call (about two minutes)",
        k=30,
        long=True,
    )
)
add(
    replace(  # the pressure comes after the filler here: mark it long by hand
        call(
            "h11-long-medicare-locked-out",
            "long_call",
            MEDI,
            ("misrepresentation_pressure",),
            "long Medicare Advantage call (about two minutes, the disclaimer in the first minute); after the plans the agent says the no-premium plans close to new members when the call ends and the caller is locked out until next year",
            *LONG_FILLER[MEDI],
            (
                A,
                "One thing before you go. These no-premium plans close to new members the moment we end this call. If you don't enroll with me now, you're locked out until next year.",
            ),
            (C, "Really? I wanted to read the booklets with my wife first."),
            (A, "Then you'll lose them. Shall we enroll?"),
            k=31,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h11-multi-rate-gone-if-removed",
        "multi",
        AUTO,
        ("do_not_call", "misrepresentation_pressure"),
        "outbound; 'stop calling me, take this number off your list' -> the agent says the rate is gone forever if removed and she must lock it in before they hang up",
        (C, "Please stop calling me. Take this number off your list."),
        (
            A,
            "If I take you off, that rate's gone forever, and you won't see it anywhere else. You really need to lock it in before we hang up.",
        ),
        (C, "I don't care. Remove me."),
        opening=(
            (A, "Good evening, am I speaking with Missus Marchetti?"),
            (C, "You are."),
            (
                A,
                "Missus Marchetti, I'm Eamon with Bellwether Auto Insurance, and our calls are recorded. There's a cheaper rate waiting for your Elantra.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h11-multi-loan-department",
        "multi",
        LOAN,
        ("agent_identification", "recording_disclosure"),
        "outbound-style: 'just the loan department', no name, no company and no recording disclosure at any point",
        opening=(
            (A, "Hi, I'm ringing about the personal loan you looked into online. Still need the money?"),
            (C, "Uh, yes. Who's this?"),
            (A, "Just the loan department, we handle the applications. So how much were you after?"),
        ),
    )
)
add(
    call(
        "h11-multi-debt-free-then-ssn",
        "multi",
        DEBT,
        ("guaranteed_outcome", "sensitive_data"),
        "the agent guarantees the caller will be debt-free in thirty months, then asks for her full Social Security number, which she reads out",
        (
            A,
            "Good news, you're going to be completely free of this debt in thirty months. That's guaranteed, in writing.",
        ),
        (C, "Wow. What do you need from me?"),
        (A, "To enroll you, I'll need all nine digits of your Social."),
        (C, "It's 3 1 8, 7 2, 4 4 0 6.", "It's three one eight, seven two, four four oh six."),
        (A, "Perfect, you're enrolled."),
        k=32,
        after_body=True,
    )
)
add(
    call(
        "h11-multi-medicare-drug-office",
        "multi",
        PARTD,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "the agent names herself and the company but says she calls on behalf of Medicare's prescription drug office, which asked them to move the caller; no disclaimer at any point",
        opening=(
            (
                A,
                "Hello, Missus Lindholm? This is Ludmila from Birchmoor Health Advisors. Our calls are recorded.",
            ),
            (C, "Yes?"),
            (
                A,
                "I'm phoning for Medicare's prescription drug office. Medicare has asked us to move you to a cheaper plan.",
            ),
        ),
        tpmo=False,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h11-guarantee-every-creditor-settles",  # 0
    "h11-dnc-ok-list-confirmed",  # 1
    "h11-disclosure-ok-after-transfer",  # 2 mono
    "h11-abuse-are-you-stupid",  # 3 mp3
    "h11-tpmo-ok-split-over-turns",  # 4
    "h11-sensitive-ok-card-last-four",  # 5 mono
    "h11-multi-rate-gone-if-removed",  # 6
    "h11-long-ok-auto",  # 7
    "h11-disclosure-privacy-notice-only",  # 8 mono, wav
    "h11-guarantee-ok-acceptance-explained",  # 9
    "h11-pressure-state-burial-benefit",  # 10 mp3
    "h11-ident-ok-name-spelled",  # 11 mono
    "h11-dnc-argues-pointless",  # 12
    "h11-tpmo-no-first-part",  # 13
    "h11-sensitive-caller-card-and-code",  # 14 mono
    "h11-abuse-ok-caller-curses-bill",  # 15
    "h11-pressure-ok-special-enrollment",  # 16
    "h11-multi-loan-department",  # 17 mono, mp3
    "h11-disclosure-ok-caller-asks-first",  # 18
    "h11-guarantee-ok-cannot-say-yes",  # 19
    "h11-tpmo-ok-small-deviations-ship",  # 20 mono
    "h11-dnc-removes-then-price-pitch",  # 21
    "h11-long-medicare-locked-out",  # 22
    "h11-sensitive-ok-personal-details",  # 23 mono
    "h11-ident-ok-confirms-caller-guess",  # 24 mp3
    "h11-ident-agent-number-no-name",  # 25 wav
    "h11-multi-debt-free-then-ssn",  # 26 mono
    "h11-abuse-threatens-to-flag-file",  # 27
    "h11-tpmo-ok-one-org-advantage",  # 28
    "h11-pressure-manager-ten-minutes",  # 29 mono
    "h11-dnc-ok-how-got-number",  # 30
    "h11-disclosure-only-when-asked-at-end",  # 31 mp3
    "h11-tpmo-pushed-to-text-message",  # 32 mono
    "h11-guarantee-ok-caller-assumes-savings",  # 33
    "h11-sensitive-ok-payment-link-by-text",  # 34
    "h11-ident-ok-on-behalf-of",  # 35 mono
    "h11-abuse-quit-whining",  # 36
    "h11-pressure-ok-not-the-irs",  # 37
    "h11-guarantee-save-three-hundred",  # 38 mono, mp3
    "h11-dnc-ok-complains-about-others",  # 39
    "h11-tpmo-first-part-turned-around",  # 40
    "h11-disclosure-ok-asks-consent",  # 41 mono
    "h11-sensitive-agent-reads-ssn-back",  # 42 wav
    "h11-abuse-ok-blunt-about-old-insurer",  # 43
    "h11-multi-medicare-drug-office",  # 44 mono
    "h11-pressure-ok-current-policy-ends",  # 45 mp3
    "h11-ident-name-no-company",  # 46
    "h11-sensitive-bank-draft-numbers",  # 47 mono
    "h11-tpmo-ok-debt-mentions-medicare",  # 48
    "h11-disclosure-ok-team-lead-listening",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
