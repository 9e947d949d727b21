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
    """The INSERT behind each ack, as a group commit on one thread of its own.

    Requests that arrive while a commit is in flight wait for the next one and share it: one
    INSERT and one commit (one fsync on PostgreSQL, one turn of SQLite's write lock) for many
    acks. Acks never queue behind the core's work.
    """

    def __init__(self, services: Services, busy: Any = None) -> None:
        """`busy`: a shared byte (`multiprocessing.RawValue`) raised while this process waits to
        insert, so the worker process's store lanes let it have SQLite's write lock."""
        self._services = services
        self._busy = busy
        self._clock = services.clock
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="inbox-accept")
        self._waiting: list[tuple[str, str, dict[str, Any], asyncio.Future[bool]]] = []
        self._flushing = False
        self._flushes: set[asyncio.Task[None]] = set()

    async def accept(self, kind: str, body: dict[str, Any], key: str) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.append((key, kind, body, future))
        if not self._flushing:
            self._flushing = True
            task = asyncio.create_task(self._flush())
            self._flushes.add(task)
            task.add_done_callback(self._flushes.discard)
        return await future

    async def _flush(self) -> None:
        inbox: SqlInbox = self._services.store.inbox  # type: ignore[attr-defined]
        loop = asyncio.get_running_loop()
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                requests = [(key, kind, body) for key, kind, body, _ in batch]
                try:
                    accepted = await loop.run_in_executor(
                        self._thread, self._insert, inbox, requests, self._clock.now()
                    )
                except Exception as error:  # every ack of the batch fails: Slack retries
                    for *_, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (*_, future), stored in zip(batch, accepted, strict=True):
                    if not future.done():
                        future.set_result(stored)
        finally:
            self._flushing = False

    def _insert(
        self, inbox: SqlInbox, requests: list[tuple[str, str, dict[str, Any]]], at: Any
    ) -> list[bool]:
        if self._busy is None:
            return inbox.accept_many(PLATFORM, requests, at)
        self._busy.value = 1
        try:
            return inbox.accept_many(PLATFORM, requests, at)
        finally:
            self._busy.value = 0

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
