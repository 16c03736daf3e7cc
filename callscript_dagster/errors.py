"""The error taxonomy every lane speaks.

A lane's work function raises a `LaneError`; the lane machinery records its `error_class` and `message` on the
call and in `core.call_events`, and decides from the class alone what happens next:

- `transient`   retry (timeouts, 5xx, 429, CUDA OOM, a reaped zombie claim);
- `url_expired` refresh the recording URL from Ringba, then retry;
- `permanent`   give up on this call (404, empty/corrupt/non-audio content); the partition still succeeds.

Messages are for operators (UI, Slack, call events): short, and never carrying secrets. URLs in them lose
their user info, query string and fragment, because a signed recording URL's query string *is* a credential.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import urlsplit

MAX_MESSAGE_CHARS = 500


class ErrorClass(StrEnum):
    TRANSIENT = "transient"
    URL_EXPIRED = "url_expired"
    PERMANENT = "permanent"


def redact_url(url: str) -> str:
    """`url` without user info, query string or fragment: safe to log, still says which host and path."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unparseable url>"
    if not parts.scheme or not host:
        return url.split("?", 1)[0].split("#", 1)[0]
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    # A Slack Incoming Webhook's path is its credential.
    path = "/services/***" if host == "hooks.slack.com" else parts.path
    return f"{parts.scheme}://{netloc}{path}"


_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")
# Credentials that travel outside URLs: an Authorization header's value, Slack and OpenAI-style keys,
# `password=…`-style pairs. What an error message or a traceback may quote, and Slack must never show.
_CREDENTIALS_IN_TEXT = [
    # (a word after "token" counts as a credential only when it has a digit: "the token expired" stays)
    (re.compile(r"(?i)\b(token|bearer|basic)(\s+)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{6,}"), r"\1\2***"),
    (re.compile(r"\bxox[a-z]-[A-Za-z0-9-]+"), "xox*-***"),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{6,}"), "sk-***"),
    (re.compile(r"(?i)\b(password|passwd|secret|api[_-]?key|access[_-]?key|token)=[^&\s'\"]+"), r"\1=***"),
]


def redact_text(text: str) -> str:
    """`text` with every URL in it passed through `redact_url`, and credentials that travel outside URLs
    (authorization header values, API keys and tokens, `password=…`) masked."""
    text = _URL_IN_TEXT.sub(lambda match: redact_url(match.group(0)), text)
    for pattern, replacement in _CREDENTIALS_IN_TEXT:
        text = pattern.sub(replacement, text)
    return text


class ConfigurationError(RuntimeError):
    """A setting is wrong (credentials refused, model missing): no call can succeed until an operator fixes it,
    so a lane stops at once with this message instead of failing every call one by one."""


class LaneError(Exception):
    """A classified failure of one call in one lane. Use the subclasses; the base class defaults to transient
    because an unclassified failure should be retried (and so stay visible), not silently given up on.

    `retry_after` is the wait in seconds the other side asked for (a 429's Retry-After), if any.
    """

    error_class: ErrorClass = ErrorClass.TRANSIENT

    def __init__(
        self, message: str, error_class: ErrorClass | str | None = None, *, retry_after: float | None = None
    ) -> None:
        message = redact_text(message)
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        if error_class is not None:
            self.error_class = ErrorClass(error_class)

    def __reduce__(self):  # keep class and fields across pickling (process pools, Dagster's error records)
        return (_rebuild, (type(self), self.message, self.error_class, self.retry_after))


def _rebuild(cls: type[LaneError], message: str, error_class: ErrorClass, retry_after: float | None):
    return cls(message, error_class, retry_after=retry_after)


class TransientError(LaneError):
    error_class = ErrorClass.TRANSIENT


class UrlExpiredError(LaneError):
    error_class = ErrorClass.URL_EXPIRED


class PermanentError(LaneError):
    error_class = ErrorClass.PERMANENT


_ERROR_TYPES: dict[ErrorClass, type[LaneError]] = {
    ErrorClass.TRANSIENT: TransientError,
    ErrorClass.URL_EXPIRED: UrlExpiredError,
    ErrorClass.PERMANENT: PermanentError,
}


def lane_error(error_class: ErrorClass | str, message: str) -> LaneError:
    """The `LaneError` subclass for `error_class`, so callers can `except PermanentError` etc."""
    return _ERROR_TYPES[ErrorClass(error_class)](message)
