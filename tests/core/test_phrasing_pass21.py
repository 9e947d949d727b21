"""Pass 21: the families writers E26 and E27 showed (issue 11, `bot/core/asked_in_passing.py`).
Every example is invented (wording not in the phrasing files), with lines that must not be read
as the command. Contacts and today as in `tests.core.phrasings` (Wed 9 Dec 2026)."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# Overdue questions in everyday words.
@pytest.mark.parametrize(
    "text",
    [
        "which reminders did I let slip?",
        "what follow-ups am I behind on",
        "any nudges I have let slip",
        "overdue follow-ups please",
        "Overdue list thx",
    ],
)
def test_overdue_asked_in_words(text: str) -> None:
    assert read(text) == {"command": "list", "filter": "overdue"}


# A reason, or "not now", before a snooze.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "slammed with board prep, snooze Omar till Thursday",
            {"command": "snooze", "person": "Omar Haddad", "date": "2026-12-10"},
        ),
        (
            "not now for Dana, maybe monday",
            {"command": "snooze", "person": "Dana Kim", "date": "2026-12-14"},
        ),
        (
            "later please - Priya, friday",
            {"command": "snooze", "person": "Priya Shah", "date": "2026-12-11"},
        ),
    ],
)
def test_a_snooze_after_a_reason(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_a_snooze_word_before_lower_case_words_is_no_snooze() -> None:
    # "push it out" names nobody: the reason-then-snooze reading needs a capitalised name.
    assert read("Omar's reminder — push it out 2 days")["person"] == "Omar Haddad"
    assert read("Sam, postpone that if you're busy, but coffee soon?") == NOT_A_COMMAND


# Removing a contact, told in words.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("take Omar out of my contacts", "Omar Haddad"),
        ("please get Priya off my network list", "Priya Shah"),
        ("Sam Lee is a dupe, remove him", "Sam Lee"),
        ("nuke Dana's contact card", "Dana Kim"),
        ("I don't want Jose in my contacts at all any more, erase him", "José Núñez"),
        ("Kai bitte löschen", "Kai Müller"),
    ],
)
def test_a_contact_removed_in_words(text: str, person: str) -> None:
    assert read(text) == {"command": "delete-contact", "person": person}


def test_a_card_asked_for_in_one_word() -> None:
    assert read("Priya Shah: info?") == {"command": "who", "person": "Priya Shah"}


# The score asked for in words, in Hindi and in German.
@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("show me a quick scorecard of my networking", "week"),
        ("send me my networking numbers pls", "week"),
        ("how am I doing this week networking wise", "week"),
        ("meri is hafte ka score kya hai", "week"),
        ("meine Statistiken für diesen Monat", "month"),
    ],
)
def test_the_score_asked_for_in_words(text: str, period: str) -> None:
    assert read(text) == {"command": "stats", "period": period}


# Reminders set "so I …", check-ins scheduled, German and Tagalog reminders.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "could you set a reminder so that I call Priya Shah on Friday",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-11"},
        ),
        (
            "schedule a catch-up with Omar Haddad for 12/15",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-15"},
        ),
        (
            "Erinnere mich übermorgen an Dana",
            {"command": "follow-up", "person": "Dana Kim", "date": "2026-12-11"},
        ),
        (
            "pwede mo ba akong i-remind to follow up kay Sam sa Monday",
            {"command": "follow-up", "person": "Sam Lee", "date": "2026-12-14"},
        ),
    ],
)
def test_reminders_asked_for_in_passing(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# Done and cancel in everyday words.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mark Priya as contacted", {"command": "done", "person": "Priya Shah"}),
        ("fertig mit Omar", {"command": "done", "person": "Omar Haddad"}),
        ("ho gaya Dana wala reminder", {"command": "done", "person": "Dana Kim"}),
        (
            "I do not need the follow-up with Jane anymore",
            {"command": "cancel", "person": "Jane Doe"},
        ),
        ("I don't need the nudge for Sam anymroe", {"command": "cancel", "person": "Sam Lee"}),
    ],
)
def test_done_and_cancel_in_words(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# Renames told with their reason.
@pytest.mark.parametrize(
    ("text", "new_name"),
    [
        ("Priya got married, pls change her surname to Rao", "Priya Rao"),
        ("Sam goes by Sammy, update his name to Sammy Lee", "Sammy Lee"),
        ("Omar told me to use his full name, Omar Al-Haddad", "Omar Al-Haddad"),
        ("Dana Kim ka naam badlo - Dana Kim-Park", "Dana Kim-Park"),
    ],
)
def test_renames_told_with_a_reason(text: str, new_name: str) -> None:
    assert read(text)["new_name"] == new_name


def test_a_name_without_its_accents() -> None:
    want = {"command": "rename", "person": "José Núñez", "new_name": "Jose Nunez"}
    assert read("José Núñez should be Jose Nunez without the accents please") == want


# Notes: "fyi …", "not for X:" (a letter short of "note"), Spanish "apunta que".
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "fyi Dana moved to the Seoul office",
            {"person": "Dana Kim", "note": "moved to the Seoul office"},
        ),
        ("not for Sam: allergic to peanuts", {"person": "Sam Lee", "note": "allergic to peanuts"}),
        ("apunta que Priya habla portugués", {"person": "Priya Shah", "note": "habla portugués"}),
    ],
)
def test_notes_said_in_passing(text: str, want: dict[str, object]) -> None:
    assert read(text) == {"command": "note", **want}


def test_a_notes_arrow_and_good_to_know_are_dropped() -> None:
    assert read("Omar -> plays the oud, add to his card")["note"] == "plays the oud"
    assert read("Jane has two kids, good to know") == {
        "command": "note",
        "person": "Jane Doe",
        "note": "has two kids",
    }


# Settings and the digest.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("what tz am I set to?", {"command": "settings", "setting": "show"}),
        (
            "I'm based in lisbon now, update my time zone",
            {"command": "settings", "setting": "timezone", "value": "Europe/Lisbon"},
        ),
        (
            "mis horas son de 8 a 16",
            {"command": "settings", "setting": "hours", "value": "08:00-16:00"},
        ),
        ("_show my settings_", {"command": "settings", "setting": "show"}),
        ("keinen Digest mehr", {"command": "digest", "action": "off"}),
        ("post the digest hre please", {"command": "digest", "action": "here"}),
        ("was steht heute an", {"command": "list"}),
    ],
)
def test_settings_and_digest_in_passing(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# A meeting with someone known by whom they work with; "re:" and "lol" around a place.
def test_a_person_known_by_someone_else() -> None:
    assert read("I met Priya's old cofounder, Lena Vogt, at the climate summit yesterday") == {
        "command": "met",
        "person": "Lena Vogt",
        "date": "2026-12-08",
        "place": "the climate summit",
        "note": "Priya's old cofounder",
    }


def test_a_topic_after_re_is_no_place_and_a_laugh_is_no_part_of_one() -> None:
    assert read("met with Sam re: the hiring plan, today") == {
        "command": "met",
        "person": "Sam Lee",
        "date": "2026-12-09",
        "note": "the hiring plan",
    }
    assert read("met Omar at re:Invent yesterday")["place"] == "re:Invent"
    assert read("just met Lena Vogt at the laundromat haha, she builds drones")["place"] == (
        "the laundromat"
    )


def test_a_lead_in_before_a_meeting_log() -> None:
    assert read("For the record: met Tomás Rey, 2026-12-03, Madrid Go meetup") == {
        "command": "met",
        "person": "Tomás Rey",
        "date": "2026-12-03",
        "place": "Madrid Go meetup",
    }


# Typos of more command and date words (`tidy.py`).
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("finshed the follow up with Omar", {"command": "done", "person": "Omar Haddad"}),
        ("forgt me please", {"command": "forget-me"}),
        (
            "remindme Priya 21 dec",
            {"command": "follow-up", "person": "Priya Shah", "date": "2026-12-21"},
        ),
        (
            "set my timezome to Asia/Tokyo",
            {"command": "settings", "setting": "timezone", "value": "Asia/Tokyo"},
        ),
    ],
)
def test_more_typos(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


def test_last_night_misspelt_is_yesterday() -> None:
    assert read("drinks with Dana last nigth")["date"] == "2026-12-08"


# Small talk that opens with a command word stays chat.
@pytest.mark.parametrize(
    "text",
    [
        "met my step goal today 🎉",
        "met anyone fun recently?",
        "who even invented daylight saving",
        "help! I'm buried in intro requests",
    ],
)
def test_small_talk_that_opens_like_a_command(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


def test_a_real_meeting_or_question_still_reads() -> None:
    assert read("met my old manager Jane at the airport")["command"] == "met"
    assert read("who is Omar")["command"] == "who"
    assert read("help")["command"] == "help"
