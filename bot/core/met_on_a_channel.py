"""What "on" says in a meeting line when it names no day the parser read (pass 24, issue 11),
so a line that reads as a meeting is never lost to a date that is not there:

- a call ("met Deepak yesterday on zoom call", "met Pooja 10/12 on call", "on teams", "on a
  quick intro call", "on google meet") is how they met, dropped like "over a call" (most writers
  leave it out of the place and the note);
- anything else ("on LinkedIn", "on whatsapp", "on the zoom panel", "on the rooftop") is the
  place;
- an ordinal day ("met Ritu on 9th") is that day of the month (a street, "Blue Bottle on 5th",
  sits in the place and never reaches here).

Words that look like a day ("on thrusday", "on 31/2", "on decmber 3") are left to the parser,
which asks for the date again.
"""

from __future__ import annotations

import re
from difflib import get_close_matches

from bot.core.dates import MONTHS, WEEKDAYS

# "zoom call", "a quick intro call", "the teams call", "google meet", "whatsapp": how they met.
_CHANNEL = re.compile(
    r"(?:(?:a|an|the|my|our)\s+)?(?:(?:quick|short|brief|long|intro|introductory|video|voice|"
    r"phone|zoom|teams|ms|microsoft|google|whatsapp|skype|slack|discord|webex|linkedin|1:1|"
    r"first|group|conference|catch-?up)\s+){0,3}"
    r"(?:calls?|zoom|teams|meet|gmeet|video|phone|skype|facetime|hangouts?|webex|chat)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\s+on\s+(?:the\s+)?(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$", re.I)
_ON = re.compile(r"\s+on\s+(?P<where>[^\W\d_][^,;]*)$", re.IGNORECASE)
# Words a mistyped day is near ("decmbr", "wensday"); "may" is left out, a verb too.
_DAY_WORDS = (
    *WEEKDAYS,
    *(month for month in MONTHS if month != "may"),
    "today",
    "tomorrow",
    "yesterday",
    "weekend",
)
_SHORT_DAYS = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|"
    r"nov|dec)\.?$",
    re.IGNORECASE,
)


def _looks_like_a_day(words: str) -> bool:
    for word in re.findall(r"[\w']+", words.lower()):
        if any(ch.isdigit() for ch in word) or _SHORT_DAYS.match(word) or word.endswith("day"):
            return True
        if len(word) >= 5 and get_close_matches(word, _DAY_WORDS, n=1, cutoff=0.75):
            return True
    return False


def ordinal_after_on(head: str) -> tuple[str, int] | None:
    """`head` without its trailing "on 9th", and the day of the month; else None."""
    found = _ORDINAL.search(head)
    if found is None or not head[: found.start()].strip():
        return None
    return head[: found.start()].strip(), int(found["d"])


# "met Imani on a Monday": the day was read, "a" is all that is left.
_ONLY_A_DETERMINER = re.compile(r"(?:a|an|the|this|that|last|next|my|our)", re.IGNORECASE)


def is_a_channel(words: str) -> bool:
    """Whether `words` ("zoom call", "a quick call", "teams") name how they met, not where (or
    are only the article a day left behind)."""
    words = words.strip(" .!?")
    return _CHANNEL.fullmatch(words) is not None or _ONLY_A_DETERMINER.fullmatch(words) is not None


def channel_after_on(head: str) -> tuple[str, str] | None:
    """`head` without its trailing "on <words>", and the words (a channel or a place); None
    when the words after "on" may be a day the member mistyped."""
    found = _ON.search(head)
    if found is None:
        return None
    where = found["where"].strip(" .!?")
    if not where or len(where.split()) > 5 or _looks_like_a_day(where):
        return None
    before = head[: found.start()].strip()
    if not before:
        return None
    return before, where
