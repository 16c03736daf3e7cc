"""Calls are partitioned by the day of their Ringba call time in the business timezone."""

from __future__ import annotations

from datetime import date, timedelta

import dagster as dg

from callscript_dagster.settings import Settings


def daily_partitions(settings: Settings) -> dg.DailyPartitionsDefinition:
    """One partition per business day; today's partition exists already (end_offset=1) so near-real-time work
    lands in it as calls arrive."""
    return dg.DailyPartitionsDefinition(
        start_date=settings.partitions_start.isoformat(),
        timezone=settings.timezone,
        end_offset=1,
    )


def partition_days(context: dg.AssetExecutionContext) -> list[date]:
    """The days this run covers: one for a plain partition run, several for a single-run backfill."""
    window = context.partition_time_window
    days, day = [], window.start.date()
    while day < window.end.date() or not days:
        days.append(day)
        day += timedelta(days=1)
    return days
