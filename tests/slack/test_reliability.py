"""Signatures, Slack API failures (429, 500), pacing, the error handler and what gets logged."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.slack.client import ChannelPacer
from bot.slack.errors import SORRY
from tests.slack.harness import DM_CHANNEL, SlackSim, all_text
from tests.slack.signing import signed_headers

SECRET_DRAFT = "Confidential draft: buy our secret roadmap deal"


async def test_a_bad_signature_is_refused_with_401_and_does_nothing(slack: SlackSim, store):
    body, _ = slack.command_body("met Jane Doe")
    status, _ = await slack.post(body, "application/x-www-form-urlencoded", secret="not-the-secret")
    assert status == 401
    event_body = slack.event_body(slack.dm_event("buy"))
    status, _ = await slack.post(event_body, "application/json", secret="not-the-secret")
    assert status == 401
    await slack.fake.settle()
    assert slack.fake.calls == []
    assert store.claim_event("slack", "probe-never-seen", store.clock.now()) is True


async def test_a_stale_signature_is_refused_with_401(slack: SlackSim):
    body, _ = slack.command_body("help")
    six_minutes_ago = int(time.time()) - 6 * 60
    status, _ = await slack.post(
        body, "application/x-www-form-urlencoded", timestamp=six_minutes_ago
    )
    assert status == 401


async def test_a_body_changed_after_signing_is_refused(slack: SlackSim):
    body, _ = slack.command_body("help")
    headers = signed_headers(slack.secret, body, "application/x-www-form-urlencoded")
    tampered = body.replace("text=help", "text=forget-me+confirm")
    assert tampered != body
    async with slack.session.post(
        f"{slack.base_url}/slack/events", data=tampered, headers=headers
    ) as response:
        assert response.status == 401


async def test_missing_signature_headers_are_refused(slack: SlackSim):
    body, _ = slack.command_body("help")
    async with slack.session.post(
        f"{slack.base_url}/slack/events",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ) as response:
        assert response.status == 401


async def test_rejected_requests_never_log_message_text(slack: SlackSim, caplog):
    caplog.set_level(logging.DEBUG)
    body = slack.event_body(slack.dm_event(SECRET_DRAFT))
    status, _ = await slack.post(body, "application/json", secret="wrong")
    assert status == 401
    assert "Confidential" not in caplog.text


async def test_a_429_is_retried_after_retry_after_seconds(slack: SlackSim):
    slack.fake.fail("chat.postMessage", 429, retry_after=1)
    _, event = await slack.dm("Hi Ana, you should buy our plan today.", channel=DM_CHANNEL)

    reply = await slack.thread_reply_to(event, timeout=8)
    limited, succeeded = slack.fake.calls_to("chat.postMessage")
    assert succeeded is reply
    assert succeeded.at - limited.at >= 1.0  # Retry-After was honoured
    assert "hard sell" in all_text(reply.args)


async def test_a_single_500_is_retried_once(slack: SlackSim):
    slack.fake.fail("chat.postMessage", 500)
    _, event = await slack.dm("Hi Ana, you should buy our plan today.")
    reply = await slack.thread_reply_to(event)
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
    assert "hard sell" in all_text(reply.args)


async def test_when_slack_keeps_failing_the_user_gets_a_sentence_and_logs_hold_ids_only(
    slack: SlackSim, caplog
):
    caplog.set_level(logging.DEBUG)
    slack.fake.fail("chat.postMessage", 500, times=2)  # the reply and its one retry
    _, event = await slack.dm(SECRET_DRAFT)

    apology = await slack.fake.wait_for(
        "chat.postMessage", where=lambda c: c.args.get("text") == SORRY
    )
    assert apology[0].args["thread_ts"] == event["ts"]
    assert "SlackApiError" in caplog.text
    assert "event_id=" in caplog.text and f"channel={DM_CHANNEL}" in caplog.text
    assert "Confidential" not in caplog.text
    assert "xoxb-" not in caplog.text


async def test_a_failing_response_url_gets_the_apology(slack: SlackSim, caplog):
    caplog.set_level(logging.DEBUG)
    slack.fake.fail("response_url", 500)
    sent = await slack.command("review " + SECRET_DRAFT)
    [apology] = await slack.fake.wait_for(
        "response_url", where=lambda c: c.args["hook"] == sent.hook
    )
    assert apology.args["text"] == SORRY
    assert [c.status for c in slack.fake.calls_to("response_url")] == [500, 200]
    assert "ResponseUrlFailed" in caplog.text
    assert "Confidential" not in caplog.text


async def test_posts_to_one_channel_are_paced_and_other_channels_do_not_wait():
    pacer = ChannelPacer(min_interval=0.25)
    stamps: dict[str, list[float]] = {"C1": [], "C2": []}

    async def post(channel: str) -> None:
        async with pacer.slot(channel):
            stamps[channel].append(time.monotonic())

    start = time.monotonic()
    await asyncio.gather(post("C1"), post("C1"), post("C1"), post("C2"))
    first, second, third = stamps["C1"]
    assert second - first >= 0.24 and third - second >= 0.24
    assert stamps["C2"][0] - start < 0.1
