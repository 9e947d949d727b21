"""How contact names are compared: case and accents do not matter (José = jose, Zoë = zoe).

`name_key` is what the database indexes; `match_names` adds what people also type when they
mean someone they know: a first name ("Jane"), a surname with a title ("Mr. Haddad"), a German
spelling without umlauts ("Mueller") and a one-letter slip ("Dana Kym").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Letters NFKD does not split into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"}
    | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx"})
# A slip of a letter or two in a name of a few letters ("Hadad", "Kym").
# Lower-case words inside a name: "Maria de la Cruz", "Ludwig van Dijk", "Ahmad bin Saleh".
NAME_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "la"}
    | {"le", "bin", "binti", "al", "el", "ibn", "y", "ter", "ten", "st"}
)
# The same words as a regex alternation, longest first.
NAME_PARTICLES_PATTERN = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
FUZZY_CUTOFF = 0.8


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """The lookup key of a name: accents dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


_WORD_START = re.compile(r"(^|[\s\-'’])([^\W\d_])")


def filed_name(name: str) -> str:
    """A new contact's name as it is kept: typed all in lower case ("ana", "mary-jane o'neil")
    it gets capitals ("Ana", "Mary-Jane O'Neil"); any capital typed means the member chose."""
    if name == name.lower() and name != name.upper():
        return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), name)
    return name


def _loose(key: str) -> str:
    """German spellings without umlauts: "mueller" and "muller" both become "muller"."""
    return key.replace("ue", "u").replace("oe", "o").replace("ae", "a").replace("ss", "s")


def _words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", key) if w and w not in _TITLES]


def _bare(key: str) -> str:
    """A key without titles: "dr. amara obi" and "amara obi" are one person to match."""
    return " ".join(_words(key)) or key


class _Index:
    """One list of names, keyed for the lookups `match_names` makes (built once per list)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.keys = [_bare(name_key(n)) for n in names]
        self.loose = [_loose(k) for k in self.keys]
        self.by_first: dict[str, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            words = _words(key) or [key]
            for table, word in ((self.by_first, words[0]), (self.by_last, words[-1])):
                table.setdefault(word, []).append(i)
            loose_words = _words(self.loose[i]) or [key]
            self.by_first.setdefault(loose_words[0], []).append(i)
            self.by_last.setdefault(loose_words[-1], []).append(i)
        # Every word of every name, for a quick "could this be a name at all".
        self.vocabulary = frozenset(self.by_first) | frozenset(self.by_last)
        self.initials: dict[str, list[int]] = {}
        for i, key in enumerate(self.loose):
            self.initials.setdefault(key[:1], []).append(i)


@lru_cache(maxsize=256)
def _index(names: tuple[str, ...]) -> _Index:
    return _Index(names)


def could_name(word: str, names: Sequence[str]) -> bool:
    """Whether `word` is a word of one of `names` (case and accents aside)."""
    key = name_key(word).strip(" .,!?")
    index = _index(tuple(names))
    return key in index.vocabulary or _loose(key) in index.vocabulary


def match_names(query: str, names: Sequence[str]) -> list[int]:
    """Indexes of the names `query` means, best tier only (several: the caller asks which)."""
    key = name_key(query).strip(" .,!?")
    if not key:
        return []
    index = _index(tuple(names))
    words = _words(key)
    if not words:
        return []
    key = " ".join(words)
    loose = _loose(key)
    candidates = sorted(
        set(index.by_first.get(words[0], ()))
        | set(index.by_first.get(_loose(words[0]), ()))
        | set(index.by_last.get(words[-1], ()))
        | set(index.by_last.get(_loose(words[-1]), ()))
    )
    keys, looses = index.keys, index.loose
    tiers = (
        lambda i: keys[i] == key,
        lambda i: keys[i].startswith(key + " "),
        lambda i: looses[i] == loose or looses[i].startswith(loose + " "),
        lambda i: len(words) < len(_words(keys[i])) and _words(keys[i])[-len(words) :] == words,
    )
    for tier in tiers:
        found = [i for i in candidates if tier(i)]
        if found:
            return found
    # A typo in a full name ("Omar Hadad"); a single word may be somebody new ("Dan" is not
    # "Dana Kim"), so it never matches by spelling alone.
    if len(key.split()) < 2:
        return []
    scored = []
    for i in index.initials.get(loose[:1], ()):
        matcher = difflib.SequenceMatcher(None, loose, looses[i])
        if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
            continue
        score = matcher.ratio()
        if score >= FUZZY_CUTOFF:
            scored.append((score, i))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return [i for score, i in scored if score == best]


def place_key(place: str) -> str:
    """ "the Rust meetup" and "rust meetup" are one place."""
    return re.sub(r"^the\s+", "", name_key(place))
