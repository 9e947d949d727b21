"""Every Slack listener: check what Slack sent, ack, and submit the work (`bot.slack.jobs`).

Listeners run inline (`process_before_response=True`), so the ack leaves as soon as they
return: nothing here waits for the database or the Web API. Names come from
`bot.slack.registry`, which `tests/slack/test_manifest.py` checks against manifest.yml.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.slack.incoming import should_review_direct_message
from bot.slack.registry import (
    ACTION_ID_PATTERN,
    BOT_EVENTS,
    REVIEW_DRAFT_SHORTCUT,
    SLASH_COMMAND,
)
from bot.slack.work import WorkRunner

log = logging.getLogger("bot.slack")


def register_listeners(app: AsyncApp, work: WorkRunner) -> None:
    async def on_network_command(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        work.submit("command", body)

    async def on_review_draft_shortcut(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        work.submit("review_shortcut", body)

    async def on_button(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        work.submit("click", body)

    async def on_direct_message(event: dict[str, Any], body: dict[str, Any]) -> None:
        # Only a person's own new messages: edits, joins and bot posts (ours included) are
        # acked and ignored, so the bot can never answer itself in a loop.
        if should_review_direct_message(event):
            work.submit("direct_message", body)

    async def in_a_direct_message(event: dict[str, Any]) -> bool:
        # Subscribed to message.im only, but a listener on "message" alone would also take
        # channel messages if someone added message.channels to the app later.
        return event.get("channel_type") == "im"

    async def on_app_home_opened(event: dict[str, Any], body: dict[str, Any]) -> None:
        # The Messages tab opens the DM; only the Home tab shows the overview.
        if event.get("tab", "home") == "home" and event.get("user"):
            work.submit("home", body)

    async def on_uninstall_or_revoke(body: dict[str, Any]) -> None:
        work.submit("forget_installation", body)

    app.command(SLASH_COMMAND)(on_network_command)
    app.message_shortcut(REVIEW_DRAFT_SHORTCUT)(on_review_draft_shortcut)
    app.action(ACTION_ID_PATTERN)(on_button)
    app.event(BOT_EVENTS["message.im"], matchers=[in_a_direct_message])(on_direct_message)
    app.event(BOT_EVENTS["app_home_opened"])(on_app_home_opened)
    app.event(BOT_EVENTS["app_uninstalled"])(on_uninstall_or_revoke)
    app.event(BOT_EVENTS["tokens_revoked"])(on_uninstall_or_revoke)
    # Last, so they only see what nothing above took: without them Bolt answers 404 (Slack
    # then retries the event) and logs a nine-line "Unhandled request" suggestion each time.
    app.event(ANYTHING)(on_unhandled_event)
    app.action(ANYTHING)(on_unhandled_action)


ANYTHING = re.compile(".*")


async def on_unhandled_event(body: dict[str, Any]) -> None:
    event = body.get("event") or {}
    log.info(
        "Slack event %s%s (%s) is not handled by this app; acked",
        event.get("type") or "?",
        f"/{event['subtype']}" if event.get("subtype") else "",
        body.get("event_id") or "no id",
    )


async def on_unhandled_action(ack: AsyncAck, body: dict[str, Any]) -> None:
    await ack()
    actions = body.get("actions") or [{}]
    log.info("Slack action %s is not handled by this app; acked", actions[0].get("action_id"))
