"""A meeting still to come: "I'm meeting Tom Baker on Thursday", "seeing Omar tomorrow for lunch".

Nothing is logged for it: a follow-up is timed from the day two people met, so the member is told
to log the meeting once it has happened. Before this, "I'm meeting Tom Baker on Thursday" was
logged as a meeting last Thursday.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from bot.core import commands as c
from bot.core.dates import NextWeekSpec, RelativeDays, WeekdaySpec, format_day, resolve_future
from bot.core.messages import Reply
from bot.core.rules import WINDOW_DAYS
from bot.core.told_in_a_sentence import to_someone

_SUBJECT_NOW = r"(?:i|we)(?:'m|’m|'re|’re|\s+am|\s+are)\s+"
_SUBJECT_LATER = (
    r"(?:(?:i|we)(?:'ll|’ll|\s+will|\s+shall)\s+|(?:i(?:'m|’m|\s+am)\s+)?(?:gonna|going to)\s+)"
)
_A_BITE = r"(?:coffee|a coffee|lunch|dinner|drinks|a drink|breakfast|a call|a chat|a beer|tea)"
# The verb of a meeting to come, said with its subject ("I'm meeting", "I'll see", "we're having
# lunch with") or, with no subject, as a progressive ("seeing Omar tomorrow").
_AHEAD = re.compile(
    r"^\W*(?:(?:so|btw|fyi|ok|okay|also|and|heads up|note)\W+)*(?:"
    rf"(?P<subject>{_SUBJECT_NOW}(?:meeting(?:\s+up)?(?:\s+with)?|seeing|catching up with|"
    rf"(?:having|grabbing|getting)\s+{_A_BITE}\s+with)|"
    rf"{_SUBJECT_LATER}(?:meet(?:\s+up)?(?:\s+with)?|see|catch up with|"
    rf"(?:have|grab|get)\s+{_A_BITE}\s+with))|"
    rf"(?:meeting(?:\s+up)?(?:\s+with)?|seeing|catching up with|(?:having|grabbing)\s+{_A_BITE}"
    r"\s+with)"
    r")\s+",
    re.IGNORECASE,
)
_SOON = re.compile(r"\b(?:later|soon|tonight|this (?:afternoon|evening))\b", re.IGNORECASE)
_PAST = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:just\s+)?(?:met|had|grabbed|ran into|bumped into|caught up)\b",
    re.IGNORECASE,
)
_LONGEST_LINE_WORDS = 25


def meeting_ahead(
    text: str, parsed: object, read_as_met: Callable[[str], object]
) -> c.MetCommand | None:
    """The meeting `text` says is still to come, as the `met` it will be, or None.

    `parsed` is what the parser made of `text`; `read_as_met` parses a line such as "met Tom
    Baker on Thursday", which is how the person and the day are read."""
    line = " ".join(text.split())
    if "\n" in text.strip() or len(line.split()) > _LONGEST_LINE_WORDS or to_someone(line):
        return None
    verb = _AHEAD.match(line)
    if verb is None:
        if isinstance(parsed, c.MetCommand) and _is_ahead(parsed):
            return parsed
        return None
    met = read_as_met(f"met {line[verb.end() :]}")
    if not isinstance(met, c.MetCommand):
        return None
    # "meeting with Jane went well" and "Meeting notes: …" tell no day: only a subject ("I'm
    # meeting Tom") or a day ahead ("seeing Omar tomorrow") makes the meeting one to come.
    said_with_a_subject = verb.group("subject") is not None
    days_ahead = isinstance(met.when, WeekdaySpec) or _is_ahead(met)
    return met if said_with_a_subject or days_ahead or _SOON.search(line) else None


def told_as_past(text: str) -> bool:
    """ "met Ana yesterday, she is meeting investors next week": the meeting told has happened."""
    return _PAST.match(text) is not None


def _is_ahead(met: c.MetCommand) -> bool:
    """A meeting logged for "tomorrow" or "next week" has not happened yet."""
    when = met.when
    return isinstance(when, NextWeekSpec) or (isinstance(when, RelativeDays) and when.days > 0)


def ahead_reply(met: c.MetCommand, today: date, *, month_first: bool = True) -> Reply:
    """Nothing logged: when to log it, and why then."""
    name = met.person.name
    log = f"met {name} at {met.place}" if met.place else f"met {name}"
    day = resolve_future(met.when, today, month_first=month_first) if met.when else None
    when = f" on {format_day(day, today)}" if day and day > today else ""
    return Reply(
        text=(
            f"Enjoy meeting {name}{when}! Nothing to log yet: once you've met, tell me "
            f"(`{log}`) and I'll set a follow-up inside the {WINDOW_DAYS}-day window."
        )
    )
