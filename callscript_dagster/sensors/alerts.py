"""Slack alerts: every failed run of the deployment, and queue conditions of the system of record."""

from __future__ import annotations

from datetime import UTC, datetime

import dagster as dg

from callscript_dagster.alerts import (
    QueueThresholds,
    RunFailure,
    StepFailure,
    ingest_condition,
    load_alert_states,
    notifications_due,
    queue_conditions,
    run_failure_message,
    save_alert_state,
)
from callscript_dagster.error_reporting import sensor_errors_reported
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.slack import SlackResource
from callscript_dagster.run_tags import PARTITION_TAG, RANGE_END_TAG, RANGE_START_TAG


def build_run_failure_alert_sensor(*, ui_url: str) -> dg.SensorDefinition:
    """`ui_url`: the Dagster UI as operators reach it (CALLSCRIPT_UI_URL), for the link to the run."""

    @dg.run_failure_sensor(
        name="slack_on_run_failure",
        monitor_all_code_locations=True,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Posts every failed run of the deployment to Slack: its assets and partition, the failing "
        "step with its error (secrets scrubbed) and a link to the run.",
    )
    @sensor_errors_reported
    def slack_on_run_failure(context: dg.RunFailureSensorContext, slack: SlackResource) -> None:
        failure = describe_run_failure(context)
        delivery = slack.notifier().post(run_failure_message(failure, ui_url))
        context.log.info(f"run {failure.run_id} failure alert: {delivery.status} {delivery.detail}".rstrip())

    return slack_on_run_failure


def describe_run_failure(context: dg.RunFailureSensorContext) -> RunFailure:
    """What a failure message says about the run `context` reports."""
    run = context.dagster_run
    tags = run.tags
    partition = tags.get(PARTITION_TAG)
    if partition is None and RANGE_START_TAG in tags:
        start, end = tags[RANGE_START_TAG], tags.get(RANGE_END_TAG, tags[RANGE_START_TAG])
        partition = start if start == end else f"{start}..{end}"
    steps = []
    for event in context.get_step_failure_events():
        error = event.step_failure_data.error
        user = event.step_failure_data.user_failure_data
        message = (user.description if user and user.description else None) or (
            error.message if error else ""
        )
        steps.append(
            StepFailure(
                step=event.step_key or "?",
                error_class=error.cls_name if error and error.cls_name else "error",
                message=message or "",
            )
        )
    return RunFailure(
        run_id=run.run_id,
        job=run.job_name,
        assets=sorted(key.to_user_string() for key in run.asset_selection or _planned_assets(context)),
        partition=partition,
        steps=steps,
        run_message=context.failure_event.message or "",
    )


def _planned_assets(context: dg.RunFailureSensorContext) -> set[dg.AssetKey]:
    """The assets a run set out to materialize (for runs launched without an asset selection)."""
    records = context.instance.get_records_for_run(
        context.dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED
    ).records
    return {r.event_log_entry.dagster_event.asset_key for r in records if r.event_log_entry.dagster_event}


def build_queue_alert_sensor(
    thresholds: QueueThresholds, *, ingest: dg.AssetKey | None
) -> dg.SensorDefinition:
    """`thresholds` from settings; `ingest`: the key of the Ringba ingest asset when ingest is enabled (its
    materialization history says whether ingest succeeds)."""

    @dg.sensor(
        name="queue_alerts",
        minimum_interval_seconds=60,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Tells Slack once when a queue condition starts and once when it clears: "
        + thresholds.describe(),
    )
    @sensor_errors_reported
    def queue_alerts(context: dg.SensorEvaluationContext, database: DatabaseResource, slack: SlackResource):
        now = datetime.now(UTC)
        pool = database.pool()
        with pool.connection() as conn:
            firing = queue_conditions(conn, thresholds)
            states = load_alert_states(conn)
        if ingest is not None:
            stalled = ingest_condition(
                now=now, stale=thresholds.ingest_stale, **ingest_attempts(context.instance, ingest)
            )
            firing += [stalled] if stalled else []
        notifier = slack.notifier()
        sent = []
        for notification in notifications_due(firing, states, now, thresholds.reminder):
            delivery = notifier.post(notification.text)
            if delivery.settled:  # delivered, or undeliverable for good: remembered either way
                with pool.connection() as conn:
                    save_alert_state(conn, notification, now)
                sent.append(f"{notification.kind} {notification.key} ({delivery.status})")
            else:  # a transient failure outlasted the retries: the next tick tries this message again
                context.log.warning(
                    f"{notification.kind} {notification.key} not delivered: {delivery.detail}"
                )
        firing_keys = ", ".join(c.key for c in firing) or "none"
        return dg.SkipReason(f"firing: {firing_keys}; messages: {'; '.join(sent) or 'none'}")

    return queue_alerts


def ingest_attempts(instance: dg.DagsterInstance, key: dg.AssetKey) -> dict[str, datetime | None]:
    """When Ringba ingest last succeeded (its latest materialization), and the first attempt after that (a
    planned materialization: a run that set out to ingest)."""
    done = instance.fetch_materializations(key, limit=1).records
    last_success = done[0] if done else None
    since = dg.AssetRecordsFilter(
        asset_key=key, after_storage_id=last_success.storage_id if last_success else None
    )
    attempts = instance.fetch_planned_materializations(since, limit=1, ascending=True).records
    return {
        "last_success": _moment(last_success.timestamp) if last_success else None,
        "first_attempt_since": _moment(attempts[0].timestamp) if attempts else None,
    }


def _moment(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)
