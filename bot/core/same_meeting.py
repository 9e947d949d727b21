"""Someone else met at the same place and day as the meeting just logged: "and Tom from stripe
too", "also met Carla Diaz there", "met Ravi at the same event". The line names the person;
the place and day are those of the member's last logged meeting (`MetCommand.as_before`),
filled in by the `met` handler, which knows the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.core import commands as c

# "and Tom from stripe too", "also Priya Nair (ML lead) as well", "+ Joon from Toss".
_ALSO_SOMEONE = re.compile(
    r"^\W*(?:oh\s+)?(?:and|also|plus|\+)\s+(?:i\s+)?(?:also\s+)?(?:met\s+)?"
    r"(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)"
    r"(?P<rest>(?:\s*\([^)]{1,60}\)|\s+(?:from|of|at|with)\s+[^,.;!?]{1,40}?)?)"
    r"(?:\s*,\s*(?P<note>[^.!?]{1,120}))?"
    r"\s*(?:too|as\s+well|also)?[\s.!]*$",
    re.IGNORECASE,
)
# Words that cannot be a first name here: "and thanks too", "also this one".
_NOT_A_NAME = re.compile(
    r"^(?:thanks?|thank|you|this|that|it|one|more|another|me|my|the|a|an|so|then|yes|no|ok|"
    r"okay|what|how|why|when|who|where|i|we|they|he|she|please|pls)\b",
    re.IGNORECASE,
)
# "there", "at the same event", "same place": the place of the last meeting, said again.
_THERE = re.compile(
    r"(?:\s+|^)(?:there|(?:at\s+)?(?:the\s+)?same\s+(?:place|event|meetup|conference|party|"
    r"dinner|one|venue|thing))(?:\s+(?:too|as\s+well|also))?(?=$|[\s,.;!?])",
    re.IGNORECASE,
)

_SAME_PLACE = re.compile(r"(?:the\s+)?same\s+\w+|there", re.IGNORECASE)


def someone_else_met(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """ "and Tom from stripe too": a meeting with Tom, where and when the last one was."""
    found = _ALSO_SOMEONE.match(" ".join(text.split()))
    if found is None or _NOT_A_NAME.match(found["who"]):
        return None
    said = ", ".join(
        part.strip(" ()") for part in (found["rest"], found["note"]) if part and part.strip(" ()")
    )
    result = read(f"met {found['who']}" + (f", {said}" if said else ""))
    if not isinstance(result, c.MetCommand) or result.others or result.place or result.when:
        return None
    return replace(result, as_before=True)


def met_there(text: str, result: c.Parsed) -> c.Parsed | None:
    """ "also met Carla Diaz there": the meeting where the last one was (and "there" is no part
    of her name)."""
    if not isinstance(result, c.MetCommand) or result.as_before or result.when is not None:
        return None
    if not _THERE.search(re.split(r"[,;:(]|\s[—–-]\s", text, maxsplit=1)[0]):
        return None  # "met Carla, she has worked there for years": "there" is in the note
    if result.place is not None and not _SAME_PLACE.fullmatch(result.place):
        return None  # "met Carla at PyCon, she was there too": a place of its own
    name = _THERE.sub("", result.person.name).strip() or result.person.name
    return replace(result, person=replace(result.person, name=name), place=None, as_before=True)
