"""The lanes' asset checks, evaluated from the system of record: what a lane's day is missing.

Every per-call lane is checked for the same four things per day; the ingest lane for completeness against
Ringba's own count. A failing check names the calls (the first few ids, and how many in all), so the UI shows
what is missing instead of a table hiding it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import psycopg

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.db.sql import query

SHOWN_CALLS = 5  # call ids named in a failing check's description


class CheckName(StrEnum):
    CALLS_COMPLETE = "calls_complete"
    NO_STALE_CLAIMS = "no_stale_claims"
    NO_RETRYABLE_FAILURES = "no_retryable_failures"
    PERMANENT_FAILURES_BELOW_THRESHOLD = "permanent_failures_below_threshold"
    UPSTREAM_CALLS_PROCESSED = "upstream_calls_processed"


CHECK_DESCRIPTIONS: dict[CheckName, str] = {
    CheckName.CALLS_COMPLETE: "Every call Ringba reports for the day (its totalCount) is stored; records we "
    "rejected are listed with their reasons.",
    CheckName.NO_STALE_CLAIMS: "No call of the day has been claimed for longer than the claim timeout (a run "
    "that died holding it).",
    CheckName.NO_RETRYABLE_FAILURES: "No call of the day is left failed with a retryable error (transient, "
    "url_expired): re-materializing the day retries exactly those.",
    CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD: "The share of the day's calls that failed permanently (404, "
    "corrupt audio…) stays under CALLSCRIPT_CHECK_MAX_PERMANENT_FAILURE_RATE.",
    CheckName.UPSTREAM_CALLS_PROCESSED: "Every call the previous lane finished for the day is done or failed "
    "in this one.",
}


def check_names(lane: Lane) -> list[CheckName]:
    """The checks of `lane`'s asset."""
    if lane is Lane.INGEST:
        return [CheckName.CALLS_COMPLETE]
    return [
        CheckName.NO_STALE_CLAIMS,
        CheckName.NO_RETRYABLE_FAILURES,
        CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD,
        CheckName.UPSTREAM_CALLS_PROCESSED,
    ]


@dataclass(frozen=True)
class CheckOutcome:
    name: CheckName
    passed: bool
    description: str
    warn_only: bool = False  # a WARN-severity check: worth a look, not an error
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckLimits:
    claim_timeout: timedelta = timedelta(minutes=5)
    max_permanent_failure_rate: float = 0.1


def evaluate_checks(
    conn: psycopg.Connection, lane: Lane, day: date, limits: CheckLimits
) -> list[CheckOutcome]:
    """Every check of `lane` for `day`, as the system of record stands now."""
    if lane is Lane.INGEST:
        return [_ingest_complete(conn, day)]
    previous = _previous_lane(lane)
    rows = conn.execute(
        query("lane_check_facts"),
        {
            "lane": lane.value,
            "day": day,
            "previous_lane": previous.value if previous else None,
            "claim_timeout": limits.claim_timeout,
        },
    ).fetchall()
    totals: dict[str, int] = defaultdict(int)
    shown: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        totals[row["kind"]] = row["total"]
        if row["call_id"] is not None:
            shown[row["kind"]].append((row["call_id"], row["detail"]))
    calls = totals["calls"]
    permanent = totals["permanent"]
    rate = permanent / calls if calls else 0.0
    upstream = previous.value if previous else "ingest"
    timeout = limits.claim_timeout.total_seconds()
    return [
        _outcome(
            CheckName.NO_STALE_CLAIMS,
            totals["stale_claim"],
            shown["stale_claim"],
            calls,
            problem=f"claimed for longer than the claim timeout ({timeout:g} s)",
            fine="no call claimed for longer than the claim timeout",
        ),
        _outcome(
            CheckName.NO_RETRYABLE_FAILURES,
            totals["retryable"],
            shown["retryable"],
            calls,
            problem="failed with retryable errors (re-materialize the day, or see `callscript recover`)",
            fine="no retryable failures left",
        ),
        _outcome(
            CheckName.PERMANENT_FAILURES_BELOW_THRESHOLD,
            permanent,
            shown["permanent"],
            calls,
            problem=f"failed permanently, {rate:.0%}: above the {limits.max_permanent_failure_rate:.0%} threshold",
            fine=f"permanent failures {rate:.0%}, within the {limits.max_permanent_failure_rate:.0%} threshold",
            passed=rate <= limits.max_permanent_failure_rate,
            warn_only=True,
            extra={"permanent_failure_rate": round(rate, 4)},
        ),
        _outcome(
            CheckName.UPSTREAM_CALLS_PROCESSED,
            totals["unprocessed"],
            shown["unprocessed"],
            calls,
            problem=f"finished in {upstream} but neither done nor failed in {lane.value}",
            fine=f"every call finished in {upstream} is done or failed here",
        ),
    ]


def _outcome(
    name: CheckName,
    count: int,
    shown: list[tuple[str, str]],
    calls: int,
    *,
    problem: str,
    fine: str,
    passed: bool | None = None,
    warn_only: bool = False,
    extra: dict[str, Any] | None = None,
) -> CheckOutcome:
    """A check's outcome: `count` calls have the problem (`shown`: the first few, with details)."""
    passed = count == 0 if passed is None else passed
    metadata: dict[str, Any] = {"calls": calls, "failing_calls": count, **(extra or {})}
    if count:
        metadata["call_ids"] = ", ".join(call_id for call_id, _ in shown)
    if passed:
        description = f"{calls} calls: {fine}" + (f" ({_named(shown, count)})" if count else "")
    else:
        description = f"{count} of {calls} calls {problem}: {_named(shown, count)}"
    return CheckOutcome(name, passed, description, warn_only, metadata)


def _named(shown: list[tuple[str, str]], total: int) -> str:
    named = ", ".join(f"{call_id} ({detail[:80]})" for call_id, detail in shown[:SHOWN_CALLS])
    return named + (f" and {total - min(len(shown), SHOWN_CALLS)} more" if total > SHOWN_CALLS else "")


def _ingest_complete(conn: psycopg.Connection, day: date) -> CheckOutcome:
    row = conn.execute(query("ingest_check_facts"), {"day": day}).fetchone()
    stored = row["stored"]
    rejections = row["rejections"] or []
    metadata: dict[str, Any] = {"stored": stored}
    if row["counted_at"] is None:
        return CheckOutcome(
            CheckName.CALLS_COMPLETE,
            False,
            f"no complete pass over the day recorded yet ({stored} calls stored): materialize it",
            metadata=metadata,
        )
    expected = row["reported_total"] if row["reported_total"] is not None else row["fetched"]
    metadata.update({"reported_by_ringba": expected, "rejected": row["rejected"]})
    if rejections:
        metadata["rejections"] = "; ".join(rejections)
    missing = max(0, expected - stored)
    if not missing:
        note = (
            f"; {row['rejected']} records rejected: {'; '.join(rejections[:SHOWN_CALLS])}"
            if rejections
            else ""
        )
        return CheckOutcome(
            CheckName.CALLS_COMPLETE,
            True,
            f"{stored} of {expected} calls Ringba reports are stored{note}",
            metadata=metadata,
        )
    rejected = (
        f"{row['rejected']} rejected: {'; '.join(rejections[:SHOWN_CALLS])}"
        if rejections
        else "none rejected"
    )
    return CheckOutcome(
        CheckName.CALLS_COMPLETE,
        False,
        f"{missing} of the {expected} calls Ringba reports are not stored ({stored} stored; {rejected})",
        metadata={**metadata, "failing_calls": missing},
    )


def _previous_lane(lane: Lane) -> Lane | None:
    order = Lane.per_call()
    index = order.index(lane)
    return order[index - 1] if index else None
