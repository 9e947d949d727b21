"""`TeamsNotifier`: the core's `Notifier` port for Teams, using stored conversation references.

A nudge goes to the member's personal chat with the bot, a digest to the subscribed channel.
Both raise when the message could not be delivered, so the scheduler releases its claim and tries
again later. When Teams says the conversation is gone (the bot was removed, or the user blocked
it), the stale reference is deleted first: the next message the member sends stores a fresh one.
"""

from __future__ import annotations

import asyncio
import logging

from botbuilder.core import BotAdapter, TurnContext

from bot.core.messages import Reply
from bot.core.nudges import closes_the_nudge
from bot.core.ports import Store
from bot.teams.activities import reply_activities
from bot.teams.cards import SettlesCard
from bot.teams.delivery import status_of
from bot.teams.incoming import PLATFORM
from bot.teams.references import conversation_reference, is_personal_reference
from storage.records import ConversationReferenceRecord, DigestSubscriptionRecord, MemberRecord

logger = logging.getLogger(__name__)

GONE_STATUSES = frozenset({403, 404})


class DeliveryError(RuntimeError):
    """A proactive message could not be delivered; the message says why (ids only)."""


class TeamsNotifier:
    def __init__(self, adapter: BotAdapter, store: Store, app_id: str | None) -> None:
        self._adapter = adapter
        self._store = store
        self._app_id = app_id or None

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        record = await asyncio.to_thread(
            self._store.member_conversation_reference,
            PLATFORM,
            member.workspace_id,
            member.user_id,
        )
        if record is None:
            raise DeliveryError(
                f"member {member.id} has no Teams chat with the bot on record; they need to "
                "message it (or reinstall the app) once"
            )
        if not is_personal_reference(record):
            # A row stored before personal chats were told apart by Teams' own word or the
            # chat id: a member's nudge never goes to a channel or group chat.
            raise DeliveryError(
                f"member {member.id}'s Teams conversation on record is not a personal chat; "
                "they need to message the bot once"
            )
        await self._send(record, reply, settles=closes_the_nudge)

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        record = await asyncio.to_thread(
            self._store.conversation_reference,
            PLATFORM,
            subscription.workspace_id,
            subscription.channel_id,
        )
        if record is None:
            raise DeliveryError(
                f"digest subscription {subscription.id}: the bot has no reference for channel "
                f"{subscription.channel_id}; mention the bot in that channel once"
            )
        await self._send(record, reply)

    async def _send(
        self, record: ConversationReferenceRecord, reply: Reply, settles: SettlesCard = None
    ) -> None:
        reference = conversation_reference(record)
        activities = reply_activities(reply, settles)
        failures: list[Exception] = []

        async def deliver(turn_context: TurnContext) -> None:
            # botbuilder would send "in reply to" the synthetic continuation activity's random
            # id; a nudge or digest is a new message (in a channel: a new thread).
            turn_context.activity.id = None
            # Caught here so the adapter's turn-error handler (meant for user turns) stays out.
            try:
                await turn_context.send_activities(activities)
            except Exception as error:
                failures.append(error)

        await self._adapter.continue_conversation(reference, deliver, self._app_id)
        if not failures:
            return
        error = failures[0]
        if status_of(error) in GONE_STATUSES:
            await asyncio.to_thread(
                self._store.delete_conversation_reference,
                record.platform,
                record.workspace_id,
                record.conversation_id,
            )
            logger.warning(
                "Teams conversation %s is gone (HTTP %s); its reference was deleted",
                record.conversation_id,
                status_of(error),
            )
        raise DeliveryError(
            f"sending to Teams conversation {record.conversation_id} failed: "
            f"{type(error).__name__}{f' (HTTP {status_of(error)})' if status_of(error) else ''}"
        ) from error
