"""What the work behind Slack requests needs, in one object (no globals).

The listeners ack and return at once; the jobs (`bot.slack.jobs`) run here as background
tasks, so a slow database or Web API never delays an ack:
- store calls run on `PriorityLanes` (one thread on SQLite, whose write lock serialises
  anyway; several on PostgreSQL); event-id claims jump the queue of the core's work;
- answers to `response_url` reuse the app's one HTTP session instead of opening one each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.messages import Incoming, Reply
from bot.slack.blocks import RenderedMessage
from bot.slack.client import ChannelPacer
from bot.slack.dedupe import first_delivery
from bot.slack.errors import report_failure
from bot.slack.lanes import CLAIM, WORK, LoopLag, PriorityLanes
from bot.slack.workspaces import WorkspaceClients

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.slack.oauth import EncryptedInstallationStore

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0


class ResponseUrlFailed(RuntimeError):
    """Slack refused the response_url post (expired, used up, or invalid blocks)."""


@dataclass
class SlackDeps:
    services: Services
    pacer: ChannelPacer
    clients: WorkspaceClients
    installation_store: EncryptedInstallationStore | None = None
    work_threads: int = 1
    loop_lag: LoopLag = field(default_factory=LoopLag)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set, init=False, repr=False)
    _lag_watch: asyncio.Task[None] | None = field(default=None, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self.lanes = PriorityLanes(self.work_threads, "store", lag=self.loop_lag)

    def start(self) -> None:
        """Inside the running loop (server start-up): begin watching how late the loop runs."""
        if self._lag_watch is None:
            self._lag_watch = asyncio.create_task(self.loop_lag.watch())

    # --- the core and the store, off the event loop ----------------------------------------------
    async def handle(self, incoming: Incoming) -> Reply:
        """The core is synchronous and touches the database: it runs on a store lane."""
        return await self.lanes.run(WORK, self.services.coach.handle, incoming)

    async def home(self, incoming: Incoming) -> Reply:
        return await self.lanes.run(WORK, self.services.coach.home, incoming)

    async def claim_event(self, event_id: str) -> bool:
        store = self.services.store
        now = self.services.clock.now()
        return await self.lanes.run(CLAIM, store.claim_event, "slack", event_id, now)  # type: ignore[attr-defined]

    # --- answering -----------------------------------------------------------------------------
    async def answer(
        self,
        response_url: str,
        message: RenderedMessage,
        *,
        replace_original: bool = False,
        ephemeral: bool = True,
    ) -> None:
        """Post to a command's or a click's `response_url`; raise if Slack refuses it."""
        webhook = AsyncWebhookClient(url=response_url, session=self.clients.base.session)
        response = await webhook.send(
            text=message.text,
            blocks=message.blocks or None,
            replace_original=replace_original,
            response_type=None
            if replace_original
            else ("ephemeral" if ephemeral else "in_channel"),
        )
        if response.status_code != 200:
            raise ResponseUrlFailed(f"response_url answered HTTP {response.status_code}")

    # --- background work -----------------------------------------------------------------------
    async def run_job(self, work: Coroutine[Any, Any, None], body: Mapping[str, Any]) -> None:
        """Run `work` once per Slack event id; a failure is logged by ids and told to the person."""
        try:
            if not await first_delivery(body, self.claim_event):
                work.close()
                return
            await work
        except Exception as error:
            work.close()
            await report_failure(error, body, self.clients.for_workspace, self.answer)

    def spawn(self, work: Coroutine[Any, Any, None], body: Mapping[str, Any]) -> None:
        """`run_job` as a background task of this loop (the work behind a request)."""
        task = asyncio.create_task(self.run_job(work, body))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def close(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Let work in flight finish (up to `grace` seconds), then stop the store lanes."""
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            if pending:
                log.warning("%d Slack replies were still running at shutdown", len(pending))
        if self._closed:
            return
        self._closed = True
        if self._lag_watch is not None:
            self._lag_watch.cancel()
            self._lag_watch = None
        self.lanes.shutdown()
