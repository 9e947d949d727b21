"""Every core command as a Teams conversation: `TestAdapter(bot.on_turn)`, a real CoachService
and a real SQLite store, replies inspected as Teams would render them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.teams.bot import NetworkCoachBot
from bot.teams.cards import CARD_CONTENT_TYPE
from bot.teams.files import FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE
from bot.teams.incoming import PLATFORM
from tests.fakes import buy_flagging_reviewer
from tests.teams.conversation import Conversation, buttons, channel_template, shown
from tests.teams.onedrive import OneDriveStandIn, file_consent
from tests.teams.payloads import BOT_ID, BOT_NAME, CHANNEL_ID, TENANT, USER_ID

MENTION = f"<at>{BOT_NAME}</at>"
MENTION_ENTITY = {"type": "mention", "mentioned": {"id": BOT_ID, "name": BOT_NAME}, "text": MENTION}


@pytest.fixture
def services(sqlite_url: str, clock: Any) -> Iterator[Any]:
    from storage.store import SqlStore

    store = SqlStore.open(sqlite_url, migrate=False, clock=clock)
    try:
        yield bootstrap(
            Settings(database_url=sqlite_url),
            store=store,
            clock=clock,
            reviewer=buy_flagging_reviewer,
        )
    finally:
        store.close()


@pytest.fixture
def bot(services: Any) -> NetworkCoachBot:
    return NetworkCoachBot(services.coach, services.store, services.clock)


@pytest.fixture
def chat(bot: NetworkCoachBot) -> Conversation:
    return Conversation(bot)


@pytest.fixture
def channel(bot: NetworkCoachBot) -> Conversation:
    return Conversation(bot, channel_template())


async def mention(channel: Conversation, text: str) -> Activity:
    return await channel.say(f"{MENTION} {text}", entities=[MENTION_ENTITY])


async def test_help_lists_the_commands_with_buttons(chat: Conversation):
    reply = await chat.say("help")

    assert "Here is what I can do" in shown(reply)
    assert "follow-up" in shown(reply) and "forget-me" in shown(reply)
    assert buttons(reply) == {"My follow-ups": "list", "My stats": "stats"}


async def test_help_for_one_command(chat: Conversation):
    assert "Usage: met <person>" in shown(await chat.say("help met"))


async def test_met_logs_the_meeting_and_offers_done_snooze_cancel(chat: Conversation):
    reply = await chat.say("met Alex Smith at DevConf yesterday — loves Rust")

    assert "you met **Alex Smith** at DevConf" in shown(reply)
    assert buttons(reply) == {
        "Done": "done #1",
        "Snooze 2 days": "snooze #1 2 days",
        "Cancel": "cancel #1",
    }


async def test_a_teams_mention_of_a_person_is_their_name(chat: Conversation):
    reply = await chat.say("met <at>Priya Patel</at> yesterday")

    assert "you met **Priya Patel**" in shown(reply)


async def test_follow_up_is_capped_at_ten_days_after_meeting(chat: Conversation):
    await chat.say("met Alex Smith yesterday")

    reply = await chat.say("follow-up Alex Smith in 30 days")

    assert "capped at 10 days after meeting" in shown(reply)


async def test_list_shows_open_follow_ups_with_buttons_for_each(chat: Conversation):
    await chat.say("met Alex Smith yesterday")
    await chat.say("met Priya Patel today")

    reply = await chat.say("list")

    assert "You have 2 open follow-ups" in shown(reply)
    card = reply.attachments[0].content
    submits = [
        action["data"]["command"]
        for block in card["body"]
        for item in block.get("items", [])
        if item.get("type") == "ActionSet"
        for action in item["actions"]
    ]
    assert submits == ["done #1", "snooze #1 2 days", "done #2", "snooze #2 2 days"]


async def test_done_by_button_schedules_the_second_touch(chat: Conversation, services: Any):
    await chat.say("met Alex Smith yesterday")

    reply = await chat.click("done #1")

    assert "Rule of two" in shown(reply)
    assert services.store.get_follow_up(1, 1).status == "done"
    assert buttons(reply) == {
        "Gave": "done #1 gave",
        "Asked": "done #1 asked",
        "Thanked": "done #1 thanked",
        "Cancel second touch": "cancel #2",
    }
    recorded = await chat.click("done #1 asked")
    assert "was an ask" in shown(recorded)
    assert services.store.touch_kind(1, 1) == ("ask", "chosen")


async def test_snooze_by_button_moves_the_follow_up(chat: Conversation, services: Any):
    await chat.say("met Alex Smith yesterday")
    due_before = services.store.get_follow_up(1, 1).due_on

    reply = await chat.click("snooze #1 2 days")

    assert "Snoozed follow-up #1" in shown(reply)
    assert (services.store.get_follow_up(1, 1).due_on - due_before).days == 2


async def test_cancel_drops_the_follow_up(chat: Conversation, services: Any):
    await chat.say("met Alex Smith yesterday")

    reply = await chat.say("network cancel Alex Smith")

    assert "Cancelled the follow-up #1" in shown(reply)
    assert services.store.open_follow_ups(1) == []


async def test_review_command_and_a_pasted_draft_are_both_reviewed(chat: Conversation):
    flagged = await chat.say("/network review Hi Jo, you should buy our plan today")
    pasted = await chat.say("Hi Sam, I thought you'd like this article about hiring juniors.")

    assert "31" in shown(flagged) and "“buy”" in shown(flagged)
    assert "Looks value-first" in shown(pasted)
    assert list(buttons(pasted)) == ["Helpful", "Wrong flag"]


async def test_feedback_buttons_are_stored(chat: Conversation, services: Any):
    review = await chat.say("Hi Ana, great meeting you at PyCon. Buy our plan this week!")
    wrong_flag = buttons(review)["Wrong flag"]

    reply = await chat.click(wrong_flag)

    assert "the flag was wrong" in shown(reply)
    assert services.store.export_member(1)["feedback"][0]["verdict"] == "wrong-flag"


async def test_stats_for_a_week_and_a_month(chat: Conversation):
    await chat.say("met Alex Smith yesterday")

    assert "Your last 7 days: 1 meeting," in shown(await chat.say("stats"))
    assert "Last 30 days" in shown(await chat.say("stats month"))


async def test_settings_show_and_change(chat: Conversation, services: Any):
    assert "Time zone" in shown(await chat.say("settings"))

    assert "Europe/Paris" in shown(await chat.say("settings timezone Europe/Paris"))
    assert "08:00–16:00" in shown(await chat.say("settings hours 08:00-16:00"))
    assert "don't know the time zone" in shown(await chat.say("settings timezone Mars/Base"))
    member = services.store.get_member(1)
    assert member.timezone == "Europe/Paris" and member.work_start.hour == 8


async def messages_after(chat: Conversation, invoke: Activity) -> list[Activity]:
    """What the member sees after an invoke: its messages, without the invoke response."""
    return [a for a in await chat.receive(invoke) if a.type == ActivityTypes.message]


def add_contacts(services: Any, count: int) -> None:
    store = services.store
    member = store.get_or_create_member(PLATFORM, TENANT, USER_ID, "Jane Doe")
    for index in range(count):
        contact = store.add_contact(member.id, f"Person Number{index}")
        store.add_meeting(member.id, contact.id, services.clock.now().date(), note="x" * 400)


async def test_export_in_a_channel_arrives_whole_as_json_messages(services: Any):
    add_contacts(services, 60)
    chat = Conversation(
        NetworkCoachBot(services.coach, services.store, services.clock), channel_template()
    )

    replies = await chat.say_all("export")

    assert replies[0].text.startswith("Here is everything I keep about you: 60 contacts")
    blocks = [reply.text for reply in replies[1:]]
    assert len(blocks) > 1  # too big for one Teams message: split, never trimmed
    assert all(block.startswith("```") and block.endswith("```") for block in blocks)
    document = "\n".join(block.split("\n", 1)[1].rsplit("\n", 1)[0] for block in blocks)
    exported = json.loads(document)
    assert len(exported["contacts"]) == 60
    assert all(len(block.encode()) <= 20_000 for block in blocks)


async def test_export_in_a_personal_chat_offers_the_file_with_a_consent_card(
    chat: Conversation, services: Any
):
    add_contacts(services, 2)

    summary, offer = await chat.say_all("export")

    assert "2 contacts" in summary.text and "```" not in summary.text
    [card] = offer.attachments
    assert card.content_type == FILE_CONSENT_CONTENT_TYPE
    assert card.name.startswith("network-coach-export-") and card.name.endswith(".json")
    assert card.content.accept_context == {"command": "export"}


async def test_accepting_the_file_uploads_the_export_and_shows_a_file_card(
    chat: Conversation, services: Any, onedrive: OneDriveStandIn
):
    add_contacts(services, 2)

    [card] = await messages_after(chat, file_consent("accept", onedrive.url))

    [upload] = onedrive.received
    assert upload.headers["Content-Range"] == f"bytes 0-{len(upload.body) - 1}/{len(upload.body)}"
    assert len(json.loads(upload.body)["contacts"]) == 2
    [info] = card.attachments
    assert info.content_type == FILE_INFO_CONTENT_TYPE
    assert info.content_url == "https://onedrive.test.example/export.json"


async def test_a_refused_upload_says_what_to_do_next(
    chat: Conversation, services: Any, onedrive: OneDriveStandIn
):
    onedrive.status = 403
    [reply] = await messages_after(chat, file_consent("accept", onedrive.url))
    assert "Type `export`" in reply.text


async def test_declining_the_file_sends_nothing_but_a_sentence(
    chat: Conversation, onedrive: OneDriveStandIn
):
    [reply] = await messages_after(chat, file_consent("decline", onedrive.url))
    assert "No file" in reply.text
    assert onedrive.received == []


async def test_forget_me_asks_then_deletes_everything(chat: Conversation, services: Any):
    await chat.say("met Alex Smith yesterday")

    ask = await chat.say("forget-me")
    assert buttons(ask) == {"Yes, delete everything": "forget-me confirm"}
    done = await chat.click("forget-me confirm")

    assert "I deleted" in shown(done)
    assert services.store.get_member(1) is None
    assert services.store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is None


async def test_unknown_command_gets_a_did_you_mean(chat: Conversation):
    # A typo whose rest parses ("lsit") is the command itself; a bare one gets a suggestion.
    assert "Did you mean snooze?" in shown(await chat.say("snoze"))


async def test_digest_here_preview_and_off_in_a_channel(channel: Conversation, services: Any):
    here = await mention(channel, "network digest here")
    assert "every **Monday at 09:00**" in shown(here)
    assert buttons(here) == {"Preview it": "digest preview", "Stop it": "digest off"}
    [subscription] = services.store.digest_subscriptions()
    assert subscription.channel_id == CHANNEL_ID

    assert "Networking digest" in shown(await mention(channel, "digest preview"))
    assert "off for this channel" in shown(await mention(channel, "digest off"))
    assert services.store.digest_subscriptions() == []


async def test_a_bot_mention_alone_in_a_channel_gets_help(channel: Conversation):
    assert "Here is what I can do" in shown(await mention(channel, ""))


async def test_only_the_bot_mention_is_stripped_not_its_name_in_the_text(
    channel: Conversation, services: Any
):
    # botbuilder's remove_recipient_mention would also delete "Network Coach" from the note.
    await mention(channel, "met Alex Smith yesterday — told them about Network Coach")

    [follow_up] = services.store.open_follow_ups(1)
    assert follow_up.contact_name == "Alex Smith"
    assert services.store.export_member(1)["meetings"][0]["note"] == "told them about Network Coach"


async def test_a_channel_message_that_is_not_a_command_is_not_reviewed(channel: Conversation):
    reply = await mention(channel, "hello there")

    # Issue 11: a greeting gets a one-line friendly answer, not "I don't know the command".
    assert "Hi!" in shown(reply)
    assert "value-first score" not in shown(reply)


async def test_html_entities_from_teams_are_decoded(chat: Conversation):
    reply = await chat.say("met Ann at the R&amp;D day yesterday")

    assert "the R&D day" in shown(reply)
    assert "&amp;" not in shown(reply)


async def test_the_bots_own_messages_are_ignored(chat: Conversation):
    echo = Activity(
        type=ActivityTypes.message,
        text="help",
        from_property=ChannelAccount(id=BOT_ID, name=BOT_NAME),
    )
    chat.adapter.template.from_property = ChannelAccount(id=BOT_ID, name=BOT_NAME)

    assert await chat.receive(echo) == []


async def test_plain_one_line_replies_are_markdown_messages_not_cards(chat: Conversation):
    reply = await chat.say("feedback 99 helpful")

    assert reply.attachments in (None, [])
    assert reply.text_format == "markdown"
    assert "review #99" in reply.text


async def test_cards_are_adaptive_cards_1_5_with_a_summary(chat: Conversation):
    reply = await chat.say("help")

    [attachment] = reply.attachments
    assert attachment.content_type == CARD_CONTENT_TYPE
    assert attachment.content["version"] == "1.5"
    assert reply.summary.startswith("Here is what I can do")


async def test_a_malformed_file_consent_is_refused_without_a_crash(chat: Conversation):
    invoke = Activity(type=ActivityTypes.invoke, name="fileConsent/invoke", value={"action": 7})
    replies = await chat.receive(invoke)
    assert [r.value.status for r in replies if r.type == "invokeResponse"] == [400]
