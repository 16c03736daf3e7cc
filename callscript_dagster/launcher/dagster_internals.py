"""The only place CallScript imports Dagster internals: what a run launcher is made of.

A custom run launcher has no public API in Dagster 1.13: `RunLauncher`, `ConfigurableClass` (how dagster.yaml
instantiates it), `LaunchRunContext`, `WorkerStatus`/`CheckRunHealthResult` (run monitoring) and
`EngineEventData` (metadata on an engine event), `ExecuteRunArgs` (the run worker's command line, exactly what
Dagster's own Docker/K8s launchers run) and the two errors a launch fails with (`DagsterLaunchFailedError`, and
`DagsterUserCodeUnreachableError`, which the run queue retries) live in private modules. They are wrapped once
here so an upgrade that moves them breaks one file.
"""

from __future__ import annotations

from collections.abc import Sequence

from dagster._core.errors import DagsterLaunchFailedError, DagsterUserCodeUnreachableError
from dagster._core.events import EngineEventData
from dagster._core.launcher.base import (
    CheckRunHealthResult,
    LaunchRunContext,
    RunLauncher,
    WorkerStatus,
)
from dagster._grpc.types import ExecuteRunArgs
from dagster._serdes import ConfigurableClass, ConfigurableClassData

__all__ = [
    "CheckRunHealthResult",
    "ConfigurableClass",
    "ConfigurableClassData",
    "DagsterLaunchFailedError",
    "DagsterUserCodeUnreachableError",
    "EngineEventData",
    "LaunchRunContext",
    "RunLauncher",
    "WorkerStatus",
    "run_worker_command",
    "SERVER_SHUTTING_DOWN",
]

# How a code server that has been told to shut down (and waits for its last runs) refuses a new run: the message
# of its StartRun reply (dagster/_grpc/server.py), which the default launcher raises as DagsterLaunchFailedError.
SERVER_SHUTTING_DOWN = "after telling it to shut down"


def run_worker_command(context: LaunchRunContext, instance) -> Sequence[str]:
    """`dagster api execute_run …` for the run of `context`, against `instance` (its storage config travels as
    the instance's ref: env-var references, not values)."""
    return ExecuteRunArgs(
        job_origin=context.job_code_origin,
        run_id=context.dagster_run.run_id,
        instance_ref=instance.get_ref(),
        set_exit_code_on_failure=True,
    ).get_command_args()
