"""Which Slack events get an answer: a DM sent with an attachment (`file_share`) is reviewed on
its text; events and actions this app does not handle are acked with 200 and one log line at
most (Bolt alone answers 404, which Slack retries, and logs a nine-line suggestion)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.slack.harness import CHANNEL, DM_CHANNEL, TEAM, USER, SlackSim, all_text


def file_share_dm(slack: SlackSim, text: str) -> dict[str, Any]:
    """A DM with a file attached, shaped as Slack's Events API sends `message.im`/file_share."""
    return slack.dm_event(
        text,
        subtype="file_share",
        upload=False,
        display_as_bot=False,
        client_msg_id="6f1c2a3b-0000-4000-8000-1234567890ab",
        files=[
            {
                "id": "F0123ABCDEF",
                "created": 1_700_000_000,
                "name": "deck.pdf",
                "title": "deck.pdf",
                "mimetype": "application/pdf",
                "filetype": "pdf",
                "user": USER,
                "size": 52_113,
                "mode": "hosted",
                "is_external": False,
                "url_private": "https://files.slack.com/files-pri/T0001-F0123ABCDEF/deck.pdf",
            }
        ],
    )


async def test_a_dm_with_an_attachment_is_reviewed_on_its_text(slack: SlackSim):
    event = file_share_dm(slack, "Here is our deck. Buy the premium plan by Friday!")

    sent = await slack.event(event)

    assert sent.status == 200
    reply = await slack.thread_reply_to(event)
    assert reply.args["channel"] == DM_CHANNEL
    assert "Reads as a hard sell" in all_text(reply.args)


async def test_an_attachment_without_text_gets_no_review(slack: SlackSim):
    sent = await slack.event(file_share_dm(slack, ""))

    assert sent.status == 200
    await slack.fake.settle()
    assert slack.fake.calls_to("chat.postMessage") == []


UNHANDLED_EVENTS = [
    pytest.param(
        {
            "type": "reaction_added",
            "user": USER,
            "reaction": "thumbsup",
            "item": {"type": "message", "channel": CHANNEL, "ts": "1700000000.000100"},
            "event_ts": "1700000001.000200",
        },
        id="reaction_added",
    ),
    pytest.param(
        {
            "type": "member_joined_channel",
            "user": USER,
            "channel": CHANNEL,
            "channel_type": "C",
            "team": TEAM,
            "event_ts": "1700000001.000300",
        },
        id="member_joined_channel",
    ),
    pytest.param(
        {
            "type": "message",
            "channel_type": "channel",
            "channel": CHANNEL,
            "user": USER,
            "text": "a channel message, buy buy",
            "ts": "1700000001.000400",
        },
        id="channel-message",
    ),
    pytest.param(
        {"type": "file_shared", "file_id": "F0123", "user_id": USER, "channel_id": DM_CHANNEL},
        id="file_shared",
    ),
]


@pytest.mark.parametrize("event", UNHANDLED_EVENTS)
async def test_an_unhandled_event_is_acked_with_200_and_at_most_one_log_line(
    slack: SlackSim, caplog: pytest.LogCaptureFixture, event: dict[str, Any]
):
    caplog.set_level(logging.INFO)
    caplog.clear()

    sent = await slack.event(event)

    assert sent.status == 200
    await slack.fake.settle()
    assert slack.fake.calls_to("chat.postMessage") == []
    lines = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) <= 1, [r.getMessage() for r in lines]
    assert all("\n" not in r.getMessage() for r in lines)


async def test_an_unknown_button_is_acked_with_200(slack: SlackSim, caplog):
    caplog.set_level(logging.INFO)
    caplog.clear()
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "acme"},
        "user": {"id": USER, "name": "jane", "team_id": TEAM},
        "channel": {"id": DM_CHANNEL, "name": "directmessage"},
        "trigger_id": "trigger-unknown",
        "actions": [
            {
                "type": "button",
                "action_id": "open_docs_link",
                "block_id": "b1",
                "value": "x",
                "action_ts": "1700000001.000500",
            }
        ],
    }

    sent = await slack.interaction(payload)

    assert sent.status == 200
    assert len([r for r in caplog.records if r.levelno >= logging.INFO]) <= 1
