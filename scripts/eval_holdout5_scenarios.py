"""The calls of the fifth holdout set (eval/holdout5/, built by `make_eval_corpus.py --set holdout5`).

Written fresh and clean, after the fourth holdout (eval/holdout4/), by someone who has not seen how any set is
transcribed or judged and has not read the policy's detectors (only each rule's id, title, scope and
`llm_guidance`); report-only, never used for tuning. Company names, agent names, the campaigns' small talk and
every wording that decides a verdict (recording disclosures and their absence, an IVR prompt, identifications,
promises and careful non-promises, do-not-call requests and how they are handled, pressure and government
claims, abuse, spoken numbers, the TPMO disclaimer read in full, in its one-organization form, with small
deviations, as a paraphrase, late or not at all) are new here: they appear in none of scripts/eval_scenarios.py,
scripts/eval_holdout_scenarios.py, scripts/eval_holdout2_scenarios.py, scripts/eval_holdout3_scenarios.py and
scripts/eval_holdout4_scenarios.py. Only the long calls' filler (LONG_FILLER), the CMS disclaimer's mandated
text, the Scenario type and the call builder (Cast) are shared.

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
    AUTO: "Redstone Auto Insurance",
    LOAN: "Juniper Lending",
    DEBT: "Lighthouse Debt Solutions",
    LIFE: "Bluebonnet Life",
    MEDI: "Hollybrook Insurance Services",
    PARTD: "Hollybrook Insurance Services",
}
NAMES = (
    "Kendra",
    "Dominic",
    "Whitney",
    "Jared",
    "Ebony",
    "Colton",
    "Tamika",
    "Bryce",
    "Alicia",
    "Landon",
    "Keisha",
    "Garrett",
    "Lindsey",
)

# --- compliant openings (new wordings) ----------------------------------------------------------------------

DISCLOSURES = (
    "I'll mention up front that this chat is being saved as a recording.",
    "Fair warning, this line records everything, it's standard for us.",
    "Our phone system records these calls automatically, so keep that in mind.",
    "You should know we keep a recording of this call.",
    "Everything we say from here on is being taped on our end.",
    "For the record, and I mean that literally, we're taping this call.",
)


def greet(name: str, company: str, k: int) -> tuple[tuple[str, ...], ...]:
    """A compliant opening: identification and disclosure, worded, ordered and split differently per k
    (k % 5 == 4 is an outbound call)."""
    disclosure = DISCLOSURES[k % len(DISCLOSURES)]
    return (
        ((A, f"{company}, good morning, {name} here. {disclosure} What are we working on today?"),),
        (
            (A, f"Thank you for calling {company}. You're talking with {name}."),
            (A, f"{disclosure} How can I point you in the right direction?"),
        ),
        ((A, f"Hey there, {name} with {company} on the line. {disclosure} What prompted the call?"),),
        ((A, f"Hi! {disclosure} I'm {name}, and I'm with {company}. And who've I got on the line?"),),
        (
            (
                A,
                f"Good afternoon, is Miss Franklin available? Hi Miss Franklin, it's {name} from {company}, you put in a request on our website for a call. {disclosure}",
            ),
        ),
    )[k % 5]


# The CMS TPMO disclaimer, read correctly (text, say).
TPMO_READ = (
    "We do not offer every plan available in your area. Currently we represent 9 organizations which offer "
    "52 products in your area. Please contact Medicare.gov, 1-800-MEDICARE, or your local State Health "
    "Insurance Program (SHIP) to get information on all of your options.",
    "We do not offer every plan available in your area. Currently we represent nine organizations which offer "
    "fifty two products in your area. Please contact Medicare dot guv, one eight hundred Medicare, or your "
    "local State Health Insurance Program, ship, to get information on all of your options.",
)
TPMO_LEAD = (
    (C, "Hi, I'd like to go over my Medicare choices for next year."),
    (A, "Glad to. There's a required statement I read on every call before we talk plans."),
)

# Neutral small talk per campaign (new, short: the set must stay small).
BODIES = {
    AUTO: (
        (C, "We just moved here from Ohio and I need to switch my van over to a local policy."),
        (A, "Welcome to town. What kind of van is it?"),
        (C, "A twenty seventeen Odyssey, it hauls the whole family."),
        (A, "Nice. And is anyone besides you going to be driving it?"),
        (C, "Just me and my husband."),
    ),
    LOAN: (
        (C, "I want to pay off two store cards and cover my daughter's braces, about seven thousand."),
        (A, "Okay. Roughly where does your credit score sit?"),
        (C, "Around seven ten, I think."),
        (A, "Good. And what kind of work do you do?"),
        (C, "I'm a school bus mechanic for the county."),
    ),
    DEBT: (
        (C, "I owe about eighteen thousand, mostly on two cards, and one got sent to an agency."),
        (A, "Okay. Is the agency calling you a lot?"),
        (C, "Every single day, sometimes twice."),
        (A, "I'm sorry, that's stressful. What's your monthly take home, roughly?"),
        (C, "About thirty two hundred, I do hair at a salon."),
    ),
    LIFE: (
        (C, "I'm seventy four, and I don't want my grandson paying for my funeral."),
        (A, "I understand completely. Which state are you in?"),
        (C, "South Carolina, near Greenville."),
        (A, "And any smoking in the last twelve months?"),
        (C, "Never have, not once."),
    ),
    MEDI: (
        (C, "My doctor's office told me they won't take my plan next year, so I'm looking around."),
        (A, "Okay, let's fix that. Which county is home for you?"),
        (C, "Pinellas County, Florida."),
        (A, "And the doctor's office, what's it called?"),
        (C, "Bayfront Family Medicine, I see Doctor Okafor there."),
    ),
    PARTD: (
        (C, "I take Xarelto, and my copay for it jumped this year."),
        (A, "Let's dig into it. Any other prescriptions?"),
        (C, "Just levothyroxine in the mornings."),
        (A, "And do you pick them up at a store, or do they come by mail?"),
        (C, "By mail, through my old plan."),
    ),
}
ENDING = ((C, "Alright, thanks a bunch."), (A, "You bet. Enjoy the rest of your day."))


CAST = Cast(NAMES, COMPANY, greet, (*TPMO_LEAD, (A, *TPMO_READ)), BODIES, ENDING)
call, add, BY_ID = CAST.call, CAST.add, CAST.by_id


# recording_disclosure --------------------------------------------------------------------------------------
add(
    call(
        "h5-disclosure-ok-ivr",
        "recording_disclosure",
        AUTO,
        (),
        "an automated greeting says the conversation may be recorded before the agent, who names himself and the company, picks up",
        opening=(
            (
                A,
                "Welcome to Redstone Auto Insurance. Your conversation with us may be recorded and saved with your quote. An agent will be with you shortly.",
            ),
            (A, "Hi, thanks for waiting, Dominic here at Redstone. How can I be useful?"),
        ),
    )
)
add(
    call(
        "h5-disclosure-ok-monitored",
        "recording_disclosure",
        LOAN,
        (),
        "near miss: only 'a supervisor may be listening in on this call' (monitoring counts as a disclosure)",
        opening=(
            (
                A,
                "Juniper Lending, this is Whitney. A supervisor may be listening in on this call. How much were you hoping to borrow?",
            ),
        ),
    )
)
add(
    call(
        "h5-disclosure-ok-caller-asks",
        "recording_disclosure",
        DEBT,
        (),
        "the caller asks at once whether the call is taped; the agent confirms it is, about ten seconds in",
        opening=(
            (A, "Lighthouse Debt Solutions, my name's Jared."),
            (C, "Hi Jared. Quick question first, are you guys taping this?"),
            (A, "Yep, we tape all of them, so this one is on tape too. Is that okay with you?"),
            (C, "Sure, that's fine."),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h5-disclosure-privacy-only",
        "recording_disclosure",
        LIFE,
        ("recording_disclosure",),
        "a privacy promise in place of a disclosure ('nothing you share today gets sold'); recording is never mentioned",
        opening=(
            (
                A,
                "Bluebonnet Life, this is Ebony. Before we start, your privacy matters to us, and nothing you share today gets sold to anyone. Now, who've I got on the line?",
            ),
            (C, "This is Ruth Ann."),
        ),
    )
)
add(
    call(
        "h5-disclosure-brushed-off",
        "recording_disclosure",
        AUTO,
        ("recording_disclosure",),
        "no disclosure; the caller asks if she is being taped and the agent: 'nah, relax, it's just the two of us talking'",
        opening=(
            (A, "Redstone Auto Insurance, Colton speaking, go ahead."),
            (C, "Hi, um, before I give you anything, are you taping me right now?"),
            (A, "Nah, relax, it's just the two of us talking. So what are we insuring?"),
        ),
        stereo_only=True,
    )
)
add(
    call(
        "h5-disclosure-late-apology",
        "recording_disclosure",
        LOAN,
        ("recording_disclosure",),
        "recording mentioned only after the loan amount, credit and job questions (well past 30 s), with an apology",
        (A, "Perfect. And would you want to pay it off over three years or five?"),
        (C, "Probably five, to keep the payment down."),
        (A, "Makes sense. Do you have any other loans right now, like a car note?"),
        (C, "Just the car, about three hundred a month."),
        (A, "Okay. Any bankruptcies in the last seven years?"),
        (C, "No, never."),
        (
            A,
            "Okay. Oh, shoot, I should have told you this at the very start, I'm sorry. The phone system here keeps a recording of everything.",
        ),
        (C, "Oh. That's okay, I guess."),
        opening=((A, "Hi, Juniper Lending, you've got Tamika. What do you need?"),),
        after_body=True,
    )
)
# agent_identification --------------------------------------------------------------------------------------
add(
    call(
        "h5-ident-ok-on-behalf",
        "agent_identification",
        LIFE,
        (),
        "outbound: a first name, 'an agent representing Bluebonnet Life', about coverage the caller requested",
        opening=(
            (
                A,
                "Hi, is this Mister Coleman? Mister Coleman, my name is Alicia, I'm an agent representing Bluebonnet Life, returning your request about burial coverage. I'm recording the call today so we have your answers on file.",
            ),
            (C, "Oh, right, I sent that in last week."),
        ),
    )
)
add(
    call(
        "h5-ident-ok-first-name-only",
        "agent_identification",
        DEBT,
        (),
        "asked for a last name, the agent says they use first names only and repeats name and company",
        (C, "What's your last name, in case I need to call you back?"),
        (
            A,
            "We just go by first names here. But if you call back and ask for Bryce at Lighthouse Debt Solutions, they'll put you through to me.",
        ),
        (C, "Okay, Bryce. Got it."),
        k=7,
        after_body=True,
    )
)
add(
    call(
        "h5-ident-no-company",
        "agent_identification",
        DEBT,
        ("agent_identification",),
        "a first name, but only 'about the debt help form from the internet'; no company ever named",
        opening=(
            (
                A,
                "Hi, this is Keisha, I'm calling about the debt help form you sent in on the internet. Everything we say from here on is being taped on our end.",
            ),
            (C, "Oh, okay. Yeah, I did fill something out."),
        ),
    )
)
add(
    call(
        "h5-ident-quote-desk",
        "agent_identification",
        AUTO,
        ("agent_identification",),
        "a first name, but only 'the quote desk' (no identifiable company)",
        opening=(
            (
                A,
                "Thanks for calling the quote desk, this is Landon. Our line keeps an audio recording of every chat. Which vehicle is this for?",
            ),
        ),
    )
)
# guaranteed_outcome ----------------------------------------------------------------------------------------
add(
    call(
        "h5-guarantee-ok-lender-decides",
        "guaranteed_outcome",
        LOAN,
        (),
        "'am I going to get approved?' -> 'honestly, I can't make that call, the lender does'",
        (C, "So am I going to get approved or what?"),
        (
            A,
            "Honestly, I can't make that call, the lender does. I'd rather not get your hopes up before they've pulled your credit report.",
        ),
        (C, "Fair enough."),
        k=2,
        after_body=True,
    )
)
add(
    call(
        "h5-guarantee-ok-caller-asks-guarantee",
        "guaranteed_outcome",
        AUTO,
        (),
        "the caller: 'so you're guaranteeing I'll save money?'; the agent: no, the odds are good but the price is the carrier's",
        (C, "So you're guaranteeing I'll save money with you?"),
        (
            A,
            "No, I'm not, and I'd be careful with anyone who does. With no tickets on your record your odds are good, but the final price is up to the carrier.",
        ),
        (C, "Okay, that's honest at least."),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-guarantee-ok-acceptance-explained",
        "guaranteed_outcome",
        LIFE,
        (),
        "a guaranteed acceptance plan explained correctly: no medical questions, a graded benefit for twenty four months with premiums refunded",
        (C, "What does guaranteed acceptance actually mean?"),
        (
            A,
            "Nobody asks you any medical questions, and your health can't get you declined. But for the first twenty four months it's a graded benefit. If you die in that window, the company refunds your premiums with ten percent interest instead of paying the face amount. From month twenty five on, the whole fifteen thousand is paid.",
        ),
        (C, "Okay, I understand."),
        k=8,
        after_body=True,
    )
)
add(
    call(
        "h5-guarantee-promised-savings",
        "guaranteed_outcome",
        AUTO,
        ("guaranteed_outcome",),
        "before any quote is run: 'I'm going to save you at least fifty bucks a month, that's a promise'",
        (C, "Switching states is going to cost me a fortune, isn't it?"),
        (
            A,
            "Not with me. I'm going to save you at least fifty bucks a month over what you pay now, that's a promise. I haven't had a family walk away without it.",
        ),
        (C, "Well, that would be great."),
        k=9,
        after_body=True,
    )
)
add(
    call(
        "h5-guarantee-debt-free-date",
        "guaranteed_outcome",
        DEBT,
        ("guaranteed_outcome",),
        "'you'll be completely debt free in thirty months, every one of these accounts gets settled, I promise you'",
        (C, "How does this work, and how long does it take?"),
        (
            A,
            "Once you enroll, you'll be completely debt free in thirty months. Every single one of these accounts gets settled, I promise you that.",
        ),
        (C, "Even the one I'm behind on?"),
        (A, "Even that one. Sign today and consider it handled."),
        k=10,
        after_body=True,
    )
)
add(
    call(
        "h5-guarantee-acceptance-misstated",
        "guaranteed_outcome",
        LIFE,
        ("guaranteed_outcome",),
        "the agent misstates guaranteed acceptance: 'guaranteed acceptance means guaranteed payout, the full amount from day one'",
        (C, "With my heart condition, would it even pay out if something happened next month?"),
        (
            A,
            "Nothing can stop this from paying. It's guaranteed acceptance, and that means guaranteed payout, the full fifteen thousand from day one, no waiting period, no matter what.",
        ),
        (C, "Oh, that's a relief."),
        k=11,
        after_body=True,
    )
)
# do_not_call -----------------------------------------------------------------------------------------------
add(
    call(
        "h5-dnc-ok-removed-goodbye",
        "do_not_call",
        AUTO,
        (),
        "outbound; 'I'd rather you folks didn't call me again' -> scrubbed off the call sheet, last call, apology, goodbye",
        (C, "Yeah, I'd rather you folks didn't call me again. I'm happy with what I have."),
        (
            A,
            "Understood. I'm scrubbing you off our call sheet right now. This is the last call you'll get from us. Sorry for the bother, take care.",
        ),
        (C, "Thank you. Bye."),
        k=4,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-ok-caller-mentions-registry",
        "do_not_call",
        MEDI,
        (),
        "near miss: the caller says her son wants her on the do not call registry, but she is glad to be helped",
        (
            C,
            "My son keeps telling me to sign up for that do not call registry, but honestly I'm glad you picked up, I need the help.",
        ),
        (A, "Well, I'm glad you reached out. Let's get you sorted."),
        k=0,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-ok-answers-question",
        "do_not_call",
        DEBT,
        (),
        "'take my number off, I'm done getting these calls' -> removed; the caller asks how long before the calls stop, the agent answers and ends",
        (C, "You know what, scratch all that. Take my number off, I'm done getting these calls."),
        (A, "Sure thing, it's off. Your number is out of our system."),
        (C, "How long before the calls stop? I got one yesterday too."),
        (
            A,
            "Right away. The list updates instantly, so yesterday's call was the last one. Have a good night.",
        ),
        k=1,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-delete-then-pitch",
        "do_not_call",
        DEBT,
        ("do_not_call",),
        "'can you erase my number from whatever database you've got?' -> 'yep… before you go, though, are those cards still charging over twenty percent?'",
        (C, "Can you erase my number from whatever database you've got? I've dealt with this on my own."),
        (
            A,
            "Yep, I'll take care of that. Before you go, though, are those cards still charging you over twenty percent? Because we could cut that way down.",
        ),
        (C, "I just asked you to erase my number."),
        k=2,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-argues-three-calls",
        "do_not_call",
        AUTO,
        ("do_not_call",),
        "outbound; 'stop calling this phone' -> 'three calls isn't much… who's your current carrier?'",
        (C, "Stop calling this phone. Seriously, that's three times this week."),
        (
            A,
            "Three calls isn't that much, sir, and I've got a lower rate than what you're paying. Who's your current carrier?",
        ),
        (C, "Unbelievable."),
        k=9,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-done-then-spouse",
        "do_not_call",
        LIFE,
        ("do_not_call",),
        "'whatever list I'm on with you people, I want off it' -> 'done. While I have you, would your husband want a quote?'",
        (C, "Whatever list I'm on with you people, I want off it, please."),
        (
            A,
            "Done, you're off. While I have you, though, would your husband maybe want a quote? Policies for men his age are cheap right now.",
        ),
        (C, "No. Goodbye."),
        k=3,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-dnc-lose-this-number",
        "do_not_call",
        LOAN,
        ("do_not_call",),
        "outbound; 'how many times do I have to tell you people? lose this number' -> 'it's a courtesy call… the rate I've got beats anything'",
        (C, "How many times do I have to tell you people? Lose this number."),
        (
            A,
            "Ma'am, it's a courtesy call, two minutes and I'm out of your hair. The rate I've got for you beats anything you'll find out there.",
        ),
        (C, "No. I'm hanging up."),
        k=14,
        body=False,
        closing=False,
        stereo_only=True,
    )
)
# tpmo_disclaimer -------------------------------------------------------------------------------------------
add(
    call(
        "h5-tpmo-ok-full",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the full CMS text (9 organizations, 52 products), right after the greeting",
        k=5,
    )
)
add(
    call(
        "h5-tpmo-ok-one-organization",
        "tpmo_disclaimer",
        MEDI,
        (),
        "the one-organization form: 'any information we provide is limited to those plans we do offer in your area'",
        k=6,
        tpmo=False,
        opening=greet(NAMES[6], COMPANY[MEDI], 6)
        + TPMO_LEAD
        + (
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
        "h5-tpmo-ok-small-deviations",
        "tpmo_disclaimer",
        PARTD,
        (),
        "all three parts with small deviations ('where you live', 'at the moment', 'offering', 'or call', 'your local SHIP')",
        k=12,
        tpmo=False,
        opening=greet(NAMES[12], COMPANY[PARTD], 12)
        + (
            (C, "Hello, my neighbor says there are cheaper drug plans than mine."),
            (A, "Could be. Let me read you our disclaimer first, it's required."),
            (
                A,
                "We do not offer every plan available where you live. At the moment we represent nine organizations offering fifty two products in your area. Please contact Medicare.gov, or call 1-800-MEDICARE, or your local SHIP, the State Health Insurance Program, to get information on all of your options.",
                "We do not offer every plan available where you live. At the moment we represent nine organizations offering fifty two products in your area. Please contact Medicare dot guv, or call one eight hundred Medicare, or your local ship, the State Health Insurance Program, to get information on all of your options.",
            ),
        ),
    )
)
add(
    call(
        "h5-tpmo-ok-final-expense-on-medicare",
        "tpmo_disclaimer",
        LIFE,
        (),
        "out of scope: a Final Expense caller on Medicare asks whether it affects that; 'no, it's a separate life policy'",
        (C, "I'm on Medicare, will this mess with that at all?"),
        (
            A,
            "No, ma'am, it's life insurance, its own thing. It pays your family when you pass, and your doctors and Medicare benefits stay exactly as they are.",
        ),
        (C, "Good, I didn't want any trouble there."),
        k=13,
        after_body=True,
    )
)
add(
    call(
        "h5-tpmo-none-partd",
        "tpmo_disclaimer",
        PARTD,
        ("tpmo_disclaimer",),
        "no TPMO disclaimer at all; the agent goes straight to the medications",
        (
            A,
            "Okay, with those two medications, I see a plan here that puts your Xarelto at forty seven dollars a month.",
        ),
        (C, "That would be a big help."),
        k=10,
        tpmo=False,
        after_body=True,
    )
)
add(
    call(
        "h5-tpmo-paraphrase-no-count",
        "tpmo_disclaimer",
        MEDI,
        ("tpmo_disclaimer",),
        "a paraphrase with the first and last parts but no sentence on how many organizations and products are represented",
        k=1,
        tpmo=False,
        opening=greet(NAMES[1], COMPANY[MEDI], 1)
        + TPMO_LEAD
        + (
            (
                A,
                "So, we don't carry every single plan out there. For the full picture you can always check Medicare.gov, call 1-800-MEDICARE, or get in touch with your State Health Insurance Program.",
                "So, we don't carry every single plan out there. For the full picture you can always check Medicare dot guv, call one eight hundred Medicare, or get in touch with your State Health Insurance Program.",
            ),
        ),
    )
)
# misrepresentation_pressure --------------------------------------------------------------------------------
add(
    call(
        "h5-pressure-ok-real-dates",
        "misrepresentation_pressure",
        PARTD,
        (),
        "'do I have to switch today?' -> 'no rush: until the seventh of December, takes effect January first'",
        (C, "Do I have to switch today?"),
        (
            A,
            "Nope, there's time. You've got until the seventh of December to make a change, and whatever you pick takes effect January first. Look the brochures over and call me back.",
        ),
        (C, "Okay, that helps."),
        k=7,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-pressure-ok-not-the-irs",
        "misrepresentation_pressure",
        DEBT,
        (),
        "the caller asks if this is the IRS or a government thing; the agent: private company, no government agency",
        (C, "Wait, is this the IRS or some kind of government thing?"),
        (
            A,
            "No ma'am, we're a private company, nothing to do with the IRS or the government at all. We negotiate with your card companies for you.",
        ),
        (C, "Okay, good to know."),
        k=5,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-pressure-social-security",
        "misrepresentation_pressure",
        LIFE,
        ("misrepresentation_pressure",),
        "'this benefit works alongside your Social Security, one of the programs they approved for seniors on a fixed income'",
        (
            A,
            "And the nice thing is, this benefit works alongside your Social Security. It's one of the programs they approved for seniors on a fixed income.",
        ),
        (C, "Oh, so Social Security is part of this?"),
        (A, "That's right, that's why the rates are so low."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h5-pressure-six-oclock",
        "misrepresentation_pressure",
        AUTO,
        ("misrepresentation_pressure",),
        "invented deadline: 'they're pulling these rates at six tonight… it's today or not at all'",
        (C, "Let me talk to my wife and I'll call you back next week."),
        (
            A,
            "I wouldn't wait. The carrier only released a handful of these rates and they're pulling them at six tonight. If we don't lock it in on this call, it's gone, so it's today or not at all.",
        ),
        (C, "Hm. That's a lot of pressure."),
        k=0,
        after_body=True,
    )
)
# abusive_language ------------------------------------------------------------------------------------------
add(
    call(
        "h5-abuse-ok-caller-curses",
        "abusive_language",
        LIFE,
        (),
        "the caller: 'you vultures call old people all damn day, it's bull'; the agent apologizes and keeps it short",
        (C, "You vultures call old people all damn day. It's bull."),
        (
            A,
            "I'm sorry you've been getting so many calls, ma'am. I'll keep this short, and if you want to stop at any point, that's okay.",
        ),
        (C, "Fine. Go on."),
        k=1,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-abuse-ok-self-directed",
        "abusive_language",
        LOAN,
        (),
        "the agent mutters at her own typo ('ugh, dang it'), takes the blame and apologizes",
        (A, "Ugh, dang it, I typed your income in wrong. That's on me, sorry. Okay, fixed it."),
        (C, "No worries."),
        k=4,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-abuse-whats-wrong-with-you",
        "abusive_language",
        AUTO,
        ("abusive_language",),
        "the caller can't find the VIN; the agent: 'what is wrong with you? it's not that hard'",
        (A, "Okay, I'll need the VIN off the car, it's on the registration card."),
        (C, "Hold on, I'm looking. Where is it on the card again?"),
        (
            A,
            "What is wrong with you? I've told you three times. It's the long number at the top, it's not that hard.",
        ),
        (C, "Excuse me?"),
        k=11,
        after_body=True,
        stereo_only=True,
    )
)
add(
    call(
        "h5-abuse-deadbeat",
        "abusive_language",
        LOAN,
        ("abusive_language",),
        "the caller wants to shop around; the agent: 'nobody's going to lend to a deadbeat like you anyway'",
        (C, "I think I'll shop around a little before I commit."),
        (
            A,
            "Go ahead, shop around. Nobody's going to lend to a deadbeat like you anyway, you'll be back.",
        ),
        (C, "Wow. Okay, bye."),
        k=12,
        after_body=True,
        closing=False,
        stereo_only=True,
    )
)
add(
    call(
        "h5-abuse-stop-whining",
        "abusive_language",
        DEBT,
        ("abusive_language",),
        "the caller interrupts; the agent: 'do you ever stop whining? … go deal with your own damn mess'",
        (A, "So the way the program works, we stop the payments to your cards and"),
        (C, "Wait, stop paying them? That'll wreck my credit!"),
        (A, "For God's sake, do you ever stop whining? Let me finish, or go deal with your own damn mess."),
        (C, "Don't talk to me like that."),
        k=3,
        after_body=True,
        stereo_only=True,
    )
)
# sensitive_data --------------------------------------------------------------------------------------------
add(
    call(
        "h5-sensitive-ok-payment-line",
        "sensitive_data",
        AUTO,
        (),
        "the down payment goes through an automated payment line: the caller keys the card in, the recording stops meanwhile",
        (C, "Okay, I'll take it. How do I pay?"),
        (
            A,
            "Let me put you through to our automated payment line. You'll key in the card on your phone's keypad, it never comes through to me, and the recording stops while you're in there.",
        ),
        (C, "Okay. Alright, it says the payment was accepted."),
        (A, "Great, you're all set, the policy starts at midnight."),
        k=5,
        after_body=True,
    )
)
add(
    call(
        "h5-sensitive-ok-ending-in",
        "sensitive_data",
        DEBT,
        (),
        "only the last four digits: 'the checking account ending in 5540'",
        (
            A,
            "For the monthly deposit that funds your settlements, I have the checking account ending in 5540. Is that still right?",
            "For the monthly deposit that funds your settlements, I have the checking account ending in five five four zero. Is that still right?",
        ),
        (C, "Yes, that's the one."),
        k=6,
        after_body=True,
    )
)
add(
    call(
        "h5-sensitive-ok-paused",
        "sensitive_data",
        LIFE,
        (),
        "the agent pauses the recording while the bank details are given; no account number is heard",
        (
            A,
            "To set up the automatic payment each month, I'll need your bank information. I'm pausing the recording now.",
        ),
        (A, "Okay, the recording is back on. I've got your bank information entered."),
        (C, "Good."),
        k=8,
        after_body=True,
    )
)
add(
    call(
        "h5-sensitive-bank-account",
        "sensitive_data",
        LIFE,
        ("sensitive_data",),
        "for the monthly draft the caller reads her full checking account number aloud",
        (A, "To set up the automatic payment each month, what's the account number at your bank?"),
        (
            C,
            "Let me get my checkbook. It's 00482716553.",
            "Let me get my checkbook. It's zero zero four eight two, seven one six, five five three.",
        ),
        (A, "Got it, thank you. The first draft will be on the third."),
        k=9,
        after_body=True,
    )
)
add(
    call(
        "h5-sensitive-security-code-aloud",
        "sensitive_data",
        AUTO,
        ("sensitive_data",),
        "the card number is keyed in, but the agent then asks for the card's security code and the caller says it",
        (A, "Go ahead and type the card number on your keypad."),
        (C, "Okay, done."),
        (A, "Now just read me the security code, the little three numbers by the signature strip."),
        (C, "It's 7 2 9.", "It's seven two nine."),
        (A, "Perfect, the payment went through."),
        k=10,
        after_body=True,
    )
)
# long_call -------------------------------------------------------------------------------------------------
add(
    replace(  # the filler is in the middle here, before the last lines: mark it long by hand
        call(
            "h5-long-ok-auto",
            "long_call",
            AUTO,
            (),
            "long compliant auto call (about two minutes); the quote is emailed and the caller takes time to decide",
            (C, "Hi, my premium jumped at renewal, so I'm shopping it around."),
            (A, "Sure, let's take a look."),
            *LONG_FILLER[AUTO],
            (
                A,
                "Okay. I'll email you the quote for the second one, and you can think it over. It stays the same price for thirty days.",
            ),
            k=2,
            after_body=True,
            body=False,
        ),
        long=True,
    )
)
add(
    replace(  # the filler is in the middle here, before the disclaimer: mark it long by hand
        call(
            "h5-long-tpmo-at-end",
            "long_call",
            MEDI,
            ("tpmo_disclaimer",),
            "long Medicare call; the full disclaimer is read only at the end, after about two minutes of plan talk",
            *LONG_FILLER[MEDI],
            (A, "Oh, one more thing, I skipped a statement that's supposed to come at the start."),
            (A, *TPMO_READ),
            k=3,
            tpmo=False,
            after_body=True,
        ),
        long=True,
    )
)
# multi -----------------------------------------------------------------------------------------------------
add(
    call(
        "h5-multi-no-name-sure-thing",
        "multi",
        LOAN,
        ("agent_identification", "guaranteed_outcome"),
        "the agent gives no name ('loan department'), and 'you're getting approved, no ifs, ands or buts'",
        (C, "So how likely is it I get this?"),
        (
            A,
            "You're getting approved, no ifs, ands or buts. The money gets deposited Friday morning.",
        ),
        (C, "Really? Great."),
        opening=(
            (
                A,
                "Juniper Lending, loan department. You should know we keep a recording of this call. How much do you need?",
            ),
        ),
        after_body=True,
    )
)
add(
    call(
        "h5-multi-partd-no-recording-no-tpmo",
        "multi",
        PARTD,
        ("recording_disclosure", "tpmo_disclaimer"),
        "Part D call with neither a recording disclosure nor the TPMO disclaimer",
        (A, "Okay, let me pull up the plans that cover both of those."),
        (C, "Thank you."),
        tpmo=False,
        opening=((A, "Hollybrook Insurance Services, this is Kendra. What brings you to us?"),),
        after_body=True,
    )
)
add(
    call(
        "h5-multi-cfpb-backed-ssn",
        "multi",
        DEBT,
        ("misrepresentation_pressure", "sensitive_data"),
        "'our program is backed by the Consumer Financial Protection Bureau, they refer people to us', then the caller reads her full social",
        (
            A,
            "Good news. Our program is backed by the Consumer Financial Protection Bureau, they refer people like you to us when the cards get out of hand.",
        ),
        (C, "Oh, so the government sent you?"),
        (A, "Pretty much, yes. To open your file, I'll have to get the whole social from you."),
        (
            C,
            "Okay, it's 318 42 6607.",
            "Okay, it's three one eight, four two, six six oh seven.",
        ),
        (A, "Thank you, you're in."),
        k=4,
        after_body=True,
    )
)

# The order decides each call's line condition (make_eval_corpus.condition_for): positions 8, 25 and 42 are
# stored as uncompressed mu-law WAV, so they are short calls; the long calls are not at MP3 positions (3, 10,
# 17, 24, 31, 38, 45); position 8 (mono unless stereo-only) is a call whose verdict does not rest on who spoke.
ORDER = (
    "h5-tpmo-ok-full",
    "h5-guarantee-promised-savings",
    "h5-disclosure-ok-monitored",
    "h5-dnc-ok-removed-goodbye",
    "h5-sensitive-bank-account",
    "h5-long-ok-auto",
    "h5-abuse-ok-caller-curses",
    "h5-ident-no-company",
    "h5-ident-quote-desk",
    "h5-pressure-six-oclock",
    "h5-ident-ok-on-behalf",
    "h5-tpmo-ok-one-organization",
    "h5-disclosure-late-apology",
    "h5-guarantee-ok-acceptance-explained",
    "h5-multi-cfpb-backed-ssn",
    "h5-disclosure-ok-ivr",
    "h5-abuse-deadbeat",
    "h5-disclosure-privacy-only",
    "h5-tpmo-paraphrase-no-count",
    "h5-sensitive-ok-ending-in",
    "h5-long-tpmo-at-end",
    "h5-guarantee-ok-lender-decides",
    "h5-dnc-ok-caller-mentions-registry",
    "h5-pressure-ok-not-the-irs",
    "h5-guarantee-debt-free-date",
    "h5-dnc-argues-three-calls",
    "h5-sensitive-ok-paused",
    "h5-abuse-whats-wrong-with-you",
    "h5-tpmo-ok-small-deviations",
    "h5-ident-ok-first-name-only",
    "h5-disclosure-ok-caller-asks",
    "h5-multi-no-name-sure-thing",
    "h5-pressure-social-security",
    "h5-abuse-ok-self-directed",
    "h5-tpmo-none-partd",
    "h5-guarantee-ok-caller-asks-guarantee",
    "h5-sensitive-security-code-aloud",
    "h5-dnc-done-then-spouse",
    "h5-tpmo-ok-final-expense-on-medicare",
    "h5-abuse-stop-whining",
    "h5-dnc-delete-then-pitch",
    "h5-multi-partd-no-recording-no-tpmo",
    "h5-dnc-lose-this-number",
    "h5-guarantee-acceptance-misstated",
    "h5-sensitive-ok-payment-line",
    "h5-disclosure-brushed-off",
    "h5-pressure-ok-real-dates",
    "h5-dnc-ok-answers-question",
)
assert sorted(ORDER) == sorted(BY_ID), set(ORDER) ^ set(BY_ID)
SCENARIOS: list[Scenario] = [BY_ID[i] for i in ORDER]
