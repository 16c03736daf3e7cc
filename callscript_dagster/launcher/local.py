"""The run launcher for runs on this machine (dagster.yaml `run_launcher`; the RunPod launcher wraps it for the
runs that are not GPU work)."""

from __future__ import annotations

import dagster as dg

from callscript_dagster.launcher.dagster_internals import (
    SERVER_SHUTTING_DOWN,
    DagsterLaunchFailedError,
    DagsterUserCodeUnreachableError,
    LaunchRunContext,
)


class LocalRunLauncher(dg.DefaultRunLauncher):
    """Dagster's default launcher (the run's code server starts its run worker), except for a code server that
    is shutting down.

    When Dagster stops (Ctrl-C on `callscript demo`, `supervisorctl restart`), each code server refuses new runs
    while its last runs finish, and the run queue may hand it one in that moment: one a sensor queued when the
    runs being stopped ended. The default launcher raises that refusal as a launch failure, which the queue
    treats as unrecoverable: the run is marked FAILURE, though nothing ran, and alerts as a failed run. Raised as
    an unreachable code server instead, the queue puts the run back (dagster.yaml
    `max_user_code_failure_retries`), and the next start launches it."""

    def launch_run(self, context: LaunchRunContext) -> None:
        try:
            super().launch_run(context)
        except DagsterLaunchFailedError as exc:
            if SERVER_SHUTTING_DOWN not in str(exc):
                raise
            raise DagsterUserCodeUnreachableError(
                f"the code server is shutting down; run {context.dagster_run.run_id} goes back to the queue"
            ) from exc
