"""Posting alerts to Slack: an Incoming Webhook, or a bot token and a channel (`chat.postMessage`).

Delivery follows the one retry policy: 429 (after its Retry-After), 5xx and network failures are retried; what
Slack refuses for good (a revoked webhook, `invalid_auth`, an unknown channel) is not. Either way `post` never
raises: an alert that cannot be delivered is logged, and the sensor that sent it carries on. Without a webhook
or a token, alerts are logged and skipped.
"""

from __future__ import annotations

import logging
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from callscript_dagster.errors import TransientError, redact_text
from callscript_dagster.retries import RETRYABLE_STATUS, call_with_retries

log = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
# Slack shows at most 40,000 characters of a message's text and truncates sections far earlier; alerts are short.
MAX_TEXT_CHARS = 3_000
# `chat.postMessage` errors worth another try (the rest — invalid_auth, channel_not_found… — are not).
_TRANSIENT_API_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


class DeliveryStatus(StrEnum):
    DELIVERED = "delivered"
    SKIPPED = "skipped"  # no Slack destination configured: logged only
    REFUSED = "refused"  # Slack refused it for good (bad credentials, unknown channel): retrying cannot help
    FAILED = "failed"  # retryable failures outlasted the retries: a later attempt may get through


@dataclass(frozen=True)
class Delivery:
    status: DeliveryStatus
    detail: str = ""

    @property
    def settled(self) -> bool:
        """Nothing more to try for this message (delivered, or nowhere/no way to deliver it)."""
        return self.status is not DeliveryStatus.FAILED


class SlackRefused(Exception):
    """Slack answered, and the answer means this destination will not take the message."""


class SlackNotifier:
    """Sends text messages to the configured Slack destination. Secrets (the webhook URL, the token) never
    appear in what it logs or returns."""

    def __init__(
        self,
        *,
        webhook_url: str | None = None,
        bot_token: str | None = None,
        channel: str = "",
        api_url: str = SLACK_API_URL,
        timeout_seconds: float = 10.0,
        attempts: int = 4,
        retry_wait: float = 1.0,
        give_up_after: float = 30.0,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._webhook_url = webhook_url or None
        self._bot_token = bot_token or None
        self._channel = channel
        self._api_url = api_url
        self._timeout = max(1, round(timeout_seconds))
        self._attempts = attempts
        self._retry_wait = retry_wait
        self._give_up_after = give_up_after
        self._sleep = sleep

    @property
    def destination(self) -> str | None:
        """Where messages go, fit for logs: "webhook", "#channel", or None when Slack is not configured."""
        if self._webhook_url:
            return "Slack webhook"
        if self._bot_token and self._channel:
            return f"Slack channel {self._channel}"
        return None

    def post(self, text: str) -> Delivery:
        """Send `text` (secrets scrubbed, shortened to what Slack shows). Never raises."""
        text = redact_text(text)
        if len(text) > MAX_TEXT_CHARS:
            text = text[: MAX_TEXT_CHARS - 1] + "…"
        if self.destination is None:
            why = "SLACK_CHANNEL is not set" if self._bot_token else "no SLACK_WEBHOOK_URL or SLACK_BOT_TOKEN"
            log.warning("Slack alert not sent (%s): %s", why, text)
            return Delivery(DeliveryStatus.SKIPPED, why)
        send = self._send_webhook if self._webhook_url else self._send_chat_message
        retry_args = {"sleep": self._sleep} if self._sleep else {}
        try:
            call_with_retries(
                lambda: send(text),
                attempts=self._attempts,
                initial_wait=self._retry_wait,
                max_wait=30.0,
                give_up_after=self._give_up_after,
                on_retry=lambda exc, wait: log.warning("Slack: %s; retrying in %.1fs", exc, wait),
                **retry_args,
            )
        except SlackRefused as exc:
            log.error("Slack refused the alert (%s), not retrying: %s", exc, text)
            return Delivery(DeliveryStatus.REFUSED, str(exc))
        except TransientError as exc:
            log.error("Slack alert not delivered after retries (%s): %s", exc.message, text)
            return Delivery(DeliveryStatus.FAILED, exc.message)
        except Exception as exc:  # a bug or an unforeseen answer: an alert must never take its sensor down
            log.exception("Slack alert not delivered: %s", text)
            return Delivery(DeliveryStatus.FAILED, redact_text(f"{type(exc).__name__}: {exc}"))
        return Delivery(DeliveryStatus.DELIVERED, self.destination)

    def _send_webhook(self, text: str) -> None:
        client = WebhookClient(self._webhook_url, timeout=self._timeout, retry_handlers=[])
        try:
            response = client.send(text=text)
        except (TimeoutError, urllib.error.URLError, ConnectionError, SlackClientError) as exc:
            raise TransientError(f"cannot reach the Slack webhook: {_reason(exc)}") from None
        if response.status_code == 200:
            return
        body = (response.body or "").strip()[:100]
        if response.status_code in RETRYABLE_STATUS:
            raise TransientError(
                f"Slack webhook answered HTTP {response.status_code} {body}",
                retry_after=_retry_after(response.headers),
            )
        raise SlackRefused(f"Slack webhook answered HTTP {response.status_code} {body}")

    def _send_chat_message(self, text: str) -> None:
        client = WebClient(
            token=self._bot_token, base_url=self._api_url, timeout=self._timeout, retry_handlers=[]
        )
        try:
            client.chat_postMessage(channel=self._channel, text=text)
        except SlackApiError as exc:
            status = exc.response.status_code
            error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
            detail = f"chat.postMessage answered HTTP {status} {error or ''}".strip()
            if status in RETRYABLE_STATUS or error in _TRANSIENT_API_ERRORS:
                raise TransientError(detail, retry_after=_retry_after(exc.response.headers)) from None
            raise SlackRefused(detail) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError, SlackClientError) as exc:
            raise TransientError(f"cannot reach Slack's Web API: {_reason(exc)}") from None


def _retry_after(headers) -> float | None:
    value = None
    for name, raw in dict(headers or {}).items():
        if name.lower() == "retry-after":
            value = raw[0] if isinstance(raw, list) else raw
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return f"{type(exc).__name__}: {reason}"
