"""What sensors need to know about runs already asked for."""

from __future__ import annotations

import dagster as dg
from dagster._core.storage.dagster_run import IN_PROGRESS_RUN_STATUSES

LANE_PARTITION_TAG = "callscript/lane-partition"


def lane_partition_tag(lane: str, partition_key: str) -> dict[str, str]:
    """Tag that identifies "lane X of day D" runs; the run queue allows one at a time per value."""
    return {LANE_PARTITION_TAG: f"{lane}:{partition_key}"}


def has_run_in_progress(instance: dg.DagsterInstance, lane: str, partition_key: str) -> bool:
    runs = instance.get_run_records(
        filters=dg.RunsFilter(
            tags=lane_partition_tag(lane, partition_key), statuses=IN_PROGRESS_RUN_STATUSES
        ),
        limit=1,
    )
    return bool(runs)
