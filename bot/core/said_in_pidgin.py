"""A few Nigerian Pidgin words newcomers mix into commands, read as the English they gloss.

"my timezone na lagos" (na: is) sets the zone; "who else fit see my contacts?" (fit: can) is the
privacy question. Only these narrow shapes are glossed: "na" is also Tagalog and Portuguese, and
"fit" an English word.
"""

from __future__ import annotations

import re

# "my timezone na lagos", "my working hours na 9 to 5"
_SETTING_IS = re.compile(
    r"^(?P<lead>\W*my\s+(?:time\s*zone|tz|zone|working\s+hours|work\s+hours|hours))\s+na\s+",
    re.IGNORECASE,
)
# "who else fit see my contacts?", "who fit read my notes"
_WHO_CAN = re.compile(r"\bwho\s+(?P<else>else\s+)?fit\s+(?=see|read|access|view)", re.IGNORECASE)


def said_in_english(text: str) -> str | None:
    """The English of a line in these Pidgin shapes, or None when it has none."""
    glossed = _SETTING_IS.sub(r"\g<lead> is ", text, count=1)
    glossed = _WHO_CAN.sub(lambda m: f"who {m['else'] or ''}can ", glossed, count=1)
    return glossed if glossed != text else None
