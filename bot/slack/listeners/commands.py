"""`/network …`: ack at once (Slack allows 3 s), then run the core and answer ephemerally."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.slack.blocks import render_reply
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_slash_command
from bot.slack.listeners.responding import Respond, answer
from bot.slack.registry import SLASH_COMMAND


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def on_network_command(ack: AsyncAck, command: dict[str, Any], respond: Respond) -> None:
        await ack()
        reply = await deps.handle(from_slash_command(command))
        await answer(respond, render_reply(reply))

    app.command(SLASH_COMMAND)(on_network_command)
