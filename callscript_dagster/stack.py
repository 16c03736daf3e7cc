"""The long-running processes of a deployment — Dagster webserver, Dagster daemon, health server — and how each
is started. One definition serves both ways of running them: supervisord in production
(deploy/supervisord.conf runs `callscript process NAME`, which execs the process so supervisord signals it
directly) and `callscript serve` in development (all three as process groups, stopped together).
"""

from __future__ import annotations

import sys
from pathlib import Path

from callscript_dagster.db.server import DatabaseUrls
from callscript_dagster.instance import dagster_environment
from callscript_dagster.settings import Settings

PROCESSES = ("webserver", "daemon", "health")

_WORKSPACE = """# Written by callscript (callscript_dagster/stack.py): the code location the webserver and daemon load.
load_from:
  - python_module:
      module_name: callscript_dagster.definitions
      location_name: callscript
"""


def _tool(name: str) -> str:
    """A console script installed beside this interpreter (the same virtual environment)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def workspace_file(dagster_home: Path) -> Path:
    path = dagster_home / "workspace.yaml"
    if not path.exists() or path.read_text() != _WORKSPACE:
        path.write_text(_WORKSPACE)
    return path


def process_command(
    name: str, settings: Settings, urls: DatabaseUrls | None
) -> tuple[list[str], dict[str, str]]:
    """The command line of process `name` and the environment variables it needs beyond the caller's (the
    databases, DAGSTER_HOME). The health server finds its databases itself without connecting (`urls` may be
    None): it must start, and report, while the database is down."""
    if name == "health":
        return [sys.executable, "-m", "callscript_dagster.cli", "health"], {}
    if urls is None:
        raise ValueError(f"{name} needs the database URLs")
    env = dagster_environment(settings, urls)
    workspace = str(workspace_file(Path(env["DAGSTER_HOME"])))
    if name == "webserver":
        command = [
            _tool("dagster-webserver"),
            "-w",
            workspace,
            "-h",
            settings.webserver_host,
            "-p",
            str(settings.webserver_port),
        ]
    elif name == "daemon":
        command = [_tool("dagster-daemon"), "run", "-w", workspace]
    else:
        raise ValueError(f"unknown process {name!r}: one of {', '.join(PROCESSES)}")
    return command, env
