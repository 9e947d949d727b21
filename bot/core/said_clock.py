"""A time of day said in words, as the digest's clock reads it.

"noon" and "midday" are 12:00; a bare hour after a part of the day takes that part's half:
"sunday evening at 7" is 7pm, "wednesday mornings at 10" is 10am. `said_clock` rewrites those
words in a line and leaves the rest as it was.
"""

from __future__ import annotations

import re

_NOON = re.compile(r"\b(?:at\s+)?(?:noon|midday|mid-day)\b", re.IGNORECASE)
# A part of the day, then (within a few words) a bare hour: "evening at 7", "mornings around 9".
_PART_THEN_HOUR = re.compile(
    r"\b(?P<part>mornings?|afternoons?|evenings?|nights?)\b(?P<between>(?:\s+\w+){0,2}?\s+)"
    r"(?P<hour>\d{1,2})(?![\d:.]|\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
_AFTER_MIDDAY = ("afternoon", "evening", "night")


def said_clock(text: str) -> str:
    """`text` with "noon" as 12:00 and an hour after a part of the day given its am or pm."""
    text = _NOON.sub("12:00", text)
    return _PART_THEN_HOUR.sub(_with_half_of_day, text)


def _with_half_of_day(found: re.Match[str]) -> str:
    hour = int(found["hour"])
    if not 1 <= hour <= 12:
        return found[0]
    half = "pm" if found["part"].lower().rstrip("s").startswith(_AFTER_MIDDAY) else "am"
    return f"{found['part']}{found['between']}{hour}{half}"
