"""A Teams activity → the core's `Incoming`: who, where, and the command text.

Identity: the workspace is the Microsoft Entra tenant, the user is the Teams user id
(`from.id`, "29:…", which the connector also uses to address them). In a channel the
conversation is the channel itself (`19:…@thread.tacv2`), without the `;messageid=` of the
thread the bot was mentioned in, so `digest here` subscribes the channel and the digest starts a
new thread there.
"""

from __future__ import annotations

import html
import re
from typing import Any

from botbuilder.schema import Activity

from bot.core.messages import Incoming, Mention
from bot.teams.cards import command_from_submit

PLATFORM = "teams"
_THREAD_SUFFIX = re.compile(r";messageid=\d+$")


def tenant_of(activity: Activity) -> str:
    conversation = activity.conversation
    tenant = getattr(conversation, "tenant_id", None) if conversation else None
    if not tenant:
        tenant = _dig(activity.channel_data, "tenant", "id")
    # The Emulator and the test adapter have no tenant: keep their data apart by channel.
    return str(tenant or activity.channel_id or "unknown")


PERSONAL = "personal"
PERSONAL_ID_PREFIX = "a:"  # Teams' 1:1 chat ids; channels and group chats are "19:…"
EMULATOR_CHANNEL = "emulator"


def conversation_type_of(activity: Activity) -> str:
    """What Teams says the conversation is; when it says nothing (Microsoft's own examples
    include such activities), "personal" only for a 1:1 chat id, else a channel or group."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    if kind:
        return str(kind)
    if is_personal_conversation_id(getattr(conversation, "id", None)):
        return PERSONAL
    if activity.channel_id == EMULATOR_CHANNEL:  # a developer's 1:1 chat, loopback only
        return PERSONAL
    if _dig(activity.channel_data, "channel", "id"):
        return "channel"
    return "groupChat"


def is_personal_conversation_id(conversation_id: object) -> bool:
    return isinstance(conversation_id, str) and conversation_id.startswith(PERSONAL_ID_PREFIX)


def is_personal(activity: Activity) -> bool:
    return conversation_type_of(activity) == PERSONAL


def team_of(activity: Activity) -> str | None:
    """The id of the team a channel activity comes from (None outside teams)."""
    team = _dig(activity.channel_data, "team", "id")
    return str(team) if team else None


def conversation_id_of(activity: Activity) -> str:
    if conversation_type_of(activity) == "channel":
        channel = _dig(activity.channel_data, "channel", "id")
        if channel:
            return str(channel)
        return _THREAD_SUFFIX.sub("", activity.conversation.id)
    return str(activity.conversation.id)


def strip_bot_mention(activity: Activity) -> str:
    """The message text without the @mention(s) of this bot.

    botbuilder's `TurnContext.remove_recipient_mention` deletes every occurrence of the bot's
    *name* anywhere in the text (a draft that names the bot loses those words) and raises on a
    mention entity without `mentioned`; this removes exactly the `<at>…</at>` tag Teams inserted.
    """
    text = activity.text or ""
    recipient_id = getattr(activity.recipient, "id", None)
    for entity in activity.entities or []:
        props = _entity_properties(entity)
        if str(props.get("type") or "").lower() != "mention":
            continue
        mentioned = props.get("mentioned")
        if not isinstance(mentioned, dict) or mentioned.get("id") != recipient_id:
            continue
        tag = props.get("text")
        if isinstance(tag, str) and tag and tag in text:
            text = text.replace(tag, " ")
        elif isinstance(mentioned.get("name"), str):
            pattern = rf"<at[^>]*>\s*{re.escape(mentioned['name'])}\s*</at>"
            text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return text


def command_text(activity: Activity) -> str:
    """What the member said: a card button's command, or the typed text without our mention."""
    submitted = command_from_submit(activity.value)
    if submitted is not None:
        return submitted
    text = _AT_TAG.sub(_readable_at, strip_bot_mention(activity))
    text = html.unescape(text).replace("\xa0", " ")
    return text.strip()


# Teams writes a mention of someone else as `<at>Jane Doe</at>`; the core reads "@Jane Doe".
_AT_TAG = re.compile(r"<at(?:\s[^>]*)?>(.*?)</at>", re.IGNORECASE | re.DOTALL)


def _readable_at(match: re.Match[str]) -> str:
    name = " ".join(match.group(1).split())
    return f"@{name}" if name else ""


def mentions_of(activity: Activity) -> tuple[Mention, ...]:
    """The users the message mentions, other than this bot, with their Teams ids."""
    recipient_id = getattr(activity.recipient, "id", None)
    found: list[Mention] = []
    for entity in activity.entities or []:
        props = _entity_properties(entity)
        if str(props.get("type") or "").lower() != "mention":
            continue
        mentioned = props.get("mentioned")
        if not isinstance(mentioned, dict) or mentioned.get("id") in {None, recipient_id}:
            continue
        name = mentioned.get("name")
        if not isinstance(name, str) or not name.strip():
            tag = _AT_TAG.search(str(props.get("text") or ""))
            name = tag.group(1) if tag else ""
        found.append(Mention(user_id=str(mentioned["id"]), name=" ".join(str(name).split())))
    return tuple(m for m in found if m.name)


def to_incoming(activity: Activity, text: str) -> Incoming:
    sender = activity.from_property
    return Incoming(
        platform=PLATFORM,
        workspace_id=tenant_of(activity),
        user_id=str(getattr(sender, "id", None) or "unknown"),
        conversation_id=conversation_id_of(activity),
        text=text,
        is_direct_message=is_personal(activity),
        user_display_name=getattr(sender, "name", None) or None,
        mentions=mentions_of(activity) if command_from_submit(activity.value) is None else (),
    )


def _entity_properties(entity: Any) -> dict[str, Any]:
    if isinstance(entity, dict):
        return entity
    props = dict(getattr(entity, "additional_properties", None) or {})
    for key in ("type", "mentioned", "text"):
        value = getattr(entity, key, None)
        if value is not None and key not in props:
            props[key] = value.serialize() if hasattr(value, "serialize") else value
    return props


def _dig(data: object, *keys: str) -> object:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else getattr(data, key, None)
        if data is None:
            return None
    return data
