"""Judge lane: each transcript judged against the compliance policy — deterministic rules, plus an LLM when one
is configured — into a verdict with evidence."""

from functools import partial

import dagster as dg
import psycopg
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from callscript_dagster.assets.lane_asset import lane_asset, materialize_lane
from callscript_dagster.calls.lanes import ClaimedCall, Lane, LaneReport, WorkDone
from callscript_dagster.db.sql import query
from callscript_dagster.errors import PermanentError
from callscript_dagster.judge.verdict import LlmAssessor, judge_call
from callscript_dagster.policy import Policy
from callscript_dagster.reporting import markdown_table
from callscript_dagster.resources.database import DatabaseResource
from callscript_dagster.resources.judge import JudgeResource
from callscript_dagster.transcript import Transcript


def judge_transcript(
    call: ClaimedCall, *, pool: ConnectionPool, policy: Policy, llm: LlmAssessor | None, run_id: str
) -> WorkDone:
    """Judge one call's transcript and keep the judgment (a new row per policy version)."""
    with pool.connection() as conn:
        row = conn.execute(query("transcript_of_call"), {"call_id": call.call_id}).fetchone()
    if row is None:
        raise PermanentError("no transcript for this call")
    transcript = Transcript.model_validate_json(row["transcript"])
    judgment = judge_call(policy, transcript, campaign=call.campaign_name, llm=llm)

    def persist(conn: psycopg.Connection) -> None:
        conn.execute(
            query("save_judgment"),
            {
                "call_id": call.call_id,
                "policy_version": judgment.policy_version,
                "policy_fingerprint": judgment.policy_fingerprint,
                "verdict": judgment.verdict,
                "mode": judgment.mode,
                "model": judgment.model,
                "findings": Jsonb([f.model_dump(mode="json") for f in judgment.findings]),
                "reasons": Jsonb(judgment.reasons),
                "dropped": Jsonb([d.model_dump(mode="json") for d in judgment.dropped]),
                "llm_summary": judgment.llm_summary,
                "tokens_in": judgment.tokens_in,
                "tokens_out": judgment.tokens_out,
                "cost_usd": judgment.cost_usd,
                "run_id": run_id,
            },
        )

    rules = ", ".join(sorted({f.rule_id for f in judgment.findings})) or "no findings"
    return WorkDone(
        persist=persist,
        outcome=judgment.verdict,
        metrics={
            "tokens_in": judgment.tokens_in,
            "tokens_out": judgment.tokens_out,
            "cost_usd": judgment.cost_usd,
            "llm_violations_dropped": len(judgment.dropped),
        },
        message=f"{judgment.verdict}: {rules}",
    )


def policy_work_version(policy: Policy) -> str:
    """A judgment is current while the policy's version and content are unchanged."""
    return f"policy:{policy.version}#{policy.fingerprint[:12]}"


def build_judgments(
    partitions_def: dg.PartitionsDefinition, transcripts: dg.AssetsDefinition, policy: Policy
) -> dg.AssetsDefinition:
    version = policy_work_version(policy)

    # A new policy shows every judged partition as stale in the UI; re-materializing re-judges it.
    @lane_asset(
        Lane.JUDGE,
        partitions_def=partitions_def,
        upstream=transcripts,
        kinds={"openai", "postgres"},
        code_version=version,
    )
    def judgments(
        context: dg.AssetExecutionContext, database: DatabaseResource, judge: JudgeResource
    ) -> dg.MaterializeResult:
        """Each transcript judged against the compliance policy: deterministic rules on the speaker-labelled,
        timed transcript, then — when an LLM is configured — an OpenAI-compatible model answering in a strict
        JSON schema, every quote checked against the transcript. Verdict `flagged`, `safe` or `needs_review`
        with evidence (rule, speaker, seconds, quote), stored in `core.judgments` per policy version.

        Without an LLM the judge runs rules-only and says so in the metadata."""
        pool = database.pool()

        def summarize(report: LaneReport) -> dict:
            with pool.connection() as conn:
                hits = conn.execute(query("rules_hit_by_run"), {"run_id": context.run_id}).fetchall()
            meta = {"policy_version": policy.version, "mode": judge.mode}
            if hits:
                meta["top_rules"] = markdown_table(
                    ["rule", "calls"], [(h["rule_id"], h["calls"]) for h in hits]
                )
            return meta

        work = partial(judge_transcript, pool=pool, policy=policy, llm=judge.llm, run_id=context.run_id)
        return materialize_lane(
            context,
            lane=Lane.JUDGE,
            database=database,
            work=work,
            concurrency=judge.concurrency if judge.llm else 1,
            work_version=version,
            summarize=summarize,
        )

    return judgments
