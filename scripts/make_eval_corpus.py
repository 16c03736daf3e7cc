"""Generate the labelled evaluation corpus in eval/ (audio + eval/labels.jsonl); see eval/README.md.

The calls (what is said, the expected verdict and rules) are in scripts/eval_scenarios.py. `--set` builds
another set of SETS instead: a holdout (`holdout`, `holdout2` ... `holdout13`), the calls of
scripts/eval_<set>_scenarios.py, each written independently of the tuning, into eval/<set>/ (audio +
labels.jsonl, audio paths relative to that folder) with its own default seed (HOLDOUT_SEEDS); or `<set>-flite`,
the same calls of a holdout in FLITE_RENDERED spoken by flite, into eval/<set>-flite/. The holdout sets are
report-only: every call gets "split": "report", and no threshold or pattern may be tuned on them before their
clean check (see each set's README.md). This tool gives each call a line condition the way a real phone line
varies, picked deterministically from --seed and the call's id:

- voices: espeak-ng voices and variants (en-us, en-gb, en-gb-x-rp, en-gb-scotland, en-us-nyc, en-029 for callers; +m/+f variants),
  a different one and a different speed per speaker; or, with `--voices flite`, flite's voices (slt, rms, awb,
  kal16: built from recordings of people, so they sound far less robotic than espeak-ng's formant synthesis)
  at several pitches. espeak-ng is the hard case; `flite` renders the same calls as speech nearer a person's;
- channels: stereo (agent left, caller right, as the Factory expects) or mono (both mixed: speaker unknown);
- band: 8 kHz linear, 8 kHz mu-law (G.711, 8-bit companding) or GSM 06.10 (a real lossy telephone codec,
  through sox);
- noise: none (two calls in five) or line noise at 32, 26 or 20 dB SNR (low-passed, per channel, seeded);
- clipped first words: the recording starts in the middle of the agent's greeting;
- storage: Ogg/Opus at 8 kbit/s per channel (most), MP3 at 16 kbit/s per channel, or G.711 mu-law WAV.

Speech synthesis, levels and line layout come from scripts/make_recordings.py (imported, unchanged), so the
shipped recordings are unaffected. Output is deterministic for a given --seed and tool versions (espeak-ng,
sox, the FFmpeg inside PyAV): no dither, seeded noise, bit-exact muxing.

    .venv/bin/python scripts/make_eval_corpus.py              # writes eval/*.ogg|mp3|wav + eval/labels.jsonl
    .venv/bin/python scripts/make_eval_corpus.py --only dnc-ok-remove tpmo-late
    .venv/bin/python scripts/make_eval_corpus.py --set holdout9        # writes eval/holdout9/ (report-only)
    .venv/bin/python scripts/make_eval_corpus.py --set holdout9-flite  # the same calls, flite's voices
    .venv/bin/python scripts/make_eval_corpus.py --set holdout4 --voices flite --out /tmp/h4f  # any set
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_recordings as mr  # noqa: E402  (a sibling script, not a package)
from eval_scenarios import Scenario  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "eval"
RATE = mr.SAMPLE_RATE  # 8 kHz: telephone band
DEFAULT_SEED = 11


@dataclass(frozen=True)
class CorpusSet:
    """One labelled set: where its scenarios come from, where it is written, its default seed, and its split
    (None: the stratified tune/report split of split_of; a fixed value: every call gets it)."""

    module: str
    out_dir: Path
    seed: int
    split: str | None
    voices: str = "espeak"


# Report-only holdouts, each written clean after the last by someone who saw neither the judge's output nor its
# detectors (see each set's README), with their default seeds.
HOLDOUT_SEEDS = {
    "holdout": 29,
    "holdout2": 31,
    "holdout3": 37,
    "holdout4": 41,
    "holdout5": 43,
    "holdout6": 47,
    "holdout7": 53,
    "holdout8": 59,
    "holdout9": 61,
    "holdout10": 67,
    "holdout11": 71,
    "holdout12": 73,
    "holdout13": 79,
}
# Those also rendered by flite's voices: how much of a miss is espeak-ng's robotic voice.
FLITE_RENDERED = (
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
    "holdout10",
    "holdout11",
    "holdout12",
    "holdout13",
)

SETS = {
    "main": CorpusSet("eval_scenarios", EVAL_DIR, DEFAULT_SEED, None),
    **{
        name: CorpusSet(f"eval_{name}_scenarios", EVAL_DIR / name, seed, "report")
        for name, seed in HOLDOUT_SEEDS.items()
    },
    **{
        f"{name}-flite": CorpusSet(
            f"eval_{name}_scenarios", EVAL_DIR / f"{name}-flite", HOLDOUT_SEEDS[name], "report", "flite"
        )
        for name in FLITE_RENDERED
    },
}

AGENT_VOICES = (
    "en-us+david",
    "en-gb+m3",
    "en-us+f3",
    "en-gb-x-rp+m2",
    "en-us-nyc+m1",
    "en-us+m7",
)
# The Caribbean voice is hard for tiny.en: the caller's words decide fewer rules than the agent's.
CALLER_VOICES = (
    "en-us+steph",
    "en-gb+f2",
    "en-us+m3",
    "en-gb-scotland+m4",
    "en-us+f5",
    "en-029+f4",
    "en-us+m1",
)
# flite's voices, each at a few pitches (cents): four recorded speakers play the agents and the callers.
FLITE_AGENT_VOICES = (
    "flite:rms",
    "flite:slt",
    "flite:awb",
    "flite:kal16",
    "flite:slt:-200",
    "flite:rms:150",
)
FLITE_CALLER_VOICES = (
    "flite:slt:250",
    "flite:awb:-250",
    "flite:rms:-250",
    "flite:kal16:200",
    "flite:slt:-100",
    "flite:awb:150",
)
VOICES = {"espeak": (AGENT_VOICES, CALLER_VOICES), "flite": (FLITE_AGENT_VOICES, FLITE_CALLER_VOICES)}
# "A little line noise": Whisper tiny.en still hears most words at 20 dB; far below that the transcript is
# mostly invented and no rule could be fair to it.
NOISE_SNR_DB = (None, 32, None, 26, 20)
BANDS = ("linear", "mulaw", "gsm")
GREETINGS = ("Hi there, good morning.", "Hello, hello, good afternoon.", "Hi, good morning to you.")


@dataclass(frozen=True)
class Condition:
    """How one call's line sounds and how it is stored."""

    agent_voice: str
    agent_speed: int
    caller_voice: str
    caller_speed: int
    channels: int
    band: str
    snr_db: int | None
    clip: bool
    storage: str  # opus | mp3 | wav-mulaw

    def describe(self) -> str:
        parts = [
            "stereo" if self.channels == 2 else "mono",
            f"agent {self.agent_voice}@{self.agent_speed}",
            f"caller {self.caller_voice}@{self.caller_speed}",
            {"linear": "8 kHz", "mulaw": "8 kHz mu-law", "gsm": "8 kHz GSM 06.10"}[self.band],
            "clean" if self.snr_db is None else f"noise {self.snr_db} dB SNR",
        ]
        if self.clip:
            parts.append("first words clipped")
        parts.append({"opus": "Ogg/Opus", "mp3": "MP3", "wav-mulaw": "WAV mu-law"}[self.storage])
        return ", ".join(parts)


def condition_for(index: int, scenario: Scenario, seed: int, voices: str = "espeak") -> Condition:
    """The line condition of the index-th call: cycles of co-prime length spread the factors evenly over
    the corpus; the seeded generator picks voices (from the `voices` engine's pool) and speeds."""
    rng = random.Random(f"{seed}:{scenario.id}")
    agent_voices, caller_voices = VOICES[voices]
    agent_voice = rng.choice(agent_voices)
    caller_voice = rng.choice(caller_voices)
    mono = index % 3 == 2 and not scenario.stereo_only
    storage = "mp3" if index % 7 == 3 else "wav-mulaw" if index % 17 == 8 and not scenario.long else "opus"
    return Condition(
        agent_voice=agent_voice,
        agent_speed=rng.randrange(140, 176, 5) + scenario.agent_speed_delta,
        caller_voice=caller_voice,
        caller_speed=rng.randrange(135, 171, 5),
        channels=1 if mono else 2,
        band="mulaw" if storage == "wav-mulaw" else BANDS[(index // 2) % len(BANDS)],
        snr_db=NOISE_SNR_DB[index % len(NOISE_SNR_DB)],
        clip=index % 6 == 4,
        storage=storage,
    )


def split_of(scenarios: list[Scenario], seed: int) -> dict[str, str]:
    """tune/report per call, stratified: within each (family, compliant|flagged) group the calls are ordered
    by sha256(seed:id) and alternate tune, report, tune, … (a group's first call starts on the side its
    group hash picks), so every family has compliant and violating calls on both sides where it has two."""
    groups: dict[tuple[str, str], list[Scenario]] = {}
    for s in scenarios:
        groups.setdefault((s.family, s.verdict), []).append(s)
    split = {}
    for (family, verdict), members in groups.items():
        members.sort(key=lambda s: _hash(seed, s.id))
        offset = int(_hash(seed, f"{family}/{verdict}"), 16) % 2
        for i, s in enumerate(members):
            split[s.id] = ("tune", "report")[(i + offset) % 2]
    return split


def _hash(seed: int, text: str) -> str:
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


# --- audio ---------------------------------------------------------------------------------------------------


def render(scenario: Scenario, cond: Condition, workdir: Path) -> tuple[np.ndarray, list[dict]]:
    """The call as int16 tracks (channels x samples) and its timed lines, via make_recordings' layout."""
    lines = [
        mr.Line(speaker=sp, text=t, say=(rest[0] if rest else t), speed=None, pause=None, rule=None)
        for sp, t, *rest in scenario.lines
    ]
    clip_samples = 0
    if cond.clip:
        greeting = GREETINGS[len(scenario.id) % len(GREETINGS)]
        lines.insert(0, mr.Line("agent", greeting, greeting, None, None, None))
    script = mr.CallScript(
        name=scenario.id,
        file="",
        format="wav",
        channels=cond.channels,
        campaign=scenario.campaign,
        expected_verdict="",
        expected_rules=[],
        voices={
            "agent": (cond.agent_voice, cond.agent_speed),
            "caller": (cond.caller_voice, cond.caller_speed),
        },
        lines=lines,
    )
    tracks, timed = mr.render(script, workdir)
    audio = np.array([np.frombuffer(t.tobytes(), dtype=np.int16) for t in tracks])
    if cond.clip:
        # Cut into the greeting: the recording starts 60 % of the way through it, mid-word.
        first = timed.pop(0)
        cut_at = first["start"] + 0.6 * (first["end"] - first["start"])
        clip_samples = round(cut_at * RATE)
        audio = audio[:, clip_samples:]
        for line in timed:
            line["start"] = round(line["start"] - cut_at, 3)
            line["end"] = round(line["end"] - cut_at, 3)
    return audio, timed


def add_noise(audio: np.ndarray, snr_db: int | None, rng: np.random.Generator) -> np.ndarray:
    """Line noise at `snr_db` below the speech level (make_recordings normalizes speech to -18 dBFS RMS):
    white noise shaped by a one-pole low-pass, the hiss of an analogue line; independent per channel."""
    if snr_db is None:
        return audio
    noise = rng.standard_normal(audio.shape)
    kernel = 0.6 ** np.arange(12)  # a one-pole low-pass (y[n] = 0.6 y[n-1] + x[n]), truncated
    noise = np.array([np.convolve(channel, kernel)[: channel.size] for channel in noise])
    noise /= np.sqrt(np.mean(noise**2))
    speech_rms = 32768 * 10 ** (mr.TARGET_RMS_DBFS / 20)
    noisy = audio.astype(np.float64) + noise * speech_rms * 10 ** (-snr_db / 20)
    return np.clip(np.round(noisy), -32768, 32767).astype(np.int16)


def mulaw_roundtrip(audio: np.ndarray) -> np.ndarray:
    """G.711 mu-law: companded to 8 bits and back (the quantisation a PSTN trunk applies)."""
    x = audio.astype(np.float64) / 32768
    y = np.sign(x) * np.log1p(255 * np.abs(x)) / np.log1p(255)
    q = np.round(y * 127) / 127
    back = np.sign(q) * ((1 + 255) ** np.abs(q) - 1) / 255
    return np.clip(np.round(back * 32768), -32768, 32767).astype(np.int16)


def gsm_roundtrip(audio: np.ndarray, workdir: Path) -> np.ndarray:
    """GSM 06.10 full rate (13 kbit/s), encoded and decoded by sox, one channel at a time."""
    out = []
    for track in audio:
        raw = workdir / "track.raw"
        gsm = workdir / "track.gsm"
        raw.write_bytes(track.astype("<i2").tobytes())
        pcm_args = ["-t", "raw", "-e", "signed-integer", "-b", "16", "-L", "-c", "1", "-r", str(RATE)]
        mr.run("sox", "-D", *pcm_args, str(raw), "-t", "gsm", str(gsm))
        decoded = np.frombuffer(
            mr.run("sox", "-D", "-t", "gsm", "-r", str(RATE), str(gsm), *pcm_args, "-"), "<i2"
        )
        out.append(decoded[: track.size])
    n = min(t.size for t in out)
    return np.array([t[:n] for t in out]).astype(np.int16)


def encode(audio: np.ndarray, cond: Condition, target: Path) -> None:
    """Write the tracks as the storage of `cond` asks (PyAV's FFmpeg, bit-exact: no version or date tags)."""
    codec, fmt, bitrate = {
        "opus": ("libopus", "ogg", 8_000),
        "mp3": ("libmp3lame", "mp3", 16_000),
        "wav-mulaw": ("pcm_mulaw", "wav", None),
    }[cond.storage]
    layout = "stereo" if cond.channels == 2 else "mono"
    with av.open(str(target), "w", format=fmt, options={"fflags": "+bitexact"}) as out:
        stream = out.add_stream(codec, rate=RATE, layout=layout)
        if bitrate:
            stream.bit_rate = bitrate * cond.channels
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        if cond.storage == "opus":
            # Code the two channels independently: coupled stereo at low bit rates leaks one speaker into
            # the other's silent channel.
            stream.codec_context.options = {
                "application": "voip",
                "mapping_family": "255" if cond.channels == 2 else "0",
                "dtx": "1",
            }
        elif cond.storage == "mp3":
            stream.codec_context.options = {"joint_stereo": "0"}
        interleaved = np.ascontiguousarray(audio.T).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(interleaved, format="s16", layout=layout)
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def decode_seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        return round(sum(f.samples for f in container.decode(stream)) / stream.rate, 3)


def build(
    index: int, scenario: Scenario, seed: int, split: str, workdir: Path, out_dir: Path, voices: str
) -> dict:
    cond = condition_for(index, scenario, seed, voices)
    audio, timed = render(scenario, cond, workdir)
    if cond.band == "gsm":
        audio = gsm_roundtrip(audio, workdir)
    audio = add_noise(audio, cond.snr_db, np.random.default_rng(int(_hash(seed, scenario.id)[:16], 16)))
    if cond.band == "mulaw" and cond.storage != "wav-mulaw":
        audio = mulaw_roundtrip(audio)
    suffix = {"opus": "ogg", "mp3": "mp3", "wav-mulaw": "wav"}[cond.storage]
    target = out_dir / "audio" / f"{scenario.id}.{suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    encode(audio, cond, target)
    return {
        "call_id": scenario.id,
        "audio": f"audio/{target.name}",
        "campaign": scenario.campaign,
        "expected_verdict": scenario.verdict,
        "expected_rules": sorted(scenario.rules),
        "split": split,
        "family": scenario.family,
        "description": scenario.description,
        "variation": cond.describe(),
        "channels": cond.channels,
        "duration_seconds": decode_seconds(target),
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "lines": [{k: line[k] for k in ("speaker", "text", "start", "end")} for line in timed],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="main",
        help="; ".join(
            f"{name}: {corpus.out_dir.relative_to(ROOT)}/ from {corpus.module}.py"
            + (", in flite's voices" if corpus.voices == "flite" else "")
            for name, corpus in SETS.items()
        ),
    )
    parser.add_argument(
        "--voices",
        choices=sorted(VOICES),
        default=None,
        help="speech engine (default: the set's own, espeak for all but the -flite sets)",
    )
    parser.add_argument("--out", type=Path, default=None, help="write here instead of the set's folder")
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="picks voices, speeds, noise and the split (default: the set's own: "
        + ", ".join(f"{corpus.seed} for {name}" for name, corpus in SETS.items() if corpus.voices == "espeak")
        + ")",
    )
    parser.add_argument("--only", nargs="*", default=[], help="rebuild only these call ids")
    args = parser.parse_args()
    corpus = SETS[args.set]
    seed = corpus.seed if args.seed is None else args.seed
    scenarios = importlib.import_module(corpus.module).SCENARIOS
    out_dir = corpus.out_dir if args.out is None else args.out
    voices = args.voices or corpus.voices
    for tool in ("espeak-ng" if voices == "espeak" else "flite", "sox"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found on PATH; this generator needs {tool} and sox")
    labels_path = out_dir / "labels.jsonl"
    previous = {}
    if args.only and labels_path.exists():
        previous = {e["call_id"]: e for e in map(json.loads, labels_path.read_text().splitlines())}
    if corpus.split is None:
        splits = split_of(list(scenarios), seed)
    else:
        splits = {s.id: corpus.split for s in scenarios}
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, scenario in enumerate(scenarios):
            if args.only and scenario.id not in args.only:
                if scenario.id in previous:
                    entries.append(previous[scenario.id])
                continue
            entry = build(index, scenario, seed, splits[scenario.id], Path(tmp), out_dir, voices)
            entries.append(entry)
            size = (out_dir / entry["audio"]).stat().st_size
            print(
                f"{entry['audio']:44s} {entry['duration_seconds']:6.1f} s {size / 1024:6.1f} KiB  {entry['variation']}"
            )
    labels_path.write_text("".join(json.dumps(e) + "\n" for e in entries))
    total = sum((out_dir / e["audio"]).stat().st_size for e in entries)
    compliant = sum(e["expected_verdict"] == "compliant" for e in entries)
    print(f"{len(entries)} calls, {compliant} compliant, {total / 1e6:.2f} MB of audio")


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as exc:
        sys.exit(f"{exc.cmd[0]} failed: {exc.stderr.decode(errors='replace')}")
