"""The one Definitions object of CallScript. Resources come from the settings module (the environment);
secrets reach resources as `dg.EnvVar`, so the UI and run config show the variable's name, never its value."""

from __future__ import annotations

import warnings

import dagster as dg

from callscript_dagster.assets.judgments import build_judgments
from callscript_dagster.assets.ringba_calls import build_ringba_calls
from callscript_dagster.assets.transcripts import build_transcripts
from callscript_dagster.assets.vaulted_audio import build_vaulted_audio
from callscript_dagster.calls.lanes import Lane
from callscript_dagster.partitions import daily_partitions
from callscript_dagster.policy import load_policy
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.judge import JudgeResource
from callscript_dagster.resources.ringba import RingbaResource
from callscript_dagster.resources.storage import StorageResource
from callscript_dagster.resources.transcriber import TranscriberResource
from callscript_dagster.resources.vault import VaultResource
from callscript_dagster.sensors.ingest import build_ingest_sensor
from callscript_dagster.sensors.lanes import build_lane_sensor, claims_reaper
from callscript_dagster.settings import Settings, get_settings

# BackfillPolicy is marked beta, yet single-run backfills are what make historical loads cheap here.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=".*backfill_policy.*")


def build_definitions(settings: Settings | None = None, *, database_url: str | None = None) -> dg.Definitions:
    settings = settings or get_settings()
    partitions = daily_partitions(settings)
    ringba_calls = build_ringba_calls(partitions)
    vaulted_audio = build_vaulted_audio(partitions, ringba_calls)
    transcripts = build_transcripts(partitions, vaulted_audio, settings)
    judgments = build_judgments(partitions, transcripts, load_policy(settings.policy_path))
    database = DatabaseResource(url=database_url, claim_timeout_seconds=settings.claim_timeout_seconds)
    return dg.Definitions(
        assets=[ringba_calls, vaulted_audio, transcripts, judgments],
        sensors=[
            build_ingest_sensor(ringba_calls, partitions, enabled=bool(settings.ringba_account_id)),
            build_lane_sensor({Lane.VAULT: vaulted_audio, Lane.FACTORY: transcripts, Lane.JUDGE: judgments}),
            claims_reaper,
        ],
        resources={
            "database": database,
            "ringba": RingbaResource(
                account_id=settings.ringba_account_id,
                api_token=dg.EnvVar("RINGBA_API_TOKEN"),
                base_url=settings.ringba_base_url,
                max_requests_per_second=settings.ringba_max_rps,
                page_size=settings.ringba_page_size,
                timeout_seconds=settings.http_timeout_seconds,
                database=database,
            ),
            "storage": StorageResource(),
            "vault": VaultResource(
                recording_hosts=settings.recording_host_patterns,
                allow_private_addresses=settings.recording_allow_private_addresses,
                max_recording_bytes=settings.max_recording_bytes,
                download_timeout_seconds=settings.download_timeout_seconds,
                http_timeout_seconds=settings.http_timeout_seconds,
                concurrency=settings.vault_concurrency,
            ),
            "transcriber": TranscriberResource.from_settings(settings),
            "judge": JudgeResource(
                model=settings.judge_model,
                base_url=settings.openai_base_url,
                api_key=dg.EnvVar("OPENAI_API_KEY") if settings.openai_api_key else None,
                min_confidence=settings.judge_min_confidence,
                input_usd_per_mtok=settings.judge_input_usd_per_mtok,
                output_usd_per_mtok=settings.judge_output_usd_per_mtok,
            ),
        },
    )


defs = build_definitions()
