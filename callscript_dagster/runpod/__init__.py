"""RunPod: the REST v2 client the GPU run launcher uses, and the entrypoint of its pods."""

from callscript_dagster.runpod.client import (
    NoCapacityError,
    Pod,
    PodSpec,
    RunPodClient,
    RunPodConfigurationError,
)

__all__ = ["NoCapacityError", "Pod", "PodSpec", "RunPodClient", "RunPodConfigurationError"]
