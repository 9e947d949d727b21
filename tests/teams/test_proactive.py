"""Proactive messages over real HTTP: nudges to a member's stored personal chat, the weekly digest
to a subscribed channel, both driven by the scheduler's real jobs, and their buttons working."""

from __future__ import annotations

import asyncio
import re
import time as time_module
from datetime import datetime, time, timedelta
from typing import Any

import pytest

from bot.core.messages import Reply
from bot.scheduler.jobs import send_due_digests, sweep_nudges
from bot.teams.delivery import SendPacer
from bot.teams.incoming import PLATFORM
from bot.teams.notifier import DeliveryError
from storage.records import DigestSubscriptionRecord, MemberRecord
from tests.teams.conftest import OUTBOUND_TOKEN, TeamsServer, start_server
from tests.teams.payloads import (
    CHANNEL_ID,
    OTHER_PERSONAL_CONVERSATION,
    OTHER_USER_ID,
    PERSONAL_CONVERSATION,
    TENANT,
    USER_ID,
    card_submit,
    channel_mention,
    personal_message,
)
from tests.teams.standins import Recorded


async def meet_someone(server: TeamsServer, name: str = "Alex Smith") -> None:
    response = await server.post(
        personal_message(server.microsoft.service_url, f"met {name} yesterday")
    )
    assert response.status == 201


def member_of(server: TeamsServer, user_id: str = USER_ID) -> MemberRecord:
    return server.services.store.get_or_create_member(PLATFORM, TENANT, user_id)


def until_due(server: TeamsServer) -> None:
    """Move the clock to midday on the member's first follow-up's due day (working hours)."""
    follow_up = server.services.store.open_follow_ups(member_of(server).id)[0]
    midday = datetime.combine(
        follow_up.due_on, time(12, 0), tzinfo=server.services.clock.now().tzinfo
    )
    server.services.clock.set(midday)  # type: ignore[attr-defined]


async def test_a_due_nudge_reaches_the_members_personal_chat(server: TeamsServer):
    await meet_someone(server)
    until_due(server)
    connector = server.microsoft.connector
    replies_so_far = len(connector.sent)

    sent = await sweep_nudges(
        server.services.store, server.channel.notifier, server.services.clock, "test-worker"
    )

    assert sent == 1
    nudge = connector.sent[replies_so_far]
    assert nudge.conversation_id == PERSONAL_CONVERSATION
    assert nudge.reply_to_id is None  # a new message, not a reply to anything
    assert "Alex Smith" in nudge.card_text()
    [follow_up] = server.services.store.open_follow_ups(member_of(server).id)
    number = follow_up.id
    assert nudge.commands() == [
        f"done #{number} gave",
        f"done #{number} asked",
        f"done #{number} thanked",
        f"snooze #{number} 2 days",
        "review",
    ]
    assert nudge.body["summary"].startswith("Time to follow up with Alex Smith")


async def nudge_for_alex(server: TeamsServer) -> Recorded:
    """Meet Alex, move to the due day, run the sweep: the nudge card the connector got."""
    await meet_someone(server)
    until_due(server)
    await sweep_nudges(server.services.store, server.channel.notifier, server.services.clock, "w")
    return server.microsoft.connector.sent[-1]


async def test_the_nudges_gave_button_closes_the_follow_up_as_a_give_and_settles_the_card(
    server: TeamsServer,
):
    nudge = await nudge_for_alex(server)
    connector = server.microsoft.connector
    [first] = server.services.store.open_follow_ups(member_of(server).id)
    done = nudge.submits()[0]
    before = len(connector.sent)

    response = await server.post(
        card_submit(server.microsoft.service_url, done, reply_to_id=str(nudge.id))
    )

    assert response.status == 201
    member = member_of(server)
    assert (
        server.services.store.open_follow_ups(member.id)[0].touch == 2
    )  # only the second touch left
    [settled] = connector.sent[before:]  # the nudge was edited, nothing new was posted
    assert settled.method == "PUT" and settled.updated_id == nudge.id
    assert settled.conversation_id == PERSONAL_CONVERSATION
    assert "Time to follow up with Alex Smith" in settled.card_text()  # the nudge's own text
    assert "Rule of two" in settled.card_text()  # and the outcome under it
    assert done["command"] not in settled.commands()  # Done cannot be clicked twice
    assert "Recorded as a give." in settled.card_text()
    assert server.services.store.touch_kind(member.id, first.id) == ("give", "chosen")


async def test_the_nudges_snooze_button_moves_it_two_days(server: TeamsServer):
    nudge = await nudge_for_alex(server)
    store = server.services.store
    [follow_up] = store.open_follow_ups(member_of(server).id)
    snooze = nudge.submits()[3]

    await server.post(card_submit(server.microsoft.service_url, snooze, reply_to_id=str(nudge.id)))

    moved = store.get_follow_up(follow_up.member_id, follow_up.id)
    assert moved.due_on == follow_up.due_on + timedelta(days=2)
    settled = server.microsoft.connector.sent[-1]
    assert settled.updated_id == nudge.id and nudge.commands()[1] not in settled.commands()


async def test_the_outcome_arrives_as_a_new_message_when_the_card_cannot_be_edited(
    server: TeamsServer,
):
    done = (await nudge_for_alex(server)).submits()[0]
    connector = server.microsoft.connector
    before = len(connector.sent)

    # An id the connector never issued: Teams answers 404 (deleted, or not ours to edit).
    await server.post(card_submit(server.microsoft.service_url, done, reply_to_id="999999"))

    assert (PERSONAL_CONVERSATION, 404) in connector.attempts
    [answer] = connector.sent[before:]
    assert answer.method == "POST" and "Rule of two" in answer.card_text()


async def test_a_click_in_a_channel_never_rewrites_a_card(server: TeamsServer):
    """Submit data comes from the client: a forged `replaces` must not let anyone make the bot
    edit one of its messages in a shared channel."""
    connector = server.microsoft.connector
    await server.post(channel_mention(server.microsoft.service_url, "help"))
    posted = connector.sent[-1]
    forged = card_submit(
        server.microsoft.service_url,
        {"netcoach": "command", "command": "list", "replaces": "The bot says: forged text"},
        reply_to_id=str(posted.id),
    )
    channel = channel_mention(server.microsoft.service_url, "")
    forged.update(conversation=channel["conversation"], channelData=channel["channelData"])
    forged["conversation"]["id"] = posted.conversation_id
    before = len(connector.sent)

    await server.post(forged)

    assert connector.sent[before:] and all(m.method == "POST" for m in connector.sent[before:])
    assert "forged text" not in " ".join(m.card_text() + (m.text or "") for m in connector.sent)


async def test_review_my_draft_answers_beside_the_nudge_and_leaves_it_alone(server: TeamsServer):
    nudge = await nudge_for_alex(server)
    connector = server.microsoft.connector
    review = nudge.submits()[-1]
    assert review["command"] == "review" and "replaces" not in review
    before = len(connector.sent)

    await server.post(card_submit(server.microsoft.service_url, review, reply_to_id=str(nudge.id)))

    [answer] = connector.sent[before:]
    assert answer.method == "POST" and answer.updated_id is None


async def test_each_member_is_nudged_in_their_own_chat(server: TeamsServer):
    await meet_someone(server, "Alex Smith")
    await server.post(
        personal_message(
            server.microsoft.service_url,
            "met Priya Patel yesterday",
            user_id=OTHER_USER_ID,
            conversation_id=OTHER_PERSONAL_CONVERSATION,
            name="Sam Roe",
        )
    )
    until_due(server)
    before = len(server.microsoft.connector.sent)

    await sweep_nudges(server.services.store, server.channel.notifier, server.services.clock, "w")

    nudges = server.microsoft.connector.sent[before:]
    where = {n.conversation_id: n.card_text() for n in nudges}
    assert "Alex Smith" in where[PERSONAL_CONVERSATION]
    assert "Priya Patel" in where[OTHER_PERSONAL_CONVERSATION]
    assert "Priya Patel" not in where[PERSONAL_CONVERSATION]


async def test_a_member_with_no_stored_chat_is_not_lost_but_retried(server: TeamsServer):
    store = server.services.store
    member = store.get_or_create_member(PLATFORM, TENANT, "29:never-wrote-to-the-bot")

    with pytest.raises(DeliveryError, match=f"member {member.id} has no Teams chat"):
        await server.channel.notifier.send_to_member(member, Reply(text="hello"))
    assert server.microsoft.connector.attempts == []


async def test_a_failed_nudge_is_released_and_sent_on_a_later_sweep(server: TeamsServer):
    await meet_someone(server)
    until_due(server)
    connector = server.microsoft.connector
    connector.fail_next(502, times=4)  # every retry of this sweep fails
    jobs_args = (server.services.store, server.channel.notifier, server.services.clock)

    assert await sweep_nudges(*jobs_args, "w") == 0
    server.services.clock.advance(hours=1)  # type: ignore[attr-defined]
    assert await sweep_nudges(*jobs_args, "w") == 1

    assert "Alex Smith" in connector.sent[-1].card_text()


async def test_a_conversation_teams_says_is_gone_is_forgotten(server: TeamsServer):
    await meet_someone(server)
    store = server.services.store
    member = member_of(server)
    server.microsoft.connector.fail_next(403)

    with pytest.raises(DeliveryError, match="HTTP 403"):
        await server.channel.notifier.send_to_member(member, Reply(text="hello"))

    assert store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is None


async def test_the_weekly_digest_starts_a_new_thread_in_the_subscribed_channel(
    server: TeamsServer,
):
    url = server.microsoft.service_url
    await server.post(channel_mention(url, "network digest here"))
    await meet_someone(server)
    clock = server.services.clock
    clock.advance(days=7)  # type: ignore[attr-defined]
    before = len(server.microsoft.connector.sent)

    sent = await send_due_digests(server.services.store, server.channel.notifier, clock)

    assert sent == 1
    [digest] = server.microsoft.connector.sent[before:]
    assert digest.conversation_id == CHANNEL_ID  # the channel, not the thread it was asked in
    assert digest.reply_to_id is None
    assert "Networking digest" in digest.card_text()
    assert "1 follow-up logged" in digest.card_text()
    # Once per week: a second run the same week sends nothing.
    assert await send_due_digests(server.services.store, server.channel.notifier, clock) == 0


async def test_a_digest_for_a_channel_without_a_reference_fails_clearly(server: TeamsServer):
    subscription = DigestSubscriptionRecord(
        id=7,
        platform=PLATFORM,
        workspace_id=TENANT,
        channel_id="19:gone@thread.tacv2",
        weekday=0,
        at=time(9, 0),
    )

    expected = re.escape("no reference for channel 19:gone@thread.tacv2")
    with pytest.raises(DeliveryError, match=expected):
        await server.channel.notifier.send_to_channel(subscription, Reply(text="digest"))


class RecordingPacer(SendPacer):
    """The real pacer, noting when each send was let through (network jitter left out)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.released: list[tuple[str, float, float]] = []  # (conversation, when, waited)

    async def acquire(self, conversation_id: str, tenant_id: str | None) -> float:
        waited = await super().acquire(conversation_id, tenant_id)
        self.released.append((conversation_id, time_module.monotonic(), waited))
        return waited


async def test_proactive_sends_are_paced_per_conversation(anonymous_services, microsoft):
    window = 0.4
    pacer = RecordingPacer(conversation_windows=((2, window),))
    runner, server = await start_server(anonymous_services, microsoft, pacer=pacer)
    try:
        await meet_someone(server)
        await server.post(
            personal_message(
                microsoft.service_url,
                "list",
                user_id=OTHER_USER_ID,
                conversation_id=OTHER_PERSONAL_CONVERSATION,
            )
        )
        await asyncio.sleep(window)  # let those replies' window pass
        first, second = member_of(server, USER_ID), member_of(server, OTHER_USER_ID)
        before, released_before = len(microsoft.connector.sent), len(pacer.released)

        notifier = server.channel.notifier
        await asyncio.gather(
            *(notifier.send_to_member(first, Reply(text=f"nudge {i}")) for i in range(5)),
            notifier.send_to_member(second, Reply(text="other chat")),
        )

        released = pacer.released[released_before:]
        mine = [at for conversation, at, _ in released if conversation == PERSONAL_CONVERSATION]
        other = [
            wait for conversation, _, wait in released if conversation != PERSONAL_CONVERSATION
        ]
        assert len(mine) == 5 and len(other) == 1
        # At most 2 per window in one conversation: the 3rd and the 5th had to wait.
        assert mine[2] - mine[0] >= window * 0.99
        assert mine[4] - mine[2] >= window * 0.99
        # The other conversation never waited for the first one's window.
        assert other == [0.0]
        delivered = microsoft.connector.sent[before:]
        texts = [s.text for s in delivered if s.conversation_id == PERSONAL_CONVERSATION]
        # Five independent sends: all delivered, in whatever order they reached the pacer.
        assert sorted(texts) == [f"nudge {i}" for i in range(5)]
    finally:
        await server.session.close()
        await runner.cleanup()


async def test_proactive_messages_carry_the_bots_token(secure_server: TeamsServer):
    await secure_server.post(
        personal_message(secure_server.microsoft.service_url, "met Alex Smith yesterday"),
        token=secure_server.token(),
    )
    until_due(secure_server)

    sent = await sweep_nudges(
        secure_server.services.store,
        secure_server.channel.notifier,
        secure_server.services.clock,
        "w",
    )

    assert sent == 1
    assert secure_server.microsoft.connector.sent[-1].authorization == f"Bearer {OUTBOUND_TOKEN}"
