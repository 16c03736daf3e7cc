"""Words as the Judge reads them: one normaliser for transcripts, policy phrases and quotes; one word stream
that maps a match in normalized text back to the transcript's words; one masker for numbers that must not be
stored.

Normalized text
- lowercase, apostrophes dropped ("you're" -> "youre"), other punctuation is a word break ("1-800-MEDICARE" ->
  "1 800 medicare", "1,000" -> "1000"), "%" and "per cent" read "percent", number words become digits ("eight" -> "8",
  "fifty two" -> "52", "eight hundred" -> "800", between digits "oh" -> "0", "to" and "too" -> "2" and "for"
  -> "4", as a transcriber writes a spoken "four" in "six oh one one four eight"). "*" stays inside a word: ASR output
  censors profanity as "f***ing".
- Each token remembers which source pieces (words) it came from, so a match in the normalized text can be
  quoted verbatim with the words' real times.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment


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


class Token(NamedTuple):  # a tuple: a 30-minute call makes thousands, cheaply
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


_APOSTROPHES = re.compile(r"['’‘`]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TOKEN = re.compile(r"(?:[^\W_]|\*)+")
_PLAIN_WORD = re.compile(
    r"\s*([a-z]+)[.,?!]?"
)  # most words: one token as they are, no regex work beyond this


@functools.lru_cache(maxsize=1 << 16)  # a call says the same few thousand words over and over
def _split(piece: str) -> tuple[str, ...]:
    lowered = piece.lower()
    plain = _PLAIN_WORD.fullmatch(lowered)
    if plain:
        return (plain.group(1),)
    text = _APOSTROPHES.sub("", lowered).replace("%", " percent ")
    text = _THOUSANDS.sub("", text)
    return tuple(t for t in _TOKEN.findall(text) if t.strip("*"))


# Words a transcriber writes for a digit spoken among digits ("six oh one one for eight two seven").
_DIGIT_SOUNDS = {"oh": "0", "to": "2", "too": "2", "for": "4"}
# Two words written for one ("twenty per cent"): read as the one, so a pattern names it once.
_COMPOUNDS = {("per", "cent"): "percent"}


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
        after_digit = bool(out) and out[-1].text.isdigit()
        before_digit = i + 1 < len(texts) and (texts[i + 1].isdigit() or bool(_number_at(texts, i + 1)[1]))
        # "oh" ends a run too ("... three four three oh"): as a word it would leave a fifth digit unmasked.
        digit = _DIGIT_SOUNDS.get(texts[i]) if after_digit and (before_digit or texts[i] == "oh") else None
        compound = _COMPOUNDS.get((texts[i], texts[i + 1])) if i + 1 < len(texts) else None
        if compound:
            out.append(Token(compound, raw[i].first, raw[i + 1].last))
            i += 2
            continue
        out.append(Token(digit, raw[i].first, raw[i].last) if digit else raw[i])
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


def ends_sentence(text: str) -> bool:
    """Whether a transcript word ends its sentence (. ? ! …, before any closing quote)."""
    return text.rstrip().rstrip("\"'’”)").endswith((".", "?", "!", "…"))


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

    def spans(
        self, regexes: Iterable[re.Pattern[str]], within: tuple[int, int] | None = None
    ) -> list[tuple[int, int]]:
        """(first token, last token) of every non-empty match of the compiled `regexes`; with `within`
        (first, last token), only matches starting in those tokens are searched for. A `{name}` of a pattern
        (see `whole_tokens`) must have matched a token of `proper_names`."""
        pos, endpos = self._bounds(within)
        return [
            (self.token_at(m.start()), self.token_at(m.end() - 1))
            for regex in regexes
            for m in self._matches(regex, pos, endpos)
            if m.end() > m.start() and m.start() < self._search_end(within)
        ]

    def _matches(self, regex: re.Pattern[str], pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """`regex.finditer`, except that a match whose `{name}` is not a proper noun ("so northgate health")
        does not hide one starting inside it ("northgate health advisors")."""
        while pos <= endpos and (m := regex.search(self.text, pos, endpos)) is not None:
            if self._names_proper(m):
                yield m
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1

    def _names_proper(self, match: re.Match[str]) -> bool:
        return all(
            self.token_at(match.start(group)) in self.proper_names
            for group in match.re.groupindex
            if group.startswith(_NAME_GROUP) and match.start(group) >= 0
        )

    @functools.cached_property
    def proper_names(self) -> frozenset[int]:
        """Tokens the transcriber wrote as proper nouns: capitalized inside a sentence ("it's Trevor over at
        Copperfield Auto"), where casing is not just a sentence's first letter. Speech recognition spells a
        name it mishears as some other name, still capitalized, so this survives where the words do not."""
        proper = set()
        for i, token in enumerate(self.tokens):
            word = self.words[token.first]
            text = word.text.strip().lstrip("\"'‘“(")
            if not text[:1].isupper() or token.text in _NOT_NAMES or not token.text.isalpha():
                continue
            before = self.words[token.first - 1] if token.first else None
            starts_sentence = (
                before is None
                or ends_sentence(before.text)
                or word.start - before.end > _SENTENCE_PAUSE_SECONDS
            )
            if not starts_sentence or (i and self.tokens[i - 1].first == token.first):
                proper.add(i)
        return frozenset(proper)

    def fuzzy_spans(
        self, needle: str, min_similarity: float, within: tuple[int, int] | None = None
    ) -> list[tuple[tuple[int, int], float]]:
        """((first token, last token), similarity) of each stretch of this text that `needle` (normalized
        text) aligns with at `min_similarity` or better, left to right, not overlapping.

        Similarity is `fuzzy_similarity` of the needle and the stretch of text it aligns best with: the share
        of the needle's characters found in order. A misheard word ("hot" for "not"), a split or merged word
        ("ack me" for "acme") costs a few characters, not the match. The text is searched in bounded chunks,
        so the cost grows linearly with the stream and a long needle (a scripted disclaimer) stays cheap."""
        if not needle or not self.tokens:
            return []
        pos, endpos = self._bounds(within)
        search_end = self._search_end(within)
        chunk = max(4 * len(needle), 480)  # fewer, longer alignments: the cost is mostly per call
        step = chunk - len(needle)
        found: list[tuple[tuple[int, int], float]] = []
        for lo in range(pos, max(pos + 1, search_end), step):
            hi = min(lo + chunk, endpos)
            found_in = self._aligned(needle, min_similarity, lo, hi, search_end)
            if found_in is not None:
                span, score = found_in
                if found and span[0] <= found[-1][0][1]:  # chunks overlap: keep the better of two alike
                    if score > found[-1][1]:
                        found[-1] = (span, score)
                else:
                    found.append((span, score))
            # Past the end, the next chunk would be a tail shorter than the needle, already searched
            # by this one (chunks overlap by a needle's length).
            if hi >= endpos:
                break
        return found

    def _aligned(
        self, needle: str, min_similarity: float, lo: int, hi: int, search_end: int
    ) -> tuple[tuple[int, int], float] | None:
        """The token span and similarity of the best alignment of `needle` in text[lo:hi] starting before
        `search_end`, or None."""
        text = self.text[lo:hi]
        # rapidfuzz aligns the shorter string inside the longer: a text shorter than the needle (a short
        # window) is compared whole, or a stray "y" would be found "in" the needle at similarity 1.
        if len(text) >= len(needle):
            m = fuzz.partial_ratio_alignment(needle, text, score_cutoff=100 * min_similarity)
        else:
            m = _whole_alignment(needle, text, min_similarity)
        if m is None or m.dest_end <= m.dest_start:
            return None
        start, end = lo + m.dest_start, lo + m.dest_end
        while start < end and self.text[start] in " \n":
            start += 1
        if start >= search_end:
            return None
        return (self.token_at(start), self.token_at(end - 1)), m.score / 100

    def window(self, start: float, end: float) -> tuple[int, int] | None:
        """(first token, last token) of the words starting between `start` and `end` seconds; None if none."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_right(self._starts, end) - 1
        return (first, last) if first <= last else None

    def mean_probability(self, span: tuple[int, int]) -> float | None:
        """The words' mean recognition probability over a token span; None when the transcriber gave none."""
        known = [p for w in self.words_of(span) if (p := getattr(w, "probability", None)) is not None]
        return sum(known) / len(known) if known else None

    @functools.cached_property
    def _starts(self) -> list[float]:
        return [self.words[token.first].start for token in self.tokens]

    def _bounds(self, within: tuple[int, int] | None) -> tuple[int, int]:
        """Character range to search: from the window's first token to a phrase's length past its last."""
        if within is None:
            return 0, len(self.text)
        return self.offsets[within[0]], min(len(self.text), self._search_end(within) + _SEARCH_SLACK)

    def _search_end(self, within: tuple[int, int] | None) -> int:
        """Where a match must start before: the end of the window's last token."""
        if within is None:
            return len(self.text)
        return self.offsets[within[1]] + len(self.tokens[within[1]].text)

    def words_of(self, span: tuple[int, int]) -> list[Word]:
        return [self.words[i] for i in self.indices_of(span)]

    def indices_of(self, span: tuple[int, int]) -> range:
        """Indices into `words` of the words a token span came from."""
        return range(self.tokens[span[0]].first, self.tokens[span[1]].last + 1)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset) - 1


def _whole_alignment(needle: str, text: str, min_similarity: float) -> ScoreAlignment | None:
    """`text` as a whole against `needle`, shaped like rapidfuzz's partial alignment; None below the cutoff."""
    score = fuzz.ratio(needle, text)
    if score < 100 * min_similarity:
        return None
    return ScoreAlignment(score, 0, len(needle), 0, len(text))


# How far past a time window a phrase that started inside it may run (characters of normalized text).
_SEARCH_SLACK = 400


def fuzzy_similarity(a: str, b: str) -> float:
    """0..1: how alike two normalized texts are by character alignment (rapidfuzz's normalized Indel
    similarity). The one measure of likeness for phrases, scripts and single words."""
    return fuzz.ratio(a, b) / 100


def phrase_pattern(phrase: str) -> str:
    """A regex (over normalized text) matching `phrase` normalized, its words separated by single spaces."""
    return re.escape(" ".join(tokens(phrase)))


# In a pattern, `{name}` is one word the transcriber wrote as a proper noun (`WordStream.proper_names`).
NAME = "{name}"
_NAME_GROUP = "name_"
# Capitalized words that are not names: the pronoun and its contractions, and job titles a transcriber
# capitalizes ("one of the enrolment Councillors here").
_ROLES = (
    "agent advisor adviser counselor counsellor councillor specialist representative rep broker consultant"
    " coordinator manager supervisor officer underwriter planner navigator enroller associate operator assistant"
    " expert team"
).split()
_NOT_NAMES = frozenset(
    {"i", "im", "ill", "ive", "id", "ok", "okay", *_ROLES, *(f"{role}s" for role in _ROLES)}
)
# After this much silence Whisper starts a new sentence.
_SENTENCE_PAUSE_SECONDS = 1.5


def whole_tokens(pattern: str) -> re.Pattern[str]:
    """Compile a regex over normalized text so it only matches whole tokens; each `{name}` becomes a word that
    `WordStream.spans` accepts only where it was heard as a proper noun."""
    pieces = pattern.split(NAME)
    pattern = pieces[0] + "".join(
        rf"(?P<{_NAME_GROUP}{k}>[^\W_]+){piece}" for k, piece in enumerate(pieces[1:])
    )
    return re.compile(rf"(?<!\S)(?:{pattern})(?!\S)", re.IGNORECASE)


# --- numbers that must not be stored ----------------------------------------------------------------------

SENSITIVE_DIGITS = 6  # the shortest of what must not be stored: a bank account number (an SSN has 9)
_NUMBER_WORD = (
    r"\d+|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
# Digit sounds that are no number word elsewhere ("for"): a digit only inside a run, before another number.
_INNER_DIGIT = "|".join(word for word in _DIGIT_SOUNDS if not re.fullmatch(_NUMBER_WORD, word))
# A run of numbers as said or written: "123-45-6789", "4111 1111 1111 1111", "one two three, four five, ...",
# "6011 for 8273".
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})\b(?:[\s,.\-–]+(?:(?:uh|um)[\s,.\-–]+)*"
    rf"(?:{_NUMBER_WORD}|(?:{_INNER_DIGIT})(?=[\s,.\-–]+(?:{_NUMBER_WORD})\b))\b)*",
    re.IGNORECASE,
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
