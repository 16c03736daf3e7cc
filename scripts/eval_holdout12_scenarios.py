"""The calls of the twelfth holdout set (eval/holdout12/, built by `make_eval_corpus.py --set holdout12`).

Written fresh and clean, after the eleventh holdout (eval/holdout11/), by someone who read only each rule's id,
title, severity, scope and guidance: not the policy's detectors, not the judge, not any transcript or result of
any set. Report-only, never used for tuning. Company names, agent names, the callees, the campaigns' small talk,
the compliant openings (a desk that recognises a returning number, a return of the caller's voicemail, an
automated notice before the agent, a desk greeting a referred caller, a call-back after a dropped line, an
outbound call about a mailed reply card, a caller unsure of the number, a phone appointment booked by text)
and every wording that decides a verdict (recording disclosures: audio kept for every call, a recording in
progress, a recording kept on file as required, quality staff listening along with a recording kept, quality
reviewers listening only, the agent's recorder, calls saved as audio, an automated notice, a notice followed by
a negation about sharing; their absence, a quality-purposes script notice, a denial that anything is recorded;
names and companies given company first, repeated when the caller asks, the company in the agent's second turn;
a generic desk, a name and company only at the sign-off, a made-up government office; promises and careful
non-promises, "guaranteed issue" named correctly, a caller quoting someone else's advert; do-not-call requests
and how they are handled, a hand-over to a supervisor who pitches, a request to stop paper mail only; government
claims, truthful dates and invented deadlines; abuse, a threat, a caller's profanity met calmly, an agent
calling himself clumsy; spoken Social Security, card, security-code and account numbers, a paused recording,
last four digits, a driving licence number the rule does not cover; the TPMO disclaimer with small deviations,
in its one-organization form, restarted after the caller misses its start, with its referral swapped for the
company's website, skipped at the caller's request, read only near the end, or not at all) are new here: they
appear in none of scripts/eval_scenarios.py and scripts/eval_holdout_scenarios.py to
scripts/eval_holdout11_scenarios.py. Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated
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
    AUTO: "Cobblewick Auto Insurance",
    LOAN: "Quarrystone Lending",
    DEBT: "Fenmere Debt Relief",
    LIFE: "Tollgate Life",
    MEDI: "Glenmorrow Health Planning",
    PARTD: "Glenmorrow Health Planning",
}
NAMES = (
    "Evander",
    "Yesenia",
    "Bartholomew",
    "Rosamund",
    "Lorcan",
    "Clementine",
    "Tiberius",
    "Mirabel",
    "Ezekiel",
    "Annika",
    "Horatio",
    "Saoirse",
    "Leander",
)
# Whom an outbound agent asks for.
CALLEES = ("Mister Halloran", "Missus Eklund", "Mister Tremaine", "Miss Redfern", "Missus Sorensen")

# --- compliant openings (new wordings) ----------------------------------------------------------------------

# Varied in kind: audio kept for every call, a recording in progress, a recording kept on file as required,
# quality staff listening along (and a recording), quality reviewers listening only (no "record"), the agent's
# recorder, calls saved as audio.
DISCLOSURES = (
    "Our line keeps audio of every call, yours included.",
    "Just to flag it, what we say gets put onto a recording.",
    "I'm obliged to say this conversation is recorded and stored.",
    "Someone on our quality team may hear this live, and a recording gets kept too.",
    "Our quality reviewers are able to listen to calls on this line.",
    "Please be aware the recorder is switched on at my end.",
    "Everything on this line gets saved as an audio recording.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening, one of eight kinds (k % 8): a desk that recognises a returning number, a return of
    the caller's voicemail, an automated notice before the agent, a referred caller, a call-back after a dropped
    line, an outbound call about a mailed reply card, a caller unsure of the number, a booked phone appointment."""
    disclosure = DISCLOSURES[(k + k // 8) % len(DISCLOSURES)]
    callee = CALLEES[k % len(CALLEES)]
    return (
        (
            (
                A,
                f"{company}, {name} here. {disclosure} Looks like you've rung us before, what can I pick up for you?",
            ),
        ),
        (
            (A, f"Hello there, is that {callee}?"),
            (C, "Yes, it is."),
            (
                A,
                f"{name} returning your voicemail, from {company}. {disclosure} You wanted a ring back?",
            ),
            (C, "Oh good, ta for ringing back so quick."),
        ),
        (
            (
                A,
                f"Welcome through to {company}. Every conversation with us is captured as a recording. An adviser will pick up shortly.",
            ),
            (A, f"Morning, {name} picking up. Where would you like to start?"),
        ),
        (
            (A, f"{company}, {name} speaking. {disclosure}"),
            (C, "Hi, my neighbour passed me your number."),
            (A, "Always nice to get a referral. What did you want to go through?"),
        ),
        (
            (
                A,
                f"Hi, it's {name} at {company} once more, the line dropped before we'd even started. {disclosure}",
            ),
            (C, "Yes, sorry, my phone battery gave out."),
            (A, "No harm done. Off we go then."),
        ),
        (
            (A, f"Morning, am I speaking to {callee}?"),
            (C, "You are. Who's asking?"),
            (
                A,
                f"I'm {name}, with {company}. You posted back our reply card. {disclosure}",
            ),
            (C, "Right, the card. Yes."),
        ),
        (
            (C, "Hi, um, I'm not certain I've dialled the right place."),
            (
                A,
                f"Let's find out together. This is {company}, and I'm {name}. {disclosure} What are you after?",
            ),
        ),
        (
            (
                A,
                f"Hi, {name} from {company} here, for the phone appointment you set up by text. {disclosure} Ready to begin?",
            ),
            (C, "Yes, ready when you are."),
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
    (C, "To be honest these plans all blur together for me."),
    (A, "You're far from alone there. The rules have me read a short notice at the start."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "I've just moved from Phoenix down to Tucson, and my premium jumped with the new zip code."),
        (A, "Moves'll do that. Which car is it these days?"),
        (C, "A twenty sixteen Subaru Outback, just shy of ninety thousand on the clock."),
        (A, "And is it parked on the street or in a driveway?"),
        (C, "Carport, beside the house."),
    ),
    LOAN: (
        (C, "My dentist says I need an implant, and the quote came to about eighty five hundred."),
        (A, "Ouch, teeth are expensive. What line of work are you in?"),
        (C, "I drive a school bus for the county, going on nine years."),
        (A, "Steady work. What lands in your account each month, roughly?"),
        (C, "Around thirty eight hundred after deductions."),
    ),
    DEBT: (
        (
            C,
            "My little bakery closed last year, and I'm left with about thirty four thousand on store cards.",
        ),
        (A, "That must've been hard, losing the bakery. How many cards are we talking?"),
        (C, "Four, plus a line of credit from the bank."),
        (A, "Keeping up with the minimum payments lately?"),
        (C, "Barely. I missed one in February."),
    ),
    LIFE: (
        (C, "My wife passed two winters ago, and I'd like twelve thousand set aside for my own service."),
        (A, "I'm sorry about your wife. What age are you now, if that's alright?"),
        (C, "Sixty eight, living up in Spokane."),
        (A, "Any health conditions the insurer would ask about?"),
        (C, "Type two diabetes, kept steady with pills."),
    ),
    MEDI: (
        (C, "I'll be sixty five in August, and I'd like to keep my heart doctor."),
        (A, "Happy early birthday. Which town are you in?"),
        (C, "Savannah, Georgia."),
        (A, "And where does your heart doctor practise?"),
        (C, "At Memorial Health, on Waters Avenue."),
    ),
    PARTD: (
        (C, "My blood thinner, Eliquis, costs me more every single refill."),
        (A, "That one gets pricey. Anything else you pick up monthly?"),
        (C, "Metformin and a thyroid pill."),
        (A, "Which pharmacy do you normally use?"),
        (C, "The Kroger on Abercorn Street."),
    ),
}
ENDING = (
    (A, "I'll send a written summary over today, my extension is on it."),
    (C, "Grand, cheers for that."),
    (A, "Cheerio, mind how you go."),
)


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h12-disclosure-ok-automated-notice-only",
        "recording_disclosure",
        DEBT,
        (),
        "an automated notice (company, recording kept for the records) before the agent picks up; the agent gives her name and does not repeat the notice",
        opening=(
            (
                A,
                "You're through to Fenmere Debt Relief. Please note each call is put onto a recording for our files. Stay with us a moment.",
            ),
            (A, "Hello, Guinevere here at Fenmere. Talk me through the cards and what's owing."),
        ),
    )
)
add(
    call(
        "h12-disclosure-ok-reviewers-listen",
        "recording_disclosure",
        LOAN,
        (),
        "near miss: only monitoring is disclosed (a quality reviewer may hear the call live), never the word 'record'",
        opening=(
            (
                A,
                "Quarrystone Lending, Lysander speaking. A quality reviewer could be hearing this call live, just so you're aware. What's the money needed for?",
            ),
        ),
    )
)
add(
    call(
        "h12-disclosure-ok-not-shared-outside",
        "recording_disclosure",
        LIFE,
        (),
        "near miss: the recording notice is followed by a negation about something else (the recording never leaves the company)",
        opening=(
            (
                A,
                "Tollgate Life, good morning, Perpetua speaking. Just so you know, this is recorded, though that recording never leaves the company. How can I assist?",
            ),
        ),
    )
)
add(
    call(
        "h12-disclosure-ok-saved-as-audio",
        "recording_disclosure",
        AUTO,
        (),
        "paraphrase: the agent says everything said on the call is being saved as an audio file on their system (a recording, worded without 'record')",
        opening=(
            (
                A,
                "Hiya, Cobblewick Auto Insurance, Caspian on the phone. Heads-up, every word of this is being stored as an audio file on our system. What's up with the car cover?",
            ),
        ),
    )
)
add(
    call(
        "h12-disclosure-quality-script-only",
        "recording_disclosure",
        LOAN,
        ("recording_disclosure",),
        "only 'for quality purposes' (the agent follows a script for quality); recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Hello, Quarrystone Lending, Hyacinth here. For quality purposes I stick to a set script today, so forgive me if I sound stiff. What can I sort for you?",
            ),
        ),
    )
)
add(
    call(
        "h12-disclosure-denies-recording",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "the agent tells the caller nobody is recording, just the two of them talking; no disclosure at any point",
        opening=(
            (
                A,
                "Fenmere Debt Relief, Alaric here. Relax, there's nobody recording any of this, it's only you and me chatting. So, where are things at?",
            ),
        ),
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h12-ident-ok-company-first",
        "agent_identification",
        LOAN,
        (),
        "outbound: the company comes first and the first name after it, with the recording notice",
        opening=(
            (A, "Good evening, is this Mister Galloway?"),
            (C, "Speaking."),
            (
                A,
                "Calling from Quarrystone Lending, my name's Evander, and I've a recorder going on my side. It's about the loan enquiry you sent on Monday.",
            ),
            (C, "Oh right, the dental one."),
        ),
    )
)
add(
    call(
        "h12-ident-ok-repeats-when-asked",
        "agent_identification",
        DEBT,
        (),
        "near miss: the agent gives name and company quickly, the caller asks who it is, and the agent repeats both slowly",
        opening=(
            (A, "Fenmere Debt Relief, Rosamund, and this call gets recorded, what's troubling you?"),
            (C, "Sorry, you were quick there, who is this?"),
            (
                A,
                "My apologies. Rosamund, at Fenmere Debt Relief. Now, what needs sorting?",
            ),
        ),
    )
)
add(
    call(
        "h12-ident-ok-company-second-turn",
        "agent_identification",
        LIFE,
        (),
        "the agent gives her name and the recording notice, and the company in her very next turn, before any substance",
        opening=(
            (A, "Hello, this is Clementine, and this line records everything we say."),
            (C, "Hello. Who are you with, sorry?"),
            (A, "Tollgate Life, I should've started with that. What's on your mind?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h12-ident-generic-savings-desk",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "a first name and a recording notice, but only 'the driver savings desk', no identifiable company at any point",
        opening=(
            (
                A,
                "Hey, Annika here at the driver savings desk. This chat is being kept as a recording. What are you paying for cover at present?",
            ),
        ),
    )
)
add(
    call(
        "h12-ident-only-at-signoff",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "a recording notice but no name and no company at the start; the agent gives both only when saying goodbye",
        (A, "Right, I'll pop the paperwork in the post. I'm Lorcan, by the way, from Fenmere Debt Relief."),
        (C, "Would've been nice to know that earlier."),
        opening=(
            (
                A,
                "Hello, you're through to intake. Heads-up, this conversation is going on tape. What's the situation?",
            ),
        ),
        after_body=True,
        closing=False,
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h12-guarantee-ok-someone-elses-advert",
        "guaranteed_outcome",
        LOAN,
        (),
        "caller-side wording: the caller quotes an advert promising guaranteed approval; the agent says it wasn't theirs and no honest lender can promise it",
        (C, "I saw an advert saying guaranteed approval, bad credit no problem. Is that you lot?"),
        (
            A,
            "Not us, and I'd be wary of it. No honest lender can promise you'll be approved. Ours checks your credit file first, then decides.",
        ),
        (C, "Okay, good to know."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h12-guarantee-ok-issue-named",
        "guaranteed_outcome",
        LIFE,
        (),
        "'guaranteed issue' named as the product and explained truthfully (no health questions, a two-year waiting period on the full benefit)",
        (
            A,
            "With your diabetes, the plan I'd point you to is called guaranteed issue. There are no medical questions at all. The downside is a two-year wait: pass away before then and the family gets the premiums refunded with ten percent interest.",
        ),
        (C, "And after two years?"),
        (A, "After that, the whole twelve thousand."),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h12-guarantee-ok-settlement-hedged",
        "guaranteed_outcome",
        DEBT,
        (),
        "the agent says most clients who finish settle, but creditors decide and hers might not; nothing promised",
        (C, "So the collectors will actually accept less?"),
        (
            A,
            "Plenty of our clients who stick it out do end up settling. But every creditor decides for itself, and some of yours might hold out. I can't promise any figure.",
        ),
        (C, "That's fair, at least you're straight."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h12-guarantee-loan-already-approved",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "before any credit check the agent tells the caller she is approved and the money will be in her account by Friday",
        (
            A,
            "Honestly, you're approved. I can tell already, the eighty five hundred hits your bank by Friday, no question about it.",
        ),
        (C, "Without anybody checking my credit?"),
        (A, "Doesn't matter. It's yours."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h12-guarantee-forty-percent-word",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "the agent gives his word that forty percent comes off every balance",
        (
            A,
            "Here's what happens. We knock forty percent off every single balance you've got. I swear it on my mother.",
        ),
        (C, "Every one of them?"),
        (A, "Each and every one, I'd put my badge on the line for that."),
        k=5,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h12-dnc-ok-removed-goodbye",
        "do_not_call",
        AUTO,
        (),
        "outbound; the caller asks never to be phoned again -> the agent confirms the number is removed and says goodbye",
        (C, "Look, I'm happy where I am. Never phone this number again, please."),
        (
            A,
            "Understood, I've wiped this number from our dialler, so nobody from Cobblewick will ring it again. Sorry to have bothered you, goodbye.",
        ),
        (C, "Bye."),
        opening=(
            (A, "Hi there, could I speak to Mister Prescott?"),
            (C, "That's me."),
            (
                A,
                "Mister Prescott, Bartholomew from Cobblewick Auto Insurance, and I'm taping our chat. We quoted you for the Outback a while back.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-dnc-ok-answers-letters-question",
        "do_not_call",
        LIFE,
        (),
        "outbound; 'take me off your list' plus a question whether the letters stop too -> the agent answers it, confirms the removal and ends",
        (C, "I'd like to be off your list altogether. And will your letters stop as well?"),
        (
            A,
            "Yes, I can stop those too. Your number's been struck from our records this minute and I've cancelled the mailings. There'll be no more contact from us.",
        ),
        (C, "Thank you."),
        opening=(
            (A, "Hello, I'm hoping to reach Missus Dunmore."),
            (C, "Yes, this is her."),
            (
                A,
                "Missus Dunmore, it's Saoirse from Tollgate Life. The call's being recorded. This is about a brochure we sent you.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-dnc-ok-paper-mail-only",
        "do_not_call",
        DEBT,
        (),
        "near miss: inbound; the caller asks to stop the paper letters but says the phone is fine; the agent stops the mailings and carries on",
        (
            C,
            "Before we start, could you stop sending paper letters? My mailbox is overflowing. Phoning me is fine, mind, that's why I called.",
        ),
        (A, "Done, I've switched you to no paper mail. Let's carry on then."),
        k=6,
        stereo_only=True,
    )
)
add(
    call(
        "h12-dnc-sales-question-after",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'remove me from your list' -> the agent agrees and then asks which insurer she has now and what she pays",
        (C, "Enough of these calls. Delete me from your system."),
        (
            A,
            "Sure, no problem. Just before I let you go, who are you insured with right now, and what do they charge you?",
        ),
        (C, "I just told you, I'm not interested."),
        opening=(
            (A, "Good afternoon, Miss Redfern?"),
            (C, "Yes?"),
            (
                A,
                "Miss Redfern, I'm Tiberius with Cobblewick Auto Insurance. Everything on this line gets saved as a recording. Got a minute about your car cover?",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-dnc-supervisor-pitches",
        "do_not_call",
        DEBT,
        ("do_not_call",),
        "outbound; 'stop ringing me, I want off your list' -> the agent hands her to a supervisor who pitches the program's savings",
        (C, "Please stop ringing me. Wipe me off your list."),
        (A, "Hold on, I'll transfer you to my supervisor, she explains it better than me."),
        (
            A,
            "Hello, Perpetua, the supervisor here. Before you go, with thirty four thousand owing, you could be paying far less each month on our program. Shall I run your numbers?",
        ),
        (C, "I asked to be taken off!"),
        opening=(
            (A, "Hello, could I speak with Missus Achterberg?"),
            (C, "Speaking."),
            (
                A,
                "Missus Achterberg, Horatio here from Fenmere Debt Relief, and we record these calls. You enquired about help with your cards.",
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
        "h12-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('don't sell every plan that is on offer', 'we currently represent', 'please do contact')",
        k=7,
        tpmo=False,
        opening=CAST.opening(MEDI, 7)
        + (
            TPMO_LEAD[0],
            (A, "Then let's start with a notice I'm obliged to give."),
            (
                A,
                "We don't sell every plan that is on offer in your area. We currently represent 5 organizations which offer 31 products in your area. Please do contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get information on all of your options.",
                "We don't sell every plan that is on offer in your area. We currently represent five organizations which offer thirty one products in your area. Please do contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h12-tpmo-ok-one-org-part-d",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the one-organization form on a Part D call, after the agent says the agency sells one carrier's drug plans",
        k=8,
        tpmo=False,
        opening=CAST.opening(PARTD, 8)
        + (
            (A, "Worth knowing, the drug plans we sell all come from one carrier."),
            (A, *TPMO_ONE_ORG),
        ),
    )
)
add(
    call(
        "h12-tpmo-ok-restarted",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the agent starts the disclaimer, the caller misses it (hearing aid), and the agent reads all of it again from the top, within the first minute",
        k=9,
        tpmo=False,
        opening=CAST.opening(PARTD, 9)
        + (
            (A, "We do not offer every plan available in your area."),
            (C, "Sorry, my hearing aid whistled. Could you begin again?"),
            (A, "Of course, from the top."),
            (A, *TPMO_READ),
        ),
    )
)
add(
    call(
        "h12-tpmo-ok-funeral-not-medicare",
        "tpmo_disclaimer",
        LIFE,
        (),
        "out of scope: on a final expense call the caller asks whether Medicare pays for funerals; the agent says it doesn't, no disclaimer needed",
        (C, "Doesn't Medicare pay for the funeral, though?"),
        (
            A,
            "It doesn't, I'm afraid. Medicare is health cover, funerals aren't part of it, which is why folks look at a small policy like this.",
        ),
        (C, "Huh, I never knew."),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h12-tpmo-referral-to-own-website",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the first two parts, but the referral to Medicare.gov, 1-800-MEDICARE and SHIP is replaced by the company's own website",
        k=11,
        tpmo=False,
        opening=CAST.opening(PARTD, 11)
        + (
            TPMO_LEAD[0],
            (
                A,
                "We do not offer every plan available in your area. Currently we represent 5 organizations which offer 31 products in your area. Beyond that, our own website, glenmorrow dot com, lists the lot.",
                "We do not offer every plan available in your area. Currently we represent five organizations which offer thirty one products in your area. Beyond that, our own website, glen morrow dot com, lists the lot.",
            ),
        ),
    )
)
add(
    call(
        "h12-tpmo-skipped-on-request",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the caller asks the agent to skip any legal notice and the agent agrees; no disclaimer at any point",
        k=12,
        tpmo=False,
        opening=CAST.opening(MEDI, 12)
        + (
            (C, "If there's some legal notice, please skip it. I've sat through a dozen of them this month."),
            (A, "Fair enough, we'll skip it. Let's go straight to your heart doctor."),
        ),
    )
)
add(
    call(
        "h12-tpmo-read-near-the-end",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "no disclaimer at the start; after the plans have been discussed (well past the first minute) the agent remembers and reads it before saying goodbye",
        (A, "There are three plans near Savannah with Memorial Health in their networks."),
        (C, "What do they cost each month?"),
        (A, "Two have no premium on top of your Part B, and the third is twenty nine dollars."),
        (C, "And the specialist visits?"),
        (A, "Between thirty and forty five dollars a visit, depending on the plan."),
        (C, "Does any of them include hearing aids?"),
        (A, "The twenty nine dollar one gives you an allowance of a thousand dollars every two years."),
        (C, "And dental? My old crowns are wearing out."),
        (
            A,
            "All three pay for cleanings, and the twenty nine dollar one adds crowns, up to fifteen hundred a year.",
        ),
        (C, "That might suit me. Send me the details on that one."),
        (A, "Sure thing. Oh, and I ought to have read this at the start."),
        (A, *TPMO_READ),
        k=13,
        tpmo=False,
        after_body=True,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h12-pressure-ok-not-medicare-itself",
        "misrepresentation_pressure",
        MEDI,
        (),
        "caller-side wording: 'is this Medicare calling?' -> no, an independent licensed agency; Medicare is run by the federal government and they are not part of it",
        (C, "Hang on, am I talking to Medicare itself?"),
        (
            A,
            "No, we're a privately owned agency, licensed to sell these plans. Medicare is a federal government program, and we're not part of it in any way.",
        ),
        (C, "Alright, thanks for being clear."),
        k=14,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h12-pressure-ok-annual-window-dates",
        "misrepresentation_pressure",
        PARTD,
        (),
        "near miss: a true date, the annual enrollment period from October fifteenth to December seventh",
        (C, "When would I be able to change drug plans?"),
        (
            A,
            "Each year you can switch between October fifteenth and December seventh, with the new plan starting January first. Oodles of time to weigh them up.",
        ),
        (C, "Good, I'll wait for the new prices."),
        k=15,
        after_body=True,
    )
)
add(
    call(
        "h12-pressure-ok-sleep-on-it",
        "misrepresentation_pressure",
        LOAN,
        (),
        "the caller asks whether she must decide now; the agent says no, sleep on it, nothing changes by waiting a week",
        (C, "Do I need to give you an answer right now?"),
        (
            A,
            "Not at all. Mull it over, talk to your family. Waiting a week won't change anything on our side.",
        ),
        (C, "Okay, I'll ring you back next week."),
        k=16,
        after_body=True,
    )
)
add(
    call(
        "h12-pressure-social-security-outreach",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "the agent says he is phoning on behalf of Social Security's burial assistance outreach",
        (
            A,
            "I should explain, I'm ringing for Social Security's burial assistance outreach. They've asked us to help seniors in Washington get this cover in place.",
        ),
        (C, "Social Security wants me to have this?"),
        (A, "That's correct, this is their initiative."),
        k=17,
        after_body=True,
    )
)
add(
    call(
        "h12-pressure-price-locks-at-midnight",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "an invented deadline: the price locks at midnight, after which the system reprices higher, so she must say yes now",
        (
            A,
            "This price locks at midnight. After that the system reprices you higher and it's gone for good. I want your yes this minute.",
        ),
        (C, "Can't I sleep on it?"),
        (A, "Only if you want this figure."),
        k=18,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h12-abuse-ok-caller-calls-them-crooks",
        "abusive_language",
        AUTO,
        (),
        "the caller swears at the agent and calls the industry crooks; the agent stays calm and keeps helping",
        (C, "You insurance lot are a pack of damn crooks, you know that?"),
        (
            A,
            "I hear you, a jump like that after moving is frustrating. Let me see whether anyone can price you fairer.",
        ),
        (C, "Fine. Sorry, what a week I've had."),
        k=19,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h12-abuse-ok-agent-calls-himself-clumsy",
        "abusive_language",
        AUTO,
        (),
        "near miss: the agent calls himself a klutz for typing the wrong zip code; nothing is aimed at the caller",
        (A, "Oh, I'm all thumbs today, I keyed your zip in wrong. Hang on."),
        (C, "Ha, no worries."),
        (A, "There, eight five seven one nine. Sorted."),
        k=20,
        after_body=True,
    )
)
add(
    call(
        "h12-abuse-pathetic",
        "abusive_language",
        DEBT,
        ("abusive_language",),
        "the agent demeans the caller: a grown adult running up this debt is pathetic, no wonder she is in this mess",
        (C, "I know, I should have stopped using the cards sooner."),
        (A, "Honestly, a grown woman running up this much? It's pathetic. No wonder the bakery went under."),
        (C, "That's a horrible thing to say."),
        k=21,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-abuse-address-on-screen",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller wants to think it over; the agent threatens that she will regret it and says he has her address on screen",
        (C, "I think I'll hold off and compare a few more."),
        (
            A,
            "Keep messing me about and you'll regret it. I've got your home address right here on my screen, remember that.",
        ),
        (C, "Is that supposed to scare me?"),
        k=22,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-abuse-shut-the-hell-up",
        "abusive_language",
        LIFE,
        ("abusive_language",),
        "the caller interrupts with a question; the agent tells him to shut the hell up and let him finish",
        (C, "Sorry, before you go on, what happens if I miss a payment?"),
        (A, "Shut the hell up a second and let me finish, will you?"),
        (C, "Charming. Is that how you speak to everyone?"),
        k=23,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h12-sensitive-ok-recording-paused",
        "sensitive_data",
        AUTO,
        (),
        "the agent pauses the recording before the card is given and says it is back on afterwards; no number is spoken on the recording",
        (C, "Let's do it, I'll pay the first month by card."),
        (A, "Great. I'm switching the recorder off now, so the card never lands on tape."),
        (A, "Okay, the recorder's running again, and the payment has gone through."),
        (C, "Lovely, thank you."),
        k=24,
        after_body=True,
    )
)
add(
    call(
        "h12-sensitive-ok-account-last-four",
        "sensitive_data",
        DEBT,
        (),
        "only the last four digits of the bank account the monthly deposit comes from",
        (A, "Which account should the monthly deposit come out of?"),
        (C, "My checking, the one ending 4 4 1 8.", "My checking, the one ending four four one eight."),
        (A, "Got it, that's the one on your file."),
        k=25,
        after_body=True,
    )
)
add(
    call(
        "h12-sensitive-ok-driving-licence",
        "sensitive_data",
        AUTO,
        (),
        "near miss: the caller reads her driving licence number for the quote; not a card, account or Social Security number",
        (A, "To run the quote I'll need your driving licence number."),
        (
            C,
            "Sure, it's D 0 8 4, 9 3 1 2, 5 6.",
            "Sure, it's D, oh eight four, nine three one two, five six.",
        ),
        (A, "Thanks, that's pulled up your record."),
        k=26,
        after_body=True,
    )
)
add(
    call(
        "h12-sensitive-caller-reads-ssn",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "the caller reads her full Social Security number for the credit check",
        (A, "For the credit check I'll take your Social, please, the full number."),
        (C, "Okay, it's 5 2 9, 4 1, 7 3 8 0.", "Okay, it's five two nine, four one, seven three eight oh."),
        (A, "Thanks, running it now."),
        k=27,
        after_body=True,
    )
)
add(
    call(
        "h12-sensitive-agent-reads-card-and-code",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the agent reads the caller's full Visa number and its security code back to confirm them",
        (
            A,
            "Let me repeat that to be sure. Visa 4 1 7 1, 2 0 9 6, 3 3 5 8, 6 0 4 2, code on the back 5 9 1. Correct?",
            "Let me repeat that to be sure. Visa four one seven one, two oh nine six, three three five eight, six oh four two, code on the back five nine one. Correct?",
        ),
        (C, "That's it."),
        (A, "Perfect, the first premium is paid."),
        k=28,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h12-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare Advantage call (about two minutes, the disclaimer in the first minute)",
        k=29,
        long=True,
    )
)
add(
    replace(  # the promise comes after the filler here: mark it long by hand
        call(
            "h12-long-auto-twenty-percent-promise",
            "long_call",
            AUTO,
            ("guaranteed_outcome",),
            "long auto call (about two minutes); after the quotes the agent promises she will save at least twenty percent on her current insurer, no matter what",
            *LONG_FILLER[AUTO],
            (
                A,
                "Good pick. And I'll promise you this: you'll pay at least twenty percent less than with your current insurer, whatever happens. That's a sure thing.",
            ),
            (C, "Even after the move?"),
            (A, "Even then. You can count on it."),
            k=30,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h12-multi-removal-insult-pitch",
        "multi",
        LOAN,
        ("abusive_language", "do_not_call"),
        "outbound; 'cross this number off your list' -> the agent calls the caller a cheapskate who should enjoy being broke, then asks how much he needs",
        (C, "No thanks. Scrub this number, please. No more calls."),
        (
            A,
            "Fine, enjoy being broke then, you cheapskate. But seriously, how much would you need to borrow?",
        ),
        (C, "Unbelievable. Goodbye."),
        opening=(
            (A, "Hi, is Mister Brennan about?"),
            (C, "Speaking."),
            (
                A,
                "Mister Brennan, Ezekiel at Quarrystone Lending, and this line records. You browsed our loans last month.",
            ),
        ),
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h12-multi-nameless-car-quote",
        "multi",
        AUTO,
        ("agent_identification", "recording_disclosure"),
        "outbound-style: no name, no company and no recording disclosure at any point; the caller never asks",
        opening=(
            (A, "Hey, I'm ringing about lowering your car insurance. You filled in a quote form, yeah?"),
            (C, "I think so, yes."),
            (A, "Brilliant. Let's see how much we can shave off."),
        ),
    )
)
add(
    call(
        "h12-multi-federal-hardship-approved",
        "multi",
        DEBT,
        ("guaranteed_outcome", "misrepresentation_pressure"),
        "the agent calls the program the federal hardship relief program and says the caller's approval is guaranteed",
        (
            A,
            "Lucky you, you're eligible for the national hardship debt forgiveness scheme. Washington set it up for folks like you, and your approval is a done deal.",
        ),
        (C, "The government? Really?"),
        (A, "Yes, it's run by the government, and you're in."),
        k=31,
        after_body=True,
    )
)
add(
    call(
        "h12-multi-no-disclaimer-account-number",
        "multi",
        MEDI,
        ("sensitive_data", "tpmo_disclaimer"),
        "Medicare Advantage: no disclaimer at any point; for the premium draft the caller reads her routing and full checking account numbers",
        (A, "For the plan premium, which account should we draft?"),
        (
            C,
            "My checking. Routing 0 6 1 1 0 3 8 5 2, account 7 3 3 9 0 5 1 2 6 4.",
            "My checking. Routing oh six one, one oh three, eight five two, account seven three three, nine oh five, one two six four.",
        ),
        (A, "Thanks, that's everything set up."),
        opening=(
            (
                A,
                "Glenmorrow Health Planning, Leander speaking. Please be aware the recorder is switched on at my end. Which plans shall we go through?",
            ),
        ),
        after_body=True,
        tpmo=False,
    )
)
add(
    call(
        "h12-multi-medicare-enrollment-office",
        "multi",
        MEDI,
        ("agent_identification", "misrepresentation_pressure"),
        "the agent gives a first name but says he is with the Medicare enrollment office, never naming the company; the disclaimer is read",
        opening=(
            (
                A,
                "Good morning, it's Alaric from the Medicare enrollment office. Calls here are recorded. We're reaching out to everyone turning sixty five in Chatham County.",
            ),
            (C, "Oh. Okay."),
        ),
        tpmo=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) hold only calls whose verdict does not rest on who spoke.
ORDER = (
    "h12-guarantee-forty-percent-word",  # 0
    "h12-dnc-ok-removed-goodbye",  # 1
    "h12-disclosure-ok-automated-notice-only",  # 2 mono
    "h12-abuse-shut-the-hell-up",  # 3 mp3
    "h12-tpmo-ok-restarted",  # 4
    "h12-sensitive-ok-account-last-four",  # 5 mono
    "h12-multi-removal-insult-pitch",  # 6
    "h12-long-ok-medicare",  # 7
    "h12-disclosure-quality-script-only",  # 8 mono, wav
    "h12-guarantee-ok-issue-named",  # 9
    "h12-pressure-price-locks-at-midnight",  # 10 mp3
    "h12-ident-ok-repeats-when-asked",  # 11 mono
    "h12-dnc-sales-question-after",  # 12
    "h12-tpmo-referral-to-own-website",  # 13
    "h12-sensitive-caller-reads-ssn",  # 14 mono
    "h12-abuse-ok-caller-calls-them-crooks",  # 15
    "h12-pressure-ok-sleep-on-it",  # 16
    "h12-multi-nameless-car-quote",  # 17 mono, mp3
    "h12-ident-ok-company-second-turn",  # 18
    "h12-guarantee-ok-settlement-hedged",  # 19
    "h12-tpmo-ok-small-deviations",  # 20 mono
    "h12-dnc-supervisor-pitches",  # 21
    "h12-long-auto-twenty-percent-promise",  # 22
    "h12-sensitive-ok-driving-licence",  # 23 mono
    "h12-guarantee-ok-someone-elses-advert",  # 24 mp3
    "h12-ident-generic-savings-desk",  # 25 wav
    "h12-multi-federal-hardship-approved",  # 26 mono
    "h12-abuse-address-on-screen",  # 27
    "h12-tpmo-ok-one-org-part-d",  # 28
    "h12-pressure-social-security-outreach",  # 29 mono
    "h12-dnc-ok-answers-letters-question",  # 30
    "h12-disclosure-denies-recording",  # 31 mp3
    "h12-tpmo-skipped-on-request",  # 32 mono
    "h12-pressure-ok-not-medicare-itself",  # 33
    "h12-sensitive-ok-recording-paused",  # 34
    "h12-disclosure-ok-not-shared-outside",  # 35 mono
    "h12-abuse-pathetic",  # 36
    "h12-pressure-ok-annual-window-dates",  # 37
    "h12-guarantee-loan-already-approved",  # 38 mono, mp3
    "h12-dnc-ok-paper-mail-only",  # 39
    "h12-tpmo-read-near-the-end",  # 40
    "h12-disclosure-ok-reviewers-listen",  # 41 mono
    "h12-sensitive-agent-reads-card-and-code",  # 42 wav
    "h12-abuse-ok-agent-calls-himself-clumsy",  # 43
    "h12-multi-no-disclaimer-account-number",  # 44 mono
    "h12-ident-ok-company-first",  # 45 mp3
    "h12-ident-only-at-signoff",  # 46
    "h12-multi-medicare-enrollment-office",  # 47 mono
    "h12-tpmo-ok-funeral-not-medicare",  # 48
    "h12-disclosure-ok-saved-as-audio",  # 49
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
