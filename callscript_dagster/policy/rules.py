"""The deterministic half of the Judge: run a policy's detectors over a word-timed transcript.

How matching works
- Both sides are normalized alike (transcript words and policy phrases), as `callscript_dagster.text` says.
  Regex patterns run on that normalized text and match whole tokens, so write them in its terms:
  `\\d+ organizations`, `youre`, `cant`.
- Each speaker's words form one stream, so a match may span that speaker's turns (the caller's "uh huh" in
  between doesn't break it), but never mixes two speakers and never spans a pause of more than 5 s.
- Speakers: a detector for "agent" or "caller" also hears words labelled "unknown". A mono recording without
  diarization is thus judged on all its speech rather than not at all, and its findings say speaker "unknown"
  so a reviewer knows who said it is not established.
- Time windows: `within_seconds` counts from the first word the detector hears (the agent's first word for an
  agent detector), so ringing, IVR and hold time before the agent picks up don't use up the window. A window
  longer than the call ends with the call: an agent who spoke but never gave a required disclosure is flagged
  however short the call. A detector whose speaker never speaks has nothing to judge and finds nothing.
- Transcription errors: phrases of a detector with `min_similarity` < 1 also match misheard (`WordStream.
  fuzzy_spans`, the one fuzzy mechanism); windows are searched as token ranges, so a 30-minute call costs
  no more than its windows. A finding the transcript cannot settle carries `uncertain` (why), and its rule
  is needs_review rather than flagged: words below the detector's `min_word_probability`, a match said
  by an "unknown" speaker on a rule about the agent or the caller (a mono call's caller may have said it),
  or a near match (`review_similarity` ≤ similarity < `min_similarity`): a forbidden phrase or trigger
  heard only nearly, or a required statement missing where something nearly like it was said.
- `within_sentence`: a match may not run past a sentence end as transcribed, so a pattern can pair the words
  that carry a meaning ("promise" ... "approved"). A finding of a detector with `outcome: needs_review` is
  dropped where a flagging detector of the same rule found the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

from callscript_dagster.policy.model import (
    Acknowledgement,
    Detector,
    DigitsDetector,
    Finding,
    ForbiddenDetector,
    Policy,
    RequiredDetector,
    Rule,
    SequenceDetector,
    SpeakerConstraint,
    UnclearStretch,
)
from callscript_dagster.text import (
    DIGITS,
    FILLERS,
    Token,
    WordStream,
    ends_sentence,
    fuzzy_similarity,
    mask_digits,
    mask_sensitive_numbers,
    verbatim,
)
from callscript_dagster.transcript import AGENT, CALLER, UNKNOWN, Transcript, Word, words_of


def evaluate_rules(policy: Policy, transcript: Transcript, *, campaign: str | None) -> list[Finding]:
    """Run the detectors of every rule that applies to a call of `campaign`; one Finding per violation, in
    time order. Rules without detectors are left to the LLM judge."""
    call = _Call.of(transcript)
    findings = []
    for rule in policy.applicable_rules(campaign):
        found = [
            (detector, finding)
            for index, detector in enumerate(rule.detectors)
            for finding in _run(rule, index, detector, call)
        ]
        # A detector that asks for review adds nothing where one that flags found the same words.
        flagging = [f for detector, f in found if detector.outcome == "flagged"]
        findings += [
            f
            for detector, f in found
            if detector.outcome == "flagged"
            or not any(g.start <= f.end and f.start <= g.end for g in flagging)
        ]
    return sorted(findings, key=lambda finding: finding.start)


# --- the call as detectors hear it ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Call:
    words: list[Word]
    end: float  # seconds: the end of the audio or of the last word, whichever is later
    streams: dict[str, list[WordStream]]  # what each speaker constraint hears; "any": one stream per speaker
    first_heard: dict[str, float]  # when each speaker constraint first hears a word

    @classmethod
    def of(cls, transcript: Transcript) -> _Call:
        # Normalized once per call: every detector reads these streams, none re-reads the words.
        words = words_of(transcript)
        labels = dict.fromkeys(word.speaker for word in words)
        by_label = {label: WordStream.of([w for w in words if w.speaker == label]) for label in labels}
        streams: dict[str, list[WordStream]] = {"any": list(by_label.values())}
        for constraint in ("agent", "caller"):
            heard = [label for label in labels if _hears(constraint, label)]
            if len(heard) == 1:
                streams[constraint] = [by_label[heard[0]]]
            else:
                streams[constraint] = (
                    [WordStream.of([w for w in words if w.speaker in heard])] if heard else []
                )
        first_heard = {
            constraint: min(stream.words[0].start for stream in heard)
            for constraint, heard in streams.items()
            if heard
        }
        return cls(words, max([transcript.duration] + [word.end for word in words]), streams, first_heard)

    def window(self, detector: Detector) -> tuple[float, float] | None:
        """(start, end) seconds a detector looks at, or None when its speaker never speaks."""
        start = self.first_heard.get(detector.speaker)
        if start is None:
            return None
        return start, (start + detector.within_seconds if detector.within_seconds else self.end)


def _hears(constraint: SpeakerConstraint, speaker: str) -> bool:
    return constraint == "any" or speaker in (constraint, UNKNOWN)


@dataclass(frozen=True)
class _Hit:
    words: list[Word]
    probability: float | None = None  # the words' mean recognition probability, when known
    near: float | None = None  # a near match only: its similarity, below the detector's min_similarity

    @property
    def speaker(self) -> str:
        return self.words[0].speaker

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end

    @property
    def quote(self) -> str:
        return verbatim(w.text for w in self.words)


def _hits(call: _Call, detector: ForbiddenDetector | RequiredDetector | SequenceDetector) -> list[_Hit]:
    """Matches of a text detector inside its window, not voided by `unless`, overlapping matches merged.
    Patterns match exactly; phrases also fuzzily when the detector's `min_similarity` is below 1 (a
    required detector only looks fuzzily when nothing matched exactly), and down to `review_similarity`
    as near matches (`_Hit.near`)."""
    window = call.window(detector)
    if window is None:
        return []
    hits = []
    for stream in call.streams[detector.speaker]:
        within = stream.window(*window)
        if within is None:
            continue
        spans: list[tuple[tuple[int, int], float | None]] = [
            (span, None) for span in stream.spans(detector.regexes_for(stream.text), within)
        ]
        if detector.fuzzy_floor < 1 and not (spans and isinstance(detector, RequiredDetector)):
            spans += [
                (span, None if similarity >= detector.min_similarity else similarity)
                for needle in detector.needles
                for span, similarity in stream.fuzzy_spans(needle, detector.fuzzy_floor, within)
                if isinstance(detector, RequiredDetector) or _keeps_negation(needle, stream, span)
            ]
        if detector.within_sentence:
            spans = [s for s in spans if not _crosses_sentence(stream.words_of(s[0]))]
        if spans and (detector.unless.phrases or detector.unless.patterns):
            vetoes = stream.spans(detector.unless.regexes_for(stream.text), within)
            spans = [s for s in spans if not any(_overlap(s[0], v) for v in vetoes)]
        # A near match overlapping a firm one adds nothing but a longer quote.
        firm = [span for span, near in spans if near is None]
        spans = [s for s in spans if s[1] is None or not any(_overlap(s[0], f) for f in firm)]
        hits += [
            _Hit(stream.words_of(span), stream.mean_probability(span), near) for span, near in _merge(spans)
        ]
    return sorted((hit for hit in hits if window[0] <= hit.start <= window[1]), key=lambda hit: hit.start)


# A phrase that says a thing is violated by its negation ("do not contact me") means the opposite without it:
# "please do contact Medicare" is 0.87 alike. A fuzzy match of a forbidden phrase or a trigger keeps one of
# these whenever the phrase has one. (A required script is matched through a misheard "not", "we do hot offer":
# the rest of it still shows it was read.)
_NEGATIONS = frozenset({"not", "no", "never", "dont", "cant", "wont", "doesnt", "isnt", "arent", "nobody"})
# What tiny.en writes for a spoken "not" ("do hot contact me"): heard where the phrase has its negation, it
# stands for it; "do contact me" has nothing there.
_MISHEARD_NOT = frozenset({"hot", "knot", "nut", "naught", "nought"})
_NEGATIONS_HEARD = _NEGATIONS | _MISHEARD_NOT


def _keeps_negation(needle: str, stream: WordStream, span: tuple[int, int]) -> bool:
    if _NEGATIONS.isdisjoint(needle.split()):
        return True
    heard = {stream.tokens[i].text for i in range(span[0], span[1] + 1)}
    return not heard.isdisjoint(_NEGATIONS_HEARD)


def _crosses_sentence(words: list[Word]) -> bool:
    """Whether a sentence ends (. ? ! as transcribed) before the last of `words`."""
    return any(ends_sentence(word.text) for word in words[:-1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _merge(
    spans: list[tuple[tuple[int, int], float | None]],
) -> list[tuple[tuple[int, int], float | None]]:
    """Overlapping spans as one; a merged span is near (its best similarity) only if all its parts are."""
    merged: list[tuple[tuple[int, int], float | None]] = []
    for span, near in sorted(spans, key=lambda s: s[0]):
        if merged and span[0] <= merged[-1][0][1]:
            (first, last), was = merged[-1]
            merged[-1] = (
                (first, max(last, span[1])),
                None if was is None or near is None else max(was, near),
            )
        else:
            merged.append((span, near))
    return merged


def _doubt(
    words_probability: float | None, threshold: float | None, speaker: str, constraint: SpeakerConstraint
) -> str | None:
    """Why evidence cannot settle a rule on its own, or None: its words were heard too unclearly, or it
    was said by an unlabelled speaker where the rule is about one side (mono audio: the caller's
    "guaranteed approval?" reads the same as the agent's)."""
    if threshold is not None and words_probability is not None and words_probability < threshold:
        return f"transcript too unclear: mean word probability {words_probability:.2f} < {threshold:g}"
    if speaker == UNKNOWN and constraint != "any":
        return f"speaker not established (no speaker labels); the rule is about the {constraint}"
    return None


# --- detectors -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    """What a detector found; `_run` makes it a Finding of its rule."""

    speaker: str
    start: float
    end: float
    quote: str
    rationale: str
    redacted_quote: str | None = None
    uncertain: str | None = None


def _run(rule: Rule, index: int, detector: Detector, call: _Call) -> list[Finding]:
    what = detector.label or _lower_first(rule.title)
    match detector:
        case ForbiddenDetector():
            evidence = _forbidden(detector, call, what)
        case RequiredDetector():
            evidence = _required(detector, call, what)
        case SequenceDetector():
            evidence = _sequence(detector, call)
        case DigitsDetector():
            evidence = _digits(detector, call)
    if detector.outcome == "needs_review":
        asks = f"{what}: the policy asks a person to check, not to flag"
        evidence = [replace(e, uncertain=e.uncertain or asks) for e in evidence]
    return [
        Finding(
            rule_id=rule.id,
            severity=rule.severity,
            detector=f"detectors[{index}]:{detector.kind}",
            **asdict(e),
        )
        for e in evidence
    ]


def _forbidden(detector: ForbiddenDetector, call: _Call, what: str) -> list[_Evidence]:
    # A forbidden wording may hold an account number ("account number 3 9 2 8 …"): quotes and rationales are
    # shown and logged widely, so they only ever carry it redacted.
    return [
        _Evidence(
            hit.speaker,
            hit.start,
            hit.end,
            quote := mask_sensitive_numbers(hit.quote),
            f"{_who(hit.speaker)} said '{quote}' at {hit.start:.1f} s ({what})",
            uncertain=_near(hit, detector)
            or _doubt(hit.probability, detector.min_word_probability, hit.speaker, detector.speaker),
        )
        for hit in _hits(call, detector)
    ]


def _near(hit: _Hit, detector: ForbiddenDetector | RequiredDetector | SequenceDetector) -> str | None:
    """Why a near match cannot settle a rule: misheard words, or other words that sound alike."""
    if hit.near is None:
        return None
    return (
        f"only a near match: '{hit.quote}' at {hit.start:.1f} s is {hit.near:.2f} alike "
        f"(< {detector.min_similarity:g}); misheard, or not said?"
    )


def _required(detector: RequiredDetector, call: _Call, what: str) -> list[_Evidence]:
    window = call.window(detector)
    if window is None:
        return []
    hits = _hits(call, detector)
    if any(hit.near is None for hit in hits):
        return []
    start, end = window[0], min(window[1], call.end)
    if detector.within_seconds is None:
        when = "during the call"
    else:
        ended = ", when the call ended" if end < window[1] else ""
        when = f"in the first {detector.within_seconds:g} s ({start:.1f}–{end:.1f} s{ended})"
    # An absence is only as certain as the words searched: unclear audio may hide the statement.
    # A near match may be the statement misheard: a person listens before anyone is flagged.
    uncertain = _near(max(hits, key=lambda hit: hit.near or 0), detector) if hits else None
    if uncertain is None:
        uncertain = _alike(call, detector, window)
    heard = [
        [w for w in stream.words if start <= w.start <= end and w.probability is not None]
        for stream in call.streams[detector.speaker]
    ]
    if uncertain is None and detector.min_word_probability is not None:
        probabilities = [w.probability for words in heard for w in words]
        mean = sum(probabilities) / len(probabilities) if probabilities else None
        if mean is not None and mean < detector.min_word_probability:
            uncertain = (
                f"transcript too unclear: words in {start:.1f}–{end:.1f} s heard at mean probability "
                f"{mean:.2f} < {detector.min_word_probability:g}"
            )
    if uncertain is None and detector.unclear_stretch is not None:
        uncertain = _unclear_stretch(heard, detector.unclear_stretch)
    return [
        _Evidence(
            detector.speaker,
            start,
            end,
            "",
            f"No {what} by {_whom(detector.speaker)} {when}",
            uncertain=uncertain,
        )
    ]


def _unclear_stretch(heard: list[list[Word]], stretch: UnclearStretch) -> str | None:
    """Why a missing statement may be there misheard: the least clearly heard run of `stretch.words` words
    (within one speaker stream) is below `stretch.below`."""
    runs = [
        (sum(w.probability for w in run) / len(run), run)
        for words in heard
        for i in range(max(1, len(words) - stretch.words + 1))
        if (run := words[i : i + stretch.words])
    ]
    mean, run = min(runs, key=lambda r: r[0], default=(1.0, []))
    if mean >= stretch.below:
        return None
    return (
        f"unclear: '{verbatim(w.text for w in run)}' at {run[0].start:.1f} s heard at mean probability "
        f"{mean:.2f} < {stretch.below:g}; the statement may be there misheard"
    )


def _alike(call: _Call, detector: RequiredDetector, window: tuple[float, float]) -> str | None:
    """Why a missing statement may be there misheard: the window holds wording of the detector's `near`
    (an introduction whose name or company came out as other words)."""
    if not (detector.near.phrases or detector.near.patterns):
        return None
    for stream in call.streams[detector.speaker]:
        within = stream.window(*window)
        spans = stream.spans(detector.near.regexes_for(stream.text), within) if within else []
        if spans:
            words = stream.words_of(spans[0])
            return (
                f"only something like it: '{verbatim(w.text for w in words)}' at {words[0].start:.1f} s; "
                "misheard, or not said?"
            )
    return None


def _sequence(detector: SequenceDetector, call: _Call) -> list[_Evidence]:
    # Consent is revoked at the first request: everything the other side says afterwards counts.
    requests = _hits(call, detector)
    if not requests:
        return []
    # A request heard clearly settles it; one only nearly heard is judged too, but for review.
    request = next((r for r in requests if r.near is None), requests[0])
    then = detector.then
    after = [word for word in call.words if word.start >= request.end]
    turn_of = _turn_numbers(after)
    # The other side's words after the request, from the streams normalized once per call.
    excused: set[int] = set()  # id() of words that do not count
    for stream in call.streams[then.speaker]:
        within = stream.window(request.end, call.end)
        if within is None:
            continue
        for span in stream.spans(then.unless.regexes_for(stream.text), within):
            excused.update(id(w) for w in stream.words_of(span))
        excused.update(id(stream.words[i]) for i in _acknowledging(stream, within, then.acknowledged_by))
    heard = [i for i, word in enumerate(after) if _hears(then.speaker, word.speaker)]
    counted = [after[i] for i in heard if id(after[i]) not in excused]
    turns = sorted({turn_of[i] for i in heard if id(after[i]) not in excused})
    too_many_words = then.max_words is not None and len(counted) > then.max_words
    too_many_turns = then.max_turns is not None and len(turns) > then.max_turns
    if not (too_many_words or too_many_turns):
        return []
    limits = " / ".join(
        f"{limit} {unit}"
        for limit, unit in ((then.max_words, "words"), (then.max_turns, "turns"))
        if limit is not None
    )
    first_turn = [after[i] for i in heard if turn_of[i] == turns[0]]
    rationale = (
        f"{_who(request.speaker)} asked '{request.quote}' at {request.start:.1f} s, then "
        f"{_whom(then.speaker)} went on for {_count(len(counted), 'word')} over {_count(len(turns), 'turn')} "
        f"(limit {limits})"
    )
    probabilities = [w.probability for w in counted if w.probability is not None]
    mean = sum(probabilities) / len(probabilities) if probabilities else None
    speaker = UNKNOWN if UNKNOWN in (request.speaker, counted[0].speaker) else counted[0].speaker
    return [
        _Evidence(
            counted[0].speaker,
            counted[0].start,
            counted[-1].end,
            verbatim(w.text for w in first_turn),
            rationale,
            uncertain=_near(request, detector)
            or _doubt(mean, then.min_word_probability, speaker, then.speaker),
        )
    ]


def _acknowledging(stream: WordStream, within: tuple[int, int], acknowledgement: Acknowledgement) -> set[int]:
    """Indices into `stream.words` of the sentences (among the tokens `within`) that carry an acknowledgement
    word and are short enough to be a confirmation rather than a pitch. Sentences end at . ? ! in the words
    as transcribed. A question is never a confirmation: "okay, noted, but are you happy with your drug
    coverage?" asks for more of the conversation the caller just ended. Nor is what follows a turn ("I
    understand, but before you go, what if we cut your payment by a third"): the confirmation ends there."""
    keywords = acknowledgement.keywords
    if not keywords:
        return set()
    sentence, sentences = [], []
    first, last = stream.tokens[within[0]].first, stream.tokens[within[1]].last
    for i in range(first, last + 1):
        word = stream.words[i]
        sentence.append(i)
        if ends_sentence(word.text):
            sentences.append(sentence)
            sentence = []
    if sentence:
        sentences.append(sentence)
    sentence_of = {i: n for n, members in enumerate(sentences) for i in members}
    short = {
        n
        for n, members in enumerate(sentences)
        if len(members) <= acknowledgement.max_sentence_words
        and not stream.words[members[-1]].text.rstrip().endswith("?")
    }
    is_keyword: dict[str, bool] = {}  # a call repeats its words: compare each distinct one once
    acknowledging: dict[int, int] = {}  # sentence -> the word where the confirmation turns into more
    tokens = stream.tokens[within[0] : within[1] + 1]
    for k, token in enumerate(tokens):
        n = sentence_of[token.first]
        if n in acknowledging and acknowledging[n] > token.first and _turns(tokens, k, acknowledgement):
            acknowledging[n] = token.first
        if n in short and n not in acknowledging:
            if token.text not in is_keyword:
                is_keyword[token.text] = _is_keyword(token.text, keywords, acknowledgement.min_similarity)
            if is_keyword[token.text]:
                acknowledging[n] = sentences[n][-1] + 1
    return {i for n, turn in acknowledging.items() for i in sentences[n] if i < turn}


def _turns(tokens: list[Token], k: int, acknowledgement: Acknowledgement) -> bool:
    """Whether a sentence turns at tokens[k] from a confirmation to something else ("..., but")."""
    return any(
        tuple(t.text for t in tokens[k : k + len(turn)]) == turn for turn in acknowledgement.turn_tokens
    )


def _is_keyword(token: str, keywords: frozenset[str], min_similarity: float) -> bool:
    return token in keywords or any(fuzzy_similarity(token, k) >= min_similarity for k in keywords)


def _turn_numbers(words: list[Word]) -> list[int]:
    """The turn number of each word: a turn ends when someone else speaks."""
    numbers = []
    for i, word in enumerate(words):
        numbers.append(numbers[-1] + (word.speaker != words[i - 1].speaker) if i else 0)
    return numbers


def _digits(detector: DigitsDetector, call: _Call) -> list[_Evidence]:
    window = call.window(detector)
    if window is None:
        return []
    check = _CHECKS[detector.check]
    longest = detector.max_digits or detector.min_digits
    found = []
    for stream in call.streams[detector.speaker]:
        for span, digits in _digit_runs(stream):
            hit = _Hit(stream.words_of(span))
            if not window[0] <= hit.start <= window[1] or len(digits) < detector.min_digits:
                continue
            # Longer than any card: Whisper repeats or runs together digits it hears too fast ("one one one
            # ..."). A card's length failing the check: one digit misheard or lost, or an account number.
            # Something sensitive was probably read in, but the check cannot tell: a person decides.
            overlong = detector.check == "luhn" and len(digits) > longest
            failing = detector.check == "luhn" and len(digits) <= longest and not check(digits)
            if overlong or failing or (len(digits) <= longest and check(digits)):
                what = (
                    "longer than any card number"
                    if overlong
                    else "a card number's length, failing the card check"
                    if failing
                    else detector.label or _DIGIT_LABELS[detector.check]
                )
                masked = mask_digits(hit.quote)
                # The rationale is shown and logged widely: it only ever carries the redacted digits.
                rationale = (
                    f"{_who(hit.speaker)} read {len(digits)} digits ({what}) into the recording at "
                    f"{hit.start:.1f} s: '{masked}'"
                )
                doubt = (
                    f"{len(digits)} digits in a row, longer than {longest}: misheard?"
                    if overlong
                    else f"{len(digits)} digits failing the card check: a card misheard, or an account number?"
                    if failing
                    else None
                )
                found.append(_Evidence(hit.speaker, hit.start, hit.end, hit.quote, rationale, masked, doubt))
    return found


def _digit_runs(stream: WordStream) -> list[tuple[tuple[int, int], str]]:
    """Maximal runs of number tokens, e.g. "123 45 6789" or "one two three ...", with their digits joined. An
    amount written with a thousands separator ("20,000", Whisper's "20 ,000") is no digit read out: it ends a
    run and joins none, so "20,000, 300,000" is not a 14-digit number."""
    runs, current = [], []
    for i, token in enumerate([*stream.tokens, Token("", -1, -1)]):
        if DIGITS.fullmatch(token.text) and not _AMOUNT.search(stream.words[token.first].text):
            current.append(i)
        elif current and token.text not in FILLERS:
            runs.append(((current[0], current[-1]), "".join(stream.tokens[j].text for j in current)))
            current = []
    return runs


_AMOUNT = re.compile(r"\d,\d{3}|^\s*,\d{3}")


def _luhn(digits: str) -> bool:
    total = 0
    for i, digit in enumerate(int(d) for d in reversed(digits)):
        doubled = digit * 2 if i % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def _ssn_shaped(digits: str) -> bool:
    # SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return (
        len(digits) == 9
        and area not in ("000", "666")
        and area[0] != "9"
        and group != "00"
        and serial != "0000"
    )


_CHECKS: dict[str, Callable[[str], bool]] = {"none": lambda digits: True, "luhn": _luhn, "ssn": _ssn_shaped}
_DIGIT_LABELS = {
    "none": "a number",
    "luhn": "payment card number, passes Luhn",
    "ssn": "Social Security number",
}


# --- words for people ------------------------------------------------------------------------------------


def _who(speaker: str) -> str:
    return {AGENT: "Agent", CALLER: "Caller", UNKNOWN: "Unknown speaker"}.get(speaker, speaker.capitalize())


def _whom(speaker: SpeakerConstraint) -> str:
    return {"agent": "the agent", "caller": "the caller"}.get(speaker, "anyone")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _lower_first(title: str) -> str:
    first = title.split()[0]
    return title if first.isupper() else title[0].lower() + title[1:]
