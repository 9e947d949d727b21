"""Two commands in one line: "done tom thanked + snooze kevin 2 days", "done bayo gave, and
snooze ngozi 2 days", "sent sarah the numbers, gave. also remind me to ping james thurs".

Before, the second one was lost without a word. This module finds where a line of two is cut
(`in_two`, at `BEFORE_A_COMMAND`) and words what was not done; `several_commands.split_line`
and `run_parts` run both when each part alone reads as a command (the second waits when the
first asks a question); when only one part does, it runs that one and says plainly which words
it did not act on and how to send them.
"""

from __future__ import annotations

import re

from bot.core import ledger

# A part that starts a second command: its command word (never "met" or "note", whose words often
# go on a meeting's line: "met Jane, note: …").
_STARTS_A_COMMAND = (
    r"(?:done|snooze|cancel|push|move|remind\s+me|set\s+a\s+reminder|follow[- ]?up|"
    r"keep\s+in\s+touch|mark)\b"
)
# Where a line is cut before another command (`several_commands` cuts at the same places).
BEFORE_A_COMMAND = re.compile(
    r"(?:\s+\+\s+|\s*&\s+|\s*[,;]\s*(?:and\s+|then\s+|also\s+|plus\s+)*|\.\s+(?:also\s+|and\s+|"
    r"then\s+|plus\s+)*|\s+(?:and\s+)?(?:also|then)\s+|\s+and\s+)(?=" + _STARTS_A_COMMAND + ")",
    re.IGNORECASE,
)
MAX_LINE_CHARS = 300


def in_two(text: str) -> tuple[str, str] | None:
    """The two commands a line joins, as two lines, or None."""
    line = " ".join(text.split())
    if len(line) > MAX_LINE_CHARS:
        return None
    for found in BEFORE_A_COMMAND.finditer(line):
        first, second = line[: found.start()].strip(" ,;."), line[found.end() :].strip()
        if len(first.split()) >= 2 and len(second.split()) >= 2:
            return first, second
    return None


_TOUCH_TOLD = re.compile(
    r"^\W*(?:i\s+)?(?:sent|emailed|messaged|texted|called|pinged|dmed|gave|thanked|asked)\s+"
    r"(?P<who>[^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)


def not_done(part: str) -> str:
    """The sentence saying a part was not acted on, and how to send it."""
    told = _TOUCH_TOLD.match(part)
    if told is not None:
        kind = ledger.kind_in(part)
        word = {"give": " gave", "ask": " asked", "thank": " thanked"}.get(kind or "", "")
        how = f"to mark a follow-up with them done, send `done {told['who']}{word}` on its own line"
    else:
        how = "if it was for me, send it again on its own line"
    return f"I didn't act on “{part}”: {how}."


def not_yet(part: str) -> str:
    return f"I haven't done “{part}” yet: answer this first, then send it on its own line."
