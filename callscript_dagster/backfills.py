"""Partition backfills of the lane assets, launched and followed through the Dagster webserver's GraphQL API —
the same `launchPartitionBackfill` mutation the UI's "Materialize" dialog sends (`DagsterGraphQLClient` has no
backfill method). The backfill daemon then runs them like any backfill launched from the UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from callscript_dagster.run_tags import LANE_ASSET_NAMES

LANE_ASSETS = list(LANE_ASSET_NAMES.values())  # in lane order: ringba_calls … judgments
# Backfill statuses that will not change any more.
FINISHED_STATUSES = frozenset({"COMPLETED", "COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "CANCELED"})

_LAUNCH = """
mutation($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message }
    ... on Error { message }
  }
}"""
_STATUS = """
query($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill {
      id status title partitionNames
      assetSelection { path }
      assetBackfillData {
        assetBackfillStatuses {
          ... on AssetPartitionsStatusCounts {
            assetKey { path }
            numPartitionsTargeted numPartitionsInProgress numPartitionsMaterialized numPartitionsFailed
          }
        }
      }
    }
    ... on Error { message }
    ... on PythonError { message }
  }
}"""
_PARTITION_STATUSES = """
query($keys: [AssetKeyInput!]) {
  assetNodes(assetKeys: $keys) {
    assetKey { path }
    assetPartitionStatuses {
      __typename
      ... on TimePartitionStatuses { ranges { status startKey endKey } }
    }
  }
}"""


class WebserverError(RuntimeError):
    """The Dagster webserver could not be reached or refused the request."""


@dataclass(frozen=True)
class AssetProgress:
    asset: str
    targeted: int
    in_progress: int
    materialized: int
    failed: int


@dataclass(frozen=True)
class BackfillProgress:
    backfill_id: str
    status: str
    title: str | None
    partitions: list[str]
    assets: list[AssetProgress]
    # partition -> asset -> MATERIALIZED / MATERIALIZING / FAILED / "" (not materialized)
    by_partition: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES


class DagsterWebserver:
    """The Dagster UI at `ui_url` (CALLSCRIPT_UI_URL), as the UI's own pages talk to it."""

    def __init__(
        self, ui_url: str, *, timeout_seconds: float = 30.0, http: httpx.Client | None = None
    ) -> None:
        self.ui_url = ui_url.rstrip("/")
        self._http = http or httpx.Client(timeout=timeout_seconds)

    def backfill_url(self, backfill_id: str) -> str:
        return f"{self.ui_url}/runs/b/{backfill_id}"

    def launch_backfill(
        self,
        days: Sequence[date],
        assets: Sequence[str] = tuple(LANE_ASSETS),
        *,
        title: str | None = None,
        description: str | None = None,
        tags: dict[str, str] | None = None,
    ) -> str:
        """Launch a partition backfill of `assets` for `days`; returns its id."""
        if not days:
            raise ValueError("a backfill needs at least one day")
        params = {
            "partitionNames": sorted({day.isoformat() for day in days}),
            "assetSelection": [{"path": [name]} for name in assets],
            "tags": [{"key": key, "value": value} for key, value in (tags or {}).items()],
        }
        if title:
            params["title"] = title
        if description:
            params["description"] = description
        answer = self._graphql(_LAUNCH, {"params": params})["launchPartitionBackfill"]
        if answer["__typename"] != "LaunchBackfillSuccess":
            raise WebserverError(
                f"the webserver refused the backfill ({answer['__typename']}): {answer.get('message')}"
            )
        return answer["backfillId"]

    def backfill_progress(self, backfill_id: str) -> BackfillProgress:
        """A backfill's status, per asset and per partition."""
        answer = self._graphql(_STATUS, {"id": backfill_id})["partitionBackfillOrError"]
        if answer["__typename"] != "PartitionBackfill":
            raise WebserverError(f"no backfill {backfill_id}: {answer.get('message', answer['__typename'])}")
        partitions = answer["partitionNames"] or []
        assets = []
        for entry in (answer.get("assetBackfillData") or {}).get("assetBackfillStatuses") or []:
            if "assetKey" in entry:
                assets.append(
                    AssetProgress(
                        asset="/".join(entry["assetKey"]["path"]),
                        targeted=entry["numPartitionsTargeted"],
                        in_progress=entry["numPartitionsInProgress"],
                        materialized=entry["numPartitionsMaterialized"],
                        failed=entry["numPartitionsFailed"],
                    )
                )
        keys = [{"path": key["path"]} for key in answer.get("assetSelection") or []]
        return BackfillProgress(
            backfill_id=answer["id"],
            status=answer["status"],
            title=answer.get("title"),
            partitions=partitions,
            assets=assets,
            by_partition=self._partition_statuses(keys, partitions),
        )

    def _partition_statuses(self, keys: list[dict], partitions: list[str]) -> dict[str, dict[str, str]]:
        if not keys or not partitions:
            return {}
        table: dict[str, dict[str, str]] = {p: {} for p in partitions}
        for node in self._graphql(_PARTITION_STATUSES, {"keys": keys})["assetNodes"]:
            name = "/".join(node["assetKey"]["path"])
            ranges = (node.get("assetPartitionStatuses") or {}).get("ranges") or []
            for partition in partitions:
                status = next((r["status"] for r in ranges if r["startKey"] <= partition <= r["endKey"]), "")
                table[partition][name] = status
        return table

    def _graphql(self, document: str, variables: dict) -> dict:
        try:
            response = self._http.post(
                f"{self.ui_url}/graphql", json={"query": document, "variables": variables}
            )
        except httpx.HTTPError as exc:
            raise WebserverError(f"cannot reach the Dagster webserver at {self.ui_url}: {exc}") from None
        if response.status_code != 200:
            raise WebserverError(
                f"the Dagster webserver at {self.ui_url} answered HTTP {response.status_code}"
            )
        body = response.json()
        if body.get("errors"):
            raise WebserverError(f"GraphQL error: {body['errors'][0].get('message')}")
        return body["data"]

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> DagsterWebserver:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def days_between(start: date, end: date) -> list[date]:
    """Every day from `start` to `end`, both included."""
    if end < start:
        raise ValueError(f"the end day {end} is before the start day {start}")
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def days_of_last_hours(hours: float, now: datetime, tz: ZoneInfo) -> list[date]:
    """The business days (partitions) that the last `hours` hours before `now` touch, today included."""
    if hours <= 0:
        raise ValueError("--hours must be positive")
    local = now.astimezone(tz)
    return days_between((local - timedelta(hours=hours)).date(), local.date())
