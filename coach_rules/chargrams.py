"""Character n-gram term ids for many chunks at once, in NumPy.

The runtime caches each whitespace-free chunk's n-gram ids. A chunk it has not seen before
costs about 15 µs in Python: build every n-gram string (a 9-letter word has 34), then look
each one up. For a block of drafts, all unseen chunks are worked out together here instead:
every character becomes a small alphabet code, every n-gram a number made of its codes, and
one sorted array of the vocabulary's numbers turns those into term ids.

The ids come out in exactly the order `analysis.chunk_char_grams` lists the n-grams (a test
checks), so a chunk's cached ids are the same whichever way they were worked out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Each character of an n-gram takes this many bits of its number; code 0 is "not in the
# vocabulary's alphabet", so the alphabet may hold up to 2**_BITS - 1 characters.
_BITS = 7
_MAX_ALPHABET = (1 << _BITS) - 1


class CharGramIndex:
    """Term ids of the n-grams of padded chunks (`" " + chunk + " "`), `min_n`..`max_n` long."""

    def __init__(self, index: dict[str, int], unknown: int, min_n: int, max_n: int) -> None:
        import numpy

        self._np = numpy
        self.min_n, self.max_n, self.unknown = min_n, max_n, unknown
        terms = list(index)
        alphabet = sorted(set("".join(terms)))
        # n-gram numbers must fit in an int64 with the length above the characters.
        self.usable = len(alphabet) <= _MAX_ALPHABET and _BITS * max_n + max_n.bit_length() < 63
        if not self.usable:
            return
        # A code point past every real one keeps each searchsorted position in range.
        self._alphabet = numpy.array([*map(ord, alphabet), 0xFFFFFFFF], dtype=numpy.uint32)
        lengths = numpy.fromiter(map(len, terms), numpy.int64, len(terms))
        if len(terms) and not (min_n <= lengths.min() and lengths.max() <= max_n):
            raise ValueError("a character n-gram in the vocabulary has an unexpected length")
        padded = "".join(term.ljust(max_n, " ") for term in terms)
        codes = self._codes(padded)[1].reshape(len(terms), max_n)
        keys = lengths << (_BITS * max_n)
        for position in range(max_n):
            inside = position < lengths
            shift = _BITS * (lengths - 1 - position)
            keys[inside] |= codes[inside, position] << shift[inside]
        order = numpy.argsort(keys, kind="stable")
        self._keys = numpy.append(keys[order], numpy.iinfo(numpy.int64).max)
        ids = numpy.fromiter(index.values(), numpy.intc, len(terms))
        self._ids = numpy.append(ids[order], numpy.intc(unknown))

    def _codes(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Each character's code point, and its alphabet code (1 up; 0 outside the alphabet)."""
        np = self._np
        # surrogatepass: a lone surrogate (possible in a str) is simply not in the alphabet.
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        places = np.searchsorted(self._alphabet, points)
        return points, np.where(self._alphabet[places] == points, places + 1, 0).astype(np.int64)

    def ids_per_chunk(self, chunks: Sequence[str]) -> list[bytes]:
        """Per chunk (none may hold whitespace), its n-gram term ids as packed int32 bytes."""
        np = self._np
        if not chunks:
            return []
        joined = " " + " ".join(chunks) + " "
        points, codes = self._codes(joined)
        space = points == ord(" ")
        # The chunk an n-gram belongs to: the one opened by the last space at or before it.
        chunk_of = np.cumsum(space) - 1
        keys, owners = [], []
        for n in range(self.min_n, self.max_n + 1):
            count = len(points) - n + 1
            if count <= 0:
                break
            key = np.full(count, n << (_BITS * self.max_n), dtype=np.int64)
            outside_alphabet = np.zeros(count, dtype=bool)
            spans_chunks = np.zeros(count, dtype=bool)  # a space inside: not one chunk's n-gram
            for position in range(n):
                window = codes[position : position + count]
                key |= window << (_BITS * (n - 1 - position))
                outside_alphabet |= window == 0
                if 0 < position < n - 1:
                    spans_chunks |= space[position : position + count]
            key[outside_alphabet] = -1  # matches no vocabulary number
            keep = ~spans_chunks
            keys.append(key[keep])
            owners.append(chunk_of[:count][keep])
        all_keys, all_owners = np.concatenate(keys), np.concatenate(owners)
        found = np.searchsorted(self._keys, all_keys)
        ids = self._ids[found]
        ids[self._keys[found] != all_keys] = self.unknown
        # Stable: within a chunk the n-grams stay by length, then by position.
        ids = ids[np.argsort(all_owners, kind="stable")]
        ends = (np.cumsum(np.bincount(all_owners, minlength=len(chunks))) * ids.itemsize).tolist()
        data = ids.tobytes()
        return [data[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]
