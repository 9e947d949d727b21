"""Getting replies to Teams reliably: retry transient connector errors, pace sends per conversation.

Teams answers 429 when a bot posts too fast, and Microsoft asks bots to retry 429, 412, 502 and
504 with exponential back-off and jitter. It also limits each bot per conversation (7 messages a
second, 8 in 2 s, 60 in 30 s, 1,800 an hour) and per tenant (50 a second), so we wait for a free
slot before sending rather than provoking 429s. Nothing here imports botbuilder: the connector
error is recognised by its `response.status_code`.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

RETRYABLE_STATUSES = frozenset({412, 429, 502, 504})

# (messages, seconds) pairs from Teams' documented per-bot-per-conversation limits.
CONVERSATION_WINDOWS: tuple[tuple[int, float], ...] = (
    (7, 1.0),
    (8, 2.0),
    (60, 30.0),
    (1800, 3600.0),
)
TENANT_WINDOWS: tuple[tuple[int, float], ...] = ((50, 1.0),)

Sleep = Callable[[float], Awaitable[None]]


def status_of(error: BaseException) -> int | None:
    """The HTTP status of a failed connector call (msrest's `HttpOperationError`), if any."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def retry_after_seconds(error: BaseException, now: datetime | None = None) -> float | None:
    """`Retry-After` in seconds (a number or an HTTP date); None when absent or unreadable."""
    headers = getattr(getattr(error, "response", None), "headers", None)
    if not headers:
        return None
    raw = headers.get("Retry-After")
    if raw is None:
        return None
    raw = str(raw).strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class RetryPolicy:
    """Exponential back-off with full jitter; `Retry-After` wins when the server sends one."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    sleep: Sleep = asyncio.sleep
    jitter: Callable[[], float] = random.random

    def delay_for(self, error: BaseException, attempt: int) -> float:
        hinted = retry_after_seconds(error)
        if hinted is not None:
            return min(hinted, self.max_delay)
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        # Half fixed, half jitter: never zero, and concurrent retries spread out.
        return ceiling / 2 + self.jitter() * ceiling / 2

    async def run(self, send: Callable[[], Awaitable[T]], *, label: str = "") -> T:
        attempt = 1
        while True:
            try:
                return await send()
            except Exception as error:
                status = status_of(error)
                if status not in RETRYABLE_STATUSES or attempt >= self.attempts:
                    raise
                delay = self.delay_for(error, attempt)
                logger.warning(
                    "Teams connector answered %s to %s; retry %d of %d in %.2f s",
                    status,
                    label or "a send",
                    attempt,
                    self.attempts - 1,
                    delay,
                )
                await self.sleep(delay)
                attempt += 1


class SlidingWindowPacer:
    """Waits until sending one more message to `key` keeps every (count, seconds) window honest.

    Sends to one key leave in the order they asked (one lock per key); different keys never wait
    for each other. Keys idle for longer than the widest window are forgotten.
    """

    def __init__(
        self,
        windows: Sequence[tuple[int, float]],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        max_keys: int = 50_000,
    ) -> None:
        if not windows:
            raise ValueError("at least one (count, seconds) window is needed")
        self._windows = tuple(sorted(windows, key=lambda w: w[1]))
        self._horizon = max(seconds for _, seconds in self._windows)
        self._keep = max(count for count, _ in self._windows)
        self._clock = clock
        self._sleep = sleep
        self._max_keys = max_keys
        self._sent: OrderedDict[str, deque[float]] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}

    def wait_needed(self, key: str) -> float:
        """Seconds to wait before the next send to `key` (0 when it may go now)."""
        sent = self._sent.get(key)
        if not sent:
            return 0.0
        now = self._clock()
        wait = 0.0
        for count, seconds in self._windows:
            if len(sent) >= count:
                oldest_in_window = sent[-count]
                wait = max(wait, oldest_in_window + seconds - now)
        return max(0.0, wait)

    async def acquire(self, key: str) -> float:
        """Wait for a slot and record the send; returns the seconds waited."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        waited = 0.0
        async with lock:
            while (wait := self.wait_needed(key)) > 0:
                waited += wait
                await self._sleep(wait)
            self._record(key)
        return waited

    def _record(self, key: str) -> None:
        now = self._clock()
        sent = self._sent.pop(key, None) or deque()
        sent.append(now)
        while len(sent) > self._keep or (sent and sent[0] <= now - self._horizon):
            sent.popleft()
        self._sent[key] = sent  # most recently used last
        self._forget_idle(now)

    def _forget_idle(self, now: float) -> None:
        while self._sent:
            key, sent = next(iter(self._sent.items()))
            idle = not sent or sent[-1] <= now - self._horizon
            if not idle and len(self._sent) <= self._max_keys:
                break
            self._sent.popitem(last=False)
            lock = self._locks.get(key)
            if lock is not None and not lock.locked():
                del self._locks[key]


class SendPacer:
    """Per-conversation and per-tenant pacing, as Teams limits both."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        conversation_windows: Sequence[tuple[int, float]] = CONVERSATION_WINDOWS,
        tenant_windows: Sequence[tuple[int, float]] = TENANT_WINDOWS,
    ) -> None:
        self.conversations = SlidingWindowPacer(conversation_windows, clock=clock, sleep=sleep)
        self.tenants = SlidingWindowPacer(tenant_windows, clock=clock, sleep=sleep)

    async def acquire(self, conversation_id: str, tenant_id: str | None) -> float:
        waited = await self.conversations.acquire(conversation_id)
        if tenant_id:
            waited += await self.tenants.acquire(tenant_id)
        return waited
