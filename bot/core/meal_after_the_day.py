"""A meal said after the day is when, not where (pass 22): "met Gus at the rust meetup friday
lunch" was met at "the rust meetup" on Friday, never at "the rust meetup lunch". A meal inside an
event's name stays ("the Black Tech Saturday brunch on the 5th": the day is said after it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import commands as c

_MEAL = r"(?:lunch|dinner|breakfast|brunch|drinks|coffee)"
_DAY = (
    r"(?:today|yesterday|tonight|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_DAY_THEN_MEAL = re.compile(
    rf"\b{_DAY}\s+(?P<meal>{_MEAL})(?=[\s.!]*$|\s*[,;:]|\s+[—–-]\s)", re.IGNORECASE
)


def place_without_the_meal(text: str, result: c.Parsed) -> c.Parsed | None:
    """The meeting with the meal said after its day cut from its place, or None."""
    if not isinstance(result, c.MetCommand) or result.place is None or result.when is None:
        return None
    found = _DAY_THEN_MEAL.search(text)
    if found is None:
        return None
    ending = re.compile(rf"\s+{found['meal']}$", re.IGNORECASE)
    place = ending.sub("", result.place)
    if place == result.place or not place.strip():
        return None
    return replace(result, place=place)
