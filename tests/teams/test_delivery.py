"""Retry and pacing rules for sends to the Bot Connector, with a fake clock (no real waiting)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.teams.delivery import (
    CONVERSATION_WINDOWS,
    RetryPolicy,
    SendPacer,
    SlidingWindowPacer,
    retry_after_seconds,
    status_of,
)


@dataclass
class FakeResponse:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)


class ConnectorError(Exception):
    """Shaped like msrest's HttpOperationError: the response is on `.response`."""

    def __init__(self, status: int, **headers: str) -> None:
        super().__init__(f"HTTP {status}")
        self.response = FakeResponse(status, {k.replace("_", "-"): v for k, v in headers.items()})


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def flaky(*errors: Exception):
    calls = []

    async def send() -> str:
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return "sent"

    return send, calls


@pytest.mark.parametrize("status", [412, 429, 502, 504])
async def test_transient_statuses_are_retried(status: int):
    fake = FakeTime()
    policy = RetryPolicy(sleep=fake.sleep, jitter=lambda: 0.5)
    send, calls = flaky(ConnectorError(status), ConnectorError(status))

    assert await policy.run(send) == "sent"
    assert len(calls) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500])
async def test_other_failures_are_not_retried(status: int):
    policy = RetryPolicy(sleep=FakeTime().sleep)
    send, calls = flaky(ConnectorError(status))

    with pytest.raises(ConnectorError):
        await policy.run(send)
    assert len(calls) == 1


async def test_back_off_grows_exponentially_within_bounds():
    fake = FakeTime()
    policy = RetryPolicy(
        attempts=6, base_delay=0.5, max_delay=3.0, sleep=fake.sleep, jitter=lambda: 1.0
    )
    send, _ = flaky(*[ConnectorError(502)] * 5)

    await policy.run(send)

    assert fake.slept == [0.5, 1.0, 2.0, 3.0, 3.0]


async def test_jitter_spreads_delays_between_half_and_the_full_step():
    low = RetryPolicy(base_delay=1.0, jitter=lambda: 0.0).delay_for(ConnectorError(429), 3)
    high = RetryPolicy(base_delay=1.0, jitter=lambda: 1.0).delay_for(ConnectorError(429), 3)

    assert (low, high) == (2.0, 4.0)


async def test_retry_after_is_honoured_and_capped():
    fake = FakeTime()
    policy = RetryPolicy(max_delay=10.0, sleep=fake.sleep)
    send, _ = flaky(ConnectorError(429, Retry_After="3"), ConnectorError(429, Retry_After="120"))

    await policy.run(send)

    assert fake.slept == [3.0, 10.0]


async def test_attempts_are_limited_and_the_last_error_raised():
    policy = RetryPolicy(attempts=3, sleep=FakeTime().sleep)
    send, calls = flaky(*[ConnectorError(429)] * 10)

    with pytest.raises(ConnectorError, match="429"):
        await policy.run(send)
    assert len(calls) == 3


def test_retry_after_as_an_http_date():
    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=42), usegmt=True)

    assert retry_after_seconds(ConnectorError(429, Retry_After=later), now) == 42.0
    assert retry_after_seconds(ConnectorError(429, Retry_After="soon"), now) is None
    assert retry_after_seconds(ConnectorError(429), now) is None
    assert status_of(ValueError("no response")) is None


async def test_the_pacer_keeps_every_teams_window():
    fake = FakeTime()
    pacer = SlidingWindowPacer(CONVERSATION_WINDOWS, clock=fake.clock, sleep=fake.sleep)
    sent_at = []
    for _ in range(70):
        await pacer.acquire("conversation")
        sent_at.append(fake.now)

    for count, seconds in CONVERSATION_WINDOWS:
        for i in range(len(sent_at) - count):
            # Any count+1 consecutive sends span at least the window.
            assert sent_at[i + count] - sent_at[i] >= seconds - 1e-9, (count, seconds, i)
    assert sent_at[6] == sent_at[0]  # the first 7 go at once
    assert sent_at[7] >= sent_at[0] + 1.0


async def test_conversations_do_not_wait_for_each_other():
    fake = FakeTime()
    pacer = SlidingWindowPacer(((1, 5.0),), clock=fake.clock, sleep=fake.sleep)

    assert await pacer.acquire("a") == 0.0
    assert await pacer.acquire("b") == 0.0
    assert await pacer.acquire("a") == 5.0


async def test_concurrent_sends_to_one_conversation_keep_their_order():
    pacer = SlidingWindowPacer(((1, 0.02),))
    order: list[int] = []

    async def send(i: int) -> None:
        await pacer.acquire("conversation")
        order.append(i)

    await asyncio.gather(*(send(i) for i in range(5)))

    assert order == [0, 1, 2, 3, 4]


async def test_idle_conversations_are_forgotten():
    fake = FakeTime()
    pacer = SlidingWindowPacer(((2, 10.0),), clock=fake.clock, sleep=fake.sleep)
    for key in range(100):
        await pacer.acquire(str(key))
    fake.now += 11
    await pacer.acquire("fresh")

    assert list(pacer._sent) == ["fresh"]


async def test_the_tenant_limit_applies_across_conversations():
    fake = FakeTime()
    pacer = SendPacer(clock=fake.clock, sleep=fake.sleep, tenant_windows=((3, 1.0),))

    waits = [await pacer.acquire(f"conversation-{i}", "tenant") for i in range(4)]

    assert waits == [0.0, 0.0, 0.0, 1.0]


def test_a_pacer_needs_a_window():
    with pytest.raises(ValueError):
        SlidingWindowPacer(())
