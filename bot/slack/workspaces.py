"""Which token to use for a workspace: the one bot token, or the installed workspace's."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.client import client_with_token


class WorkspaceNotInstalled(LookupError):
    """No bot token for this workspace: the app was never installed there, or was uninstalled."""


class WorkspaceClients:
    """Web API clients per workspace, sharing the app client's base URL, session and retries."""

    def __init__(
        self, base: AsyncWebClient, installation_store: AsyncInstallationStore | None = None
    ) -> None:
        self.base = base
        self.installation_store = installation_store

    async def for_workspace(self, team_id: str) -> AsyncWebClient:
        if self.installation_store is None:
            # Single-workspace mode: the app client already carries SLACK_BOT_TOKEN.
            return self.base
        bot = await self.installation_store.async_find_bot(enterprise_id=None, team_id=team_id)
        if bot is None or not bot.bot_token:
            raise WorkspaceNotInstalled(f"Slack workspace {team_id} has no installation.")
        return client_with_token(self.base, bot.bot_token)
