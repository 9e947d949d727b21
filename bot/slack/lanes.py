"""Worker threads for the synchronous store, polite to the event loop.

On SQLite every transaction takes the one write lock (BEGIN IMMEDIATE): several threads
contending for it sleep in SQLite's busy handler (steps of up to 100 ms), so on SQLite one
thread for the core's work is faster than many; PostgreSQL gets several.

The core's work is mostly Python (SQLAlchemy, the review model), so a busy worker thread holds
the GIL that the event loop needs to ack the next request. When the loop falls behind
(`LoopLag`), work threads pause between items until it catches up: under overload the replies
queue up, the acks do not.

On SQLite the acks also need the one write lock (the inbox INSERT, in the server process), and
SQLite's lock is not fair: a worker that writes back to back can starve the waiting INSERT for
seconds. So the server raises a shared flag while it waits to insert (`defer_to`), and work
threads hold back their next item until it drops.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")

CLAIM = 0  # priorities: lower runs first
WORK = 1
POSTGRES_THREADS = 4


# The loop counts as behind when a 5 ms timer fires more than 5 ms late.
LAG_PROBE_SECONDS = 0.005
MAX_LAG_SECONDS = 0.005
# A work item waits at most this long for the loop, so work never stops altogether.
MAX_PAUSE_SECONDS = 0.1
PAUSE_STEP_SECONDS = 0.002
# ... and at most this long for another process's pending write (`defer_to`).
MAX_DEFER_SECONDS = 0.05
DEFER_STEP_SECONDS = 0.0005


def threads_for(database_url: str) -> int:
    return 1 if database_url.startswith("sqlite") else POSTGRES_THREADS


class LoopLag:
    """How late the event loop runs a short timer; read from any thread."""

    def __init__(self) -> None:
        self.seconds = 0.0

    async def watch(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(LAG_PROBE_SECONDS)
            self.seconds = max(0.0, time.perf_counter() - start - LAG_PROBE_SECONDS)

    @property
    def behind(self) -> bool:
        return self.seconds > MAX_LAG_SECONDS


class PriorityLanes:
    def __init__(
        self,
        threads: int,
        name: str = "store",
        lag: LoopLag | None = None,
        defer_to: Callable[[], bool] | None = None,
    ) -> None:
        self._lag = lag
        self._defer_to = defer_to
        self._queue: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._threads = [
            threading.Thread(target=self._serve, name=f"{name}-{i}", daemon=True)
            for i in range(threads)
        ]
        self._started = False
        self._lock = threading.Lock()

    def _start(self) -> None:
        with self._lock:
            if not self._started:
                for thread in self._threads:
                    thread.start()
                self._started = True

    async def run(self, priority: int, function: Callable[..., T], *args: Any) -> T:
        self._start()
        future: Future[T] = Future()
        self._queue.put((priority, next(self._order), (future, function, args)))
        return await asyncio.wrap_future(future)

    def _serve(self) -> None:
        while True:
            _, _, item = self._queue.get()
            if item is None:
                return
            future, function, args = item
            if not future.set_running_or_notify_cancel():
                continue
            self._let_the_loop_catch_up()
            self._let_others_write()
            try:
                future.set_result(function(*args))
            except BaseException as error:
                future.set_exception(error)

    def _let_the_loop_catch_up(self) -> None:
        if self._lag is None:
            return
        paused = 0.0
        while self._lag.behind and paused < MAX_PAUSE_SECONDS:
            time.sleep(PAUSE_STEP_SECONDS)  # releases the GIL to the event loop
            paused += PAUSE_STEP_SECONDS

    def _let_others_write(self) -> None:
        if self._defer_to is None:
            return
        waited = 0.0
        while self._defer_to() and waited < MAX_DEFER_SECONDS:
            time.sleep(DEFER_STEP_SECONDS)
            waited += DEFER_STEP_SECONDS

    def shutdown(self) -> None:
        """Threads finish what is queued, then stop (they are daemons: exit never waits)."""
        if self._started:
            for _ in self._threads:
                self._queue.put((WORK + 1, next(self._order), None))
