"""A holiday or party read into the name of someone met (pass 22, tester finding): "met Jens Xmas
Party", "met Jens yday Jens Xmas Party", "met Ana Summer BBQ". The event is where they met, so the
line is read again with "at" before it; a word before the event that repeats the name (or follows
the day) is its host ("Jens Xmas Party": Jens's party) and stays with the place."""

from __future__ import annotations

import re

# Said alone, these are an event; a season or "holiday" is one only with a party word after it
# ("met Ana Summer" may be her surname).
_HOLIDAY = r"(?:xmas|x-mas|christmas|halloween|diwali|eid|hanukkah|thanksgiving|nye)"
_SEASON = r"(?:holiday|holidays|easter|new\s+year'?s?|summer|winter|year-end|end-of-year|festive)"
_EVENT = (
    r"(?:party|parties|dinner|lunch|brunch|drinks|bbq|barbecue|potluck|bash|gathering|mixer|"
    r"social|meetup|gala|do)"
)
_CAP = rf"(?!(?:{_HOLIDAY}|{_SEASON}\s+{_EVENT})\b)(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]*"
_DAY = r"(?:yday|yesterday|today|tonight|last\s+night|this\s+(?:morning|evening|afternoon))"
_MET_THEN_EVENT = re.compile(
    rf"^(?P<lead>\W*(?:i\s+|we\s+)?(?:just\s+)?(?:met|meet)\s+)(?P<name>{_CAP}(?:\s+{_CAP})?)"
    rf"(?P<day>\s+{_DAY})?\s+(?P<host>{_CAP}(?:'s)?\s+)?(?P<event>{_HOLIDAY}(?:\s+{_EVENT})?|{_SEASON}\s+{_EVENT})\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def event_out_of_the_name(text: str) -> str | None:
    """The `met` line with "at" before the event said right after the name, or None."""
    found = _MET_THEN_EVENT.match(" ".join(text.split()))
    if found is None or re.match(r"\s*(?:at|@|in)\b", found["rest"], re.IGNORECASE) is not None:
        return None
    name, host = found["name"], (found["host"] or "").strip()
    if host and not found["day"] and host.removesuffix("'s") not in name.split():
        name, host = f"{name} {host}", ""
    place = f"{host} {found['event']}".strip()
    return f"{found['lead']}{name}{found['day'] or ''} at {place}{found['rest']}"
