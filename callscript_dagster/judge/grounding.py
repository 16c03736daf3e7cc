"""Grounding the LLM's violations in the transcript: a violation is evidence only if its rule exists and applies
to the call, and its quote is words of the transcript, said by that speaker, at about the times it gave."""

from __future__ import annotations

from collections.abc import Iterable

from callscript_dagster.judge.verdict import DroppedViolation, Evidence, LlmViolation
from callscript_dagster.policy import Policy
from callscript_dagster.text import (
    WordStream,
    mask_sensitive_numbers,
    phrase_pattern,
    tokens,
    verbatim,
    whole_tokens,
)
from callscript_dagster.transcript import UNKNOWN, Transcript, Word, words_of

QUOTE_TOLERANCE_SECONDS = 1.0  # how far the LLM's times may miss the quoted words (it sees turn times only)


def ground_violations(
    violations: Iterable[LlmViolation],
    policy: Policy,
    transcript: Transcript,
    *,
    campaign: str | None,
    tolerance: float = QUOTE_TOLERANCE_SECONDS,
) -> tuple[list[Evidence], list[DroppedViolation]]:
    """Evidence from the LLM's violations that hold up, and the ones dropped with their reason.

    A violation holds up when its rule exists and applies to `campaign`, and its quote, normalized (case,
    punctuation, whitespace), is a run of that speaker's words (any speaker's when the label is not one of
    the transcript's) whose times overlap the violation's [start, end] within `tolerance` seconds. The
    evidence then carries the matched words verbatim with their real times. An empty quote is a claimed
    absence ("never gave the disclosure"): kept with its window clipped to the call.
    """
    violations = list(violations)
    if not violations:
        return [], []  # the usual answer for a compliant call: no need to index its words
    rules = {rule.id: rule for rule in policy.rules}
    quotes = _QuoteIndex.of(transcript)
    kept: list[Evidence] = []
    dropped: list[DroppedViolation] = []
    for v in violations:
        rule = rules.get(v.rule_id)
        if rule is None:
            dropped.append(_dropped(v, "unknown_rule", "not in the policy"))
            continue
        if not rule.applies_to(campaign):
            dropped.append(_dropped(v, "not_applicable", f"does not apply to campaign {campaign!r}"))
            continue
        start, end = sorted((v.start, v.end))
        if tokens(v.quote):
            words, why = quotes.find(v.quote, v.speaker, start, end, tolerance)
            if not words:
                dropped.append(_dropped(v, "invented_quote", why))
                continue
            speaker, start, end, quote = (
                words[0].speaker,
                words[0].start,
                words[-1].end,
                verbatim(w.text for w in words),
            )
        elif start > quotes.end + tolerance:
            why = f"claimed absence at {start:.1f} s, after the call ended"
            dropped.append(_dropped(v, "invented_quote", why))
            continue
        else:
            speaker, start, end, quote = v.speaker, max(0.0, start), min(max(0.0, end), quotes.end), ""
        kept.append(
            Evidence(
                rule_id=rule.id,
                severity=rule.severity,
                speaker=speaker,
                start=start,
                end=max(start, end),
                quote=mask_sensitive_numbers(quote),
                rationale=mask_sensitive_numbers(v.rationale)[:1000],
                source="llm",
                confidence=v.confidence,
            )
        )
    return kept, dropped


def _dropped(v: LlmViolation, reason: str, detail: str) -> DroppedViolation:
    quote = mask_sensitive_numbers(v.quote)[:300]
    return DroppedViolation(rule_id=v.rule_id, reason=reason, detail=detail, quote=quote)


class _QuoteIndex:
    def __init__(self, streams: dict[str, WordStream], end: float) -> None:
        self.streams = streams
        self.end = end

    @classmethod
    def of(cls, transcript: Transcript) -> _QuoteIndex:
        words = words_of(transcript)
        labels = dict.fromkeys(word.speaker for word in words)
        streams = {label: WordStream.of([w for w in words if w.speaker == label]) for label in labels}
        return cls(streams, max([transcript.duration] + [w.end for w in words]))

    def find(
        self, quote: str, speaker: str, start: float, end: float, tolerance: float
    ) -> tuple[list[Word] | None, str]:
        """The quoted words nearest to `start`, or None and why not."""
        if speaker in self.streams:
            # Like the rules, a named speaker also owns words the transcriber could not attribute.
            labels = [speaker] + ([UNKNOWN] if speaker != UNKNOWN and UNKNOWN in self.streams else [])
        else:
            labels = list(self.streams)
        quoted = [whole_tokens(phrase_pattern(quote))]
        found = [
            stream.words_of(span)
            for label in labels
            for stream in [self.streams[label]]
            for span in stream.spans(quoted)
        ]
        if not found:
            who = f"{speaker}'s words" if speaker in self.streams else "the transcript"
            return None, f"quote not in {who}"
        near = [w for w in found if w[0].start <= end + tolerance and w[-1].end >= start - tolerance]
        if not near:
            said = ", ".join(f"{w[0].start:.1f} s" for w in found[:3])
            return None, f"quote said at {said}, not at {start:.1f}–{end:.1f} s"
        return min(near, key=lambda w: abs(w[0].start - start)), ""
