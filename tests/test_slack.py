"""Slack delivery against the Slack simulator over HTTP: both contracts, what is retried, what is given up on,
and that a failed delivery never raises."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from callscript_dagster.slack import DeliveryStatus, SlackNotifier
from callscript_simulators.slack import DEFAULT_BOT_TOKEN, SlackSimulator


@pytest.fixture
def slack():
    sim = SlackSimulator()
    with sim.serve() as server:
        sim.url = server.url
        yield sim


def webhook_notifier(sim: SlackSimulator, waits: list[float] | None = None, **kwargs) -> SlackNotifier:
    waits = waits if waits is not None else []
    return SlackNotifier(webhook_url=sim.webhook_url(sim.url), retry_wait=0, sleep=waits.append, **kwargs)


def bot_notifier(
    sim: SlackSimulator, token: str = DEFAULT_BOT_TOKEN, channel: str = "#alerts"
) -> SlackNotifier:
    return SlackNotifier(
        bot_token=token, channel=channel, api_url=f"{sim.url}/api/", retry_wait=0, sleep=lambda s: None
    )


def test_the_simulator_speaks_slacks_webhook_contract(slack) -> None:
    url = slack.webhook_url(slack.url)
    ok = WebhookClient(url, retry_handlers=[]).send(text="hello")
    assert (ok.status_code, ok.body) == (200, "ok")
    assert WebhookClient(url, retry_handlers=[]).send_dict({"username": "bot"}).body == "no_text"
    assert WebhookClient(url, retry_handlers=[]).send_dict({}).body == "invalid_payload"  # a JSON null
    gone = WebhookClient(f"{slack.url}/services/T1/B1/nope", retry_handlers=[]).send(text="x")
    assert (gone.status_code, gone.body) == (404, "no_service")
    slack.rate_limit_next(1, retry_after=7)
    limited = WebhookClient(url, retry_handlers=[]).send(text="x")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
    assert [m.text for m in slack.messages] == ["hello"]


def test_the_simulator_speaks_slacks_chat_post_message_contract(slack) -> None:
    client = WebClient(token=DEFAULT_BOT_TOKEN, base_url=f"{slack.url}/api/", retry_handlers=[])
    answer = client.chat_postMessage(channel="#alerts", text="hello")
    assert answer["ok"] and answer["channel"] == "#alerts" and answer["ts"]
    for token, channel, error in [
        ("wrong-bot-token", "#alerts", "invalid_auth"),
        (DEFAULT_BOT_TOKEN, "#nowhere", "channel_not_found"),
    ]:
        with pytest.raises(SlackApiError) as raised:
            WebClient(token=token, base_url=f"{slack.url}/api/", retry_handlers=[]).chat_postMessage(
                channel=channel, text="x"
            )
        assert raised.value.response.status_code == 200 and raised.value.response["error"] == error
    slack.rate_limit_next(1, retry_after=3)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="#alerts", text="x")
    assert raised.value.response.status_code == 429 and raised.value.response["error"] == "ratelimited"
    assert raised.value.response.headers["Retry-After"] == "3"
    assert [(m.via, m.destination, m.text) for m in slack.messages] == [
        ("chat.postMessage", "#alerts", "hello")
    ]


@pytest.mark.parametrize("via", ["webhook", "bot"])
def test_an_alert_reaches_slack_either_way_with_secrets_scrubbed(slack, via) -> None:
    notifier = webhook_notifier(slack) if via == "webhook" else bot_notifier(slack)
    delivery = notifier.post(
        "run failed: Authorization: Token abc123secret at https://media.ringba.com/r?sig=s3cr3t"
    )
    assert delivery.status is DeliveryStatus.DELIVERED
    [message] = slack.messages
    assert message.text == "run failed: Authorization: Token *** at https://media.ringba.com/r"


def test_a_rate_limited_delivery_waits_as_slack_asks_and_then_gets_through(slack) -> None:
    waits: list[float] = []
    slack.rate_limit_next(2, retry_after=2)
    assert webhook_notifier(slack, waits).post("backlog").status is DeliveryStatus.DELIVERED
    assert [r.status for r in slack.requests] == [429, 429, 200]
    assert len(waits) == 2 and all(w >= 2 for w in waits)  # Retry-After honoured
    assert [m.text for m in slack.messages] == ["backlog"]


def test_server_errors_are_retried_then_given_up_without_raising(slack) -> None:
    slack.fail_next(10, status=503)
    delivery = webhook_notifier(slack, attempts=3).post("backlog")
    assert delivery.status is DeliveryStatus.FAILED and not delivery.settled
    assert [r.status for r in slack.requests] == [503, 503, 503]
    assert not slack.messages


@pytest.mark.parametrize(
    ("notifier", "detail"),
    [
        (
            lambda sim: SlackNotifier(webhook_url=f"{sim.url}/services/T/B/revoked", retry_wait=0),
            "404 no_service",
        ),
        (lambda sim: bot_notifier(sim, token="xoxb-revoked"), "invalid_auth"),
        (lambda sim: bot_notifier(sim, channel="#gone"), "channel_not_found"),
    ],
    ids=["revoked-webhook", "invalid-auth", "unknown-channel"],
)
def test_what_slack_refuses_for_good_is_not_retried(slack, notifier, detail) -> None:
    delivery = notifier(slack).post("backlog")
    assert delivery.status is DeliveryStatus.REFUSED and delivery.settled
    assert detail in delivery.detail
    assert len(slack.requests) == 1


def test_an_unreachable_slack_is_a_failed_delivery_not_an_error() -> None:
    notifier = SlackNotifier(
        webhook_url="http://127.0.0.1:9/services/T/B/X", attempts=2, retry_wait=0, sleep=lambda s: None
    )
    assert notifier.post("backlog").status is DeliveryStatus.FAILED


def test_without_a_destination_alerts_are_logged_and_skipped(caplog) -> None:
    assert SlackNotifier().post("backlog of 300").status is DeliveryStatus.SKIPPED
    assert SlackNotifier(bot_token="xoxb-1").post("x").detail == "SLACK_CHANNEL is not set"
    assert "backlog of 300" in caplog.text
