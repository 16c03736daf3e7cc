"""`callscript demo`: the whole platform on one machine, on embedded defaults.

An embedded PostgreSQL (unless DATABASE_URL is set), a simulated Ringba account serving calls and recordings,
and the Dagster webserver + daemon in one process group. The sensors ingest today's calls every minute and carry
them through the lanes. Ctrl-C or SIGTERM stops everything.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta

from callscript_dagster.db import migrate, resolve_database_urls
from callscript_dagster.db.server import redact
from callscript_dagster.instance import dagster_environment
from callscript_dagster.settings import get_settings
from callscript_dagster.simulators.ringba import RingbaSimulator

DEMO_ACCOUNT = "RA_demo"
DEMO_TOKEN = "demo-token"  # the simulator's own token, not a secret


def run_demo(*, port: int, calls_per_day: int, seed: int) -> int:
    # The demo always talks to its own simulated Ringba account; a week of partitions keeps the UI small.
    demo_env = {
        "CALLSCRIPT_ENV": "demo",
        "RINGBA_ACCOUNT_ID": DEMO_ACCOUNT,
        "RINGBA_API_TOKEN": DEMO_TOKEN,
        # the simulator serves recordings from 127.0.0.1
        "CALLSCRIPT_RECORDING_HOSTS": "127.0.0.1",
        "CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES": "true",
        "CALLSCRIPT_PARTITIONS_START": os.environ.get(
            "CALLSCRIPT_PARTITIONS_START", (date.today() - timedelta(days=6)).isoformat()
        ),
    }
    os.environ.update(demo_env)
    get_settings.cache_clear()
    settings = get_settings()

    print("starting PostgreSQL…", flush=True)
    urls = resolve_database_urls(settings)
    migrate(urls.core)
    print(f"  calls database:   {redact(urls.core)}\n  dagster database: {redact(urls.dagster)}", flush=True)

    simulator = RingbaSimulator(
        account_id=DEMO_ACCOUNT, token=DEMO_TOKEN, seed=seed, calls_per_day=calls_per_day
    )
    with simulator.serve() as ringba:
        env = {
            **os.environ,
            **demo_env,
            **dagster_environment(settings, urls),
            "RINGBA_BASE_URL": ringba.url,
        }
        print(f"  simulated Ringba: {ringba.url} ({calls_per_day} calls/day)", flush=True)
        print(f"\nDagster UI: http://127.0.0.1:{port}  (Ctrl-C stops everything)\n", flush=True)
        return _run_process_group(
            [
                sys.executable,
                "-m",
                "dagster",
                "dev",
                "-m",
                "callscript_dagster.definitions",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            env=env,
        )


def _run_process_group(command: list[str], env: dict[str, str]) -> int:
    """Run `command` as the leader of its own process group and stop the whole group on Ctrl-C/SIGTERM.

    A process group of its own means webserver, daemon, code server and run workers all get the signal, and
    none of them inherit a shell's "ignore SIGINT" from being started in the background."""
    process = subprocess.Popen(command, env=env, start_new_session=True)

    def stop(signum: int, _frame) -> None:
        print(f"\nstopping ({signal.Signals(signum).name})…", flush=True)
        _signal_group(process, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                return process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                continue
    finally:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(process, signal.SIGKILL)  # whatever of the group outlived the leader
        process.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _signal_group(process: subprocess.Popen, sig: signal.Signals) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
