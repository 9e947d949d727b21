"""Conversation references: what botbuilder needs to message a conversation later, as stored JSON.

A reference is captured from every incoming activity (`TurnContext.get_conversation_reference`
then `serialize()`), so it always carries the latest `serviceUrl`. Personal chats are stored with
the member's user id, which is how a nudge finds its way to them; channel references point at the
channel itself so a digest starts a new thread.
"""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.teams.incoming import PLATFORM, conversation_id_of, is_personal, tenant_of
from storage.records import ConversationReferenceRecord


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
    return ConversationReferenceRecord(
        platform=PLATFORM,
        workspace_id=tenant_of(activity),
        conversation_id=conversation_id,
        user_id=str(activity.from_property.id) if personal and activity.from_property else None,
        reference=reference.serialize(),
    )


def conversation_reference(record: ConversationReferenceRecord) -> ConversationReference:
    return ConversationReference().deserialize(dict(record.reference))
