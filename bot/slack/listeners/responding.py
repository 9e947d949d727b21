"""Answering through a `response_url` (slash commands, buttons, shortcuts), checked for errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.slack.blocks import RenderedMessage


class ResponseUrlFailed(RuntimeError):
    """Slack refused the response_url post (expired, used up, or invalid blocks)."""


Respond = Callable[..., Awaitable[Any]]


async def answer(
    respond: Respond,
    message: RenderedMessage,
    *,
    replace_original: bool = False,
    ephemeral: bool = True,
) -> None:
    kwargs: dict[str, Any] = {"replace_original": replace_original}
    if not replace_original:
        kwargs["response_type"] = "ephemeral" if ephemeral else "in_channel"
    result = await respond(text=message.text, blocks=message.blocks, **kwargs)
    status = getattr(result, "status_code", 200)
    if status != 200:
        raise ResponseUrlFailed(f"response_url answered HTTP {status}")
