"""Where the work behind a Slack request runs: in this process, or in the Slack worker process.

Either way a listener first stores the request in the durable inbox (`accept`, one INSERT that
also claims its replay key) and only then acks; an inbox runner (`bot.inbox.InboxRunner`) in
some process takes it from there. `SlackHandler` is what that runner calls for a Slack row.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol

from bot.inbox import InboxRunner, worker_id
from bot.slack.deps import SlackDeps
from bot.slack.jobs import JOBS

if TYPE_CHECKING:
    from bot.bootstrap import Services
    from storage.inbox import ClaimedItem, SqlInbox

PLATFORM = "slack"


class WorkRunner(Protocol):
    def start(self) -> None: ...

    async def accept(self, kind: str, body: dict[str, Any], key: str) -> bool:
        """Store the request (before the ack); False when its key was seen before (a replay)."""
        ...

    async def close(self) -> None: ...


class SlackHandler:
    """Runs one Slack inbox row: the job of its kind, failures told to the person."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(self, item: ClaimedItem) -> None:
        await self.deps.run_job(JOBS[item.kind](self.deps, item.body), item.body)


class InboxAcceptor:
    """The INSERT behind each ack, on one thread of its own: acks never queue behind the
    core's work, and on SQLite this process adds no second writer of its own."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._clock = services.clock
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="inbox-accept")

    async def accept(self, kind: str, body: dict[str, Any], key: str) -> bool:
        inbox: SqlInbox = self._services.store.inbox  # type: ignore[attr-defined]
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._thread, inbox.accept, PLATFORM, key, kind, body, self._clock.now()
        )

    def close(self) -> None:
        self._thread.shutdown(wait=False)


def slack_runner(
    deps: SlackDeps, *, worker: str | None = None, extra: dict[str, Any] | None = None
) -> InboxRunner:
    """The inbox runner for this process's Slack work (`extra`: other platforms' handlers)."""
    return InboxRunner(
        deps.services.store.inbox,  # type: ignore[attr-defined]
        deps.services.clock,
        {PLATFORM: SlackHandler(deps), **(extra or {})},
        worker=worker or worker_id("slack"),
        run_db=deps.run_bookkeeping,
    )


class InProcessWork:
    """The runner as tasks of this event loop (tests, and servers with little traffic)."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps
        self._acceptor = InboxAcceptor(deps.services)
        self.runner: InboxRunner | None = None

    def start(self) -> None:
        self.deps.start()
        self.runner = slack_runner(self.deps)
        self.runner.start()

    async def accept(self, kind: str, body: dict[str, Any], key: str) -> bool:
        accepted = await self._acceptor.accept(kind, body, key)
        if accepted and self.runner is not None:
            self.runner.wake()
        return accepted

    async def close(self) -> None:
        if self.runner is not None:
            await self.runner.stop()
        await self.deps.close()
        self._acceptor.close()


__all__ = ["InProcessWork", "InboxAcceptor", "SlackHandler", "WorkRunner", "slack_runner"]
