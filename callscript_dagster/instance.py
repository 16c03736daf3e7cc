"""The Dagster instance directory ($DAGSTER_HOME) that `callscript` commands run against."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from callscript_dagster.db.server import DatabaseUrls
from callscript_dagster.settings import Settings

_PACKAGE = Path(__file__).resolve().parent


def dagster_yaml_template() -> Path:
    """The repository's dagster.yaml (editable installs) or the copy packed into the wheel."""
    for candidate in (_PACKAGE.parent / "dagster.yaml", _PACKAGE / "_dagster.yaml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("dagster.yaml not found beside or inside the callscript_dagster package")


def prepare_dagster_home(settings: Settings) -> Path:
    """$DAGSTER_HOME if set, else CALLSCRIPT_HOME/dagster, holding our dagster.yaml."""
    home = Path(os.environ.get("DAGSTER_HOME") or settings.home_dir / "dagster").resolve()
    home.mkdir(parents=True, exist_ok=True)
    target = home / "dagster.yaml"
    if not target.exists() or target.read_bytes() != dagster_yaml_template().read_bytes():
        shutil.copyfile(dagster_yaml_template(), target)
    return home


def dagster_environment(settings: Settings, urls: DatabaseUrls) -> dict[str, str]:
    """Environment for Dagster processes (webserver, daemon, code server, run workers)."""
    return {
        **urls.environment(),
        "DAGSTER_HOME": str(prepare_dagster_home(settings)),
        "CALLSCRIPT_HOME": str(settings.home_dir),
    }
