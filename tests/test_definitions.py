"""The real Definitions, loaded as Dagster loads them: an accidental change of asset keys, partitions, deps,
routing tags or versions shows up here in review."""

from __future__ import annotations

import os
import subprocess
import sys

import dagster as dg
import pytest

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.definitions import build_definitions
from callscript_dagster.launcher.coordinator import LaneRunCoordinator
from callscript_dagster.run_tags import LANE_ASSET_NAMES, lane_tag
from callscript_dagster.settings import Settings

SETTINGS = Settings(
    CALLSCRIPT_TIMEZONE="America/Chicago",
    RINGBA_ACCOUNT_ID="RA_snapshot",
    RINGBA_API_TOKEN="token-that-must-not-leak",
    DATABASE_URL="postgresql://callscript:db-password-that-must-not-leak@db.internal/calls",
    CALLSCRIPT_S3_SECRET_ACCESS_KEY="s3-secret-that-must-not-leak",
    SLACK_WEBHOOK_URL="https://webhooks.example.invalid/services/webhook-that-must-not-leak",
)


@pytest.fixture
def defs() -> dg.Definitions:
    return build_definitions(SETTINGS)


def test_asset_graph(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    snapshot = {
        key.to_user_string(): sorted(p.to_user_string() for p in graph.get(key).parent_keys)
        for key in graph.get_all_asset_keys()
    }
    assert snapshot == {
        "ringba_calls": [],
        "vaulted_audio": ["ringba_calls"],
        "transcripts": ["vaulted_audio"],
        "judgments": ["transcripts"],
    }
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        partitions = node.partitions_def
        assert isinstance(partitions, dg.DailyPartitionsDefinition)
        assert (partitions.timezone, partitions.end_offset) == ("America/Chicago", 1)
        assert node.group_name == "calls"
        assert node.backfill_policy == dg.BackfillPolicy.single_run()


def test_routing_and_versions(defs: dg.Definitions) -> None:
    assets = {a.key.to_user_string(): a for a in defs.assets}
    transcripts = assets["transcripts"]
    assert transcripts.op.tags["callscript/compute"] == "gpu" and transcripts.op.pool == "gpu"
    assert transcripts.code_versions_by_key[transcripts.key] == "whisper:tiny.en"
    judgments = assets["judgments"]
    assert judgments.code_versions_by_key[judgments.key].startswith("policy:2026.11.13#")
    assert {a.tags_by_key[a.key]["callscript/lane"] for a in assets.values()} == {
        "ingest",
        "vault",
        "factory",
        "judge",
    }


def test_sensors_run_by_default(defs: dg.Definitions) -> None:
    sensors = {s.name: s for s in defs.sensors}
    assert set(sensors) == {
        "ringba_ingest_today",
        "lane_backlog",
        "claims_reaper",
        "runpod_pod_reaper",
        "slack_on_run_failure",
        "queue_alerts",
        "lane_checks_after_runs",
    }
    assert all(s.default_status == dg.DefaultSensorStatus.RUNNING for s in sensors.values())


def test_secrets_stay_environment_variables(defs: dg.Definitions) -> None:
    resources = defs.resources
    assert resources["ringba"].api_token == dg.EnvVar("RINGBA_API_TOKEN")
    assert resources["database"].url == dg.EnvVar("DATABASE_URL")
    assert resources["storage"].s3_secret_access_key == dg.EnvVar("CALLSCRIPT_S3_SECRET_ACCESS_KEY")
    assert resources["judge"].api_key is None  # no OPENAI_API_KEY: rules-only, nothing to leak
    assert resources["slack"].webhook_url == dg.EnvVar("SLACK_WEBHOOK_URL")
    shown = repr(resources)
    for secret in (
        "token-that-must-not-leak",
        "db-password-that-must-not-leak",
        "s3-secret-that-must-not-leak",
        "webhook-that-must-not-leak",
    ):
        assert secret not in shown


def test_alert_thresholds_flow_into_the_queue_alert_sensor() -> None:
    sensors = {s.name: s for s in build_definitions(Settings(CALLSCRIPT_ALERT_BACKLOG_THRESHOLD=42)).sensors}
    assert "backlog above 42" in sensors["queue_alerts"].description


def test_settings_flow_into_resources(defs: dg.Definitions) -> None:
    # read once, where the definitions are built: what the launchpad shows and can override
    resources = defs.resources
    assert resources["database"].claim_timeout_seconds == SETTINGS.claim_timeout_seconds
    assert resources["vault"].recording_hosts == ["media.ringba.com", "*.ringba.com"]
    assert resources["ringba"].account_id == "RA_snapshot"
    assert resources["transcriber"].work_version == "whisper:tiny.en"


def test_every_lane_asset_is_named_as_the_run_tags_expect(defs: dg.Definitions) -> None:
    lanes = {a.key.to_user_string(): a.tags_by_key[a.key]["callscript/lane"] for a in defs.assets}
    assert lanes == {name: lane.value for lane, name in LANE_ASSET_NAMES.items()}


def test_dagster_validates_the_code_location(tmp_path) -> None:
    env = {**os.environ, "RINGBA_ACCOUNT_ID": "RA_x", "RINGBA_API_TOKEN": "x"}
    env.pop("DAGSTER_HOME", None)
    result = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-m", "callscript_dagster.definitions"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # away from the repository's dagster.yaml, which wants the storage URL in the environment
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_instance_configuration_loads_and_frees_pool_slots_of_runs_that_ended(
    dagster_storage_database, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from callscript_dagster.instance import dagster_yaml_template

    (tmp_path / "dagster.yaml").write_bytes(dagster_yaml_template().read_bytes())
    monkeypatch.setenv("CALLSCRIPT_DAGSTER_DATABASE_URL", dagster_storage_database)
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        # a run marked failed after its worker was lost still holds its "gpu" slot until the daemon frees it
        assert instance.run_monitoring_settings["free_slots_after_run_end_seconds"] > 0
        assert isinstance(instance.run_coordinator, LaneRunCoordinator)
        queue = instance.get_concurrency_config().run_queue_config
        limits = {limit["key"] for limit in queue.tag_concurrency_limits}
        assert limits == {lane_tag(lane) for lane in Lane}


def test_every_lane_asset_has_its_checks_per_partition(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    checks: dict[str, set[str]] = {}
    for key in graph.asset_check_keys:
        checks.setdefault(key.asset_key.to_user_string(), set()).add(key.name)
        assert graph.get(key).partitions_def == graph.get(key.asset_key).partitions_def
    per_call = {
        "no_stale_claims",
        "no_retryable_failures",
        "permanent_failures_below_threshold",
        "upstream_calls_processed",
    }
    assert checks == {
        "ringba_calls": {"calls_complete"},
        "vaulted_audio": per_call,
        "transcripts": per_call,
        "judgments": per_call,
    }
