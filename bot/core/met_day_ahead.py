"""A meeting day typed without a year that is still ahead this year: "met Karen at IDA 11/1" on
4 January. Read backwards it is last January, almost a year ago; that is rarely what was meant,
so the member is asked (buttons) instead of the meeting being logged on it silently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.core.dates import (
    CalendarDate,
    DaySpec,
    NumericDate,
    format_day,
    resolve_future,
    resolve_past,
)
from bot.core.messages import Action, Reply
from bot.core.when import WhenError, find_day

# How far back a day may go before one still ahead this year is likely the day meant.
FEW_WEEKS_DAYS = 28


def _readings(spec: DaySpec, today: date, month_first: bool) -> list[date]:
    """The past days the words may mean: as read, and with day and month swapped (`11/1`)."""
    days = [resolve_past(spec, today, month_first=month_first)]
    if isinstance(spec, NumericDate) and spec.first != spec.second:
        try:
            swapped = resolve_past(spec, today, month_first=not month_first)
        except ValueError:
            swapped = None
        if swapped is not None and swapped not in days:
            days.append(swapped)
    return days


def question(text: str, spec: DaySpec | None, today: date, *, month_first: bool) -> Reply | None:
    """Which day was meant, when `spec` reads as a day still ahead and the same day last year is
    more than a few weeks back; None when the day is plain."""
    if not isinstance(spec, CalendarDate | NumericDate) or spec.year is not None:
        return None
    past = resolve_past(spec, today, month_first=month_first)
    ahead = resolve_future(spec, today, month_first=month_first)
    if (today - past).days <= FEW_WEEKS_DAYS or ahead <= today or ahead - today >= today - past:
        return None
    try:
        found = find_day(text)
    except WhenError:
        found = None
    if found is None:
        return None
    actions = tuple(
        Action(
            f"Met on {format_day(day, today)}",
            f"{text[: found.start].rstrip()} on {day.isoformat()} {text[found.end :].lstrip()}",
        )
        for day in _readings(spec, today, month_first)
    )
    actions = tuple(replace(a, command=a.command.strip()) for a in actions)
    return Reply(
        text=f"{format_day(ahead, today)} is still ahead, so I logged nothing: I log a meeting "
        f"once it has happened. Which day did you meet? (Read as last year, it would be "
        f"{format_day(past, today)}, {(today - past).days} days ago.)",
        actions=actions,
    )
