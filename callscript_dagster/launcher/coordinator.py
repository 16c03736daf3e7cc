"""The run queue of CallScript (dagster.yaml `run_coordinator`)."""

from __future__ import annotations

import dagster as dg

from callscript_dagster.run_tags import compute_tags_for_run, lane_tags_for_run


class LaneRunCoordinator(dg.QueuedRunCoordinator):
    """Dagster's queued run coordinator that first tags every run of a lane asset with the lanes and days it
    works on (`callscript/lane/<lane>`), whichever way it was launched — a sensor, the UI, a backfill, the CLI —
    so that the queue's "one run per lane and day" limit and the sensors' "already running" check hold for all
    of them. Configured exactly like `QueuedRunCoordinator`."""

    def submit_run(self, context):  # context: dagster's SubmitRunContext
        run = context.dagster_run
        tags = lane_tags_for_run(run.asset_selection or (), run.tags)
        tags |= compute_tags_for_run({**run.tags, **tags})  # which launcher runs it (RunPod for GPU work)
        missing = {key: value for key, value in tags.items() if run.tags.get(key) != value}
        if missing:
            # stored before the run is enqueued: the queue daemon reads the tags from the run storage
            self._instance.add_run_tags(run.run_id, missing)
        return super().submit_run(context)
