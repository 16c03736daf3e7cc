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
