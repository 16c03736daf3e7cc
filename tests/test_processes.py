"""Supervised child processes: started with default signal handlers, stopped with everything they started,
within a bounded time, even when they ignore SIGTERM or left the process group. Real processes, no mocks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from callscript_dagster.processes import ProcessGroup

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and uses POSIX sessions")

# The requirement: whatever the children do, a stop is over within this.
STOP_BOUND_SECONDS = 20

IGNORES_SIGTERM = textwrap.dedent(
    """
    import signal, time
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print("ready", flush=True)
    time.sleep(600)
    """
)

# A child that starts a grandchild in a session of its own (as daemons and some servers do), reports the
# grandchild's pid, then waits for a line on stdin before exiting (or dies on SIGTERM, the default).
STARTS_ESCAPED_GRANDCHILD = textwrap.dedent(
    f"""
    import subprocess, sys
    grandchild = subprocess.Popen(
        [sys.executable, "-c", {IGNORES_SIGTERM!r}], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert grandchild.stdout.readline().strip() == "ready"
    print(grandchild.pid, flush=True)
    sys.stdin.readline()
    """
)


def is_gone(pid: int) -> bool:
    """No such process, or only a zombie left for its parent (or init) to reap."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def signal_mask(pid: int, field: str) -> int:
    """A signal bitmask (SigIgn, SigBlk, ...) of a process, from /proc/PID/status."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1], 16)
    raise AssertionError(f"{field} not in /proc/{pid}/status")


def test_a_child_that_ignores_sigterm_is_killed_once_the_grace_is_over() -> None:
    group = ProcessGroup(
        [sys.executable, "-c", IGNORES_SIGTERM], stop_grace_seconds=1, stdout=subprocess.PIPE, text=True
    )
    assert group.process.stdout.readline().strip() == "ready"

    started = time.monotonic()
    group.stop()

    assert is_gone(group.pid)
    assert group.returncode == -signal.SIGKILL
    assert time.monotonic() - started < STOP_BOUND_SECONDS


def test_a_grandchild_that_left_the_group_with_setsid_is_killed_too() -> None:
    group = ProcessGroup(
        [sys.executable, "-c", STARTS_ESCAPED_GRANDCHILD],
        stop_grace_seconds=1,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    grandchild = int(group.process.stdout.readline())
    try:
        assert os.getsid(grandchild) != os.getsid(group.pid)  # out of reach of a signal to the group

        started = time.monotonic()
        group.stop()

        assert is_gone(grandchild)
        assert time.monotonic() - started < STOP_BOUND_SECONDS
    finally:
        if not is_gone(grandchild):
            os.kill(grandchild, signal.SIGKILL)


def test_what_a_child_left_behind_is_killed_even_after_the_child_exited() -> None:
    """A crashed leader (say, `dagster dev`) orphans its servers; stopping the group still finds them."""
    group = ProcessGroup(
        [sys.executable, "-c", STARTS_ESCAPED_GRANDCHILD],
        stop_grace_seconds=1,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    grandchild = int(group.process.stdout.readline())
    try:
        assert group.poll() is None
        group.process.stdin.write("exit\n")
        group.process.stdin.flush()
        deadline = time.monotonic() + 60
        while group.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert group.returncode == 0
        assert not is_gone(grandchild)  # orphaned, still running

        group.stop()

        assert is_gone(grandchild)
    finally:
        if not is_gone(grandchild):
            os.kill(grandchild, signal.SIGKILL)


def test_children_get_default_signal_handlers_whatever_this_process_inherited() -> None:
    """A background job, nohup or CI starts us with SIGINT ignored; a child must not inherit that (Dagster
    then maps SIGTERM to the same 'ignore' and never stops)."""
    stop_signals = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    inherited = {sig: signal.signal(sig, signal.SIG_IGN) for sig in stop_signals}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    try:
        group = ProcessGroup(["sleep", "600"], stop_grace_seconds=1)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        for sig, handler in inherited.items():
            signal.signal(sig, handler)
    try:
        bits = sum(1 << (sig - 1) for sig in stop_signals)
        assert signal_mask(group.pid, "SigIgn") & bits == 0
        assert signal_mask(group.pid, "SigBlk") & bits == 0
        assert os.getsid(group.pid) == group.pid  # leader of a session (and process group) of its own
    finally:
        group.stop()
    assert group.returncode == -signal.SIGTERM  # the default action, not "ignored"
