"""The "Review draft" message shortcut: review any message, answer only the person who asked."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messages import Reply
from bot.slack.blocks import render_reply
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_interaction
from bot.slack.registry import REVIEW_DRAFT_SHORTCUT

NO_TEXT = Reply(
    text="That message has no text I can review. Pick a message with words in it, or DM me a draft."
)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def review_message(shortcut: dict[str, Any]) -> None:
        response_url = str(shortcut["response_url"])
        draft = str((shortcut.get("message") or {}).get("text") or "")
        if not draft.strip():
            await deps.answer(response_url, render_reply(NO_TEXT))
            return
        reply = await deps.handle(from_interaction(shortcut, f"review {draft}"))
        await deps.answer(response_url, render_reply(reply))

    async def on_review_draft_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        deps.spawn(review_message(shortcut), shortcut, client)

    app.message_shortcut(REVIEW_DRAFT_SHORTCUT)(on_review_draft_shortcut)
