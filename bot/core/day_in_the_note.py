"""A reminder whose day was left inside its note.

"Need to send Ada the NDA — remind me tomorrow 9am", "Ada Obi. Follow-up Dec 30. Ask about the
budget", "I owe Ada a reply on the invite. Follow up in 3 days": the readings that found the
reminder took everything after the name as its note, day and all. The day (and a time said with
it) belongs to the reminder when its clause holds nothing but the ask ("remind me", "follow up"),
which then goes too, or when it ends the errand's clause with "on" or "by" ("send her the
contract on the 14th"). A day of something else ("the offer expires Friday", "about the Dec 30
launch") stays in the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from bot.core.dates import DaySpec
from bot.core.when import WhenError, find_day, find_time

_CLAUSE_BREAK = re.compile(r"\s*(?:[.;]\s+|\s[—–-]+\s|[—–]|,\s+)")
# What may stand beside the day in its clause: the ask itself and its small words.
_ONLY_THE_ASK = re.compile(
    r"(?:\s*\b(?:pls|please|remind me|nudge me|ping me|follow[- ]?up|on|at|by|in|around)\b)*\s*",
    re.IGNORECASE,
)
# An errand's own day says when it is done: "… on the 14th", "… by Friday".
_WHEN_THE_ERRAND = re.compile(r"(?:on|by)\s", re.IGNORECASE)
_EDGE_WORDS = re.compile(r"^(?:on|at|by|in)\s+|\s+(?:on|at|by|in)$", re.IGNORECASE)


@dataclass(frozen=True)
class DayInTheNote:
    when: DaySpec
    at: time | None
    note: str | None


def day_in_the_note(note: str) -> DayInTheNote | None:
    """The day (and time) a reminder's note holds at a clause's edge, and the note without it."""
    clauses = _clauses(note)
    for index, clause in enumerate(clauses):
        found = _day_at_an_edge(clause)
        if found is None:
            continue
        when, at, rest = found
        kept = clauses[:index] + ([rest] if rest else []) + clauses[index + 1 :]
        return DayInTheNote(when, at, ". ".join(kept) or None)
    return None


def _clauses(note: str) -> list[str]:
    return [part.strip() for part in _CLAUSE_BREAK.split(note.strip(" .")) if part.strip()]


def _day_at_an_edge(clause: str) -> tuple[DaySpec, time | None, str] | None:
    try:
        day = find_day(clause)
    except WhenError:
        return None
    if day is None:
        return None
    start, end = day.start, day.end
    at = find_time(clause)
    if at is not None and (at.start - end <= 1 or start - at.end <= 1):
        start, end = min(start, at.start), max(end, at.end)
    before, after = clause[:start], clause[end:]
    if _ONLY_THE_ASK.fullmatch(before) and _ONLY_THE_ASK.fullmatch(after):
        rest = ""
    elif _ONLY_THE_ASK.fullmatch(after) and _WHEN_THE_ERRAND.match(clause[day.start : day.end]):
        rest = _EDGE_WORDS.sub("", before.strip())  # "send her the contract on the 14th"
    else:
        return None  # "the offer expires Friday": the day of something else
    clock = at.at if at is not None and start <= at.start < end else None
    return day.spec, clock, rest.strip(" ,")
