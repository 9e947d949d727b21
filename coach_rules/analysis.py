"""Feature extraction shared by training (as TfidfVectorizer analyzers) and the runtime.

The classifier's vectorizers call `char_features` and `word_features` directly, and the
compact runtime calls the same `chunk_char_grams` / `word_grams`, so both see identical terms.
Character n-grams never cross whitespace, which lets the runtime cache them per chunk.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from coach_rules.signals import WORD_RE
from coach_rules.textnorm import normalise

CHUNK_RE = re.compile(r"\S+")
CHAR_MIN = 2
CHAR_MAX = 5


@lru_cache(maxsize=128)
def _gram_slices(size: int) -> tuple[slice, ...]:
    """Where the n-grams of a padded chunk of `size` characters are, shortest n first."""
    return tuple(
        slice(i, i + n)
        for n in range(CHAR_MIN, min(CHAR_MAX, size) + 1)
        for i in range(size - n + 1)
    )


def chunk_char_grams(chunk: str) -> tuple[str, ...]:
    """Character n-grams (CHAR_MIN..CHAR_MAX) of one whitespace-free chunk, padded by spaces."""
    padded = f" {chunk} "
    # The slices are the same for every chunk of a length: cut in C, not in a Python loop.
    return tuple(map(padded.__getitem__, _gram_slices(len(padded))))


_cached_chunk_char_grams = lru_cache(maxsize=65536)(chunk_char_grams)


def char_features(doc: str) -> list[str]:
    """Analyzer for the character block: n-grams of every chunk of the normalised draft."""
    grams: list[str] = []
    for chunk in CHUNK_RE.findall(normalise(doc)):
        grams.extend(_cached_chunk_char_grams(chunk))
    return grams


def word_grams(words: list[str]) -> list[str]:
    """Word unigrams and bigrams."""
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def word_features(doc: str) -> list[str]:
    """Analyzer for the word block."""
    return word_grams(WORD_RE.findall(normalise(doc)))
