"""The one work runner: takes acked requests from the durable inbox (`storage.inbox`) and does them.

Slack and Teams both put their acked requests in the inbox; a runner in any process claims rows
(leased, so a dead process's rows come back), hands each to its platform's handler, and marks it
done. A handler runs the command through `complete_in_inbox`, which commits the command's
writes together with the row's outcome: a row claimed again after a crash only delivers the
stored outcome, it never runs the command twice.

The runner is woken at once by `wake()` when this process (or its server process) accepted a
request, and otherwise polls, for rows other processes accepted or left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from storage.inbox import ClaimedItem, ClaimLost

if TYPE_CHECKING:
    from bot.core.ports import Clock
    from storage.inbox import SqlInbox

log = logging.getLogger(__name__)

T = TypeVar("T")
Json = dict[str, Any]

# Requests in progress at once per runner: enough to overlap Web API calls.
CONSUMERS = 8
# A claim lasts this long unless renewed; a runner renews its claims every third of it, so
# only a dead process's rows wait this long before another process takes them.
LEASE = timedelta(seconds=15)
POLL_SECONDS = 1.0
# Done rows keep their key this long, so a late replay or retry is still recognised (Slack's
# signatures are valid for 5 minutes; it retries an event for about an hour at most).
KEEP_KEYS = timedelta(hours=2)
PRUNE_EVERY_SECONDS = 600.0
STOP_GRACE_SECONDS = 8.0

RunDb = Callable[..., Awaitable[Any]]


class Handler(Protocol):
    async def __call__(self, item: ClaimedItem) -> None: ...


@dataclass(frozen=True)
class CurrentItem:
    """The inbox row the running task works on (read by `complete_in_inbox`)."""

    id: int
    worker: str
    outcome: Json | None
    inbox: SqlInbox


CURRENT_ITEM: ContextVar[CurrentItem | None] = ContextVar("current_inbox_item", default=None)


def worker_id(role: str) -> str:
    """Who holds a claim: host, process id and a random part (a restarted pid is someone else)."""
    return f"{socket.gethostname()}:{os.getpid()}:{role}:{os.urandom(3).hex()}"


async def complete_in_inbox(
    run_db: RunDb, work: Callable[[], T], encode: Callable[[T], Json], decode: Callable[[Json], T]
) -> T:
    """Run `work` (sync: the command, on a store thread) once per inbox row.

    The first time, `work` runs and `encode(result)` is committed with the command's writes in
    one transaction; a row worked on before (its worker died before delivering) gets the stored
    outcome back instead. Outside the inbox, `work` just runs.
    """
    item = CURRENT_ITEM.get()
    if item is None:
        return await run_db(work)
    if item.outcome is not None:
        return decode(item.outcome)
    inbox = item.inbox
    outcome = await run_db(inbox.complete, item.id, item.worker, lambda: encode(work()))
    return decode(outcome)


class InboxRunner:
    def __init__(
        self,
        inbox: SqlInbox,
        clock: Clock,
        handlers: Mapping[str, Handler],
        *,
        worker: str,
        run_db: RunDb | None = None,
        consumers: int = CONSUMERS,
        poll_seconds: float = POLL_SECONDS,
        lease: timedelta = LEASE,
    ) -> None:
        self.inbox = inbox
        self.worker = worker
        self._clock = clock
        self._handlers = dict(handlers)
        self._run_db: RunDb = run_db or asyncio.to_thread
        self._consumers = consumers
        self._poll = poll_seconds
        self._lease = lease
        self._wake = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        if self._loop_task is None:
            self._loop_task = asyncio.create_task(self._run(), name="inbox-runner")

    def wake(self) -> None:
        self._wake.set()

    @property
    def busy(self) -> int:
        return len(self._tasks)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_renew = loop.time() + self._lease.total_seconds() / 3
        next_prune = loop.time()
        while not self._stopping:
            self._wake.clear()
            try:
                await self._claim_what_fits()
                if loop.time() >= next_renew:
                    until = self._clock.now() + self._lease
                    await self._run_db(self.inbox.renew, self.worker, until)
                    next_renew = loop.time() + self._lease.total_seconds() / 3
                if loop.time() >= next_prune:
                    await self._run_db(self.inbox.prune, self._clock.now() - KEEP_KEYS)
                    next_prune = loop.time() + PRUNE_EVERY_SECONDS
            except Exception as error:  # the database is away: try again after the pause
                log.error("inbox runner: %s; retrying in %.0f s", type(error).__name__, self._poll)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)

    async def _claim_what_fits(self) -> None:
        while not self._stopping and (free := self._consumers - len(self._tasks)) > 0:
            items, given_up = await self._run_db(
                self.inbox.claim,
                self.worker,
                self._clock.now(),
                self._lease,
                free,
                tuple(self._handlers),
            )
            for item_id, kind in given_up:
                log.error("inbox item %s (%s) failed too often; giving it up", item_id, kind)
            for item in items:
                task = asyncio.create_task(self._do(item))
                self._tasks.add(task)
                task.add_done_callback(self._task_done)
            if len(items) < free:
                return

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._wake.set()  # a consumer is free: claim more

    async def run_now(self, item: ClaimedItem) -> None:
        """Work on a row this runner claimed itself (`SqlInbox.accept_claimed`), here and now.

        A failure the handler did not report itself (say, no token to reply with) is raised to
        the caller, and the row keeps its lease: when it runs out, a runner tries again.
        """
        await asyncio.create_task(self._do_or_raise(item))  # a task: CURRENT_ITEM stays in it

    async def _do_or_raise(self, item: ClaimedItem) -> None:
        CURRENT_ITEM.set(CurrentItem(item.id, self.worker, item.outcome, self.inbox))
        await self._handlers[item.platform](item)
        await self._run_db(self.inbox.finish, [item.id], self._clock.now())

    async def _do(self, item: ClaimedItem) -> None:
        CURRENT_ITEM.set(CurrentItem(item.id, self.worker, item.outcome, self.inbox))
        try:
            await self._handlers[item.platform](item)
        except ClaimLost:
            log.warning("inbox item %s was taken over by another worker", item.id)
            return
        except Exception as error:  # handlers report failures to the person themselves
            log.error("inbox item %s (%s) failed: %s", item.id, item.kind, type(error).__name__)
        try:
            await self._run_db(self.inbox.finish, [item.id], self._clock.now())
        except Exception as error:  # the lease runs out and the row is delivered again
            log.error("could not mark inbox item %s done: %s", item.id, type(error).__name__)

    async def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop claiming, let work in flight finish (up to `grace`), give back what is left."""
        self._stopping = True
        self._wake.set()
        if self._loop_task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=1.0)
                log.warning("%d inbox items were still running at shutdown", len(pending))
        try:
            released = await self._run_db(self.inbox.release, self.worker)
        except Exception as error:
            log.error("could not release inbox claims: %s", type(error).__name__)
            return
        if released:
            log.info("released %d inbox items for another process to take", released)
