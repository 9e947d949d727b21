"""Pass 20: the families writers E24 and E25 showed (issue 11). Every example is invented
(names, places and wording not in the phrasing files), with lines that must not be read as the
command. Contacts and today as in `tests.core.phrasings` (Wed 9 Dec 2026)."""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, NOT_A_COMMAND, as_schema


def read(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# A weekday "next week" is that day of the week after this one (`when.py`).
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("follow up with Omar monday next week", "2026-12-14"),
        ("remind me to call Dana on Wednesday of next week", "2026-12-16"),
        ("ping Priya the friday of next week", "2026-12-18"),
    ],
)
def test_a_weekday_of_next_week(text: str, day: str) -> None:
    assert read(text)["date"] == day


# One-slip typos of more command words (`tidy.py`), and real words left alone.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("anythign overdue?", {"command": "list", "filter": "overdue"}),
        ("what do i konw about Dana", {"command": "who", "person": "Dana Kim"}),
        ("mark Omar compelte", {"command": "done", "person": "Omar Haddad"}),
        ("stoer drafts off", {"command": "settings", "setting": "store-drafts", "value": "off"}),
        ("wat is overdue", {"command": "list", "filter": "overdue"}),
        ("kil the Omar reminder", {"command": "cancel", "person": "Omar Haddad"}),
        (
            "turn of shoutouts please",
            {"command": "settings", "setting": "shoutouts", "value": "off"},
        ),
        (
            "go ahead and save my drafts, I do not mind",
            {"command": "settings", "setting": "store-drafts", "value": "on"},
        ),
        ("completed the follow-up with Kai", {"command": "done", "person": "Kai Müller"}),
    ],
)
def test_typos_and_consent(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


@pytest.mark.parametrize("text", ["my knee is sore today", "I tore the flyer at the expo"])
def test_real_words_next_to_a_command_word(text: str) -> None:
    assert read(text) == NOT_A_COMMAND


# Families read as the command line they mean (`said_another_way.py`).
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ok done for the day, bye!", {"command": "chat", "intent": "bye"}),
        ("im done for now, later", {"command": "chat", "intent": "bye"}),
        ("follow-up #6 is finished", {"command": "done", "person": "Dana Kim"}),
        ("nudge 6 done", {"command": "done", "person": "Dana Kim"}),
        ("follow up w/ Omar Haddad - sent", {"command": "done", "person": "Omar Haddad"}),
        ("emailed Dana the slides, that's done", {"command": "done", "person": "Dana Kim"}),
        ("Omar ✅ at last", {"command": "done", "person": "Omar Haddad"}),
        ("trash Omar's card", {"command": "delete-contact", "person": "Omar Haddad"}),
        ("I want Sam gone for good", {"command": "delete-contact", "person": "Sam Lee"}),
        (
            "I don't want Dana on my list anymore, get her out",
            {"command": "delete-contact", "person": "Dana Kim"},
        ),
        (
            "I want to delete Omar from contacts, he left the industry",
            {"command": "delete-contact", "person": "Omar Haddad"},
        ),
        (
            "remove everything you know about Dana",
            {"command": "delete-contact", "person": "Dana Kim"},
        ),
        ("delete all of my data from the bot", {"command": "forget-me"}),
        (
            "Dana's name has a typo, it should be Dana Kym",
            {"command": "rename", "person": "Dana Kim", "new_name": "Dana Kym"},
        ),
        (
            "Kai is actually spelled Kay Müller - update it",
            {"command": "rename", "person": "Kai Müller", "new_name": "Kay Müller"},
        ),
        (
            "correct the name: Dana Kim is really Dana Kimura",
            {"command": "rename", "person": "Dana Kim", "new_name": "Dana Kimura"},
        ),
        (
            "Omar is Omar Al-Haddad, fix his name",
            {"command": "rename", "person": "Omar Haddad", "new_name": "Omar Al-Haddad"},
        ),
        (
            "Sam prefers Samuel Lee now, change it",
            {"command": "rename", "person": "Sam Lee", "new_name": "Samuel Lee"},
        ),
        (
            "Priya got married - it's now Priya Shah-Rao",
            {"command": "rename", "person": "Priya Shah", "new_name": "Priya Shah-Rao"},
        ),
        (
            "Sam ka naam galat hai, Samuel Lee kar do",
            {"command": "rename", "person": "Sam Lee", "new_name": "Samuel Lee"},
        ),
        ("Dana Kim contact info pls", {"command": "who", "person": "Dana Kim"}),
        ("Omar - card", {"command": "who", "person": "Omar Haddad"}),
        (
            "what's Dana's story again? where did we meet",
            {"command": "who", "person": "Dana Kim"},
        ),
        ("que tengo pendientes para hoy", {"command": "list"}),
        ("kis kis ko follow-up karna hai", {"command": "list"}),
        (
            "Omar's follow-up - 5 more days",
            {"command": "snooze", "person": "Omar Haddad", "days": 5},
        ),
        (
            "Dana ka follow up 2 din aage kar do",
            {"command": "snooze", "person": "Dana Kim", "days": 2},
        ),
        ("snooze Omar 72 hours", {"command": "snooze", "person": "Omar Haddad", "days": 3}),
        (
            "push my follow-up with Sam to Monday",
            {"command": "snooze", "person": "Sam Lee", "date": "2026-12-14"},
        ),
        (
            "I keep meaning to email Teodora Vass. remind me friday",
            {"command": "follow-up", "person": "Teodora Vass", "date": "2026-12-11"},
        ),
        (
            "would be nice to catch up with Omar in 2 weeks or so",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-23"},
        ),
        (
            "no nudges after 6pm, start at 9am",
            {"command": "settings", "setting": "hours", "value": "09:00-18:00"},
        ),
        (
            "visiting family in Lisbon for a month, so switch my timezone to Lisbon",
            {"command": "settings", "setting": "timezone", "value": "Europe/Lisbon"},
        ),
        (
            "I'm in Tokyo now, chnage my timezone",
            {"command": "settings", "setting": "timezone", "value": "Asia/Tokyo"},
        ),
        ("show me my score is mahine", {"command": "stats", "period": "month"}),
        ("when do I use snooze?", {"command": "help", "topic": "snooze"}),
        (
            "Omar ka anniversary 4 Feb hai, note kar do",
            {"command": "note", "person": "Omar Haddad", "note": "anniversary 4 Feb"},
        ),
        (
            "ad note for Dana: plays cello",
            {"command": "note", "person": "Dana Kim", "note": "plays cello"},
        ),
        (
            "FOLLOW UP WITH OMAR FRIDAY",
            {"command": "follow-up", "person": "Omar Haddad", "date": "2026-12-11"},
        ),
    ],
)
def test_families_said_another_way(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


# Meetings logged as fields, and a day said in a sentence of its own.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met: Ilse Brandt, yesterday, note: runs a bakery chain",
            {"person": "Ilse Brandt", "date": "2026-12-08", "note": "runs a bakery chain"},
        ),
        (
            "log: met Tuan Pham today, where: Hanoi fintech night, note: angel investor",
            {
                "person": "Tuan Pham",
                "date": "2026-12-09",
                "place": "Hanoi fintech night",
                "note": "angel investor",
            },
        ),
        (
            "met: Ilse Brandt | 12/3 | Munich design week | ceramics",
            {
                "person": "Ilse Brandt",
                "date": "2026-12-03",
                "place": "Munich design week",
                "note": "ceramics",
            },
        ),
        (
            "met Tuan Pham monday, Hanoi product meetup, PM at a bank",
            {
                "person": "Tuan Pham",
                "date": "2026-12-07",
                "place": "Hanoi product meetup",
                "note": "PM at a bank",
            },
        ),
        (
            "Had lunch with Ilse Brandt and talked about ovens. That was Thursday.",
            {"person": "Ilse Brandt", "date": "2026-12-03", "note": "talked about ovens"},
        ),
        (
            "Finally met Tuan Pham in person at the Hanoi fintech night yesterday",
            {"person": "Tuan Pham", "date": "2026-12-08", "place": "the Hanoi fintech night"},
        ),
    ],
)
def test_meetings_as_fields(text: str, want: dict[str, object]) -> None:
    assert read(text) == {"command": "met", **want}


# What is left around a note or place once the command is read.
@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Omar — plays padel, add that to notes", "note", "plays padel"),
        ("Dana runs marathons fyi, save that", "note", "runs marathons"),
        ("met Ilse Brandt at the bakery expo, loves rye 😍", "note", "loves rye"),
        (
            "new contact: Ilse Brandt (met 12/3, Munich design week) - potter",
            "place",
            "Munich design week",
        ),
    ],
)
def test_what_is_left_around_a_note(text: str, key: str, value: str) -> None:
    assert read(text)[key] == value


def test_forgot_to_log_is_no_note() -> None:
    got = read("Omar and I met at the climate summit on 11/30 — forgot to log it")
    assert "note" not in got and got["place"] == "the climate summit"


# Lines that only start like a command.
@pytest.mark.parametrize(
    "text",
    [
        "Subject: quick intro — Ilse / Tuan. Hi both, meet each other!",
        "Follow up: Hi Dana, just checking you got the deck. Best, Lee",
        "follow up question: do you sleep?",
        "I met so many people at the expo my feet hurt",
        "list of reasons I love mondays: none",
        "I want the spam gone",
        "Dana's contact with the vendor went well",
    ],
)
def test_lines_that_only_look_like_commands(text: str) -> None:
    got = read(text)
    assert got == NOT_A_COMMAND or got.get("command") not in {"delete-contact", "who", "met"}
    assert got.get("command") not in {"follow-up", "met", "delete-contact"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met Ilse Brandt on 11-30-2026 at the bakery expo",
            {
                "command": "met",
                "person": "Ilse Brandt",
                "place": "the bakery expo",
                "date": "2026-11-30",
            },
        ),
        ("chalo cancel the Dana follow-up", {"command": "cancel", "person": "Dana Kim"}),
        ("ho gaya, Omar ko email bhej diya", {"command": "done", "person": "Omar Haddad"}),
    ],
)
def test_dashed_dates_and_hindi(text: str, want: dict[str, object]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text", ["met like 15 people at the fair, exhausted", "I met 10-12 people at the mixer lol"]
)
def test_a_crowd_is_no_contact(text: str) -> None:
    assert read(text) == NOT_A_COMMAND
