"""Direct messages: a draft (or a command typed in DM), answered in the message's thread.

Only a person's own new messages count. Edits, joins, bot posts (our own included) and other
subtypes are acked and ignored, so the bot can never answer itself in a loop.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.blocks import render_reply
from bot.slack.client import post_message
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_direct_message, should_review_direct_message
from bot.slack.registry import BOT_EVENTS


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def answer_in_thread(event: dict[str, Any], team_id: str, client: AsyncWebClient) -> None:
        incoming = from_direct_message(event, team_id=team_id)
        reply = await deps.handle(incoming)
        await post_message(
            client,
            deps.pacer,
            incoming.conversation_id,
            thread_ts=event.get("thread_ts") or event.get("ts"),
            **render_reply(reply).as_kwargs(),
        )

    async def on_direct_message(
        event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if should_review_direct_message(event):
            team_id = str(body.get("team_id") or "")
            deps.spawn(answer_in_thread(event, team_id, client), body, client)

    async def in_a_direct_message(event: dict[str, Any]) -> bool:
        # Subscribed to message.im only, but a listener on "message" alone would also take
        # channel messages if someone added message.channels to the app later.
        return event.get("channel_type") == "im"

    app.event(BOT_EVENTS["message.im"], matchers=[in_a_direct_message])(on_direct_message)
