"""The vault lane end to end: real Dagster runs, recordings served by the Ringba simulator over HTTP with every
failure mode the real media URLs show, a real vault directory, a real PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

from callscript_dagster.resources.vault import VaultResource
from callscript_simulators.ringba import RingbaSimulator

from harness import failure_metadata, lane_resources, materialization_metadata, materialize

DAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 12, tzinfo=UTC)

# call id → (simulator fault, recording, expected lane status, expected error class)
CASES = {
    "RGB-ok-mp3": (None, "compliant_stereo.mp3", "done", None),
    "RGB-ok-wav": (None, "guaranteed_approval_stereo.wav", "done", None),
    "RGB-deleted": ("deleted", "compliant_stereo.mp3", "failed", "permanent"),
    "RGB-expired": ("expired", "no_disclosure_mono.mp3", "done", None),
    "RGB-flaky": ("server_error_once", "compliant_stereo.mp3", "done", None),
    "RGB-slow": ("slow", "compliant_stereo.mp3", "failed", "transient"),
    "RGB-html": ("html", "compliant_stereo.mp3", "failed", "permanent"),
    "RGB-empty": ("empty", "compliant_stereo.mp3", "failed", "permanent"),
    "RGB-truncated": ("truncated", "dnc_ignored_stereo.mp3", "failed", "permanent"),
    "RGB-oversized": ("oversized", "compliant_stereo.mp3", "failed", "permanent"),
    "../../../etc/passwd": (None, "sensitive_data_stereo.mp3", "done", None),
}


# small limits, so the oversized and the slow recordings hit them quickly
TIGHT = VaultResource(
    recording_hosts=["127.0.0.1"],
    allow_private_addresses=True,
    max_recording_bytes=2 * 1024 * 1024,
    download_timeout_seconds=1,
)


def lane_rows(db: psycopg.Connection) -> dict[str, dict]:
    rows = db.execute("SELECT * FROM core.call_lanes WHERE lane = 'vault'").fetchall()
    return {r["call_id"]: r for r in rows}


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_every_download_outcome_ends_in_its_class_with_nothing_half_written(
    db_url, db, dagster_instance, tmp_path
) -> None:
    sim = RingbaSimulator(calls_per_day=0, slow_seconds=2.5, oversized_bytes=3 * 1024 * 1024)
    for i, (call_id, (fault, recording, _, _)) in enumerate(CASES.items()):
        sim.add_call(call_id, NOON + timedelta(minutes=i), recording=recording, fault=fault)
    vault = tmp_path / "vault"
    with sim.serve() as server:
        resources = lane_resources(db_url, server.url, vault, vault=TIGHT)
        assert materialize(dagster_instance, resources, DAY.isoformat(), "ringba_calls").success
        first = materialize(dagster_instance, resources, DAY.isoformat(), "vaulted_audio")

    # the slow call is still retryable, so the partition failed — but only after committing everything else
    assert not first.success
    meta = failure_metadata(first, "vaulted_audio")
    assert meta["calls_done"] == 5 and meta["calls_failed"] == 6
    rows = lane_rows(db)
    for call_id, (_, _, status, error_class) in CASES.items():
        assert (rows[call_id]["status"], rows[call_id]["error_class"]) == (status, error_class), call_id
    assert "404" in rows["RGB-deleted"]["error_message"]
    assert (
        "200 MiB" not in rows["RGB-oversized"]["error_message"]
        and "2 MiB" in rows["RGB-oversized"]["error_message"]
    )

    # what was stored is byte-for-byte the recording, under the vault root, and nothing else is there
    stored = {r["call_id"]: r for r in db.execute("SELECT * FROM core.recordings").fetchall()}
    done = {c for c, case in CASES.items() if case[2] == "done"}
    assert set(stored) == done
    for call_id in done:
        source = sim.call(call_id).recording.path.read_bytes()
        assert stored[call_id]["sha256"] == hashlib.sha256(source).hexdigest()
        assert (vault / stored[call_id]["storage_key"]).read_bytes() == source
    assert sorted(p.relative_to(vault).as_posix() for p in files_under(vault)) == sorted(
        r["storage_key"] for r in stored.values()
    )
    hostile = stored["../../../etc/passwd"]["storage_key"]
    assert hostile.startswith("recordings/2026/11/20/") and ".." not in hostile.split("/")
    assert all(tmp_path / "vault" in p.parents for p in files_under(tmp_path))

    # the expired URL was refreshed from Ringba, and that is on record
    refresh = db.execute(
        "SELECT message FROM core.call_events WHERE call_id = 'RGB-expired' AND lane = 'ingest' AND to_status = 'updated'"
    ).fetchone()
    assert "refreshed" in refresh["message"]

    # re-materializing retries exactly the retryable call; finished and permanent ones are left alone
    with sim.serve() as server:
        second = materialize(
            dagster_instance,
            lane_resources(db_url, server.url, vault, vault=TIGHT),
            DAY.isoformat(),
            "vaulted_audio",
        )
    run_ids = {r["last_run_id"] for r in lane_rows(db).values() if r["call_id"] == "RGB-slow"}
    claims = db.execute(
        "SELECT call_id FROM core.call_events WHERE to_status = 'claimed' AND run_id = %s", (second.run_id,)
    ).fetchall()
    assert [c["call_id"] for c in claims] == ["RGB-slow"]
    assert run_ids == {second.run_id}
    assert lane_rows(db)["RGB-slow"]["attempts"] == 2


def test_a_vaulted_call_becomes_ready_for_transcription(db_url, db, dagster_instance, tmp_path) -> None:
    sim = RingbaSimulator(calls_per_day=3, seed=2)
    with sim.serve() as server:
        resources = lane_resources(db_url, server.url, tmp_path / "vault")
        result = materialize(dagster_instance, resources, DAY.isoformat(), "ringba_calls", "vaulted_audio")
    assert result.success
    meta = materialization_metadata(result, "vaulted_audio")
    assert meta["calls_done"] == 3 and meta["bytes"] > 0 and meta["audio_seconds"] > 0
    factory = db.execute(
        "SELECT status, count(*) AS n FROM core.call_lanes WHERE lane = 'factory' GROUP BY 1"
    ).fetchall()
    assert factory == [{"status": "pending", "n": 3}]
    # the full history of one call: ingested → claimed → done, then pending for the factory
    call_id = db.execute("SELECT call_id FROM core.calls LIMIT 1").fetchone()["call_id"]
    history = db.execute(
        "SELECT lane, from_status, to_status FROM core.call_events WHERE call_id = %s ORDER BY event_id",
        (call_id,),
    ).fetchall()
    assert [(h["lane"], h["from_status"], h["to_status"]) for h in history] == [
        ("vault", None, "pending"),
        ("vault", "pending", "claimed"),
        ("vault", "claimed", "done"),
        ("factory", None, "pending"),
    ]


def test_a_recording_url_on_a_host_not_allowed_fails_permanently_and_fetches_nothing(
    db_url, db, dagster_instance, tmp_path
) -> None:
    sim = RingbaSimulator(calls_per_day=0)
    sim.add_call("RGB-allowed", NOON)
    # Ringba listed a recording on a host that is not Ringba's (here: "localhost", another name for the same
    # simulator, so a fetch would succeed if it were attempted).
    sim.add_call("RGB-foreign", NOON + timedelta(minutes=1))
    with sim.serve() as server:
        foreign = sim.recording_url("RGB-foreign", server.url.replace("127.0.0.1", "localhost"))
        sim.call("RGB-foreign").overrides["recordingUrl"] = foreign
        result = materialize(
            dagster_instance,
            lane_resources(db_url, server.url, tmp_path / "vault"),
            DAY.isoformat(),
            "ringba_calls",
            "vaulted_audio",
        )
    assert result.success  # a permanent failure does not fail the partition
    rows = lane_rows(db)
    assert rows["RGB-allowed"]["status"] == "done"
    foreign_row = rows["RGB-foreign"]
    assert (foreign_row["status"], foreign_row["error_class"]) == ("failed", "permanent")
    assert "recording host localhost is not allowed" in foreign_row["error_message"]
    assert [r.call_id for r in sim.recording_requests] == ["RGB-allowed"]
