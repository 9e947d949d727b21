"""Slack payloads → the core's `Incoming`. Pure functions over plain dicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.messages import Incoming

Payload = Mapping[str, Any]


def is_direct_message_channel(channel_id: str | None) -> bool:
    # Slack DM channel ids start with "D"; public/private channels with "C" or "G".
    return bool(channel_id) and str(channel_id).startswith("D")


def from_slash_command(command: Payload) -> Incoming:
    channel_id = str(command.get("channel_id") or "")
    return Incoming(
        platform="slack",
        workspace_id=str(command.get("team_id") or ""),
        user_id=str(command.get("user_id") or ""),
        conversation_id=channel_id,
        text=str(command.get("text") or ""),
        is_direct_message=is_direct_message_channel(channel_id)
        or command.get("channel_name") == "directmessage",
        user_display_name=command.get("user_name") or None,
    )


def from_direct_message(event: Payload, team_id: str) -> Incoming:
    return Incoming(
        platform="slack",
        workspace_id=team_id,
        user_id=str(event.get("user") or ""),
        conversation_id=str(event.get("channel") or ""),
        text=str(event.get("text") or ""),
        is_direct_message=True,
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
