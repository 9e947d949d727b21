"""End to end over real HTTP on loopback: activities POSTed to /api/messages as Teams posts them,
replies arriving at the stand-in Bot Connector named by the activity's serviceUrl.

These run in anonymous mode (no app id, loopback), as with the Bot Framework Emulator;
`test_auth.py` covers the same server with token validation.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

import pytest

from bot.teams.adapter import SORRY
from bot.teams.bot import UNREADABLE_BUTTON, WELCOME
from bot.teams.incoming import PLATFORM
from tests.teams.conftest import TeamsServer
from tests.teams.payloads import (
    CHANNEL_ID,
    PERSONAL_CONVERSATION,
    TENANT,
    USER_ID,
    card_submit,
    channel_mention,
    installation_update,
    personal_install,
    personal_message,
    team_install,
)


async def say(server: TeamsServer, text: str) -> str:
    """Send a personal message; return everything the bot's reply shows."""
    before = len(server.microsoft.connector.sent)
    response = await server.post(personal_message(server.microsoft.service_url, text))
    assert response.status == 201
    sent = await server.microsoft.connector.wait_for(before + 1)
    reply = sent[-1]
    return reply.card_text() if reply.card else reply.text or ""


async def test_a_personal_message_is_answered_in_reply_to_it_with_a_card(server: TeamsServer):
    activity = personal_message(server.microsoft.service_url, "help")

    response = await server.post(activity)

    assert response.status == 201
    [reply] = server.microsoft.connector.sent
    # The connector URL carried the URL-encoded conversation id; the stand-in decoded it.
    assert reply.conversation_id == PERSONAL_CONVERSATION
    assert reply.reply_to_id == activity["id"]
    assert reply.body["recipient"]["id"] == USER_ID
    assert reply.card is not None and reply.card["version"] == "1.5"
    assert "follow-up" in reply.card_text()
    assert reply.commands() == ["list", "stats"]


async def test_commands_work_with_or_without_the_network_prefix(server: TeamsServer):
    await say(server, "met Alex Smith yesterday")
    for text in ("list", "network list", "/network list", "Network list"):
        shown = await say(server, text)
        assert "Alex Smith" in shown, text


async def test_a_draft_in_a_personal_chat_is_reviewed_with_its_phrases_and_feedback_buttons(
    server: TeamsServer,
):
    shown = await say(server, "Hi Sam, great to meet you. Want to buy our analytics suite today?")

    assert "31" in shown
    assert "Reads as a hard sell" in shown
    assert "“buy”" in shown
    assert "Offer something useful first" in shown
    reply = server.microsoft.connector.sent[-1]
    review_id = server.services.store.export_member(1)["draft_reviews"][0]["id"]  # type: ignore[index]
    assert reply.commands() == [f"feedback {review_id} helpful", f"feedback {review_id} wrong-flag"]


async def test_clicking_a_card_button_runs_its_command(server: TeamsServer):
    await say(server, "Could you buy me a coffee and our product?")
    helpful = server.microsoft.connector.sent[-1].commands()[0]

    response = await server.post(card_submit(server.microsoft.service_url, helpful))

    assert response.status == 201
    assert server.microsoft.connector.sent[-1].text == "Thanks — glad it helped."
    feedback = server.services.store.export_member(1)["feedback"]  # type: ignore[index]
    assert [row["verdict"] for row in feedback] == ["helpful"]  # type: ignore[index]


async def test_a_button_value_that_is_not_ours_gets_a_clear_answer(server: TeamsServer):
    activity = card_submit(server.microsoft.service_url, "list")
    activity["value"] = {"action": "something-else"}

    await server.post(activity)

    assert server.microsoft.connector.sent[-1].text == UNREADABLE_BUTTON


async def test_digest_here_in_a_channel_subscribes_that_channel(server: TeamsServer):
    activity = channel_mention(server.microsoft.service_url, "network digest here")

    response = await server.post(activity)

    assert response.status == 201
    [reply] = server.microsoft.connector.sent
    assert reply.conversation_id == activity["conversation"]["id"]  # answered in the thread
    [subscription] = server.services.store.digest_subscriptions()
    assert (subscription.platform, subscription.workspace_id) == (PLATFORM, TENANT)
    assert subscription.channel_id == CHANNEL_ID
    reference = server.services.store.conversation_reference(PLATFORM, TENANT, CHANNEL_ID)
    assert reference is not None and reference.user_id is None
    assert reference.reference["conversation"]["id"] == CHANNEL_ID
    assert "user" not in reference.reference  # nobody's identity kept in a channel reference


async def test_every_message_refreshes_the_conversation_reference(server: TeamsServer):
    store = server.services.store
    await say(server, "help")
    first = store.member_conversation_reference(PLATFORM, TENANT, USER_ID)
    assert first is not None and first.conversation_id == PERSONAL_CONVERSATION

    moved = personal_message(server.microsoft.service_url + "moved/", "help")
    await server.post(moved)  # Teams moved the conversation to another regional service

    latest = store.member_conversation_reference(PLATFORM, TENANT, USER_ID)
    assert latest is not None
    assert latest.reference["serviceUrl"] == server.microsoft.service_url + "moved/"


async def test_install_stores_the_reference_and_welcomes_and_uninstall_forgets_it(
    server: TeamsServer,
):
    store = server.services.store
    url = server.microsoft.service_url

    assert (await server.post(personal_install(url))).status == 201
    assert (await server.post(installation_update(url, "add"))).status == 201

    assert store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is not None
    [welcome] = server.microsoft.connector.sent
    assert "Network Coach" in welcome.card_text() and WELCOME.splitlines()[0] in welcome.card_text()

    assert (await server.post(installation_update(url, "remove"))).status == 201
    assert store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is None


async def test_removing_the_bot_from_a_team_forgets_only_that_team(server: TeamsServer):
    store = server.services.store
    url = server.microsoft.service_url
    await say(server, "help")
    await server.post(team_install(url))
    assert store.conversation_reference(PLATFORM, TENANT, CHANNEL_ID) is not None

    await server.post(team_install(url, removed=True))

    assert store.conversation_reference(PLATFORM, TENANT, CHANNEL_ID) is None
    assert store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is not None


async def test_a_redelivered_activity_is_answered_once(server: TeamsServer):
    activity = personal_message(server.microsoft.service_url, "met Dana Lee yesterday")

    assert (await server.post(activity)).status == 201
    assert (await server.post(activity)).status == 201

    assert len(server.microsoft.connector.sent) == 1
    assert len(server.services.store.open_follow_ups(1)) == 1


async def test_replies_reuse_their_connection_to_the_connector(server: TeamsServer):
    # botbuilder alone opens a new connection (TLS, in production) for every reply.
    for text in ("help", "list", "stats", "settings", "help met"):
        await say(server, text)

    ports = {reply.peer_port for reply in server.microsoft.connector.sent}
    assert len(ports) == 1


async def test_connector_429_is_retried_after_the_retry_after_it_sent(server: TeamsServer):
    connector = server.microsoft.connector
    connector.fail_next(429, retry_after="1")

    started = time.monotonic()
    shown = await say(server, "list")

    assert "follow-up" in shown or "nothing" in shown.lower()
    assert [status for _, status in connector.attempts] == [429, 200]
    assert time.monotonic() - started >= 1.0


async def test_412_502_and_504_are_retried_with_backoff(server: TeamsServer):
    connector = server.microsoft.connector
    for status in (412, 502, 504):
        connector.fail_next(status)

    await say(server, "help")

    assert [status for _, status in connector.attempts] == [412, 502, 504, 200]


async def test_a_400_from_the_connector_is_not_retried(server: TeamsServer, caplog):
    connector = server.microsoft.connector
    connector.fail_next(400)

    response = await server.post(personal_message(server.microsoft.service_url, "help"))

    assert response.status == 201
    # One failed send, then the turn-error handler's apology.
    assert [status for _, status in connector.attempts] == [400, 200]
    assert connector.sent[-1].text == SORRY


async def test_a_failure_on_our_side_apologises_and_logs_ids_but_never_the_text(
    server: TeamsServer, caplog
):
    class Exploding:
        def handle(self, incoming):
            raise RuntimeError(f"could not handle {incoming.text}")

    server.channel.bot._coach = Exploding()  # type: ignore[assignment]
    secret = "my confidential pitch to Globex about buying widgets"
    caplog.set_level(logging.DEBUG)

    activity = personal_message(server.microsoft.service_url, secret)
    response = await server.post(activity)

    assert response.status == 201
    assert server.microsoft.connector.sent[-1].text == SORRY
    assert activity["id"] in caplog.text and "RuntimeError" in caplog.text
    assert "confidential" not in caplog.text


async def test_message_text_never_reaches_the_logs(server: TeamsServer, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Zanzibar-quartz secret draft, want to buy?"

    await say(server, secret)
    await say(server, "met Zanzibar Quartz yesterday")

    assert "Zanzibar" not in caplog.text
    assert "quartz" not in caplog.text.lower()


async def test_malformed_requests_get_clear_client_errors(server: TeamsServer):
    url = f"{server.base_url}/api/messages"
    async with server.session.post(url, data="hello", headers={"Content-Type": "text/plain"}) as r:
        assert r.status == 415
    async with server.session.post(
        url, data="{not json", headers={"Content-Type": "application/json"}
    ) as r:
        assert r.status == 400
    async with server.session.post(url, json=["an", "array"]) as r:
        assert r.status == 400
    async with server.session.post(url, json={"text": "no type"}) as r:
        assert r.status == 400
    async with server.session.get(url) as r:
        assert r.status == 405
    assert server.microsoft.connector.sent == []


async def test_a_huge_message_gets_an_answer_not_a_crash(server: TeamsServer):
    shown = await say(server, "word " * 20_000)

    assert "40,000" in shown


async def test_an_empty_message_or_a_lone_mention_gets_the_help(server: TeamsServer):
    shown = await say(server, "   ")
    assert "Here is what I can do" in shown

    await server.post(channel_mention(server.microsoft.service_url, ""))
    assert "Here is what I can do" in server.microsoft.connector.sent[-1].card_text()


async def test_an_unknown_command_in_a_channel_suggests_the_closest(server: TeamsServer):
    await server.post(channel_mention(server.microsoft.service_url, "network snoze"))

    assert "snooze" in server.microsoft.connector.sent[-1].card_text()


async def test_services_can_be_swapped_without_touching_teams_code(server: TeamsServer):
    # The handler holds only what it was given; a replaced coach is used at once.
    replies = []

    class Recording:
        def handle(self, incoming):
            replies.append(incoming)
            return server.services.coach.handle(replace(incoming, text="help"))

    server.channel.bot._coach = Recording()  # type: ignore[assignment]
    await server.post(channel_mention(server.microsoft.service_url, "network stats"))

    [incoming] = replies
    assert incoming.platform == "teams" and incoming.workspace_id == TENANT
    assert incoming.conversation_id == CHANNEL_ID
    assert incoming.is_direct_message is False
    assert incoming.text == "network stats"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("from", "a string"),
        ("conversation", 5),
        ("conversation", None),
        ("timestamp", "yesterday"),
        ("entities", "x"),
        ("entities", [5]),
        ("serviceUrl", None),
        ("recipient", None),
        ("value", [1, 2]),
        ("text", 12),
        ("channelData", "x"),
        ("type", "someNewActivityType"),
        ("id", None),
    ],
)
async def test_a_malformed_activity_never_crashes_the_server(
    server: TeamsServer, field: str, value: object
):
    activity = personal_message(server.microsoft.service_url, "help")
    if value is None:
        del activity[field]
    else:
        activity[field] = value

    response = await server.post(activity)

    assert response.status in {201, 400}
