"""Pass 19: families of lines two newcomer testers typed (issue 11), each with examples of our
own (never the testers' lines): `bot/core/parse_guards.py` and the modules it orders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.dates import NextWeekSpec, RelativeDays, WeekdaySpec
from bot.core.parser import parse_command
from bot.core.service import CoachService
from bot.core.two_commands import in_two
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # a Wednesday


def dm(line: str, known: tuple[str, ...] = ()) -> object:
    return parse_command(line, direct_message=True, known_names=known)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    return CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]


# 1. Removing a note never removes the contact.
@pytest.mark.parametrize(
    "line",
    [
        "remove the note about joe bloggs",
        "please delete my last note for Ines Ruiz",
        "clear Ines's notes",
        "erase notes on Ines Ruiz",
    ],
)
def test_removing_a_note_is_never_deleting_the_contact(line: str) -> None:
    result = dm(line, ("Ines Ruiz", "Joe Bloggs"))
    assert isinstance(result, c.DeleteNoteCommand)
    assert result.person.name.lower() in {"ines ruiz", "ines", "joe bloggs"}


def _notes_on_the_card(service: CoachService, who: str) -> str:
    card = say(service, f"who {who}")
    return " ".join(field.value for section in card.sections for field in section.fields)


def test_deleting_a_contact_is_still_asked(service: CoachService) -> None:
    say(service, "met Ines Ruiz at the expo")
    say(service, "note ines: wants the deck")
    say(service, "note ines: two kids")
    assert "Delete **Ines Ruiz**" in say(service, "delete Ines Ruiz").text
    removed = say(service, "remove the note about ines ruiz")
    assert "Removed your last note on **Ines Ruiz**: “two kids”" in removed.text
    notes = _notes_on_the_card(service, "ines")
    assert "wants the deck" in notes and "two kids" not in notes


def test_a_removed_note_can_be_put_back_with_its_button(service: CoachService) -> None:
    say(service, "met Ines Ruiz at the expo")
    say(service, "note ines: wants the deck")
    removed = say(service, "delete-note ines")
    put_back = next(a for a in removed.actions if a.label == "Put it back")
    say(service, put_back.command)
    assert "wants the deck" in _notes_on_the_card(service, "ines")
    assert "“wants the deck”" in say(service, "delete-note ines").text
    assert "has no notes to remove" in say(service, "delete-note ines").text


# 2. A status verb is no part of a name; a call to come is no meeting.
def test_a_reply_with_a_call_ahead_is_a_meeting_to_come() -> None:
    result = dm("omar answered!! he wants a quick call next fri")
    assert isinstance(result, c.NotACommand) and result.ahead is not None
    assert result.ahead.person.name == "Omar"
    assert result.ahead.when == WeekdaySpec(4)


def test_a_reply_without_a_day_logs_nothing() -> None:
    result = dm("Omar wrote back, he loves the deck")
    assert not isinstance(result, c.MetCommand)


def test_a_meeting_next_weekday_is_ahead() -> None:
    result = dm("met Lin Wu next thu")
    assert isinstance(result, c.NotACommand) and result.ahead is not None


# 3. An event to come told as a fact is planned as an event.
def test_an_event_told_as_a_fact() -> None:
    result = dm("there's Accra Tech Fest next friday, want to meet 2 people there")
    assert result == c.EventCommand("Accra Tech Fest", WeekdaySpec(4), 2)


@pytest.mark.parametrize("line", ["there is Diwali next week", "there's Kai on friday"])
def test_no_event_word_no_event(line: str) -> None:
    assert not isinstance(dm(line), c.EventCommand)


# 4. A follow-up day that ends a meeting's note sets the follow-up.
def test_follow_up_day_at_the_end_of_the_note() -> None:
    result = dm("met Zara Khan at the gym yesterday, she runs ops at Acme, ping her monday")
    assert isinstance(result, c.MetCommand)
    assert result.note == "she runs ops at Acme"
    assert result.follow_up_on == WeekdaySpec(0)
    assert result.when == RelativeDays(-1)


def test_a_one_letter_initial_is_no_with() -> None:
    result = dm("met lars k at devday on monday - backend lead")
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() == "lars k"
    assert result.place == "devday"


# 5. People listed after a count, a descriptor, or "+".
def test_a_count_then_a_list() -> None:
    result = dm("met 3 folks at the demo night: Ivy Chen, Raj Patel and Olu Ade")
    assert isinstance(result, c.MetCommand)
    names = [result.person.name, *(p.name for p in result.others)]
    assert names == ["Ivy Chen", "Raj Patel", "Olu Ade"]
    assert result.place == "the demo night"


def test_one_guy_is_no_part_of_the_name() -> None:
    result = dm("met a lady called Amara from Paystack, she does growth")
    assert isinstance(result, c.MetCommand) and result.person.name == "Amara"


def test_the_person_after_a_plus() -> None:
    result = dm("met jo park at devday tue + sam lee from stripe same day")
    assert isinstance(result, c.MetCommand)
    assert [result.person.name.lower(), *(p.name.lower() for p in result.others)] == [
        "jo park",
        "sam lee",
    ]


# 7. Meeting lines that were handed on as drafts.
def test_ran_into_a_lower_case_name() -> None:
    result = dm("ran into tunde at the station, he's hiring designers")
    assert isinstance(result, c.MetCommand) and result.person.name.lower() == "tunde"


def test_day_and_place_first() -> None:
    result = dm("last night at the founders dinner i meet Kofi and Esi, both in climate")
    assert isinstance(result, c.MetCommand)
    assert result.person.name == "Kofi" and [p.name for p in result.others] == ["Esi"]


def test_back_from_a_place_then_the_first_one() -> None:
    result = dm(
        "back from devday. met about 5 people. first: lin wu from acme, follow up next week"
    )
    assert isinstance(result, c.MetCommand)
    assert result.place == "devday" and result.follow_up_on == NextWeekSpec(0)


# 8. Pidgin glosses.
def test_pidgin_setting_and_privacy() -> None:
    assert isinstance(dm("my timezone na nairobi"), c.SettingsTimezoneCommand)
    result = dm("who fit see my notes?")
    assert isinstance(result, c.HelpCommand) and result.topic == "privacy"


# 9. A corrected meeting day adds no second meeting: it moves the meeting (core8,
# `tests/core/test_put_right.py`), or asks whose when nobody is named or talked about.
def test_a_corrected_day_logs_nothing() -> None:
    result = dm("Lin Wu: we met monday not today", ("Lin Wu",))
    assert isinstance(result, c.MeetingDayCommand) and result.person is not None
    assert result.person.name == "Lin Wu"
    asked = dm("oops it was tuesday, not friday", ("Lin Wu",))
    assert isinstance(asked, c.ParseFailure) and asked.asks_who


# 6. Two commands in one line.
def test_split_in_two() -> None:
    assert in_two("done ivy gave & snooze raj 3 days") == ("done ivy gave", "snooze raj 3 days")
    assert in_two("met Aisha, Ben and Chen at the meetup") is None


def test_both_commands_run(service: CoachService) -> None:
    say(service, "met Ivy Chen at the expo")
    say(service, "met Raj Patel at the expo")
    reply = say(service, "done ivy gave; then snooze raj 3 days")
    assert "Ivy Chen" in reply.text and "Raj Patel" in reply.text
    assert "Snoozed" in reply.text


def test_the_part_not_done_is_said(service: CoachService) -> None:
    say(service, "met Raj Patel at the expo")
    reply = say(service, "emailed ivy the deck, asked. also remind me to ping raj monday")
    assert "Raj Patel" in reply.text
    assert "I didn't act on" in reply.text and "done ivy asked" in reply.text


def test_one_command_read_whole(service: CoachService) -> None:
    reply = say(service, "met Tariq yesterday, follow up monday")
    assert "I didn't act on" not in reply.text and "Mon 14 Dec" in reply.text


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("met aditi rao at the expo (new contact)", "Aditi Rao"),
        ("met Aditi rao at the expo", "Aditi Rao"),
        ("met aditi again at the expo", "Aditi"),
        ("met aditi at the expo", "Aditi"),
    ],
)
def test_a_surname_typed_after_a_one_word_contact_is_kept(line: str, name: str) -> None:
    result = dm(line, ("Aditi", "Omar Haddad"))
    assert isinstance(result, c.MetCommand) and result.person.name == name


def test_an_initial_after_a_contacts_first_name_is_still_that_contact() -> None:
    result = dm("met omar h for coffee", ("Aditi", "Omar Haddad"))
    assert isinstance(result, c.MetCommand) and result.person.name != "Omar H"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("oops rename lia to Lia Moreno-Díaz", c.RenameCommand),
        ("whoops done lia", c.DoneCommand),
        ("my bad snooze lia 2 days", c.SnoozeCommand),
    ],
)
def test_a_slip_owned_before_a_command_still_runs_it(line: str, kind: type) -> None:
    assert isinstance(dm(line, ("Lia",)), kind)


@pytest.mark.parametrize(
    "line",
    [
        "lia - i only sent her a connection request, does that count?",
        "lia - i sent her a linkedin request only, she hasnt accepted. does that count?",
        "done lia right?",
    ],
)
def test_a_question_about_a_touch_marks_nothing_done(line: str) -> None:
    result = dm(line, ("Lia",))
    assert not isinstance(result, c.DoneCommand)
    if isinstance(result, c.ParseFailure):
        assert "marked nothing done" in result.message


def test_an_aside_before_a_meeting_line_is_no_name() -> None:
    result = dm("actually wait, lia i met on friday at the design week", ("Lia",))
    assert isinstance(result, c.MetCommand)
    assert result.person.name.lower() == "lia"
