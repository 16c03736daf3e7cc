"""The operations plane: `callscript health` serves /health and /metrics from a background reading of the
calls database, Dagster's instance and the webserver."""

from callscript_dagster.health.monitor import HealthMonitor, HealthThresholds, Severity
from callscript_dagster.health.server import build_app, serve

__all__ = ["HealthMonitor", "HealthThresholds", "Severity", "build_app", "serve"]
