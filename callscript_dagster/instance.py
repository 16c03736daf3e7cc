"""The Dagster instance ($DAGSTER_HOME) that `callscript` commands run against: its directory, the environment
Dagster's processes get, and cancelling its runs when a stop is requested."""

from __future__ import annotations

import json
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from callscript_dagster.db.server import DatabaseUrls
from callscript_dagster.settings import Settings

log = logging.getLogger(__name__)

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
    text = dagster_yaml_text(settings)
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
    return home


def dagster_environment(settings: Settings, urls: DatabaseUrls) -> dict[str, str]:
    """Environment for Dagster processes (webserver, daemon, code server, run workers)."""
    return {
        **urls.environment(),
        "DAGSTER_HOME": str(prepare_dagster_home(settings)),
        "CALLSCRIPT_HOME": str(settings.home_dir),
    }


# Variables a RunPod pod's run worker needs: every setting (the pod builds the same Definitions) and Dagster's
# storage. Names only: the launcher passes the values it has, as pod env. Never the launcher's RunPod key.
_POD_EXTRA_VARIABLES = ["CALLSCRIPT_DAGSTER_DATABASE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
_NOT_FOR_PODS = {"RUNPOD_API_KEY", "CALLSCRIPT_GPU_TYPE", "CALLSCRIPT_POD_STARTED_AT"}


def pod_environment_variables() -> list[str]:
    """The names of the variables a pod gets from the launcher's environment (those set, at launch)."""
    names = []
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        names += list(getattr(alias, "choices", [alias])) if alias else []
    return sorted({str(name) for name in names + _POD_EXTRA_VARIABLES} - _NOT_FOR_PODS)


# The template's run launcher, for runs on this machine; RunPod's replaces it (and wraps it).
_LOCAL_LAUNCHER = "run_launcher:\n  module: callscript_dagster.launcher.local\n  class: LocalRunLauncher\n"


def dagster_yaml_text(settings: Settings) -> str:
    """Our dagster.yaml, with the RunPod run launcher in place of the local one when RunPod is switched on
    (RUNPOD_API_KEY and CALLSCRIPT_RUNPOD_IMAGE set); JSON is YAML, so that block is written as JSON."""
    text = dagster_yaml_template().read_text()
    if not settings.runpod_enabled:
        return text
    launcher = {
        "module": "callscript_dagster.launcher.runpod",
        "class": "RunPodRunLauncher",
        "config": {
            "api_key": {"env": "RUNPOD_API_KEY"},
            "api_url": settings.runpod_api_url,
            "image": settings.runpod_image,
            "gpu_types": settings.split_list(settings.runpod_gpu_types),
            "data_centers": settings.split_list(settings.runpod_data_centers),
            "cloud": settings.runpod_cloud,
            "env_vars": pod_environment_variables(),
        },
    }
    if _LOCAL_LAUNCHER not in text:
        raise ValueError(f"{dagster_yaml_template()}: no local run_launcher block for RunPod's to replace")
    runpod = f"# GPU runs on RunPod pods (RUNPOD_API_KEY and CALLSCRIPT_RUNPOD_IMAGE are set).\nrun_launcher: {json.dumps(launcher)}\n"
    return text.replace(_LOCAL_LAUNCHER, runpod)


# How long a stop waits for the runs it cancelled to end before the processes get SIGTERM. With the processes'
# own grace and SIGKILL's wait (callscript_dagster.processes) a stop stays inside 20 s.
CANCEL_WAIT_SECONDS = 5.0
# Once they have ended, how long no new run may appear before the stop goes on (within the wait).
SETTLE_SECONDS = 1.5


def cancel_runs_in_flight(wait_seconds: float = CANCEL_WAIT_SECONDS) -> list[str]:
    """Cancel the runs executing in the instance at $DAGSTER_HOME as the UI's Terminate button does, and wait
    up to `wait_seconds` for them to end; the ids of the runs asked to stop. Runs queued before the stop stay
    queued, for the next start.

    Called by `callscript demo` and `serve` on Ctrl-C before they signal Dagster's processes: a run told to stop
    finishes or hands back the calls it holds and ends CANCELED, whereas one killed with its run worker ends
    FAILURE ("interrupted unexpectedly"), alerts as a failure and leaves its claims to the reaper. Sensors keep
    launching while Dagster runs (the lane checks answer the runs that end, the backlog sensor its ticks), and
    the queue keeps starting what they launch: every run created after the stop began is cancelled too,
    queued or already started, until the stopped runs have ended and none has appeared for `SETTLE_SECONDS`.
    What the queue still hands a code server that is shutting down goes back to the queue (`LocalRunLauncher`)."""
    import dagster as dg

    executing = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
    stop_began = datetime.now(UTC)
    deadline = time.monotonic() + wait_seconds
    cancelled: list[str] = []
    with dg.DagsterInstance.get() as instance:

        def cancel(runs_filter: dg.RunsFilter) -> None:
            for run in instance.get_runs(runs_filter):
                if run.run_id in cancelled:
                    continue  # asked once; it is ending
                cancelled.append(run.run_id)
                # A failure here (its code server gone, say) leaves the run to be stopped with the processes.
                try:
                    instance.run_coordinator.cancel_run(run.run_id)
                except Exception:
                    log.warning("could not cancel run %s", run.run_id, exc_info=True)

        cancel(dg.RunsFilter(statuses=executing))
        launched_since = dg.RunsFilter(
            statuses=[dg.DagsterRunStatus.QUEUED, *executing], created_after=stop_began
        )
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            cancel(launched_since)
            ending = dg.RunsFilter(run_ids=cancelled, statuses=[*executing, dg.DagsterRunStatus.CANCELING])
            if cancelled and instance.get_runs_count(ending):
                quiet_since = None  # runs still ending: sensors may answer them
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= SETTLE_SECONDS:
                break
            time.sleep(0.25)
    if cancelled:
        log.info("cancelled %d run(s) in flight: %s", len(cancelled), ", ".join(cancelled))
    return cancelled
