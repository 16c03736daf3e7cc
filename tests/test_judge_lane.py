"""The judge lane end to end: every shipped recording goes Ringba simulator → vault → real Whisper → judgment,
rules-only (the demo default) and with an LLM behind the OpenAI-compatible simulator."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import pytest

import callscript_dagster.policy
from callscript_dagster.policy import DEFAULT_POLICY, load_policy, parse_policy
from callscript_dagster.policy.model import Policy
from callscript_dagster.resources.judge import JudgeResource
from callscript_simulators.openai import OpenAISimulator
from callscript_simulators.ringba import DEFAULT_RECORDINGS_DIR

from conftest import SHIPPED_DAY
from harness import failure_metadata, lane_resources, materialization_metadata, materialize

DAY = SHIPPED_DAY
MANIFEST = json.loads((DEFAULT_RECORDINGS_DIR / "manifest.json").read_text())


@pytest.fixture
def db_url(shipped_db_url: str) -> str:
    """This module's tests start from every shipped recording ingested, vaulted and transcribed by the real
    lanes (once per session), so each only runs the judge."""
    return shipped_db_url


@pytest.fixture
def resources(db_url, shipped_calls) -> dict:
    return lane_resources(db_url, vault_root=shipped_calls.vault)


def latest(db: psycopg.Connection) -> dict[str, dict]:
    return {r["call_id"]: r for r in db.execute("SELECT * FROM core.latest_judgments")}


def bumped(policy: Policy, version: str) -> Policy:
    text = (Path(callscript_dagster.policy.__file__).parent / DEFAULT_POLICY).read_text()
    return parse_policy(re.sub(r"^version: .*$", f'version: "{version}"', text, count=1, flags=re.M))


def test_every_shipped_recording_gets_its_verdict_rules_only(resources, db, dagster_instance) -> None:
    result = materialize(dagster_instance, resources, DAY.isoformat(), "judgments")
    assert result.success
    judged = latest(db)
    assert len(judged) == len(MANIFEST)
    for entry in MANIFEST:
        judgment = judged[entry["file"].split(".")[0]]
        hit = {f["rule_id"] for f in judgment["findings"]}
        assert judgment["verdict"] == entry["expected_verdict"], (entry["file"], judgment["reasons"])
        assert set(entry["expected_rules"]) <= hit, (entry["file"], hit)
        assert judgment["mode"] == "rules-only" and judgment["model"] is None
        # the evidence of each rule points within a second of a line where the script breaks it (not every
        # such line: tiny.en mishears some on some CPUs, e.g. the caller's digits read once)
        for rule in {x["rule"] for x in entry["lines"] if x.get("rule")}:
            said = [x["start"] for x in entry["lines"] if x.get("rule") == rule]
            starts = [f["start"] for f in judgment["findings"] if f["rule_id"] == rule]
            assert any(abs(s - t) <= 1.0 for s in starts for t in said), (entry["file"], rule, said, starts)

    # sensitive data is evidence, but never stored in the clear
    for finding in judged["sensitive_data_stereo"]["findings"]:
        for text in (finding["quote"], finding["rationale"]):
            digits = re.sub(r"\D", "", text)
            assert "12345" not in digits, text  # only the last four digits survive

    meta = materialization_metadata(result, "judgments")
    flagged = sum(e["expected_verdict"] == "flagged" for e in MANIFEST)
    assert meta["outcome_flagged"] == flagged and meta["outcome_safe"] == len(MANIFEST) - flagged
    assert meta["mode"] == "rules-only (no LLM configured)" and "guaranteed_outcome" in meta["top_rules"]

    # A new policy version makes the partition stale; re-materializing adds judgments and keeps the old ones.
    newer = bumped(load_policy(), "2099.1.1")
    again = materialize(dagster_instance, resources, DAY.isoformat(), "judgments", policy=newer)
    assert materialization_metadata(again, "judgments")["calls_done"] == len(MANIFEST)
    versions = db.execute(
        "SELECT policy_version, count(*) AS n FROM core.judgments GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert versions == [
        {"policy_version": load_policy().version, "n": len(MANIFEST)},
        {"policy_version": "2099.1.1", "n": len(MANIFEST)},
    ]
    assert {j["policy_version"] for j in latest(db).values()} == {"2099.1.1"}
    # and a re-run under the same version has nothing to do
    third = materialize(dagster_instance, resources, DAY.isoformat(), "judgments", policy=newer)
    assert materialization_metadata(third, "judgments")["calls_to_do"] == 0


def test_with_an_llm_the_judgment_carries_model_tokens_and_cost(resources, db, dagster_instance) -> None:
    llm = OpenAISimulator(api_key="sk-sim-test")
    with llm.serve() as server:
        judge = JudgeResource(
            model="sim-judge-1",
            base_url=f"{server.url}/v1",
            api_key="sk-sim-test",
            input_usd_per_mtok=2.5,
            output_usd_per_mtok=10.0,
        )
        resources = {**resources, "judge": judge}
        result = materialize(dagster_instance, resources, DAY.isoformat(), "judgments")
    assert result.success
    judged = latest(db)
    promise = judged["guaranteed_approval_stereo"]
    assert (
        promise["verdict"] == "flagged"
        and promise["mode"] == "rules+llm"
        and promise["model"] == "sim-judge-1"
    )
    sources = {(f["rule_id"], f["source"]) for f in promise["findings"]}
    assert ("guaranteed_outcome", "llm") in sources and ("guaranteed_outcome", "rules") in sources
    assert judged["compliant_stereo"]["verdict"] == "safe"
    meta = materialization_metadata(result, "judgments")
    assert meta["tokens_in"] > 0 and meta["cost_usd"] > 0
    assert sum(float(j["cost_usd"]) for j in judged.values()) == pytest.approx(meta["cost_usd"], rel=1e-3)
    assert len(llm.requests) == len(MANIFEST)  # one request per call


def test_llm_output_that_stays_invalid_fails_the_partition_after_committing_the_rest(
    resources, db, dagster_instance
) -> None:
    llm = OpenAISimulator(api_key="sk-sim-test")
    llm.invalid_json_next(1000)
    with llm.serve() as server:
        judge = JudgeResource(
            model="sim-judge-1", base_url=f"{server.url}/v1", api_key="sk-sim-test", retry_wait_seconds=0
        )
        resources = {**resources, "judge": judge}
        failed = materialize(dagster_instance, resources, DAY.isoformat(), "judgments")
        assert not failed.success
        assert failure_metadata(failed, "judgments")["calls_failed"] == len(MANIFEST)
        rows = db.execute(
            "SELECT status, error_class, error_message FROM core.call_lanes WHERE lane = 'judge'"
        ).fetchall()
        assert all((r["status"], r["error_class"]) == ("failed", "transient") for r in rows)
        assert all("invalid LLM output" in r["error_message"] for r in rows)

        llm.clear_faults()
        recovered = materialize(dagster_instance, resources, DAY.isoformat(), "judgments")
    assert recovered.success and materialization_metadata(recovered, "judgments")["calls_done"] == len(
        MANIFEST
    )
    assert db.execute("SELECT count(*) AS n FROM core.judgments").fetchone()["n"] == len(MANIFEST)


def test_a_refused_llm_key_stops_the_lane_without_a_fragment_of_the_key_anywhere(
    resources, db, dagster_instance
) -> None:
    # OpenAI's 401 names the key it refused, masked but for its first three and last four characters.
    wrong = "sk-proj-WRONGkeyWXYZ"
    llm = OpenAISimulator(api_key="sk-sim-test")
    with llm.serve() as server:
        judge = JudgeResource(
            model="sim-judge-1", base_url=f"{server.url}/v1", api_key=wrong, retry_wait_seconds=0
        )
        failed = materialize(dagster_instance, {**resources, "judge": judge}, DAY.isoformat(), "judgments")
    assert not failed.success
    logged = "\n".join(
        str(entry.dagster_event.event_specific_data) if entry.dagster_event else entry.user_message
        for entry in dagster_instance.all_logs(failed.run_id)
    )
    assert "Check OPENAI_API_KEY" in logged  # the operator learns what to fix…
    for fragment in (
        "WXYZ",
        "sk-p",
        "Incorrect API key",
    ):  # …and nothing of the key or the server's echo of it
        assert fragment not in logged
    events = " ".join(r["message"] or "" for r in db.execute("SELECT message FROM core.call_events"))
    assert "WXYZ" not in events
    # the calls were handed back untouched, ready for a run with the right key
    states = {r["status"] for r in db.execute("SELECT status FROM core.call_lanes WHERE lane = 'judge'")}
    assert "claimed" not in states
