"""The follow-up rules, as pure functions over calendar days.

- Follow up within 10 days of meeting someone: the default due day is 3 days after the meeting,
  and no follow-up is ever scheduled past day 10 unless the member keeps it as a late one.
- Snoozing moves the due day (2 days by default) but never past day 10 either.
- Rule of two: when the first follow-up is done, a second touch is due 14 days later.
- Networking Rule of Two at an event: meet 2 people worth knowing better, then follow up with
  each of them 2 times.
- Return on networking time: a contact is still in touch when touched again 90 days or more
  after you met.
- Keep in touch: after the rule of two a contact may be on a cadence (monthly, quarterly or
  yearly); a check-in is due that long after the latest touch, and every touch restarts it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from bot.core.dates import format_day, plural
from bot.core.messages import Action
from bot.core.public_holidays import NO_DAYS_OFF, DaysOff

# Working days are the rules' too: callers import them from here.
from bot.core.working_days import is_overdue as is_overdue
from bot.core.working_days import is_working_day as is_working_day
from bot.core.working_days import next_working_day as next_working_day
from bot.core.working_days import previous_working_day as previous_working_day
from storage.records import CHECK_IN_TOUCH, SECOND_TOUCH

DEFAULT_DUE_DAYS = 3
WINDOW_DAYS = 10
DEFAULT_SNOOZE_DAYS = 2
SECOND_TOUCH_DAYS = 14
LAST_CHANCE_DAY = 9
RULE_OF_TWO_PEOPLE = 2
RULE_OF_TWO_TOUCHES = 2  # per person
# The most people a goal may name: a plan, not a quota ("be selective; focus on a few").
MAX_GOAL_PEOPLE = 10
IN_TOUCH_DAYS = 90
# Keep-in-touch cadences: months from the latest touch to the next check-in, in the order the
# member is offered them.
CADENCE_MONTHS: dict[str, int] = {"monthly": 1, "quarterly": 3, "yearly": 12}
# The cadences offered as buttons once the rule of two is complete (and "off").
OFFERED_CADENCES = ("monthly", "quarterly")


def window_closes(met_on: date) -> date:
    """The last day a follow-up still counts as "within 10 days"."""
    return met_on + timedelta(days=WINDOW_DAYS)


def days_left_in_window(met_on: date, today: date) -> int:
    """Days until the window closes; 0 on the last day, negative once it has closed."""
    return (window_closes(met_on) - today).days


@dataclass(frozen=True)
class DueDecision:
    due_on: date
    # Set when the requested day was moved; a sentence fragment for the reply.
    capped_reason: str | None = None
    # The window has already closed: nothing within it can be scheduled any more.
    window_closed: bool = False
    # The day a snooze asked for, before any cap.
    asked_on: date | None = None


def day_off_reason(day: date, days_off: DaysOff = NO_DAYS_OFF) -> str | None:
    """Why `day` is no working day, as a sentence fragment: "Christmas Eve in Denmark", "a
    Saturday"; None on a working day."""
    holiday = days_off.name_of(day)
    if holiday is not None:
        return f"{holiday} in {days_off.country}"
    return None if day.weekday() < 5 else f"a {day:%A}"


def decide_due(
    met_on: date, today: date, requested: date | None, days_off: DaysOff = NO_DAYS_OFF
) -> DueDecision:
    """When a first follow-up is due, given the meeting day and an optional requested day."""
    last_day = window_closes(met_on)
    if today > last_day:
        return DueDecision(due_on=today, window_closed=True)
    if requested is None:
        # Three days after the meeting, but never in the past; a weekend moves to Monday (still
        # well inside the window), the day its nudge would arrive anyway.
        due = max(met_on + timedelta(days=DEFAULT_DUE_DAYS), today)  # never past last_day here
        return DueDecision(due_on=min(next_working_day(due, days_off), last_day), asked_on=due)
    if requested < today:
        return DueDecision(
            due_on=today, capped_reason="that day has already passed, so I made it today"
        )
    if requested > last_day:
        return DueDecision(
            due_on=last_day,
            capped_reason=(
                f"follow-ups are capped at {WINDOW_DAYS} days after meeting: people remember you "
                f"best within that {WINDOW_DAYS}-day window"
            ),
        )
    return DueDecision(due_on=requested)


def decide_snooze(met_on: date, due_on: date, today: date, days: int, *, late: bool) -> DueDecision:
    """Move a due day by `days` from whichever is later, the due day or today."""
    wanted = max(due_on, today) + timedelta(days=days)
    if late:
        return DueDecision(due_on=wanted, asked_on=wanted)
    last_day = window_closes(met_on)
    if today >= last_day:
        # On the last day (or later) there is nothing left to snooze into.
        return DueDecision(due_on=due_on, window_closed=True, asked_on=wanted)
    if wanted > last_day:
        return DueDecision(
            due_on=last_day,
            capped_reason=(
                f"a follow-up can't move past day {WINDOW_DAYS} after meeting, when the "
                f"{WINDOW_DAYS}-day window closes"
            ),
            asked_on=wanted,
        )
    return DueDecision(due_on=wanted, asked_on=wanted)


def second_touch_due(done_on: date, days_off: DaysOff = NO_DAYS_OFF) -> date:
    """Two weeks after the first touch; a weekend or holiday moves to the working day after."""
    return next_working_day(done_on + timedelta(days=SECOND_TOUCH_DAYS), days_off)


def moved_off_holiday(wanted: date, got: date, days_off: DaysOff, today: date) -> str | None:
    """ "Thu 24 Dec is Christmas Eve in Denmark; I made it Mon 28 Dec." when a day was moved
    because `wanted` is a public holiday (a weekend alone goes without saying)."""
    holiday = days_off.name_of(wanted)
    if holiday is None or got == wanted:
        return None
    return (
        f"{format_day(wanted, today)} is {holiday} in {days_off.country}; "
        f"I made it {format_day(got, today)}."
    )


class _Touch(Protocol):
    @property
    def met_on(self) -> date: ...

    @property
    def touch(self) -> int: ...

    @property
    def late(self) -> bool: ...


def can_snooze(follow_up: _Touch, today: date) -> bool:
    """A first touch can move only while its window is open (on its last day nothing is left)."""
    return follow_up.late or follow_up.touch >= 2 or today < window_closes(follow_up.met_on)


def snooze_action(follow_up_id: int) -> Action:
    """The button that snoozes by the default number of days."""
    days = plural(DEFAULT_SNOOZE_DAYS, "day")
    return Action(f"Snooze {days}", f"snooze #{follow_up_id} {days}")


def rule_of_two_goal(people: int = RULE_OF_TWO_PEOPLE) -> str:
    """The goal for an event, as a sentence fragment."""
    return (
        f"meet {people_count(people)} worth knowing better, then follow up with "
        f"{'each' if people > 1 else 'them'} {plural(RULE_OF_TWO_TOUCHES, 'time')}"
    )


def people_count(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def rule_of_two_progress(name: str, people_met: int, goal_people: int, touches_done: int) -> str:
    """ "PyCon: 2 of 2 people, 3 of 4 touches"."""
    return (
        f"{name}: {people_met} of {people_count(goal_people)}, "
        f"{touches_done} of {goal_people * RULE_OF_TWO_TOUCHES} touches"
    )


def still_in_touch(met_on: date, last_touch_on: date | None) -> bool:
    return last_touch_on is not None and (last_touch_on - met_on).days >= IN_TOUCH_DAYS


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_check_in(
    last_touch: date, every: str, today: date, days_off: DaysOff = NO_DAYS_OFF
) -> date:
    """When the next keep-in-touch check-in is due: one cadence after the latest touch, on a
    working day (the next one), and never in the past (a cadence set long after the last
    touch is due at once)."""
    return next_working_day(max(add_months(last_touch, CADENCE_MONTHS[every]), today), days_off)


def is_check_in(follow_up: _Touch) -> bool:
    return follow_up.touch >= CHECK_IN_TOUCH


def is_second_touch(follow_up: _Touch) -> bool:
    return follow_up.touch == SECOND_TOUCH


def touch_name(follow_up: _Touch) -> str:
    """What a follow-up is called in replies: "Follow-up", "Second touch" or "Check-in"."""
    if is_check_in(follow_up):
        return "Check-in"
    return "Second touch" if is_second_touch(follow_up) else "Follow-up"
