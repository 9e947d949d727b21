"""App Home: publish the overview (pending follow-ups overdue first, this week's stats)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.blocks import home_view
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_home_opened
from bot.slack.registry import BOT_EVENTS


async def publish_home(
    deps: SlackDeps, client: AsyncWebClient, team_id: str, user_id: str, note: str | None = None
) -> None:
    incoming = from_home_opened({"user": user_id}, team_id)
    reply = await deps.home(incoming)
    view = home_view(reply, note=note)
    await client.views_publish(user_id=user_id, view=view)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def on_app_home_opened(
        event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        # The Messages tab opens the DM; only the Home tab shows the overview.
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        team_id = str(body.get("team_id") or "")
        deps.spawn(publish_home(deps, client, team_id, str(event["user"])), body, client)

    app.event(BOT_EVENTS["app_home_opened"])(on_app_home_opened)
