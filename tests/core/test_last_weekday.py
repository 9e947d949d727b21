""" "last tuesday" is the most recent Tuesday before today; "tuesday last week" the week before's.

One convention, said in help (the "dates" page) and the README: the writers of four of the five
development files meant the most recent day, and every reply shows the day used.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.dates import LAST_WEEKDAY_RULE, resolve_future, resolve_past
from bot.core.help import command_reply
from bot.core.parser import parse_command
from bot.core.when import find_day

WEDNESDAY = date(2026, 12, 9)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("last tuesday", date(2026, 12, 8)),  # yesterday
        ("last monday", date(2026, 12, 7)),
        ("last wednesday", date(2026, 12, 2)),  # never today
        ("last thurs", date(2026, 12, 3)),
        ("last sunday", date(2026, 12, 6)),
        ("tuesday last week", date(2026, 12, 1)),
        ("last week on tuesday", date(2026, 12, 1)),
        ("on the friday of last week", date(2026, 12, 4)),
        ("last week", date(2026, 12, 2)),
    ],
)
def test_a_past_weekday_reads_by_the_one_convention(phrase: str, day: date) -> None:
    found = find_day(f"met Ana Lima {phrase}")
    assert found is not None
    assert resolve_past(found.spec, WEDNESDAY) == day


def test_the_week_before_is_never_part_of_a_name() -> None:
    for line in ("met Ana Lima tuesday last week", "met Ana Lima last week"):
        result = parse_command(line, direct_message=True)
        assert result.person.name == "Ana Lima", line  # type: ignore[union-attr]


def test_help_says_how_last_tuesday_is_read() -> None:
    for question in ("what does last tuesday mean?", "help dates", "how do I write dates?"):
        result = parse_command(question, direct_message=True)
        assert result.topic == "dates", question  # type: ignore[union-attr]
    assert LAST_WEEKDAY_RULE in command_reply("dates").text


def test_this_week_is_this_fridays_for_a_follow_up_and_today_for_a_meeting() -> None:
    found = find_day("ping Omar this week")
    assert found is not None
    assert resolve_future(found.spec, WEDNESDAY) == date(2026, 12, 11)
    assert resolve_future(found.spec, date(2026, 12, 12)) == date(2026, 12, 12)  # a Saturday
    assert resolve_past(found.spec, WEDNESDAY) == WEDNESDAY
