"""A pasted draft that opens with a command word (issue 11): "Follow up from Intermodal:
Patrícia, you asked about cold-chain audits - here is the checklist…" was a follow-up with a
contact called "from Intermodal", and "Done deal? Our Q4 promo ends Dec 31…" a `done` for a
contact called "deal" (a tester's drafts, neither reviewed).

Such a line is handed on as "not a command" (the draft-or-chat gate then reviews it) when the
command's person is no name at all, and the line goes on to talk to its reader:
- the person starts with a word no name starts with ("from", "about", "regarding"), and the
  line is long and says "you";
- or the command word and one more word make a question ("Done deal?", "Follow up?") and
  sentences follow.
"""

from __future__ import annotations

import re

from bot.core import commands as c

_NO_NAME_STARTS = frozenset({"from", "about", "regarding", "re", "after"})
_TO_THE_READER = re.compile(r"\byou(?:r|'re|'ll|'d)?\b", re.IGNORECASE)
_A_QUESTION_FIRST = re.compile(
    r"^\W*(?:done|follow[- ]?up|snooze|cancel)\s+[^\W\d_]+\?\s+\S", re.IGNORECASE
)
# Fewer words than this is a command with a stray word, not a pasted message.
_DRAFT_WORDS = 10


def _person(result: c.Parsed) -> c.PersonRef | None:
    match result:
        case c.FollowUpCommand():
            return result.person
        case c.DoneCommand() | c.SnoozeCommand() | c.CancelCommand():
            return result.target
    return None


def draft_after_all(text: str, result: c.Parsed) -> c.NotACommand | None:
    """`NotACommand` for a draft read as a command whose person is no name; else None."""
    person = _person(result)
    if person is None or person.follow_up_id is not None or person.mention is not None:
        return None
    if len(text.split()) < _DRAFT_WORDS:
        return None
    first = person.name.split()[0].lower() if person.name.split() else ""
    no_name = first in _NO_NAME_STARTS and _TO_THE_READER.search(text) is not None
    if no_name or _A_QUESTION_FIRST.match(text):
        return c.NotACommand(text=text)
    return None
