"""Where words start in a text, found for the whole text at once.

The phrase scan needs every position where `\\b\\w` matches. A regular expression finds them
by stepping through the text in Python's regex engine and building a match object per word;
classifying every code point with one NumPy table look-up does the same work in a few
vectorised steps. The class is exactly the regex one: `\\w` is `str.isalnum()` or "_" (a test
checks every code point).

NumPy is imported on first use, so importing the rules stays cheap.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_TABLE_SIZE = 0x10000  # the Basic Multilingual Plane; rarer code points are classified one by one
_word_table: np.ndarray | None = None
_table_lock = threading.Lock()


def _is_word_table() -> np.ndarray:
    global _word_table
    if _word_table is None:
        with _table_lock:
            if _word_table is None:
                import numpy

                # Every code point as a one-character string, classified in one vectorised call.
                characters = numpy.arange(_TABLE_SIZE, dtype=numpy.uint32).view("<U1")
                _word_table = numpy.char.isalnum(characters) | (characters == "_")
    return _word_table


def word_starts(text: str) -> list[int]:
    """Positions where `\\b\\w` matches: a word character not preceded by one."""
    import numpy

    # surrogatepass: a lone surrogate (possible in a str) is simply not a word character.
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    word = _is_word_table()[numpy.minimum(codes, _TABLE_SIZE - 1)]
    rare = numpy.flatnonzero(codes >= _TABLE_SIZE)
    if len(rare):
        word[rare] = [chr(c).isalnum() for c in codes[rare].tolist()]
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    return numpy.flatnonzero(starts).tolist()
