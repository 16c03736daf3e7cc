"""The run tags that say which lanes and days a run works on, and what sensors need to know about such runs.

Every run of a lane asset carries `callscript/lane/<lane>: <day or range>` however it was launched: sensors put
the tags on their run requests, and `LaneRunCoordinator` (dagster.yaml) adds them to runs launched from the UI,
a backfill or the CLI. The run queue allows one run per lane and day at a time on those tags (dagster.yaml's
tag concurrency limits), and the sensors skip lane-days that already have a run in progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import dagster as dg

from callscript_dagster.calls.lanes import Lane

LANE_TAG_PREFIX = "callscript/lane/"
# Dagster's own tags for the partition (or partition range of a single-run backfill) a run covers.
PARTITION_TAG = "dagster/partition"
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
# What a lane asset is called; the assets are built with these names (checked by the definitions tests).
LANE_ASSET_NAMES: dict[Lane, str] = {
    Lane.INGEST: "ringba_calls",
    Lane.VAULT: "vaulted_audio",
    Lane.FACTORY: "transcripts",
    Lane.JUDGE: "judgments",
}
_LANE_OF_ASSET = {name: lane for lane, name in LANE_ASSET_NAMES.items()}
# Dagster's run statuses of a run that is queued or running (the public enum; its own list is private).
IN_PROGRESS_STATUSES = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


def lane_tag(lane: Lane) -> str:
    return f"{LANE_TAG_PREFIX}{lane}"


def lane_partition_tags(lanes: Iterable[Lane], partition_key: str) -> dict[str, str]:
    """Tags of a run of `lanes` for one day."""
    return {lane_tag(lane): partition_key for lane in lanes}


def lane_tags_for_run(asset_keys: Iterable[dg.AssetKey], tags: Mapping[str, str]) -> dict[str, str]:
    """The lane tags a run of `asset_keys` with Dagster's partition `tags` should carry (empty when the run
    materializes no lane asset or no partition)."""
    if PARTITION_TAG in tags:
        covered = tags[PARTITION_TAG]
    elif RANGE_START_TAG in tags and RANGE_END_TAG in tags:
        covered = f"{tags[RANGE_START_TAG]}...{tags[RANGE_END_TAG]}"
    else:
        return {}
    lanes = [
        _LANE_OF_ASSET[key.to_user_string()] for key in asset_keys if key.to_user_string() in _LANE_OF_ASSET
    ]
    return {lane_tag(lane): covered for lane in lanes}


class RunsInProgress:
    """The lane-days that queued or running runs work on, read once (per sensor tick, say):
    `(Lane.VAULT, "2026-11-20") in RunsInProgress(instance)`; a day inside a running range counts."""

    def __init__(self, instance: dg.DagsterInstance) -> None:
        records = instance.get_run_records(filters=dg.RunsFilter(statuses=IN_PROGRESS_STATUSES))
        self.run_ids = [record.dagster_run.run_id for record in records]
        self._tags = [record.dagster_run.tags for record in records]

    def __contains__(self, lane_day: tuple[Lane, str]) -> bool:
        lane, day = lane_day
        key = lane_tag(lane)
        return any(key in tags and _covers(tags[key], day) for tags in self._tags)


def lane_days(tags: Mapping[str, str]) -> list[tuple[Lane, date]]:
    """The (lane, day) pairs a run with these tags works on, every day of a range included."""
    pairs = []
    for lane in Lane:
        value = tags.get(lane_tag(lane))
        if not value:
            continue
        start, _, end = value.partition("...")
        day, last = date.fromisoformat(start), date.fromisoformat(end or start)
        while day <= last:
            pairs.append((lane, day))
            day += timedelta(days=1)
    return pairs


def _covers(value: str, day: str) -> bool:
    start, _, end = value.partition("...")
    return start <= day <= (end or start)


# --- where a run's worker runs (the RunPod launcher routes on these) -----------------------------------------
# A run with the Factory lane needs a GPU worker; with RunPod switched on it runs on a pod of its own.
COMPUTE_TAG = "callscript/compute"
GPU = "gpu"
POD_TAG = "callscript/runpod/pod"  # the pod a run's worker runs on
GPU_TYPE_TAG = "callscript/runpod/gpu"  # the GPU type RunPod gave it


def compute_tags_for_run(lane_tags: Mapping[str, str]) -> dict[str, str]:
    """`{callscript/compute: gpu}` for a run whose lane tags include the Factory lane, else nothing."""
    return {COMPUTE_TAG: GPU} if lane_tag(Lane.FACTORY) in lane_tags else {}


def needs_gpu(tags: Mapping[str, str]) -> bool:
    """Whether a run with these tags wants a GPU worker."""
    return tags.get(COMPUTE_TAG) == GPU or lane_tag(Lane.FACTORY) in tags
