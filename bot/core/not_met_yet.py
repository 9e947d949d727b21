"""Lines that tell no meeting that has happened, though they read like `met` at first.

- A status verb after a name: "priya replied!! she wants a call next wed", "Omar got back to me".
  The verb is no part of the name ("Priya Replied"), and a reply is no meeting: a call still to
  come is a meeting ahead (`bot.core.meeting_ahead`), and with no day ahead nothing is logged.
- A weekday said with "next" ("met … next wed" read from a sentence) is ahead, never last week.
- An event to come told as a fact: "there is Lagos Data Summit next saturday, i wan meet 3 people
  there", "there's DevFest on the 14th": the `event` command, with the goal when one is said.
"""

from __future__ import annotations

import re

from bot.core import commands as c
from bot.core.dates import (
    CalendarDate,
    DayOfMonth,
    DaySpec,
    NextWeekSpec,
    NumericDate,
    RelativeDays,
    WeekdaySpec,
)
from bot.core.rules import MAX_GOAL_PEOPLE
from bot.core.when import find_possible_day

# What the other person did: said of them, never a part of their name.
STATUS_VERBS = (
    r"(?:replied|responded|answered|wrote\s+back|got\s+back|texted\s+back|emailed\s+back|"
    r"messaged\s+back|called\s+back|rang\s+back|said\s+yes|said\s+no|agreed|confirmed|accepted|"
    r"declined|reached\s+out|pinged\s+me|emailed\s+me|texted\s+me|messaged\s+me|called\s+me|"
    r"dmed\s+me|dm'd\s+me|wrote\s+to\s+me|answered\s+me|replied\s+to\s+me|reply|don\s+reply)"
)
_STATUS_WORD = re.compile(
    r"^(?:replied|responded|answered|wrote|got|texted|emailed|messaged|called|rang|said|agreed|"
    r"confirmed|accepted|declined|reached|pinged|dmed)$",
    re.IGNORECASE,
)
_TOLD_OF = re.compile(
    r"^\W*(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}?)\s+(?:(?:just|finally|already|"
    rf"has|have|don)\s+)?{STATUS_VERBS}\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_A_NAME = frozenset({"i", "we", "he", "she", "they", "it", "someone", "nobody", "you"})
# A meeting word near the day: "a pilot call next wed", "coffee on friday", "wants to meet monday".
_A_MEETING = re.compile(
    r"\b(?:call|meet(?:ing)?|coffee|lunch|dinner|drinks?|chat|demo|catch[- ]?up|zoom|sync|"
    r"session|intro|breakfast|visit)\b",
    re.IGNORECASE,
)
_NEXT_WEEKDAY = re.compile(r"^(?:next|this\s+coming|coming)\s+\w+", re.IGNORECASE)


def _day_ahead(text: str) -> DaySpec | None:
    """The first day phrase of `text` when it can only be ahead ("next wed", "tomorrow")."""
    found = find_possible_day(text)
    if found is None:
        return None
    spec = found.spec
    said = text[found.start : found.end]
    if isinstance(spec, NextWeekSpec) or (isinstance(spec, RelativeDays) and spec.days > 0):
        return spec
    if isinstance(spec, WeekdaySpec) and _NEXT_WEEKDAY.match(said):
        return spec
    return None


def _capitalised(name: str) -> str:
    if any(ch.isupper() for ch in name):
        return name
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def status_in_the_name(text: str, result: object) -> c.NotACommand | c.ParseFailure | None:
    """For a meeting logged with a status verb in the name ("Priya Replied"): the meeting ahead
    the rest of the line names, or a reply that logs nothing; None when `result` is no such
    meeting."""
    told = _TOLD_OF.match(" ".join(text.split()))
    if told is None or told["name"].split()[0].lower() in _NOT_A_NAME:
        return None
    name = _capitalised(told["name"])
    rest = told["rest"]
    day = _day_ahead(rest)
    if isinstance(result, c.MetCommand) and not result.person.mention:
        words = result.person.name.split()
        if not any(_STATUS_WORD.match(word) for word in words[1:]):
            return None
    elif isinstance(result, c.NoteCommand):
        # "priya replied!! she wants …" is no note on whom "she" meant before.
        if result.person.name.split()[0].lower() == name.split()[0].lower():
            return None
    elif not (isinstance(result, c.NotACommand) and day is not None):
        return None
    if day is not None and _A_MEETING.search(rest):
        return c.NotACommand(text, ahead=c.MetCommand(c.PersonRef(name), when=day))
    if isinstance(result, c.NotACommand):
        return None
    return c.ParseFailure(
        f"Good news from {name}! A reply from them is no meeting, so I logged nothing. "
        f"To be reminded to answer, say `follow-up {name} tomorrow`; when you two meet, "
        f"tell me then: `met {name}`.",
        topic="follow-up",
    )


def met_on_a_day_ahead(text: str, result: object) -> c.NotACommand | None:
    """A meeting read with a weekday the line says with "next": still to come."""
    if not isinstance(result, c.MetCommand) or not isinstance(result.when, WeekdaySpec):
        return None
    found = find_possible_day(text)
    if found is None or not _NEXT_WEEKDAY.match(text[found.start : found.end]):
        return None
    if re.search(r"\b(?:follow|remind|ping|f/u)\b", text[: found.start], re.IGNORECASE):
        return None  # "met Ana, follow up next wed": the day is the follow-up's
    return c.NotACommand(text, ahead=result)


# "there is Lagos Data Summit next saturday", "there's DevFest on the 14th", "there will be …"
_EVENT_TOLD = re.compile(
    r"^\W*(?:(?:so|ok|okay|btw|fyi|also)\W+)*(?:there(?:'s|’s|\s+is|\s+will\s+be)|"
    r"(?:i(?:'m|’m|\s+am)\s+)?(?:going\s+to|attending|heading\s+to)|i\s+(?:go|dey\s+go|will\s+go)"
    r"(?:\s+to)?)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_EVENT_NAME = re.compile(
    r"^(?:the\s+)?(?P<name>(?-i:[A-Z0-9][\w&'’.-]*)(?:\s+(?:(?-i:[A-Z0-9][\w&'’.-]*)|of|the|&|"
    r"and|de|for|on))*)\s*$",
    re.IGNORECASE,
)
# A word that makes a name an event's: "Summit", "DevFest", "PyCon", "Founders Breakfast".
_EVENT_WORD = re.compile(
    r"(?:con|conf|fest|summit|conference|meetup|expo|week|day|days|forum|hackathon|camp|festival|"
    r"mixer|breakfast|dinner|lunch|awards|gala|fair|show|symposium|workshop|webinar|hangout|"
    r"night|party|retreat|demo\s*day|networking|launch)\b",
    re.IGNORECASE,
)
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a couple of": 2, "a few": 3}
_GOAL = re.compile(
    r"\b(?:meet|see|talk\s+to|connect\s+with|link\s+up\s+with)\s+(?:at\s+least\s+)?"
    r"(?P<n>\d|one|two|three|four|five|a couple of|a few)\s+(?:new\s+)?"
    r"(?:people|persons|ppl|folks|contacts|peeps|founders|investors)\b",
    re.IGNORECASE,
)


def event_told(text: str) -> c.EventCommand | None:
    """An event to come told as a fact, as the `event` that plans it, or None."""
    line = " ".join(text.split())
    told = _EVENT_TOLD.match(line)
    if told is None:
        return None
    rest = told["rest"]
    found = find_possible_day(rest)
    if found is None:
        return None
    day = _day_ahead(rest[found.start :])
    if day is None and isinstance(
        found.spec, WeekdaySpec | CalendarDate | DayOfMonth | NumericDate
    ):
        day = found.spec  # "on saturday", "on 14 Mar": the coming one, for an event
    if day is None:
        return None
    head = re.sub(r"\s+(?:on|this|by)$", "", rest[: found.start].strip(" ,"), flags=re.I)
    named = _EVENT_NAME.match(head)
    if named is None:
        return None
    wanted = _GOAL.search(rest[found.end :])
    if wanted is None and not _EVENT_WORD.search(named["name"]):
        return None  # "there's Diwali next week", "going to Berlin on friday": no event said
    goal = None
    if wanted is not None:
        n = wanted["n"].lower()
        goal = int(n) if n.isdigit() else _NUMBER[n]
        goal = goal if 1 <= goal <= MAX_GOAL_PEOPLE else None
    return c.EventCommand(named["name"], day, goal)
