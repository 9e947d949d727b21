"""The Teams activity handler: Teams activities in, core replies out as Adaptive Cards.

It owns no coaching logic. Messages (typed, or a card button's command) go to
`CoachService.handle`; installs, uninstalls and every message keep the stored conversation
reference current so nudges and digests can reach the conversation later.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Collection
from datetime import datetime
from http import HTTPStatus
from typing import Protocol

import aiohttp
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity
from botbuilder.schema.teams import FileConsentCardResponse

from bot.core.messages import Incoming, Reply
from bot.core.ports import Clock, Store
from bot.teams.activities import reply_activities, settled_card
from bot.teams.adapter import error_summary
from bot.teams.cards import replaced_card_text
from bot.teams.files import (
    FILE_CONSENT_INVOKE,
    UploadFailed,
    command_of,
    consent_response,
    upload,
)
from bot.teams.incoming import (
    PLATFORM,
    command_text,
    conversation_id_of,
    is_personal,
    team_of,
    tenant_of,
    to_incoming,
)
from bot.teams.references import reference_record, team_of_reference
from storage.records import ConversationReferenceRecord
from storage.text import storable

logger = logging.getLogger(__name__)

WELCOME = (
    "Hi, I'm Network Coach. I help you network by giving value first.\n"
    "• Paste a draft here and I'll score it and point at anything that reads like a hard sell.\n"
    "• Tell me who you met (`met Jane Doe at DevConf`) and I'll remind you to follow up "
    "within 10 days.\n"
    "Type `help` to see everything I can do."
)
UNREADABLE_BUTTON = "I couldn't read that button. Type `help` to see what I can do."
FILE_NOT_SAVED = (
    "I couldn't save the file to your OneDrive. Type `export` to get a new card and allow it again."
)
FILE_DECLINED = "No file, then. Type `export` whenever you want a copy."


class Coach(Protocol):
    def handle(self, incoming: Incoming) -> Reply: ...


class TeamsStore(Store, Protocol):
    """The store, plus webhook de-duplication and forgetting whole teams (`storage.SqlStore`)."""

    def claim_event(self, platform: str, event_id: str, at: datetime) -> bool: ...

    def channel_references(
        self, platform: str, workspace_id: str
    ) -> list[ConversationReferenceRecord]: ...

    def forget_conversations(
        self, platform: str, workspace_id: str, conversation_ids: Collection[str]
    ) -> tuple[int, int]: ...


class NetworkCoachBot(TeamsActivityHandler):
    def __init__(self, coach: Coach, store: TeamsStore, clock: Clock) -> None:
        self._coach = coach
        self._store = store
        self._clock = clock

    # --- messages ------------------------------------------------------------------------------
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if _from_this_bot(activity):
            return
        text = storable(command_text(activity))
        # One trip to a worker thread for all the blocking work of a message.
        reply = await asyncio.to_thread(self._answer, activity, text)
        if reply is None:
            return
        # Only in a personal chat (where nudges go): the card's text comes back from the client,
        # and no one should be able to make the bot rewrite a card in a shared channel.
        card_text = replaced_card_text(activity.value) if is_personal(activity) else None
        if card_text is not None and await _settle_card(turn_context, card_text, reply):
            return
        file_command = text if is_personal(activity) else None
        await turn_context.send_activities(reply_activities(reply, file_command=file_command))

    # --- files ---------------------------------------------------------------------------------
    async def on_teams_file_consent_accept(
        self, turn_context: TurnContext, file_consent_card_response: FileConsentCardResponse
    ) -> None:
        command = command_of(file_consent_card_response.context)
        activity = turn_context.activity
        if command is None or not is_personal(activity):
            await turn_context.send_activity(UNREADABLE_BUTTON)
            return
        reply = await asyncio.to_thread(self._coach.handle, to_incoming(activity, command))
        if reply.attachment is None:
            await turn_context.send_activities(reply_activities(reply))
            return
        try:
            card = await upload(file_consent_card_response.upload_info, reply.attachment)
        except (UploadFailed, aiohttp.ClientError, TimeoutError) as error:
            logger.warning("Teams file upload failed (%s)", type(error).__name__)
            await turn_context.send_activity(FILE_NOT_SAVED)
            return
        await turn_context.send_activity(card)

    async def on_teams_file_consent_decline(
        self, turn_context: TurnContext, file_consent_card_response: FileConsentCardResponse
    ) -> None:
        await turn_context.send_activity(FILE_DECLINED)

    def _answer(self, activity: Activity, text: str) -> Reply | None:
        """Claim the activity, refresh the conversation reference, run the command.

        None for a redelivery of an activity already handled (Teams retries slow requests).
        """
        if activity.id and not self._store.claim_event(
            PLATFORM, _event_id(activity), self._clock.now()
        ):
            logger.info(
                "Ignoring redelivered Teams activity %s in %s",
                activity.id,
                activity.conversation.id,
            )
            return None
        self._store.save_conversation_reference(reference_record(activity))
        if not text and activity.value is not None:
            return Reply(text=UNREADABLE_BUTTON)
        return self._coach.handle(to_incoming(activity, text))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        # The only invoke served is a file consent (Allow / Decline on `export`'s file card): no
        # message extensions, task modules, sign-in or Action.Execute cards here (buttons are
        # Action.Submit, which arrive as messages). botbuilder's own dispatch of invokes crashes
        # on a malformed value (a 500), so the consent is read here and everything else is 501.
        activity = turn_context.activity
        if activity.name != FILE_CONSENT_INVOKE:
            return InvokeResponse(status=int(HTTPStatus.NOT_IMPLEMENTED))
        response = consent_response(activity.value)
        if response is None:
            return InvokeResponse(status=int(HTTPStatus.BAD_REQUEST))
        if response.action == "accept":
            await self.on_teams_file_consent_accept(turn_context, response)
        else:
            await self.on_teams_file_consent_decline(turn_context, response)
        return InvokeResponse(status=int(HTTPStatus.OK))

    # --- install and uninstall -----------------------------------------------------------------
    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # Deliberately not TeamsActivityHandler's version: it fetches every added member from the
        # connector, and all we need to know is whether the bot itself came or went.
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        removed = any(member.id == bot_id for member in activity.members_removed or [])
        if any(member.id == bot_id for member in activity.members_added or []):
            await self._installed(turn_context)
        elif removed or _event_type(activity) in {"teamDeleted", "teamHardDeleted"}:
            await self._uninstalled(activity)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await asyncio.to_thread(
            self._store.save_conversation_reference, reference_record(turn_context.activity)
        )

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        await self._uninstalled(turn_context.activity)

    async def _installed(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        await asyncio.to_thread(self._store.save_conversation_reference, reference_record(activity))
        logger.info(
            "Teams bot added to %s in tenant %s", activity.conversation.id, tenant_of(activity)
        )
        if is_personal(activity):
            await turn_context.send_activities(reply_activities(Reply(text=WELCOME)))

    async def _uninstalled(self, activity: Activity) -> None:
        """The app left a chat, or a whole team: forget every conversation it can no longer
        reach, with their digest subscriptions, so no restarted server posts there again."""
        tenant = tenant_of(activity)
        team = None if is_personal(activity) else team_of(activity)
        gone = await asyncio.to_thread(self._forget, tenant, conversation_id_of(activity), team)
        logger.info(
            "Teams bot removed from %s in tenant %s: %d conversation(s), %d digest(s) forgotten",
            team or conversation_id_of(activity),
            tenant,
            *gone,
        )

    def _forget(self, tenant: str, conversation_id: str, team: str | None) -> tuple[int, int]:
        conversations = {conversation_id}
        if team is not None:
            # A team's id is its General channel's id; its other channels carry the team's id.
            conversations.add(team)
            conversations.update(
                record.conversation_id
                for record in self._store.channel_references(PLATFORM, tenant)
                if team_of_reference(record) == team
            )
        return self._store.forget_conversations(PLATFORM, tenant, conversations)


async def _settle_card(turn_context: TurnContext, card_text: str, outcome: Reply) -> bool:
    """Replace the card whose button was clicked with its text and the outcome.

    False when Teams would not update it (the message is gone, or too old to edit): the
    outcome is then sent as a new message instead, so it is never lost.
    """
    card_id = turn_context.activity.reply_to_id
    if not card_id:
        return False
    updated = settled_card(card_text, outcome)
    updated.id = card_id
    try:
        await turn_context.update_activity(updated)
    except Exception as error:
        logger.warning(
            "Could not update card %s in conversation %s: %s; answering with a new message",
            card_id,
            turn_context.activity.conversation.id,
            error_summary(error),
        )
        return False
    return True


def _event_id(activity: Activity) -> str:
    # Activity ids are unique within a conversation only; hash to fit the column.
    key = f"{activity.conversation.id}|{activity.id}".encode()
    return hashlib.sha256(key).hexdigest()


def _from_this_bot(activity: Activity) -> bool:
    sender, recipient = activity.from_property, activity.recipient
    return bool(sender and recipient and sender.id and sender.id == recipient.id)


def _event_type(activity: Activity) -> str | None:
    data = activity.channel_data
    value = data.get("eventType") if isinstance(data, dict) else getattr(data, "event_type", None)
    return value if isinstance(value, str) else None
