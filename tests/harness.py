"""Building and materializing CallScript's real assets against test resources (real Postgres, simulators over
HTTP, a temporary vault)."""

from __future__ import annotations

import socket
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import dagster as dg
import httpx

from callscript_dagster.assets.judgments import build_judgments
from callscript_dagster.assets.ringba_calls import build_ringba_calls
from callscript_dagster.assets.transcripts import build_transcripts
from callscript_dagster.assets.vaulted_audio import build_vaulted_audio
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.policy import Policy, load_policy
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.judge import JudgeResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.settings import Settings

# End-to-end tests check how calls flow through Dagster, not what Whisper heard: greedy decoding is faster on
# CPU. What beam search hears is tested on the shipped recordings with the default (test_transcription,
# test_judge_lane) and measured by `callscript eval`.
FLOW_ONLY_ENV = {"CALLSCRIPT_WHISPER_BEAM_SIZE": "1"}


def lane_assets(timezone: str = "UTC", policy: Policy | None = None) -> dict[str, dg.AssetsDefinition]:
    """The four lane assets as the definitions build them, for partitions in `timezone`."""
    partitions = daily_partitions(Settings(CALLSCRIPT_TIMEZONE=timezone))
    ringba_calls = build_ringba_calls(partitions)
    vaulted_audio = build_vaulted_audio(partitions, ringba_calls)
    transcripts = build_transcripts(partitions, vaulted_audio, TranscriberResource().work_version)
    return {
        "ringba_calls": ringba_calls,
        "vaulted_audio": vaulted_audio,
        "transcripts": transcripts,
        "judgments": build_judgments(partitions, transcripts, policy or load_policy()),
    }


# The simulators serve recordings from 127.0.0.1.
LOOPBACK_VAULT = VaultResource(recording_hosts=["127.0.0.1"], allow_private_addresses=True)


def lane_resources(
    db_url: str,
    ringba_url: str | None = None,
    vault_root: Path | None = None,
    *,
    token: str = "test-token",
    page_size: int = 1000,
    max_rps: float = 4.0,
    judge: JudgeResource | None = None,
    vault: VaultResource = LOOPBACK_VAULT,
    claim_timeout_seconds: int = 300,
) -> dict[str, Any]:
    """Resources of a test deployment: the test's database, the Ringba simulator at `ringba_url`, a vault under
    `vault_root`, the bundled Whisper model, and rules-only judging unless a test brings an LLM. Retries back
    off by zero seconds: tests check what is retried, not how long it waits."""
    database = DatabaseResource(url=db_url, claim_timeout_seconds=claim_timeout_seconds, retry_wait_seconds=0)
    root = vault_root or Path(tempfile.mkdtemp(prefix="callscript-vault-"))
    return {
        "database": database,
        "ringba": RingbaResource(
            account_id="RA_test",
            api_token=token,
            base_url=ringba_url or "http://127.0.0.1:9",
            max_requests_per_second=max_rps,
            page_size=page_size,
            timeout_seconds=10,
            retry_wait_seconds=0,
            database=database,
        ),
        "storage": StorageResource(default_root=str(root)),
        "vault": vault,
        "transcriber": TranscriberResource(device="cpu"),  # the bundled tiny.en, int8
        "judge": judge or JudgeResource(model=""),  # rules-only unless a test brings the OpenAI simulator
    }


def materialize(
    instance: dg.DagsterInstance,
    resources: dict[str, Any],
    partition: str,
    *names: str,
    timezone: str = "UTC",
    policy: Policy | None = None,
) -> dg.ExecuteInProcessResult:
    """Materialize the named lane assets (in order, one run) for `partition`; failures are returned, not raised."""
    assets = lane_assets(timezone, policy)
    return dg.materialize(
        list(assets.values()),
        selection=list(names),
        partition_key=partition,
        instance=instance,
        resources=resources,
        raise_on_error=False,
    )


def materialization_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, Any]:
    [materialization] = result.asset_materializations_for_node(asset)
    return {k: v.value for k, v in materialization.metadata.items()}


def failure_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, Any]:
    """Metadata of the dg.Failure a lane raised after committing its progress."""
    for event in result.all_events:
        if event.is_step_failure and event.step_key == asset:
            data = event.step_failure_data
            return {k: v.value for k, v in (data.user_failure_data.metadata or {}).items()}
    raise AssertionError(f"{asset} did not fail")


def evaluate_run_failure_sensor(
    sensor: dg.RunFailureSensorDefinition,
    instance: dg.DagsterInstance,
    result: dg.ExecuteInProcessResult,
    resources: dict[str, Any],
) -> None:
    """Evaluate a run-failure sensor as the daemon does for the failed run `result`."""
    run = instance.get_run_by_id(result.run_id)
    failure = next(e for e in result.all_events if e.event_type == dg.DagsterEventType.RUN_FAILURE)
    with dg.build_run_status_sensor_context(
        sensor_name=sensor.name,
        dagster_instance=instance,
        dagster_run=run,
        dagster_event=failure,
        resources=resources,
    ) as context:
        sensor(context.for_run_failure())


class Polled(Protocol):
    def poll(self) -> int | None: ...


def wait_for(
    condition: Callable[[], Any],
    timeout: float,
    what: str,
    process: Polled,
    describe: Callable[[], str] = lambda: "",
) -> Any:
    """Poll `condition` every 2 s until it is truthy (its value is returned), failing at once if `process` (a
    deployment under test) exits, and after `timeout` seconds; `describe` adds context (a log tail) to either
    failure. A condition that cannot be evaluated yet (server not up, field not there yet) counts as not met."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the deployment exited while waiting for {what}\n{describe()}")
        try:
            value = condition()
        except (httpx.HTTPError, KeyError, TypeError):
            value = None
        if value:
            return value
        time.sleep(2)
    raise AssertionError(f"timed out waiting for {what}\n{describe()}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
