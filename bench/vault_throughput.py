"""Vault lane throughput vs a plain streaming download of the same files, and memory while vaulting a huge one.

    python bench/vault_throughput.py [--calls 200] [--concurrency 8] [--big-mb 500] [--repeat 3] [--mbps 0]

Uses DATABASE_URL (a server you own) or an embedded PostgreSQL; every lane measurement gets a freshly migrated
database of its own, dropped afterwards. The recordings are served by the Ringba simulator on 127.0.0.1, run in
a child process so that the server's Python does not share a GIL with the side being measured.

1. Throughput. `--calls` calls cycling over the shipped recordings, all served from the same loopback server
   in the same run:
   - "plain": httpx GET of every recording URL, streamed (`iter_bytes` -> file write) by `--concurrency`
     threads; no hashing, no fsync, no verification, no database.
   - "lane": the real Vault lane, `run_lane(lane=Lane.VAULT, work=partial(vault_call, ...))` with the same
     concurrency, on a database where the calls were ingested by `upsert_calls` (not timed), into a
     `LocalRecordingStore` in a temp dir: stream + sha256 + size/time caps + atomic write with fsync, then a
     full PyAV decode of each file to verify it, then the per-call commit of result and events.
   With `--mbps N` the simulator paces every recording at N Mbit/s per connection, as a CDN serves them, so
   the comparison includes the network time a real download has (loopback alone is memory-speed).
   Plain and lane runs alternate; the medians decide the ratio lane MB/s / plain MB/s (target >= 0.9). The
   lane's time is split by its summed `download_seconds` metric (stream + store, per call) and an estimate of
   the decode check (`inspect_audio` on each distinct file, serially, times its count), and the lane
   mechanism's own cost is measured with a no-op work function over the same calls.

2. Memory. One synthetic PCM WAV of `--big-mb` MiB (low-amplitude noise, 8 kHz 16-bit mono, ~9 h) is vaulted
   through the lane (concurrency 1, the size cap raised above it) after a small warm-up call in the same
   process; RSS is sampled every 50 ms. Prints RSS before, sampled peak, growth (target <= 64 MiB) and time,
   and, for scale, one plain streaming download of the same file.

Prints numbers; asserts nothing. Temp files and databases are removed at the end.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import os
import resource
import secrets
import shutil
import statistics
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import httpx
import numpy as np
import psutil
from ingest_upsert import drop_database, fresh_database

from callscript_dagster.assets.vaulted_audio import vault_call
from callscript_dagster.calls.lanes import Lane, LaneReport, WorkDone, run_lane
from callscript_dagster.db.pool import close_pool, pool_for
from callscript_dagster.db.server import start_embedded, with_database
from callscript_dagster.recordings import inspect_audio
from callscript_dagster.ringba.client import RingbaClient
from callscript_dagster.ringba.ingest import upsert_calls
from callscript_dagster.ringba.records import CallRecord
from callscript_dagster.settings import get_settings
from callscript_dagster.storage import LocalRecordingStore
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR, MANIFEST_NAME, RingbaSimulator

MIB = 1024 * 1024
ACCOUNT, TOKEN = "RA_bench", "bench-token"
THROUGHPUT_DAY = date(2026, 11, 2)
WARMUP_DAY = date(2026, 11, 3)
BIG_DAY = date(2026, 11, 4)
BIG_FILE = "big_noise.wav"
BIG_RATE, BIG_CHANNELS = 8000, 1

log = logging.getLogger("bench.vault_throughput")


# --- the simulator, in a child process -------------------------------------------------------------------------


def _serve_simulator(
    recordings_dir: str,
    secret: bytes,
    calls: list[tuple[str, datetime, str]],
    bytes_per_second: float | None,
    conn,
) -> None:
    sim = RingbaSimulator(
        recording_bytes_per_second=bytes_per_second,
        account_id=ACCOUNT,
        token=TOKEN,
        calls_per_day=0,
        recordings_dir=recordings_dir,
        url_secret=secret,
        max_per_second=None,
        max_per_minute=None,
    )
    for call_id, call_at, file in calls:
        sim.add_call(call_id, call_at, recording=file)
    with sim.serve() as server:
        conn.send(server.url)
        conn.recv()  # until the parent says stop


class SimulatorProcess:
    """The Ringba simulator serving `calls` from a child process. URLs are signed here with the shared secret
    (same scheme as the child's), so fresh ones can be had for every measurement."""

    def __init__(
        self,
        recordings_dir: Path,
        calls: list[tuple[str, datetime, str]],
        bytes_per_second: float | None = None,
    ) -> None:
        secret = secrets.token_bytes(32)
        self._signer = RingbaSimulator(calls_per_day=0, recordings_dir=recordings_dir, url_secret=secret)
        self._files = {call_id: file for call_id, _, file in calls}
        self._at = {call_id: at for call_id, at, _ in calls}
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(
            target=_serve_simulator, args=(str(recordings_dir), secret, calls, bytes_per_second, child)
        )
        self._process.start()
        if not self._conn.poll(60):
            self.stop()
            raise RuntimeError("simulator process did not start")
        self.url: str = self._conn.recv()

    def recording_url(self, call_id: str) -> str:
        return self._signer.recording_url(call_id, self.url)

    def records(self, call_ids: list[str]) -> list[CallRecord]:
        return [
            CallRecord(
                call_id=call_id,
                call_at=self._at[call_id],
                partition_date=self._at[call_id].date(),
                campaign_name="Bench",
                publisher_name=None,
                caller_number=None,
                dialed_number=None,
                duration_seconds=None,
                recording_url=self.recording_url(call_id),
            )
            for call_id in call_ids
        ]

    def stop(self) -> None:
        if self._process.is_alive():
            try:
                self._conn.send("stop")
            except OSError:
                pass
            self._process.join(15)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)


# --- measurements ------------------------------------------------------------------------------------------------


def plain_download(urls: list[str], dest: Path, concurrency: int) -> tuple[int, float]:
    """(bytes, seconds) for streaming every URL into a file, `concurrency` at a time."""
    settings = get_settings()
    dest.mkdir(parents=True, exist_ok=True)

    def fetch(i: int, url: str, http: httpx.Client) -> int:
        size = 0
        with http.stream("GET", url, headers={"Accept-Encoding": "identity"}) as response:
            response.raise_for_status()
            with open(dest / f"{i}.bin", "wb") as f:
                for chunk in response.iter_bytes():
                    f.write(chunk)
                    size += len(chunk)
        return size

    with httpx.Client(
        timeout=httpx.Timeout(settings.http_timeout_seconds, connect=10.0), follow_redirects=True
    ) as http:
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            total = sum(pool.map(lambda item: fetch(item[0], item[1], http), enumerate(urls)))
        seconds = time.perf_counter() - began
    return total, seconds


def lane_noop(
    server: str, sim: SimulatorProcess, call_ids: list[str], days: list[date], concurrency: int
) -> float:
    """Wall seconds of `run_lane` over `call_ids` with a work function that does nothing: the lane mechanism's
    own cost (claims, commits, events) on this database server."""
    url = fresh_database(server)
    try:
        pool = pool_for(url)
        with pool.connection() as conn, conn.transaction():
            upsert_calls(conn, sim.records(call_ids), run_id="bench-ingest")
        began = time.perf_counter()
        run_lane(
            lane=Lane.VAULT,
            pool=pool,
            days=days,
            run_id=f"bench-{uuid.uuid4().hex[:8]}",
            work=lambda call: WorkDone(),
            live_run_ids=lambda: [],
            log=log,
            concurrency=concurrency,
        )
        return time.perf_counter() - began
    finally:
        close_pool(url)
        drop_database(server, url)


def lane_vault(
    server: str,
    sim: SimulatorProcess,
    call_ids: list[str],
    days: list[date],
    store_root: Path,
    concurrency: int,
    max_bytes: int,
    on_start=None,
) -> tuple[LaneReport, float]:
    """(report, wall seconds) of the Vault lane over `call_ids` on a fresh database (ingest not timed)."""
    settings = get_settings()
    url = fresh_database(server)
    try:
        pool = pool_for(url)
        with pool.connection() as conn, conn.transaction():
            upsert_calls(conn, sim.records(call_ids), run_id="bench-ingest")
        timeout = httpx.Timeout(settings.http_timeout_seconds, connect=10.0)
        with httpx.Client(timeout=timeout, follow_redirects=True) as http, httpx.Client() as api_http:
            ringba = RingbaClient(
                base_url=sim.url, account_id=ACCOUNT, api_token=TOKEN, http=api_http, limiter=None
            )
            run_id = f"bench-{uuid.uuid4().hex[:8]}"
            work = partial(
                vault_call,
                http=http,
                store=LocalRecordingStore(store_root),
                ringba=ringba,
                pool=pool,
                run_id=run_id,
                max_bytes=max_bytes,
                timeout_seconds=settings.download_timeout_seconds,
            )
            if on_start:
                on_start()
            began = time.perf_counter()
            report = run_lane(
                lane=Lane.VAULT,
                pool=pool,
                days=days,
                run_id=run_id,
                work=work,
                live_run_ids=lambda: [],
                log=log,
                concurrency=concurrency,
            )
            seconds = time.perf_counter() - began
    finally:
        close_pool(url)
        drop_database(server, url)
    if report.failures:
        print(f"  !! {len(report.failures)} calls failed, e.g. {report.failures[0].message}")
    return report, seconds


class RssSampler:
    """Samples this process's RSS every `every` seconds in a background thread; `.peak` is the largest seen."""

    def __init__(self, every: float = 0.05) -> None:
        self._process = psutil.Process()
        self._every = every
        self._stop = threading.Event()
        self.peak = self._process.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._process.memory_info().rss)
            self._stop.wait(self._every)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)


def write_big_wav(path: Path, data_bytes: int, rate: int, channels: int) -> None:
    """A valid 16-bit PCM WAV of `data_bytes` of low-amplitude noise, written in 4 MiB pieces."""
    block = 2 * channels
    data_bytes -= data_bytes % block
    header = b"".join(
        [
            b"RIFF",
            (36 + data_bytes).to_bytes(4, "little"),
            b"WAVE",
            b"fmt ",
            (16).to_bytes(4, "little"),
            (1).to_bytes(2, "little"),
            channels.to_bytes(2, "little"),
            rate.to_bytes(4, "little"),
            (rate * block).to_bytes(4, "little"),
            block.to_bytes(2, "little"),
            (16).to_bytes(2, "little"),
            b"data",
            data_bytes.to_bytes(4, "little"),
        ]
    )
    noise = np.random.default_rng(1).integers(-200, 200, size=2 * MIB, dtype=np.int16).tobytes()  # 4 MiB
    with open(path, "wb") as f:
        f.write(header)
        left = data_bytes
        while left > 0:
            piece = noise[: min(len(noise), left)]
            f.write(piece)
            left -= len(piece)


def server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return with_database(os.environ["DATABASE_URL"], "postgres", driver="postgresql")
    root = Path(tempfile.mkdtemp(prefix="callscript-bench-pg-"))
    server = start_embedded(root)
    return with_database(server.get_uri(), "postgres", driver="postgresql")


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--big-mb", type=int, default=500, help="size of the big WAV in MiB (0 skips it)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--mbps",
        type=float,
        default=0,
        help="serve each recording at this many Mbit/s per connection, as a CDN would (0: loopback speed)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    server = server_url()
    tmp = Path(tempfile.mkdtemp(prefix="callscript-bench-vault-"))
    sim: SimulatorProcess | None = None
    try:
        # A recordings dir holding the shipped recordings, the big WAV, and a manifest listing them.
        recordings = tmp / "recordings"
        recordings.mkdir()
        manifest = json.loads((DEFAULT_RECORDINGS_DIR / MANIFEST_NAME).read_text())
        for entry in manifest:
            shutil.copyfile(DEFAULT_RECORDINGS_DIR / entry["file"], recordings / entry["file"])
        big_bytes = args.big_mb * MIB
        if big_bytes:
            began = time.perf_counter()
            write_big_wav(recordings / BIG_FILE, big_bytes, BIG_RATE, BIG_CHANNELS)
            big_bytes = (recordings / BIG_FILE).stat().st_size
            duration = (big_bytes - 44) / (2 * BIG_CHANNELS * BIG_RATE)
            manifest.append(
                {
                    "file": BIG_FILE,
                    "channels": BIG_CHANNELS,
                    "sample_rate": BIG_RATE,
                    "format": "wav",
                    "duration_seconds": round(duration, 3),
                    "campaign": "Bench",
                    "lines": [],
                }
            )
            print(
                f"wrote {BIG_FILE}: {big_bytes / MIB:.0f} MiB, {duration / 3600:.2f} h of {BIG_RATE} Hz "
                f"{BIG_CHANNELS}-channel PCM in {time.perf_counter() - began:.1f} s"
            )
        (recordings / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))

        shipped = [entry["file"] for entry in manifest if entry["file"] != BIG_FILE]
        start = datetime.combine(THROUGHPUT_DAY, datetime.min.time(), UTC)
        tp_calls = [
            (f"TP{i:06d}", start + timedelta(seconds=i), shipped[i % len(shipped)]) for i in range(args.calls)
        ]
        extra = [("WARM000001", datetime.combine(WARMUP_DAY, datetime.min.time(), UTC), shipped[0])]
        if big_bytes:
            extra.append(("BIG0000001", datetime.combine(BIG_DAY, datetime.min.time(), UTC), BIG_FILE))
        paced = args.mbps * 1_000_000 / 8 if args.mbps else None
        sim = SimulatorProcess(recordings, tp_calls + extra, paced)

        # --- memory first, while this process is still small --------------------------------------------------
        if big_bytes:
            rss_part(server, sim, tmp, big_bytes)

        # --- throughput --------------------------------------------------------------------------------------
        call_ids = [call_id for call_id, _, _ in tp_calls]
        max_bytes = get_settings().max_recording_bytes
        print(
            f"\nthroughput: {args.calls} files over {len(shipped)} shipped recordings, concurrency "
            f"{args.concurrency}, simulator on loopback in its own process; plain and lane alternate"
        )
        print(f"{'run':>4} {'side':>6} {'files':>6} {'MiB':>8} {'seconds':>8} {'MiB/s':>8}  notes")
        plain_rates, lane_rates, lane_runs = [], [], []
        for r in range(args.repeat):
            order = ("plain", "lane") if r % 2 == 0 else ("lane", "plain")
            for side in order:
                dest = tmp / f"{side}-{r}"
                if side == "plain":
                    urls = [sim.recording_url(call_id) for call_id in call_ids]
                    total, seconds = plain_download(urls, dest, args.concurrency)
                    plain_rates.append(total / MIB / seconds)
                    files, notes = len(urls), ""
                else:
                    report, seconds = lane_vault(
                        server, sim, call_ids, [THROUGHPUT_DAY], dest, args.concurrency, max_bytes
                    )
                    total = int(report.metrics["bytes"])
                    lane_rates.append(total / MIB / seconds)
                    lane_runs.append((seconds, report))
                    files = report.done
                    notes = (
                        f"summed download_seconds {report.metrics['download_seconds']:.2f} "
                        f"(/{args.concurrency} = {report.metrics['download_seconds'] / args.concurrency:.2f})"
                    )
                print(
                    f"{r + 1:>4} {side:>6} {files:>6} {total / MIB:>8.1f} {seconds:>8.2f} "
                    f"{total / MIB / seconds:>8.1f}  {notes}"
                )
                shutil.rmtree(dest, ignore_errors=True)

        # The decode check's share, estimated: inspect_audio on each distinct file, times how often it occurs.
        counts = Counter(file for _, _, file in tp_calls)
        decode_s = 0.0
        for file, n in counts.items():
            samples = []
            for _ in range(3):
                began = time.perf_counter()
                inspect_audio(recordings / file)
                samples.append(time.perf_counter() - began)
            decode_s += n * median(samples)

        noop_s = median(
            [lane_noop(server, sim, call_ids, [THROUGHPUT_DAY], args.concurrency) for _ in range(3)]
        )

        plain_med, lane_med = median(plain_rates), median(lane_rates)
        lane_s, report = sorted(lane_runs, key=lambda x: x[0])[len(lane_runs) // 2]
        print(
            f"\nmedian of {args.repeat}: plain {plain_med:.1f} MiB/s, lane {lane_med:.1f} MiB/s, "
            f"ratio lane/plain {lane_med / plain_med:.3f} (target >= 0.9)"
        )
        print(
            f"lane split (median run, {lane_s:.2f} s wall, {args.concurrency} threads): summed download_seconds "
            f"(stream + hash + fsync'd write) {report.metrics['download_seconds']:.2f} s; decode check "
            f"(inspect_audio, serial estimate) {decode_s:.2f} s; the lane mechanism alone (no-op work, claims + "
            f"commits + events) {noop_s:.2f} s"
        )
    finally:
        if sim is not None:
            sim.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def rss_part(server: str, sim: SimulatorProcess, tmp: Path, big_bytes: int) -> None:
    """Vault a small call (warm-up: imports, codecs, pools), then the big one, sampling RSS."""
    max_bytes = big_bytes + 64 * MIB
    store = tmp / "rss-store"
    lane_vault(server, sim, ["WARM000001"], [WARMUP_DAY], store, 1, max_bytes)
    holder: dict[str, object] = {}

    def begin() -> None:  # just before run_lane: the database is migrated and ingested, the clients open
        holder["before"] = psutil.Process().memory_info().rss
        holder["maxrss_before"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        holder["sampler"] = RssSampler().__enter__()

    try:
        report, seconds = lane_vault(
            server, sim, ["BIG0000001"], [BIG_DAY], store, 1, max_bytes, on_start=begin
        )
    finally:
        if "sampler" in holder:
            holder["sampler"].__exit__(None, None, None)
    sampler: RssSampler = holder["sampler"]  # type: ignore[assignment]
    before: int = holder["before"]  # type: ignore[assignment]
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    vaulted = int(report.metrics.get("bytes", 0))
    print(f"\nmemory: vaulting one {big_bytes / MIB:.0f} MiB WAV through the Vault lane (concurrency 1)")
    print(
        f"{'vaulted MiB':>12} {'audio h':>8} {'seconds':>8} {'download s':>11} {'RSS before':>11} "
        f"{'RSS peak':>9} {'growth':>8}  (MiB)"
    )
    print(
        f"{vaulted / MIB:>12.1f} {report.metrics.get('audio_seconds', 0) / 3600:>8.2f} {seconds:>8.1f} "
        f"{report.metrics.get('download_seconds', 0):>11.1f} {before / MIB:>11.1f} {sampler.peak / MIB:>9.1f} "
        f"{(sampler.peak - before) / MIB:>8.1f}  (target growth <= 64)"
    )
    if maxrss > holder["maxrss_before"]:  # the kernel's exact high-water mark rose during the big call
        print(f"kernel ru_maxrss peak {maxrss / MIB:.1f} MiB: growth {(maxrss - before) / MIB:.1f} MiB")
    else:
        print(f"kernel ru_maxrss did not rise during the big call ({maxrss / MIB:.1f} MiB, set earlier)")
    if report.done != 1:
        print("  !! the big recording was not vaulted")
    shutil.rmtree(store, ignore_errors=True)
    plain_bytes, plain_s = plain_download([sim.recording_url("BIG0000001")], tmp / "rss-plain", 1)
    shutil.rmtree(tmp / "rss-plain", ignore_errors=True)
    print(
        f"same file, plain streaming download: {plain_s:.1f} s, {plain_bytes / MIB / plain_s:.1f} MiB/s; "
        f"lane {vaulted / MIB / seconds:.1f} MiB/s, ratio {plain_s / seconds:.3f}"
    )


if __name__ == "__main__":
    main()
