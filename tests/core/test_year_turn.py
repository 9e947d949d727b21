"""The turn of the year as a date: "after new year", "after christmas", "after the holidays",
"in the new year" (the first working day after it, holidays where the member lives counted)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.dates import YearTurnSpec, resolve_future, resolve_past
from bot.core.public_holidays import days_off_for
from bot.core.when import find_day

DENMARK = days_off_for("Europe/Copenhagen")


@pytest.mark.parametrize(
    ("line", "after", "phrase"),
    [
        ("push Sofie until after new year", "new-year", "until after new year"),
        ("remind me about Jens after the holidays", "new-year", "after the holidays"),
        ("follow up with Jens in the new year please", "new-year", "in the new year"),
        ("snooze Jens till after the xmas break", "new-year", "till after the xmas break"),
        ("follow-up Sofie after xmas", "christmas", "after xmas"),
        ("snooze Sofie to new year's day", "new-year", "to new year's day"),
    ],
)
def test_the_year_turn_is_read_as_a_day(line: str, after: str, phrase: str):
    found = find_day(line)
    assert found is not None
    assert found.spec == YearTurnSpec(after)  # type: ignore[arg-type]
    assert line[found.start : found.end] == phrase


@pytest.mark.parametrize("line", ["met Jens at the New Year party", "met Sofie at xmas drinks"])
def test_a_party_named_after_the_season_is_no_date(line: str):
    assert find_day(line) is None


def test_after_new_year_is_the_first_working_day_of_january_where_the_member_lives():
    dec = date(2026, 12, 8)
    spec = YearTurnSpec("new-year")
    assert resolve_future(spec, dec, days_off=DENMARK) == date(2027, 1, 4)  # 1 Jan is a Friday
    assert resolve_future(spec, date(2027, 1, 5), days_off=DENMARK) == date(2028, 1, 3)
    assert resolve_past(spec, date(2027, 1, 5), days_off=DENMARK) == date(2027, 1, 4)


def test_after_christmas_skips_the_second_day_of_christmas_in_denmark_only():
    spec = YearTurnSpec("christmas")
    assert resolve_future(spec, date(2027, 12, 1), days_off=DENMARK) == date(2027, 12, 27)
    us = days_off_for("America/New_York")
    assert resolve_future(spec, date(2025, 12, 1), days_off=us) == date(2025, 12, 26)
    assert resolve_future(spec, date(2025, 12, 1), days_off=DENMARK) == date(2025, 12, 29)
