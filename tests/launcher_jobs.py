"""A code location for tests/test_run_launcher.py: one job whose run holds its code server open until a file
appears (what a run still working looks like to a code server told to shut down)."""

import time
from pathlib import Path

import dagster as dg


@dg.op(config_schema={"release_file": str})
def wait_for_release(context: dg.OpExecutionContext) -> None:
    release, deadline = Path(context.op_config["release_file"]), time.monotonic() + 300
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.2)


@dg.job
def hold() -> None:
    wait_for_release()


defs = dg.Definitions(jobs=[hold])
