"""The entrypoint of CallScript's RunPod image: run the command, then delete this pod, whatever the exit code.

    python -m callscript_dagster.runpod.pod dagster api execute_run '{…}'

RunPod keeps a pod whose command ended (and restarts its container, billing on), so the pod deletes itself.
Before the command starts it asks RunPod what this pod is — GPU type and hourly price — and hands both to the
run worker as CALLSCRIPT_GPU_TYPE and CALLSCRIPT_GPU_COST_PER_HOUR, so each transcript records its real cost.
RunPod injects RUNPOD_POD_ID and a pod-scoped RUNPOD_API_KEY; the launcher adds RUNPOD_API_URL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime

from callscript_dagster.runpod.client import DEFAULT_API_URL, RunPodClient


def _client() -> RunPodClient | None:
    if not (os.environ.get("RUNPOD_POD_ID") and os.environ.get("RUNPOD_API_KEY")):
        return None
    return RunPodClient(
        os.environ["RUNPOD_API_KEY"], base_url=os.environ.get("RUNPOD_API_URL", DEFAULT_API_URL), attempts=8
    )


def _log(message: str) -> None:
    print(f"[callscript pod] {message}", file=sys.stderr, flush=True)


def what_this_pod_is(client: RunPodClient, pod_id: str) -> dict[str, str]:
    """GPU type, price and start time of this pod for the run worker (empty if RunPod cannot say)."""
    try:
        pod = client.get_pod(pod_id)
    except Exception as exc:  # noqa: BLE001 - a missing price must not stop the run
        _log(f"could not read this pod's GPU type and price: {type(exc).__name__}")
        return {}
    # pod seconds count from when RunPod created the pod (placement and image pull are billed too)
    started = (
        datetime.fromisoformat(pod.created_at.replace("Z", "+00:00")).timestamp()
        if pod and pod.created_at
        else time.time()
    )
    env = {"CALLSCRIPT_POD_STARTED_AT": str(started)}
    if pod and pod.gpu_type:
        env["CALLSCRIPT_GPU_TYPE"] = pod.gpu_type
    if pod and pod.cost_per_hour is not None:
        env["CALLSCRIPT_GPU_COST_PER_HOUR"] = str(pod.cost_per_hour)
    return env


def main(argv: list[str]) -> int:
    if not argv:
        _log("usage: python -m callscript_dagster.runpod.pod COMMAND [ARGS…]")
        return 2
    client = _client()
    pod_id = os.environ.get("RUNPOD_POD_ID", "")
    env = {**os.environ, **(what_this_pod_is(client, pod_id) if client else {})}
    try:
        child = subprocess.Popen(argv, env=env)
    except OSError as exc:  # a command that cannot start still must not leave its pod behind
        _log(f"cannot start {argv[0]!r}: {exc}")
        code = 127
    else:
        # RunPod stops a container with SIGTERM: pass it on, so the run worker can record its interruption.
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda signum, _frame: child.send_signal(signum))
        code = child.wait()
    _log(f"command exited with {code}; deleting pod {pod_id or '(unknown)'}")
    if client is not None:
        try:
            client.delete_pod(pod_id)  # "not found" counts as deleted
        except Exception as exc:  # noqa: BLE001 - the reaper sensor deletes what we could not
            _log(f"could not delete this pod ({type(exc).__name__}: {exc}); the pod reaper will")
        finally:
            client.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
