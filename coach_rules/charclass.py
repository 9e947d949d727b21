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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_TABLE_SIZE = 0x10000  # the Basic Multilingual Plane; rarer code points are classified one by one
_tables: tuple[np.ndarray, np.ndarray] | None = None
_tables_lock = threading.Lock()


def _word_and_space_tables() -> tuple[np.ndarray, np.ndarray]:
    global _tables
    if _tables is None:
        with _tables_lock:
            if _tables is None:
                import numpy

                # Every code point as a one-character string, classified in vectorised calls.
                characters = numpy.arange(_TABLE_SIZE, dtype=numpy.uint32).view("<U1")
                word = numpy.char.isalnum(characters) | (characters == "_")
                _tables = word, numpy.char.isspace(characters)
    return _tables


def _classify(text: str, table: np.ndarray, rare_class: Callable[[str], bool]) -> np.ndarray:
    """table[code point] for every character of `text`; `rare_class` past the table."""
    import numpy

    # surrogatepass: a lone surrogate (possible in a str) is neither a word nor a space.
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    found = table[numpy.minimum(codes, _TABLE_SIZE - 1)]
    rare = numpy.flatnonzero(codes >= _TABLE_SIZE)
    if len(rare):
        found[rare] = [rare_class(chr(c)) for c in codes[rare].tolist()]
    return found


def word_starts(text: str) -> list[int]:
    """Positions where `\\b\\w` matches: a word character not preceded by one."""
    import numpy

    word = _classify(text, _word_and_space_tables()[0], str.isalnum)
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    return numpy.flatnonzero(starts).tolist()


def word_starts_many(texts: Sequence[str]) -> list[list[int]]:
    """`word_starts` of each text, all classified in one pass (joined by a space)."""
    import numpy

    if len(texts) == 1:
        return [word_starts(texts[0])]
    word = _classify(" ".join(texts), _word_and_space_tables()[0], str.isalnum)
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    return _split_positions(numpy.flatnonzero(starts), texts)


def _split_positions(positions: np.ndarray, texts: Sequence[str]) -> list[list[int]]:
    """Positions in `" ".join(texts)`, sorted, split into each text's own positions."""
    import numpy

    text_starts = numpy.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    firsts = [*numpy.searchsorted(positions, text_starts).tolist(), len(positions)]
    positions = positions - text_starts.repeat(numpy.diff(firsts))
    flat = positions.tolist()
    return [flat[firsts[i] : firsts[i + 1]] for i in range(len(texts))]


def chunk_spans_many(texts: Sequence[str]) -> list[list[int]]:
    """For each text, where its `\\S+` runs start and end: [start0, end0, start1, end1, ...].

    All texts are classified in one pass, joined by a space (so no run crosses two texts).
    """
    import numpy

    joined = " ".join(texts)
    space = _classify(joined, _word_and_space_tables()[1], str.isspace)
    edges = numpy.ones(len(space) + 1, dtype=bool)  # True where a run starts or ends
    if len(space):
        edges[0] = not space[0]
        edges[-1] = not space[-1]
        numpy.not_equal(space[1:], space[:-1], out=edges[1:-1])
    else:
        edges[0] = False
    return _split_positions(numpy.flatnonzero(edges), texts)
