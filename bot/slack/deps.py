"""What the Slack listeners need, handed to them in one object (no globals)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.messages import Incoming, Reply
from bot.slack.client import ChannelPacer
from bot.slack.workspaces import WorkspaceClients

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.slack.oauth import EncryptedInstallationStore


@dataclass
class SlackDeps:
    services: Services
    pacer: ChannelPacer
    clients: WorkspaceClients
    installation_store: EncryptedInstallationStore | None = None

    async def handle(self, incoming: Incoming) -> Reply:
        """The core is synchronous and touches the database: keep it off the event loop."""
        return await asyncio.to_thread(self.services.coach.handle, incoming)

    async def home(self, incoming: Incoming) -> Reply:
        return await asyncio.to_thread(self.services.coach.home, incoming)

    async def claim_event(self, event_id: str) -> bool:
        store = self.services.store
        now = self.services.clock.now()
        return await asyncio.to_thread(store.claim_event, "slack", event_id, now)  # type: ignore[attr-defined]
