"""`app_uninstalled` and `tokens_revoked`: forget the workspace's installation at once.

In single-workspace mode there is no installation store: the token lives in the environment,
so all we can do is log the event (by id) for the operator.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.deps import SlackDeps
from bot.slack.registry import BOT_EVENTS

log = logging.getLogger(__name__)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def forget_installation(
        body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        deps.spawn(forget(body, event), body, client)

    async def forget(body: dict[str, Any], event: dict[str, Any]) -> None:
        team_id = str(body.get("team_id") or "")
        enterprise_id = body.get("enterprise_id") or None
        store = deps.installation_store
        if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
            # Only user tokens were revoked; we never asked for any, so the bot keeps working.
            log.info("user tokens revoked in team %s; no bot token affected", team_id)
            return
        if store is None:
            log.warning(
                "%s in team %s: remove SLACK_BOT_TOKEN from this server's settings",
                event.get("type"),
                team_id,
            )
            return
        await store.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
        log.info("%s: deleted the installation of team %s", event.get("type"), team_id)

    app.event(BOT_EVENTS["app_uninstalled"])(forget_installation)
    app.event(BOT_EVENTS["tokens_revoked"])(forget_installation)
