"""What the tests of fresh phrasings share: a small contact list, a fixed Wednesday, and the
parser and name matching as a direct message to the bot sees them."""

from __future__ import annotations

from datetime import date

from bot.core.parser import parse_command
from storage.names import match_names

KNOWN = ("Ada Obi", "Ben Cole", "Rui Sá")
TODAY = date(2026, 12, 9)  # a Wednesday


def parse(line: str) -> object:
    return parse_command(line, direct_message=True, known_names=KNOWN)


def who(name: str) -> str:
    """The contact a typed name files under, as the store matches it ("ben" is Ben Cole)."""
    found = match_names(name, KNOWN)
    return KNOWN[found[0]] if len(found) == 1 else name
