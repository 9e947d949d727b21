"""Teams activity → core `Incoming`: identity, channel ids and the bot's mention."""

from __future__ import annotations

from botbuilder.schema import Activity

from bot.core.messages import Mention
from bot.teams.incoming import command_text, mentions_of, strip_bot_mention, to_incoming
from bot.teams.references import conversation_reference, reference_record
from tests.teams.payloads import (
    BOT_ID,
    CHANNEL_ID,
    PERSONAL_CONVERSATION,
    TENANT,
    USER_ID,
    card_submit,
    channel_mention,
    personal_message,
)

URL = "https://smba.trafficmanager.net/emea/"


def activity(payload: dict) -> Activity:
    return Activity().deserialize(payload)


def test_a_personal_message_is_a_direct_message_from_the_user_in_their_tenant():
    incoming = to_incoming(activity(personal_message(URL, "list")), "list")

    assert (incoming.platform, incoming.workspace_id, incoming.user_id) == (
        "teams",
        TENANT,
        USER_ID,
    )
    assert incoming.conversation_id == PERSONAL_CONVERSATION
    assert incoming.is_direct_message is True
    assert incoming.user_display_name == "Jane Doe"


def test_a_channel_message_belongs_to_the_channel_not_the_thread():
    payload = channel_mention(URL, "digest here")
    assert ";messageid=" in payload["conversation"]["id"]

    incoming = to_incoming(activity(payload), "digest here")

    assert incoming.conversation_id == CHANNEL_ID
    assert incoming.is_direct_message is False


def test_the_thread_suffix_is_dropped_even_without_channel_data():
    payload = channel_mention(URL, "digest here")
    del payload["channelData"]["channel"]

    assert to_incoming(activity(payload), "x").conversation_id == CHANNEL_ID


def test_only_the_bots_own_mention_is_removed():
    payload = channel_mention(URL, "met <at>Priya Patel</at> — she loves Network Coach")
    payload["entities"].append(
        {
            "type": "mention",
            "mentioned": {"id": "29:priya", "name": "Priya Patel"},
            "text": "<at>Priya Patel</at>",
        }
    )

    text = command_text(activity(payload))

    # Other mentions are decoded to what the reader sees, with the id kept beside the text.
    assert text == "met @Priya Patel — she loves Network Coach"
    assert mentions_of(activity(payload)) == (Mention("29:priya", "Priya Patel"),)


def test_a_mention_entity_without_its_text_is_matched_by_name():
    payload = channel_mention(URL, "list")
    payload["entities"][0].pop("text")

    assert command_text(activity(payload)) == "list"


def test_a_malformed_mention_entity_is_ignored_not_fatal():
    payload = channel_mention(URL, "list")
    payload["entities"].insert(0, {"type": "mention"})

    assert command_text(activity(payload)) == "list"


def test_a_card_click_is_its_command():
    assert command_text(activity(card_submit(URL, "done #4"))) == "done #4"


def test_entities_and_non_breaking_spaces_are_decoded():
    assert command_text(activity(personal_message(URL, "met&nbsp;Ann &amp; Bo"))) == "met Ann & Bo"


def test_strip_leaves_text_without_mentions_alone():
    assert strip_bot_mention(activity(personal_message(URL, "<at>x</at> hi"))) == "<at>x</at> hi"


def test_a_reference_round_trips_and_keeps_the_service_url():
    record = reference_record(activity(personal_message(URL, "hi")))

    assert record.user_id == USER_ID and record.conversation_id == PERSONAL_CONVERSATION
    reference = conversation_reference(record)
    assert reference.service_url == URL
    assert reference.bot.id == BOT_ID
    assert reference.conversation.id == PERSONAL_CONVERSATION
    assert reference.activity_id is None


def test_a_channel_reference_points_at_the_channel_and_names_nobody():
    record = reference_record(activity(channel_mention(URL, "digest here")))

    assert record.user_id is None
    assert record.conversation_id == CHANNEL_ID
    assert conversation_reference(record).conversation.id == CHANNEL_ID
    assert conversation_reference(record).user is None


def test_the_emulator_has_no_tenant_and_gets_its_own_workspace():
    payload = personal_message("http://localhost:50000", "help")
    payload["channelId"] = "emulator"
    del payload["channelData"]
    del payload["conversation"]["tenantId"]
    del payload["conversation"]["conversationType"]

    incoming = to_incoming(activity(payload), "help")

    assert incoming.workspace_id == "emulator"
    assert incoming.is_direct_message is True
