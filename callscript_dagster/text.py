"""Words as the Judge reads them: one normaliser for transcripts, policy phrases and quotes; one word stream
that maps a match in normalized text back to the transcript's words; one masker for numbers that must not be
stored.

Normalized text
- lowercase, apostrophes dropped ("you're" -> "youre"), other punctuation is a word break ("1-800-MEDICARE" ->
  "1 800 medicare", "1,000" -> "1000"), "%" reads "percent", number words become digits ("eight" -> "8",
  "fifty two" -> "52", "eight hundred" -> "800", "oh" between digits -> "0"). "*" stays inside a word: ASR output
  censors profanity as "f***ing".
- Each token remembers which source pieces (words) it came from, so a match in the normalized text can be
  quoted verbatim with the words' real times.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


class Word(Protocol):
    """What a stream needs of a transcript word (`callscript_dagster.transcript.Word` is one)."""

    start: float
    end: float
    text: str


_UNITS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine".split())}
_TEENS = {
    w: n + 10
    for n, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: (n + 2) * 10 for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
# Hesitations that may sit inside a number read aloud without ending it.
FILLERS = frozenset({"uh", "um", "er", "ah", "hmm"})
DIGITS = re.compile(r"[0-9]+")
# Silence (or someone else talking) longer than this ends a phrase: no match spans it.
PHRASE_PAUSE_SECONDS = 5.0


@dataclass(frozen=True)
class Token:
    """One normalized token and the source pieces (words) it came from."""

    text: str
    first: int  # index of the first source piece
    last: int


def normalize(pieces: Sequence[str]) -> list[Token]:
    """Normalized tokens of `pieces` (transcript words, or a phrase split on spaces)."""
    raw = [Token(text, i, i) for i, piece in enumerate(pieces) for text in _split(piece)]
    return _numbers(raw)


def tokens(text: str) -> list[str]:
    """The normalized tokens of free text (a policy phrase, an LLM's quote)."""
    return [token.text for token in normalize(text.split())]


def _split(piece: str) -> list[str]:
    text = re.sub(r"['’‘`]", "", piece.lower()).replace("%", " percent ")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return [t for t in re.findall(r"(?:[^\W_]|\*)+", text) if t.strip("*")]


def _numbers(raw: list[Token]) -> list[Token]:
    texts = [token.text for token in raw]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        value, used = _number_at(texts, i)
        if used:
            out.append(Token(str(value), raw[i].first, raw[i + used - 1].last))
            i += used
            continue
        between_digits = (
            out
            and out[-1].text.isdigit()
            and i + 1 < len(texts)
            and (texts[i + 1].isdigit() or _number_at(texts, i + 1)[1])
        )
        out.append(Token("0", raw[i].first, raw[i].last) if texts[i] == "oh" and between_digits else raw[i])
        i += 1
    return out


def _number_at(texts: list[str], i: int) -> tuple[int, int]:
    """(value, tokens used) of the number words starting at texts[i]; (0, 0) if none."""
    word, following = texts[i], texts[i + 1] if i + 1 < len(texts) else ""
    if word in _TEENS:
        return _TEENS[word], 1
    if word in _TENS:
        return (_TENS[word] + _UNITS[following], 2) if _UNITS.get(following, 0) else (_TENS[word], 1)
    if word in _UNITS:
        if following != "hundred":
            return _UNITS[word], 1
        rest, used = _number_at(texts, i + 2) if i + 2 < len(texts) else (0, 0)
        return _UNITS[word] * 100 + rest, 2 + used
    return 0, 0


def verbatim(texts: Iterable[str]) -> str:
    """Word texts joined as they were said (Whisper's words may carry their leading space)."""
    return "".join(text if text.startswith(" ") else f" {text}" for text in texts).strip()


# --- a speaker's words as one searchable text ------------------------------------------------------------


@dataclass(frozen=True)
class WordStream:
    """Time-ordered words (of one speaker, say) as one normalized text, searchable by regex, with every match
    mapped back to the words it came from. A pause longer than `PHRASE_PAUSE_SECONDS` is a line break in the
    text, which the single spaces of a phrase or pattern cannot match across."""

    words: list[Word]
    tokens: list[Token]
    text: str
    offsets: list[int]  # where each token starts in `text`

    @classmethod
    def of(cls, words: list[Word]) -> WordStream:
        tokens = normalize([word.text for word in words])
        parts, offsets, length = [], [], 0
        for i, token in enumerate(tokens):
            if i:
                pause = words[token.first].start - words[tokens[i - 1].last].end
                parts.append("\n" if pause > PHRASE_PAUSE_SECONDS else " ")
                length += 1
            offsets.append(length)
            parts.append(token.text)
            length += len(token.text)
        return cls(words, tokens, "".join(parts), offsets)

    def spans(self, regexes: Iterable[re.Pattern[str]]) -> list[tuple[int, int]]:
        """(first token, last token) of every non-empty match of the compiled `regexes`."""
        return [
            (self.token_at(m.start()), self.token_at(m.end() - 1))
            for regex in regexes
            for m in regex.finditer(self.text)
            if m.end() > m.start()
        ]

    def words_of(self, span: tuple[int, int]) -> list[Word]:
        return [self.words[i] for i in self.indices_of(span)]

    def indices_of(self, span: tuple[int, int]) -> range:
        """Indices into `words` of the words a token span came from."""
        return range(self.tokens[span[0]].first, self.tokens[span[1]].last + 1)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset) - 1


def phrase_pattern(phrase: str) -> str:
    """A regex (over normalized text) matching `phrase` normalized, its words separated by single spaces."""
    return re.escape(" ".join(tokens(phrase)))


def whole_tokens(pattern: str) -> re.Pattern[str]:
    """Compile a regex over normalized text so it only matches whole tokens."""
    return re.compile(rf"(?<!\S)(?:{pattern})(?!\S)", re.IGNORECASE)


# --- numbers that must not be stored ----------------------------------------------------------------------

SENSITIVE_DIGITS = 9  # the shortest of what must not be stored: a Social Security number
_NUMBER_WORD = (
    r"\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
# A run of numbers as said or written: "123-45-6789", "4111 1111 1111 1111", "one two three, four five, ...".
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})\b(?:[\s,.\-–]+(?:(?:uh|um)[\s,.\-–]+)*(?:{_NUMBER_WORD})\b)*", re.IGNORECASE
)


def mask_digits(text: str) -> str:
    """Every digit of `text` masked but the last four, digits spoken as words included ("one two ..." ->
    "X X ..."), separators kept: "123-45-6789" -> "XXX-XX-6789"."""
    pieces = text.split(" ")
    numbers = [token for token in normalize(pieces) if DIGITS.fullmatch(token.text)]
    keep_from = sum(len(token.text) for token in numbers) - 4
    seen = 0

    def mask(digits: str) -> str:
        nonlocal seen
        masked = "".join(d if seen + i >= keep_from else "X" for i, d in enumerate(digits))
        seen += len(digits)
        return masked

    out: list[str | None] = list(pieces)
    masked_pieces = set()
    for token in numbers:
        if any(ch.isdigit() for ch in pieces[token.first]):
            if token.first not in masked_pieces:  # "123-45-6789" is one piece of three tokens: mask it once
                out[token.first] = re.sub(r"[0-9]", lambda m: mask(m.group()), pieces[token.first])
                masked_pieces.add(token.first)
        else:  # number words: write the (masked) digits instead, keeping trailing punctuation
            tail = re.search(r"\W*$", pieces[token.last]).group()
            out[token.first] = mask(token.text) + tail
            out[token.first + 1 : token.last + 1] = [None] * (token.last - token.first)
    return " ".join(piece for piece in out if piece is not None)


def mask_sensitive_numbers(text: str) -> str:
    """`text` with every run of `SENSITIVE_DIGITS` or more digits (written or spoken) masked but its last four,
    as `mask_digits` does; times, amounts and counts stay readable."""

    def mask(match: re.Match[str]) -> str:
        masked = mask_digits(match.group())
        digits = sum(ch.isdigit() or ch == "X" for ch in masked)
        return masked if digits >= SENSITIVE_DIGITS else match.group()

    return _NUMBER_RUN.sub(mask, text)
