"""The bulk upsert against a real PostgreSQL: what counts as new, changed, refreshed or unchanged, and what each
leaves on record."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import psycopg
import pytest

from callscript_dagster.ringba.ingest import upsert_calls
from callscript_dagster.ringba.records import CallRecord

CALL = CallRecord(
    call_id="RGB1",
    call_at=datetime(2026, 11, 20, 12, tzinfo=UTC),
    partition_date=date(2026, 11, 20),
    campaign_name="Auto Insurance",
    publisher_name="Pub",
    caller_number="+13055550123",
    dialed_number="+18005550100",
    duration_seconds=60,
    recording_url="https://media.example/rec?exp=1&sig=aaa",
    attributes={"targetName": "Buyer"},
)


def upsert(db_url: str, *calls: CallRecord):
    with psycopg.connect(db_url, row_factory=psycopg.rows.dict_row) as conn, conn.transaction():
        return upsert_calls(conn, list(calls), run_id="run-2")


@pytest.mark.parametrize(
    ("change", "outcome", "event"),
    [
        ({}, "unchanged", False),
        ({"recording_url": "https://media.example/rec?exp=2&sig=bbb"}, "url_refreshed", False),
        ({"recording_url": "https://media.example/other-rec?exp=1&sig=aaa"}, "updated", True),
        ({"campaign_name": "Medicare Advantage"}, "updated", True),
        ({"duration_seconds": 61}, "updated", True),
        ({"attributes": {"targetName": "Another buyer"}}, "updated", True),
    ],
)
def test_second_sighting_of_a_call(db_url, db, change, outcome, event) -> None:
    assert upsert(db_url, CALL).new == 1
    counts = upsert(db_url, dataclasses.replace(CALL, **change))
    assert (counts.new, counts.updated, counts.url_refreshed, counts.unchanged) == (
        0,
        outcome == "updated",
        outcome == "url_refreshed",
        outcome == "unchanged",
    )
    row = db.execute("SELECT * FROM core.calls").fetchone()
    for column, value in change.items():
        assert row[column] == value  # the freshest data is kept, also a re-signed URL
    changed_events = db.execute(
        "SELECT count(*) AS n FROM core.call_events WHERE lane = 'ingest'"
    ).fetchone()["n"]
    assert changed_events == (1 if event else 0)
    assert (
        db.execute("SELECT count(*) AS n FROM core.call_lanes").fetchone()["n"] == 1
    )  # never a second lane row


def test_a_changed_call_keeps_its_lane_state(db_url, db) -> None:
    upsert(db_url, CALL)
    db.execute("UPDATE core.call_lanes SET status = 'done', done_at = now()")
    upsert(db_url, dataclasses.replace(CALL, campaign_name="Debt Relief"))
    assert db.execute("SELECT status FROM core.call_lanes").fetchone()["status"] == "done"


def test_a_call_moved_to_another_day_takes_its_lanes_along(db_url, db) -> None:
    upsert(db_url, CALL)
    upsert(
        db_url,
        dataclasses.replace(
            CALL, call_at=datetime(2026, 11, 21, 1, tzinfo=UTC), partition_date=date(2026, 11, 21)
        ),
    )
    assert db.execute("SELECT partition_date FROM core.call_lanes").fetchone()["partition_date"] == date(
        2026, 11, 21
    )


def test_duplicates_within_a_page_count_once(db_url, db) -> None:
    counts = upsert(db_url, CALL, dataclasses.replace(CALL, duration_seconds=75))
    assert (counts.received, counts.duplicates, counts.new) == (2, 1, 1)
    assert db.execute("SELECT duration_seconds FROM core.calls").fetchone()["duration_seconds"] == 75
