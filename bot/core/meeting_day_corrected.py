"""A correction of a meeting's day: "sarah chen - met her thursday not today", "sorry it was
friday not yesterday", "we met on monday, not today".

The store cannot move a logged meeting to another day yet, so the line logs nothing (before, it
added a second meeting, or got a stock line) and the reply says how to put the follow-up right.
"""

from __future__ import annotations

import re

from bot.core.rules import WINDOW_DAYS
from bot.core.when import find_possible_day

_DAY = r"[\w/.]+(?:\s+[\w/.]+){0,2}?"
_CORRECTED = re.compile(
    r"^\W*(?:(?P<who>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*(?:[—–:,]|\s-)\s*)?"
    r"(?:(?:sorry|oops|correction|actually|no|nope|my\s+bad|wait)\W+)*"
    r"(?:it\s+was|that\s+was|(?:i|we)\s+met(?:\s+(?:her|him|them))?|met(?:\s+(?:her|him|them))?|"
    r"(?:the\s+)?meeting\s+was|was)\s+(?:on\s+)?(?P<right>" + _DAY + r")\s*,?\s+not\s+(?:on\s+)?"
    r"(?P<wrong>" + _DAY + r")[\s.!]*$",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset({"sorry", "oops", "correction", "actually", "no", "nope", "wait", "ok"})


def _a_day(words: str) -> bool:
    found = find_possible_day(words)
    return found is not None and found.start == 0 and found.end >= len(words.rstrip()) - 1


def corrected_day(text: str) -> tuple[str | None, str] | None:
    """(whom, the right day as typed) when the line corrects a meeting's day, else None."""
    found = _CORRECTED.match(" ".join(text.split()))
    if found is None or not (_a_day(found["right"]) and _a_day(found["wrong"])):
        return None
    who = found["who"]
    if who is not None and who.lower() in _NOT_A_NAME:
        who = None
    return who, found["right"]


def how_to_correct(who: str | None, right: str) -> str:
    name = who if who is None or any(ch.isupper() for ch in who) else who.title()
    person = name or "<name>"
    return (
        "I changed nothing and logged no second meeting: I can't move a logged meeting to "
        f"another day yet. What matters is the follow-up: set it from the real day, like "
        f"`follow-up {person} <day>` (within {WINDOW_DAYS} days of {right}). If the "
        f"meeting's day itself must be right, `note {person} met on {right}` keeps it on the "
        "card."
    )
