"""The one settings module: what the environment means."""

from __future__ import annotations

import pytest

from callscript_dagster.settings import Settings


def test_empty_variables_mean_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    # `export CALLSCRIPT_POLICY_PATH=` (or an env file's `KEY=`) must not mean "the current directory".
    for name in (
        "CALLSCRIPT_POLICY_PATH",
        "CALLSCRIPT_DIARIZATION_PIPELINE",
        "DATABASE_URL",
        "OPENAI_BASE_URL",
    ):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("CALLSCRIPT_TIMEZONE", "")
    settings = Settings()
    assert settings.policy_path is None
    assert settings.diarization_pipeline is None
    assert settings.database_url is None
    assert settings.openai_base_url is None
    assert settings.timezone == "UTC"


def test_recordings_come_from_ringbas_hosts_and_never_from_private_addresses_in_prod(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().recording_host_patterns == ["media.ringba.com", "*.ringba.com"]
    monkeypatch.setenv("CALLSCRIPT_RECORDING_HOSTS", " 127.0.0.1, sim.local ,")
    assert Settings().recording_host_patterns == ["127.0.0.1", "sim.local"]
    monkeypatch.setenv("CALLSCRIPT_RECORDING_ALLOW_PRIVATE_ADDRESSES", "true")
    monkeypatch.setenv("CALLSCRIPT_ENV", "prod")
    with pytest.raises(ValueError, match="must not be set when CALLSCRIPT_ENV=prod"):
        Settings()
