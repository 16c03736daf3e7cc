"""What on-call hears on Slack: run failures, and queue conditions read from the system of record.

A queue condition (a lane's backlog, calls in flight too long, zombie claims released, a lane's failure rate,
Ringba ingest not succeeding) is announced once when it starts, once when it clears, and reminded at most every
`reminder` while it lasts — never a message per tick. What Slack was told is kept in `core.alert_state`, so a
daemon restart neither repeats nor forgets an alert.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import psycopg

from callscript_dagster.db.sql import query
from callscript_dagster.errors import redact_text

# Zombie claims released within this window keep their alert firing; it clears once a window passes quietly.
ZOMBIE_WINDOW = timedelta(minutes=30)
# A lane's failure rate is measured over this window.
FAILURE_RATE_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class QueueThresholds:
    """When a queue condition fires (settings: CALLSCRIPT_ALERT_*)."""

    backlog: int = 200
    in_flight: timedelta = timedelta(hours=1)
    failure_rate: float = 0.25
    failure_rate_min_calls: int = 10
    ingest_stale: timedelta = timedelta(minutes=30)
    reminder: timedelta = timedelta(hours=1)

    def describe(self) -> str:
        return (
            f"a lane's backlog above {self.backlog}, calls in flight longer than {_duration(self.in_flight)}, "
            f"zombie claims released, a lane failing more than {self.failure_rate:.0%} of its calls in an hour "
            f"(at least {self.failure_rate_min_calls}), Ringba ingest not succeeding for "
            f"{_duration(self.ingest_stale)}; reminders every {_duration(self.reminder)} at most"
        )


@dataclass(frozen=True)
class Condition:
    """A queue condition that holds now. `key` identifies it across ticks (one alert per key)."""

    key: str
    summary: str  # one line, what Slack shows first
    detail: str = ""  # the calls, days or runs involved, and what to do


def queue_conditions(conn: psycopg.Connection, thresholds: QueueThresholds) -> list[Condition]:
    """The queue conditions that hold now, from `core.call_lanes` and `core.call_events`."""
    found: list[Condition] = []
    for row in conn.execute(query("lane_pending_counts")).fetchall():
        if row["calls"] > thresholds.backlog:
            found.append(
                Condition(
                    f"backlog:{row['lane']}",
                    f"{row['lane']} backlog: {row['calls']:,} calls waiting (threshold {thresholds.backlog:,})",
                    f"days {_span(row['first_day'], row['last_day'])}; `callscript status` shows where they "
                    "stand, the run queue whether their runs are waiting",
                )
            )
    stalled = conn.execute(query("calls_in_flight_too_long"), {"older_than": thresholds.in_flight}).fetchall()
    for row in stalled:
        found.append(
            Condition(
                f"in_flight:{row['lane']}",
                f"{row['lane']}: {row['calls']:,} calls in flight for more than {_duration(thresholds.in_flight)}",
                f"oldest claimed since {row['oldest']:%Y-%m-%d %H:%M %Z}; calls {_ids(row['call_ids'], row['calls'])}; "
                f"held by run {', '.join(row['runs'])}",
            )
        )
    zombies = conn.execute(query("zombie_claims_released"), {"window": ZOMBIE_WINDOW}).fetchone()
    if zombies["claims"]:
        found.append(
            Condition(
                "zombie_claims",
                f"{zombies['claims']:,} zombie claims released in the last {_duration(ZOMBIE_WINDOW)} "
                f"({zombies['lanes']})",
                f"runs that stopped or timed out holding calls: {', '.join(r for r in zombies['runs'] if r)}; "
                "their calls are retried",
            )
        )
    rates = conn.execute(query("lane_failure_rates"), {"window": FAILURE_RATE_WINDOW}).fetchall()
    for row in rates:
        outcomes = row["done"] + row["failed"]
        rate = row["failed"] / outcomes if outcomes else 0.0
        if outcomes >= thresholds.failure_rate_min_calls and rate > thresholds.failure_rate:
            classes = ", ".join(f"{row[c]} {c}" for c in ("transient", "url_expired", "permanent") if row[c])
            found.append(
                Condition(
                    f"failure_rate:{row['lane']}",
                    f"{row['lane']} failure rate {rate:.0%} in the last hour ({row['failed']:,} of {outcomes:,} "
                    f"calls failed; threshold {thresholds.failure_rate:.0%})",
                    f"{classes}; `callscript recover` groups them by cause and recommends what to do",
                )
            )
    return found


def ingest_condition(
    *,
    last_success: datetime | None,
    first_attempt_since: datetime | None,
    now: datetime,
    stale: timedelta,
) -> Condition | None:
    """Ringba ingest not succeeding: it has been attempted (`first_attempt_since`: the first attempt after the
    last success) for `stale` or longer without succeeding. Nothing attempted, nothing to say."""
    if first_attempt_since is None or now - first_attempt_since < stale:
        return None
    since = f"last success {last_success:%Y-%m-%d %H:%M %Z}" if last_success else "it has never succeeded"
    return Condition(
        "ingest",
        f"Ringba ingest has not succeeded for {_duration(now - (last_success or first_attempt_since))}",
        f"{since}; attempts since {first_attempt_since:%Y-%m-%d %H:%M %Z} failed or are stuck: see the "
        "ringba_calls runs in the UI (credentials, Ringba's status)",
    )


# --- deduplication ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertState:
    """What Slack was last told about one alert key (a row of `core.alert_state`)."""

    alert_key: str
    firing: bool
    summary: str
    started_at: datetime | None
    notified_at: datetime | None


class NotificationKind(StrEnum):
    STARTED = "started"
    REMINDER = "reminder"
    RESOLVED = "resolved"


@dataclass(frozen=True)
class Notification:
    kind: NotificationKind
    key: str
    summary: str
    text: str
    started_at: datetime  # the episode's start

    def state_after(self, now: datetime) -> dict[str, Any]:
        """The `core.alert_state` row once this message has gone out."""
        resolved = self.kind is NotificationKind.RESOLVED
        return {
            "alert_key": self.key,
            "firing": not resolved,
            "summary": self.summary,
            "started_at": self.started_at,
            "notified_at": now,
            "cleared_at": now if resolved else None,
        }


def notifications_due(
    firing: Iterable[Condition], states: Mapping[str, AlertState], now: datetime, reminder: timedelta
) -> list[Notification]:
    """The messages this tick owes Slack: a condition that started, one still firing whose last message is at
    least `reminder` old, and one that cleared. Nothing else."""
    due: list[Notification] = []
    current = {condition.key: condition for condition in firing}
    for key, condition in current.items():
        state = states.get(key)
        if state is None or not state.firing:
            text = f":rotating_light: *CallScript alert*: {condition.summary}\n{condition.detail}".rstrip()
            due.append(Notification(NotificationKind.STARTED, key, condition.summary, text, now))
        elif state.notified_at is None or now - state.notified_at >= reminder:
            started = state.started_at or now
            text = (
                f":warning: *Still firing* for {_duration(now - started)}: {condition.summary}\n"
                f"{condition.detail}".rstrip()
            )
            due.append(Notification(NotificationKind.REMINDER, key, condition.summary, text, started))
    for key, state in states.items():
        if state.firing and key not in current:
            started = state.started_at or now
            text = f":white_check_mark: *Resolved* after {_duration(now - started)}: {state.summary}"
            due.append(Notification(NotificationKind.RESOLVED, key, state.summary, text, started))
    return due


def load_alert_states(conn: psycopg.Connection) -> dict[str, AlertState]:
    return {row["alert_key"]: AlertState(**row) for row in conn.execute(query("alert_states")).fetchall()}


def save_alert_state(conn: psycopg.Connection, notification: Notification, now: datetime) -> None:
    conn.execute(query("save_alert_state"), notification.state_after(now))


# --- run failures -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepFailure:
    step: str
    error_class: str  # the exception's class (Failure, TransientError, RingbaConfigurationError…)
    message: str


@dataclass(frozen=True)
class RunFailure:
    """What a Slack message about a failed run says; gathered from Dagster by the run-failure sensor."""

    run_id: str
    job: str
    assets: Sequence[str] = ()
    partition: str | None = None
    steps: Sequence[StepFailure] = field(default_factory=tuple)
    run_message: str = ""  # Dagster's own message about the run's failure


def run_failure_message(failure: RunFailure, ui_url: str) -> str:
    """The Slack text for a failed run: what, which day, which step and why (secrets scrubbed), and a link."""
    what = ", ".join(failure.assets) or failure.job
    lines = [
        f":red_circle: *CallScript run failed*: {what}"
        + (f" · partition {failure.partition}" if failure.partition else "")
    ]
    for step in failure.steps[:3]:
        lines.append(f"step `{step.step}` — {step.error_class}: {_first_lines(step.message)}")
    if not failure.steps and failure.run_message:
        lines.append(_first_lines(failure.run_message))
    lines.append(f"<{ui_url.rstrip('/')}/runs/{failure.run_id}|run {failure.run_id[:8]}>")
    return redact_text("\n".join(lines))


# --- formatting ---------------------------------------------------------------------------------------------


def _first_lines(text: str, lines: int = 3, chars: int = 600) -> str:
    kept = "\n".join(line for line in text.strip().splitlines()[:lines])
    return kept if len(kept) <= chars else kept[: chars - 1] + "…"


def _ids(ids: Sequence[str], total: int) -> str:
    shown = ", ".join(ids)
    return shown + (f" and {total - len(ids):,} more" if total > len(ids) else "")


def _span(first, last) -> str:
    return str(first) if first == last else f"{first}..{last}"


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h" + (f" {minutes} min" if minutes else "")
    return f"{hours // 24} days"
