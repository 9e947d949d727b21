"""The app's life in Teams: removing it from a team (uninstall, team deleted, bot removed) forgets
every channel of that team, references and digests alike, and nothing of any other team; a chat
is personal only when Teams says so or its id is a 1:1 id, and nudges go to personal chats only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.scheduler.jobs import send_due_digests, sweep_nudges
from bot.teams.incoming import PLATFORM
from storage.records import ConversationReferenceRecord
from tests.teams.conftest import TeamsServer
from tests.teams.payloads import (
    CHANNEL_ID,
    PERSONAL_CONVERSATION,
    TEAM_ID,
    TENANT,
    USER_ID,
    bot_removed_from_team,
    channel_mention,
    personal_message,
    team_deleted,
    team_uninstall,
    untyped_channel_message,
)
from tests.teams.test_proactive import meet_someone, member_of, until_due

THIRD_CHANNEL = "19:9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f@thread.tacv2"
OTHER_TEAM = "19:Zz1OtherTeamGeneral0000000000000000000001@thread.tacv2"
OTHER_TEAM_CHANNEL = "19:0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d@thread.tacv2"
OUR_TEAM_CHANNELS = {TEAM_ID, CHANNEL_ID, THIRD_CHANNEL}


async def subscribe(server: TeamsServer, channel_id: str, team_id: str) -> None:
    activity = channel_mention(
        server.microsoft.service_url, "network digest here", channel_id=channel_id, team_id=team_id
    )
    assert (await server.post(activity)).status == 201


def subscribed_channels(server: TeamsServer) -> set[str]:
    return {s.channel_id for s in server.services.store.digest_subscriptions()}


def referenced(server: TeamsServer, conversation_id: str) -> bool:
    store = server.services.store
    return store.conversation_reference(PLATFORM, TENANT, conversation_id) is not None


@pytest.mark.parametrize(
    "removal",
    [team_uninstall, team_deleted, bot_removed_from_team],
    ids=["installationUpdate-remove", "teamDeleted", "bot-removed-from-team"],
)
async def test_removing_the_app_from_a_team_forgets_every_channel_of_that_team_only(
    server: TeamsServer, removal: Callable[..., dict[str, Any]]
):
    for channel in OUR_TEAM_CHANNELS:
        await subscribe(server, channel, TEAM_ID)
    await subscribe(server, OTHER_TEAM_CHANNEL, OTHER_TEAM)
    await meet_someone(server)  # a personal chat, and something for a digest to count
    assert subscribed_channels(server) == OUR_TEAM_CHANNELS | {OTHER_TEAM_CHANNEL}

    assert (await server.post(removal(server.microsoft.service_url, TEAM_ID))).status in (200, 201)

    assert subscribed_channels(server) == {OTHER_TEAM_CHANNEL}
    assert not any(referenced(server, channel) for channel in OUR_TEAM_CHANNELS)
    assert referenced(server, OTHER_TEAM_CHANNEL)
    assert referenced(server, PERSONAL_CONVERSATION)

    # A week later (a restarted server, say) the digest goes to the other team alone.
    server.services.clock.advance(days=7)  # type: ignore[attr-defined]
    before = len(server.microsoft.connector.sent)
    sent = await send_due_digests(
        server.services.store, server.channel.notifier, server.services.clock
    )
    assert sent == 1
    assert {r.conversation_id for r in server.microsoft.connector.sent[before:]} == {
        OTHER_TEAM_CHANNEL
    }


async def test_a_channel_message_without_a_conversation_type_is_not_a_personal_chat(
    server: TeamsServer,
):
    response = await server.post(untyped_channel_message(server.microsoft.service_url, "help"))

    assert response.status == 201
    store = server.services.store
    assert store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is None
    channel = store.conversation_reference(PLATFORM, TENANT, CHANNEL_ID)
    assert channel is not None and channel.user_id is None


async def test_a_chat_without_a_conversation_type_but_a_personal_id_is_personal(
    server: TeamsServer,
):
    activity = personal_message(server.microsoft.service_url, "help")
    activity["conversation"] = {"id": PERSONAL_CONVERSATION}

    assert (await server.post(activity)).status == 201

    stored = server.services.store.member_conversation_reference(PLATFORM, TENANT, USER_ID)
    assert stored is not None and stored.conversation_id == PERSONAL_CONVERSATION


async def test_a_nudge_never_goes_to_a_channel_even_from_an_old_misfiled_reference(
    server: TeamsServer,
):
    await meet_someone(server)
    store = server.services.store
    store.delete_conversation_reference(PLATFORM, TENANT, PERSONAL_CONVERSATION)
    # What the old code stored for an untyped channel message: the channel as the member's chat.
    store.save_conversation_reference(
        ConversationReferenceRecord(
            platform=PLATFORM,
            workspace_id=TENANT,
            conversation_id=CHANNEL_ID,
            user_id=USER_ID,
            reference={
                "conversation": {"id": CHANNEL_ID},
                "channelId": "msteams",
                "serviceUrl": server.microsoft.service_url,
                "bot": {"id": "28:bot"},
            },
        )
    )
    until_due(server)
    before = len(server.microsoft.connector.sent)

    sent = await sweep_nudges(store, server.channel.notifier, server.services.clock, "w")

    assert sent == 0
    assert server.microsoft.connector.sent[before:] == []
    # Not lost: once the member writes to the bot, the nudge has a personal chat to go to.
    assert store.open_follow_ups(member_of(server).id)
