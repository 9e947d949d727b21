"""Outbound Slack Web API: one client factory (base URL, retries) and per-channel pacing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import SlackSettings
from bot.slack.settings_check import normalised_api_url

# Slack allows about one message per second per channel (chat.postMessage, "Rate limits").
DEFAULT_POST_INTERVAL_SECONDS = 1.0
WEB_API_TIMEOUT_SECONDS = 10


def retry_handlers() -> list[AsyncRetryHandler]:
    """Connection resets, 429 (sleeps Retry-After), and one more try after a 500/503."""
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=1),
        AsyncRateLimitErrorRetryHandler(max_retry_count=3),
        AsyncServerErrorRetryHandler(max_retry_count=1),
    ]


def build_web_client(slack: SlackSettings, token: str | None = None) -> AsyncWebClient:
    return AsyncWebClient(
        token=token,
        base_url=normalised_api_url(slack.api_url),
        timeout=WEB_API_TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(),
    )


def client_with_token(base: AsyncWebClient, token: str) -> AsyncWebClient:
    """Same base URL, session and retries as `base`, another workspace's token."""
    return AsyncWebClient(
        token=token,
        base_url=base.base_url,
        timeout=base.timeout,
        session=base.session,
        logger=base.logger,
        retry_handlers=list(base.retry_handlers),
    )


class ChannelPacer:
    """Spaces posts to the same channel at least `min_interval` seconds apart.

    Posts to different channels do not wait for each other.
    """

    def __init__(
        self,
        min_interval: float = DEFAULT_POST_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._next_at: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, channel: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            wait = self._next_at.get(channel, 0.0) - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._next_at[channel] = self._clock() + self.min_interval
        self._forget_idle()

    def _forget_idle(self) -> None:
        if len(self._locks) < 1000:
            return
        now = self._clock()
        for channel in [c for c, at in self._next_at.items() if at <= now]:
            lock = self._locks.get(channel)
            if lock is not None and not lock.locked():
                del self._locks[channel]
                del self._next_at[channel]


async def post_message(
    client: AsyncWebClient, pacer: ChannelPacer, channel: str, **kwargs: Any
) -> dict[str, Any]:
    async with pacer.slot(channel):
        response = await client.chat_postMessage(channel=channel, **kwargs)
    return dict(response.data) if isinstance(response.data, dict) else {}
