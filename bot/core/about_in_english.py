"""What a reminder is about, said with the word for "about" in the language the member mixed in.

"wegen dem Pilot", "pour le deck", "na about the quote" (Pidgin), "growth role ke baare mein"
(Hindi, after the thing): the note reads "about …" as it does when typed in English, so it is
stored and shown the same way either way. Spanish "sobre …" is kept as typed: writer E7 keeps
it in the note ("sobre el retreat") where E16 and E17 drop it.
"""

from __future__ import annotations

import re

_ABOUT_FIRST = re.compile(
    r"^(?:na\s+(?=about\b)|(?:wegen(?:\s+(?:dem|der|den|des))?|pour|über|ueber)\s+)",
    re.IGNORECASE,
)
_ABOUT_LAST = re.compile(r"^(?P<what>.+?)\s+ke\s+baare\s+(?:mein|me|main)$", re.IGNORECASE)


def about_in_english(note: str) -> str:
    """`note` with a leading "about" word of another language (or a trailing Hindi one) said as
    "about"; any other note as it was."""
    last = _ABOUT_LAST.match(note)
    if last is not None:
        return f"about {last['what']}"
    found = _ABOUT_FIRST.match(note)
    if found is None:
        return note
    return (
        note[found.end() :] if found[0].lower().startswith("na") else f"about {note[found.end() :]}"
    )
