"""`/network …`: ack at once (Slack allows 3 s), then run the core and answer ephemerally."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.blocks import render_reply
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_slash_command
from bot.slack.registry import SLASH_COMMAND


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def answer_command(command: dict[str, Any]) -> None:
        reply = await deps.handle(from_slash_command(command))
        await deps.answer(str(command["response_url"]), render_reply(reply))

    async def on_network_command(
        ack: AsyncAck, command: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        deps.spawn(answer_command(command), body, client)

    app.command(SLASH_COMMAND)(on_network_command)
