"""Slack as a Dagster resource: where alerts go."""

from __future__ import annotations

import dagster as dg

from callscript_dagster.slack import SLACK_API_URL, SlackNotifier


class SlackResource(dg.ConfigurableResource):
    """Alert delivery: an Incoming Webhook (`webhook_url`, a `dg.EnvVar("SLACK_WEBHOOK_URL")`), or a bot token
    (`dg.EnvVar("SLACK_BOT_TOKEN")`) posting to `channel`. Neither set: alerts are logged and skipped."""

    webhook_url: str | None = None
    bot_token: str | None = None
    channel: str = ""
    api_url: str = SLACK_API_URL
    timeout_seconds: float = 10.0
    retry_wait_seconds: float = 1.0  # first back-off of the retry policy (tests: 0)

    def notifier(self) -> SlackNotifier:
        return SlackNotifier(
            webhook_url=self.webhook_url,
            bot_token=self.bot_token,
            channel=self.channel,
            api_url=self.api_url,
            timeout_seconds=self.timeout_seconds,
            retry_wait=self.retry_wait_seconds,
        )
