"""A meeting still to come ("I'm meeting Tom Baker on Thursday") is not logged: it used to be
logged as a meeting last Thursday, or refused as "in the future" with no word on what to do."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from bot.core.service import CoachService
from coach_rules.review import Review
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # a Monday


def never_flags(draft: str) -> Review:
    return Review(flagged=False, score=95, probability=0.05)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    return CoachService(store, never_flags, clock)


AHEAD = [
    ("I'm meeting Tom Baker on Thursday for coffee", "Tom Baker", "Thu 10 Dec"),
    ("we're having lunch with Priya Shah friday", "Priya Shah", "Fri 11 Dec"),
    ("seeing Omar Haddad tomorrow for lunch", "Omar Haddad", "Tue 8 Dec"),
    ("catching up with Dana Kim tomorrow", "Dana Kim", "Tue 8 Dec"),
    ("meeting Lena Park thursday", "Lena Park", "Thu 10 Dec"),
    ("met Ana Reyes next week", "Ana Reyes", "Mon 14 Dec"),
    ("gonna meet Kai Lund at the summit", "Kai Lund", None),
]


@pytest.mark.parametrize(("line", "person", "day"), AHEAD)
def test_a_meeting_to_come_is_not_logged_and_says_when_to_log_it(
    service: CoachService, store: SqlStore, line: str, person: str, day: str | None
) -> None:
    reply = say(service, line)
    assert reply.text.startswith(f"Enjoy meeting {person}")
    assert (f" on {day}!" in reply.text) == (day is not None)
    assert f"`met {person}" in reply.text
    assert "10-day window" in reply.text
    assert due_by_name(store) == {}


def test_the_place_said_is_in_the_command_to_log_it(service: CoachService) -> None:
    assert "`met Kai Lund at the summit`" in say(service, "gonna meet Kai Lund at the summit").text


PAST = [
    "met Tom Baker on Thursday",
    "had coffee with Tom Baker on Friday",
    "I met Omar Haddad tonight at the gala",
    "met Ana Lopez at PyCon yesterday, she is meeting investors next week",
    "Meeting w/ Rebecca Stone today @ the Deloitte office, she runs talent",
    "Meeting log — Omar Haddad @ GITEX Dubai, 2 days ago",
]


@pytest.mark.parametrize("line", PAST)
def test_a_meeting_that_happened_is_still_logged(line: str) -> None:
    assert isinstance(parse_command(line, direct_message=True), c.MetCommand)


@pytest.mark.parametrize(
    "line",
    [
        "Hi Tom, I'm meeting your CTO on Thursday, anything I should bring?",
        "I'm seeing you Thursday at the summit, can't wait",
    ],
)
def test_a_line_said_to_someone_is_no_meeting_to_come(line: str) -> None:
    parsed = parse_command(line, direct_message=True)
    assert not (isinstance(parsed, c.NotACommand) and parsed.ahead is not None)
