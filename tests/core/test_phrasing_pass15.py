"""Pass 15: drafts and chat that were read as commands, then everyday phrasings of the newest
writers. Every example is invented (names, places and wording not in the phrasing files), with
lines that must not be read as the command."""

from __future__ import annotations

from datetime import time

import pytest

from bot.core.day_in_the_note import day_in_the_note
from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# A letter's salutation in another language opens a draft to that person.
@pytest.mark.parametrize(
    "text",
    [
        "Cher Mathieu, ravi de notre rencontre hier soir. Je vous écris lundi.",
        "Querida Lucía, gracias por el almuerzo del martes, te escribo pronto.",
        "Estimado Martín, fue un gusto conocerte ayer en la feria.",
        "Liebe Greta, schön dass wir uns gestern getroffen haben!",
        "Cara Giulia, è stato bello conoscerti ieri al convegno.",
    ],
)
def test_a_salutation_in_any_language_opens_a_draft(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


# A meeting still to come is no meeting to log.
@pytest.mark.parametrize(
    "text",
    [
        "gotta run, off to meet Ines Carvalho",
        "about to meet Dana Kim at the cafe",
        "heading to meet Sam Lee for lunch",
        "meeting Tomas Berg later, wish me luck",
        "meeting with Kai tomorrow at the office",
    ],
)
def test_a_meeting_still_to_come_is_no_meeting(text: str) -> None:
    assert read(text)["command"] != "met"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("met Ines Carvalho at the book fair yesterday", "Ines Carvalho"),
        ("had lunch with Sam Lee today, he is off to Lisbon", "Sam Lee"),
    ],
)
def test_a_meeting_that_happened_is_still_logged(text: str, person: str) -> None:
    got = read(text)
    assert got["command"] == "met" and got["person"] == person


# "nope, wrong one": a no to what the coach picked, not a request for help.
@pytest.mark.parametrize(
    "text", ["nope, wrong one", "no, not that one", "no, wrong person", "nah, the other one"]
)
def test_a_no_to_the_wrong_pick_is_chat(text: str) -> None:
    assert read(text) == {"command": "chat", "intent": "no"}


def test_a_note_word_after_no_is_still_a_note() -> None:
    assert read("note Dana Kim: wrong one on the badge")["command"] == "note"


# Where the member is, then the zone asked for by its place's time, or how long they stay.
@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("I'm in Paris this week, change tz to Paris time", "Europe/Paris"),
        ("I'm in Chicago now, switch to central time", "America/Chicago"),
        ("I'm in Sydney for the next month, switch my timezone", "Australia/Sydney"),
    ],
)
def test_a_stay_then_the_zone_sets_the_timezone(text: str, zone: str) -> None:
    assert read(text) == {"command": "settings", "setting": "timezone", "value": zone}


@pytest.mark.parametrize(
    "text", ["I'm in Lisbon this week, switch to the new deck", "switch to the other slides"]
)
def test_switching_something_else_is_no_timezone(text: str) -> None:
    assert read(text)["command"] != "settings"


# A reminder asked as a question, then its note: the note starts after the question mark.
@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Can you remind me to call Ines Carvalho on Friday? the grant", "the grant"),
        (
            "could you set a reminder for Sam Lee tomorrow? want to send him the slides",
            "send him the slides",
        ),
    ],
)
def test_a_reminder_asked_then_its_note(text: str, note: str) -> None:
    got = read(text)
    assert got["command"] == "follow-up" and got["note"] == note


def test_a_note_that_is_a_question_keeps_its_words() -> None:
    got = read("remind me to ask Sam Lee on Friday: do you want to join the panel?")
    assert got["command"] == "follow-up" and got["note"] == "do you want to join the panel"


# An export asked for as a file of one's contacts, in English or Spanish.
@pytest.mark.parametrize(
    "text",
    [
        "send me an excel sheet of my contacts",
        "could I have a spreadsheet of all my notes",
        "can I get a csv of everyone",
        "exportar todos mis contactos por favor",
    ],
)
def test_a_file_of_ones_contacts_is_an_export(text: str) -> None:
    assert read(text) == {"command": "export"}


@pytest.mark.parametrize(
    "text",
    [
        "send me a spreadsheet of the budget",
        "can I get a csv of everyone who came to the party?",
        "Hi Dana, could you send me a spreadsheet of the attendees?",
    ],
)
def test_a_file_of_something_else_is_no_export(text: str) -> None:
    assert read(text)["command"] != "export"


# A reminder no longer needed, said of the errand: "I don't need to ping X after all".
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("I don't need to ping Ines Carvalho after all", "Ines Carvalho"),
        ("i dont need to chase Sam Lee anymore", "Sam Lee"),
        ("ya no hace falta el recordatorio de Tomas Berg", "Tomas Berg"),
    ],
)
def test_an_errand_no_longer_needed_cancels(text: str, person: str) -> None:
    assert read(text) == {"command": "cancel", "person": person}


@pytest.mark.parametrize(
    "text",
    [
        "I don't need to email the report anymore",
        "Thanks Ines, you don't need to ping me after all",
    ],
)
def test_an_errand_with_no_one_named_cancels_nothing(text: str) -> None:
    assert read(text)["command"] != "cancel"


# A reminder's day left in its note: at the edge of a clause, it is the reminder's day.
@pytest.mark.parametrize(
    ("text", "date", "note"),
    [
        (
            "Ines Carvalho. Follow-up Dec 28. Ask about the grant",
            "2026-12-28",
            "Ask about the grant",
        ),
        ("I owe Tomas Berg a call back on the lease. Follow up in 4 days", "2026-12-13", None),
        ("Reminder: Tomas Berg — send him the floor plan on the 22nd", "2026-12-22", None),
    ],
)
def test_a_day_left_in_the_note_is_the_reminders_day(
    text: str, date: str, note: str | None
) -> None:
    got = read(text)
    assert got["command"] == "follow-up" and got["date"] == date
    if note is not None:
        assert got["note"] == note


def test_a_day_inside_a_clause_stays_in_the_note() -> None:
    assert day_in_the_note("about the Dec 28 launch") is None
    assert day_in_the_note("the report due Friday is late, ask why") is None
    assert day_in_the_note("the early-bird price ends Monday, sign up!") is None


def test_the_ask_and_time_beside_the_day_leave_the_note() -> None:
    found = day_in_the_note("send the deck — remind me tomorrow 9am")
    assert found is not None
    assert (found.note, found.at) == ("send the deck", time(9, 0))


# A note told after the name: "X — note that …".
@pytest.mark.parametrize(
    ("text", "person", "note"),
    [
        ("Tomas Berg — note that he hates phone calls", "Tomas Berg", "he hates phone calls"),
        ("Sam: pls note down that he moved to Oslo", "Sam Lee", "he moved to Oslo"),
    ],
)
def test_a_note_told_after_the_name(text: str, person: str, note: str) -> None:
    assert read(text) == {"command": "note", "person": person, "note": note}


@pytest.mark.parametrize(
    "text", ["Hi Tomas — note that the venue changed", "Dana, note that I'll be late tomorrow"]
)
def test_a_note_that_speaks_to_someone_is_a_draft(text: str) -> None:
    assert read(text)["command"] != "note"
