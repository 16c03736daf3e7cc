"""The calls of the evaluation corpus: what is said, and what the policy should conclude (see make_eval_corpus.py).

Each scenario is one call. `family` groups the versions of one rule (compliant, violating, near misses) so the
tune/report split can keep every family on both sides. `rules` are the rule ids of the default policy that
must fire; empty means the call is compliant. Lines are (speaker, text) or (speaker, text, say) where `say`
spells the same words for espeak-ng.

Every call is compliant with every rule but the ones it names: each opens with a recording disclosure and the
agent's name and company within the windows of the policy, and Medicare calls read the TPMO disclaimer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

A, C = "agent", "caller"
# The campaigns of every set; the TPMO rule covers the two Medicare ones.
AUTO, LOAN, DEBT, LIFE, MEDI, PARTD = (
    "Auto Insurance",
    "Personal Loans",
    "Debt Relief",
    "Final Expense",
    "Medicare Advantage",
    "Medicare Part D",
)
MEDICARE_CAMPAIGNS = (MEDI, PARTD)


@dataclass(frozen=True)
class Scenario:
    id: str
    family: str
    campaign: str
    rules: tuple[str, ...]
    description: str
    lines: tuple[tuple[str, ...], ...]
    long: bool = False
    # Calls whose verdict rests on who said what are only fair with a speaker per channel.
    stereo_only: bool = False
    agent_speed_delta: int = 0

    @property
    def verdict(self) -> str:
        return "flagged" if self.rules else "compliant"


# --- building blocks --------------------------------------------------------------------------------------

DISCLOSURES = (
    "This call is recorded for quality and training purposes.",
    "This call may be recorded or monitored.",
    "Just so you know, you are on a recorded line.",
    "This conversation is being recorded for quality assurance.",
    "Calls are recorded for training purposes.",
    "Please note this call is being recorded.",
)

TPMO_FULL = (
    "We do not offer every plan available in your area. Currently we represent 8 organizations which offer "
    "52 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent eight organizations which offer "
    "fifty two products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program to get information on all of your options.",
)


def opening(name: str, company: str, k: int = 0) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: disclosure and identification, worded one of several ways (k picks)."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    ident = (
        f"My name is {name} with {company}. How can I help you today?",
        f"Thanks for calling {company}, my name is {name}. What can I do for you?",
        f"You've reached {company}. This is {name} speaking. How may I help?",
        f"I'm {name} from {company}. What are you looking for today?",
    )[k % 4]
    if k % 2:
        return ((A, f"Hello. {disclosure}"), (A, ident))
    return ((A, f"Thank you for calling. {disclosure} {ident}"),)


AUTO_BODY = (
    (C, "Hi, I want to compare rates on my car insurance."),
    (A, "Happy to help. What state do you live in, and how many cars do you drive?"),
    (C, "I live in Ohio and it's just one car, a Honda Civic."),
    (A, "Great. Any accidents or tickets in the last three years?"),
    (C, "No, my driving record is clean."),
    (A, "Thanks. Let me pull a few quotes for you to compare."),
)
LOAN_BODY = (
    (C, "Hi, I saw your ad about personal loans. I need about five thousand dollars."),
    (A, "Sure. What will you use the loan for, and what is your monthly income?"),
    (C, "It's for a car repair. I make about three thousand a month."),
    (A, "Okay. The lender will review your application and credit before any decision."),
    (C, "How long does that usually take?"),
    (A, "Usually one or two business days."),
)
DEBT_BODY = (
    (C, "I have about twenty thousand dollars in credit card debt and I'm falling behind."),
    (A, "I'm sorry to hear that. How many cards do you have balances on?"),
    (C, "Four cards, and the interest keeps going up."),
    (A, "Our counselors can review your accounts and explain your options, including a payment plan."),
    (C, "Okay, what happens next?"),
    (A, "I'll set up a free review with a counselor this week."),
)
LIFE_BODY = (
    (C, "I'm looking for a small life insurance policy to cover funeral costs."),
    (A, "Of course. May I ask your age and whether you use tobacco?"),
    (C, "I'm seventy one and I don't smoke."),
    (A, "Thank you. Policies for final expenses usually range from five to twenty five thousand dollars."),
    (C, "Ten thousand would be enough for me."),
    (A, "Let me look at the options for ten thousand."),
)
MEDICARE_BODY = (
    (C, "Okay, that's fine. I want to look at Medicare Advantage plans. I live in Tampa."),
    (A, "Thank you. Do you already have Medicare Part A and Part B?"),
    (C, "Yes, I have both."),
    (A, "Which doctors do you see, so I can check the networks?"),
    (C, "Doctor Patel at Tampa General."),
    (A, "Let me look up the plans in your area that include her."),
)
BODIES = {
    "Auto Insurance": AUTO_BODY,
    "Personal Loans": LOAN_BODY,
    "Debt Relief": DEBT_BODY,
    "Final Expense": LIFE_BODY,
    "Medicare Advantage": MEDICARE_BODY,
}
LONG_FILLER = {
    "Auto Insurance": (
        (A, "Do you want to keep the same coverage limits you have now?"),
        (C, "I think so. I have one hundred thousand in liability, I believe."),
        (A, "That's a common choice. Would you like comprehensive and collision as well?"),
        (C, "Yes, the car is only five years old, so I want full coverage."),
        (A, "Understood. And what deductible do you have at the moment?"),
        (C, "Five hundred dollars for both."),
        (A, "Okay. A higher deductible lowers the premium, but you pay more if you file a claim."),
        (C, "I'd rather keep it at five hundred."),
        (A, "No problem. Is anyone else in your household driving the car?"),
        (C, "My daughter drives it sometimes. She is nineteen."),
        (A, "Then we need to list her on the policy. Does she have any tickets?"),
        (C, "No, she has never had a ticket."),
        (A, "Good. Do you want roadside assistance and rental coverage?"),
        (C, "Roadside assistance, yes. I don't need the rental."),
        (A, "All right. I have three quotes here, from three different insurers."),
        (C, "Can you read me the monthly prices?"),
        (
            A,
            "The first is one hundred and twelve dollars a month, the second one hundred and four, and the third ninety eight.",
        ),
        (C, "What's the difference between them?"),
        (A, "The cheapest one has a smaller network of repair shops. The other two let you choose any shop."),
        (C, "I think I'll go with the second one then."),
    ),
    "Medicare Advantage": (
        (A, "Do you take any prescription drugs regularly?"),
        (C, "Yes, I take a pill for blood pressure and one for cholesterol."),
        (A, "Do you know the names of those medications?"),
        (C, "Lisinopril and atorvastatin."),
        (A, "Both are generic, so they are on the formulary of most plans in your area."),
        (C, "That's good to hear. What about dental coverage?"),
        (A, "Several plans include preventive dental care, and some include dentures."),
        (C, "I might need a crown next year."),
        (A, "Then let me show you the plans with comprehensive dental benefits."),
        (C, "And do they cover eye exams too?"),
        (A, "Most do, once a year, with an allowance for glasses."),
        (C, "What would the monthly premium be?"),
        (A, "Two of these plans have no monthly premium beyond your Part B premium."),
        (C, "And the doctor visits, what do they cost?"),
        (A, "Primary care visits have no copay, and specialists are about thirty five dollars."),
        (C, "That seems reasonable. Can you send me the details in the mail?"),
        (A, "Yes, I will mail you the summary of benefits for each plan."),
        (C, "Thank you, that would help. I want to read it with my wife."),
    ),
}
CLOSING = ((C, "Okay, thank you for your help."), (A, "You're welcome. Have a great day."))


Lines = Sequence[tuple[str, ...]]
MEDICARE_STATEMENT = (
    (C, "Hi, I'm turning sixty five soon."),
    (A, "I can help with that. First I need to read you a short statement."),
    (A, TPMO_FULL[0], TPMO_FULL[1]),
)


def assemble(
    opening: Lines,
    middle: Lines,
    *,
    tpmo: Lines = (),
    body: Lines = (),
    body_first: bool = False,
    filler: Lines = (),
    closing: Lines = (),
) -> tuple[tuple[str, ...], ...]:
    """A call's lines in the order every corpus uses: the opening, the TPMO disclaimer, the middle (after the
    campaign's small talk when `body_first`), the small talk, a long call's filler, the closing."""
    talk = [*body, *middle] if body_first else [*middle, *body]
    return (*opening, *tpmo, *talk, *filler, *closing)


@dataclass(frozen=True)
class Cast:
    """What the compliant calls of a holdout set share: the agents' names, each campaign's company, the
    compliant opening (`greet(name, company, k)`), the TPMO lead-in and reading, each campaign's small talk and
    the closing. `call` builds one call of the set from them."""

    names: tuple[str, ...]
    company: dict[str, str]
    greet: Callable[[str, str, int], Lines]
    tpmo: Lines
    bodies: dict[str, Lines]
    ending: Lines
    by_id: dict[str, Scenario] = field(default_factory=dict)

    def opening(self, campaign: str, k: int, company: str | None = None) -> Lines:
        """The compliant opening of the k-th call of `campaign` (to extend one by hand)."""
        return self.greet(self.names[k % len(self.names)], company or self.company[campaign], k)

    def call(
        self,
        id: str,
        family: str,
        campaign: str,
        rules: tuple[str, ...],
        description: str,
        *middle: tuple[str, ...],
        k: int = 0,
        opening: Lines | None = None,
        company: str | None = None,
        tpmo: bool | None = None,
        body: bool = True,
        after_body: bool = False,
        long: bool = False,
        closing: bool = True,
        stereo_only: bool = False,
        agent_speed_delta: int = 0,
    ) -> Scenario:
        """An opening (the compliant `greet` unless given), the TPMO disclaimer on Medicare campaigns
        (default: when the opening is the compliant one), the middle (after the small talk if `after_body`),
        the campaign's small talk, a long call's filler, a closing."""
        if tpmo is None:
            tpmo = campaign in MEDICARE_CAMPAIGNS and opening is None
        lines = assemble(
            self.opening(campaign, k, company) if opening is None else opening,
            middle,
            tpmo=self.tpmo if tpmo else (),
            body=self.bodies[campaign] if body else (),
            body_first=after_body,
            filler=LONG_FILLER[MEDI if campaign in MEDICARE_CAMPAIGNS else campaign] if long else (),
            closing=self.ending if closing else (),
        )
        return Scenario(
            id,
            family,
            campaign,
            rules,
            description,
            lines,
            long=long,
            stereo_only=stereo_only,
            agent_speed_delta=agent_speed_delta,
        )

    def add(self, scenario: Scenario) -> None:
        assert scenario.id not in self.by_id, scenario.id
        self.by_id[scenario.id] = scenario


def call(
    id: str,
    family: str,
    campaign: str,
    rules: tuple[str, ...],
    description: str,
    *middle: tuple[str, ...],
    opening_lines: tuple[tuple[str, ...], ...] | None = None,
    k: int = 0,
    name: str = "Daniel",
    company: str = "Summit Coverage Group",
    long: bool = False,
    body: bool = True,
    closing: bool = True,
    stereo_only: bool = False,
    agent_speed_delta: int = 0,
) -> Scenario:
    """A call: an opening (compliant unless given), the TPMO disclaimer on Medicare campaigns when the
    opening is the standard one, the given middle lines, the campaign's small talk, and a closing."""
    standard = opening_lines is None
    lines = assemble(
        opening(name, company, k) if standard else opening_lines,
        middle,
        tpmo=MEDICARE_STATEMENT if campaign == "Medicare Advantage" and standard else (),
        body=BODIES[campaign] if body else (),
        filler=LONG_FILLER[campaign] if long else (),
        closing=CLOSING if closing else (),
    )
    return Scenario(
        id,
        family,
        campaign,
        rules,
        description,
        lines,
        long=long,
        stereo_only=stereo_only,
        agent_speed_delta=agent_speed_delta,
    )


# --- the scenarios, per rule family ----------------------------------------------------------------------

SCENARIOS: list[Scenario] = []
add = SCENARIOS.append

# recording_disclosure ------------------------------------------------------------------------------------
for i, (campaign, company) in enumerate(
    (
        ("Auto Insurance", "Summit Coverage Group"),
        ("Personal Loans", "Acme Lending"),
        ("Debt Relief", "Pinnacle Debt Solutions"),
    )
):
    add(
        call(
            f"disclosure-ok-{i}",
            "recording_disclosure",
            campaign,
            (),
            f"disclosure worded as variant {i}",
            k=i,
            company=company,
        )
    )
add(
    call(
        "disclosure-ok-may-be-monitored",
        "recording_disclosure",
        "Auto Insurance",
        (),
        "paraphrase: 'this conversation may be monitored and recorded'",
        opening_lines=(
            (
                A,
                "Good morning, you've reached Blue Harbor Insurance, this is Karen. This conversation may be monitored and recorded.",
            ),
        ),
    )
)
add(
    call(
        "disclosure-ok-we-are-recording",
        "recording_disclosure",
        "Personal Loans",
        (),
        "paraphrase: 'we are recording this call'",
        opening_lines=(
            (
                A,
                "Hi, this is Marcus with Northstar Finance. Before we start, we are recording this call for your protection.",
            ),
        ),
    )
)
add(
    call(
        "disclosure-missing",
        "recording_disclosure",
        "Auto Insurance",
        ("recording_disclosure",),
        "no recording disclosure at all",
        opening_lines=(
            (
                A,
                "Thank you for calling. My name is Daniel with Summit Coverage Group. How can I help you today?",
            ),
        ),
    )
)
add(
    call(
        "disclosure-quality-only",
        "recording_disclosure",
        "Personal Loans",
        ("recording_disclosure",),
        "near miss: 'for quality purposes' without saying the call is recorded",
        opening_lines=(
            (
                A,
                "Thanks for calling Acme Lending, my name is Sarah. For quality purposes, may I have your first name?",
            ),
        ),
    )
)
add(
    call(
        "disclosure-late",
        "recording_disclosure",
        "Debt Relief",
        ("recording_disclosure",),
        "disclosure given only after about forty seconds",
        (A, "Oh, and I should mention this call is recorded for quality purposes."),
        opening_lines=(
            (A, "Thank you for calling Pinnacle Debt Solutions, my name is Kevin."),
            (C, "Hi, I have a lot of credit card debt and I don't know where to start."),
            (
                A,
                "You called the right place. We help people with unsecured debt every day, like credit cards, medical bills and personal loans.",
            ),
            (C, "I have four cards and about twenty thousand dollars in total."),
            (
                A,
                "Okay. And are you currently behind on any of those payments, or are you still paying the minimum every month?",
            ),
            (C, "I'm still paying the minimum, but it's getting very hard to keep up."),
            (A, "I understand, a lot of people are in the same situation right now, so you are not alone."),
        ),
    )
)
add(
    call(
        "disclosure-caller-says-it",
        "recording_disclosure",
        "Auto Insurance",
        ("recording_disclosure",),
        "near miss: only the caller mentions recording; the agent never discloses",
        (C, "Is this call being recorded?"),
        (A, "Let's go ahead and get your quote started."),
        opening_lines=((A, "Thank you for calling. My name is Daniel with Summit Coverage Group."),),
        stereo_only=True,
    )
)

# agent_identification ------------------------------------------------------------------------------------
add(
    call(
        "ident-ok-reached",
        "agent_identification",
        "Final Expense",
        (),
        "identification: 'you've reached <company>, this is <name>'",
        k=2,
        company="Evergreen Life",
        name="Maria",
    )
)
add(
    call(
        "ident-ok-thanks-for-calling",
        "agent_identification",
        "Personal Loans",
        (),
        "identification: 'thanks for calling <company>, my name is <name>'",
        k=1,
        company="Acme Lending",
        name="Tom",
    )
)
add(
    call(
        "ident-ok-im-from",
        "agent_identification",
        "Debt Relief",
        (),
        "identification: 'I'm <name> from <company>'",
        k=3,
        company="Pinnacle Debt Solutions",
        name="Lisa",
    )
)
add(
    call(
        "ident-ok-split-company",
        "agent_identification",
        "Personal Loans",
        (),
        "company name that Whisper tends to split or mishear",
        opening_lines=(
            (
                A,
                "Thank you for calling Acme Lending. This call is recorded. My name is Priya, how can I help?",
            ),
        ),
    )
)
add(
    call(
        "ident-missing",
        "agent_identification",
        "Auto Insurance",
        ("agent_identification",),
        "no agent name and no company",
        opening_lines=((A, "Hello, this call is recorded for quality purposes. How can I help you today?"),),
    )
)
add(
    call(
        "ident-name-only",
        "agent_identification",
        "Final Expense",
        ("agent_identification",),
        "near miss: first name but no company",
        opening_lines=(
            (A, "Hello, this call is recorded for quality purposes. My name is Sarah. How can I help you?"),
        ),
    )
)
add(
    call(
        "ident-company-only",
        "agent_identification",
        "Debt Relief",
        ("agent_identification",),
        "near miss: company but never the agent's own name",
        opening_lines=(
            (
                A,
                "Thank you for calling Pinnacle Debt Solutions. This call is recorded. How can I help you today?",
            ),
        ),
    )
)

# guaranteed_outcome --------------------------------------------------------------------------------------
add(
    call(
        "guarantee-ok-not-guaranteed",
        "guaranteed_outcome",
        "Personal Loans",
        (),
        "negation: 'approval is not guaranteed'",
        (C, "Will I be approved?"),
        (A, "Approval is not guaranteed. The lender decides after reviewing your credit."),
        k=0,
        company="Acme Lending",
    )
)
add(
    call(
        "guarantee-ok-cant-promise",
        "guaranteed_outcome",
        "Debt Relief",
        (),
        "negation: 'I can't promise you'll save'",
        (C, "Can you guarantee I'll pay less?"),
        (A, "I can't promise that you will save money. Every case is different."),
        k=1,
        company="Pinnacle Debt Solutions",
        stereo_only=True,
    )
)
add(
    call(
        "guarantee-ok-not-everyone",
        "guaranteed_outcome",
        "Personal Loans",
        (),
        "negation: 'not everyone qualifies'",
        (A, "Not everyone qualifies, but it only takes a few minutes to check."),
        k=2,
        company="Northstar Finance",
    )
)
add(
    call(
        "guarantee-ok-guaranteed-issue",
        "guaranteed_outcome",
        "Final Expense",
        (),
        "product name: 'guaranteed issue' life insurance, explained truthfully",
        (
            A,
            "One option is a guaranteed issue policy. There are no health questions, but the full benefit starts after two years.",
        ),
        k=3,
        company="Evergreen Life",
    )
)
add(
    call(
        "guarantee-ok-caller-asks",
        "guaranteed_outcome",
        "Auto Insurance",
        (),
        "near miss: the caller says 'guaranteed approval', the agent does not promise it",
        (C, "The ad said guaranteed approval. Is that true?"),
        (A, "No, there is no guarantee. The insurer reviews every application."),
        k=4,
        stereo_only=True,
    )
)
add(
    call(
        "guarantee-approved",
        "guaranteed_outcome",
        "Personal Loans",
        ("guaranteed_outcome",),
        "promise: 'I guarantee you will be approved'",
        (C, "My credit isn't great. Will that be a problem?"),
        (A, "Don't worry about that. I guarantee you will be approved today."),
        k=1,
        company="Acme Lending",
    )
)
add(
    call(
        "guarantee-is-guaranteed",
        "guaranteed_outcome",
        "Personal Loans",
        ("guaranteed_outcome",),
        "promise: 'your approval is one hundred percent guaranteed'",
        (A, "With our program your approval is one hundred percent guaranteed."),
        k=3,
        company="Northstar Finance",
    )
)
add(
    call(
        "guarantee-everyone",
        "guaranteed_outcome",
        "Debt Relief",
        ("guaranteed_outcome",),
        "promise: 'everyone who applies gets approved'",
        (A, "Everyone who applies gets approved, so you have nothing to worry about."),
        k=0,
        company="Pinnacle Debt Solutions",
    )
)
add(
    call(
        "guarantee-no-chance-denied",
        "guaranteed_outcome",
        "Auto Insurance",
        ("guaranteed_outcome",),
        "promise: 'there's no chance you'll be denied'",
        (A, "With a clean record like yours there's no chance you'll be denied."),
        k=5,
    )
)
add(
    call(
        "guarantee-cut-debt",
        "guaranteed_outcome",
        "Debt Relief",
        ("guaranteed_outcome",),
        "promise: 'we guarantee to cut your debt in half'",
        (A, "We guarantee to cut your debt in half within two years."),
        k=2,
        company="Pinnacle Debt Solutions",
    )
)

# do_not_call ---------------------------------------------------------------------------------------------
DNC_START = (C, "Actually, please take me off your calling list. Stop calling me.")
add(
    call(
        "dnc-ok-remove",
        "do_not_call",
        "Auto Insurance",
        (),
        "request honoured: 'I'll remove your number from our list right away'",
        DNC_START,
        (A, "I understand. I'll remove your number from our list right away. Sorry for the trouble."),
        (C, "Thank you."),
        (A, "Have a good day."),
        k=0,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-ok-wont-receive",
        "do_not_call",
        "Personal Loans",
        (),
        "request honoured, paraphrased: 'of course, you won't receive any more calls from us'",
        (C, "I don't want these calls anymore. Do not call me again."),
        (A, "Of course. You won't receive any more calls from us."),
        k=1,
        company="Acme Lending",
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-ok-short",
        "do_not_call",
        "Debt Relief",
        (),
        "request honoured with a short 'no problem, done, take care'",
        (C, "Please remove my number from your list."),
        (A, "No problem, done. Take care."),
        k=2,
        company="Pinnacle Debt Solutions",
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-ok-answers-question",
        "do_not_call",
        "Final Expense",
        (),
        "near miss: after the request the agent briefly answers 'how did you get my number' and confirms removal",
        (C, "Stop calling me. How did you even get my number?"),
        (A, "You filled out a form on our website. I've removed you from our list."),
        (C, "Okay."),
        k=3,
        company="Evergreen Life",
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-ok-after-pitch",
        "do_not_call",
        "Auto Insurance",
        (),
        "request late in the call, acknowledged politely",
        *AUTO_BODY,
        (C, "You know what, I'm not interested. Please don't call me again."),
        (A, "Absolutely, I've put your number on our do not call list. Sorry to bother you."),
        k=4,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-keeps-pitching",
        "do_not_call",
        "Personal Loans",
        ("do_not_call",),
        "request ignored: the agent keeps pitching",
        (C, "Please take me off your list. Stop calling me."),
        (
            A,
            "Before you go, we have a special rate this week and you could borrow up to ten thousand dollars with low monthly payments.",
        ),
        (C, "I said I'm not interested."),
        (
            A,
            "It only takes two minutes to apply and most people in your situation save a lot of money every month.",
        ),
        k=0,
        company="Acme Lending",
        body=False,
        closing=False,
    )
)
add(
    call(
        "dnc-ack-then-pitch",
        "do_not_call",
        "Auto Insurance",
        ("do_not_call",),
        "near miss: acknowledged, then the pitch goes on",
        (C, "Stop calling me, I don't want any more calls."),
        (
            A,
            "Okay, I understand. But let me just tell you about our new bundle discount, you could save hundreds of dollars a year if you switch your home and auto today.",
        ),
        k=1,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "dnc-argues",
        "do_not_call",
        "Debt Relief",
        ("do_not_call",),
        "request ignored: the agent argues",
        (C, "Do not call me again."),
        (
            A,
            "Why not? You told us you were struggling with debt, and our program is the best way out, so you should really hear me out before you decide.",
        ),
        k=2,
        company="Pinnacle Debt Solutions",
        body=False,
        closing=False,
        stereo_only=True,
    )
)

# tpmo_disclaimer ------------------------------------------------------------------------------------------
MEDI_OPEN = (
    (
        A,
        "Thank you for calling. This call is being recorded for quality and compliance purposes. My name is Daniel with Liberty Health.",
    ),
    (C, "Hi, I'm turning sixty five soon and want to look at Medicare Advantage plans."),
    (A, "I can help with that. First I need to read you a short statement."),
)
MEDI_OPEN_B = (
    (A, "Hello. This call may be recorded or monitored."),
    (A, "My name is Angela from Sunrise Senior Benefits."),
    (C, "Hi, I got a letter about Medicare plans."),
    (A, "Sure. Let me read you something first."),
)
add(
    call(
        "tpmo-ok-full",
        "tpmo_disclaimer",
        "Medicare Advantage",
        (),
        "the full CMS disclaimer read word for word",
        k=0,
        company="Liberty Health",
    )
)
add(
    call(
        "tpmo-ok-full-b",
        "tpmo_disclaimer",
        "Medicare Advantage",
        (),
        "the full disclaimer, other voice and opening",
        k=1,
        company="Sunrise Senior Benefits",
        name="Angela",
    )
)
add(
    call(
        "tpmo-ok-limited",
        "tpmo_disclaimer",
        "Medicare Advantage",
        (),
        "single-organization variant: 'limited to those plans we do offer'",
        (
            A,
            "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health Insurance Program to get information on all of your options.",
            "We do not offer every plan available in your area. Any information we provide is limited to those plans we do offer in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your local State Health Insurance Program to get information on all of your options.",
        ),
        opening_lines=MEDI_OPEN,
    )
)
add(
    call(
        "tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        "Medicare Advantage",
        (),
        "disclaimer with small deviations: 'don't', 'right now', 'companies', 'plans'",
        (
            A,
            "We don't offer every plan that's available in your area. Right now we represent 6 companies which offer 31 plans in your area. Please contact Medicare.gov or 1-800-MEDICARE, or your State Health Insurance Program, for information on all your options.",
            "We don't offer every plan that's available in your area. Right now we represent six companies which offer thirty one plans in your area. Please contact Medicare dot guv or one eight hundred Medicare, or your State Health Insurance Program, for information on all your options.",
        ),
        opening_lines=MEDI_OPEN_B,
    )
)
add(
    call(
        "tpmo-ok-fast",
        "tpmo_disclaimer",
        "Medicare Advantage",
        (),
        "disclaimer read quickly",
        (A, TPMO_FULL[0], TPMO_FULL[1]),
        opening_lines=MEDI_OPEN,
        agent_speed_delta=35,
    )
)
add(
    call(
        "tpmo-ok-not-medicare-campaign",
        "tpmo_disclaimer",
        "Final Expense",
        (),
        "near miss: no disclaimer, but the campaign is not a Medicare campaign (rule out of scope)",
        (C, "Does this have anything to do with my Medicare?"),
        (A, "No, this is a separate life insurance policy."),
        k=2,
        company="Evergreen Life",
    )
)
add(
    call(
        "tpmo-missing",
        "tpmo_disclaimer",
        "Medicare Advantage",
        ("tpmo_disclaimer",),
        "no disclaimer at all",
        opening_lines=MEDI_OPEN[:2] + ((A, "Great, I can help with that."),),
    )
)
add(
    call(
        "tpmo-first-sentence-only",
        "tpmo_disclaimer",
        "Medicare Advantage",
        ("tpmo_disclaimer",),
        "near miss: only 'we do not offer every plan', no count and no referral",
        (A, "We do not offer every plan available in your area, but we have a lot of great options."),
        opening_lines=MEDI_OPEN,
    )
)
add(
    call(
        "tpmo-no-referral",
        "tpmo_disclaimer",
        "Medicare Advantage",
        ("tpmo_disclaimer",),
        "near miss: drops the referral to Medicare.gov, 1-800-MEDICARE or SHIP",
        (
            A,
            "We do not offer every plan available in your area. Currently we represent 8 organizations which offer 52 products in your area.",
            "We do not offer every plan available in your area. Currently we represent eight organizations which offer fifty two products in your area.",
        ),
        opening_lines=MEDI_OPEN_B,
    )
)
add(
    call(
        "tpmo-late",
        "tpmo_disclaimer",
        "Medicare Advantage",
        ("tpmo_disclaimer",),
        "disclaimer read only after the first minute",
        (A, "Do you already have Medicare Part A and Part B?"),
        (C, "Yes, I have both of them, and I've had them for about a year now."),
        (A, "And which doctors do you see regularly, so I can check which networks they belong to?"),
        (C, "I see Doctor Patel at Tampa General, and a cardiologist, Doctor Moore, twice a year."),
        (A, "Okay. Do you take any prescription drugs on a regular basis, even generic ones?"),
        (C, "Yes, two. One for blood pressure and one for cholesterol. Both are generic, I think."),
        (A, "Thank you. And is dental or vision coverage important to you, or mostly the medical side?"),
        (C, "Dental is important. I might need a crown next year, and my glasses are old."),
        (A, "I should also read you this. " + TPMO_FULL[0], "I should also read you this. " + TPMO_FULL[1]),
        opening_lines=MEDI_OPEN[:2]
        + ((A, "Great, I can help with that. Let me ask you a few questions first."),),
        body=False,
    )
)

# misrepresentation_pressure ------------------------------------------------------------------------------
add(
    call(
        "pressure-ok-not-affiliated",
        "misrepresentation_pressure",
        "Medicare Advantage",
        (),
        "negation: 'we are not affiliated with Medicare or any government agency'",
        (
            A,
            "Just so you know, we are not affiliated with Medicare or any government agency. We are a licensed insurance agency.",
        ),
        k=0,
        company="Liberty Health",
    )
)
add(
    call(
        "pressure-ok-true-deadline",
        "misrepresentation_pressure",
        "Medicare Advantage",
        (),
        "truthful statements: 'Medicare is a government program', 'open enrollment ends December seventh'",
        (C, "Are you from the government?"),
        (
            A,
            "No. Medicare is a government program, but we are a private agency. Open enrollment ends December seventh.",
        ),
        k=1,
        company="Sunrise Senior Benefits",
        name="Angela",
    )
)
add(
    call(
        "pressure-ok-take-your-time",
        "misrepresentation_pressure",
        "Auto Insurance",
        (),
        "no pressure: 'take your time, the quote is good for thirty days'",
        (A, "Take your time to think about it. The quote is good for thirty days."),
        k=2,
    )
)
add(
    call(
        "pressure-gov-medicare",
        "misrepresentation_pressure",
        "Medicare Advantage",
        ("misrepresentation_pressure",),
        "government affiliation claim: 'I'm calling on behalf of Medicare'",
        (A, "I'm calling on behalf of Medicare to update your benefits."),
        k=2,
        company="Liberty Health",
    )
)
add(
    call(
        "pressure-gov-program",
        "misrepresentation_pressure",
        "Debt Relief",
        ("misrepresentation_pressure",),
        "government claim: 'this is a new government program'",
        (A, "This is a new government program for people with credit card debt."),
        k=3,
        company="Pinnacle Debt Solutions",
    )
)
add(
    call(
        "pressure-expires-today",
        "misrepresentation_pressure",
        "Auto Insurance",
        ("misrepresentation_pressure",),
        "invented deadline: 'this offer expires today'",
        (A, "I have to tell you, this offer expires today, so we should lock it in."),
        k=4,
    )
)
add(
    call(
        "pressure-decide-now",
        "misrepresentation_pressure",
        "Personal Loans",
        ("misrepresentation_pressure",),
        "pressure: 'you have to decide right now'",
        (C, "I'd like to think about it."),
        (A, "You have to decide right now, or the rate is gone."),
        k=5,
        company="Acme Lending",
    )
)
add(
    call(
        "pressure-hang-up-lose",
        "misrepresentation_pressure",
        "Final Expense",
        ("misrepresentation_pressure",),
        "pressure: 'if you hang up you lose this rate'",
        (A, "If you hang up you lose this rate for good."),
        k=0,
        company="Evergreen Life",
    )
)

# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "abuse-ok-caller-swears",
        "abusive_language",
        "Debt Relief",
        (),
        "near miss: the caller swears, the agent stays polite",
        (C, "This is bullshit, I've been on hold forever."),
        (A, "I'm sorry about the wait. Let's get this sorted out for you."),
        k=1,
        company="Pinnacle Debt Solutions",
        stereo_only=True,
    )
)
add(
    call(
        "abuse-ok-polite-firm",
        "abusive_language",
        "Auto Insurance",
        (),
        "near miss: the agent is firm but polite",
        (C, "You people are useless."),
        (A, "I understand you are frustrated. Let me see what I can do."),
        k=3,
    )
)
add(
    call(
        "abuse-shut-up",
        "abusive_language",
        "Personal Loans",
        ("abusive_language",),
        "the agent says 'shut up and listen'",
        (C, "Wait, wait, I have a question."),
        (A, "Just shut up and listen to me for a second."),
        k=0,
        company="Acme Lending",
    )
)
add(
    call(
        "abuse-idiot",
        "abusive_language",
        "Auto Insurance",
        ("abusive_language",),
        "the agent insults: 'what an idiot'",
        (C, "I don't understand the form."),
        (A, "Are you kidding? What an idiot."),
        k=2,
    )
)
add(
    call(
        "abuse-go-to-hell",
        "abusive_language",
        "Debt Relief",
        ("abusive_language",),
        "the agent says 'go to hell'",
        (C, "I'm not going to pay you anything."),
        (A, "Then go to hell."),
        k=4,
        company="Pinnacle Debt Solutions",
    )
)

# sensitive_data ---------------------------------------------------------------------------------------------
add(
    call(
        "sensitive-ok-last-four",
        "sensitive_data",
        "Personal Loans",
        (),
        "near miss: only the last four digits of the SSN",
        (A, "Can you confirm the last four digits of your social security number?"),
        (C, "Sure, it's 4 7 2 1.", "Sure, it's four seven two one."),
        k=1,
        company="Acme Lending",
    )
)
add(
    call(
        "sensitive-ok-phone-zip",
        "sensitive_data",
        "Auto Insurance",
        (),
        "near miss: phone number and ZIP code (not a card or SSN)",
        (A, "What's the best phone number and zip code for you?"),
        (
            C,
            "It's 614 555 0192, and my zip is 43215.",
            "It's six one four, five five five, zero one nine two, and my zip is four three two one five.",
        ),
        k=3,
    )
)
add(
    call(
        "sensitive-ok-secure-ivr",
        "sensitive_data",
        "Final Expense",
        (),
        "near miss: payment taken through a secure line, no numbers spoken",
        (
            A,
            "For your card details I'll transfer you to our secure automated line, so the numbers are never recorded.",
        ),
        k=0,
        company="Evergreen Life",
    )
)
add(
    call(
        "sensitive-ssn",
        "sensitive_data",
        "Personal Loans",
        ("sensitive_data",),
        "the caller reads a full social security number",
        (A, "I need your social security number to run the application."),
        (C, "It's 5 2 3 4 1 8 8 7 6.", "It's five two three, four one, eight eight seven six."),
        k=2,
        company="Northstar Finance",
    )
)
add(
    call(
        "sensitive-card",
        "sensitive_data",
        "Final Expense",
        ("sensitive_data",),
        "the caller reads a full payment card number",
        (A, "What card would you like to use for the first payment?"),
        (
            C,
            "The number is 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1.",
            "The number is four one one one, one one one one, one one one one, one one one one.",
        ),
        k=4,
        company="Evergreen Life",
    )
)
add(
    call(
        "sensitive-agent-reads-ssn",
        "sensitive_data",
        "Debt Relief",
        ("sensitive_data",),
        "the agent reads the social security number back",
        (
            A,
            "Let me confirm, your social security number is 2 1 9 0 5 3 3 4 8?",
            "Let me confirm, your social security number is two one nine, zero five, three three four eight?",
        ),
        (C, "Yes, that's right."),
        k=5,
        company="Pinnacle Debt Solutions",
    )
)

# long calls (a few minutes) ----------------------------------------------------------------------------------
add(
    call(
        "long-ok-auto",
        "long_call",
        "Auto Insurance",
        (),
        "long compliant call (a few minutes)",
        k=0,
        long=True,
    )
)
add(
    call(
        "long-ok-medicare",
        "long_call",
        "Medicare Advantage",
        (),
        "long compliant Medicare call (a few minutes)",
        k=1,
        company="Liberty Health",
        long=True,
    )
)
add(
    call(
        "long-guarantee-late",
        "long_call",
        "Auto Insurance",
        ("guaranteed_outcome",),
        "long call; the promise comes after two minutes",
        *LONG_FILLER["Auto Insurance"],
        (A, "And with your record, I guarantee you will be approved by all three."),
        k=3,
        long=False,
    )
)
add(
    call(
        "long-dnc-ignored-medicare",
        "long_call",
        "Medicare Advantage",
        ("do_not_call",),
        "long Medicare call; a do-not-call request late in the call is ignored",
        *LONG_FILLER["Medicare Advantage"],
        (C, "Actually, I've changed my mind. Please remove my number from your list and stop calling me."),
        (
            A,
            "Let me just finish telling you about the dental plan, because it really is the best value in your area and you would be missing out.",
        ),
        k=2,
        company="Liberty Health",
        body=False,
        closing=False,
        stereo_only=True,
    )
)

# combinations: more than one rule fires ------------------------------------------------------------------------
add(
    call(
        "multi-no-disclosure-guarantee",
        "multi",
        "Personal Loans",
        ("guaranteed_outcome", "recording_disclosure"),
        "no disclosure and a guaranteed approval",
        (A, "Everyone who applies gets approved."),
        opening_lines=((A, "Hi, thanks for calling Acme Lending, my name is Tom."),),
    )
)
add(
    call(
        "multi-medicare-gov-no-tpmo",
        "multi",
        "Medicare Advantage",
        ("misrepresentation_pressure", "tpmo_disclaimer"),
        "claims to call from Medicare and skips the disclaimer",
        (A, "I'm calling from Medicare about your new benefits."),
        opening_lines=MEDI_OPEN[:2] + ((A, "Great."),),
    )
)
add(
    call(
        "multi-ok-everything",
        "multi",
        "Medicare Advantage",
        (),
        "compliant Medicare call with negations of several rules",
        (A, "We are not affiliated with the government, and approval is not guaranteed."),
        k=3,
        company="Sunrise Senior Benefits",
        name="Angela",
    )
)
