"""A status or a new day said of one contact's reminder, in the fewest words.

"José done — he signed!", "Dana's done. we spoke this morning", "Jane follow-up: done",
"that Jane Doe follow-up - handled" mark it done; "José follow-up: cancel" drops it; "priya →
jan 11", "jane → 3 more days", "Kai: +7 days", "Omar's reminder — push it out 5 days" move it, and
so do "can we move the Jane follow-up to Friday?" (asked, the reminder named) and "remind me
about Jane on the 16th instead".

`said_of_a_reminder` returns the command text such a line means, or None. The person must be
one of the member's contacts (or a follow-up's #number): "Launch done — finally!" names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.when import WhenError, find_day
from storage.names import match_names

_REMINDER = r"(?:follow[- ]?ups?|reminders?|f/u|nudge)"
_WORD = r"[^\W\d_][\w-]*"
# The person in one word or two ("José", "Jane Doe", "#6"), then "'s", "follow-up" or both.
_HEADS = tuple(
    re.compile(
        rf"(?:(?:the|that|this|my)\s+)?(?P<who>#\d{{1,6}}|{_WORD}(?:\s+{_WORD}){{{words}}})"
        rf"(?:'s|’s)?(?:\s+{_REMINDER})?\s*(?P<sep>[:—–→=>-]+|\s)\s*(?P<rest>\S.*)",
        re.IGNORECASE | re.DOTALL,
    )
    for words in (1, 0)
)
_DONE = re.compile(
    r"(?:is\s+|'s\s+)?(?:done and dusted|done|handled|handeld|complete|completed|sorted|"
    r"finished|fertig|hecho|feito|closed|taken care of)(?:\s+na)?\b(?P<after>.*)",
    re.IGNORECASE | re.DOTALL,
)
_CANCEL = re.compile(r"(?:cancel(?:led)?|drop(?:ped)?|scrap(?:ped)?|abort(?:ed)?)\b", re.I)
_PUSH = re.compile(
    r"(?:(?:push|move|bump|snooze)(?:\s+(?:it|that))?(?:\s+(?:out|back))?(?:\s+by)?\s+|\+\s*)?"
    r"(?P<count>\d{1,3})\s+(?:more\s+)?days?\b|(?:push|move|bump|snooze)?(?:\s+(?:it|that))?"
    r"(?:\s+(?:out|back))?\s*(?:to\s+)?(?P<day>.+)",
    re.IGNORECASE | re.DOTALL,
)
_WHO = rf"{_WORD}(?:\s+{_WORD})?"
# A reminder moved to a new day: asked for ("can we move the Jane follow-up to Friday?", "could
# you move my reminder for Kai to the 21st"), or said again with "instead".
_MOVED = re.compile(
    rf"(?:(?:can|could)\s+(?:we|you|u)\s+(?:please\s+)?(?:move|push|shift|reschedule)\s+"
    rf"(?:(?:the|my|that)\s+(?P<named>{_WHO})\s+{_REMINDER}|(?P<whose>{_WHO})(?:'s|’s)\s+"
    rf"{_REMINDER}|(?:the|my)\s+{_REMINDER}\s+(?:with|for)\s+(?P<with>{_WHO}))\s+"
    rf"(?:to|till|until)\s+(?P<day>[^,;?]+?)|(?:remind|nudge|ping)\s+me\s+(?:about|abt|of)\s+"
    rf"(?P<about>{_WHO})\s+(?:again\s+)?(?P<instead>[^,;?]+?)\s+instead)"
    # "… to next week? swamped": a word of why after it.
    r"(?:\s*[?!.]+)?(?:\s*[?!.,;—–-]+\s*\w+)?",
    re.IGNORECASE,
)
# What may follow a status: the end, or a new sentence or clause ("— he signed!").
_CLAUSE_END = re.compile(r"\s*(?:$|[.!,;—–]|\s-\s|✅|✔)", re.DOTALL)


def said_of_a_reminder(text: str, known: Sequence[str]) -> str | None:
    """`done …`, `cancel …` or `snooze …` for a status or day said of one contact, or None."""
    line = " ".join(text.split()).rstrip(" .!")
    moved = _MOVED.fullmatch(line)
    if moved is not None:
        return _moved(moved, known)
    if "?" in text:
        return None
    for pattern in _HEADS:
        head = pattern.fullmatch(line)
        if head is not None and (
            head["who"].startswith("#") or len(match_names(head["who"], known)) == 1
        ):
            return _said(head["who"], head["sep"], head["rest"])
    return None


def _moved(moved: re.Match[str], known: Sequence[str]) -> str | None:
    who = moved["named"] or moved["whose"] or moved["with"] or moved["about"]
    if not (who[:1].isupper() or len(match_names(who, known)) == 1):
        return None
    day = moved["day"] or moved["instead"]
    try:
        found = find_day(day)
    except WhenError:
        return None
    if found is None or day[: found.start].strip() or day[found.end :].strip():
        return None
    return f"snooze {who} to {day}"


def _said(who: str, sep: str, rest: str) -> str | None:
    done = _DONE.match(rest)
    if done is not None and _CLAUSE_END.match(done["after"]):
        return f"done {who}"
    cancel = _CANCEL.match(rest)
    if cancel is not None and _CLAUSE_END.match(rest[cancel.end() :]):
        return f"cancel {who}"
    if sep.strip() in {"", "-"}:
        return None  # "Dana 3 days …" or "Dana - Friday" may be anything: only an arrow or colon
    push = _PUSH.fullmatch(rest)
    if push is None:
        return None
    if push["count"]:
        return f"snooze {who} {push['count']} days"
    try:
        found = find_day(push["day"])
    except WhenError:
        return None
    if found is None or push["day"][: found.start].strip() or push["day"][found.end :].strip():
        return None
    return f"snooze {who} to {push['day']}"
