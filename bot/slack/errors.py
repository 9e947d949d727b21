"""One way to fail: log ids (never message text or tokens), tell the person in a sentence.

Work runs after the ack, so Slack never retries it: the person would see nothing unless we say
so. The log line carries the error type, the request's ids and the stack's file/line frames —
not the exception message, which may quote what the person wrote.

`report_failure` serves the background work; `on_error` is Bolt's `@app.error` handler for
anything that fails before the ack (middleware, listener set-up).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.blocks import RenderedMessage
from bot.slack.incoming import interaction_channel_id, interaction_team_id

log = logging.getLogger("bot.slack")

SORRY = (
    "Sorry, something went wrong on my side and nothing was changed. "
    "Please try again in a minute; if it keeps happening, tell your workspace admin."
)

Answer = Callable[..., Awaitable[None]]
ClientFor = Callable[[str], Awaitable[AsyncWebClient]]


def request_ids(body: Mapping[str, Any]) -> dict[str, str]:
    event = body.get("event") or {}
    ids = {
        "kind": str(body.get("type") or body.get("command") or "unknown"),
        "team": str(body.get("team_id") or interaction_team_id(body) or ""),
        "user": str(
            body.get("user_id") or (body.get("user") or {}).get("id", "") or event.get("user", "")
        ),
        "channel": str(
            body.get("channel_id") or interaction_channel_id(body) or event.get("channel", "")
        ),
        "event_id": str(body.get("event_id") or ""),
        "event_type": str(event.get("type") or ""),
    }
    return {key: value for key, value in ids.items() if value}


def log_failure(error: BaseException, body: Mapping[str, Any]) -> None:
    ids = " ".join(f"{key}={value}" for key, value in request_ids(body).items())
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("slack request failed: %s (%s)\n%s", type(error).__name__, ids, frames)


async def report_failure(
    error: BaseException, body: Mapping[str, Any], client_for: ClientFor, answer: Answer
) -> None:
    """Log the failure by ids; apologise through the response_url, or in the DM's thread."""
    log_failure(error, body)
    try:
        response_url = body.get("response_url")
        if response_url:
            await answer(str(response_url), RenderedMessage(text=SORRY, blocks=[]))
            return
        event = body.get("event") or {}
        if event.get("type") == "message" and event.get("channel"):
            client = await client_for(str(body.get("team_id") or ""))
            await client.chat_postMessage(
                channel=event["channel"], thread_ts=event.get("ts"), text=SORRY
            )
    except Exception as notify_error:  # the apology itself failed: log it, nothing more to do
        log.error("could not tell the user about the failure: %s", type(notify_error).__name__)


async def on_error(
    error: Exception,
    body: dict[str, Any],
    respond: Callable[..., Awaitable[Any]] | None,
    client: AsyncWebClient,
) -> None:
    async def answer(url: str, message: RenderedMessage) -> None:
        assert respond is not None
        await respond(text=message.text, response_type="ephemeral", replace_original=False)

    async def bolt_client(team_id: str) -> AsyncWebClient:
        return client

    await report_failure(error, body, bolt_client, answer)
