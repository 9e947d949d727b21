"""Pass 12: the classes of everyday lines writers E15 and E16 wrote that no reading took.

Each test uses lines that appear in no phrasing file: variants of each class, written by hand,
and the lines that must stay as they were (drafts, chat, renames).
"""

from __future__ import annotations

import pytest

from bot.core.parser import parse_command
from bot.core.tidy import fix_typos
from tests.core.phrasings import CONTACTS, as_schema

TODAY = "2026-12-09"
YESTERDAY = "2026-12-08"


def parsed(text: str) -> dict[str, object]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# Class 1: a meeting logged with the person named first, then fields or a clause.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ingrid Solberg, bergen, yesterday - runs a salmon farm, wants sensors",
            {"person": "Ingrid Solberg", "place": "bergen", "date": YESTERDAY,
             "note": "runs a salmon farm, wants sensors"},
        ),
        (
            "Tomasz Kowal. Gdańsk. This morning. Builds ship software",
            {"person": "Tomasz Kowal", "place": "Gdańsk", "date": TODAY,
             "note": "Builds ship software"},
        ),
        (
            "Lerato Dube — met her at the Cape Town fintech mixer last night, she does payments",
            {"person": "Lerato Dube", "place": "the Cape Town fintech mixer", "date": YESTERDAY,
             "note": "she does payments"},
        ),
        (
            "Malik Hassan came to our demo day at the Austin office today — wants a pilot",
            {"person": "Malik Hassan", "place": "the Austin office", "date": TODAY,
             "note": "wants a pilot"},
        ),
        (
            "Nora Berg, video call, yesterday — runs a fintech in Oslo",
            {"person": "Nora Berg", "date": YESTERDAY, "note": "runs a fintech in Oslo"},
        ),
        (
            "sven larsen (a friend of Kai) was at the same table at the gala last night. CFO",
            {"person": "sven larsen", "place": "the gala", "date": YESTERDAY, "note": "CFO"},
        ),
        (
            "Rui Costa from the Porto office — met him on a zoom this morning, wants a mentor",
            {"person": "Rui Costa", "date": TODAY, "note": "wants a mentor"},
        ),
    ],
)  # fmt: skip
def test_a_meeting_told_with_the_person_first(text: str, want: dict[str, object]) -> None:
    assert parsed(text) == {"command": "met", **want}


# Class 2: a reminder told with the person first, the request to the bot last.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Hugo Lambert wants the pricing deck — remind me Friday at 10",
            {"person": "Hugo Lambert", "date": "2026-12-11", "time": "10:00",
             "note": "wants the pricing deck"},
        ),
        (
            "Mei Tanaka is waiting on our SOC2 report, need to follow up by Monday",
            {"person": "Mei Tanaka", "date": "2026-12-14", "note": "waiting on our SOC2 report"},
        ),
        (
            "Ravi Kumar — ping 12/18",
            {"person": "Ravi Kumar", "date": "2026-12-18"},
        ),
        (
            "Lena Vogel — chase up next week re the invoice",
            {"person": "Lena Vogel", "date": "2026-12-14", "note": "re the invoice"},
        ),
    ],
)  # fmt: skip
def test_a_reminder_told_with_the_person_first(text: str, want: dict[str, object]) -> None:
    assert parsed(text) == {"command": "follow-up", **want}


# Class 3: a status or a new day said of one contact's reminder, in the fewest words.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Priya done — she replied!", {"command": "done", "person": "Priya Shah"}),
        ("Omar's done. talked this morning", {"command": "done", "person": "Omar Haddad"}),
        ("Kai follow-up: sorted", {"command": "done", "person": "Kai Müller"}),
        ("that Sam Lee follow-up - handled", {"command": "done", "person": "Sam Lee"}),
        ("Jane follow-up: cancel", {"command": "cancel", "person": "Jane Doe"}),
        ("zoe → dec 18", {"command": "snooze", "person": "Zoë Ça", "date": "2026-12-18"}),
        ("omar → 2 more days", {"command": "snooze", "person": "Omar Haddad", "days": 2}),
        ("Dana: +4 days", {"command": "snooze", "person": "Dana Kim", "days": 4}),
        ("#6 → push 5 days", {"command": "snooze", "person": "Dana Kim", "days": 5}),
    ],
)
def test_a_status_or_day_said_of_a_reminder(text: str, want: dict[str, object]) -> None:
    assert parsed(text) == want


def test_a_rename_to_a_real_name_stays_a_rename() -> None:
    assert parsed("Dana → Dana Kim-Park") == {
        "command": "rename",
        "person": "Dana Kim",
        "new_name": "Dana Kim-Park",
    }


# Class 4: a weekday typed with a capital and one slip, and "lsat".
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("on Fridya", "on Friday"),
        ("next Tusday", "next Tuesday"),
        ("Thrusday", "Thursday"),
        ("Wendesday", "Wednesday"),
        ("lsat night", "last night"),
    ],
)
def test_a_weekday_with_one_slip(typed: str, meant: str) -> None:
    assert fix_typos(typed) == meant


def test_a_capitalised_name_near_a_weekday_stays() -> None:
    assert fix_typos("Sundar and Fridah") == "Sundar and Fridah"


def test_a_meeting_with_a_misspelt_weekday() -> None:
    got = parsed("Talked w/ Ana Reyes at the Lisbon fair on Tusday, she sells cork")
    assert got["date"] == YESTERDAY
    assert got["place"] == "the Lisbon fair"


# What must stay no command: drafts and chat that start with a name or a title.
@pytest.mark.parametrize(
    "text",
    [
        "Dr. Mensah, your talk on malaria data was eye-opening.",
        "Merci Camille! The Lyon intros were gold.",
        "Kiitos Aino, the sauna was great",
        "Hi Rosa, we met at the fair yesterday — would love to stay in touch",
        "Rosa Diaz, loved your talk at the fair yesterday",
        "the reminder came two days late",
        "not really, we only spoke for a minute",
        "Launch done — finally!",
        "I'm OOO until the 14th",
    ],
)
def test_drafts_and_chat_stay_no_command(text: str) -> None:
    assert parsed(text) == {"command": "chat-or-review"}
