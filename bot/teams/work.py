"""Teams activities through the durable inbox (`storage.inbox`, run by `bot.inbox.InboxRunner`).

An authenticated activity is stored, already claimed by this process, before its turn runs:
Teams waits for the HTTP answer while the turn runs, so this process works on it at once, in
the request. If the process dies in the middle, the row's lease runs out and the Teams runner of
any process replays the turn from the stored activity and the stored result of its token check
(the claims the connector needs to reply); `NetworkCoachBot` runs its command through
`complete_in_inbox`, so a replayed turn never runs a command twice. A redelivered activity
(same conversation and activity id) finds its key taken and is answered 201 without a turn.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import TYPE_CHECKING, Any

from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, ClaimsIdentity

from bot.inbox import LEASE, InboxRunner, worker_id

if TYPE_CHECKING:
    from aiohttp import web

    from bot.bootstrap import Services
    from bot.teams.adapter import PacedCloudAdapter
    from bot.teams.bot import NetworkCoachBot
    from storage.inbox import ClaimedItem, SqlInbox

PLATFORM = "teams"


def activity_key(body: dict[str, Any], raw: bytes) -> str:
    """Activity ids are unique within a conversation only; without an id, the body itself."""
    conversation = (body.get("conversation") or {}).get("id")
    seed = f"{conversation}|{body['id']}".encode() if body.get("id") and conversation else raw
    return hashlib.sha256(seed).hexdigest()


def auth_json(result: AuthenticateRequestResult) -> dict[str, Any]:
    identity = result.claims_identity
    return {
        "claims": dict(identity.claims or {}) if identity else {},
        "authenticated": bool(identity.is_authenticated) if identity else False,
        "type": identity.authentication_type if identity else None,
        "audience": result.audience,
        "caller_id": result.caller_id,
    }


class TeamsHandler:
    """Runs one Teams inbox row: the activity's turn, as botbuilder would after its token check."""

    def __init__(self, adapter: PacedCloudAdapter, bot: NetworkCoachBot) -> None:
        self.adapter = adapter
        self.bot = bot

    async def __call__(self, item: ClaimedItem) -> None:
        activity = Activity().deserialize(item.body["activity"])
        stored = item.body["auth"]
        result = AuthenticateRequestResult()
        result.claims_identity = ClaimsIdentity(
            stored["claims"], stored["authenticated"], stored["type"]
        )
        result.audience = stored["audience"]
        result.caller_id = stored["caller_id"]
        authentication = self.adapter.bot_framework_authentication
        result.connector_factory = authentication.create_connector_factory(result.claims_identity)
        await self.adapter.process_activity(result, activity, self.bot.on_turn)


class TeamsWork:
    """The inbox for Teams: store-and-claim in the request, and a runner for left-over rows."""

    def __init__(self, services: Services, handler: TeamsHandler) -> None:
        self._services = services
        self.handler = handler
        self.runner: InboxRunner | None = None
        self.worker = worker_id("teams")

    @property
    def _inbox(self) -> SqlInbox:
        return self._services.store.inbox  # type: ignore[attr-defined,no-any-return]

    def _runner(self) -> InboxRunner:
        if self.runner is None:
            self.runner = InboxRunner(
                self._inbox, self._services.clock, {PLATFORM: self.handler}, worker=self.worker
            )
        return self.runner

    async def handle(
        self, body: dict[str, Any], raw: bytes, result: AuthenticateRequestResult
    ) -> None:
        """Store the activity (claimed by us) and run its turn; nothing for a redelivery."""
        row = {"activity": body, "auth": auth_json(result)}
        item = await asyncio.to_thread(
            self._inbox.accept_claimed,
            PLATFORM,
            activity_key(body, raw),
            str(body.get("type") or ""),
            row,
            self._services.clock.now(),
            self.worker,
            LEASE,
        )
        if item is not None:
            await self._runner().run_now(item)

    async def context(self, app: web.Application) -> Any:
        """aiohttp cleanup context: the runner for rows a dead process left behind."""
        runner = self._runner()
        runner.start()
        try:
            yield
        finally:
            await runner.stop()
