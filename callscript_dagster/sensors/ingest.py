"""Near-real-time ingest: today's partition, every minute."""

from datetime import datetime, timedelta

import dagster as dg

from callscript_dagster.sensors.runs import has_run_in_progress, lane_partition_tag
from callscript_dagster.settings import get_settings


def build_ingest_sensor(
    ringba_calls: dg.AssetsDefinition, partitions: dg.DailyPartitionsDefinition
) -> dg.SensorDefinition:
    @dg.sensor(
        name="ringba_ingest_today",
        target=ringba_calls,
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Ingests today's partition from Ringba every minute; after midnight, gives yesterday one "
        "closing pass so late-logged calls are not missed.",
    )
    def ringba_ingest_today(context: dg.SensorEvaluationContext):
        if not get_settings().ringba_account_id:
            return dg.SkipReason("RINGBA_ACCOUNT_ID is not set: nothing to ingest from")
        now = datetime.now(partitions.timezone and _tz(partitions.timezone))
        today = now.strftime("%Y-%m-%d")
        keys = [today]
        if context.cursor and context.cursor != today:
            keys.insert(0, (now - timedelta(days=1)).strftime("%Y-%m-%d"))
        requests = [
            dg.RunRequest(
                partition_key=key,
                run_key=f"ingest:{key}:{now:%Y%m%dT%H%M}",
                tags=lane_partition_tag("ingest", key),
            )
            for key in keys
            if not has_run_in_progress(context.instance, "ingest", key)
        ]
        context.update_cursor(today)
        return requests or dg.SkipReason(f"ingest of {today} is still running")

    return ringba_ingest_today


def _tz(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
