"""Recovering failed calls: why they failed, what would bring them back, and putting them back.

`callscript recover` is a thin shell over this module. Recovery works with Dagster's partitions rather than
around them: a call is put back into a lane (`pending`, with an event) and the affected days of the affected
lane assets are re-materialized by a partition backfill — which also retries whatever else of those days is
retryable, as any re-materialization does.

Modes (the original plan's four):
- analyze (default): failures grouped by day, lane, error class and message pattern, with the recommended action;
- recover-with-audio: calls failed in the factory or judge lane that have a vaulted recording go back to that lane;
- recover-all: failed calls go back to the vault lane (their later lanes are removed until it finishes again);
- refresh-urls: vault failures of an expired recording URL get a fresh URL from Ringba, then go back to the vault.

Permanent failures are only ever put back when named explicitly (`include_permanent`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

import psycopg
from psycopg_pool import ConnectionPool

from callscript_dagster.calls.lanes import Lane
from callscript_dagster.db.sql import query
from callscript_dagster.errors import ErrorClass, LaneError
from callscript_dagster.run_tags import LANE_ASSET_NAMES

# Calls put back are left to the recovery backfill this long before the lane sensor may take them itself.
BACKFILL_HOLD = timedelta(minutes=15)


class RecoveryMode(StrEnum):
    ANALYZE = "analyze"
    WITH_AUDIO = "recover-with-audio"
    ALL = "recover-all"
    REFRESH_URLS = "refresh-urls"


@dataclass(frozen=True)
class FailureFilters:
    since: date | None = None
    until: date | None = None
    lanes: tuple[Lane, ...] = ()
    error_classes: tuple[ErrorClass, ...] = ()


@dataclass(frozen=True)
class FailedCall:
    """A call failed in one lane, as `core.call_lanes` has it."""

    call_id: str
    lane: Lane
    day: date
    error_class: ErrorClass
    message: str
    attempts: int = 0
    call_at: datetime | None = None
    recording_url: str | None = None
    has_recording: bool = False

    @property
    def permanent(self) -> bool:
        return self.error_class is ErrorClass.PERMANENT

    @property
    def pattern(self) -> str:
        return message_pattern(self.message)


def find_failed_calls(conn: psycopg.Connection, filters: FailureFilters) -> list[FailedCall]:
    rows = conn.execute(
        query("failed_lane_calls"),
        {
            "since": filters.since,
            "until": filters.until,
            "lanes": [lane.value for lane in filters.lanes] or None,
            "error_classes": [c.value for c in filters.error_classes] or None,
        },
    ).fetchall()
    return [
        FailedCall(
            call_id=row["call_id"],
            lane=Lane(row["lane"]),
            day=row["day"],
            error_class=ErrorClass(row["error_class"]),
            message=row["message"],
            attempts=row["attempts"],
            call_at=row["call_at"],
            recording_url=row["recording_url"],
            has_recording=row["has_recording"],
        )
        for row in rows
    ]


# --- analysis -----------------------------------------------------------------------------------------------

_MESSAGE_NOISE = [
    # a URL says where, not why: keep its host (its path and query are per call, the query a credential)
    (
        re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/\s]*@)?(\[[^\]]+\]|[^/\s:'\"<>]+)(?::\d+)?[^\s'\"<>]*"),
        r"\1",
    ),
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<id>"),
    (re.compile(r"\b(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{12,}\b"), "<id>"),
    (re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])"), "<n>"),  # decimals, not the host's dotted address
    (re.compile(r"\b\d{4,}\b"), "<n>"),  # counts and sizes; 3-digit HTTP statuses stay
]


def message_pattern(message: str) -> str:
    """`message` with what differs from call to call (URLs but their host, ids, counts) taken out, so failures
    with one cause group together."""
    for pattern, replacement in _MESSAGE_NOISE:
        message = pattern.sub(replacement, message)
    message = " ".join(message.split())
    return message if len(message) <= 120 else message[:119] + "…"


@dataclass(frozen=True)
class Advice:
    action: str
    mode: RecoveryMode | None  # the mode that puts such calls back, if any
    needs_permanent: bool = False  # only with --include-permanent


_GONE = re.compile(r"HTTP 4(04|10)\b")
# First match wins: (lane or None for any, error class or None for any, message regex or None, advice).
ADVICE_RULES: list[tuple[Lane | None, ErrorClass | None, re.Pattern[str] | None, Advice]] = [
    (
        Lane.VAULT,
        ErrorClass.URL_EXPIRED,
        None,
        Advice(
            "recording URL expired: get fresh URLs from Ringba (--refresh-urls)", RecoveryMode.REFRESH_URLS
        ),
    ),
    (
        Lane.VAULT,
        ErrorClass.PERMANENT,
        _GONE,
        Advice(
            "recording deleted at Ringba: nothing to recover, unless Ringba re-issued it "
            "(--refresh-urls --include-permanent)",
            RecoveryMode.REFRESH_URLS,
            needs_permanent=True,
        ),
    ),
    (
        Lane.VAULT,
        ErrorClass.PERMANENT,
        re.compile(r"not allowed|non-public address|not a valid URL|is not http"),
        Advice(
            "recording URL refused by CALLSCRIPT_RECORDING_HOSTS: fix the setting, then --recover-all "
            "--include-permanent",
            RecoveryMode.ALL,
            needs_permanent=True,
        ),
    ),
    (
        Lane.VAULT,
        ErrorClass.PERMANENT,
        None,
        Advice(
            "bad recording (empty, corrupt, not audio, too large): download it again with --recover-all "
            "--include-permanent if the source was fixed",
            RecoveryMode.ALL,
            needs_permanent=True,
        ),
    ),
    (
        Lane.VAULT,
        ErrorClass.TRANSIENT,
        None,
        Advice("transient: download again (--recover-all)", RecoveryMode.ALL),
    ),
    (
        Lane.FACTORY,
        ErrorClass.PERMANENT,
        re.compile(r"no vaulted recording|not decodable|no audio"),
        Advice(
            "the vaulted audio is unusable: download it again with --recover-all --include-permanent",
            RecoveryMode.ALL,
            needs_permanent=True,
        ),
    ),
    (
        None,
        ErrorClass.PERMANENT,
        None,
        Advice(
            "permanent: redo the lane with --recover-with-audio --include-permanent once the cause is fixed",
            RecoveryMode.WITH_AUDIO,
            needs_permanent=True,
        ),
    ),
    (None, None, None, Advice("transient: redo the lane (--recover-with-audio)", RecoveryMode.WITH_AUDIO)),
]


def advise(lane: Lane, error_class: ErrorClass, message: str) -> Advice:
    """The recommended action for a failure (see ADVICE_RULES)."""
    for rule_lane, rule_class, pattern, advice in ADVICE_RULES:
        if rule_lane not in (None, lane) or rule_class not in (None, error_class):
            continue
        if pattern is None or pattern.search(message):
            return advice
    raise AssertionError("ADVICE_RULES ends with a catch-all")


@dataclass(frozen=True)
class FailureGroup:
    day: date
    lane: Lane
    error_class: ErrorClass
    pattern: str
    calls: int
    call_ids: tuple[str, ...]  # the first few
    action: str
    mode: RecoveryMode | None
    needs_permanent: bool


def group_failures(failed: Iterable[FailedCall], shown: int = 3) -> list[FailureGroup]:
    """Failures grouped by day, lane, error class and message pattern, with their recommended action."""
    groups: dict[tuple, list[FailedCall]] = defaultdict(list)
    for call in failed:
        groups[(call.day, Lane.per_call().index(call.lane), call.error_class, call.pattern)].append(call)
    result = []
    # per day and lane, the biggest group first
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1], -len(item[1]), item[0][2:]))
    for (day, _, error_class, pattern), calls in ordered:
        advice = advise(calls[0].lane, error_class, calls[0].message)
        result.append(
            FailureGroup(
                day=day,
                lane=calls[0].lane,
                error_class=error_class,
                pattern=pattern,
                calls=len(calls),
                call_ids=tuple(c.call_id for c in calls[:shown]),
                action=advice.action,
                mode=advice.mode,
                needs_permanent=advice.needs_permanent,
            )
        )
    return result


# --- the plan -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reset:
    """One call going back: its `lane` row to pending (from failed, or from done for --recover-all)."""

    call: FailedCall
    lane: Lane
    refresh_url: bool = False  # ask Ringba for a fresh recording URL first
    fresh_url: str | None = None  # what Ringba offered (set by `with_fresh_urls`)
    remove_lanes: tuple[Lane, ...] = ()  # later lanes the call leaves until it gets there again


@dataclass(frozen=True)
class LeftAlone:
    call: FailedCall
    reason: str


@dataclass(frozen=True)
class RecoveryPlan:
    mode: RecoveryMode
    resets: list[Reset] = field(default_factory=list)
    left: list[LeftAlone] = field(default_factory=list)
    # Retryable failures of the affected days and lanes the plan does not name: the backfill retries them too.
    also_retried: list[FailedCall] = field(default_factory=list)

    @property
    def days(self) -> list[date]:
        return sorted({reset.call.day for reset in self.resets})

    @property
    def first_lane(self) -> Lane | None:
        lanes = Lane.per_call()
        return min((reset.lane for reset in self.resets), key=lanes.index, default=None)

    @property
    def assets(self) -> list[str]:
        """The lane assets to re-materialize: from the earliest lane a call goes back to, to the judge."""
        if self.first_lane is None:
            return []
        lanes = Lane.per_call()
        return [LANE_ASSET_NAMES[lane] for lane in lanes[lanes.index(self.first_lane) :]]

    @property
    def urls_to_refresh(self) -> list[Reset]:
        return [reset for reset in self.resets if reset.refresh_url]

    def with_fresh_urls(self, fresh: dict[str, str | None]) -> RecoveryPlan:
        """The plan once Ringba was asked: calls it offered no new URL for are left alone."""
        resets, left = [], list(self.left)
        for reset in self.resets:
            if not reset.refresh_url:
                resets.append(reset)
                continue
            url = fresh.get(reset.call.call_id)
            if url and url != reset.call.recording_url:
                resets.append(replace(reset, fresh_url=url))
            else:
                left.append(LeftAlone(reset.call, "Ringba offered no fresh recording URL"))
        return replace(self, resets=resets, left=left)


def plan_recovery(
    failed: Iterable[FailedCall], mode: RecoveryMode, *, include_permanent: bool
) -> RecoveryPlan:
    """Which of the `failed` calls `mode` puts back, and into which lane; which it leaves alone and why."""
    if mode is RecoveryMode.ANALYZE:
        raise ValueError("analyze puts nothing back")
    failed = list(failed)
    resets: list[Reset] = []
    left: list[LeftAlone] = []
    seen: set[str] = set()
    for call in failed:
        reset = _reset_for(call, mode)
        if reset is None or call.call_id in seen:
            continue
        if call.permanent and not include_permanent:
            left.append(
                LeftAlone(call, f"permanent ({call.pattern}): put back only with --include-permanent")
            )
            continue
        seen.add(call.call_id)
        resets.append(reset)
    plan = RecoveryPlan(mode, resets, left)
    lanes = Lane.per_call()
    affected = {
        (day, lane)
        for reset in resets
        for day in [reset.call.day]
        for lane in lanes[lanes.index(reset.lane) :]
    }
    also = [
        call
        for call in failed
        if call.call_id not in seen and not call.permanent and (call.day, call.lane) in affected
    ]
    return replace(plan, also_retried=also)


def _reset_for(call: FailedCall, mode: RecoveryMode) -> Reset | None:
    lanes = Lane.per_call()
    if mode is RecoveryMode.REFRESH_URLS:
        if call.lane is Lane.VAULT and (
            call.error_class is ErrorClass.URL_EXPIRED or (call.permanent and _GONE.search(call.message))
        ):
            return Reset(call, Lane.VAULT, refresh_url=True)
        return None
    if mode is RecoveryMode.WITH_AUDIO:
        if call.lane in (Lane.FACTORY, Lane.JUDGE) and call.has_recording:
            return Reset(call, call.lane)
        return None
    if mode is RecoveryMode.ALL:
        return Reset(call, Lane.VAULT, remove_lanes=tuple(lanes[1:]))
    return None


# --- doing it -----------------------------------------------------------------------------------------------


def fetch_fresh_urls(
    plan: RecoveryPlan, find_recording_url: Callable[[str, datetime], str | None]
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Ask Ringba (`find_recording_url`, within the shared rate limit) for every URL the plan refreshes.
    Returns the URLs found (None: Ringba has none) and the calls whose lookup failed, with why."""
    found: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for reset in plan.urls_to_refresh:
        call = reset.call
        try:
            found[call.call_id] = find_recording_url(call.call_id, call.call_at)
        except LaneError as exc:  # this call's lookup failed after retries; the others may still work
            errors[call.call_id] = exc.message
    return found, errors


def execute_plan(
    pool: ConnectionPool, plan: RecoveryPlan, *, hold: timedelta = BACKFILL_HOLD
) -> dict[date, int]:
    """Put the plan's calls back: per day one transaction holding the URL refreshes, the resets and their
    events. Returns how many calls each day put back (a call that changed meanwhile is not touched)."""
    reason = f"reset by callscript recover --{plan.mode.value}"
    by_day: dict[date, list[Reset]] = defaultdict(list)
    for reset in plan.resets:
        by_day[reset.call.day].append(reset)
    done: dict[date, int] = {}
    for day, resets in sorted(by_day.items()):
        with pool.connection() as conn, conn.transaction():
            for reset in resets:
                if reset.fresh_url:
                    conn.execute(
                        query("refresh_recording_url"),
                        {
                            "call_id": reset.call.call_id,
                            "url": reset.fresh_url,
                            "run_id": None,
                            "message": f"recording URL refreshed from Ringba by callscript recover --{plan.mode.value}",
                        },
                    )
            count = 0
            by_lane: dict[Lane, list[Reset]] = defaultdict(list)
            for reset in resets:
                by_lane[reset.lane].append(reset)
            for lane, lane_resets in by_lane.items():
                from_statuses = ["failed", "done"] if plan.mode is RecoveryMode.ALL else ["failed"]
                count += len(
                    conn.execute(
                        query("reset_lane_calls"),
                        {
                            "lane": lane.value,
                            "call_ids": [r.call.call_id for r in lane_resets],
                            "from_statuses": from_statuses,
                            "hold": hold,
                            "reason": reason,
                        },
                    ).fetchall()
                )
                removing = [r for r in lane_resets if r.remove_lanes]
                if removing:
                    conn.execute(
                        query("remove_lane_calls"),
                        {
                            "call_ids": [r.call.call_id for r in removing],
                            "lanes": sorted({lane.value for r in removing for lane in r.remove_lanes}),
                            "reason": f"{reason}: back to the vault lane",
                        },
                    )
            done[day] = count
    return done


# --- what the operator reads --------------------------------------------------------------------------------


def group_rows(groups: list[FailureGroup]) -> list[dict]:
    """The analysis as table rows (also the `--json` form)."""
    return [
        {
            "day": g.day.isoformat(),
            "lane": g.lane.value,
            "error_class": g.error_class.value,
            "pattern": g.pattern,
            "calls": g.calls,
            "examples": ", ".join(g.call_ids),
            "action": g.action,
        }
        for g in groups
    ]


def analysis_summary(failed: list[FailedCall]) -> str:
    """One line: how many failed calls, how many a recovery mode would put back, how many are permanent."""
    if not failed:
        return "no failed calls: nothing to recover"
    permanent = sum(1 for call in failed if call.permanent)
    retryable = len(failed) - permanent
    parts = [f"{len(failed)} failed calls"]
    parts.append(f"{retryable} recoverable (see the actions above)" if retryable else "nothing to recover")
    if permanent:
        parts.append(f"{permanent} permanent, left alone unless named with --include-permanent")
    return "; ".join(parts)


def plan_rows(plan: RecoveryPlan) -> list[dict]:
    """Every call the plan puts back, and every call it leaves alone, as table rows."""
    rows = [
        {
            "day": r.call.day.isoformat(),
            "call_id": r.call.call_id,
            "failed_in": r.call.lane.value,
            "error_class": r.call.error_class.value,
            "action": f"back to {r.lane.value}" + (" with a fresh recording URL" if r.refresh_url else ""),
        }
        for r in plan.resets
    ]
    rows += [
        {
            "day": a.call.day.isoformat(),
            "call_id": a.call.call_id,
            "failed_in": a.call.lane.value,
            "error_class": a.call.error_class.value,
            "action": f"left alone: {a.reason}",
        }
        for a in plan.left
    ]
    return rows


def plan_summary(plan: RecoveryPlan, *, executed: bool) -> str:
    if not plan.resets:
        return f"{plan.mode.value}: nothing to put back" + (
            f" ({len(plan.left)} left alone)" if plan.left else ""
        )
    verb = "put back" if executed else "would put back"
    days = ", ".join(day.isoformat() for day in plan.days)
    line = f"{plan.mode.value}: {verb} {len(plan.resets)} calls of {days}, then backfill {', '.join(plan.assets)}"
    if plan.urls_to_refresh and not executed:
        line += f" (after asking Ringba for {len(plan.urls_to_refresh)} fresh recording URLs)"
    if plan.also_retried:
        line += f"; the backfill also retries {len(plan.also_retried)} other retryable failures of those days"
    return line
