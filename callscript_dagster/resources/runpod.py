"""RunPod's pod API as a Dagster resource, for the pod reaper sensor (the launcher has its own from dagster.yaml)."""

from __future__ import annotations

import dagster as dg

from callscript_dagster.runpod.client import DEFAULT_API_URL, RunPodClient


class RunPodResource(dg.ConfigurableResource):
    """The account's pods. `api_key` comes as `dg.EnvVar("RUNPOD_API_KEY")`; empty: RunPod is not in use."""

    api_key: str = ""
    api_url: str = DEFAULT_API_URL
    max_pod_age_seconds: int = (
        6 * 3600
    )  # a pod of ours older than this is deleted even if its run looks alive
    # A pod still up whose run ended this recently is left to delete itself (its entrypoint does, once the run
    # worker has exited); an exited or failed pod will not, and is deleted at once.
    self_delete_grace_seconds: int = 120

    @property
    def enabled(self) -> bool:
        return bool(self.api_key)

    def client(self) -> RunPodClient:
        return RunPodClient(self.api_key, base_url=self.api_url)
