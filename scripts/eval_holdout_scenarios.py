"""The calls of the holdout evaluation set (eval/holdout/, built by `make_eval_corpus.py --set holdout`).

Written independently of the judge's tuning and never used for it: report-only. Company names, agent names and
every wording that decides a verdict (recording disclosures, identifications, promises and their negations,
do-not-call requests and acknowledgements, pressure and government claims, abuse, spoken numbers, the TPMO
disclaimer) are new here, not those of scripts/eval_scenarios.py; only the neutral small talk (BODIES,
LONG_FILLER, CLOSING) is shared.

Labels follow the default policy's semantics (its `llm_guidance`), not what any detector happens to match.
Every call is compliant with every rule but the ones it names: the agent discloses recording within its first
30 s and gives a first name and an identifiable company within 60 s, and Medicare calls read the TPMO
disclaimer within the first minute, unless breaking that is the point of the call.
"""

from __future__ import annotations

from eval_scenarios import (
    AUTO,
    BODIES,
    CLOSING,
    DEBT,
    LIFE,
    LOAN,
    LONG_FILLER,
    MEDI,
    A,
    C,
    Cast,
    Scenario,
)

# --- building blocks (new wordings) -------------------------------------------------------------------------

DISCLOSURES = (
    "Heads up, we record our calls.",
    "I'm required to let you know this line is monitored and recorded.",
    "Before we get going, everything on this call is being recorded.",
    "Quick note, I am recording our conversation today for training.",
    "Our calls are taped so we keep an accurate record.",
    "You should know that this phone call is being recorded and may be reviewed.",
)
IDENTS = (
    "{name} here, from {company}. What can I help you with?",
    "{company}, {name} speaking. How can I help?",
    "You're speaking with {name} at {company}. What are you calling about today?",
    "This is {name} at {company}. How can I help you?",
    "My first name is {name}, and I'm a licensed agent with {company}. What can I do for you?",
)

# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 5 organizations which offer "
    "27 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent five organizations which offer "
    "twenty seven products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "Hello, I got a postcard about Medicare Advantage plans."),
    (A, "Sure thing. Before we look at any plans, I have a required statement to read to you."),
)

COMPANY = {
    AUTO: "Ironwood Auto Insurance",
    LOAN: "Brightpath Lending",
    DEBT: "Clearwater Debt Relief",
    LIFE: "Maplewood Life",
    MEDI: "Keystone Senior Plans",
}
NAMES = ("Rachel", "Omar", "Denise", "Victor", "Hannah", "Luis", "Brenda", "Gavin", "Naomi", "Felix", "Joyce")


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening in the new wordings: disclosure and identification, ordered and split by k."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    ident = IDENTS[k % len(IDENTS)].format(name=name, company=company)
    if k % 3 == 0:
        return ((A, f"Hi there. {disclosure} {ident}"),)
    if k % 3 == 1:
        return ((A, f"Good afternoon. {ident.split('.')[0]}."), (A, f"{disclosure} What do you need today?"))
    first = ident.split(".")[0]
    if first.split()[0] in ("You're", "This", "My"):
        first = first[0].lower() + first[1:]
    return ((A, f"Hello, {first}. {disclosure}"),)


# The first holdout's calls end with the main corpus's small talk and closing.
hcall = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, CLOSING).call


SCENARIOS: list[Scenario] = []
add = SCENARIOS.append

# The order decides each call's line condition (make_eval_corpus.condition_for); the calls at positions 8
# and 25, stored as uncompressed mu-law WAV, are short ones so the set stays under 5 MB.

# recording_disclosure -------------------------------------------------------------------------------------
add(
    hcall(
        "h-disclosure-ok-heads-up",
        "recording_disclosure",
        AUTO,
        (),
        "disclosure: 'heads up, we record our calls'",
        opening=(
            (
                A,
                "Hi, Rachel here, from Ironwood Auto Insurance. Heads up, we record our calls. What can I help you with?",
            ),
        ),
    )
)
add(
    hcall(
        "h-disclosure-ok-required",
        "recording_disclosure",
        LOAN,
        (),
        "disclosure: 'I'm required to let you know this line is monitored and recorded'",
        opening=(
            (A, "Good afternoon, Brightpath Lending, Omar speaking."),
            (A, "I'm required to let you know this line is monitored and recorded."),
        ),
    )
)
add(
    hcall(
        "h-disclosure-missing",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "no recording disclosure anywhere in the call",
        opening=(
            (
                A,
                "Hello, my first name is Hannah, and I'm a licensed agent with Maplewood Life. What can I do for you?",
            ),
        ),
    )
)
add(
    hcall(
        "h-disclosure-notes-only",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "near miss: 'for quality assurance I'll be taking notes', recording never mentioned",
        opening=(
            (
                A,
                "Thanks for calling Clearwater Debt Relief, this is Felix. For quality assurance, I'll be taking a few notes while we talk.",
            ),
        ),
    )
)
add(
    hcall(
        "h-disclosure-late",
        "recording_disclosure",
        DEBT,
        ("recording_disclosure",),
        "disclosure only after about fifty seconds of substance",
        (A, "By the way, I should have said this at the start: our calls are recorded."),
        opening=(
            (A, "Clearwater Debt Relief, this is Denise. How can I help you today?"),
            (
                C,
                "Hi. I owe money on three credit cards and a medical bill, and the collectors keep calling me at work.",
            ),
            (
                A,
                "I'm sorry you're dealing with that. Collectors calling you at work is stressful, and you have rights there too. Let's go through your situation step by step.",
            ),
            (
                C,
                "Okay. The cards add up to about eighteen thousand dollars, and the medical bill is around four thousand.",
            ),
            (
                A,
                "Thank you. Are any of those accounts already with a collection agency, or are they all still with the original banks?",
            ),
            (C, "Two of the cards are with a collection agency now. The others are still with the bank."),
            (
                A,
                "Got it. And roughly how much could you put toward your debts each month if we built a plan around it?",
            ),
            (C, "Maybe three hundred dollars a month, if I cut back on a few things."),
        ),
        body=False,
    )
)

# agent_identification -------------------------------------------------------------------------------------
add(
    hcall(
        "h-ident-ok-speaking-with",
        "agent_identification",
        LIFE,
        (),
        "identification: 'you're speaking with <name> at <company>'",
        k=12,
    )
)
add(
    hcall(
        "h-ident-company-only",
        "agent_identification",
        LOAN,
        ("agent_identification",),
        "company named, the agent never gives a name",
        opening=(
            (
                A,
                "Brightpath Lending, good morning. Quick note, I am recording our conversation today for training. How can I help?",
            ),
        ),
    )
)
add(
    hcall(
        "h-ident-generic-company",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "near miss: a first name but only a generic 'debt help center', no identifiable company",
        opening=(
            (
                A,
                "Hi, this is Gavin with the debt help center. Our calls are taped so we keep an accurate record.",
            ),
        ),
    )
)

# do_not_call ----------------------------------------------------------------------------------------------
add(
    hcall(
        "h-dnc-ok-answers-where-from",
        "do_not_call",
        LOAN,
        (),
        "near miss: 'quit calling me, where did you get this number', answered, then removal confirmed",
        (C, "Quit calling me. And where did you even get this number?"),
        (
            A,
            "It came from a loan request made on our website last month. I've taken your number off our list. Goodbye.",
        ),
        k=6,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-dnc-ok-added-to-list",
        "do_not_call",
        AUTO,
        (),
        "request ('put me on your do not call list') honoured: added, 'you won't hear from us again'",
        (C, "Look, please put me on your do not call list. I don't want any more of these calls."),
        (A, "Understood. I've added your number to our do not call list, and you won't hear from us again."),
        (C, "Good, thanks."),
        (A, "Goodbye."),
        k=3,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-dnc-ack-then-question",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "near miss: 'I'll take care of that', then a sales question about the renewal date",
        (C, "Stop calling me, please."),
        (
            A,
            "Sure, I'll take care of that. Quick question before you go, when does your current policy renew? We could probably beat your price.",
        ),
        k=7,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-dnc-rebuttal",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "request ignored: the agent asks for thirty more seconds and keeps pitching",
        *BODIES[LIFE][:2],
        (C, "You know, I'm not interested after all. Take me off your list."),
        (
            A,
            "Ma'am, give me thirty more seconds. This policy covers your funeral costs, and most families wish they had it. Let me just read you the monthly price.",
        ),
        k=9,
        body=False,
        closing=False,
        stereo_only=True,
    )
)

# guaranteed_outcome ---------------------------------------------------------------------------------------
add(
    hcall(
        "h-guarantee-ok-nobody-can-promise",
        "guaranteed_outcome",
        LOAN,
        (),
        "negation: the caller asks for a promise, 'nobody here can promise you an approval'",
        (C, "Can you promise me I'll get approved this time?"),
        (A, "Nobody here can promise you an approval. The lender looks at your whole file first."),
        k=1,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-guarantee-ok-guaranteed-acceptance",
        "guaranteed_outcome",
        LIFE,
        (),
        "product name: 'guaranteed acceptance' policy explained truthfully, with its waiting period",
        (
            A,
            "This is a guaranteed acceptance policy, which means no medical exam and no health questions. The catch is a two year waiting period before the full benefit is paid.",
        ),
        k=4,
        after_body=True,
    )
)
add(
    hcall(
        "h-guarantee-sure-thing",
        "guaranteed_outcome",
        LOAN,
        ("guaranteed_outcome",),
        "promise: 'your loan is a sure thing, you will be approved, no question about it'",
        (C, "My credit score dropped last year. Is that going to hurt me?"),
        (A, "Honestly, your loan is a sure thing. You will be approved, no question about it."),
        k=2,
    )
)
add(
    hcall(
        "h-guarantee-agent-affirms",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "near miss: the caller says 'guaranteed', the agent affirms it ('yes, that's exactly what I'm telling you')",
        (C, "So you're saying it's guaranteed that my debt gets cut in half?"),
        (A, "Yes, that's exactly what I'm telling you. Your debt will be cut in half, period."),
        k=5,
        stereo_only=True,
    )
)

# tpmo_disclaimer ------------------------------------------------------------------------------------------
add(
    hcall(
        "h-tpmo-ok-full",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the full CMS disclaimer, read correctly early in the call",
        k=10,
    )
)
add(
    hcall(
        "h-tpmo-ok-deviations",
        "tpmo_disclaimer",
        MEDI,
        (),
        "all three parts with small deviations ('where you live', 'right now', 'that offer', 'for information on')",
        (
            A,
            "We don't offer every plan available where you live. Right now we represent 4 organizations that offer 19 products in your area. You can contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program for information on all of your options.",
            "We don't offer every plan available where you live. Right now we represent four organizations that offer nineteen products in your area. You can contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program for information on all of your options.",
        ),
        opening=(
            (A, "Hello, this is Luis at Oakhaven Benefits Group."),
            (A, "You should know that this phone call is being recorded and may be reviewed."),
            *TPMO_LEAD,
        ),
    )
)
add(
    hcall(
        "h-tpmo-ok-single-org",
        "tpmo_disclaimer",
        MEDI,
        (),
        "single-organization variant ('limited to those plans we do offer in your area')",
        (
            A,
            "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
            "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
        ),
        opening=greet("Brenda", "Keystone Senior Plans", 6) + TPMO_LEAD,
    )
)
add(
    hcall(
        "h-tpmo-ok-out-of-scope",
        "tpmo_disclaimer",
        LIFE,
        (),
        "near miss: the caller mentions Medicare but the campaign is Final Expense (rule out of scope)",
        (C, "Is this connected to my Medicare in any way?"),
        (A, "No, this is a separate life insurance policy. It doesn't change your Medicare at all."),
        k=2,
    )
)
add(
    hcall(
        "h-tpmo-no-referral",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "partial: not every plan + the count, but no referral to Medicare.gov, 1-800-MEDICARE or SHIP",
        (
            A,
            "We do not offer every plan available in your area. Currently we represent 5 organizations which offer 27 products in your area. Okay, let's get started.",
            "We do not offer every plan available in your area. Currently we represent five organizations which offer twenty seven products in your area. Okay, let's get started.",
        ),
        opening=greet("Joyce", "Keystone Senior Plans", 0) + TPMO_LEAD,
    )
)
add(
    hcall(
        "h-tpmo-late",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "the full disclaimer, but only after well over a minute of questions",
        (C, "I'm turning sixty five in March and I want to see what Medicare Advantage plans are out there."),
        (A, "Happy to help. Do you already have your Medicare card with Part A and Part B on it?"),
        (C, "Yes, the card came in the mail a few weeks ago, and both parts start in March."),
        (A, "Great. Which doctors do you see right now, so I can check which plan networks they are in?"),
        (
            C,
            "My family doctor is Doctor Nguyen, and I see a dermatologist once a year at the university clinic.",
        ),
        (A, "Okay, and do you take any prescription drugs regularly, even the generic ones?"),
        (C, "Just one, for my thyroid. I've been on it for about ten years now."),
        (A, "Thank you. Is dental or vision coverage important to you, or mostly the medical side?"),
        (C, "Dental matters a lot to me. I'm going to need some work done on my teeth next year."),
        (A, "Understood. And do you travel much, or do you stay in your home state most of the year?"),
        (C, "I visit my daughter in Arizona for a month every winter."),
        (A, "Good to know, that affects which networks make sense. Oh, and I also need to read you this."),
        (A, "Here it is. " + TPMO_READ[0], "Here it is. " + TPMO_READ[1]),
        opening=((A, "Hi there. Heads up, we record our calls. This is Wesley at Oakhaven Benefits Group."),),
        body=False,
    )
)
add(
    hcall(
        "h-tpmo-missing",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "no disclaimer at all on a Medicare Advantage call",
        opening=greet("Naomi", "Oakhaven Benefits Group", 2)
        + (
            (C, "Hello, I got a postcard about Medicare plans."),
            (A, "Sure, let's see what's out there for you."),
        ),
    )
)

# misrepresentation_pressure -------------------------------------------------------------------------------
add(
    hcall(
        "h-pressure-ok-licensed-agency",
        "misrepresentation_pressure",
        MEDI,
        (),
        "negation: 'we are a licensed agency, not connected with any government agency'",
        (C, "Are you people from Medicare?"),
        (A, "No. We are a licensed agency, not connected with any government agency."),
        k=3,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-pressure-deadline-five",
        "misrepresentation_pressure",
        LOAN,
        ("misrepresentation_pressure",),
        "invented deadline: 'this rate disappears at five o'clock today, I need your answer right now'",
        (C, "It sounds good, but I'd like a day to think."),
        (A, "This rate disappears at five o'clock today, so I need your answer right now."),
        k=5,
        after_body=True,
    )
)

add(
    hcall(
        "h-pressure-ok-no-rush",
        "misrepresentation_pressure",
        AUTO,
        (),
        "no pressure: 'there's no rush at all, sleep on it'",
        (C, "I need to talk it over with my wife first."),
        (A, "Of course, there's no rush at all. Sleep on it and call me back whenever you're ready."),
        k=4,
        body=False,
        after_body=True,
    )
)
add(
    hcall(
        "h-pressure-gov-official-line",
        "misrepresentation_pressure",
        MEDI,
        ("misrepresentation_pressure",),
        "government affiliation claim: 'I work directly for Medicare, this is the official enrollment line'",
        (
            A,
            "And just so you know, I work directly for Medicare, and this is the official Medicare enrollment line.",
        ),
        k=1,
    )
)
# abusive_language -----------------------------------------------------------------------------------------
add(
    hcall(
        "h-abuse-ok-caller-curses",
        "abusive_language",
        DEBT,
        (),
        "near miss: the caller curses and insults, the agent stays courteous",
        (C, "This is a damn waste of my time, you people are a bunch of crooks."),
        (A, "I hear you, and I'm sorry it's been frustrating. Let me see what I can fix for you today."),
        k=6,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-abuse-ok-firm",
        "abusive_language",
        LOAN,
        (),
        "near miss: the agent is firm ('please let me finish') but polite",
        (C, "No, no, no, just tell me the number, I don't care about the rest."),
        (A, "Please let me finish this sentence, and then I'll answer every question you have."),
        k=7,
        after_body=True,
    )
)
add(
    hcall(
        "h-abuse-stupid",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the agent insults: 'are you stupid?'",
        (C, "Sorry, what's a deductible again?"),
        (A, "Are you stupid? I just explained that to you twice."),
        k=8,
        after_body=True,
        closing=False,
    )
)
# sensitive_data -------------------------------------------------------------------------------------------
add(
    hcall(
        "h-sensitive-ok-last-four",
        "sensitive_data",
        LOAN,
        (),
        "near miss: only the last four digits of the social security number",
        (A, "To verify it's you, just the last four of your social, please."),
        (C, "Sure, 8 3 0 6.", "Sure, eight three zero six."),
        k=10,
        after_body=True,
    )
)
add(
    hcall(
        "h-sensitive-ok-zip-phone",
        "sensitive_data",
        AUTO,
        (),
        "near miss: a ZIP code and a ten-digit phone number (neither a card nor an SSN)",
        (A, "What's your zip code, and a good number to reach you?"),
        (
            C,
            "My zip code is 30309 and my cell is 404 555 0178.",
            "My zip code is three oh three oh nine, and my cell is four oh four, five five five, oh one seven eight.",
        ),
        k=0,
        after_body=True,
    )
)
add(
    hcall(
        "h-sensitive-agent-reads-card",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the agent reads a full payment card number back",
        (A, "For the first premium, I have the card number you wrote on your paper application."),
        (
            A,
            "Let me read that card back to you. 5105 1051 0510 5100. Is that right?",
            "Let me read that card back to you. Five one oh five, one oh five one, oh five one oh, five one oh oh. Is that right?",
        ),
        (C, "Yes, that's the one."),
        k=1,
        after_body=True,
    )
)
add(
    hcall(
        "h-sensitive-caller-ssn",
        "sensitive_data",
        DEBT,
        ("sensitive_data",),
        "the caller reads a full social security number",
        (A, "For the credit review I'll need your full social security number."),
        (C, "Sure, it's 671 32 0458.", "Sure, it's six seven one, three two, zero four five eight."),
        k=2,
        after_body=True,
    )
)
add(
    hcall(
        "h-sensitive-cvv",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "the caller reads the card security code (no card number spoken)",
        (A, "I have the card from your application. I just need the three digit code on the back."),
        (C, "It's 2 9 3.", "It's two nine three."),
        k=3,
        after_body=True,
    )
)

# long calls (about two minutes) ---------------------------------------------------------------------------
add(
    hcall(
        "h-long-ok-medicare",
        "long_call",
        MEDI,
        (),
        "long compliant Medicare call (about two minutes)",
        k=4,
        company="Oakhaven Benefits Group",
        long=True,
    )
)
add(
    hcall(
        "h-long-ok-auto",
        "long_call",
        AUTO,
        (),
        "long compliant auto call (about two minutes)",
        k=5,
        long=True,
    )
)
add(
    hcall(
        "h-long-pressure-late",
        "long_call",
        AUTO,
        ("misrepresentation_pressure",),
        "long call; after about two minutes 'if you hang up to think it over, this price is gone'",
        *BODIES[AUTO],
        *LONG_FILLER[AUTO][:16],
        (C, "Let me think about it overnight and call you back."),
        (A, "If you hang up to think it over, this price is gone for good. It's now or never."),
        k=6,
        body=False,
        closing=False,
    )
)

# combinations -----------------------------------------------------------------------------------------------
add(
    hcall(
        "h-multi-gov-tpmo-partial",
        "multi",
        MEDI,
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "'I'm with the Medicare enrollment office' and a disclaimer without the count of organizations",
        (
            A,
            "We don't offer every plan in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your State Health Insurance Program for all of your options.",
            "We don't offer every plan in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your State Health Insurance Program for all of your options.",
        ),
        (A, "I'm with the Medicare enrollment office, so everything we do today is official."),
        opening=greet("Victor", "Keystone Senior Plans", 3) + TPMO_LEAD,
    )
)
add(
    hcall(
        "h-multi-abuse-dnc",
        "multi",
        AUTO,
        ("abusive_language", "do_not_call"),
        "do-not-call request answered with 'shut your mouth and listen' and more pitch",
        (C, "Stop calling me. I mean it, take me off your list."),
        (A, "Shut your mouth and listen for once. This deal will save you money on your car insurance."),
        k=8,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    hcall(
        "h-multi-ok-negations",
        "multi",
        MEDI,
        (),
        "compliant Medicare call negating several rules (no government tie, no guarantee, no rush)",
        (
            A,
            "To be clear, we are a licensed agency, not connected with any government agency. Nobody can guarantee you'll get into a particular plan, and you can take all the time you need.",
        ),
        k=7,
        company="Oakhaven Benefits Group",
    )
)
