"""How `delete-meeting` names its person: "delete-meeting Ana", "the meeting with Ana",
"my last meeting with Ana confirm"."""

from __future__ import annotations

import re

_CONFIRM = re.compile(r"\s+confirm$", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:(?:the|my|last|latest|newest|most recent)\s+)*(?:meeting|meet-?up|entry|log)?\s*"
    r"(?:with|for|of)\s+",
    re.IGNORECASE,
)


# "I didn't meet Kai, remove that", "i never met kai - delete it please".
_NOT_MET_REMOVE = re.compile(
    r"\s*i\s+(?:didn'?t|did not|never|haven'?t|have not)\s+(?:actually\s+|really\s+)?"
    r"(?:meet|met)\s+(?P<person>[^,;.!—–]+?)\s*(?:[,;.!—–-]+\s*|\s+so\s+)(?:please\s+)?"
    r"(?:remove|delete|undo|scrap|drop|erase)\s+(?:that|it|this|the meeting|that meeting)"
    r"(?:\s+please)?[.!]*\s*",
    re.IGNORECASE,
)
# "delete the meeting with kai": `delete` starts the line, but a meeting is what goes.
_A_MEETING = re.compile(
    r"(?:(?:the|my|that|last|latest|newest)\s+)*meeting\s+(?:with|for)\s+\S", re.IGNORECASE
)


def said_as_not_met(text: str) -> str | None:
    """The `delete-meeting` line "I didn't meet Kai, remove that" means, or None."""
    found = _NOT_MET_REMOVE.fullmatch(text)
    return f"delete-meeting {found.group('person')}" if found else None


def of_a_meeting(name: str, rest: str) -> str:
    """ "delete-contact" said of a meeting ("delete the meeting with Kai") is `delete-meeting`."""
    return "delete-meeting" if name == "delete-contact" and _A_MEETING.match(rest) else name


def person_and_confirmed(rest: str) -> tuple[str, bool]:
    """The person's words of a `delete-meeting` line, and whether it was confirmed."""
    confirmed = bool(_CONFIRM.search(rest))
    rest = _CONFIRM.sub("", rest).strip()
    return _LEAD.sub("", rest).strip(), confirmed
