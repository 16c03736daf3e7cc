"""The calls of the sixth holdout set (eval/holdout6/, built by `make_eval_corpus.py --set holdout6`).

Written fresh and clean, after the fifth holdout (eval/holdout5/), by someone who has not seen how any set is
transcribed or judged and has not read the policy's detectors (only each rule's id, title, scope and
`llm_guidance`); report-only, never used for tuning. Company names, agent names, the campaigns' small talk, the
compliant openings and every wording that decides a verdict (recording disclosures and their absence, an IVR
prompt, identifications, promises and careful non-promises, do-not-call requests and how they are handled,
pressure and government claims, abuse, spoken numbers, the TPMO disclaimer read in full, in its
one-organization form, with small deviations, cut short, late or not at all) are new here: they appear in none
of scripts/eval_scenarios.py, scripts/eval_holdout_scenarios.py, scripts/eval_holdout2_scenarios.py,
scripts/eval_holdout3_scenarios.py, scripts/eval_holdout4_scenarios.py and scripts/eval_holdout5_scenarios.py.
Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated text, the Scenario type and the call
builder (Cast) are shared.

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
    AUTO: "Copperline Auto Insurance",
    LOAN: "Brightwater Lending",
    DEBT: "Harborview Debt Relief",
    LIFE: "Fairhaven Life",
    MEDI: "Northgate Health Advisors",
    PARTD: "Northgate Health Advisors",
}
NAMES = (
    "Delaney",
    "Tobias",
    "Rosalind",
    "Hector",
    "Imani",
    "Quentin",
    "Marisol",
    "Desmond",
    "Nadia",
    "Everett",
    "Jolene",
    "Lucinda",
    "Oscar",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "For your awareness, this call is going into our recording system.",
    "Quick note, our calls get recorded, and that includes this one.",
    "I'm required to mention that we're recording this conversation.",
    "Our phone system is recording us right now, by the way.",
    "Also, fair to mention, a recorder's running on this call.",
    "Everything we say here is kept on a recording, to protect both of us.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, worded, ordered and split differently per k
    (k % 5 == 4 is an outbound call)."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    return (
        (
            (
                A,
                f"Morning, thanks for ringing {company}, {name} on my end. {disclosure} What can we sort out for you?",
            ),
        ),
        (
            (A, f"{company}, {name} speaking."),
            (A, f"{disclosure} May I ask who's calling?"),
        ),
        (
            (
                A,
                f"Afternoon! You've dialed {company}, and my name is {name}. {disclosure} What's on your mind today?",
            ),
        ),
        ((A, f"Hiya. {disclosure} I'm {name}, over here at {company}. Where should we start?"),),
        (
            (
                A,
                f"Hello, is Mister Alvarez around? Hi Mister Alvarez, {name} calling, from {company}. You sent us a request online yesterday. {disclosure}",
            ),
            (C, "Oh, right, I remember."),
        ),
    )[k % 5]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 6 organizations which offer "
    "38 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent six organizations which offer "
    "thirty eight products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "I'm trying to work out which plan makes sense for me this year."),
    (
        A,
        "Sure thing. Before we compare anything, there's a disclaimer I'm obliged to read exactly as written.",
    ),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (
            C,
            "My son just passed his driving test, so he needs adding, or maybe we need a cheaper policy altogether.",
        ),
        (A, "Congrats to him. What will he be driving?"),
        (C, "My old Corolla, a twenty twelve."),
        (A, "Got it. And where is the car parked overnight?"),
        (C, "In our driveway, in Round Rock."),
    ),
    LOAN: (
        (C, "My roof started leaking and the repair estimate came in at nine thousand dollars."),
        (A, "Ugh, what a headache. Is the house yours?"),
        (C, "Yes, eleven years now."),
        (A, "And about how much do you make in a year?"),
        (C, "Around fifty eight thousand, I haul freight for a trucking outfit."),
    ),
    DEBT: (
        (C, "I've got about twenty four thousand across five cards and one hospital bill."),
        (A, "Okay. Are you keeping up with the minimums at the moment?"),
        (C, "I missed the last two on the biggest card."),
        (A, "Thanks for being upfront. What comes in each month after taxes?"),
        (C, "About twenty nine hundred, I work the front desk at a hotel."),
    ),
    LIFE: (
        (
            C,
            "My wife passed last spring and the funeral took most of our savings. I won't put my kids through that.",
        ),
        (A, "I'm so sorry about your wife. What's your age, if I may?"),
        (C, "Sixty nine, seventy in March."),
        (A, "And do you use any tobacco?"),
        (C, "I gave up cigars about ten years back."),
    ),
    MEDI: (
        (C, "My sixty fifth birthday is in August and my mailbox is full of Advantage plan flyers."),
        (A, "That happens a lot this time of year. Which zip code are you in?"),
        (C, "Four four one two two, outside Cleveland."),
        (A, "And which doctors matter most to you?"),
        (C, "My cardiologist, Doctor Haddad, over at the Clinic."),
    ),
    PARTD: (
        (C, "I'm on Eliquis and Jardiance, and the pharmacy bill is eating me alive."),
        (A, "Those two are pricey, I'll hunt for better prices. Anything else you take?"),
        (C, "Metformin, twice a day."),
        (A, "Which pharmacy do you usually go to?"),
        (C, "The Walgreens on Maple Street."),
    ),
}
ENDING = ((C, "Okay, I appreciate all the help."), (A, "Anytime. You take it easy now."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h6-disclosure-ok-quality-and-recorded",
        "recording_disclosure",
        AUTO,
        (),
        "near miss: the agent mentions quality and says outright that the call is recorded",
        opening=(
            (
                A,
                "Copperline Auto Insurance, you're speaking with Delaney. We keep recordings of our calls for quality, so yes, this one is recorded too. What can I quote for you?",
            ),
        ),
    )
)
add(
    call(
        "h6-disclosure-ok-asks-consent",
        "recording_disclosure",
        LOAN,
        (),
        "the agent asks whether the caller minds the call being recorded; the caller agrees",
        opening=(
            (
                A,
                "Brightwater Lending, Tobias here. Do you mind if I record our call today? It helps me keep your details straight.",
            ),
            (C, "No, that's fine, go ahead."),
        ),
    )
)
add(
    call(
        "h6-disclosure-ok-ivr-prompt",
        "recording_disclosure",
        DEBT,
        (),
        "an automated prompt says the call is being captured on a recording before the counselor, who names herself and the company, picks up",
        opening=(
            (
                A,
                "You've reached Harborview Debt Relief. Your call is being captured on a recording to help us serve you. A counselor will pick up in a moment.",
            ),
            (A, "Hi, thanks for hanging on, Imani here at Harborview. Tell me about your bills."),
        ),
    )
)
add(
    call(
        "h6-disclosure-quality-no-recording",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "only a line about caring for quality service; recording or monitoring is never mentioned",
        opening=(
            (
                A,
                "Fairhaven Life, you've reached Hector. We care a lot about quality service here, so stop me if anything's unclear. Whom am I chatting with today?",
            ),
            (C, "This is Walter Briggs."),
        ),
    )
)
add(
    call(
        "h6-disclosure-notes-only",
        "recording_disclosure",
        MEDI,
        ("recording_disclosure",),
        "the agent says he'll be typing notes as they talk; recording is never mentioned",
        opening=(
            (
                A,
                "Northgate Health Advisors, this is Quentin. I'll be typing up notes during our chat, so if you hear clicking, that's me. And your name is?",
            ),
            (C, "Loretta Simms."),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h6-disclosure-at-wrap-up",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "recording mentioned only while wrapping up, after the whole debt conversation (well past 30 s)",
        (A, "And have any of these accounts gone to court, or has anyone threatened to sue?"),
        (C, "Not yet, thank goodness."),
        (A, "Good. Do you have any savings you could put toward a program each month?"),
        (C, "Maybe three hundred, if I'm careful."),
        (A, "That works. I'll have a counselor put some numbers together for you."),
        (
            A,
            "Oh, and one thing I should've mentioned up top, we record every conversation on this side. Sorry about that.",
        ),
        (C, "Oh. Okay."),
        opening=((A, "Harborview Debt Relief, you've got Jolene. How's it going?"),),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h6-ident-ok-outbound-on-behalf",
        "agent_identification",
        PARTD,
        (),
        "outbound: a first name and 'phoning on behalf of Northgate Health Advisors' about the drug plan information the caller asked for",
        opening=(
            (
                A,
                "Hi, is this Missus Patterson? Good afternoon, my name's Marisol, and I'm phoning on behalf of Northgate Health Advisors about the drug plan information you asked for. Our phone system is recording us right now, by the way.",
            ),
            (C, "Oh yes, I did ask about that."),
        ),
        tpmo=True,
    )
)
add(
    call(
        "h6-ident-ok-caller-asks-again",
        "agent_identification",
        AUTO,
        (),
        "the caller missed it and asks who the agent is with; the agent repeats first name and company",
        (C, "Sorry, I didn't catch the company name at the beginning. Which company are you with again?"),
        (A, "No problem at all. It's Quentin, and I'm with Copperline Auto Insurance."),
        (C, "Okay, thanks."),
        k=5,
    )
)
add(
    call(
        "h6-ident-no-agent-name",
        "agent_identification",
        LOAN,
        ("agent_identification",),
        "the company is named, but the agent never gives any name",
        opening=(
            (
                A,
                "Brightwater Lending. Quick note, our calls get recorded, and that includes this one. So how much would you like to borrow?",
            ),
        ),
    )
)
add(
    call(
        "h6-ident-generic-hotline",
        "agent_identification",
        LIFE,
        ("agent_identification",),
        "a first name, but only 'the burial benefits hotline' (no identifiable company)",
        opening=(
            (
                A,
                "You've reached the burial benefits hotline, my name's Desmond. Everything we say here is kept on a recording, to protect both of us. Who's calling today?",
            ),
            (C, "This is Frank."),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h6-guarantee-ok-cant-promise-approval",
        "guaranteed_outcome",
        LOAN,
        (),
        "'be straight with me, will they approve me?' -> approval isn't the agent's to give, the lenders decide",
        (C, "Be straight with me. Are they going to approve me?"),
        (
            A,
            "Approval isn't mine to give, and anyone who calls it a done deal is fibbing. I'll send your application to three lenders who work with credit like yours, and they decide.",
        ),
        (C, "Okay, fair."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-guarantee-ok-issue-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "a guaranteed issue policy explained correctly: no health questions, a two-year waiting period for illness with premiums returned",
        (C, "This flyer says guaranteed issue. So what's the catch?"),
        (
            A,
            "The trade-off is a waiting period. They'll issue it no matter your health, but should you die of natural causes within two years of the start date, the policy refunds the premiums with interest rather than paying the ten thousand. An accidental death pays in full right away.",
        ),
        (C, "Alright, that's clear."),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h6-guarantee-ok-most-drivers",
        "guaranteed_outcome",
        AUTO,
        (),
        "a hedge: many drivers who switch pay less, but the agent can't tell until the carriers quote",
        (C, "So will I end up paying less than I do now?"),
        (
            A,
            "A lot of drivers who switch do end up paying less, but I won't know if you will until the carriers send back their prices. Adding a new driver can push it either way.",
        ),
        (C, "Makes sense."),
        k=3,
        after_body=True,
    )
)
add(
    call(
        "h6-guarantee-cut-in-half",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "'we'll cut what you owe in half, guaranteed'",
        (C, "So what would I actually end up owing in the end?"),
        (
            A,
            "We'll cut what you owe in half, guaranteed. Twenty four thousand turns into twelve, that's just how our program works.",
        ),
        (C, "Wow, really?"),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h6-guarantee-take-it-to-the-bank",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "'with a house and steady work like yours, you're approved, you can take that to the bank'",
        (C, "Do you think I'll qualify?"),
        (
            A,
            "With a house and steady work like yours? You're approved, you can take that to the bank. The only question is how much you want.",
        ),
        (C, "Oh, great."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h6-guarantee-costs-will-drop",
        "guaranteed_outcome",
        MEDI,
        ("guaranteed_outcome",),
        "Medicare Advantage: 'move over to this one and your costs will go down, I can promise you that'",
        (
            A,
            "Okay, I've found one that keeps Doctor Haddad in network. Move over to this one and your costs will go down, I can promise you that. Everyone I've moved onto it pays less.",
        ),
        (C, "Well, that sounds good."),
        k=7,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h6-dnc-ok-added-goodbye",
        "do_not_call",
        LOAN,
        (),
        "outbound; the caller asks to be put on the company's do not call list -> added to the internal no-call list, no more calls, goodbye",
        (C, "I'm not interested anymore. I want to be on your company's do not call list."),
        (
            A,
            "Absolutely. Your number's going on our internal no-call list as we speak, and nobody here will dial it again. Apologies for interrupting your evening.",
        ),
        (C, "Thanks. Bye."),
        k=4,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-dnc-ok-where-number-from",
        "do_not_call",
        DEBT,
        (),
        "outbound; 'don't bother calling me anymore, and where'd you get my number?' -> removed, the agent answers where the number came from and ends",
        (C, "Don't bother calling me anymore. And where'd you get my number from, anyway?"),
        (
            A,
            "Done, your number's coming off our list right now, and there won't be another call. You asked for information about consolidation on our website in June, that's where it came from. Sorry for the trouble, goodbye.",
        ),
        (C, "Okay. Bye."),
        k=9,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-dnc-ok-call-back-later",
        "do_not_call",
        AUTO,
        (),
        "near miss: the caller is driving and asks to be called back after six; not a request to stop calling",
        (C, "I'm behind the wheel at the moment. Try me again this evening, after six?"),
        (A, "Sure, I'll try you again after six tonight. Drive safe."),
        (C, "Thanks."),
        k=14,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-dnc-noted-then-coverage-question",
        "do_not_call",
        MEDI,
        ("do_not_call",),
        "'no more of these calls for me, please cross my name off' -> 'okay, noted', then a question about her current drug coverage",
        (
            C,
            "You know, no more of these calls for me, please cross my name off. My daughter handles this for me.",
        ),
        (
            A,
            "Okay, noted. Just real quick before you go, are you happy with the drug coverage on your current plan?",
        ),
        (C, "I said take me off."),
        k=8,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-dnc-says-cannot-remove",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "'wipe my number out of your records' -> the agent says he can't, the caller opted in, and asks about the lower payment",
        (C, "Wipe my number out of your records, please. I already found a loan."),
        (
            A,
            "That's not something I can do, you opted in when you applied with us. Now, did you still want to hear about the lower payment?",
        ),
        (C, "No. Goodbye."),
        k=10,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-dnc-quit-calling-ignored",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "outbound; 'quit ringing this phone, I'm serious' -> 'I hear you, but this plan locks in your price… how's your health?'",
        (C, "Quit ringing this phone. I'm serious."),
        (
            A,
            "I hear you, but this plan locks in your price for life, and it's five minutes of your time. How's your health these days?",
        ),
        (C, "Unbelievable."),
        k=9,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h6-tpmo-ok-full",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the full CMS text (6 organizations, 38 products), right after the greeting",
        k=11,
    )
)
add(
    call(
        "h6-tpmo-ok-one-organization",
        "tpmo_disclaimer",
        PARTD,
        (),
        "the one-organization form on a Part D call",
        k=12,
        tpmo=False,
        opening=greet(NAMES[12], COMPANY[PARTD], 12)
        + (
            (C, "I'm shopping for a new drug plan, mine got expensive."),
            (A, "Let's do it. First, a required statement."),
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
        "h6-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations (a contraction, 'all the plans', 'at present', 'get in touch with', 'for information', 'all your options')",
        k=0,
        tpmo=False,
        opening=greet(NAMES[0], COMPANY[MEDI], 0)
        + TPMO_LEAD
        + (
            (
                A,
                "We don't offer all the plans available in your area. At present we represent six organizations, which offer thirty eight products in your area. Please get in touch with Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program, SHIP, for information on all your options.",
                "We don't offer all the plans available in your area. At present we represent six organizations, which offer thirty eight products in your area. Please get in touch with Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program, ship, for information on all your options.",
            ),
        ),
    )
)
add(
    call(
        "h6-tpmo-ok-debt-call-mentions-medicare",
        "tpmo_disclaimer",
        DEBT,
        (),
        "out of scope: on a Debt Relief call the caller says Medicare only paid part of a hospital stay; no disclaimer is needed",
        (C, "And the hospital bill is from last winter. Medicare only paid part of my stay."),
        (A, "That's really common. Medical bills can often be negotiated too, so let's include it."),
        (C, "Oh, good."),
        k=13,
        after_body=True,
    )
)
add(
    call(
        "h6-tpmo-none",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "Medicare Advantage call with a compliant greeting but no disclaimer at all; plan talk starts at once",
        (
            A,
            "Okay, I see three plans near you that have Doctor Haddad in network. Want me to go through them?",
        ),
        (C, "Yes, please."),
        k=3,
        tpmo=False,
        opening=greet(NAMES[3], COMPANY[MEDI], 3),
        after_body=True,
    )
)
add(
    call(
        "h6-tpmo-no-contacts",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "the first two sentences only: the part pointing to Medicare.gov, 1-800-MEDICARE and SHIP is dropped",
        k=2,
        tpmo=False,
        opening=greet(NAMES[2], COMPANY[PARTD], 2)
        + (
            (C, "I need a drug plan I can actually afford."),
            (A, "We'll find one. A quick statement first."),
            (
                A,
                "We do not offer every plan available in your area. Currently we represent six organizations which offer thirty eight products in your area. Okay, so, let's talk about your prescriptions.",
            ),
        ),
    )
)
add(
    call(
        "h6-tpmo-after-first-minute",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the full disclaimer, but read only after the small talk and the plan questions (past the first minute)",
        (A, "Do you have any hospital stays planned, or surgeries coming up?"),
        (C, "A knee replacement, maybe next spring."),
        (A, "Okay. And do you travel out of state much?"),
        (C, "We spend February in Arizona with our daughter."),
        (A, "Good to know, that matters for the network. And do you currently have dental or vision?"),
        (C, "Only through my job, and that ends when I retire."),
        (A, "Got it. Any prescriptions you take every day?"),
        (C, "Just a statin at night, and a baby aspirin."),
        (A, "Okay. Oh, and before I go further, there's a disclosure the rules say I owe you."),
        (A, *TPMO_READ),
        k=5,
        tpmo=False,
        opening=greet(NAMES[5], COMPANY[MEDI], 5),
        after_body=True,
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h6-pressure-ok-not-medicare",
        "misrepresentation_pressure",
        MEDI,
        (),
        "'so are you with Medicare?' -> no, an independent agency; Medicare is the federal program, the plans come from private insurers",
        (C, "So are you with Medicare, then?"),
        (
            A,
            "No, we're an independent agency. Medicare itself is the federal program, and the plans I'll show you come from private insurance companies that contract with it.",
        ),
        (C, "Okay, I see."),
        k=6,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-pressure-ok-quote-holds-thirty-days",
        "misrepresentation_pressure",
        AUTO,
        (),
        "the caller wants to think; the agent: the quote stays valid for thirty days, nothing to pick today",
        (C, "I need to run this by my husband first."),
        (
            A,
            "Of course. This quote stays valid for thirty days. You don't have to pick anything today; talk it over and ring me back once you two have decided.",
        ),
        (C, "Great, thank you."),
        k=7,
        after_body=True,
    )
)
add(
    call(
        "h6-pressure-ok-not-social-security",
        "misrepresentation_pressure",
        LIFE,
        (),
        "'are you from Social Security?' -> no, a privately owned insurer; Social Security has no part in it",
        (C, "Hold on, are you from Social Security?"),
        (
            A,
            "No sir, this is a privately owned insurer. Social Security doesn't have any part in this policy.",
        ),
        (C, "Alright. Just checking."),
        k=8,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-pressure-federal-hardship",
        "misrepresentation_pressure",
        DEBT,
        ("misrepresentation_pressure",),
        "'this is part of the federal hardship relief program, set up for people in your situation'",
        (
            A,
            "Okay, good news. You qualify for the federal hardship relief program. It was set up for people in exactly your situation, and we're the ones who enroll you.",
        ),
        (C, "Oh, it's a government thing?"),
        (A, "That's right."),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h6-pressure-locked-out-a-year",
        "misrepresentation_pressure",
        LOAN,
        ("misrepresentation_pressure",),
        "invented pressure: once the call ends unsigned the rate is gone and the system locks the caller out for a year",
        (C, "I want to sleep on it over the weekend."),
        (
            A,
            "I really wouldn't. The minute this call ends without a signature, this rate is gone, and the system locks you out for a year. You need to decide before we get off this call.",
        ),
        (C, "That seems like a lot."),
        k=11,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h6-abuse-ok-caller-swears",
        "abusive_language",
        DEBT,
        (),
        "the caller swears about the wait; the agent apologizes and carries on calmly",
        (C, "This is garbage. I waited twenty damn minutes, what the hell kind of outfit is this?"),
        (A, "Twenty minutes is way too long, I apologize. Let's get your questions answered right now."),
        (C, "Fine."),
        k=12,
        stereo_only=True,
    )
)
add(
    call(
        "h6-abuse-ok-stupid-computer",
        "abusive_language",
        AUTO,
        (),
        "near miss: the agent calls her own computer stupid when it freezes, and apologizes",
        (A, "Sorry, this stupid computer just froze on me. Give me two seconds."),
        (C, "No rush."),
        (A, "Alright, it's up again. Appreciate you hanging in there."),
        k=13,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-abuse-ok-sets-boundary",
        "abusive_language",
        LOAN,
        (),
        "the caller calls the agents scammers and liars; the agent stays polite and says he'll end the call if the name calling goes on",
        (C, "You're all scammers, every last one of you at these places. Liars."),
        (
            A,
            "I understand you're upset. I'm glad to keep helping, but if the name calling continues I'll have to end the call.",
        ),
        (C, "Alright, alright. Sorry."),
        k=0,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-abuse-are-you-deaf",
        "abusive_language",
        PARTD,
        ("abusive_language",),
        "the caller asks again about a drug; the agent: 'are you deaf? … are you even listening?'",
        (C, "Sorry, so is the Eliquis covered or not?"),
        (A, "Are you deaf? I've said it twice now. It's covered. Are you even listening to me?"),
        (C, "Wow. Okay, that was uncalled for."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h6-abuse-shut-up-lady",
        "abusive_language",
        LIFE,
        ("abusive_language",),
        "the caller interrupts; the agent: 'shut up for one second and let me talk, lady'",
        (A, "So this plan pays out ten thousand, and the premium is"),
        (C, "Wait, wait, what about my son? Can he be on it?"),
        (A, "Shut up for one second and let me talk, lady. God, every single one of you."),
        (C, "Excuse me?"),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h6-sensitive-ok-last-four-social",
        "sensitive_data",
        MEDI,
        (),
        "to verify identity the agent asks for only the last four of the Social; the caller gives four digits",
        (A, "To find your record, I only need the tail end of your Social, the last four."),
        (C, "8 1 3 2.", "Eight one three two."),
        (A, "Thank you, I have you."),
        k=4,
        after_body=True,
    )
)
add(
    call(
        "h6-sensitive-ok-secure-system",
        "sensitive_data",
        LIFE,
        (),
        "the agent connects the caller to a secure keypad system for the card; the agent hears no numbers and it is not recorded",
        (C, "Okay, let's go ahead with it. What's the way to pay for the first month?"),
        (
            A,
            "I'll connect you to a secure keypad system where you punch in the card yourself. I won't hear the numbers, and that part isn't recorded.",
        ),
        (A, "And you're back. It shows your first premium is paid."),
        (C, "Good."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h6-sensitive-ok-stopped-midway",
        "sensitive_data",
        AUTO,
        (),
        "the caller starts reading the card and gets out three digits; the agent stops her and sends a secure link instead",
        (C, "Sure, my card number is 4 1 7", "Sure, my card number is four one seven"),
        (
            A,
            "Sorry to cut you off, please don't read that out loud. I'm texting you a secure link to pay instead.",
        ),
        (C, "Oh. Okay, I've got the text."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h6-sensitive-card-number",
        "sensitive_data",
        LOAN,
        ("sensitive_data",),
        "for the application fee the caller reads a full card number and its expiry aloud",
        (A, "For the application fee, I'll take a card number whenever you're ready."),
        (
            C,
            "Okay. 5 4 1 2, 7 5 0 3, 9 9 1 8, 2 2 6 4, expires oh nine twenty seven.",
            "Okay. Five four one two, seven five oh three, nine nine one eight, two two six four, expires oh nine twenty seven.",
        ),
        (A, "Got it, thank you."),
        k=7,
        after_body=True,
    )
)
add(
    call(
        "h6-sensitive-account-read-back",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the agent reads the caller's full routing and checking account numbers back aloud",
        (
            A,
            "Let me read your bank details back to be sure. Routing number 0 7 1 0 0 0 0 1 3, account number 3 9 2 8 4 1 7 7 0 6. Is that right?",
            "Let me read your bank details back to be sure. Routing number zero seven one, zero zero zero, zero one three, account number three nine two, eight four one, seven seven zero six. Is that right?",
        ),
        (C, "Yes, that's correct."),
        k=8,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    call(
        "h6-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare Advantage call (about two minutes), disclaimer read after the greeting",
        k=9,
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the last lines: mark it long by hand
        call(
            "h6-long-auto-midnight",
            "long_call",
            AUTO,
            ("misrepresentation_pressure",),
            "long auto call (about two minutes); at the end the agent invents a deadline: the price disappears at midnight",
            (C, "Hi, my renewal just arrived and the price jumped, so I'm comparing."),
            (A, "Alright, let's dig in."),
            *LONG_FILLER[AUTO],
            (
                A,
                "Good choice. But I've got to have your decision right now. That price disappears at midnight, and after that it's the higher rate for good.",
            ),
            (C, "Oh. I was hoping to sleep on it."),
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
        "h6-multi-anonymous-opening",
        "multi",
        AUTO,
        ("recording_disclosure", "agent_identification"),
        "the agent gives no name, no company and no recording disclosure at any point",
        (A, "Alright, I'm going to check prices with a few carriers for you."),
        (C, "Okay."),
        opening=((A, "Hi there, you called about car insurance? Let's get you a quote."),),
        after_body=True,
    )
)
add(
    call(
        "h6-multi-medicare-partner-no-tpmo",
        "multi",
        MEDI,
        ("tpmo_disclaimer", "misrepresentation_pressure"),
        "a claimed partnership with and authorization from Medicare, and no disclaimer",
        (
            A,
            "So, we work hand in hand with Medicare. They've authorized us to handle your benefit changes, so you're in the right place.",
        ),
        (C, "Oh, good, I wasn't sure who to call."),
        k=1,
        tpmo=False,
        opening=greet(NAMES[1], COMPANY[MEDI], 1),
    )
)
add(
    call(
        "h6-multi-dnc-insult",
        "multi",
        LOAN,
        ("do_not_call", "abusive_language"),
        "'erase me from your system and stop calling' -> the agent mocks the caller as broke and stupid and asks about income",
        (C, "Erase me from your system and stop calling."),
        (
            A,
            "Wow, fine, genius. Enjoy being broke, nobody else is going to lend you a dime. So what's your monthly income again?",
        ),
        (C, "Are you kidding me?"),
        k=2,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h6-multi-settled-for-sure-ssn",
        "multi",
        DEBT,
        ("guaranteed_outcome", "sensitive_data"),
        "'every creditor will settle, you have my word', then the caller reads her full Social Security number",
        (
            A,
            "Here's the deal. Every one of your creditors will settle with us, you have my word on that. To get started I'll need all nine numbers of your Social.",
        ),
        (
            C,
            "Okay, it's 527 19 4483.",
            "Okay, it's five two seven, one nine, four four eight three.",
        ),
        (A, "Thank you, you're all set up."),
        k=3,
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); mono positions (2, 5, 8, …) mostly hold calls whose verdict does not rest on who spoke.
ORDER = (
    "h6-tpmo-ok-full",
    "h6-guarantee-cut-in-half",
    "h6-disclosure-ok-asks-consent",
    "h6-dnc-ok-added-goodbye",
    "h6-sensitive-card-number",
    "h6-long-ok-medicare",
    "h6-abuse-ok-caller-swears",
    "h6-ident-generic-hotline",
    "h6-ident-no-agent-name",
    "h6-pressure-locked-out-a-year",
    "h6-disclosure-ok-quality-and-recorded",
    "h6-tpmo-no-contacts",
    "h6-dnc-says-cannot-remove",
    "h6-guarantee-ok-issue-explained",
    "h6-multi-settled-for-sure-ssn",
    "h6-disclosure-ok-ivr-prompt",
    "h6-abuse-shut-up-lady",
    "h6-disclosure-quality-no-recording",
    "h6-tpmo-ok-one-organization",
    "h6-pressure-ok-not-social-security",
    "h6-sensitive-ok-last-four-social",
    "h6-guarantee-ok-cant-promise-approval",
    "h6-disclosure-notes-only",
    "h6-tpmo-after-first-minute",
    "h6-multi-anonymous-opening",
    "h6-dnc-quit-calling-ignored",
    "h6-sensitive-ok-secure-system",
    "h6-abuse-are-you-deaf",
    "h6-long-auto-midnight",
    "h6-ident-ok-caller-asks-again",
    "h6-ident-ok-outbound-on-behalf",
    "h6-multi-dnc-insult",
    "h6-pressure-federal-hardship",
    "h6-abuse-ok-stupid-computer",
    "h6-tpmo-none",
    "h6-guarantee-ok-most-drivers",
    "h6-sensitive-account-read-back",
    "h6-dnc-noted-then-coverage-question",
    "h6-tpmo-ok-debt-call-mentions-medicare",
    "h6-abuse-ok-sets-boundary",
    "h6-guarantee-take-it-to-the-bank",
    "h6-disclosure-at-wrap-up",
    "h6-dnc-ok-call-back-later",
    "h6-pressure-ok-not-medicare",
    "h6-guarantee-costs-will-drop",
    "h6-sensitive-ok-stopped-midway",
    "h6-multi-medicare-partner-no-tpmo",
    "h6-pressure-ok-quote-holds-thirty-days",
    "h6-tpmo-ok-small-deviations",
    "h6-dnc-ok-where-number-from",
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
