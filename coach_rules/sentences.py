"""Where the sentence around a phrase starts and stops: between ".", "!", "?" or a line break,
where a full stop after a title or an abbreviation ("Mr. Danladi", "e.g. the newsletter") ends
nothing."""

from __future__ import annotations

import re

_MARKS = ".!?\n"
_NOT_AN_END = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|approx)|\b[a-z])$", re.IGNORECASE
)


def _ends_a_sentence(text: str, at: int) -> bool:
    return text[at] != "." or not _NOT_AN_END.search(text, max(0, at - 6), at)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] starts (after the mark before it) and stops
    (at the mark after it, or the end of the text)."""
    before = max(text.rfind(mark, 0, start) for mark in _MARKS)
    while before > 0 and not _ends_a_sentence(text, before):
        before = max(text.rfind(mark, 0, before) for mark in _MARKS)
    while True:
        after = [i for i in (text.find(mark, end) for mark in _MARKS) if i >= 0]
        if not after:
            return before + 1, len(text)
        stop = min(after)
        if _ends_a_sentence(text, stop):
            return before + 1, stop
        end = stop + 1
