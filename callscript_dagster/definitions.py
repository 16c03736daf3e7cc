"""The Definitions of CallScript's code location, built from settings read once.

`defs` (what `dagster dev -m callscript_dagster.definitions` and workspace.yaml load) builds them from the
environment when Dagster asks, not at import. Tests call `build_definitions(Settings(...))` with explicit
settings. Secrets reach resources as `dg.EnvVar`s, so the UI and run config show variable names, never values.
"""

from __future__ import annotations

from datetime import timedelta

import dagster as dg

from callscript_dagster.alerts import QueueThresholds
from callscript_dagster.assets.judgments import build_judgments
from callscript_dagster.assets.lane_checks import build_lane_checks
from callscript_dagster.assets.ringba_calls import build_ringba_calls
from callscript_dagster.assets.transcripts import build_transcripts
from callscript_dagster.assets.vaulted_audio import build_vaulted_audio
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.error_reporting import init_error_reporting
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.policy import load_policy
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.judge import JudgeResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.resources.runpod import RunPodResource
from callscript_dagster.resources.slack import SlackResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.sensors.alerts import build_queue_alert_sensor, build_run_failure_alert_sensor
from callscript_dagster.sensors.backlog import build_lane_sensor
from callscript_dagster.sensors.checks import build_lane_checks_sensor
from callscript_dagster.sensors.ingest import build_ingest_sensor
from callscript_dagster.sensors.reaper import claims_reaper
from callscript_dagster.sensors.runpod_reaper import runpod_pod_reaper
from callscript_dagster.settings import Settings, get_settings


def _secret(settings: Settings, field: str) -> dg.EnvVar | None:
    name = settings.secret_variable(field)
    return dg.EnvVar(name) if name else None


def build_resources(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    """Every resource of the code location, configured from `settings`."""
    database = DatabaseResource(
        url=_secret(settings, "database_url"),
        embedded_home=str(settings.home_dir),
        claim_timeout_seconds=settings.claim_timeout_seconds,
    )
    return {
        "database": database,
        "ringba": RingbaResource(
            account_id=settings.ringba_account_id,
            api_token=_secret(settings, "ringba_api_token") or "",
            base_url=settings.ringba_base_url,
            max_requests_per_second=settings.ringba_max_rps,
            late_log_overlap_seconds=settings.ingest_overlap_seconds,
            page_size=settings.ringba_page_size,
            timeout_seconds=settings.http_timeout_seconds,
            database=database,
        ),
        "storage": StorageResource(
            url=settings.storage_url,
            default_root=str(settings.home_dir / "audio"),
            s3_endpoint_url=settings.s3_endpoint_url,
            s3_region=settings.s3_region,
            s3_access_key_id=_secret(settings, "s3_access_key_id"),
            s3_secret_access_key=_secret(settings, "s3_secret_access_key"),
        ),
        "vault": VaultResource(
            recording_hosts=settings.recording_host_patterns,
            allow_private_addresses=settings.recording_allow_private_addresses,
            max_recording_bytes=settings.max_recording_bytes,
            download_timeout_seconds=settings.download_timeout_seconds,
            http_timeout_seconds=settings.http_timeout_seconds,
            concurrency=settings.vault_concurrency,
        ),
        "transcriber": TranscriberResource(
            model=settings.whisper_model,
            device=settings.whisper_device,
            compute_type=settings.whisper_compute_type,
            batch_size=settings.whisper_batch_size,
            beam_size=settings.whisper_beam_size,
            cpu_threads=settings.whisper_cpu_threads,
            agent_channel=settings.agent_channel,
            diarization_pipeline=str(settings.diarization_pipeline)
            if settings.diarization_pipeline
            else None,
            gpu_cost_per_hour=settings.gpu_cost_per_hour,
            gpu_type=settings.gpu_type,
            pod_started_at=settings.pod_started_at,
        ),
        "judge": JudgeResource(
            model=settings.judge_model,
            base_url=settings.openai_base_url,
            api_key=_secret(settings, "openai_api_key"),
            min_confidence=settings.judge_min_confidence,
            input_usd_per_mtok=settings.judge_input_usd_per_mtok,
            output_usd_per_mtok=settings.judge_output_usd_per_mtok,
            concurrency=settings.judge_concurrency,
        ),
        "slack": build_slack_resource(settings),
        "runpod": build_runpod_resource(settings),
    }


def build_runpod_resource(settings: Settings) -> RunPodResource:
    """RunPod's pod API for the pod reaper; empty (reaper idle) unless RunPod is switched on."""
    if not settings.runpod_enabled:
        return RunPodResource()
    return RunPodResource(
        api_key=_secret(settings, "runpod_api_key"),
        api_url=settings.runpod_api_url,
        max_pod_age_seconds=settings.runpod_max_pod_age_seconds,
    )


def realtime_lanes(settings: Settings) -> list[Lane]:
    """The lanes the near-real-time run carries new calls through. With RunPod on it stops before the Factory
    lane: a run with it would go to a GPU pod whole, ingest included; the lane sensor's Factory runs go there."""
    lanes = [Lane(lane) for lane in settings.split_list(settings.realtime_lanes)]
    if settings.runpod_enabled and Lane.FACTORY in lanes:
        lanes = lanes[: lanes.index(Lane.FACTORY)]
    return lanes


def build_slack_resource(settings: Settings) -> SlackResource:
    """Where alerts go: an Incoming Webhook, or a bot token and a channel (secrets as `dg.EnvVar`s)."""
    return SlackResource(
        webhook_url=_secret(settings, "slack_webhook_url"),
        bot_token=_secret(settings, "slack_bot_token"),
        channel=settings.slack_channel,
        api_url=settings.slack_api_url,
    )


def build_alerting(
    settings: Settings, lane_assets: dict[Lane, dg.AssetsDefinition]
) -> tuple[list[dg.AssetChecksDefinition], list[dg.SensorDefinition]]:
    """The lane assets' checks, and the sensors that alert on Slack and keep the checks current."""
    thresholds = QueueThresholds(
        backlog=settings.alert_backlog_threshold,
        in_flight=timedelta(minutes=settings.alert_in_flight_minutes),
        failure_rate=settings.alert_failure_rate,
        failure_rate_min_calls=settings.alert_failure_rate_min_calls,
        ingest_stale=timedelta(minutes=settings.alert_ingest_stale_minutes),
        reminder=timedelta(minutes=settings.alert_reminder_minutes),
    )
    rate = settings.check_max_permanent_failure_rate
    ingest = lane_assets[Lane.INGEST].key if settings.ringba_account_id else None
    return build_lane_checks(lane_assets, max_permanent_failure_rate=rate), [
        build_run_failure_alert_sensor(ui_url=settings.ui_url),
        build_queue_alert_sensor(thresholds, ingest=ingest),
        build_lane_checks_sensor(lane_assets),
    ]


def build_definitions(settings: Settings) -> dg.Definitions:
    """The assets, sensors and resources of CallScript for `settings`."""
    init_error_reporting(settings.secret_value("sentry_dsn"), environment=settings.deployment)
    resources = build_resources(settings)
    partitions = daily_partitions(settings)
    ringba_calls = build_ringba_calls(partitions)
    vaulted_audio = build_vaulted_audio(partitions, ringba_calls)
    transcripts = build_transcripts(partitions, vaulted_audio, resources["transcriber"].work_version)
    judgments = build_judgments(partitions, transcripts, load_policy(settings.policy_path))
    lanes = {
        Lane.INGEST: ringba_calls,
        Lane.VAULT: vaulted_audio,
        Lane.FACTORY: transcripts,
        Lane.JUDGE: judgments,
    }
    asset_checks, alert_sensors = build_alerting(settings, lanes)
    return dg.Definitions(
        assets=[ringba_calls, vaulted_audio, transcripts, judgments],
        asset_checks=asset_checks,
        sensors=[
            build_ingest_sensor(
                lanes,
                partitions,
                enabled=bool(settings.ringba_account_id),
                realtime_lanes=realtime_lanes(settings),
                interval_seconds=settings.realtime_interval_seconds,
            ),
            build_lane_sensor(
                {lane: lanes[lane] for lane in Lane.per_call()},
                partitions,
                max_auto_attempts=settings.max_auto_attempts,
            ),
            claims_reaper,
            runpod_pod_reaper,
            *alert_sensors,
        ],
        resources=resources,
        # Each step in the run worker's own process: a lane step does a fraction of a second of bookkeeping
        # per call, and a step subprocess would add seconds of start-up and re-import per lane. The lanes of a
        # run are sequential anyway (each depends on the one before), and pools (`gpu`) still apply.
        executor=dg.in_process_executor,
    )


@dg.definitions
def defs() -> dg.Definitions:
    """CallScript's definitions, configured from this process's environment."""
    return build_definitions(get_settings())
