"""The sixth pass's classes of everyday phrasing, each shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from tests.core.phrasings import CONTACTS, as_schema


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


def parsed(text: str) -> object:
    return parse_command(text, direct_message=True, known_names=CONTACTS)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("follow-up lena wed", {"command": "follow-up", "person": "lena", "date": "2026-12-16"}),
        ("follow-up Ravi sat", {"command": "follow-up", "person": "Ravi", "date": "2026-12-12"}),
        ("snooze kai mon", {"command": "snooze", "person": "Kai Müller", "date": "2026-12-14"}),
    ],
)
def test_a_short_weekday_right_after_a_name_is_a_day(text: str, want: dict[str, Any]) -> None:
    assert understood(text) == want


def test_a_short_weekday_after_a_subject_stays_a_word() -> None:
    assert not isinstance(parsed("she sat"), c.FollowUpCommand | c.SnoozeCommand)


@pytest.mark.parametrize(
    "text", ["can u check this one", "could you look at that one?", "pls review this one"]
)
def test_asking_for_a_review_of_this_one_with_no_draft_asks_for_the_draft(text: str) -> None:
    assert parsed(text) == c.ChatCommand("draft-to-come")


@pytest.mark.parametrize(
    "text",
    ["who can see my contacts?", "who else can read my drafts", "who has access to my notes?"],
)
def test_who_can_see_my_data_is_a_question_about_privacy(text: str) -> None:
    assert parsed(text) == c.HelpCommand(topic="privacy")


@pytest.mark.parametrize(
    "text", ["sure, makes sense", "ok makes sense", "got it", "gotcha!", "yep, understood"]
)
def test_an_acknowledgement_is_chat_and_no_yes(text: str) -> None:
    assert parsed(text) == c.ChatCommand("ack")
