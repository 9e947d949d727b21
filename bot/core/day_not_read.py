"""A day the member meant but the parser could not read (issue 11): "snooze Jürgen until next
blursday" snoozed by the default two days without a word, and "follow-up fatima next blursday"
replaced Fatima's note with "next blursday" (a tester's lines). When a snooze or a follow-up
read no day and its line ends in something said as a day ("until/next/this/on …day"), the
member is asked to say the day again instead."""

from __future__ import annotations

import re

from bot.core import commands as c
from bot.core.dates import DAYS_LOOK_LIKE
from bot.core.help import example

# "until next blursday", "till thrusday", "on someday", "next fryday": a day word the reader
# did not know, after a word that introduces a day.
_SAID_AS_A_DAY = re.compile(
    r"\b(?:until|till|til|to|by|on|next|this)\s+(?:next\s+|this\s+)?(?P<day>[^\W\d_]+day)\W*$",
    re.IGNORECASE,
)


def unread_day(text: str, result: c.Parsed) -> c.ParseFailure | None:
    """A `ParseFailure` asking for the day again, or None."""
    match result:
        case c.SnoozeCommand(days=None, when=None):
            name = "snooze"
        case c.FollowUpCommand(when=None):
            name = "follow-up"
        case _:
            return None
    said = _SAID_AS_A_DAY.search(text)
    if said is None:
        return None
    return c.ParseFailure(
        f"I couldn't read “{said['day']}” as a day, so I changed nothing. {DAYS_LOOK_LIKE} "
        f"For example: {example(name)}",
        topic=name,
    )
