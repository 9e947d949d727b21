"""Activities shaped the way Teams posts them to a bot (field names, ids and channelData)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

TENANT = "4f1d2c3b-5a69-4e7d-8c0b-2a3e4f5d6c7b"
BOT_APP_ID = "9af71375-70c2-473a-9a2f-ff4f1526b5ca"
BOT_ID = f"28:{BOT_APP_ID}"
BOT_NAME = "Network Coach"
USER_ID = (
    "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06"
)
USER_AAD_ID = "6be4ee8e-2b1f-4bd8-a3e4-9a5b6c7d8e9f"
OTHER_USER_ID = "29:1XyZ0AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"
PERSONAL_CONVERSATION = (
    "a:1Ez9cZ3dUoJzK3wOeBJMVoP1CuDLQQAbrI3a9tLJ2g-v9kWl7hgVtkoLXy1e7x5vnMUi4uNpHRq7Rzt2aOCgiT0RK3"
)
OTHER_PERSONAL_CONVERSATION = "a:1Qq8uJ7xN2mP5oR0tS9vW4yZ6bC3dF1gH8jK2lM7nP0qR5sT9uV3wX6yZ1aB4cD8e"
TEAM_ID = "19:Q8e8pLhT0FbhZpKvrm2yYo7cUqvqcEJ0qjBQhD9zkaI1@thread.tacv2"
CHANNEL_ID = "19:5b1e8f7a3c2d4e6f9a0b1c2d3e4f5a6b@thread.tacv2"

_ids = itertools.count(1_700_000_000_000)


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _base(service_url: str, kind: str) -> dict[str, Any]:
    return {
        "type": kind,
        "id": str(next(_ids)),
        "timestamp": _now(),
        "localTimestamp": _now(),
        "channelId": "msteams",
        "serviceUrl": service_url,
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "locale": "en-US",
    }


def personal_message(
    service_url: str,
    text: str,
    *,
    user_id: str = USER_ID,
    conversation_id: str = PERSONAL_CONVERSATION,
    name: str = "Jane Doe",
) -> dict[str, Any]:
    activity = _base(service_url, "message")
    activity.update(
        text=text,
        textFormat="plain",
        attachments=[],
        entities=[
            {
                "type": "clientInfo",
                "locale": "en-US",
                "country": "US",
                "platform": "Web",
                "timezone": "Europe/London",
            }
        ],
        channelData={"tenant": {"id": TENANT}},
        conversation={"conversationType": "personal", "tenantId": TENANT, "id": conversation_id},
        **{"from": {"id": user_id, "name": name, "aadObjectId": USER_AAD_ID}},
    )
    return activity


def card_submit(
    service_url: str, button: str | dict[str, Any], *, reply_to_id: str = "1700000000001"
) -> dict:
    """What Teams posts when an Action.Submit button of one of our cards is clicked: the
    button's data (or, given a command, the data of a button that runs it)."""
    activity = personal_message(service_url, "")
    del activity["text"]
    activity.update(
        value={"netcoach": "command", "command": button} if isinstance(button, str) else button,
        replyToId=reply_to_id,
        channelData={
            "tenant": {"id": TENANT},
            "source": {"name": "message"},
            "legacy": {"replyToId": reply_to_id},
        },
    )
    return activity


def channel_mention(
    service_url: str,
    text_after_mention: str,
    *,
    channel_id: str = CHANNEL_ID,
    team_id: str = TEAM_ID,
) -> dict[str, Any]:
    """A channel post that @mentions the bot (the only channel posts Teams sends a bot)."""
    activity = _base(service_url, "message")
    thread = activity["id"]
    mention = f"<at>{BOT_NAME}</at>"
    activity.update(
        text=f"{mention} {text_after_mention}",
        textFormat="plain",
        attachments=[{"contentType": "text/html", "content": f"<div>{mention} …</div>"}],
        entities=[
            {"type": "mention", "mentioned": {"id": BOT_ID, "name": BOT_NAME}, "text": mention},
            {"type": "clientInfo", "locale": "en-US", "platform": "Web"},
        ],
        channelData={
            "teamsChannelId": channel_id,
            "teamsTeamId": team_id,
            "channel": {"id": channel_id},
            "team": {"id": team_id},
            "tenant": {"id": TENANT},
        },
        conversation={
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": f"{channel_id};messageid={thread}",
        },
        **{"from": {"id": USER_ID, "name": "Jane Doe", "aadObjectId": USER_AAD_ID}},
    )
    return activity


def personal_install(service_url: str, *, user_id: str = USER_ID) -> dict[str, Any]:
    activity = _base(service_url, "conversationUpdate")
    activity.update(
        membersAdded=[{"id": BOT_ID}],
        channelData={"tenant": {"id": TENANT}},
        conversation={
            "conversationType": "personal",
            "tenantId": TENANT,
            "id": PERSONAL_CONVERSATION,
        },
        **{"from": {"id": user_id, "aadObjectId": USER_AAD_ID}},
    )
    return activity


def installation_update(service_url: str, action: str) -> dict[str, Any]:
    activity = _base(service_url, "installationUpdate")
    activity.update(
        action=action,
        channelData={"tenant": {"id": TENANT}, "source": None},
        conversation={
            "conversationType": "personal",
            "tenantId": TENANT,
            "id": PERSONAL_CONVERSATION,
        },
        **{"from": {"id": USER_ID, "aadObjectId": USER_AAD_ID}},
    )
    return activity


def team_install(service_url: str, *, removed: bool = False) -> dict[str, Any]:
    activity = _base(service_url, "conversationUpdate")
    members = [{"id": BOT_ID}]
    activity.update(
        channelData={
            "team": {"id": CHANNEL_ID, "name": "Sales", "aadGroupId": "0b6d1c55-0000-4000-8000-1"},
            "eventType": "teamMemberRemoved" if removed else "teamMemberAdded",
            "tenant": {"id": TENANT},
        },
        conversation={
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": CHANNEL_ID,
        },
        **{"from": {"id": USER_ID, "aadObjectId": USER_AAD_ID}},
    )
    activity["membersRemoved" if removed else "membersAdded"] = members
    return activity


# --- a whole team leaving (shapes from Microsoft's "Conversation events in your Teams bot") ------
def _team_event(service_url: str, kind: str, team_id: str, **channel_data: Any) -> dict[str, Any]:
    activity = _base(service_url, kind)
    activity.update(
        channelData={
            "team": {"id": team_id, "name": "Sales", "aadGroupId": "0b6d1c55-0000-4000-8000-2"},
            "tenant": {"id": TENANT},
            **channel_data,
        },
        # Team-wide events arrive in the team's General channel, whose id is the team's id.
        conversation={
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": team_id,
        },
        **{"from": {"id": USER_ID, "aadObjectId": USER_AAD_ID}},
    )
    return activity


def team_uninstall(service_url: str, team_id: str = TEAM_ID) -> dict[str, Any]:
    """The app removed from a team (Manage team → Apps → Uninstall)."""
    activity = _team_event(
        service_url,
        "installationUpdate",
        team_id,
        settings={"selectedChannel": {"id": team_id}},
        source={"name": "message"},
    )
    activity["action"] = "remove"
    return activity


def team_deleted(service_url: str, team_id: str = TEAM_ID) -> dict[str, Any]:
    return _team_event(service_url, "conversationUpdate", team_id, eventType="teamDeleted")


def bot_removed_from_team(service_url: str, team_id: str = TEAM_ID) -> dict[str, Any]:
    activity = _team_event(
        service_url, "conversationUpdate", team_id, eventType="teamMemberRemoved"
    )
    activity["membersRemoved"] = [{"id": BOT_ID}]
    return activity


def untyped_channel_message(service_url: str, text: str) -> dict[str, Any]:
    """A channel message without `conversation.conversationType`, as in Microsoft's messageBack
    example: only the channel data and the "19:" id say it is not a personal chat."""
    activity = channel_mention(service_url, text)
    conversation = activity["conversation"]
    activity["conversation"] = {"id": conversation["id"]}
    return activity
