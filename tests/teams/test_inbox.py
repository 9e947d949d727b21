"""Teams activities go through the durable inbox: stored (and claimed) before their turn, emptied
after it, and replayed once, with the token check's result, when a process dies mid-turn."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.inbox import LEASE
from tests.teams.conftest import TeamsServer
from tests.teams.payloads import TENANT, USER_ID, personal_message


async def test_a_message_is_stored_before_its_turn_and_emptied_after(server: TeamsServer):
    from sqlalchemy import select

    from storage.models import InboxItem

    response = await server.post(personal_message(server.microsoft.service_url, "help"))

    assert response.status == 201
    assert len(server.microsoft.connector.sent) == 1
    store: Any = server.services.store
    with store.transaction() as session:
        row = session.scalars(select(InboxItem)).one()
        assert (row.platform, row.status, row.body, row.outcome) == ("teams", "done", None, None)


async def test_a_turn_cut_short_by_a_dead_process_is_replayed_once_by_a_runner(
    secure_server: TeamsServer, monkeypatch: pytest.MonkeyPatch
):
    work = secure_server.channel.work
    assert work is not None
    runner = work._runner()
    died: list[int] = []

    async def die_before_the_turn(item: Any) -> None:
        died.append(item.id)  # stored and claimed; then the process is gone

    monkeypatch.setattr(runner, "run_now", die_before_the_turn)
    activity = personal_message(secure_server.microsoft.service_url, "met Alex Smith yesterday")
    response = await secure_server.post(activity, token=secure_server.token())

    assert response.status == 201 and len(died) == 1
    assert secure_server.microsoft.connector.sent == []
    store: Any = secure_server.services.store
    assert store.inbox.counts() == {"pending": 1}

    # Its lease runs out; a runner (any process's) replays the turn with the stored claims.
    secure_server.services.clock.advance(LEASE * 2)  # type: ignore[attr-defined]
    runner.wake()
    [reply] = await secure_server.microsoft.connector.wait_for(1)
    assert "Alex Smith" in (reply.card_text() if reply.card else reply.text or "")
    assert reply.reply_to_id == activity["id"]
    for _ in range(100):  # the row is marked done just after the reply went out
        if store.inbox.counts() == {"done": 1}:
            break
        await asyncio.sleep(0.02)
    assert store.inbox.counts() == {"done": 1}
    # The same activity delivered again (Teams retries) is not run again.
    again = await secure_server.post(activity, token=secure_server.token())
    assert again.status == 201
    assert len(secure_server.microsoft.connector.sent) == 1
    member = store.get_or_create_member("teams", TENANT, USER_ID)
    assert [c.name for c in store.find_contacts(member.id, "Alex Smith")] == ["Alex Smith"]
