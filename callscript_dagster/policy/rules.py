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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from callscript_dagster.policy.model import (
    Detector,
    DigitsDetector,
    Finding,
    ForbiddenDetector,
    Policy,
    RequiredDetector,
    Rule,
    SequenceDetector,
    SpeakerConstraint,
)
from callscript_dagster.text import DIGITS, FILLERS, Token, WordStream, mask_digits, verbatim
from callscript_dagster.transcript import AGENT, CALLER, UNKNOWN, Transcript, Word, words_of


def evaluate_rules(policy: Policy, transcript: Transcript, *, campaign: str | None) -> list[Finding]:
    """Run the detectors of every rule that applies to a call of `campaign`; one Finding per violation, in
    time order. Rules without detectors are left to the LLM judge."""
    call = _Call.of(transcript)
    findings = [
        finding
        for rule in policy.applicable_rules(campaign)
        for index, detector in enumerate(rule.detectors)
        for finding in _run(rule, index, detector, call)
    ]
    return sorted(findings, key=lambda finding: finding.start)


# --- the call as detectors hear it ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Call:
    words: list[Word]
    end: float  # seconds: the end of the audio or of the last word, whichever is later
    streams: dict[str, list[WordStream]]  # what each speaker constraint hears; "any": one stream per speaker

    @classmethod
    def of(cls, transcript: Transcript) -> _Call:
        words = words_of(transcript)
        streams: dict[str, list[WordStream]] = {}
        for constraint in ("agent", "caller"):
            heard = [word for word in words if _hears(constraint, word.speaker)]
            streams[constraint] = [WordStream.of(heard)] if heard else []
        labels = dict.fromkeys(word.speaker for word in words)
        streams["any"] = [
            WordStream.of([word for word in words if word.speaker == label]) for label in labels
        ]
        return cls(words, max([transcript.duration] + [word.end for word in words]), streams)

    def heard(self, speaker: SpeakerConstraint) -> list[Word]:
        return [word for word in self.words if _hears(speaker, word.speaker)]

    def window(self, detector: Detector) -> tuple[float, float] | None:
        """(start, end) seconds a detector looks at, or None when its speaker never speaks."""
        heard = self.heard(detector.speaker)
        if not heard:
            return None
        start = heard[0].start
        return start, (start + detector.within_seconds if detector.within_seconds else self.end)


def _hears(constraint: SpeakerConstraint, speaker: str) -> bool:
    return constraint == "any" or speaker in (constraint, UNKNOWN)


@dataclass(frozen=True)
class _Hit:
    words: list[Word]

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
    """Matches of a text detector inside its window, not voided by `unless`, overlapping matches merged."""
    window = call.window(detector)
    if window is None:
        return []
    hits = []
    for stream in call.streams[detector.speaker]:
        vetoes = stream.spans(detector.unless.regexes)
        spans = [s for s in stream.spans(detector.regexes) if not any(_overlap(s, v) for v in vetoes)]
        hits += [_Hit(stream.words_of(span)) for span in _merge(spans)]
    return sorted((hit for hit in hits if window[0] <= hit.start <= window[1]), key=lambda hit: hit.start)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in sorted(spans):
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


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
    return [
        _Evidence(
            hit.speaker,
            hit.start,
            hit.end,
            hit.quote,
            f"{_who(hit.speaker)} said '{hit.quote}' at {hit.start:.1f} s ({what})",
        )
        for hit in _hits(call, detector)
    ]


def _required(detector: RequiredDetector, call: _Call, what: str) -> list[_Evidence]:
    window = call.window(detector)
    if window is None or _hits(call, detector):
        return []
    start, end = window[0], min(window[1], call.end)
    if detector.within_seconds is None:
        when = "during the call"
    else:
        ended = ", when the call ended" if end < window[1] else ""
        when = f"in the first {detector.within_seconds:g} s ({start:.1f}–{end:.1f} s{ended})"
    return [_Evidence(detector.speaker, start, end, "", f"No {what} by {_whom(detector.speaker)} {when}")]


def _sequence(detector: SequenceDetector, call: _Call) -> list[_Evidence]:
    # Consent is revoked at the first request: everything the other side says afterwards counts.
    requests = _hits(call, detector)
    if not requests:
        return []
    request, then = requests[0], detector.then
    after = [word for word in call.words if word.start >= request.end]
    turn_of = _turn_numbers(after)
    heard = [i for i, word in enumerate(after) if _hears(then.speaker, word.speaker)]
    stream = WordStream.of([after[i] for i in heard])
    excused = {heard[k] for span in stream.spans(then.unless.regexes) for k in stream.indices_of(span)}
    counted = [after[i] for i in heard if i not in excused]
    turns = sorted({turn_of[i] for i in heard if i not in excused})
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
    return [
        _Evidence(
            counted[0].speaker,
            counted[0].start,
            counted[-1].end,
            verbatim(w.text for w in first_turn),
            rationale,
        )
    ]


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
            if (
                detector.min_digits <= len(digits) <= longest
                and check(digits)
                and window[0] <= hit.start <= window[1]
            ):
                what = detector.label or _DIGIT_LABELS[detector.check]
                masked = mask_digits(hit.quote)
                # The rationale is shown and logged widely: it only ever carries the redacted digits.
                rationale = (
                    f"{_who(hit.speaker)} read {len(digits)} digits ({what}) into the recording at "
                    f"{hit.start:.1f} s: '{masked}'"
                )
                found.append(_Evidence(hit.speaker, hit.start, hit.end, hit.quote, rationale, masked))
    return found


def _digit_runs(stream: WordStream) -> list[tuple[tuple[int, int], str]]:
    """Maximal runs of number tokens, e.g. "123 45 6789" or "one two three ...", with their digits joined."""
    runs, current = [], []
    for i, token in enumerate([*stream.tokens, Token("", -1, -1)]):
        if DIGITS.fullmatch(token.text):
            current.append(i)
        elif current and token.text not in FILLERS:
            runs.append(((current[0], current[-1]), "".join(stream.tokens[j].text for j in current)))
            current = []
    return runs


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
