"""The one place that reads CallScript's configuration from the environment.

Every setting has its environment variable, its default and its meaning here. Settings are read once, where
the Definitions are built (and by the CLI), and flow into resource fields; asset and sensor bodies never read
them. Secrets are `SecretStr`, so they never print in reprs, logs or run config.
"""

from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # env_ignore_empty: `KEY=` (an env file line, `export KEY=`) means unset, not "" (for a path: the current directory).
    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True, env_ignore_empty=True)

    # --- where things live -------------------------------------------------------------------------
    database_url: SecretStr | None = Field(
        default=None,
        validation_alias="DATABASE_URL",
        description="PostgreSQL URL of the system of record. Absent: an embedded PostgreSQL under CALLSCRIPT_HOME.",
    )
    dagster_database: str = Field(
        default="dagster",
        validation_alias="CALLSCRIPT_DAGSTER_DATABASE",
        description="Database (on the same server) that holds Dagster's runs, events and schedules.",
    )
    home: Path = Field(
        default=Path(".callscript"),
        validation_alias="CALLSCRIPT_HOME",
        description="Embedded database, local audio vault, logs and Dagster's local files.",
    )
    deployment: Literal["local", "demo", "prod"] = Field(default="local", validation_alias="CALLSCRIPT_ENV")

    # --- partitions --------------------------------------------------------------------------------
    timezone: str = Field(default="UTC", validation_alias="CALLSCRIPT_TIMEZONE")
    partitions_start: date = Field(default=date(2025, 1, 1), validation_alias="CALLSCRIPT_PARTITIONS_START")

    # --- Ringba ------------------------------------------------------------------------------------
    ringba_account_id: str = Field(default="", validation_alias="RINGBA_ACCOUNT_ID")
    ringba_api_token: SecretStr = Field(default=SecretStr(""), validation_alias="RINGBA_API_TOKEN")
    ringba_base_url: str = Field(default="https://api.ringba.com", validation_alias="RINGBA_BASE_URL")
    ringba_max_rps: float = Field(
        default=1.0,
        gt=0,
        validation_alias="RINGBA_MAX_RPS",
        description="Requests per second to the reporting API, shared by every run of the deployment.",
    )
    ringba_page_size: int = Field(default=1000, ge=1, le=1000, validation_alias="RINGBA_PAGE_SIZE")

    # --- near real time ----------------------------------------------------------------------------
    realtime_interval_seconds: int = Field(
        default=20,
        ge=5,
        validation_alias="CALLSCRIPT_REALTIME_INTERVAL_SECONDS",
        description="How often the near-real-time sensor reads Ringba for new calls (one request per read at "
        "any volume: it asks only for what is new).",
    )
    realtime_lanes: str = Field(
        default="ingest,vault,factory,judge",
        validation_alias="CALLSCRIPT_REALTIME_LANES",
        description="Lanes the near-real-time run carries new calls through (ingest first). With RunPod on, the "
        "run stops before factory and leaves the GPU work to the lane_backlog sensor's runs (on pods).",
    )
    ingest_overlap_seconds: int = Field(
        default=600,
        ge=0,
        validation_alias="CALLSCRIPT_INGEST_OVERLAP_SECONDS",
        description="A near-real-time read starts this far before where the last one ended: Ringba logs some "
        "calls late.",
    )

    # --- lanes -------------------------------------------------------------------------------------
    claim_timeout_seconds: int = Field(
        default=300,
        ge=2,
        validation_alias="CALLSCRIPT_CLAIM_TIMEOUT_SECONDS",
        description="Running lanes refresh their claims every quarter of this; a claim not refreshed for this "
        "long belongs to a run that died (kill -9, lost pod) and is released.",
    )
    max_auto_attempts: int = Field(
        default=5,
        validation_alias="CALLSCRIPT_MAX_AUTO_ATTEMPTS",
        description="The lane sensor stops retrying a call after this many attempts; an operator's "
        "re-materialization still retries it.",
    )
    http_timeout_seconds: float = Field(default=30.0, validation_alias="CALLSCRIPT_HTTP_TIMEOUT_SECONDS")

    # --- Vault -------------------------------------------------------------------------------------
    storage_url: str = Field(
        default="",
        validation_alias="CALLSCRIPT_STORAGE_URL",
        description="Where recordings are vaulted: empty (CALLSCRIPT_HOME/audio), file:///path, or "
        "s3://bucket/prefix (S3, R2, MinIO, Supabase Storage's S3 endpoint).",
    )
    s3_endpoint_url: str | None = Field(default=None, validation_alias="CALLSCRIPT_S3_ENDPOINT_URL")
    s3_region: str = Field(default="us-east-1", validation_alias="CALLSCRIPT_S3_REGION")
    s3_access_key_id: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("CALLSCRIPT_S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID")
    )
    s3_secret_access_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("CALLSCRIPT_S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"),
    )
    max_recording_bytes: int = Field(
        default=200 * 1024 * 1024, validation_alias="CALLSCRIPT_MAX_RECORDING_BYTES"
    )
    download_timeout_seconds: float = Field(
        default=600.0,
        validation_alias="CALLSCRIPT_DOWNLOAD_TIMEOUT_SECONDS",
        description="Wall-clock limit for one recording download (the per-read timeout is the HTTP timeout).",
    )
    vault_concurrency: int = Field(default=8, ge=1, validation_alias="CALLSCRIPT_VAULT_CONCURRENCY")
    recording_hosts: str = Field(
        default="media.ringba.com,*.ringba.com",
        validation_alias="CALLSCRIPT_RECORDING_HOSTS",
        description="Comma-separated host globs recordings may be fetched from (redirects included).",
    )
    recording_allow_private_addresses: bool = Field(
        default=False,
        validation_alias="CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES",
        description="Fetch recordings from private/loopback addresses (the demo's simulator); never in prod.",
    )

    # --- Factory (transcription) -------------------------------------------------------------------
    whisper_model: str = Field(
        default="",
        validation_alias="CALLSCRIPT_WHISPER_MODEL",
        description="faster-whisper model name or local CTranslate2 directory; empty: the bundled tiny.en.",
    )
    whisper_device: Literal["auto", "cpu", "cuda"] = Field(
        default="auto", validation_alias="CALLSCRIPT_WHISPER_DEVICE"
    )
    whisper_compute_type: str = Field(
        default="auto",
        validation_alias="CALLSCRIPT_WHISPER_COMPUTE_TYPE",
        description="auto: float16 on CUDA, int8 on CPU.",
    )
    whisper_batch_size: int = Field(default=16, ge=1, validation_alias="CALLSCRIPT_WHISPER_BATCH_SIZE")
    whisper_beam_size: int = Field(
        default=5,
        ge=1,
        validation_alias="CALLSCRIPT_WHISPER_BEAM_SIZE",
        description="Beam search width; 1 is greedy decoding (faster, mishears more of an 8 kHz call).",
    )
    whisper_cpu_threads: int = Field(default=0, ge=0, validation_alias="CALLSCRIPT_WHISPER_CPU_THREADS")
    agent_channel: Literal[0, 1] = Field(
        default=0,
        validation_alias="CALLSCRIPT_AGENT_CHANNEL",
        description="Which channel of a stereo recording is the agent (0 = left); the other is the caller.",
    )
    diarization_pipeline: Path | None = Field(
        default=None,
        validation_alias="CALLSCRIPT_DIARIZATION_PIPELINE",
        description="Local pyannote.audio pipeline (config.yaml) for mono recordings; needs the [diarization] extra.",
    )
    gpu_cost_per_hour: float = Field(default=0.0, ge=0, validation_alias="CALLSCRIPT_GPU_COST_PER_HOUR")

    # --- Judge -------------------------------------------------------------------------------------
    policy_path: Path | None = Field(
        default=None,
        validation_alias="CALLSCRIPT_POLICY_PATH",
        description="Compliance policy YAML; absent: the shipped pay-per-call policy.",
    )
    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    judge_model: str = Field(default="", validation_alias="CALLSCRIPT_JUDGE_MODEL")
    judge_concurrency: int = Field(default=4, ge=1, validation_alias="CALLSCRIPT_JUDGE_CONCURRENCY")
    judge_min_confidence: float = Field(
        default=0.6, ge=0, le=1, validation_alias="CALLSCRIPT_JUDGE_MIN_CONFIDENCE"
    )
    judge_input_usd_per_mtok: float = Field(
        default=0.0, ge=0, validation_alias="CALLSCRIPT_JUDGE_INPUT_USD_PER_MTOK"
    )
    judge_output_usd_per_mtok: float = Field(
        default=0.0, ge=0, validation_alias="CALLSCRIPT_JUDGE_OUTPUT_USD_PER_MTOK"
    )

    # --- ops -----------------------------------------------------------------------------------------
    sentry_dsn: SecretStr | None = Field(default=None, validation_alias="SENTRY_DSN")

    # --- alerts, recovery and asset checks (issue 13) ------------------------------------------------
    ui_url: str = Field(
        default="http://127.0.0.1:3000",
        validation_alias="CALLSCRIPT_UI_URL",
        description="The Dagster UI as operators reach it: links in Slack alerts, and where `callscript "
        "recover`/`backfill` launch backfills (its /graphql).",
    )
    slack_webhook_url: SecretStr | None = Field(
        default=None,
        validation_alias="SLACK_WEBHOOK_URL",
        description="Slack Incoming Webhook for alerts (preferred when both it and a bot token are set).",
    )
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_channel: str = Field(
        default="", validation_alias="SLACK_CHANNEL", description="Channel a bot token posts alerts to."
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/",
        validation_alias="SLACK_API_URL",
        description="Slack's Web API (a simulator in tests and development).",
    )
    alert_backlog_threshold: int = Field(
        default=200,
        ge=1,
        validation_alias="CALLSCRIPT_ALERT_BACKLOG_THRESHOLD",
        description="Alert when a lane has more calls than this waiting (pending).",
    )
    alert_in_flight_minutes: float = Field(
        default=60,
        gt=0,
        validation_alias="CALLSCRIPT_ALERT_IN_FLIGHT_MINUTES",
        description="Alert when a call has been claimed (in flight) for longer than this.",
    )
    alert_failure_rate: float = Field(
        default=0.25,
        gt=0,
        le=1,
        validation_alias="CALLSCRIPT_ALERT_FAILURE_RATE",
        description="Alert when more than this share of a lane's outcomes in the last hour are failures.",
    )
    alert_failure_rate_min_calls: int = Field(
        default=10,
        ge=1,
        validation_alias="CALLSCRIPT_ALERT_FAILURE_RATE_MIN_CALLS",
        description="The failure-rate alert needs at least this many outcomes in the hour.",
    )
    alert_ingest_stale_minutes: float = Field(
        default=30,
        gt=0,
        validation_alias="CALLSCRIPT_ALERT_INGEST_STALE_MINUTES",
        description="Alert when Ringba ingest has been attempted but has not succeeded for this long.",
    )
    alert_reminder_minutes: float = Field(
        default=60,
        gt=0,
        validation_alias="CALLSCRIPT_ALERT_REMINDER_MINUTES",
        description="A condition that is still firing is reminded at most this often.",
    )
    check_max_permanent_failure_rate: float = Field(
        default=0.1,
        ge=0,
        le=1,
        validation_alias="CALLSCRIPT_CHECK_MAX_PERMANENT_FAILURE_RATE",
        description="The permanent-failure-rate asset check fails a lane's day above this share of its calls.",
    )

    # --- operations plane: health server (issue 9) ---------------------------------------------------
    health_host: str = Field(
        default="127.0.0.1",
        validation_alias="CALLSCRIPT_HEALTH_HOST",
        description="Address `callscript health` listens on (0.0.0.0 to let a remote monitor in).",
    )
    health_port: int = Field(default=8080, ge=1, le=65535, validation_alias="CALLSCRIPT_HEALTH_PORT")
    health_refresh_seconds: float = Field(
        default=5.0,
        gt=0,
        validation_alias="CALLSCRIPT_HEALTH_REFRESH_SECONDS",
        description="The health server reads the databases and Dagster this often, in the background; "
        "/health and /metrics answer from the latest reading, so a scrape never queries per request.",
    )
    health_timeout_seconds: float = Field(
        default=3.0,
        gt=0,
        validation_alias="CALLSCRIPT_HEALTH_TIMEOUT_SECONDS",
        description="Longest a health probe (a database, Dagster's storage, the webserver) may take before it "
        "counts as not answering.",
    )
    health_daemon_stale_seconds: float = Field(
        default=120.0,
        gt=0,
        validation_alias="CALLSCRIPT_HEALTH_DAEMON_STALE_SECONDS",
        description="A required Dagster daemon whose last heartbeat is older than this is reported down.",
    )
    health_oldest_waiting_minutes: float = Field(
        default=60.0,
        gt=0,
        validation_alias="CALLSCRIPT_HEALTH_OLDEST_WAITING_MINUTES",
        description="Degraded when a lane's oldest waiting call has waited longer than this.",
    )
    health_queued_run_minutes: float = Field(
        default=15.0,
        gt=0,
        validation_alias="CALLSCRIPT_HEALTH_QUEUED_RUN_MINUTES",
        description="Degraded when a Dagster run has been queued longer than this.",
    )

    webserver_host: str = Field(
        default="127.0.0.1",
        validation_alias="CALLSCRIPT_WEBSERVER_HOST",
        description="Address the Dagster webserver of `callscript serve` / supervisord listens on.",
    )
    webserver_port: int = Field(
        default=3000,
        ge=1,
        le=65535,
        validation_alias="CALLSCRIPT_WEBSERVER_PORT",
        description="Its port (CALLSCRIPT_UI_URL is how operators and the health server reach it).",
    )

    # --- GPU on RunPod (switched on by RUNPOD_API_KEY + CALLSCRIPT_RUNPOD_IMAGE) -------------------------
    runpod_api_key: SecretStr | None = Field(
        default=None,
        validation_alias="RUNPOD_API_KEY",
        description="RunPod API key (read/write on pods). With CALLSCRIPT_RUNPOD_IMAGE: GPU runs go to RunPod.",
    )
    runpod_image: str = Field(
        default="",
        validation_alias="CALLSCRIPT_RUNPOD_IMAGE",
        description="The CallScript image pods run (deploy/runpod/Dockerfile).",
    )
    runpod_api_url: str = Field(default="https://api.runpod.io", validation_alias="CALLSCRIPT_RUNPOD_API_URL")
    runpod_gpu_types: str = Field(
        default="NVIDIA GeForce RTX 4090,NVIDIA L4,NVIDIA A100 80GB PCIe",
        validation_alias="CALLSCRIPT_RUNPOD_GPU_TYPES",
        description="GPU type ids, in order: with no capacity for one, the next is tried.",
    )
    runpod_data_centers: str = Field(
        default="",
        validation_alias="CALLSCRIPT_RUNPOD_DATA_CENTERS",
        description="Data center ids, in order (empty: anywhere).",
    )
    runpod_cloud: Literal["SECURE", "COMMUNITY"] = Field(
        default="SECURE", validation_alias="CALLSCRIPT_RUNPOD_CLOUD"
    )
    runpod_max_pod_age_seconds: int = Field(
        default=6 * 3600,
        ge=60,
        validation_alias="CALLSCRIPT_RUNPOD_MAX_POD_AGE_SECONDS",
        description="The pod reaper deletes a pod of ours older than this even if its run still looks alive.",
    )
    # Set inside a pod by its entrypoint (callscript_dagster.runpod.pod), from what RunPod says the pod is.
    gpu_type: str = Field(default="", validation_alias="CALLSCRIPT_GPU_TYPE")
    pod_started_at: float | None = Field(default=None, validation_alias="CALLSCRIPT_POD_STARTED_AT")

    @property
    def runpod_enabled(self) -> bool:
        return bool(self.runpod_api_key and self.runpod_api_key.get_secret_value() and self.runpod_image)

    @staticmethod
    def split_list(value: str) -> list[str]:
        """A comma-separated setting's items (blanks and surrounding spaces dropped)."""
        return [item.strip() for item in value.split(",") if item.strip()]

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA timezone {value!r} (e.g. UTC, America/New_York)") from exc
        return value

    @model_validator(mode="after")
    def _no_private_recording_hosts_in_prod(self) -> Settings:
        if self.deployment == "prod" and self.recording_allow_private_addresses:
            raise ValueError(
                "CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES must not be set when CALLSCRIPT_ENV=prod"
            )
        return self

    @field_validator("realtime_lanes")
    @classmethod
    def _known_lanes(cls, value: str) -> str:
        known = ["ingest", "vault", "factory", "judge"]
        lanes = cls.split_list(value)
        if not lanes or lanes[0] != "ingest" or any(lane not in known for lane in lanes):
            raise ValueError(f"must list lanes of {known}, starting with ingest (got {value!r})")
        return ",".join(lanes)

    @property
    def recording_host_patterns(self) -> list[str]:
        return self.split_list(self.recording_hosts)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def home_dir(self) -> Path:
        return self.home.expanduser().resolve()

    @property
    def llm_configured(self) -> bool:
        return bool(self.judge_model and (self.openai_api_key or self.openai_base_url))

    def secret_value(self, field: str) -> str | None:
        """The value of secret `field`, for the CLI's own connections (never for printing)."""
        value = getattr(self, field)
        return value.get_secret_value() if value is not None else None

    def secret_variable(self, field: str) -> str | None:
        """The environment variable that holds secret `field`, or None when the secret is not set. Secrets reach
        Dagster resources as `dg.EnvVar(name)`, so the UI and run config show the name, never the value."""
        value = getattr(self, field)
        if value is None or not value.get_secret_value():
            return None
        alias = type(self).model_fields[field].validation_alias
        names = alias.choices if isinstance(alias, AliasChoices) else [alias]
        return next((name for name in names if os.environ.get(name)), names[0])


@functools.cache
def get_settings() -> Settings:
    """Settings of this process, read once from the environment."""
    return Settings()
