"""Generate the synthetic call recordings shipped in simulators/callscript_simulators/recordings/.

Each `<name>.script.yaml` in that folder is one call and becomes `<name>.<format>`:

    campaign, format (mp3|wav), channels (2: agent left / caller right; 1: mixed),
    expected_verdict (safe|flagged), expected_rules (rule ids),
    speakers: {agent: {voice, speed}, caller: {voice, speed}}   # espeak-ng voice, words per minute
    lines: [{speaker, text, say?, speed?, pause?, rule?}]

`text` is what the line says (it goes to the manifest); `say`, when present, is the same words spelled for
espeak-ng ("one two three" for "123", a comma where Whisper needs a breath). `pause` is the silence before
the line; `rule` marks the line where that expected rule's finding should land.

The tool speaks every line with espeak-ng, resamples it to 8 kHz with sox, lays the lines out on a timeline
(stereo: agent left / caller right, the other channel silent; mono: one channel), encodes the file (WAV via
the stdlib, MP3 via ffmpeg/LAME) and writes `manifest.json` with the measured duration and the exact
start/end second of every line in the final file.

Voices, wording and speeds were tuned until Whisper tiny.en (the model the tests use) hears the key phrases
of every call; after editing a script, re-check that it still does.

It is a dev tool: espeak-ng, sox and ffmpeg must be on PATH. CI has none of them, which is why the
generated files are committed. Output is deterministic for a given tool version (no dither, no random
pauses, no encoder tags that carry the date or version of the muxer).

    .venv/bin/python scripts/make_recordings.py            # all scripts
    .venv/bin/python scripts/make_recordings.py compliant_stereo dnc_ignored_stereo
"""

from __future__ import annotations

import argparse
import array
import json
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import yaml

RECORDINGS = Path(__file__).resolve().parent.parent / "simulators" / "callscript_simulators" / "recordings"
SAMPLE_RATE = 8000
SPEAKERS = ("agent", "caller")
RULES = {
    "recording_disclosure",
    "agent_identification",
    "guaranteed_outcome",
    "do_not_call",
    "tpmo_disclaimer",
    "misrepresentation_pressure",
    "abusive_language",
    "sensitive_data",
}
MP3_BITRATE = {1: "24k", 2: "32k"}
LEAD_IN_S = 0.5
TAIL_S = 0.6
# Pauses between lines when a script does not set one: a fixed cycle in the 0.3-0.8 s range, so turn
# taking sounds uneven but every run lays the lines out identically.
PAUSE_CYCLE_S = (0.55, 0.4, 0.7, 0.35, 0.6, 0.45, 0.8, 0.5)
# Speech is anything above this amplitude (about -54 dBFS); espeak's own silence is digital zero.
SPEECH_THRESHOLD = 64
TARGET_RMS_DBFS = -18.0
PEAK_DBFS = -1.0
FRAME = SAMPLE_RATE // 50  # 20 ms


@dataclass(frozen=True)
class Line:
    speaker: str
    text: str
    say: str
    speed: int | None
    pause: float | None
    rule: str | None


@dataclass(frozen=True)
class CallScript:
    name: str
    file: str
    format: str
    channels: int
    campaign: str
    expected_verdict: str
    expected_rules: list[str]
    voices: dict[str, tuple[str, int]]
    lines: list[Line]


def load_script(path: Path) -> CallScript:
    """Read and validate one `<name>.script.yaml`."""
    raw = yaml.safe_load(path.read_text())
    name = path.name.removesuffix(".script.yaml")
    fmt = raw["format"]
    channels = int(raw["channels"])
    if fmt not in ("mp3", "wav") or channels not in (1, 2):
        raise ValueError(f"{path.name}: format must be mp3|wav and channels 1|2")
    rules = list(raw.get("expected_rules") or [])
    if unknown := set(rules) - RULES:
        raise ValueError(f"{path.name}: unknown rules {sorted(unknown)}")
    verdict = raw["expected_verdict"]
    if verdict != ("flagged" if rules else "safe"):
        raise ValueError(f"{path.name}: expected_verdict {verdict!r} disagrees with expected_rules {rules}")
    voices = {s: (raw["speakers"][s]["voice"], int(raw["speakers"][s]["speed"])) for s in SPEAKERS}
    lines = []
    for item in raw["lines"]:
        if item["speaker"] not in SPEAKERS:
            raise ValueError(f"{path.name}: unknown speaker {item['speaker']!r}")
        if item.get("rule") and item["rule"] not in rules:
            raise ValueError(f"{path.name}: line marks rule {item['rule']!r} not in expected_rules")
        lines.append(
            Line(
                speaker=item["speaker"],
                text=item["text"].strip(),
                say=(item.get("say") or item["text"]).strip(),
                speed=item.get("speed"),
                pause=item.get("pause"),
                rule=item.get("rule"),
            )
        )
    return CallScript(
        name=name,
        file=f"{name}.{fmt}",
        format=fmt,
        channels=channels,
        campaign=raw["campaign"],
        expected_verdict=verdict,
        expected_rules=rules,
        voices=voices,
        lines=lines,
    )


def run(*cmd: str) -> bytes:
    return subprocess.run(cmd, check=True, capture_output=True).stdout


# flite's voices speak about this many words per minute at duration_stretch 1.
FLITE_WPM = 170


def speak(text: str, voice: str, speed: int, workdir: Path) -> array.array:
    """One utterance as 8 kHz 16-bit samples, silence trimmed, level normalized.

    `voice` is an espeak-ng voice ("en-us+m3"), or "flite:NAME" / "flite:NAME:CENTS" for one of flite's
    voices (slt, rms, awb, kal16: built from recordings of people, not formant rules) shifted by CENTS of
    pitch, so one flite voice can play several speakers."""
    raw_wav = workdir / "utterance.wav"
    effects = []
    if voice.startswith("flite:"):
        name, _, cents = voice.removeprefix("flite:").partition(":")
        stretch = f"duration_stretch={FLITE_WPM / speed:.3f}"
        run("flite", "-voice", name, "--setf", stretch, "-t", text, "-o", str(raw_wav))
        if cents:
            effects = ["pitch", cents]
    else:
        run("espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw_wav), text)
    # -D: no dither, so the output is bit-identical run to run.
    pcm = run(
        "sox",
        "-D",
        str(raw_wav),
        "-t",
        "raw",
        "-e",
        "signed-integer",
        "-b",
        "16",
        "-L",
        "-c",
        "1",
        "-r",
        str(SAMPLE_RATE),
        "-",
        *effects,
        "highpass",
        "120",
    )
    samples = pcm_to_array(pcm)
    loud = [i for i, s in enumerate(samples) if abs(s) > SPEECH_THRESHOLD]
    if not loud:
        raise ValueError(f"{voice} produced silence for {text!r}")
    return normalize(samples[loud[0] : loud[-1] + 1])


def pcm_to_array(pcm: bytes) -> array.array:
    samples = array.array("h")
    samples.frombytes(pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def normalize(samples: array.array) -> array.array:
    """Scale so the voiced 20 ms frames sit at TARGET_RMS_DBFS, never letting a peak pass PEAK_DBFS.
    Both voices then reach Whisper at the same level."""
    frames = [samples[i : i + FRAME] for i in range(0, len(samples) - FRAME + 1, FRAME)]
    energies = [sum(s * s for s in f) / len(f) for f in frames]
    voiced = [e for e in energies if e > (32768 * 10 ** (-40 / 20)) ** 2] or energies
    rms = math.sqrt(sum(voiced) / len(voiced))
    peak = max(abs(s) for s in samples)
    gain = min(32768 * 10 ** (TARGET_RMS_DBFS / 20) / rms, 32767 * 10 ** (PEAK_DBFS / 20) / peak)
    return array.array("h", (max(-32768, min(32767, round(s * gain))) for s in samples))


def render(script: CallScript, workdir: Path) -> tuple[list[array.array], list[dict]]:
    """Lay the lines out on one track per channel; return the tracks and the timed lines."""
    pieces = []
    for line in script.lines:
        voice, speed = script.voices[line.speaker]
        pieces.append(speak(line.say, voice, line.speed or speed, workdir))
    cursor = round(LEAD_IN_S * SAMPLE_RATE)
    placed: list[tuple[int, array.array, Line]] = []
    timed: list[dict] = []
    for index, (line, piece) in enumerate(zip(script.lines, pieces, strict=True)):
        if index:
            pause = line.pause if line.pause is not None else PAUSE_CYCLE_S[index % len(PAUSE_CYCLE_S)]
            cursor += round(pause * SAMPLE_RATE)
        placed.append((cursor, piece, line))
        entry = {
            "speaker": line.speaker,
            "text": line.text,
            "start": round(cursor / SAMPLE_RATE, 3),
            "end": round((cursor + len(piece)) / SAMPLE_RATE, 3),
        }
        if line.rule:
            entry["rule"] = line.rule
        timed.append(entry)
        cursor += len(piece)
    total = cursor + round(TAIL_S * SAMPLE_RATE)
    tracks = [array.array("h", bytes(2 * total)) for _ in range(script.channels)]
    for start, piece, line in placed:
        track = tracks[SPEAKERS.index(line.speaker)] if script.channels == 2 else tracks[0]
        track[start : start + len(piece)] = piece
    return tracks, timed


def write_wav(path: Path, tracks: list[array.array]) -> None:
    if len(tracks) == 1:
        interleaved = tracks[0]
    else:
        interleaved = array.array("h", bytes(2 * len(tracks[0]) * len(tracks)))
        for channel, track in enumerate(tracks):
            interleaved[channel :: len(tracks)] = track
    if sys.byteorder == "big":
        interleaved = array.array("h", interleaved)
        interleaved.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(len(tracks))
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(interleaved.tobytes())


def encode_mp3(source: Path, target: Path, channels: int) -> None:
    # Plain L/R stereo (no joint/mid-side coding): with mid-side, quantization noise of the agent's
    # channel would leak into the caller's silent channel and the other way round.
    run(
        "ffmpeg",
        "-nostdin",
        "-v",
        "error",
        "-y",
        "-i",
        str(source),
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        "-flags:a",
        "+bitexact",
        "-id3v2_version",
        "0",
        "-c:a",
        "libmp3lame",
        "-b:a",
        MP3_BITRATE[channels],
        "-ar",
        str(SAMPLE_RATE),
        "-ac",
        str(channels),
        "-joint_stereo",
        "0",
        str(target),
    )


def decode(path: Path, channels: int) -> list[array.array]:
    """Decode a final file the way a reader would (ffmpeg honours the LAME encoder-delay header)."""
    pcm = pcm_to_array(
        run(
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-i",
            str(path),
            "-f",
            "s16le",
            "-acodec",
            "pcm_s16le",
            "-ac",
            str(channels),
            "-ar",
            str(SAMPLE_RATE),
            "-",
        )
    )
    return [pcm[c::channels] for c in range(channels)]


def first_loud(track: array.array, threshold: int = 1000) -> int:
    return next(i for i, s in enumerate(track) if abs(s) > threshold)


def build(script: CallScript, workdir: Path) -> dict:
    """Render, encode and measure one call; return its manifest entry."""
    tracks, timed = render(script, workdir)
    target = RECORDINGS / script.file
    if script.format == "wav":
        write_wav(workdir / script.file, tracks)
    else:
        write_wav(workdir / "master.wav", tracks)
        encode_mp3(workdir / "master.wav", workdir / script.file, script.channels)
    decoded = decode(workdir / script.file, script.channels)
    # The timestamps in the manifest are only worth anything if the encoded file starts where the master
    # did (MP3 encoder delay trimmed on decode); check it rather than trust it.
    shift = (first_loud(decoded[0]) - first_loud(tracks[0])) / SAMPLE_RATE
    if abs(shift) > 0.02:
        raise RuntimeError(f"{script.file}: decoded audio is shifted by {shift:+.3f} s")
    shutil.move(workdir / script.file, target)
    return {
        "file": script.file,
        "channels": script.channels,
        "sample_rate": SAMPLE_RATE,
        "format": script.format,
        "duration_seconds": round(len(decoded[0]) / SAMPLE_RATE, 3),
        "campaign": script.campaign,
        "expected_verdict": script.expected_verdict,
        "expected_rules": script.expected_rules,
        "agent_channel": 0 if script.channels == 2 else None,
        "lines": timed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*", help="script names to rebuild (default: all)")
    args = parser.parse_args()
    for tool in ("espeak-ng", "sox", "ffmpeg"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found on PATH; this generator needs espeak-ng, sox and ffmpeg")

    manifest_path = RECORDINGS / "manifest.json"
    scripts = sorted(RECORDINGS.glob("*.script.yaml"))
    entries = {e["file"]: e for e in json.loads(manifest_path.read_text())} if manifest_path.exists() else {}
    wanted = set(args.names)
    with tempfile.TemporaryDirectory() as tmp:
        for path in scripts:
            script = load_script(path)
            if wanted and script.name not in wanted:
                continue
            entry = build(script, Path(tmp))
            entries[entry["file"]] = entry
            print(
                f"{entry['file']:36s} {entry['duration_seconds']:6.2f} s  "
                f"{(RECORDINGS / entry['file']).stat().st_size / 1024:7.1f} KiB"
            )
    known = {load_script(p).file for p in scripts}
    manifest = [entries[f] for f in sorted(entries) if f in known]
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
