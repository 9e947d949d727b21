"""The ninth pass's classes of everyday phrasing, shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ditch the tom nguyen follow-up", {"command": "cancel", "person": "tom nguyen"}),
        ("cancel the reminder for lena kowalski", {"command": "cancel", "person": "lena kowalski"}),
        ("unschedule the dana followup", {"command": "cancel", "person": "Dana Kim"}),
        (
            "hold off on the aisha bello reminder for 3 days",
            {"command": "snooze", "person": "aisha bello", "days": 3},
        ),
    ],
)
def test_a_reminder_named_by_a_lower_case_name_is_that_persons(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["scrap the team reminder", "kill the board meeting reminder"])
def test_a_reminder_for_a_thing_names_nobody_new(text: str) -> None:
    assert understood(text) == {"command": "chat-or-review"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("priya doen", {"command": "done", "person": "Priya Shah"}),
        (
            "cuaght up with omar yesterday",
            {"command": "met", "person": "Omar Haddad", "date": "2026-12-08"},
        ),
        (
            "had luch with sam today",
            {"command": "met", "person": "Sam Lee", "date": "2026-12-09"},
        ),
        ("weekyl stats pls", {"command": "stats", "period": "week"}),
    ],
)
def test_a_one_slip_typo_of_a_command_word_is_read_as_the_word(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "omar haddad should be Omar El Haddad, my bad",
            {"command": "rename", "person": "Omar Haddad", "new_name": "Omar El Haddad"},
        ),
        (
            "I got the name wrong, Dana Kim should be Dana Kimm",
            {"command": "rename", "person": "Dana Kim", "new_name": "Dana Kimm"},
        ),
        (
            "typo: lena kowalski should be Lena Kowalska-Nowak",
            {"command": "rename", "person": "lena kowalski", "new_name": "Lena Kowalska-Nowak"},
        ),
        (
            "marco bianchi should be Marco Bianchi Rossi",
            {"command": "rename", "person": "marco bianchi", "new_name": "Marco Bianchi Rossi"},
        ),
        (
            "rename Sam Lee to Sam L.",
            {"command": "rename", "person": "Sam Lee", "new_name": "Sam L."},
        ),
    ],
)
def test_a_correction_owned_as_a_slip_renames(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize("text", ["the deck should be The Deck v2", "sorry, I was late"])
def test_a_sentence_with_should_be_is_no_rename(text: str) -> None:
    assert understood(text)["command"] != "rename"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("who am I meant to follow up with today", {"command": "list"}),
        ("pull up the full list", {"command": "list", "filter": "all"}),
        ("show me the overdue ones", {"command": "list", "filter": "overdue"}),
    ],
)
def test_the_list_asked_for_in_everyday_words(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pull up omar's details", {"command": "who", "person": "Omar Haddad"}),
        ("kai's info pls", {"command": "who", "person": "Kai Müller"}),
        ("profile for Priya Shah", {"command": "who", "person": "Priya Shah"}),
    ],
)
def test_a_contacts_card_asked_for_by_whose_it_is(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_ones_own_profile_is_no_card() -> None:
    assert understood("update my profile")["command"] != "who"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("remind me to call priya tomorrow evening at 8", "20:00"),
        ("ping sam friday night at 9", "21:00"),
        ("ping sam friday at 9", "09:00"),
    ],
)
def test_an_hour_said_after_evening_or_night_is_in_the_evening(text: str, time: str) -> None:
    assert understood(text)["time"] == time


def test_a_log_ended_by_a_full_stop_leaves_none_in_its_note() -> None:
    got = understood("ran into sam lee at the airport this morning. he's moving to Lisbon")
    assert got["note"] == "he's moving to Lisbon"


def test_a_log_in_fields_name_day_place_note_keeps_its_place() -> None:
    got = understood("met Lena Kowalski, 12/3, Warsaw office — runs the payments team")
    assert (got["place"], got["note"]) == ("Warsaw office", "runs the payments team")


def test_a_field_after_the_day_that_says_something_stays_the_note() -> None:
    got = understood("met Jane Doe, yesterday, Great guy, loves rust")
    assert "place" not in got and got["note"] == "Great guy, loves rust"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Emailed the slides to Dana, you can check that off",
            {"command": "done", "person": "Dana Kim"},
        ),
        ("nah, forget it", {"command": "chat", "intent": "no"}),
        ("nuke kai müller", {"command": "delete-contact", "person": "Kai Müller"}),
        (
            "priya and me had drinks yesterday",
            {"command": "met", "person": "Priya Shah", "date": "2026-12-08"},
        ),
    ],
)
def test_everyday_words_for_done_no_delete_and_a_meeting(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_nuking_everything_is_still_forget_me() -> None:
    assert understood("nuke all my stuff")["command"] == "forget-me"


def test_a_real_word_one_letter_from_a_command_word_is_no_typo() -> None:
    got = understood("ping priya in a week about the launch retro")
    assert got["note"] == "about the launch retro"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Dana's surname is now Park, pls update",
            {"command": "rename", "person": "Dana Kim", "new_name": "Dana Park"},
        ),
        (
            "jane got married and took her wife's name, she's Jane Okafor now",
            {"command": "rename", "person": "Jane Doe", "new_name": "Jane Okafor"},
        ),
    ],
)
def test_a_new_last_name_told_as_news_renames(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Reminder please: email Omar on friday",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-11"},
        ),
        (
            "had chai with jose yesterday, he's hiring",
            {"command": "met", "person": "José Núñez", "date": "2026-12-08", "note": "he's hiring"},
        ),
    ],
)
def test_a_reminder_asked_for_with_a_colon_and_a_meeting_over_chai(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "can you remind me to follow up with lena kowalski in 2 days",
            {"command": "follow-up", "person": "lena kowalski", "date": "2026-12-11"},
        ),
        (
            "remind me to write tom nguyen next week abt the offer",
            {
                "command": "follow-up",
                "person": "tom nguyen",
                "date": "2026-12-14",
                "note": "abt the offer",
            },
        ),
    ],
)
def test_a_long_ask_leaves_room_for_a_lower_case_name(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_met_glued_to_a_contacts_first_name_in_lower_case_is_split() -> None:
    got = understood("i metomar at the mosque today")
    assert (got["command"], got["person"], got["place"]) == ("met", "Omar Haddad", "the mosque")


def test_met_glued_to_a_word_that_names_no_contact_stays_glued() -> None:
    assert understood("i metabolise coffee fast")["command"] != "met"


def test_the_bot_named_before_a_comma_is_no_part_of_the_request() -> None:
    got = understood("hi bot, remind me to email Priya tomorrow at 9")
    assert (got["command"], got["date"], got["time"]) == ("follow-up", "2026-12-10", "09:00")
    assert understood("bot is broken") == {"command": "chat-or-review"}


def test_a_log_in_fields_may_say_the_place_after_the_meal() -> None:
    got = understood("priya shah - lunch at the noodle bar yesterday")
    assert (got["command"], got["place"], got["date"]) == ("met", "the noodle bar", "2026-12-08")


def test_a_meal_at_an_hour_is_no_log_in_fields() -> None:
    assert understood("Hi Dana - coffee at 3 tomorrow")["command"] != "met"
