"""Loading the policy file: the shipped default, operator replacements, and the messages an operator gets for a
broken file."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from callscript_dagster.policy import PolicyError, load_policy, parse_policy
from callscript_dagster.policy.model import DEFAULT_POLICY

RULE_IDS = [
    "recording_disclosure",
    "agent_identification",
    "guaranteed_outcome",
    "do_not_call",
    "tpmo_disclaimer",
    "misrepresentation_pressure",
    "abusive_language",
    "sensitive_data",
]

VALID: dict[str, Any] = {
    "version": "2026.11.1",
    "name": "Test policy",
    "description": "Two rules to break in tests.",
    "rules": [
        {
            "id": "tpmo_disclaimer",
            "title": "TPMO disclaimer",
            "severity": "high",
            "citation": "42 CFR 422.2267(e)(41)",
            "llm_guidance": "Say it in the first minute.",
            "scope": {"campaigns": ["*medicare*"]},
            "detectors": [
                {"kind": "required", "speaker": "agent", "within_seconds": 60, "phrases": ["1-800-MEDICARE"]}
            ],
        },
        {
            "id": "do_not_call",
            "title": "Do-not-call",
            "severity": "critical",
            "citation": "47 CFR 64.1200(d)",
            "llm_guidance": "Stop pitching.",
            "detectors": [
                {
                    "kind": "sequence",
                    "speaker": "caller",
                    "phrases": ["stop calling"],
                    "then": {"speaker": "agent", "max_words": 20},
                }
            ],
        },
    ],
}


def write(tmp_path: Path, policy: dict[str, Any] | str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(policy if isinstance(policy, str) else yaml.safe_dump(policy, sort_keys=False))
    return path


def test_the_default_policy_covers_the_pay_per_call_rules():
    policy = load_policy()
    assert policy.version == "2026.11.13"
    assert [rule.id for rule in policy.rules] == RULE_IDS
    # every rule has deterministic detectors, is grounded in a citation and guides the LLM
    assert all(rule.detectors for rule in policy.rules)
    assert all(rule.citation and rule.llm_guidance for rule in policy.rules)
    assert "422.2267(e)(41)" in policy.rule("tpmo_disclaimer").citation


def test_rule_lookup_names_a_missing_rule():
    policy = load_policy()
    assert policy.rule("do_not_call").severity == "critical"
    with pytest.raises(KeyError, match="no_such_rule"):
        policy.rule("no_such_rule")


@pytest.mark.parametrize(
    ("campaign", "tpmo_applies"),
    [
        ("Medicare Advantage - TX", True),
        ("ACA_MEDICARE_TRANSFERS", True),
        ("MAPD inbound", True),
        ("Final Expense - Inbound", False),
        ("Debt Relief", False),
        (None, False),
    ],
)
def test_medicare_only_rules_apply_to_medicare_campaigns(campaign, tpmo_applies):
    applicable = [rule.id for rule in load_policy().applicable_rules(campaign)]
    assert ("tpmo_disclaimer" in applicable) is tpmo_applies
    assert set(applicable) | {"tpmo_disclaimer"} == set(RULE_IDS)  # unscoped rules judge every call


def test_an_operator_copy_of_the_default_has_the_same_fingerprint_regardless_of_formatting(tmp_path):
    default = load_policy()
    shipped = (Path(__file__).parents[1] / "callscript_dagster" / "policy" / DEFAULT_POLICY).read_text()
    reformatted = yaml.safe_dump(
        yaml.safe_load(shipped), sort_keys=True, width=60
    )  # no comments, new key order
    assert load_policy(write(tmp_path, reformatted)).fingerprint == default.fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", default.fingerprint)


def test_same_version_with_different_content_has_a_different_fingerprint(tmp_path):
    edited = copy.deepcopy(VALID)
    edited["rules"][1]["detectors"][0]["phrases"].append("take me off your list")
    original, changed = load_policy(write(tmp_path, VALID)), parse_policy(yaml.safe_dump(edited))
    assert original.version == changed.version
    assert original.fingerprint != changed.fingerprint


def test_a_sound_alike_is_listed_once_and_heard_in_every_pattern_that_names_it(tmp_path):
    edited = copy.deepcopy(VALID)
    edited["sound_alikes"] = {"stop": ["top", "stuff"]}
    edited["rules"][1]["detectors"][0]["patterns"] = ["~stop calling", "please ~stop"]
    trigger = load_policy(write(tmp_path, edited)).rule("do_not_call").detectors[0]
    heard = {
        text: [bool(regex.search(text)) for regex in trigger.regexes[1:]]
        for text in (
            "stop calling me",
            "top calling me",
            "please stuff it",
            "shop calling me",
            "please stopper",
        )
    }
    assert heard == {
        "stop calling me": [True, False],
        "top calling me": [True, False],
        "please stuff it": [False, True],
        "shop calling me": [False, False],
        "please stopper": [False, False],
    }
    # The list is part of what judges: one more mishearing is another policy.
    before = parse_policy(yaml.safe_dump(edited)).fingerprint
    edited["sound_alikes"]["stop"].append("stock")
    assert parse_policy(yaml.safe_dump(edited)).fingerprint != before


def broken(change: str) -> dict[str, Any]:
    """VALID with one `path=yaml value` change, e.g. `rules.0.severity=urgent`; `path=` deletes the key."""
    policy = copy.deepcopy(VALID)
    path, _, value = change.partition("=")
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node = policy
    for part in parents:
        node = node[part]
    if value:
        node[last] = yaml.safe_load(value)
    else:
        del node[last]
    return policy


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "rules.0.detectors.0.within_seconds=0",
            "rule 'tpmo_disclaimer': detectors[0].within_seconds: must be > 0",
        ),
        ("rules.1.id=tpmo_disclaimer", "rules: duplicate rule id 'tpmo_disclaimer'"),
        (
            "rules.0.detectors.0.patterns=['(guaranteed']",
            (
                "rule 'tpmo_disclaimer': detectors[0].patterns[0]: invalid regex '(guaranteed': "
                "missing ), unterminated subpattern at position 0"
            ),
        ),
        (
            "rules.0.detectors.0.patterns=['a*']",
            "rule 'tpmo_disclaimer': detectors[0].patterns[0]: regex 'a*' matches empty text",
        ),
        ("rules.0.owner=compliance", "rule 'tpmo_disclaimer': owner: unknown field"),
        (
            "rules.0.detectors.0.phrase=[recorded]",
            "rule 'tpmo_disclaimer': detectors[0].phrase: unknown field",
        ),
        (
            "rules.0.detectors.0.kind=maybe",
            (
                "rule 'tpmo_disclaimer': detectors[0]: unknown kind 'maybe' "
                "(expected 'forbidden', 'required', 'sequence', 'digits')"
            ),
        ),
        (
            "rules.0.detectors.0.kind=",
            "rule 'tpmo_disclaimer': detectors[0]: needs a kind: forbidden, required, sequence or digits",
        ),
        (
            "rules.0.severity=urgent",
            "rule 'tpmo_disclaimer': severity: must be 'critical', 'high', 'medium' or 'low'",
        ),
        ("rules.0.llm_guidance=", "rule 'tpmo_disclaimer': llm_guidance: required"),
        ("rules.0.citation=''", "rule 'tpmo_disclaimer': citation: must not be empty"),
        (
            "rules.0.detectors.0.speaker=rep",
            "rule 'tpmo_disclaimer': detectors[0].speaker: must be 'agent', 'caller' or 'any'",
        ),
        (
            "rules.0.detectors.0.phrases=[]",
            "rule 'tpmo_disclaimer': detectors[0]: needs at least one phrase or pattern",
        ),
        (
            "rules.0.detectors.0.phrases=['...']",
            "rule 'tpmo_disclaimer': detectors[0].phrases[0]: phrase '...' has no words",
        ),
        ("rules.0.scope.campaigns=[]", "rule 'tpmo_disclaimer': scope.campaigns: must not be empty"),
        (
            "rules.1.detectors.0.then.max_words=",
            "rule 'do_not_call': detectors[0].then: needs max_words or max_turns",
        ),
        (
            "rules.1.detectors.0={kind: digits, min_digits: 13, max_digits: 9}",
            "rule 'do_not_call': detectors[0]: max_digits must be >= min_digits",
        ),
        (
            "rules.1.id=Do Not Call",
            "rule 'Do Not Call': id: must be a slug like 'do_not_call' (lowercase letters, digits, _)",
        ),
        ("rules.1.id=", "rules[1]: id: required"),
        (
            "rules.1.detectors.0.patterns=['~stop calling']",
            "rule 'do_not_call': '~stop' in pattern '~stop calling': sound_alikes has no entry 'stop'",
        ),
        (
            "sound_alikes={calling: [Falling]}",
            "sound_alikes.calling[0]: 'Falling' must be one normalized word (lowercase letters or digits, "
            "no apostrophe)",
        ),
        ("version=2026.11", 'version: must be a quoted string such as "2026.11.1"'),
        ("rules=[]", "rules: must not be empty"),
    ],
)
def test_an_invalid_policy_is_rejected_naming_the_file_rule_and_field(tmp_path, change, message):
    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, broken(change)))
    assert str(error.value) == f"policy.yaml: {message}"


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    policy = broken("rules.0.severity=urgent")
    policy["rules"][1]["detectors"][0]["within_seconds"] = -5
    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, policy))
    assert str(error.value).splitlines() == [
        "policy.yaml: rule 'tpmo_disclaimer': severity: must be 'critical', 'high', 'medium' or 'low'",
        "policy.yaml: rule 'do_not_call': detectors[0].within_seconds: must be > 0",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: '1'\nversion: '2'\n", "policy.yaml: not valid YAML: duplicate key 'version'"),
        ("rules: [unclosed\n", "policy.yaml: not valid YAML: "),
        ("- just a list\n", "policy.yaml: must be a mapping with version, name, description and rules"),
    ],
)
def test_a_file_that_is_not_a_policy_mapping_is_rejected(tmp_path, text, message):
    with pytest.raises(PolicyError, match=f"^{re.escape(message)}"):
        load_policy(write(tmp_path, text))


def test_a_missing_file_is_a_policy_error(tmp_path):
    with pytest.raises(PolicyError, match="nowhere.yaml: cannot read: No such file or directory"):
        load_policy(tmp_path / "nowhere.yaml")
