"""Who said what: diarization alignment, stereo channel merging, mono-as-stereo detection, speaker mapping.
Pure functions, no model."""

from __future__ import annotations

import numpy as np
import pytest

from callscript_dagster.transcript import Word, turns_from_words
from callscript_dagster.transcription.engine import (
    assign_speakers,
    channels_identical,
    label_diarization_speakers,
    merge_channel_words,
)


def w(start: float, end: float, text: str = "x", speaker: str = "unknown") -> Word:
    return Word(start=start, end=end, text=text, speaker=speaker)


AGENT_THEN_CALLER = [(0.0, 5.0, "agent"), (5.0, 9.0, "caller")]


@pytest.mark.parametrize(
    ("word", "turns", "expected"),
    [
        pytest.param(w(1.0, 1.4), AGENT_THEN_CALLER, "agent", id="inside one turn"),
        pytest.param(w(4.8, 5.6), AGENT_THEN_CALLER, "caller", id="straddles: longer overlap wins"),
        pytest.param(w(4.6, 5.2), AGENT_THEN_CALLER, "agent", id="straddles the other way"),
        pytest.param(
            w(4.8, 5.2), [(0.0, 5.0, "agent"), (5.0, 6.0, "caller")], "caller", id="tie: nearest midpoint"
        ),
        pytest.param(
            w(2.0, 2.5),
            [(0.0, 3.0, "agent"), (2.0, 2.6, "caller")],
            "caller",
            id="overlapped speech: tie goes to the nearer turn",
        ),
        pytest.param(
            w(3.0, 4.0),
            [(0.0, 3.2, "agent"), (3.3, 3.5, "caller"), (3.6, 3.8, "caller")],
            "caller",
            id="overlap summed per speaker",
        ),
        pytest.param(w(9.5, 9.8), AGENT_THEN_CALLER, "caller", id="after the last turn, within 1 s"),
        pytest.param(w(10.5, 11.0), AGENT_THEN_CALLER, "unknown", id="more than 1 s from any turn"),
        pytest.param(
            w(5.2, 5.5), [(0.0, 5.0, "agent"), (7.0, 9.0, "caller")], "agent", id="in a gap: nearest turn"
        ),
        pytest.param(w(5.0, 5.0), AGENT_THEN_CALLER, "caller", id="zero-length word on a boundary: tie"),
        pytest.param(w(2.0, 2.0), AGENT_THEN_CALLER, "agent", id="zero-length word inside a turn"),
        pytest.param(w(1.0, 1.5), [], "unknown", id="no diarization turns"),
    ],
)
def test_assign_speakers(word: Word, turns: list[tuple[float, float, str]], expected: str) -> None:
    assert assign_speakers([word], turns)[0].speaker == expected


def test_assign_speakers_keeps_words_and_order() -> None:
    words = [w(0.1, 0.5, "thank"), w(0.5, 0.9, "you"), w(5.2, 5.6, "hi")]
    labelled = assign_speakers(words, AGENT_THEN_CALLER)
    assert [(x.text, x.start, x.speaker) for x in labelled] == [
        ("thank", 0.1, "agent"),
        ("you", 0.5, "agent"),
        ("hi", 5.2, "caller"),
    ]
    assert all(x.speaker == "unknown" for x in words)  # inputs are not mutated


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        pytest.param(
            [(0.4, 3.0, "SPEAKER_00"), (3.2, 5.0, "SPEAKER_01")],
            {"SPEAKER_00": "agent", "SPEAKER_01": "caller"},
            id="first to speak is the agent",
        ),
        pytest.param(
            [(3.2, 5.0, "SPEAKER_00"), (0.4, 3.0, "SPEAKER_01")],
            {"SPEAKER_01": "agent", "SPEAKER_00": "caller"},
            id="labels don't decide, time does",
        ),
        pytest.param(
            [(0.1, 0.3, "SPEAKER_01"), (0.5, 4.0, "SPEAKER_00"), (4.2, 6.0, "SPEAKER_01")],
            {"SPEAKER_00": "agent", "SPEAKER_01": "caller"},
            id="a short blip doesn't make the opener",
        ),
        pytest.param(
            [(0.5, 3.0, "SPEAKER_00"), (3.1, 4.0, "SPEAKER_01"), (4.5, 6.0, "SPEAKER_02")],
            {"SPEAKER_00": "agent", "SPEAKER_01": "caller", "SPEAKER_02": "unknown"},
            id="a third voice is unknown",
        ),
        pytest.param([(0.0, 0.2, "SPEAKER_00")], {"SPEAKER_00": "agent"}, id="one speaker, only short turns"),
        pytest.param([], {}, id="no speech"),
    ],
)
def test_label_diarization_speakers(turns: list[tuple[float, float, str]], expected: dict[str, str]) -> None:
    assert label_diarization_speakers(turns) == expected


LEFT = [w(0.5, 0.9, "Thank"), w(0.9, 1.2, "you"), w(4.0, 4.3, "Great.")]
RIGHT = [w(2.0, 2.3, "Hi,"), w(2.3, 2.8, "thanks."), w(4.1, 4.4, "Sure.")]


@pytest.mark.parametrize(
    ("agent_channel", "expected_turns"),
    [
        pytest.param(
            0,
            [
                ("agent", 0.5, 1.2, "Thank you"),
                ("caller", 2.0, 2.8, "Hi, thanks."),
                ("agent", 4.0, 4.3, "Great."),
                ("caller", 4.1, 4.4, "Sure."),
            ],
            id="agent on the left",
        ),
        pytest.param(
            1,
            [
                ("caller", 0.5, 1.2, "Thank you"),
                ("agent", 2.0, 2.8, "Hi, thanks."),
                ("caller", 4.0, 4.3, "Great."),
                ("agent", 4.1, 4.4, "Sure."),
            ],
            id="agent on the right",
        ),
    ],
)
def test_stereo_channels_merge_into_turns(agent_channel: int, expected_turns: list[tuple]) -> None:
    words = merge_channel_words(LEFT, RIGHT, agent_channel)
    assert [x.start for x in words] == sorted(x.start for x in words)
    turns = turns_from_words(words)
    assert [(t.speaker, t.start, t.end, t.text) for t in turns] == expected_turns


def test_stereo_merge_with_one_silent_channel() -> None:
    turns = turns_from_words(merge_channel_words(LEFT, [], 0))
    assert {t.speaker for t in turns} == {"agent"}
    assert merge_channel_words([], [], 0) == []


def _tone(seconds: float, hz: float, rate: int = 16_000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


_rng = np.random.default_rng(7)
_VOICE = _tone(3, 220) * (1 + 0.5 * _rng.standard_normal(48_000).astype(np.float32))
_OTHER = _tone(3, 330)
_NOISE = 1e-3 * _rng.standard_normal(48_000).astype(np.float32)  # ~ -50 dB under the voice


@pytest.mark.parametrize(
    ("left", "right", "identical"),
    [
        pytest.param(_VOICE, _VOICE.copy(), True, id="same samples"),
        pytest.param(_VOICE, _VOICE + _NOISE, True, id="same signal, codec noise"),
        pytest.param(np.zeros(16_000, np.float32), np.zeros(16_000, np.float32), True, id="both silent"),
        pytest.param(_VOICE, _OTHER, False, id="two speakers"),
        pytest.param(_VOICE, np.zeros_like(_VOICE), False, id="one-sided call"),
        pytest.param(_VOICE, _VOICE + 0.2 * _OTHER, False, id="speaker plus the other's bleed"),
        pytest.param(_VOICE, _VOICE[:-1], False, id="different lengths"),
    ],
)
def test_channels_identical(left: np.ndarray, right: np.ndarray, identical: bool) -> None:
    assert channels_identical(left, right) is identical
    assert channels_identical(left, right, chunk=1000) is identical  # chunking doesn't change the answer
