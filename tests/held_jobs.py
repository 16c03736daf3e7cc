"""A code location for tests/test_stopping_runs.py: jobs whose runs hold until a file appears (what a run still
working looks like to a code server told to shut down, or to a stop waiting for its cancelled runs)."""

import time
from pathlib import Path

import dagster as dg


def _wait_for(release: Path, *, through_interrupts: bool) -> None:
    release.with_suffix(".working").touch()  # the op itself is running (not only its run)
    deadline = time.monotonic() + 300
    while not release.exists() and time.monotonic() < deadline:
        try:
            time.sleep(0.2)
        except BaseException:  # Dagster's termination, delivered as an interrupt
            if not through_interrupts:
                raise


@dg.op(config_schema={"release_file": str})
def wait_for_release(context: dg.OpExecutionContext) -> None:
    _wait_for(Path(context.op_config["release_file"]), through_interrupts=False)


@dg.op(config_schema={"release_file": str})
def wait_for_release_through_a_cancel(context: dg.OpExecutionContext) -> None:
    """A run slow to stop: it finishes its work before it honours the cancel."""
    _wait_for(Path(context.op_config["release_file"]), through_interrupts=True)


@dg.job
def hold() -> None:
    wait_for_release()


@dg.job
def hold_through_a_cancel() -> None:
    wait_for_release_through_a_cancel()


defs = dg.Definitions(jobs=[hold, hold_through_a_cancel])
