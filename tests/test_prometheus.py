"""deploy/grafana and deploy/prometheus against a real Prometheus: it scrapes the health server while calls go
through the judge lane, every dashboard panel's query parses and returns data, and every alert rule loads and
evaluates."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from test_health import free_port, health_server

from callscript_dagster.health import HealthMonitor, HealthThresholds

from conftest import SHIPPED_DAY
from harness import lane_resources, materialize

REPO = Path(__file__).resolve().parents[1]
PROMETHEUS = shutil.which("prometheus")

pytestmark = pytest.mark.skipif(
    PROMETHEUS is None or shutil.which("promtool") is None,
    reason="Prometheus is not installed (Debian: apt-get install -y prometheus; .ci/run does it)",
)


def dashboard_queries() -> list[tuple[str, str]]:
    dashboard = json.loads((REPO / "deploy" / "grafana" / "callscript.json").read_text())
    return [(panel["title"], target["expr"]) for panel in dashboard["panels"] for target in panel["targets"]]


def test_alert_rules_pass_promtool_and_fire_at_the_health_thresholds():
    rules = REPO / "deploy" / "prometheus"
    check = subprocess.run(
        ["promtool", "check", "rules", "alerts.yml"], cwd=rules, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    test = subprocess.run(
        ["promtool", "test", "rules", "alerts_test.yml"], cwd=rules, capture_output=True, text=True
    )
    assert test.returncode == 0, test.stdout + test.stderr


def test_every_panel_returns_data_from_a_prometheus_scraping_the_health_server(
    tmp_path, shipped_db_url, dagster_instance
):
    monitor = HealthMonitor(
        database_url=shipped_db_url,
        instance_factory=lambda: dagster_instance,
        ui_url=f"http://127.0.0.1:{free_port()}",
        thresholds=HealthThresholds(),
        refresh_seconds=0.5,
        timeout_seconds=3,
    )
    prom_port = free_port()
    with health_server(monitor) as health_url:
        target = health_url.removeprefix("http://")
        config = tmp_path / "prometheus.yml"
        config.write_text(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            f"rule_files: [{REPO / 'deploy' / 'prometheus' / 'alerts.yml'}]\n"
            "scrape_configs:\n"
            f"  - job_name: callscript\n    static_configs: [{{targets: ['{target}']}}]\n"
        )
        prometheus = subprocess.Popen(
            [
                PROMETHEUS,
                f"--config.file={config}",
                f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{prom_port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        api = f"http://127.0.0.1:{prom_port}/api/v1"

        def query(expr: str) -> dict:
            return httpx.get(f"{api}/query", params={"query": expr}, timeout=10).json()

        def wait_ready(seconds: float = 90) -> None:
            # Until its storage is open Prometheus answers every query "503 Service Unavailable", not JSON.
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{prom_port}/-/ready", timeout=10).is_success:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            raise AssertionError("Prometheus never became ready")

        def wait_for(expr: str, seconds: float = 90):
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                try:
                    result = query(expr)
                    if result.get("status") == "success" and result["data"]["result"]:
                        return result["data"]["result"]
                except httpx.TransportError:
                    pass
                time.sleep(0.5)
            raise AssertionError(f"no data for {expr}")

        try:
            wait_ready()
            wait_for('up{job="callscript"} == 1')
            time.sleep(3)  # a few scrapes before the calls move, so rate() has a baseline
            result = materialize(
                dagster_instance, lane_resources(shipped_db_url), SHIPPED_DAY.isoformat(), "judgments"
            )
            assert result.success
            wait_for('sum(callscript_lane_calls_completed_total{lane="judge"}) > 0')
            flagged = wait_for('sum(increase(callscript_calls_processed_total{status="flagged"}[1m])) > 0')
            assert float(flagged[0]["value"][1]) > 0

            failing = {}
            for title, expr in dashboard_queries():
                answer = query(expr)
                if answer.get("status") != "success" or not answer["data"]["result"]:
                    failing[title] = answer.get("error") or "no data"
            assert not failing, failing

            groups = httpx.get(f"{api}/rules", timeout=10).json()["data"]["groups"]
            rules = [rule for group in groups for rule in group["rules"]]
            assert len(rules) == 11
            assert all(rule["health"] == "ok" for rule in rules), [r for r in rules if r["health"] != "ok"]
        finally:
            prometheus.terminate()
            prometheus.wait(20)
