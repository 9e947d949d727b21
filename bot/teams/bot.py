"""The Teams activity handler: Teams activities in, core replies out as Adaptive Cards.

It owns no coaching logic. Messages (typed, or a card button's command) go to
`CoachService.handle`; installs, uninstalls and every message keep the stored conversation
reference current so nudges and digests can reach the conversation later.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity

from bot.core.messages import Incoming, Reply
from bot.core.ports import Clock, Store
from bot.inbox import complete_in_inbox
from bot.teams.activities import reply_activities, settled_card
from bot.teams.adapter import error_summary
from bot.teams.cards import replaced_card_text
from bot.teams.incoming import (
    PLATFORM,
    command_text,
    conversation_id_of,
    is_personal,
    tenant_of,
    to_incoming,
)
from bot.teams.references import reference_record

logger = logging.getLogger(__name__)

WELCOME = (
    "Hi, I'm Network Coach. I help you network by giving value first.\n"
    "• Paste a draft here and I'll score it and point at anything that reads like a hard sell.\n"
    "• Tell me who you met (`met Jane Doe at DevConf`) and I'll remind you to follow up "
    "within 10 days.\n"
    "Type `help` to see everything I can do."
)
UNREADABLE_BUTTON = "I couldn't read that button. Type `help` to see what I can do."


class Coach(Protocol):
    def handle(self, incoming: Incoming) -> Reply: ...


class TeamsStore(Store, Protocol):
    """The store, plus webhook de-duplication (`storage.SqlStore` has both)."""

    def claim_event(self, platform: str, event_id: str, at: datetime) -> bool: ...


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
        text = command_text(activity)
        # Only in a personal chat (where nudges go): the card's text comes back from the client,
        # and no one should be able to make the bot rewrite a card in a shared channel.
        card_text = replaced_card_text(activity.value) if is_personal(activity) else None

        def answer() -> Answer | None:
            reply = self._answer(activity, text)
            if reply is None:
                return None
            settled = settled_card(card_text, reply) if card_text is not None else None
            return Answer(settled, reply_activities(reply))

        # One trip to a worker thread for all the blocking work of a message, once per inbox
        # row: a turn replayed after a crash gets the answer its command committed with.
        rendered = await complete_in_inbox(asyncio.to_thread, answer, _encode, _decode)
        if rendered is None:
            return
        if rendered.settled is not None and await _settle_card(turn_context, rendered.settled):
            return
        await turn_context.send_activities(rendered.activities)

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
        conversation_id = conversation_id_of(activity)
        await asyncio.to_thread(
            self._store.delete_conversation_reference,
            PLATFORM,
            tenant_of(activity),
            conversation_id,
        )
        logger.info("Teams bot removed from %s in tenant %s", conversation_id, tenant_of(activity))


async def _settle_card(turn_context: TurnContext, updated: Activity) -> bool:
    """Replace the card whose button was clicked with its text and the outcome (`updated`).

    False when Teams would not update it (the message is gone, or too old to edit): the
    outcome is then sent as a new message instead, so it is never lost.
    """
    card_id = turn_context.activity.reply_to_id
    if not card_id:
        return False
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


@dataclass(frozen=True)
class Answer:
    """A message's answer, rendered: the settled card (a card button's outcome) or replies."""

    settled: Activity | None
    activities: list[Activity]


def _encode(answer: Answer | None) -> dict[str, Any]:
    if answer is None:
        return {"none": True}
    return {
        "settled": answer.settled.serialize() if answer.settled is not None else None,
        "activities": [activity.serialize() for activity in answer.activities],
    }


def _decode(stored: dict[str, Any]) -> Answer | None:
    if stored.get("none"):
        return None
    settled = stored.get("settled")
    return Answer(
        Activity().deserialize(settled) if settled else None,
        [Activity().deserialize(activity) for activity in stored.get("activities") or []],
    )


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
