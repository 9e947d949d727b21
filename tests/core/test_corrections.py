"""Correcting the last reply ("actually make it wed", "no, friday") and several people in one
line ("met Aisha, Ben and Chen at the meetup")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from bot.core.service import CoachService
from bot.core.when import find_day
from storage.store import SqlStore
from tests.core.conversation import due_by_name as _due
from tests.core.conversation import say as _say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


@pytest.mark.parametrize(
    ("line", "due"),
    [
        # The test clock's today is Monday 2 March 2026.
        ("actually make it wed", "2026-03-04"),
        ("make that thursday", "2026-03-05"),
        ("no, friday", "2026-03-06"),
        ("nope — the 4th", "2026-03-04"),
        ("no wait, make it thu instead", "2026-03-05"),
    ],
)
def test_a_correction_moves_the_follow_up_the_last_reply_set(
    store: SqlStore, clock: FakeClock, line: str, due: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Tomás Ruiz at PyCon")
    before = _due(store)
    reply = _say(service, line)
    assert "Tomás Ruiz" in reply.text
    assert _due(store) == before | {"Tomás Ruiz": due}


@pytest.mark.parametrize("line", ["actually make it wed", "no, friday"])
def test_a_correction_with_nobody_in_the_conversation_asks_who_or_is_left_alone(
    line: str,
) -> None:
    result = parse_command(line, direct_message=True, known_names=["Dana Kim"])
    assert isinstance(result, c.NotACommand | c.ParseFailure)
    assert not isinstance(result, c.ParseFailure) or result.asks_who


@pytest.mark.parametrize(
    "text", ["make it wed", "no, sat", "actually sun instead", "move it to wed at 3pm", "her wed"]
)
def test_a_short_weekday_that_corrects_a_day_is_a_day(text: str) -> None:
    assert find_day(text) is not None


@pytest.mark.parametrize(
    "text", ["we got wed in june", "sat next to Jane", "sun was out", "wed the love of her life"]
)
def test_a_short_weekday_in_a_sentence_stays_a_word(text: str) -> None:
    assert find_day(text) is None


@pytest.mark.parametrize(
    "line", ["No, Friday works better for me", "actually friday is the deadline for the grant"]
)
def test_a_no_before_more_than_a_day_is_no_correction(line: str) -> None:
    referent = c.PersonRef(name="Dana Kim", contact_id=1)
    result = parse_command(line, direct_message=True, referent=referent)
    assert not isinstance(result, c.FollowUpCommand), line


def _contacts(store: SqlStore) -> dict[str, str | None]:
    member = store.get_or_create_member("slack", "T1", "U1")
    return {contact.name: contact.notes for contact in store.contacts(member.id)}


@pytest.mark.parametrize(
    "line",
    [
        "met Aisha, Ben and Chen at the meetup",
        "met Aisha, Ben, and Chen at the meetup",
        "I met Aisha, Ben & Chen at the meetup",
        "had coffee with Aisha, Ben and Chen yesterday",
    ],
)
def test_several_people_in_one_line_are_each_logged(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    _say(CoachService(store, fake_review, clock), line)
    assert set(_contacts(store)) == {"Aisha", "Ben", "Chen"}
    assert set(_due(store)) == {"Aisha", "Ben", "Chen"}


def test_a_list_of_people_keeps_its_day_place_and_note() -> None:
    result = parse_command(
        "met Aisha Bello, Ben Ode and Chen Li from Stripe at PyCon yesterday, all in payments",
        direct_message=True,
    )
    assert isinstance(result, c.MetCommand)
    assert [result.person.name, *(p.name for p in result.others)] == [
        "Aisha Bello",
        "Ben Ode",
        "Chen Li",
    ]
    assert result.place == "PyCon"
    assert result.when is not None
    assert result.note == "from Stripe; all in payments"


def test_more_people_than_one_line_logs_are_asked_for_a_few_at_a_time() -> None:
    result = parse_command("met Ana, Ben, Chen, Dev and Eli at the meetup", direct_message=True)
    assert isinstance(result, c.ParseFailure)
    assert "a few at a time" in result.message


@pytest.mark.parametrize(
    ("line", "person", "note"),
    [
        ("met Jane, she's hiring in Berlin", "Jane", "she's hiring in Berlin"),
        ("met Jane, Sarah and I talked shop", "Jane", "Sarah and I talked shop"),
    ],
)
def test_a_comma_before_anything_but_a_list_of_names_still_starts_the_note(
    line: str, person: str, note: str
) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.MetCommand)
    assert (result.person.name, result.others, result.note) == (person, (), note)


@pytest.mark.parametrize("line", ["@coach", "@NetworkCoach", "@Network Coach  "])
def test_the_bot_mentioned_alone_gets_the_overview_not_a_crash(line: str) -> None:
    assert parse_command(line, direct_message=True) == c.HelpCommand()


def test_names_listed_in_lower_case_before_the_place_are_each_a_person() -> None:
    result = parse_command("met aisha, ben and chen at the meetup", direct_message=True)
    assert isinstance(result, c.MetCommand)
    assert [result.person.name, *(p.name for p in result.others)] == ["aisha", "ben", "chen"]
    assert (result.place, result.note) == ("the meetup", None)


def test_lower_case_words_after_the_comma_that_name_nobody_are_the_note() -> None:
    result = parse_command("met sam, smart and funny", direct_message=True)
    assert isinstance(result, c.MetCommand)
    assert (result.others, result.note) == ((), "smart and funny")


@pytest.mark.parametrize(
    "line",
    [
        "remind me to follow up with Aisha, Ben and Chen on friday",
        "follow up with Aisha and Ben on friday, send the deck",
        "follow-up Aisha and Ben tomorrow",
    ],
)
def test_a_follow_up_for_several_people_asks_for_one_line_each(line: str) -> None:
    result = parse_command(line, direct_message=True)
    assert isinstance(result, c.ParseFailure) and result.asks_one_each, result
    assert "`follow-up Aisha " in result.message and "`follow-up Ben " in result.message


def test_contacts_listed_with_commas_alone_are_each_a_person() -> None:
    result = parse_command(
        "met Jane Doe, Priya Shah at the gala",
        direct_message=True,
        known_names=["Jane Doe", "Priya Shah"],
    )
    assert isinstance(result, c.MetCommand)
    assert [result.person.name, *(p.name for p in result.others)] == ["Jane Doe", "Priya Shah"]
    assert result.note is None


def test_a_note_on_a_follow_up_id_needs_no_colon() -> None:
    result = parse_command("note #6 likes jazz", direct_message=True)
    assert isinstance(result, c.NoteCommand)
    assert (result.person.follow_up_id, result.note) == (6, "likes jazz")
