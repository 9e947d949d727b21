"""Teams over real HTTP: the Rule of Two in the card, and the digest's chart sent inline as an
image after the digest's card (which keeps the same figures as text)."""

from __future__ import annotations

import base64

from bot.scheduler.jobs import send_due_digests
from bot.teams.incoming import PLATFORM
from tests.teams.conftest import TeamsServer
from tests.teams.payloads import CHANNEL_ID, TENANT, USER_ID, channel_mention, personal_message

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


async def say(server: TeamsServer, text: str) -> None:
    response = await server.post(personal_message(server.microsoft.service_url, text))
    assert response.status == 201


async def follow_up_at_an_event(server: TeamsServer) -> None:
    store = server.services.store
    await say(server, "settings shoutouts on")
    today = server.services.clock.now().date()
    await say(server, f"event PyCon on {today:%d %b}")
    await say(server, "met Jane Doe at PyCon")
    member = store.get_or_create_member(PLATFORM, TENANT, USER_ID)
    [follow_up] = store.open_follow_ups(member.id)
    server.services.clock.advance(days=1)  # type: ignore[attr-defined]
    await say(server, f"done #{follow_up.id}")


async def test_the_card_shows_each_events_rule_of_two(server: TeamsServer):
    await follow_up_at_an_event(server)
    before = len(server.microsoft.connector.sent)
    await say(server, "events")
    [reply] = server.microsoft.connector.sent[before:]
    assert "PyCon: 1 of 2 people, 1 of 4 touches" in reply.card_text()


async def test_the_digest_sends_its_chart_inline_after_the_card(server: TeamsServer):
    await server.post(channel_mention(server.microsoft.service_url, "network digest here"))
    await follow_up_at_an_event(server)
    clock = server.services.clock
    clock.advance(days=6)  # type: ignore[attr-defined]
    before = len(server.microsoft.connector.sent)

    assert await send_due_digests(server.services.store, server.channel.notifier, clock) == 1

    card, image = server.microsoft.connector.sent[before:]
    assert card.conversation_id == image.conversation_id == CHANNEL_ID
    assert "Team follow-ups within 10 days, last 8 weeks" in card.card_text()
    assert "PyCon: 1 of 2 people, 1 of 4 touches" in card.card_text()
    [attachment] = image.body["attachments"]
    assert attachment["contentType"] == "image/png"
    prefix = "data:image/png;base64,"
    assert attachment["contentUrl"].startswith(prefix)
    assert base64.b64decode(attachment["contentUrl"][len(prefix) :]).startswith(PNG_MAGIC)
