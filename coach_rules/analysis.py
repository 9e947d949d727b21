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


def chunk_char_grams(chunk: str) -> tuple[str, ...]:
    """Character n-grams (CHAR_MIN..CHAR_MAX) of one whitespace-free chunk, padded by spaces."""
    padded = f" {chunk} "
    size = len(padded)
    return tuple(
        [
            padded[i : i + n]
            for n in range(CHAR_MIN, min(CHAR_MAX, size) + 1)
            for i in range(size - n + 1)
        ]
    )


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
