"""Reopening a follow-up marked done by mistake: "undo done dana", "reopen dana", "mark dana not
done", and "oops wrong one, i meant marcus not dana" right after `done dana`.

The reading lives here; `bot.core.undo.reopen` puts the follow-up back as it was.
"""

from __future__ import annotations

import re

from bot.core import commands as c
from bot.core.when import find_possible_day

_NAME = r"(?:#\d+|contact#\d+|[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}?)"
_POSSESSIVE = r"(?:['’]s)?"
_FOLLOW_UP = r"(?:\s+(?:follow[- ]?up|reminder|touch|one))?"
_OOPS = (
    r"(?:(?:oops|sorry|whoops|my\s+bad|no|wait|actually|argh+|ugh+|dang|damn|shoot|wrong\s+one|"
    r"wrong\s+person|wrong\s+name)\W+)*"
)
_END = r"[\s.!]*$"

_REOPEN = re.compile(
    r"^\W*" + _OOPS + r"(?:"
    # "undo done dana", "undo the done on dana", "undo marking dana done"
    rf"undo\s+(?:the\s+)?(?:done|marking|mark)\s+(?:(?:on|for|with)\s+)?(?P<a>{_NAME})"
    rf"{_POSSESSIVE}(?:\s+(?:as\s+)?done)?"
    # "undo dana done", "undo dana's done"
    rf"|undo\s+(?P<b>{_NAME}){_POSSESSIVE}\s+done"
    # "reopen dana", "re-open dana's follow-up", "unmark dana", "undone dana"
    rf"|(?:re-?open|unmark|un-?done|un-?do\s+done)\s+(?:the\s+)?(?:(?:follow[- ]?up|one)\s+"
    rf"(?:with|for|on)\s+)?(?P<c>{_NAME}){_POSSESSIVE}{_FOLLOW_UP}"
    # "mark dana not done", "mark dana as not done"
    rf"|mark\s+(?P<d>{_NAME})\s+(?:as\s+)?(?:not\s+done|undone|open)"
    r")" + _END,
    re.IGNORECASE,
)
# "oops wrong one, i meant marcus not dana", "i meant marcus, not dana"
_MEANT = re.compile(
    r"^\W*"
    + _OOPS
    + rf"(?:i\s+)?meant\s+(?P<meant>{_NAME})\s*,?\s+not\s+(?P<wrong>{_NAME})"
    + _END,
    re.IGNORECASE,
)
# "argh wrong one, i meant yaw. efua still pending": the one meant, then the one still open
# (pass 24); "wrong one, i meant yaw": the one still open is whom the conversation is about.
_MEANT_STILL_OPEN = re.compile(
    r"^\W*"
    + _OOPS
    + rf"(?:i\s+)?meant\s+(?P<meant>{_NAME})\s*[.,;!—–-]+\s*(?P<wrong>{_NAME})\s+(?:is\s+)?"
    r"(?:still\s+(?:pending|open|not\s+done|to\s+do)|not\s+(?:done|yet))" + _END,
    re.IGNORECASE,
)
_WRONG_ONE_MEANT = re.compile(
    r"^\W*(?:(?:oops|sorry|whoops|my\s+bad|argh+|ugh+|no|wait)\W+)*wrong\s+(?:one|person|name)"
    rf"\W+(?:i\s+)?meant\s+(?P<meant>{_NAME})" + _END,
    re.IGNORECASE,
)
# "undo done", "undo that done", "reopen it": the conversation's contact.
_REOPEN_IT = re.compile(
    r"^\W*"
    + _OOPS
    + r"(?:undo\s+(?:that\s+|the\s+)?done|re-?open\s+(?:it|that|her|him|them))"
    + _END,
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset({"her", "him", "them", "it", "that", "this", "the", "one", "done", "me"})


def _person(words: str, referent: c.PersonRef | None) -> c.PersonRef | None:
    words = words.strip()
    if words.lower() in {"her", "him", "them", "it", "that"}:
        return referent
    first = words.split()[0].lower() if words else ""
    if words.lower() in _NOT_A_NAME or first in _NOT_A_NAME or find_possible_day(words):
        return None
    if words.startswith("#") and words[1:].isdigit():
        return c.PersonRef(name=words, follow_up_id=int(words[1:]))
    if words.lower().startswith("contact#") and words[8:].isdigit():
        return c.PersonRef(name=words, contact_id=int(words[8:]))
    return c.PersonRef(name=words)


def reopen_command(text: str, referent: c.PersonRef | None) -> c.ReopenCommand | None:
    line = " ".join(text.split())
    if _REOPEN_IT.match(line):
        return None if referent is None else c.ReopenCommand(target=referent)
    found = _REOPEN.match(line)
    if found is not None:
        words = next(value for value in found.groupdict().values() if value)
        target = _person(words, referent)
        return None if target is None else c.ReopenCommand(target=target)
    meant = _MEANT.match(line) or _MEANT_STILL_OPEN.match(line)
    if meant is None and referent is not None:
        only = _WRONG_ONE_MEANT.match(line)
        right = _person(only["meant"], referent) if only is not None else None
        if right is not None and right.name.lower() != referent.name.lower():
            return c.ReopenCommand(target=referent, meant=right)
    if meant is not None:
        wrong = _person(meant["wrong"], referent)
        right = _person(meant["meant"], referent)
        if wrong is None or right is None:
            return None
        return c.ReopenCommand(target=wrong, meant=right)
    return None
