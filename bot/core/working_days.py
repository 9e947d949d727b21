"""Working days: Monday to Friday, less the member's public holidays."""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.public_holidays import NO_DAYS_OFF, DaysOff


def is_working_day(day: date, days_off: DaysOff = NO_DAYS_OFF) -> bool:
    """Monday to Friday and no public holiday: nudges arrive on these, and a default due day
    falls on one."""
    return day.weekday() < 5 and day not in days_off


def next_working_day(day: date, days_off: DaysOff = NO_DAYS_OFF) -> date:
    """`day` itself on a working day, else the first working day after it."""
    while not is_working_day(day, days_off):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date, days_off: DaysOff = NO_DAYS_OFF) -> date:
    """`day` itself on a working day, else the last working day before it."""
    while not is_working_day(day, days_off):
        day -= timedelta(days=1)
    return day


def is_overdue(due_on: date, today: date, days_off: DaysOff = NO_DAYS_OFF) -> bool:
    """Past its day and past the working day its nudge came on: a follow-up due on a Saturday
    is still just due on Monday, the first day a nudge could reach the member."""
    return next_working_day(due_on, days_off) < today
