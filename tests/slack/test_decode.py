"""Slack's wire text is decoded before the core sees it (issue 10, item 5)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.core.messages import Mention
from bot.core.service import CoachService
from bot.slack.incoming import decode_text, from_direct_message, from_slash_command
from bot.slack.mrkdwn import to_mrkdwn
from coach_rules.review import Review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


def test_entities_links_and_channels_become_what_the_reader_sees() -> None:
    text, mentions = decode_text(
        "Q&amp;A: see <https://x.dev/churn|x.dev/churn> and <https://a.io> in <#C42|general> "
        "&lt;3 <mailto:jo@x.dev|jo@x.dev>"
    )
    assert text == "Q&A: see x.dev/churn and https://a.io in #general <3 jo@x.dev"
    assert mentions == ()


def test_user_mentions_read_as_names_and_keep_their_ids() -> None:
    names = {"U2": "Jane Doe"}.get
    text, mentions = decode_text("met <@U1|ana> and <@U2> at PyCon", user_names=names)
    assert text == "met @ana and @Jane Doe at PyCon"
    assert mentions == (Mention("U1", "ana"), Mention("U2", "Jane Doe"))


def test_a_leading_mention_of_the_bot_in_a_dm_is_removed() -> None:
    event = {"text": "<@UBOT> met <@U1|ana> yesterday", "user": "U9", "channel": "D1"}
    incoming = from_direct_message(event, "T1", bot_user_id="UBOT")
    assert incoming.text == "met @ana yesterday"
    assert incoming.mentions == (Mention("U1", "ana"),)


def test_slash_command_text_is_decoded() -> None:
    incoming = from_slash_command(
        {"text": "met <@U1|ana> at R&amp;D day", "channel_id": "C1", "team_id": "T1"}
    )
    assert incoming.text == "met @ana at R&D day"


def test_the_neutral_mention_renders_as_a_slack_mention() -> None:
    assert to_mrkdwn("Done with **@[Jane Doe](U2)** & co") == "Done with *<@U2>* &amp; co"


def test_the_reviewer_and_the_stored_contact_see_the_decoded_text(
    store: SqlStore, clock: FakeClock
) -> None:
    seen: list[str] = []

    def reviewer(text: str) -> Review:
        seen.append(text)
        return Review(flagged=False, score=90, probability=0.1, score_breakdown=(("base", 90),))

    clock.set(datetime(2026, 12, 9, 15, tzinfo=UTC))
    service = CoachService(store, reviewer, clock)
    draft = (
        "Hi <@U2>, loved your Q&amp;A on churn! Here is the write-up I mentioned: "
        "<https://x.dev/churn|x.dev/churn>. No need to reply."
    )
    names = {"U2": "Jane"}.get
    event = {"text": draft, "user": "U9", "channel": "D1"}
    service.handle(from_direct_message(event, "T1", user_names=names))
    assert seen == [
        "Hi @Jane, loved your Q&A on churn! Here is the write-up I mentioned: x.dev/churn. "
        "No need to reply."
    ]
    meeting = from_direct_message({"text": "met <@U2> at PyCon", "user": "U9"}, "T1")
    reply = service.handle(meeting)
    assert "Logged" in reply.text
    member = store.get_or_create_member("slack", "T1", "U9")
    [contact] = store.contacts(member.id)
    assert contact.mention == "U2"


def test_buttons_that_retype_a_message_keep_its_mentions(store: SqlStore, clock: FakeClock) -> None:
    clock.set(datetime(2026, 12, 9, 15, tzinfo=UTC))
    service = CoachService(store, lambda text: Review(False, 90, 0.1), clock)
    names = {"U2": "Jane"}.get
    for line in ("met <@U2> at PyCon", "met <@U2> at the meetup"):
        reply = service.handle(
            from_direct_message({"text": line, "user": "U9"}, "T1", user_names=names)
        )
    assert "Another Jane?" in reply.text
    assert {a.command for a in reply.actions} == {
        "met @[Jane](U2) at the meetup (new contact)",
        "met @[Jane](U2) at the meetup (same contact)",
    }
