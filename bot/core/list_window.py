"""`list today` and `list week`: the follow-ups due by the end of today or of this week (the
overdue ones included), and the everyday questions that ask for them ("who should I follow
up with today?", "what's due this week?")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from bot.core.dates import plural

Window = Literal["today", "week"]

_TODAY = re.compile(r"\b(?:today|tonight|this morning|this afternoon|now)\b", re.IGNORECASE)
_WEEK = re.compile(r"\b(?:this|the|current)\s+week\b|^\s*week\s*$", re.IGNORECASE)


# "what did I log today?" asks what was logged, not what is due: the whole list.
_ABOUT_LOGGING = re.compile(
    r"\b(?:log|logged|add|added|record|recorded|met|did i)\b", re.IGNORECASE
)


def asked_window(text: str) -> Window | None:
    """Which window a `list` line or question names; None for neither."""
    if _ABOUT_LOGGING.search(text):
        return None
    if _WEEK.search(text):
        return "week"
    if _TODAY.search(text):
        return "today"
    return None


def last_day(window: Window, today: date) -> date:
    """The last due day a window takes in: today, or this week's Sunday."""
    return today if window == "today" else today + timedelta(days=6 - today.weekday())


def nothing_due(window: Window, open_count: int) -> str:
    when = "today" if window == "today" else "this week"
    later = "comes" if open_count == 1 else "come"
    rest = f" {plural(open_count, 'open follow-up')} {later} due later." if open_count else ""
    return f"Nothing due {when}, and nothing overdue.{rest}"


def heading(window: Window, count: int, overdue: int) -> str:
    when = "today" if window == "today" else "by the end of this week"
    late = f", {overdue} of them overdue" if overdue else ""
    noun = "follow-up" if count == 1 else "follow-ups"
    return f"Due {when}, overdue included: {count} {noun}{late}."
