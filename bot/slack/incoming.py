"""Slack payloads → the core's `Incoming`. Pure functions over plain dicts."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from bot.core.messages import Incoming, Mention

Payload = Mapping[str, Any]


def is_direct_message_channel(channel_id: str | None) -> bool:
    # Slack DM channel ids start with "D"; public/private channels with "C" or "G".
    return bool(channel_id) and str(channel_id).startswith("D")


# Slack's own tokens in message text: <@U123|name>, <#C123|name>, <!here>, <https://x|label>.
_TOKEN = re.compile(r"<([^<>\n]{1,3000})>")
UserNames = Callable[[str], str | None]


def decode_text(
    text: str,
    *,
    user_names: UserNames | None = None,
    bot_user_id: str | None = None,
    direct_message: bool = False,
) -> tuple[str, tuple[Mention, ...]]:
    """What the reader sees: Slack's wire text decoded, with the users it mentions.

    `&amp; &lt; &gt;` become `& < >`, `<url|label>` its label, `<url>` the url, `<@U1|jane>` and
    `<@U1>` "@jane" (the name from `user_names` when Slack sent none), `<#C1|general>`
    "#general". A leading mention of the bot in a DM ("@coach met Jane") is dropped.
    """
    if direct_message and bot_user_id:
        text = re.sub(rf"^\s*<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[\s:,]*", "", text)
    mentions: list[Mention] = []

    def readable(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            user_id = target[1:]
            name = label.strip().lstrip("@") or (user_names(user_id) if user_names else None)
            name = name or user_id
            mentions.append(Mention(user_id=user_id, name=name))
            return f"@{name}"
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            special = target[1:].split("^", 1)[0]
            return label or (f"@{special}" if special in {"here", "channel", "everyone"} else "")
        return label or target.removeprefix("mailto:")

    decoded = _TOKEN.sub(readable, text)
    decoded = decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return decoded, tuple(mentions)


def from_slash_command(command: Payload, user_names: UserNames | None = None) -> Incoming:
    channel_id = str(command.get("channel_id") or "")
    text, mentions = decode_text(str(command.get("text") or ""), user_names=user_names)
    return Incoming(
        platform="slack",
        workspace_id=str(command.get("team_id") or ""),
        user_id=str(command.get("user_id") or ""),
        conversation_id=channel_id,
        text=text,
        mentions=mentions,
        is_direct_message=is_direct_message_channel(channel_id)
        or command.get("channel_name") == "directmessage",
        user_display_name=command.get("user_name") or None,
    )


def from_direct_message(
    event: Payload,
    team_id: str,
    *,
    bot_user_id: str | None = None,
    user_names: UserNames | None = None,
) -> Incoming:
    text, mentions = decode_text(
        str(event.get("text") or ""),
        user_names=user_names,
        bot_user_id=bot_user_id,
        direct_message=True,
    )
    return Incoming(
        platform="slack",
        workspace_id=team_id,
        user_id=str(event.get("user") or ""),
        conversation_id=str(event.get("channel") or ""),
        text=text,
        is_direct_message=True,
        mentions=mentions,
    )


def interaction_team_id(body: Payload) -> str:
    team = body.get("team") or {}
    user = body.get("user") or {}
    return str(team.get("id") or user.get("team_id") or "")


def interaction_channel_id(body: Payload) -> str:
    channel = body.get("channel") or {}
    container = body.get("container") or {}
    return str(channel.get("id") or container.get("channel_id") or "")


def from_interaction(body: Payload, text: str) -> Incoming:
    """A button click or a shortcut: the user "typed" `text` where the interaction happened."""
    user = body.get("user") or {}
    channel_id = interaction_channel_id(body)
    return Incoming(
        platform="slack",
        workspace_id=interaction_team_id(body),
        user_id=str(user.get("id") or ""),
        conversation_id=channel_id or str(user.get("id") or ""),
        text=text,
        is_direct_message=is_direct_message_channel(channel_id) or not channel_id,
        user_display_name=user.get("username") or user.get("name") or None,
    )


def from_home_opened(event: Payload, team_id: str) -> Incoming:
    return Incoming(
        platform="slack",
        workspace_id=team_id,
        user_id=str(event.get("user") or ""),
        conversation_id=str(event.get("channel") or ""),
        text="",
        is_direct_message=True,
    )


# A plain message, or text sent with an attachment (`file_share`): both are the person's words.
REVIEWED_SUBTYPES = (None, "file_share")


def should_review_direct_message(event: Payload) -> bool:
    """Only a person's own new DM text: no edits, joins, bot posts or thread broadcasts."""
    return (
        event.get("type") == "message"
        and event.get("channel_type") == "im"
        and event.get("subtype") in REVIEWED_SUBTYPES
        and not event.get("bot_id")
        and not event.get("app_id")
        and bool(event.get("user"))
        and bool(str(event.get("text") or "").strip())
    )
