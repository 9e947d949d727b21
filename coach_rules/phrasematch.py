"""Fast whole-word phrase matching for the lexicons.

A lexicon such as `\\b(?:can you|would you|…)\\b` compiled as one alternation tries every
alternative at every word boundary; fifteen of them made up most of a review's time. Here
every alternative is indexed by the first three (or two) characters it can start with
(worked out from its parse tree), and one pass over the draft's word starts tries only the
alternatives whose key matches, anchored at that spot. The results are exactly what the
single alternation would find: at each word start the first alternative (in order) that
matches wins, and matches do not overlap (a test checks this on the whole corpus).

All `PhraseSet`s share one scan per text (cached), so the rules, the strengths and the
model's signals can each ask for their lexicon without scanning the draft again.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import compress, repeat
from typing import NamedTuple

from coach_rules.charclass import word_starts, word_starts_many

try:  # the parser behind `re`; private, so fall back to plain regular expressions without it
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre_parse = None  # type: ignore[assignment]
    sre_constants = None  # type: ignore[assignment]

KEY_LENGTH = 3
SHORT_KEY_LENGTH = 2
_MAX_KEYS = 400


class _Unknown(Exception):
    """The first characters of a pattern cannot be listed."""


def _cap(strings: set[str]) -> set[str]:
    if len(strings) > _MAX_KEYS:
        raise _Unknown
    return strings


def _sequence_prefixes(items: Iterable[tuple[object, object]], n: int) -> set[str]:
    """Every string of length n a match can start with, plus whole matches shorter than n."""
    open_: set[str] = {""}
    done: set[str] = set()
    for item in items:
        options = _item_prefixes(item, n)
        grown: set[str] = set()
        for head in open_:
            for option in options:
                joined = (head + option)[:n]
                (done if len(joined) == n else grown).add(joined)
        open_ = _cap(grown)
        if not open_:
            break
    return _cap(done | open_)


def _item_prefixes(item: tuple[object, object], n: int) -> set[str]:
    c = sre_constants
    op, value = item
    if op == c.LITERAL:
        return {chr(value)}  # type: ignore[arg-type]
    if op == c.AT:
        return {""}
    if op == c.IN:
        chars: set[str] = set()
        for member_op, member in value:  # type: ignore[attr-defined]
            if member_op == c.LITERAL:
                chars.add(chr(member))
            elif member_op == c.RANGE and member[1] - member[0] < 40:
                chars.update(chr(x) for x in range(member[0], member[1] + 1))
            else:
                raise _Unknown
        return chars
    if op == c.SUBPATTERN:
        return _sequence_prefixes(value[-1], n)  # type: ignore[index]
    if op == c.BRANCH:
        found: set[str] = set()
        for branch in value[1]:  # type: ignore[index]
            found |= _sequence_prefixes(branch, n)
        return _cap(found)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, inner = value  # type: ignore[misc]
        inner_options = _sequence_prefixes(inner, n)
        current, found = {""}, set()
        for copies in range(n + 1):
            if copies >= low:
                found |= current
            if copies >= high or all(len(s) == n for s in current):
                break
            current = _cap({(s + o)[:n] for s in current for o in inner_options})
        return _cap(found)
    raise _Unknown


def start_keys(alternative: str) -> set[str] | None:
    """The strings a match of `alternative` can start with: KEY_LENGTH characters long,
    or SHORT_KEY_LENGTH when the pattern cannot be spelled out that far. None if unknown."""
    if sre_parse is None:
        return None
    for length in (KEY_LENGTH, SHORT_KEY_LENGTH):
        try:
            keys = _sequence_prefixes(sre_parse.parse(alternative), length)
        except _Unknown:
            continue
        except (re.error, TypeError, ValueError):
            return None
        # A match must start with a word character (it follows \b) and fill a whole key.
        if keys and all(len(k) == length and re.match(r"\w", k) for k in keys):
            return keys
    return None


def first_characters(alternative: str, flags: int = 0) -> set[str] | None:
    """The characters a match of `alternative` can start with; None if they cannot be listed
    (it may start with a lookbehind, a class such as `\\w`, or match nothing)."""
    if sre_parse is None:
        return None
    try:
        keys = _sequence_prefixes(sre_parse.parse(alternative, flags), 1)
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    return keys if keys and all(len(k) == 1 for k in keys) else None


_Entry = tuple[int, int, str]  # (set number, alternative order, alternative)
# What the scan tries at a word start: per PhraseSet, its alternatives for that key merged
# into one anchored pattern (in their original order, so the first that matches still wins).
_Compiled = tuple[int, re.Pattern[str]]
_registry: list[PhraseSet] = []
# Full-length keys; each list also holds the short-key entries its key starts with.
_index: dict[str, list[_Compiled]] = {}
_short_index: dict[str, list[_Compiled]] = {}


class _Tried(NamedTuple):
    """What the scan tries at a word start whose key has alternatives."""

    # Matches exactly where at least one of `sets` does, so one failed match rules them all
    # out (almost every word start matches none); None when there is only one set.
    any_set: re.Pattern[str] | None
    sets: list[_Compiled]


def _tried(sets: list[_Compiled]) -> _Tried | None:
    if not sets:
        return None
    any_set = re.compile("|".join(p.pattern for _, p in sets)) if len(sets) > 1 else None
    return _Tried(any_set, sets)


# Word-start key -> what to try there (None when nothing), filled as keys are first seen.
_resolved: dict[str, _Tried | None] = {}
_RESOLVED_LIMIT = 100_000
_UNSEEN = _Tried(None, [])  # `_resolved.get`'s default: a key not looked up yet


def _compile_bucket(bucket: list[_Entry]) -> list[_Compiled]:
    merged: list[_Compiled] = []
    for number in dict.fromkeys(entry[0] for entry in bucket):
        alternatives = "|".join(entry[2] for entry in bucket if entry[0] == number)
        merged.append((number, re.compile(rf"(?:{alternatives})\b")))
    return merged


def _add_to_index(
    index: dict[str, list[_Entry]], short: dict[str, list[_Entry]], key: str, entry: _Entry
) -> None:
    if len(key) == KEY_LENGTH:
        bucket = index.setdefault(key, list(short.get(key[:SHORT_KEY_LENGTH], ())))
        bucket.append(entry)
        bucket.sort(key=lambda e: e[:2])
        return
    short.setdefault(key, []).append(entry)
    for long_key, bucket in index.items():
        if long_key.startswith(key):
            bucket.append(entry)
            bucket.sort(key=lambda e: e[:2])


class PhraseSet:
    """Whole-word alternatives, matched like `\\b(?:a|b|…)\\b` but much faster.

    Nothing is compiled until the first match is asked for, so importing the lexicons is
    cheap; the first review pays for it once.
    """

    def __init__(self, *alternatives: str, word_boundaries: bool = True) -> None:
        self.alternatives = alternatives
        self.word_boundaries = word_boundaries
        self.number = len(_registry)
        self._indexed = False
        _registry.append(self)

    @property
    def indexed(self) -> bool:
        """Whether this set uses the fast index (every alternative's start could be listed)."""
        _ensure_index()
        return self._indexed

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The plain single alternation (the fallback, and the reference in tests)."""
        joined = "|".join(self.alternatives)
        return re.compile(rf"\b(?:{joined})\b" if self.word_boundaries else joined)

    def _index_into(self, index: dict[str, list[_Entry]], short: dict[str, list[_Entry]]) -> None:
        keyed = [start_keys(a) for a in self.alternatives] if self.word_boundaries else [None]
        self._indexed = all(keys is not None for keys in keyed)
        if not self._indexed:
            return
        for order, (alternative, keys) in enumerate(zip(self.alternatives, keyed, strict=True)):
            for key in keys or ():
                _add_to_index(index, short, key, (self.number, order, alternative))

    def finditer(self, text: str) -> list[re.Match[str]]:
        _ensure_index()
        if not self._indexed:
            return list(self.pattern.finditer(text))
        return _scan(text).get(self.number, [])

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match starting at or after `pos` and ending by `endpos`."""
        end = len(text) if endpos is None else endpos
        for match in self.finditer(text):
            if match.start() >= pos and match.end() <= end:
                return match
        return None

    def count(self, text: str) -> int:
        return len(self.finditer(text))


_index_lock = threading.Lock()
_indexed_sets = 0


def _ensure_index() -> None:
    """Index every PhraseSet created so far (once; again only if new sets appear)."""
    global _index, _short_index, _indexed_sets
    if _indexed_sets == len(_registry):
        return
    with _index_lock:
        if _indexed_sets == len(_registry):
            return
        index: dict[str, list[_Entry]] = {}
        short: dict[str, list[_Entry]] = {}
        for phrase_set in _registry:
            phrase_set._index_into(index, short)
        _index = {key: _compile_bucket(bucket) for key, bucket in index.items()}
        _short_index = {key: _compile_bucket(bucket) for key, bucket in short.items()}
        _resolved.clear()
        _scan.cache_clear()
        _indexed_sets = len(_registry)


SCAN_CACHE_SIZE = 64  # drafts whose scan is kept (review_many works in blocks well inside it)
# Word starts worked out for several texts at once by `scan_many`, waiting for their `_scan`.
_pending_word_starts: dict[str, list[int]] = {}


def scan_many(texts: Sequence[str]) -> None:
    """Scan several texts (up to SCAN_CACHE_SIZE) now, finding their word starts in one pass.

    Every PhraseSet's matches in these texts are then served from the scan cache.
    """
    _ensure_index()
    _pending_word_starts.update(zip(texts, word_starts_many(texts), strict=True))
    for text in texts:
        _scan(text)
    for text in texts:  # a text that was already cached left its starts unused
        _pending_word_starts.pop(text, None)


@lru_cache(maxsize=SCAN_CACHE_SIZE)
def _scan(text: str) -> dict[int, list[re.Match[str]]]:
    """One pass over the word starts of `text` for every indexed PhraseSet."""
    found: dict[int, list[re.Match[str]]] = {}
    busy_until: dict[int, int] = {}  # set number -> end of its last match (no overlaps)
    index, short_index = _index, _short_index
    starts = _pending_word_starts.pop(text, None)
    if starts is None:
        starts = word_starts(text)
    for start, tried in _candidate_starts(text, starts, index, short_index, _resolved):
        if tried.any_set is not None and tried.any_set.match(text, start) is None:
            continue
        for number, anchored in tried.sets:
            if busy_until.get(number, -1) > start:
                continue
            match = anchored.match(text, start)
            if match is not None:
                busy_until[number] = match.end()
                found.setdefault(number, []).append(match)
    return found


def _candidate_starts(
    text: str,
    starts: list[int],
    index: dict[str, list[_Compiled]],
    short_index: dict[str, list[_Compiled]],
    resolved: dict[str, _Tried | None],
) -> list[tuple[int, _Tried]]:
    """(word start, alternatives to try there) for the word starts that have any.

    `resolved` caches each key's alternatives (full key first, else its short key; None when
    neither), so finding the starts, their keys and their alternatives runs in C; Python only
    loops over keys seen for the first time.
    """
    keys = [text[start : start + KEY_LENGTH] for start in starts]
    found = list(map(resolved.get, keys, repeat(_UNSEEN)))
    if _UNSEEN in found:
        if len(resolved) >= _RESOLVED_LIMIT:
            resolved.clear()
        for position, key in enumerate(keys):
            if found[position] is _UNSEEN:
                found[position] = resolved[key] = _tried(
                    index.get(key) or short_index.get(key[:SHORT_KEY_LENGTH]) or []
                )
    return list(compress(zip(starts, found, strict=True), found))
