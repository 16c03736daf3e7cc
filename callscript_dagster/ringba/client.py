"""Ringba's reporting API: call logs for a time window, page by page, within the account's rate limit."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from callscript_dagster.db.ratelimit import SharedRateLimiter
from callscript_dagster.errors import ConfigurationError, PermanentError, TransientError
from callscript_dagster.retries import RETRYABLE_STATUS, call_with_retries, retry_after_seconds
from callscript_dagster.ringba.records import VALUE_COLUMNS

log = logging.getLogger(__name__)

RINGBA_API_URL = "https://api.ringba.com"
MAX_PAGE_SIZE = 1000


class RingbaConfigurationError(ConfigurationError):
    """Ringba refused our credentials or account: retrying cannot help, an operator must fix settings."""


@dataclass(frozen=True)
class CallLogPage:
    number: int  # 1-based
    offset: int
    records: list[dict[str, Any]]
    total: int | None  # records in the whole window, when Ringba says
    size: int

    @property
    def page_count(self) -> int | None:
        return max(1, math.ceil(self.total / self.size)) if self.total is not None else None

    @property
    def is_last(self) -> bool:
        return len(self.records) < self.size or (
            self.total is not None and self.offset + self.size >= self.total
        )


def iso_z(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, the form Ringba's reportStart/reportEnd take."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class RingbaClient:
    """Speaks Ringba's call-logs contract (`POST {base}/v2/{accountId}/calllogs`, `Authorization: Token …`,
    paged by size/offset) over httpx. Every request first takes a slot from the
    deployment-wide rate limiter; 429s push that limiter back for everyone; 5xx and timeouts are retried with
    the one retry policy; 401/403 stop at once with a configuration error."""

    def __init__(
        self,
        *,
        base_url: str,
        account_id: str,
        api_token: str,
        http: httpx.Client,
        limiter: SharedRateLimiter | None,
        page_size: int = MAX_PAGE_SIZE,
        attempts: int = 8,
        retry_wait: float = 1.0,
        on_retry: Callable[[BaseException, float], None] | None = None,
    ):
        if not account_id or not api_token:
            raise RingbaConfigurationError("RINGBA_ACCOUNT_ID and RINGBA_API_TOKEN must both be set")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be within 1..{MAX_PAGE_SIZE}")
        self._url = f"{base_url.rstrip('/')}/v2/{account_id}/calllogs"
        self._account_id = account_id
        self._headers = {"Authorization": f"Token {api_token}", "Accept": "application/json"}
        self._http = http
        self._limiter = limiter
        self._page_size = page_size
        self._attempts = attempts
        self._retry_wait = retry_wait
        self._on_retry = on_retry

    def iter_call_logs(
        self, start: datetime, end: datetime, filters: list[dict[str, Any]] | None = None
    ) -> Iterator[CallLogPage]:
        """All call-log records with start <= callDt < end, one page at a time (offset += size until a short
        page)."""
        offset, number = 0, 1
        while True:
            body = {
                "reportStart": iso_z(start),
                "reportEnd": iso_z(end),
                "size": self._page_size,
                "offset": offset,
                "valueColumns": [{"column": c} for c in VALUE_COLUMNS],
                "orderByColumns": [{"column": "callDt", "direction": "asc"}],
                "filters": filters or [],
            }
            report = self._post(body)
            records = report.get("records")
            if not isinstance(records, list):
                raise TransientError("Ringba answered without report.records")
            total = report.get("totalCount")
            page = CallLogPage(
                number=number,
                offset=offset,
                records=records,
                total=total if isinstance(total, int) else None,
                size=self._page_size,
            )
            yield page
            if page.is_last:
                return
            offset += self._page_size
            number += 1

    def find_recording_url(self, call_id: str, call_at: datetime) -> str | None:
        """A fresh recordingUrl for one call (signed media URLs expire)."""
        filters = [
            {
                "anyConditionToMatch": [
                    {
                        "column": "inboundCallId",
                        "value": call_id,
                        "isNegativeFilter": False,
                        "comparisonType": "EQUALS",
                    }
                ]
            }
        ]
        window = timedelta(minutes=5)
        for page in self.iter_call_logs(call_at - window, call_at + window, filters):
            for record in page.records:
                if isinstance(record, dict) and record.get("inboundCallId") == call_id:
                    url = record.get("recordingUrl")
                    return url if isinstance(url, str) and url else None
        return None

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        return call_with_retries(
            lambda: self._post_once(body),
            attempts=self._attempts,
            initial_wait=self._retry_wait,
            max_wait=60.0,
            on_retry=self._on_retry,
        )

    def _post_once(self, body: dict[str, Any]) -> dict[str, Any]:
        if self._limiter is not None:
            self._limiter.acquire()
        response = self._http.post(self._url, json=body, headers=self._headers)
        payload = _json_or_none(response)
        rate_limited = response.status_code == 429 or (
            isinstance(payload, dict) and payload.get("isRateLimited")
        )
        if rate_limited:
            wait = retry_after_seconds(response)
            if wait and self._limiter is not None:
                self._limiter.hold_off(wait)
            raise TransientError("Ringba rate limit hit (HTTP 429)", retry_after=wait)
        if response.status_code in (401, 403):
            raise RingbaConfigurationError(
                f"Ringba refused the request for account {self._account_id!r} (HTTP {response.status_code}: "
                f"{_message(payload)}). Check RINGBA_ACCOUNT_ID and RINGBA_API_TOKEN."
            )
        if response.status_code in RETRYABLE_STATUS or response.status_code >= 500:
            raise TransientError(f"Ringba answered HTTP {response.status_code}")
        if response.status_code >= 400:
            raise PermanentError(
                f"Ringba rejected the call-log request (HTTP {response.status_code}: {_message(payload)})"
            )
        if not isinstance(payload, dict) or not isinstance(payload.get("report"), dict):
            raise TransientError("Ringba answered 200 without a JSON report")
        if payload.get("isSuccessful") is False:
            raise PermanentError(f"Ringba reported failure: {_message(payload)}")
        return payload["report"]


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _message(payload: Any) -> str:
    if isinstance(payload, dict):
        for key in ("message", "Message", "error"):
            if isinstance(payload.get(key), str):
                return payload[key][:300]
    return "no message"
