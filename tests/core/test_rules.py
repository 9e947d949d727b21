"""The follow-up rules and date phrases, as pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.core.dates import (
    CalendarDate,
    DateWordsError,
    RelativeDays,
    WeekdaySpec,
    local_today,
    parse_day,
    resolve_future,
    resolve_past,
)
from bot.core.rules import decide_due, decide_snooze, second_touch_due, window_closes

MONDAY = date(2026, 3, 2)


def test_default_due_is_three_days_after_meeting() -> None:
    assert decide_due(MONDAY, MONDAY, None).due_on == date(2026, 3, 5)


def test_default_due_is_never_in_the_past() -> None:
    met = date(2026, 2, 24)  # six days ago: day 3 has passed
    assert decide_due(met, MONDAY, None).due_on == MONDAY


def test_follow_up_is_capped_at_ten_days_after_meeting() -> None:
    decision = decide_due(MONDAY, MONDAY, date(2026, 3, 20))
    assert decision.due_on == date(2026, 3, 12)
    assert decision.capped_reason is not None
    assert "10 days" in decision.capped_reason


def test_day_ten_itself_is_allowed() -> None:
    decision = decide_due(MONDAY, MONDAY, date(2026, 3, 12))
    assert decision.due_on == date(2026, 3, 12)
    assert decision.capped_reason is None


def test_a_requested_day_in_the_past_becomes_today() -> None:
    decision = decide_due(date(2026, 2, 27), MONDAY, date(2026, 2, 28))
    assert decision.due_on == MONDAY
    assert decision.capped_reason is not None


def test_window_closed_after_day_ten() -> None:
    assert decide_due(date(2026, 2, 19), MONDAY, None).window_closed  # day 11
    assert not decide_due(date(2026, 2, 20), MONDAY, None).window_closed  # day 10


def test_snooze_moves_from_the_later_of_due_day_and_today() -> None:
    assert decide_snooze(MONDAY, date(2026, 3, 5), MONDAY, 2, late=False).due_on == date(2026, 3, 7)
    overdue = decide_snooze(date(2026, 2, 26), date(2026, 2, 28), MONDAY, 2, late=False)
    assert overdue.due_on == date(2026, 3, 4)


def test_snooze_is_capped_at_day_ten() -> None:
    decision = decide_snooze(MONDAY, date(2026, 3, 10), date(2026, 3, 10), 5, late=False)
    assert decision.due_on == window_closes(MONDAY) == date(2026, 3, 12)
    assert decision.capped_reason is not None


def test_snooze_on_or_after_the_last_day_reports_the_window_closed() -> None:
    on_last_day = decide_snooze(MONDAY, date(2026, 3, 12), date(2026, 3, 12), 2, late=False)
    assert on_last_day.window_closed
    after = decide_snooze(MONDAY, date(2026, 3, 12), date(2026, 3, 14), 2, late=False)
    assert after.window_closed


def test_late_follow_ups_snooze_freely() -> None:
    decision = decide_snooze(MONDAY, date(2026, 3, 20), date(2026, 3, 20), 5, late=True)
    assert decision.due_on == date(2026, 3, 25)
    assert not decision.window_closed


def test_rule_of_two_second_touch_is_fourteen_days_later() -> None:
    assert second_touch_due(MONDAY) == date(2026, 3, 16)


# --- date phrases ------------------------------------------------------------------------------


def test_bare_dates_look_backwards_for_meetings_and_forwards_for_follow_ups() -> None:
    spec = CalendarDate(12, 30)
    assert resolve_past(spec, MONDAY) == date(2025, 12, 30)
    assert resolve_future(spec, MONDAY) == date(2026, 12, 30)


def test_weekdays_resolve_to_the_nearest_in_the_right_direction() -> None:
    friday = WeekdaySpec(4)
    assert resolve_past(friday, MONDAY) == date(2026, 2, 27)
    assert resolve_future(friday, MONDAY) == date(2026, 3, 6)
    # "next monday" on a Monday is a week away; "on monday" for a meeting is today.
    assert resolve_future(WeekdaySpec(0), MONDAY) == date(2026, 3, 9)
    assert resolve_past(WeekdaySpec(0), MONDAY) == MONDAY


def test_leap_day_without_a_year_finds_a_leap_year() -> None:
    assert resolve_past(CalendarDate(2, 29), MONDAY) == date(2024, 2, 29)
    assert resolve_future(CalendarDate(2, 29), MONDAY) == date(2028, 2, 29)


def test_impossible_dates_are_errors() -> None:
    with pytest.raises(DateWordsError):
        parse_day(["30", "February"])
    with pytest.raises(DateWordsError):
        parse_day(["2026-13-01"])


def test_relative_days() -> None:
    assert parse_day(["yesterday"]) == RelativeDays(-1)
    assert resolve_past(RelativeDays(-1), MONDAY) == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("zone", "hour", "expected"),
    [
        ("Pacific/Auckland", 11, date(2026, 3, 3)),  # 00:30 on Tuesday in UTC+13
        ("America/Los_Angeles", 6, date(2026, 3, 1)),  # 22:30 on Sunday in UTC-8
        ("UTC", 11, date(2026, 3, 2)),
        ("Not/AZone", 23, date(2026, 3, 2)),  # an unknown stored zone falls back to UTC
    ],
)
def test_today_is_the_members_own_day(zone: str, hour: int, expected: date) -> None:
    assert local_today(zone, datetime(2026, 3, 2, hour, 30, tzinfo=UTC)) == expected


@pytest.mark.parametrize(
    ("met", "due"),
    [
        (date(2026, 3, 4), date(2026, 3, 9)),  # Wednesday + 3 is a Saturday: the Monday after
        (date(2026, 3, 5), date(2026, 3, 9)),  # Thursday + 3 is a Sunday: Monday
        (date(2026, 3, 6), date(2026, 3, 9)),  # Friday + 3 is a Monday already
    ],
)
def test_a_default_due_day_on_a_weekend_moves_to_monday(met: date, due: date) -> None:
    assert decide_due(met, met, None).due_on == due
    assert due <= window_closes(met)


def test_an_asked_for_weekend_day_is_kept() -> None:
    saturday = date(2026, 3, 7)
    assert decide_due(date(2026, 3, 4), date(2026, 3, 4), saturday).due_on == saturday


def test_a_second_touch_that_falls_on_a_weekend_moves_to_monday() -> None:
    saturday_first = date(2026, 3, 7)  # + 14 days is Saturday 21 March
    assert second_touch_due(saturday_first) == date(2026, 3, 23)
    assert second_touch_due(date(2026, 3, 4)) == date(2026, 3, 18)  # a Wednesday stays
