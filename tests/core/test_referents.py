""" "Snooze her", "cancel that": the contact of the conversation's last reply, kept in the store."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.chat import QUESTION_EXPIRES
from bot.core.parser import parse_command
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.core.conversation import due_by_name
from tests.core.conversation import say as _say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def _contacts(store: SqlStore) -> list[str]:
    member = store.get_or_create_member("slack", "T1", "U1")
    return sorted(contact.name for contact in store.contacts(member.id))


@pytest.mark.parametrize(
    "line",
    [
        "remind me to ping her on saturday",
        "snooze him 2 days",
        "push it to monday",
        "follow up with her in 4 days",
    ],
)
def test_a_pronoun_moves_the_follow_up_of_the_last_reply(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Tomás Ruiz at PyCon")
    before = due_by_name(store)
    reply = _say(service, line)
    assert "Tomás Ruiz" in reply.text
    after = due_by_name(store)
    assert after["Tomás Ruiz"] != before["Tomás Ruiz"]
    assert after["Dana Kim"] == before["Dana Kim"]
    assert _contacts(store) == ["Dana Kim", "Tomás Ruiz"]


def test_cancel_that_and_done_with_her_act_on_the_last_replys_contact(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Lena Vogt at the meetup")
    assert "Lena Vogt" in _say(service, "done with her").text
    # The reply to "done" was about Lena too: her second touch is what "that" means now.
    assert "second touch" in _say(service, "cancel that").text
    assert list(due_by_name(store)) == ["Dana Kim"]


def test_the_referent_reaches_another_server_process(
    store: SqlStore, database_url: str, clock: FakeClock
) -> None:
    _say(CoachService(store, fake_review, clock), "met Kai Müller yesterday")
    other_store = SqlStore.open(database_url, migrate=False, clock=clock)
    try:
        reply = _say(CoachService(other_store, fake_review, clock), "snooze him 2 days")
        assert "Snoozed" in reply.text and "Kai Müller" in reply.text
    finally:
        other_store.close()


@pytest.mark.parametrize("line", ["snooze her", "cancel that", "remind me to ping him friday"])
def test_with_nobody_in_the_last_reply_a_pronoun_asks_who(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Omar Haddad yesterday")
    _say(service, "list")  # about several follow-ups, not one contact
    reply = _say(service, line)
    assert reply.text.startswith("Who do you mean?")
    assert _contacts(store) == ["Dana Kim", "Omar Haddad"]


def test_a_referent_goes_stale_with_the_conversation(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    clock.advance(QUESTION_EXPIRES + timedelta(minutes=1))
    assert _say(service, "snooze her").text.startswith("Who do you mean?")


def test_a_yes_after_a_reply_that_asked_nothing_runs_nothing(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    assert "no question waiting" in _say(service, "yes").text


def test_without_a_referent_the_parser_never_makes_a_contact_of_a_pronoun() -> None:
    for line in ("snooze him 2 days", "done with her", "cancel that"):
        result = parse_command(line, direct_message=True, known_names=["Dana Kim"])
        assert isinstance(result, c.ParseFailure) and result.asks_who, line


def test_met_her_is_never_read_as_the_last_contact() -> None:
    referent = c.PersonRef(name="Dana Kim", contact_id=1)
    result = parse_command("met her at PyCon", direct_message=True, referent=referent)
    assert not (isinstance(result, c.MetCommand) and result.person == referent)


def test_a_sentence_about_a_thing_stays_a_draft_even_with_a_referent() -> None:
    referent = c.PersonRef(name="Dana Kim", contact_id=1)
    for line in ("It can wait till next week.", "That can wait until Monday"):
        result = parse_command(line, direct_message=True, referent=referent)
        assert isinstance(result, c.NotACommand), line
    result = parse_command("push it to monday", direct_message=True, referent=referent)
    assert isinstance(result, c.SnoozeCommand) and result.target == referent


def test_a_reply_about_nobody_in_between_keeps_the_contact(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Fatima Khan at the fintech breakfast")
    _say(service, "thanks!")  # chat: about nobody
    _say(service, "help snooze")  # help: about nobody
    reply = _say(service, "snooze her 2 days")
    assert "Snoozed" in reply.text and "Fatima Khan" in reply.text


def test_a_list_in_between_forgets_the_contact(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Fatima Khan at the fintech breakfast")
    _say(service, "met Dana Kim yesterday")
    _say(service, "list")
    assert _say(service, "snooze her 2 days").text.startswith("Who do you mean?")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("remind me in 3 days", c.FollowUpCommand),
        ("remind me about it tomorrow", c.FollowUpCommand),
        ("cancel the second touch", c.CancelCommand),
        ("snooze the reminder 2 days", c.SnoozeCommand),
        ("when's her next follow-up?", c.WhoCommand),
        ("add note she has 2 kids", c.NoteCommand),
    ],
)
def test_words_for_the_last_replys_follow_up_mean_its_contact(line: str, expected: type) -> None:
    referent = c.PersonRef(name="Yuki", contact_id=1)
    result = parse_command(line, direct_message=True, known_names=["Yuki"], referent=referent)
    assert isinstance(result, expected), result
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert person == referent
    without = parse_command(line, direct_message=True, known_names=["Yuki"])
    assert isinstance(without, c.ParseFailure) and without.asks_who


def test_follow_up_friday_instead_moves_the_last_replys_follow_up(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Nadia Aziz at GDG devfest")
    reply = _say(service, "follow up friday instead")
    assert "Nadia Aziz" in reply.text
    assert _contacts(store) == ["Nadia Aziz"]  # no contact called "instead"


@pytest.mark.parametrize("line", ["snooze 3 days", "snooze"])
def test_a_command_without_a_name_means_the_last_replys_contact(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    assert "Snoozed follow-up" in _say(service, line).text


def test_without_a_referent_instead_is_no_name() -> None:
    result = parse_command("follow up friday instead", direct_message=True)
    assert not (isinstance(result, c.FollowUpCommand) and result.person.name == "instead")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("she works at mistral", c.NoteCommand),
        ("ping her next wed", c.FollowUpCommand),
        ("done, sent her the paper", c.DoneCommand),
        ("done - i sent the deck", c.DoneCommand),
    ],
)
def test_a_line_about_her_right_after_a_reply_about_her(line: str, expected: type) -> None:
    referent = c.PersonRef(name="Ines", contact_id=1)
    result = parse_command(line, direct_message=True, known_names=["Ines"], referent=referent)
    assert isinstance(result, expected), result
    person = getattr(result, "person", None) or getattr(result, "target", None)
    assert person == referent
    if isinstance(result, c.DoneCommand):
        assert result.kind == "give"


def test_she_works_at_with_nobody_in_the_conversation_is_no_note() -> None:
    result = parse_command("she works at mistral", direct_message=True, known_names=["Ines"])
    assert not isinstance(result, c.NoteCommand)


def test_done_asked_alone_is_still_a_name() -> None:
    result = parse_command("done asked", direct_message=True)
    assert isinstance(result, c.DoneCommand) and result.target.name == "asked"


def test_a_list_of_one_follow_up_makes_its_contact_the_one_it_means(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Lena Vogt at the meetup yesterday")
    _say(service, "thanks!")
    _say(service, "what's due?")
    before = due_by_name(store)
    reply = _say(service, "actually make it friday")
    assert "Lena Vogt" in reply.text
    assert due_by_name(store)["Lena Vogt"] != before["Lena Vogt"]


def test_a_list_of_several_follow_ups_leaves_it_unclear_whom_it_means(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Lena Vogt at the meetup yesterday")
    _say(service, "met Dana Kim yesterday")
    _say(service, "list")
    before = due_by_name(store)
    _say(service, "push her to friday")
    assert due_by_name(store) == before
