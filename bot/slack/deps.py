"""What the work behind Slack requests needs, in one object (no globals).

The listeners store each request in the inbox and ack; the jobs (`bot.slack.jobs`) run when
the inbox runner (`bot.inbox`) hands them over, so a slow database or Web API never delays an ack:
- store calls run on `PriorityLanes` (one thread on SQLite, whose write lock serialises
  anyway; several on PostgreSQL); inbox bookkeeping jumps the queue of the core's work;
- the core runs once per inbox row (`complete_in_inbox`): its writes and the rendered reply
  commit together, and a retried row only delivers that reply;
- answers to `response_url` reuse the app's one HTTP session instead of opening one each.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.messages import FileAttachment, Incoming, Reply
from bot.inbox import complete_in_inbox
from bot.slack.blocks import RenderedMessage, render_reply
from bot.slack.client import ChannelPacer
from bot.slack.errors import report_failure
from bot.slack.lanes import CLAIM, WORK, LoopLag, PriorityLanes
from bot.slack.workspaces import WorkspaceClients
from storage.inbox import ClaimLost

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from bot.slack.oauth import EncryptedInstallationStore

log = logging.getLogger(__name__)


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
    # True while another process waits for SQLite's write lock to store an ack (lanes.py).
    defer_to: Callable[[], bool] | None = None
    _lag_watch: asyncio.Task[None] | None = field(default=None, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self.lanes = PriorityLanes(
            self.work_threads, "store", lag=self.loop_lag, defer_to=self.defer_to
        )

    def start(self) -> None:
        """Inside the running loop (server start-up): begin watching how late the loop runs."""
        if self._lag_watch is None:
            self._lag_watch = asyncio.create_task(self.loop_lag.watch())

    # --- the core and the store, off the event loop ----------------------------------------------
    async def handle(
        self,
        incoming: Incoming,
        render: Callable[[Reply], RenderedMessage] = render_reply,
    ) -> RenderedMessage:
        """The core's reply, rendered; once per inbox row (its writes commit with the reply)."""
        coach = self.services.coach
        return await complete_in_inbox(
            self.run_db,
            lambda: render(coach.handle(incoming)),
            encode=_encode_message,
            decode=_decode_message,
        )

    async def home(self, incoming: Incoming) -> Reply:
        return await self.lanes.run(WORK, self.services.coach.home, incoming)

    async def run_db(self, function: Callable[..., Any], *args: Any) -> Any:
        """Work that touches the store, on a store lane."""
        return await self.lanes.run(WORK, function, *args)

    async def run_bookkeeping(self, function: Callable[..., Any], *args: Any) -> Any:
        """Inbox bookkeeping (claims, done marks): ahead of the core's queued work."""
        return await self.lanes.run(CLAIM, function, *args)

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
        """Run `work`; a failure is logged by ids and told to the person."""
        try:
            await work
        except ClaimLost:
            raise  # another worker has the row now: it answers, not us
        except Exception as error:
            work.close()
            await report_failure(error, body, self.clients.for_workspace, self.answer)

    async def close(self) -> None:
        """Stop the store lanes (the inbox runner has let work in flight finish)."""
        if self._closed:
            return
        self._closed = True
        if self._lag_watch is not None:
            self._lag_watch.cancel()
            self._lag_watch = None
        self.lanes.shutdown()


def _encode_message(message: RenderedMessage) -> dict[str, Any]:
    encoded: dict[str, Any] = {"text": message.text, "blocks": message.blocks}
    if message.file is not None:
        encoded["file"] = asdict(message.file)
    return encoded


def _decode_message(stored: dict[str, Any]) -> RenderedMessage:
    file = stored.get("file")
    return RenderedMessage(
        text=str(stored.get("text") or ""),
        blocks=list(stored.get("blocks") or []),
        file=FileAttachment(**file) if isinstance(file, dict) else None,
    )
