"""Removing a note is never removing the contact: "delete note on Kemi Ade", "remove my notes
about Tom", "clear Ana's note" mean `delete-note` (the newest note line goes, and the reply
offers to put it back). Before pass 19, "delete note on Kemi Ade" asked "Delete Kemi Ade with
every meeting…?": one tap from losing the whole contact.
"""

from __future__ import annotations

import re

_REMOVE = (
    r"(?:delete|remove|erase|clear|drop|scrap|wipe|undo|take\s+(?:off|out|away)|get\s+rid\s+of|"
    r"rm|del)"
)
_THE = r"(?:(?:the|my|a|that|this|those|these|all|last|latest|old)\s+){0,2}"
_NOTE_WORD = r"(?:notes?|comments?|remarks?)"
_ASKING = r"(?:(?:please|pls|plz|can\s+you|could\s+you|how\s+(?:do|can)\s+i|i\s+want\s+to)\s+)?"
# "delete note on kemi ade", "remove the notes about Tom", "clear my last note for Ana"
_NOTE_ON = re.compile(
    rf"^\W*{_ASKING}{_REMOVE}\s+{_THE}{_NOTE_WORD}\s+(?:i\s+(?:added|wrote|left|made)\s+)?"
    r"(?:on|about|for|of|from|under|to|with|re:?)\s+(?P<who>[^?!.\n]{1,80}?)[\s?!.]*$",
    re.IGNORECASE,
)
# "delete kemi's note", "remove Tom Reid's notes"
_OWNED_NOTE = re.compile(
    rf"^\W*{_ASKING}{_REMOVE}\s+(?:the\s+)?(?P<who>[^?!.\n]{{1,80}}?)(?:'s|’s|s')\s+"
    rf"(?:(?:last|latest|old|first)\s+)?{_NOTE_WORD}[\s?!.]*$",
    re.IGNORECASE,
)


def note_to_remove(text: str) -> str | None:
    """Who a line asks to remove a note about, as typed, or None when it asks no such thing."""
    line = " ".join(text.split())
    found = _NOTE_ON.match(line) or _OWNED_NOTE.match(line)
    if found is None:
        return None
    who = found["who"].strip(" ,:")
    return who or None
