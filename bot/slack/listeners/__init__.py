"""Every Slack listener, registered from one place (see `bot.slack.registry` for the names)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.deps import SlackDeps
from bot.slack.listeners import buttons, commands, home, lifecycle, messages, shortcuts


def register_listeners(app: AsyncApp, deps: SlackDeps) -> None:
    for module in (commands, messages, shortcuts, buttons, home, lifecycle):
        module.register(app, deps)
