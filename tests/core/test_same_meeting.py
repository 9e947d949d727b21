"""Someone else met at the last meeting's place and day: "and Tom from stripe too", "also met
Carla there", "met Ravi at the same event"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.parser import parse_command
from bot.core.service import CoachService
from tests.core.conversation import say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


def dm(line: str) -> c.Parsed:
    return parse_command(line, direct_message=True, known_names=("Ada Obi",))


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("and Wen from Grab too", "Wen", "from Grab"),
        ("also met Lucas Moreau there", "Lucas Moreau", None),
        ("oh and Dami (the PM) as well", "Dami", "the PM"),
        ("plus Inés Calvo, wants the slides", "Inés Calvo", "wants the slides"),
        ("met Ravi Iyer at the same event", "Ravi Iyer", None),
        ("met ravi there as well, does infra", "ravi", "does infra"),
    ],
)
def test_a_meeting_where_the_last_one_was(line: str, name: str, note: str | None) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand) and result.as_before
    assert (result.person.name, result.note, result.place, result.when) == (name, note, None, None)


@pytest.mark.parametrize(
    "line",
    [
        "and thanks too",
        "and there was free pizza",
        "met Lucas at the expo, he was there too",
        "met Lucas, he has worked there for years",
        "also, how does snooze work?",
    ],
)
def test_lines_that_are_not_about_the_last_meeting(line: str) -> None:
    result = dm(line)
    assert not (isinstance(result, c.MetCommand) and result.as_before)


def test_the_place_and_day_come_from_the_last_logged_meeting(
    store: SqlStore, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 9, 15, 0, tzinfo=UTC))  # a Wednesday
    service = CoachService(store, fake_review, clock)
    say(service, "met Mei Tan at the data council on monday")
    reply = say(service, "and Wen from Grab too")
    assert reply.text.startswith("Logged: you met **Wen** at the data council on Mon 7 Dec")
    assert "(note: from Grab)" in reply.text


def test_with_no_meeting_logged_yet_it_is_today_and_nowhere(
    store: SqlStore, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 9, 15, 0, tzinfo=UTC))
    service = CoachService(store, fake_review, clock)
    reply = say(service, "also met Lucas Moreau there")
    assert reply.text.startswith("Logged: you met **Lucas Moreau** on Wed 9 Dec")
