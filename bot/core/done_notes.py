"""What a member says with `done` beyond the touch's kind, kept as a note on the contact:
"done elena gave, sent her the comp prep questions" records the give and keeps "sent her the
comp prep questions" on Elena's card.

Before, everything after the kind word was read for the kind and then dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import commands as c

_SEPARATOR = r"[,;:—–]|\s-\s"
# A kind word on its own ("gave", "thanked") before a separator or the end is the kind, not
# part of the note; "gave her the article" is both, and is kept whole.
_KIND_ALONE = re.compile(
    rf"(?:i\s+)?(?:gave|give|asked|ask|thanked|thank)(?=\s*(?:{_SEPARATOR}|$))", re.IGNORECASE
)
_EARLY = re.compile(r"\s+early[\s.!]*$", re.IGNORECASE)
_LEAD = " ,;:—–-"
# Fewer words than this after the name are no note ("done elena, thanks").
_FEWEST_WORDS = 2


def note_said(text: str, command: c.DoneCommand) -> str | None:
    """The note in a `done` line: what follows the person and the kind word, if anything."""
    line = " ".join(text.split())
    name = command.target.name
    at = line.lower().find(name.lower()) if name else -1
    if at < 0:
        return None
    rest = line[at + len(name) :]
    if command.early:
        rest = _EARLY.sub("", rest)
    separated = re.match(rf"\s*(?:{_SEPARATOR})", rest) is not None
    rest = rest.lstrip(_LEAD)
    kind = _KIND_ALONE.match(rest)
    if kind is not None:
        separated = True
        rest = rest[kind.end() :].lstrip(_LEAD)
    rest = rest.strip().rstrip(".!")
    if len(rest.split()) < _FEWEST_WORDS or not (separated or command.kind is not None):
        return None
    return rest


def with_its_note(text: str, command: c.DoneCommand) -> c.DoneCommand:
    note = note_said(text, command)
    return command if note is None else replace(command, note=note)


# "… does that count?", "done lia right?": the line ends by asking something.
_A_QUESTION_AT_THE_END = re.compile(
    r"(?:\b(?:does|do|did|is|was|should|would|can|could|will)\b[^.!?]{0,60}|"
    r"\b(?:right|ok|okay))\?+\W*$",
    re.IGNORECASE,
)


def asked_not_told(text: str, result: c.Parsed) -> c.ParseFailure | None:
    """ "aisha - i sent her a linkedin request only. does that count?": a `done` line that ends
    by asking is answered, never taken as the touch done."""
    if not isinstance(result, c.DoneCommand) or not _A_QUESTION_AT_THE_END.search(text.strip()):
        return None
    return c.ParseFailure(
        "That reads as a question, so I marked nothing done. A follow-up counts once you have "
        "sent them a note of your own (a connection request alone is not one); then type "
        f"`done {result.target.name}`, with `gave`, `asked` or `thanked` if you like.",
        topic="done",
    )
