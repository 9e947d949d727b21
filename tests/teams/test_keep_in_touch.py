"""Keep in touch in Teams over real HTTP: Done on the second-touch nudge card offers a cadence,
its button sets it, and the check-in card arrives later with Done and Snooze that work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.scheduler.jobs import sweep_nudges
from bot.teams.incoming import PLATFORM
from storage.records import CHECK_IN_TOUCH, MemberRecord
from tests.teams.conftest import TeamsServer
from tests.teams.payloads import PERSONAL_CONVERSATION, TENANT, USER_ID, card_submit
from tests.teams.standins import Recorded
from tests.teams.test_proactive import meet_someone


def member_of(server: TeamsServer) -> MemberRecord:
    return server.services.store.get_or_create_member(PLATFORM, TENANT, USER_ID)


async def say(server: TeamsServer, text: str) -> None:
    response = await server.post(card_submit(server.microsoft.service_url, text))
    assert response.status == 201


async def nudge_at(server: TeamsServer, at: datetime) -> Recorded:
    server.services.clock.set(at)  # type: ignore[attr-defined]
    before = len(server.microsoft.connector.sent)
    sent = await sweep_nudges(
        server.services.store, server.channel.notifier, server.services.clock, "w"
    )
    assert sent == 1
    [nudge] = server.microsoft.connector.sent[before:]
    assert nudge.conversation_id == PERSONAL_CONVERSATION
    return nudge


async def click(server: TeamsServer, card: Recorded, command: str) -> Recorded:
    """Click the card's button that runs `command`: the one call the connector got for it."""
    [data] = [data for data in card.submits() if data["command"] == command]
    before = len(server.microsoft.connector.sent)
    response = await server.post(
        card_submit(server.microsoft.service_url, data, reply_to_id=str(card.id))
    )
    assert response.status == 201
    [answer] = server.microsoft.connector.sent[before:]
    return answer


def second_touch_id(store: Any, server: TeamsServer) -> int:
    [second] = store.open_follow_ups(member_of(server).id)
    return second.id


async def test_the_second_touch_card_offers_a_cadence_and_the_check_in_card_follows(
    server: TeamsServer,
):
    store = server.services.store
    await meet_someone(server)  # met Alex Smith yesterday: follow-up #1
    [first] = store.open_follow_ups(member_of(server).id)
    await say(server, f"done #{first.id}")  # Mon 2 Mar: the second touch is due Mon 16 Mar
    second_touch = await nudge_at(server, datetime(2026, 3, 16, 12, 0, tzinfo=UTC))

    done_command = f"done #{second_touch_id(store, server)} gave"
    assert done_command in second_touch.commands()
    settled = await click(server, second_touch, done_command)
    assert settled.method == "PUT" and settled.updated_id == second_touch.id
    assert "Keep in touch with Alex Smith?" in settled.card_text()
    offered = [c for c in settled.commands() if c.startswith("keep-in-touch")]
    assert offered == [
        "keep-in-touch Alex Smith monthly",
        "keep-in-touch Alex Smith quarterly",
        "keep-in-touch Alex Smith off",
    ]

    await click(server, settled, offered[0])
    [check_in] = store.open_follow_ups(member_of(server).id)
    assert check_in.touch == CHECK_IN_TOUCH and check_in.due_on.isoformat() == "2026-04-16"

    nudge = await nudge_at(server, datetime(2026, 4, 16, 12, 0, tzinfo=UTC))
    assert nudge.body["summary"].startswith("Time to check in with Alex Smith")
    assert nudge.commands() == [
        f"done #{check_in.id} gave",
        f"done #{check_in.id} asked",
        f"done #{check_in.id} thanked",
        f"snooze #{check_in.id} 2 days",
        "review",
    ]

    snoozed = await click(server, nudge, f"snooze #{check_in.id} 2 days")
    assert snoozed.updated_id == nudge.id
    moved = store.get_follow_up(check_in.member_id, check_in.id)
    assert moved.due_on == check_in.due_on + timedelta(days=2)
    assert f"snooze #{check_in.id} 2 days" not in snoozed.commands()
