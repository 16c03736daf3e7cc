"""deploy/: the real supervisord with deploy/supervisord.conf (started by deploy/start.sh) keeps the webserver,
the daemon and the health server up, and rotates their logs; logrotate caps the logs supervisord does not own."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql
from test_health import free_port

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.e2e


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
        except (httpx.TransportError, subprocess.CalledProcessError, ValueError) as exc:
            last = exc
        else:
            if last:
                return last
        time.sleep(1)
    raise AssertionError(f"{what} did not happen within {seconds:.0f} s (last: {last!r})")


@pytest.fixture
def dagster_database(pg_server: str):
    name = f"callscript_dagster_{uuid.uuid4().hex[:8]}"
    yield name
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_supervisord_brings_back_a_killed_daemon_and_health_server_and_rotates_logs(
    tmp_path, db_url, dagster_database
):
    home = tmp_path / "home"
    web_port, health_port = free_port(), free_port()
    env_file = tmp_path / "callscript.env"
    env_file.write_text(
        "\n".join(
            [
                f"DATABASE_URL={db_url}",
                f"CALLSCRIPT_DAGSTER_DATABASE={dagster_database}",
                f"CALLSCRIPT_HOME={home}",
                "CALLSCRIPT_LOG_MAXBYTES=4KB",
                "CALLSCRIPT_LOG_BACKUPS=2",
                f"CALLSCRIPT_WEBSERVER_PORT={web_port}",
                f"CALLSCRIPT_UI_URL=http://127.0.0.1:{web_port}",
                f"CALLSCRIPT_HEALTH_PORT={health_port}",
                "CALLSCRIPT_HEALTH_REFRESH_SECONDS=1",
            ]
        )
        + "\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIPT_", "DAGSTER_"))}
    env.pop("DATABASE_URL", None)
    env["PATH"] = f"{BIN}{os.pathsep}{env['PATH']}"
    supervisor = subprocess.Popen(
        [str(REPO / "deploy" / "start.sh"), str(env_file)], env=env, start_new_session=True
    )
    health_url = f"http://127.0.0.1:{health_port}/health"
    conf = ["-c", str(REPO / "deploy" / "supervisord.conf")]
    ctl_env = {**env, "CALLSCRIPT_LOG_DIR": str(home / "logs"), "CALLSCRIPT_RUN_DIR": str(home / "run")}
    ctl_env |= {
        "CALLSCRIPT_LOG_MAXBYTES": "4KB",
        "CALLSCRIPT_LOG_BACKUPS": "2",
        "CALLSCRIPT_BIN": "callscript",
    }

    def pid(program: str) -> int:
        out = subprocess.run(
            [str(BIN / "supervisorctl"), *conf, "pid", f"callscript:{program}"],
            env=ctl_env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out) if out.isdigit() and out != "0" else 0

    def healthy():
        response = httpx.get(health_url, timeout=5)
        return response.status_code == 200 or None

    try:
        wait_until(healthy, 240, "/health answering 200")
        for program in ("daemon", "health"):
            before = pid(program)
            assert before
            os.kill(before, signal.SIGKILL)
            wait_until(
                lambda p=program, b=before: pid(p) not in (0, b), 30, f"supervisord restarting {program}"
            )
        wait_until(healthy, 120, "/health answering 200 again after the kills")

        logs = home / "logs"
        wait_until(lambda: (logs / "daemon.log.1").exists(), 60, "the daemon log rotating past 4 KB")
        for log in logs.glob("*.log*"):
            assert log.stat().st_size <= 4096 + 16384, f"{log.name} grew past its size limit"
        assert not (logs / "daemon.log.3").exists()  # two backups kept, no more
        assert db_url.split("@")[0] not in "".join(p.read_text(errors="replace") for p in logs.glob("*.log"))
    finally:
        subprocess.run([str(BIN / "supervisorctl"), *conf, "shutdown"], env=ctl_env, capture_output=True)
        try:
            supervisor.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(supervisor.pid, signal.SIGKILL)
            supervisor.wait(10)


@pytest.mark.skipif(
    shutil.which("logrotate") is None, reason="logrotate is not installed (apt-get install logrotate)"
)
def test_logrotate_caps_a_step_log_that_dagster_keeps_open(tmp_path):
    step_logs = tmp_path / "dagster" / "storage" / "run-1" / "compute_logs"
    step_logs.mkdir(parents=True)
    log = step_logs / "transcripts.err"
    log.write_bytes(b"progress 42%\n" * 2_000_000)  # 26 MB: past the 20M cap
    conf = (REPO / "deploy" / "logrotate.conf").read_text().replace("/var/lib/callscript", str(tmp_path))
    (tmp_path / "logrotate.conf").write_text(conf)

    subprocess.run(
        ["logrotate", "--state", str(tmp_path / "state"), str(tmp_path / "logrotate.conf")],
        check=True,
        capture_output=True,
    )

    assert log.exists() and log.stat().st_size == 0  # truncated in place: the open file keeps working
    assert (step_logs / "transcripts.err.1").stat().st_size == 26_000_000


def test_callscript_serve_runs_the_stack_and_ctrl_c_stops_all_of_it(tmp_path, db_url, dagster_database):
    import psutil

    web_port, health_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIPT_", "DAGSTER_"))}
    env |= {
        "DATABASE_URL": db_url,
        "CALLSCRIPT_DAGSTER_DATABASE": dagster_database,
        "CALLSCRIPT_HOME": str(tmp_path / "home"),
        "CALLSCRIPT_WEBSERVER_PORT": str(web_port),
        "CALLSCRIPT_UI_URL": f"http://127.0.0.1:{web_port}",
        "CALLSCRIPT_HEALTH_PORT": str(health_port),
        "CALLSCRIPT_HEALTH_REFRESH_SECONDS": "1",
    }
    serve = subprocess.Popen([str(BIN / "callscript"), "serve"], env=env, start_new_session=True)
    try:
        # The health server names the webserver and daemon as they come up; all three are answering once
        # /health is 200.
        wait_until(
            lambda: httpx.get(f"http://127.0.0.1:{health_port}/health", timeout=5).status_code == 200 or None,
            240,
            "/health answering 200 under `callscript serve`",
        )
        children = psutil.Process(serve.pid).children(recursive=True)
        assert len(children) >= 3
        serve.send_signal(signal.SIGINT)
        assert serve.wait(30) == 0
        gone, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, [p.info for p in alive]
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait(10)


def test_the_supervised_health_server_starts_while_the_database_is_down_and_says_so(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIPT_", "DAGSTER_"))}
    env |= {
        "DATABASE_URL": f"postgresql://callscript:pw@127.0.0.1:{free_port()}/calls",
        "CALLSCRIPT_HOME": str(tmp_path / "home"),
        "CALLSCRIPT_HEALTH_PORT": str(port),
        "CALLSCRIPT_HEALTH_TIMEOUT_SECONDS": "1",
    }
    health = subprocess.Popen([str(BIN / "callscript"), "process", "health"], env=env)
    try:
        response = wait_until(
            lambda: httpx.get(f"http://127.0.0.1:{port}/health", timeout=5), 60, "an answer"
        )
        assert response.status_code == 503
        assert response.json()["status"] == "critical"
        assert response.json()["problems"][0]["check"] == "database"
    finally:
        health.terminate()
        health.wait(15)
