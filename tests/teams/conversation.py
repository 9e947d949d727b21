"""Drive `NetworkCoachBot` with botbuilder's `TestAdapter(bot.on_turn)`, dressed as Teams."""

from __future__ import annotations

from typing import Any

from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.teams.bot import NetworkCoachBot
from bot.teams.cards import CARD_CONTENT_TYPE, SUBMIT_MARKER
from tests.teams.cardnodes import card_texts, submits
from tests.teams.payloads import (
    BOT_ID,
    BOT_NAME,
    CHANNEL_ID,
    PERSONAL_CONVERSATION,
    TEAM_ID,
    TENANT,
    USER_AAD_ID,
    USER_ID,
)


def personal_template() -> Activity:
    return Activity(
        channel_id="msteams",
        service_url="https://smba.test.example/emea/",
        from_property=ChannelAccount(id=USER_ID, name="Jane Doe", aad_object_id=USER_AAD_ID),
        recipient=ChannelAccount(id=BOT_ID, name=BOT_NAME),
        conversation=ConversationAccount(
            id=PERSONAL_CONVERSATION, conversation_type="personal", tenant_id=TENANT
        ),
        channel_data={"tenant": {"id": TENANT}},
    )


def channel_template() -> Activity:
    return Activity(
        channel_id="msteams",
        service_url="https://smba.test.example/emea/",
        from_property=ChannelAccount(id=USER_ID, name="Jane Doe", aad_object_id=USER_AAD_ID),
        recipient=ChannelAccount(id=BOT_ID, name=BOT_NAME),
        conversation=ConversationAccount(
            id=f"{CHANNEL_ID};messageid=1700000000123",
            conversation_type="channel",
            tenant_id=TENANT,
            is_group=True,
        ),
        channel_data={
            "channel": {"id": CHANNEL_ID},
            "team": {"id": TEAM_ID},
            "tenant": {"id": TENANT},
        },
    )


def shown(activity: Activity) -> str:
    """All the text a Teams user would see in a reply (message text or every card text)."""
    parts: list[str] = [activity.text or ""]
    for attachment in activity.attachments or []:
        if attachment.content_type == CARD_CONTENT_TYPE:
            content = attachment.content
            parts += card_texts([content.get("body", []), content.get("actions", [])])
    return "\n".join(part for part in parts if part)


def buttons(activity: Activity) -> dict[str, str]:
    """Button title → command, for every Action.Submit in the reply's card."""
    found: dict[str, str] = {}
    for attachment in activity.attachments or []:
        for button in submits(attachment.content):
            found[button["title"]] = button["data"]["command"]
    return found


class Conversation:
    def __init__(self, bot: NetworkCoachBot, template: Activity | None = None) -> None:
        self.adapter = TestAdapter(bot.on_turn, template or personal_template())

    async def say(self, text: str, **fields: Any) -> Activity:
        """Send a message; return the one reply (fails when there is not exactly one)."""
        await self.adapter.receive_activity(
            Activity(type=ActivityTypes.message, text=text, **fields)
        )
        return self._only_reply()

    async def say_all(self, text: str) -> list[Activity]:
        return await self.receive(Activity(type=ActivityTypes.message, text=text))

    async def click(self, command: str) -> Activity:
        value = {SUBMIT_MARKER: "command", "command": command}
        await self.adapter.receive_activity(Activity(type=ActivityTypes.message, value=value))
        return self._only_reply()

    async def receive(self, activity: Activity) -> list[Activity]:
        await self.adapter.receive_activity(activity)
        replies = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        return replies

    def _only_reply(self) -> Activity:
        replies = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        assert len(replies) == 1, f"expected one reply, got {len(replies)}"
        return replies[0]
