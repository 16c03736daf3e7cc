"""The compliance policy (a versioned YAML file of rules) and its deterministic rule engine."""

from callscript_dagster.policy.model import (
    DEFAULT_POLICY,
    Finding,
    Policy,
    PolicyError,
    Rule,
    load_policy,
    parse_policy,
)
from callscript_dagster.policy.rules import evaluate_rules

__all__ = [
    "DEFAULT_POLICY",
    "Finding",
    "Policy",
    "PolicyError",
    "Rule",
    "evaluate_rules",
    "load_policy",
    "parse_policy",
]
