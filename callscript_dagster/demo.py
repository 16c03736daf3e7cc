"""`callscript demo`: the whole platform on one machine, on embedded defaults.

An embedded PostgreSQL (unless DATABASE_URL is set), a simulated Ringba account serving calls and recordings,
and the Dagster webserver + daemon in one process group. The near-real-time sensor reads Ringba every few seconds
and carries new calls through the lanes. Ctrl-C, SIGTERM or a closed terminal cancels the runs executing (they
end CANCELED and hand their calls back, as after the UI's Terminate) and stops everything, PostgreSQL included,
within 20 s — also when the demo was started in the background (see `callscript_dagster.processes`).

`demo_deployment` is the same deployment as a context manager, for benchmarks that drive it (bench/latency.py).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from callscript_dagster.db import DatabaseUrls, migrate, resolve_database_urls
from callscript_dagster.db.server import start_embedded, stop_embedded, without_password
from callscript_dagster.instance import cancel_runs_in_flight, dagster_environment
from callscript_dagster.processes import ProcessGroup, StopRequests, run_until_stopped
from callscript_dagster.settings import get_settings
from callscript_simulators.ringba import RingbaSimulator

DEMO_ACCOUNT = "RA_demo"
DEMO_TOKEN = "demo-token"  # the simulator's own token, not a secret


@dataclass
class Deployment:
    urls: DatabaseUrls
    ringba_url: str
    ui_url: str
    dagster: ProcessGroup  # `dagster dev` and everything it starts


@contextlib.contextmanager
def demo_deployment(
    simulator: RingbaSimulator, *, port: int, stop_requests: StopRequests, log=None
) -> Iterator[Deployment | None]:
    """Start PostgreSQL (embedded unless DATABASE_URL is set), serve `simulator`, and start `dagster dev` on
    `port`; stop all of it, in reverse order, on the way out. Yields None if a stop was requested while starting.
    `log` receives `dagster dev`'s output (default: this process's)."""
    # The demo always talks to its own simulated Ringba account; a week of partitions keeps the UI small.
    demo_env = {
        "CALLSCRIPT_ENV": "demo",
        "RINGBA_ACCOUNT_ID": simulator.account_id,
        "RINGBA_API_TOKEN": simulator.token,
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
    with contextlib.ExitStack() as on_exit:
        if settings.database_url is None:  # with DATABASE_URL set the demo starts no PostgreSQL, stops none
            print("starting PostgreSQL…", flush=True)
            # The demo owns the server it starts: stopped explicitly, atexit hooks do not run after a signal.
            on_exit.callback(_stop_postgres, start_embedded(settings.home_dir))
        urls = resolve_database_urls(settings)
        migrate(urls.core)
        print(
            f"  calls database:   {without_password(urls.core)}\n  dagster database: {without_password(urls.dagster)}",
            flush=True,
        )
        if stop_requests.requested:
            yield None
            return
        ringba = on_exit.enter_context(simulator.serve())
        # In this process too: a stop cancels the runs in flight through the instance (`cancel_runs_in_flight`).
        os.environ.update(dagster_environment(settings, urls))
        env = {**os.environ, "RINGBA_BASE_URL": ringba.url}
        print(f"  simulated Ringba: {ringba.url} ({simulator.calls_per_day} calls/day)", flush=True)
        # One group for `dagster dev` and all it starts: webserver, daemon, code servers, run workers.
        output = {"stdout": log, "stderr": log} if log is not None else {}
        dagster = dagster_dev(port, env=env, **output)
        on_exit.callback(dagster.stop)
        yield Deployment(urls, ringba.url, f"http://127.0.0.1:{port}", dagster)


def run_demo(*, port: int, calls_per_day: int, seed: int) -> int:
    # Stop requests count from the first moment: started in the background the demo would otherwise ignore
    # SIGINT, and a SIGTERM during start-up would end it with PostgreSQL left running.
    with StopRequests() as stop_requests:
        simulator = RingbaSimulator(
            account_id=DEMO_ACCOUNT, token=DEMO_TOKEN, seed=seed, calls_per_day=calls_per_day
        )
        with demo_deployment(simulator, port=port, stop_requests=stop_requests) as deployment:
            if deployment is None:
                return 0
            print(f"\nDagster UI: {deployment.ui_url}  (Ctrl-C stops everything)\n", flush=True)
            code = run_until_stopped([deployment.dagster], stop_requests, before_stop=cancel_runs_in_flight)
            print("stopped Dagster.", flush=True)
            return code


def dagster_dev(port: int, **popen_kwargs) -> ProcessGroup:
    """`dagster dev` for CallScript's code location on 127.0.0.1:`port`, in one process group with all it starts:
    webserver, daemon, code servers, run workers (`popen_kwargs`: env, stdout…)."""
    command = f"-m dagster dev -m callscript_dagster.definitions -h 127.0.0.1 -p {port}".split()
    return ProcessGroup([sys.executable, *command], **popen_kwargs)


def _stop_postgres(server) -> None:
    print("stopping PostgreSQL…", flush=True)
    stop_embedded(server)
