"""What the Slack listeners need, handed to them in one object (no globals).

Listeners ack and return at once; the work runs here, in background tasks, so a slow database
or Web API never delays an ack. Three things keep the acks fast under load:
- event ids are claimed on their own small thread pool, never queued behind the core's work;
- at most `max_concurrent_work` core calls run at a time (the rest wait in the event loop,
  which costs nothing), so worker threads do not starve the loop of the GIL;
- answers to `response_url` reuse the app's one HTTP session instead of opening one each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.messages import Incoming, Reply
from bot.slack.blocks import RenderedMessage
from bot.slack.client import ChannelPacer
from bot.slack.errors import report_failure
from bot.slack.workspaces import WorkspaceClients

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.slack.oauth import EncryptedInstallationStore

log = logging.getLogger(__name__)

DEFAULT_MAX_CONCURRENT_WORK = 4
SHUTDOWN_GRACE_SECONDS = 10.0


class ResponseUrlFailed(RuntimeError):
    """Slack refused the response_url post (expired, used up, or invalid blocks)."""


@dataclass
class SlackDeps:
    services: Services
    pacer: ChannelPacer
    clients: WorkspaceClients
    installation_store: EncryptedInstallationStore | None = None
    max_concurrent_work: int = DEFAULT_MAX_CONCURRENT_WORK
    _tasks: set[asyncio.Task[None]] = field(default_factory=set, init=False, repr=False)
    _work_gate: asyncio.Semaphore | None = field(default=None, init=False, repr=False)
    _claims: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2, thread_name_prefix="claims"),
        init=False,
        repr=False,
    )

    # --- the core, off the event loop ---------------------------------------------------------
    def _gate(self) -> asyncio.Semaphore:
        if self._work_gate is None:
            self._work_gate = asyncio.Semaphore(self.max_concurrent_work)
        return self._work_gate

    async def handle(self, incoming: Incoming) -> Reply:
        """The core is synchronous and touches the database: it runs in a worker thread."""
        async with self._gate():
            return await asyncio.to_thread(self.services.coach.handle, incoming)

    async def home(self, incoming: Incoming) -> Reply:
        async with self._gate():
            return await asyncio.to_thread(self.services.coach.home, incoming)

    async def claim_event(self, event_id: str) -> bool:
        store = self.services.store
        now = self.services.clock.now()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._claims,
            store.claim_event,  # type: ignore[attr-defined]
            "slack",
            event_id,
            now,
        )

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
    def spawn(self, work: Awaitable[None], body: Mapping[str, Any], client: AsyncWebClient) -> None:
        """Run `work` after the ack; a failure is logged by ids and told to the person."""

        async def run() -> None:
            try:
                await work
            except Exception as error:
                await report_failure(error, body, client, self.answer)

        task = asyncio.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def close(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Let work in flight finish (up to `grace` seconds), then stop the claim threads."""
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            if pending:
                log.warning("%d Slack replies were still running at shutdown", len(pending))
        self._claims.shutdown(wait=False)
