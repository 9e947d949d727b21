"""Conversation references: what botbuilder needs to message a conversation later, as stored JSON.

A reference is captured from every incoming activity (`TurnContext.get_conversation_reference`
then `serialize()`), so it always carries the latest `serviceUrl`. Personal chats are stored with
the member's user id, which is how a nudge finds its way to them; channel references point at the
channel itself so a digest starts a new thread, and remember their team (`TEAM_KEY`, beside
botbuilder's own fields) so that removing the app from a team forgets every channel of it.
"""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.teams.incoming import (
    EMULATOR_CHANNEL,
    PERSONAL,
    PLATFORM,
    conversation_id_of,
    is_personal,
    is_personal_conversation_id,
    team_of,
    tenant_of,
)
from storage.records import ConversationReferenceRecord

TEAM_KEY = "netcoachTeamId"


def reference_record(activity: Activity) -> ConversationReferenceRecord:
    reference = TurnContext.get_conversation_reference(activity)
    conversation_id = conversation_id_of(activity)
    # Never keep the id of the message that happened to carry the reference.
    reference.activity_id = None
    if reference.conversation is not None:
        reference.conversation.id = conversation_id
    personal = is_personal(activity)
    if not personal:
        # A channel reference outlives whoever happened to mention the bot; keep no trace of them
        # (forget-me deletes a member's personal references by user id, not these).
        reference.user = None
    stored = reference.serialize()
    team = None if personal else team_of(activity)
    if team:
        stored[TEAM_KEY] = team
    return ConversationReferenceRecord(
        platform=PLATFORM,
        workspace_id=tenant_of(activity),
        conversation_id=conversation_id,
        user_id=str(activity.from_property.id) if personal and activity.from_property else None,
        reference=stored,
    )


def conversation_reference(record: ConversationReferenceRecord) -> ConversationReference:
    fields = {key: value for key, value in record.reference.items() if key != TEAM_KEY}
    return ConversationReference().deserialize(fields)


def team_of_reference(record: ConversationReferenceRecord) -> str | None:
    team = record.reference.get(TEAM_KEY)
    return team if isinstance(team, str) else None


def is_personal_reference(record: ConversationReferenceRecord) -> bool:
    """Whether a stored reference is a 1:1 chat, by the same rule as `is_personal`: what Teams
    said, else the conversation id's form. (Rows stored before that rule may say otherwise.)"""
    conversation = record.reference.get("conversation")
    kind = conversation.get("conversationType") if isinstance(conversation, dict) else None
    if kind:
        return kind == PERSONAL
    return (
        is_personal_conversation_id(record.conversation_id)
        or record.reference.get("channelId") == EMULATOR_CHANNEL
    )
