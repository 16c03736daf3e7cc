"""Factory lane overhead: transcription through our lane vs raw faster-whisper `transcribe()`, same audio, same run.

    python bench/factory_lane.py [--repeat 3] [--copies 1]

Uses DATABASE_URL (a server you own) or an embedded PostgreSQL. Setup (not timed): the seven shipped recordings
(each `--copies` times) are added to an in-process Ringba simulator, ingested with `upsert_calls`, and vaulted
by the real Vault lane (`run_lane(Lane.VAULT, vault_call)`) into a `LocalRecordingStore` in a temp dir; that
database is the template every lane run clones, so each lane run starts from a fresh database holding the
vaulted recordings with the Factory lane pending. The Whisper model (bundled tiny.en, CPU int8 unless a GPU is
visible) is loaded once, then every file is transcribed once to warm it up; neither is timed.

- "raw": the same `Transcriber`'s model, `model.transcribe()` (batched pipeline on a GPU) with the engine's
  options on the vaulted files, both channels of a stereo call (the same work; see
  bench/transcription_overhead.py, whose `raw_transcribe` this reuses), segments consumed.
- "lane": `run_lane(lane=Lane.FACTORY, work=partial(transcribe_call, ...), concurrency=1)` on the clone: claim,
  look up the recording, decode, transcribe with speaker labels, commit transcript + events per call.
- "dagster": the `transcripts` asset materialized by a real Dagster run (`dg.materialize`, in-process executor
  as the deployment runs it, run and event storage on PostgreSQL) on a clone: the lane plus everything Dagster
  adds per run — the execution plan, events, resource set-up (the model is loaded by the run's resource, as in
  production) — so "Dagster's share" is (dagster − lane) / dagster.

The sides rotate from round to round. Prints per-run seconds, audio seconds, realtime factor, the ratio of
medians raw/lane (target >= 0.95, i.e. overhead <= 5 %) and Dagster's share of a run. Asserts nothing; temp
files and databases are removed at the end.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import dagster as dg
import httpx
import psycopg
from ingest_upsert import drop_database, fresh_database
from psycopg import sql
from transcription_overhead import raw_transcribe

from callscript_dagster.assets.ringba_calls import build_ringba_calls
from callscript_dagster.assets.transcripts import build_transcripts, transcribe_call
from callscript_dagster.assets.vaulted_audio import build_vaulted_audio, vault_call
from callscript_dagster.calls.lanes import Lane, run_lane
from callscript_dagster.db.pool import close_pool, pool_for
from callscript_dagster.db.server import dagster_storage_url, start_embedded, with_database
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.ringba.client import RingbaClient
from callscript_dagster.ringba.ingest import upsert_calls
from callscript_dagster.ringba.records import CallRecord
from callscript_dagster.settings import Settings, get_settings
from callscript_dagster.storage import LocalRecordingStore
from callscript_dagster.transcription.engine import Transcriber, load_transcriber
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, MANIFEST_NAME, RingbaSimulator

DAY = date(2026, 11, 5)
log = logging.getLogger("bench.factory_lane")


def server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return with_database(os.environ["DATABASE_URL"], "postgres", driver="postgresql")
    server = start_embedded(Path(tempfile.mkdtemp(prefix="callscript-bench-pg-")))
    return with_database(server.get_uri(), "postgres", driver="postgresql")


def database_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?")[0]


def clone_database(server: str, template_url: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(database_name(template_url))
            )
        )
    return with_database(server, name, driver="postgresql")


def vault_shipped(server: str, store: LocalRecordingStore, copies: int) -> tuple[str, list[tuple[str, Path]]]:
    """A migrated database where the shipped recordings were vaulted by the Vault lane; returns its URL and
    (call id, vaulted file) pairs."""
    settings = get_settings()
    files = [entry["file"] for entry in json.loads((DEFAULT_RECORDINGS_DIR / MANIFEST_NAME).read_text())]
    sim = RingbaSimulator(account_id="RA_bench", token="bench-token", calls_per_day=0)
    start = datetime.combine(DAY, datetime.min.time(), UTC)
    calls = []
    for copy in range(copies):
        for i, file in enumerate(files):
            call = sim.add_call(
                f"FX{copy:02d}{i:03d}", start + timedelta(minutes=copy * 100 + i), recording=file
            )
            calls.append(call)
    url = fresh_database(server)
    with sim.serve() as ringba_server, httpx.Client(follow_redirects=True) as http:
        pool = pool_for(url)
        records = [
            CallRecord(
                call_id=c.call_id,
                call_at=c.call_at,
                partition_date=c.call_at.date(),
                campaign_name=c.campaign,
                publisher_name=c.publisher,
                caller_number=c.caller,
                dialed_number=c.tracking_number,
                duration_seconds=c.length_seconds,
                recording_url=sim.recording_url(c.call_id, ringba_server.url),
            )
            for c in calls
        ]
        with pool.connection() as conn, conn.transaction():
            upsert_calls(conn, records, run_id="bench-ingest")
        ringba = RingbaClient(
            base_url=ringba_server.url,
            account_id="RA_bench",
            api_token="bench-token",
            http=http,
            limiter=None,
        )
        run_id = f"bench-vault-{uuid.uuid4().hex[:8]}"
        work = partial(
            vault_call,
            http=http,
            store=store,
            ringba=ringba,
            pool=pool,
            run_id=run_id,
            max_bytes=settings.max_recording_bytes,
            timeout_seconds=settings.download_timeout_seconds,
        )
        report = run_lane(
            lane=Lane.VAULT,
            pool=pool,
            days=[DAY],
            run_id=run_id,
            work=work,
            live_run_ids=lambda: [],
            log=log,
            concurrency=8,
        )
        if report.failures or report.done != len(calls):
            raise RuntimeError(f"vaulting the shipped recordings failed: {report.summary()}")
        with pool.connection() as conn:
            rows = conn.execute(
                "SELECT call_id, storage_key FROM core.recordings ORDER BY call_id"
            ).fetchall()
    close_pool(url)  # a template database must have no connections
    return url, [(row["call_id"], store.root / row["storage_key"]) for row in rows]


def lane_run(
    server: str, template: str, store: LocalRecordingStore, transcriber: Transcriber, calls: int
) -> float:
    url = clone_database(server, template)
    try:
        pool = pool_for(url)
        run_id = f"bench-factory-{uuid.uuid4().hex[:8]}"
        work = partial(
            transcribe_call,
            pool=pool,
            store=store,
            transcriber=transcriber,
            run_id=run_id,
            gpu_cost_per_hour=0.0,
        )
        began = time.perf_counter()
        report = run_lane(
            lane=Lane.FACTORY,
            pool=pool,
            days=[DAY],
            run_id=run_id,
            work=work,
            live_run_ids=lambda: [],
            log=log,
            concurrency=1,
            work_version=TranscriberResource().work_version,
        )
        seconds = time.perf_counter() - began
    finally:
        close_pool(url)
        drop_database(server, url)
    if report.failures or report.done != calls:
        print(f"  !! lane run incomplete: {report.summary()}")
    return seconds


def dagster_run(
    server: str, template: str, store: LocalRecordingStore, instance: dg.DagsterInstance, calls: int
) -> float:
    url = clone_database(server, template)
    try:
        partitions = daily_partitions(Settings(CALLSCRIPT_PARTITIONS_START="2026-11-01"))
        ringba_calls = build_ringba_calls(partitions)
        vaulted_audio = build_vaulted_audio(partitions, ringba_calls)
        transcriber = TranscriberResource()
        transcripts = build_transcripts(partitions, vaulted_audio, transcriber.work_version)
        began = time.perf_counter()
        result = dg.materialize(
            [ringba_calls, vaulted_audio, transcripts],
            selection=["transcripts"],
            partition_key=DAY.isoformat(),
            instance=instance,
            resources={
                "database": (database := DatabaseResource(url=url)),
                "storage": StorageResource(default_root=str(store.root)),
                "transcriber": transcriber,
                # not used by the transcripts step, but part of the definitions
                "ringba": RingbaResource(account_id="RA_bench", api_token="bench", database=database),
                "vault": VaultResource(),
            },
        )
        seconds = time.perf_counter() - began
        [materialization] = result.asset_materializations_for_node("transcripts")
        done = materialization.metadata["calls_done"].value
    finally:
        close_pool(url)
        drop_database(server, url)
    if done != calls:
        print(f"  !! dagster run did {done} of {calls} calls")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=1, help="how many calls per shipped recording")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    server = server_url()
    tmp = Path(tempfile.mkdtemp(prefix="callscript-bench-factory-"))
    template: str | None = None
    try:
        store = LocalRecordingStore(tmp / "vault")
        template, vaulted = vault_shipped(server, store, args.copies)

        began = time.perf_counter()
        transcriber = load_transcriber()
        loaded_s = time.perf_counter() - began
        audio_s = 0.0
        stereo: dict[Path, bool] = {}
        for _, path in vaulted:  # warm-up; also tells which calls the engine treats as two channels
            result = transcriber.transcribe(path)
            stereo[path] = result.diarization == "channels"
            audio_s += result.audio_seconds
        print(
            f"model {transcriber.model_label} on {transcriber.device} ({transcriber.compute_type}), loaded in "
            f"{loaded_s:.2f} s (not timed); {len(vaulted)} vaulted calls, {audio_s:.1f} s of audio, "
            f"{sum(stereo.values())} stereo"
        )
        print(f"{'round':>5} {'side':>7} {'seconds':>8} {'audio s':>8} {'x realtime':>10}")

        times: dict[str, list[float]] = {"raw": [], "lane": [], "dagster": []}
        sides = list(times)
        dagster_db = fresh_database(server)
        storage = {
            "postgres": {"postgres_url": dagster_storage_url(dagster_db, dagster_db.rsplit("/", 1)[1])}
        }
        with dg.instance_for_test(overrides={"storage": storage}) as instance:
            for r in range(args.repeat):
                for side in sides[r % 3 :] + sides[: r % 3]:
                    if side == "raw":
                        t0 = time.perf_counter()
                        for _, path in vaulted:
                            raw_transcribe(transcriber, path, stereo[path])
                        seconds = time.perf_counter() - t0
                    elif side == "lane":
                        seconds = lane_run(server, template, store, transcriber, len(vaulted))
                    else:
                        seconds = dagster_run(server, template, store, instance, len(vaulted))
                    times[side].append(seconds)
                    print(f"{r + 1:>5} {side:>7} {seconds:>8.2f} {audio_s:>8.1f} {audio_s / seconds:>10.1f}")
        drop_database(server, dagster_db)

        raw_med, lane_med, dagster_med = (statistics.median(times[side]) for side in sides)
        print(
            f"\nmedian of {args.repeat}: raw {raw_med:.2f} s ({audio_s / raw_med:.1f}x realtime), lane "
            f"{lane_med:.2f} s ({audio_s / lane_med:.1f}x realtime), dagster run {dagster_med:.2f} s "
            f"({audio_s / dagster_med:.1f}x realtime)\nratio raw/lane {raw_med / lane_med:.3f} (target >= 0.95), "
            f"lane overhead {(lane_med / raw_med - 1) * 100:+.1f} %; Dagster's share of a run "
            f"{(dagster_med - lane_med) / dagster_med * 100:.1f} % ({dagster_med - lane_med:.2f} s)"
        )
    finally:
        if template is not None:
            close_pool(template)
            drop_database(server, template)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
