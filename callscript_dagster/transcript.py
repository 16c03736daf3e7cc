"""What a transcript is: timed words and speaker turns. Shared by the Factory (which makes them) and the
Judge (which reads them)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from callscript_dagster.text import verbatim

AGENT = "agent"
CALLER = "caller"
UNKNOWN = "unknown"


class Word(BaseModel):
    start: float = Field(ge=0, description="seconds from the start of the recording")
    end: float = Field(ge=0)
    text: str
    speaker: str = UNKNOWN
    probability: float | None = None


class Turn(BaseModel):
    """One speaker's uninterrupted stretch of speech."""

    speaker: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    text: str


class Transcript(BaseModel):
    turns: list[Turn]
    words: list[Word] = Field(default_factory=list)
    language: str = "en"
    duration: float = Field(default=0.0, ge=0, description="audio seconds")

    @property
    def text(self) -> str:
        return "\n".join(f"{turn.speaker}: {turn.text}" for turn in self.turns)

    @property
    def speakers(self) -> list[str]:
        return sorted({turn.speaker for turn in self.turns})


def turns_from_words(words: list[Word], max_gap: float = 1.5) -> list[Turn]:
    """Group time-ordered words into turns: a new turn starts when the speaker changes or after a pause
    longer than `max_gap` seconds."""
    turns: list[Turn] = []
    current: list[Word] = []
    for word in words:
        if current and (word.speaker != current[-1].speaker or word.start - current[-1].end > max_gap):
            turns.append(_turn(current))
            current = []
        current.append(word)
    if current:
        turns.append(_turn(current))
    return turns


def _turn(words: list[Word]) -> Turn:
    text = verbatim(w.text for w in words)
    return Turn(speaker=words[0].speaker, start=words[0].start, end=words[-1].end, text=text)


def words_of(transcript: Transcript) -> list[Word]:
    """The transcript's words in time order. Some transcribers give turns without word timings: their words
    are spread evenly over the turn."""
    words = transcript.words or [
        Word(start=turn.start + i * step, end=turn.start + (i + 1) * step, text=text, speaker=turn.speaker)
        for turn in transcript.turns
        for texts in [turn.text.split()]
        for step in [(turn.end - turn.start) / max(len(texts), 1)]
        for i, text in enumerate(texts)
    ]
    return sorted(words, key=lambda word: word.start)
