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

# Letters NFKD does not split into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"}
    | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx"})
# A slip of a letter or two in a name of a few letters ("Hadad", "Kym").
FUZZY_CUTOFF = 0.8


def name_key(name: str) -> str:
    """The lookup key of a name: accents dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _loose(key: str) -> str:
    """German spellings without umlauts: "mueller" and "muller" both become "muller"."""
    return key.replace("ue", "u").replace("oe", "o").replace("ae", "a").replace("ss", "s")


def _words(key: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", key) if w and w not in _TITLES]


def match_names(query: str, names: Sequence[str]) -> list[int]:
    """Indexes of the names `query` means, best tier only (several: the caller asks which)."""
    key = name_key(query).strip(" .,!?")
    if not key:
        return []
    keys = [name_key(n) for n in names]
    tiers = (
        lambda k: k == key,
        lambda k: k.startswith(key + " "),
        lambda k: _loose(k) == _loose(key) or _loose(k).startswith(_loose(key) + " "),
        lambda k: (
            _words(key) != []
            and _words(k)[-len(_words(key)) :] == _words(key)
            and len(_words(key)) < len(_words(k))
        ),
    )
    for tier in tiers:
        found = [i for i, k in enumerate(keys) if tier(k)]
        if found:
            return found
    # A typo in a full name ("Omar Hadad"); a single word may be somebody new ("Dan" is not
    # "Dana Kim"), so it never matches by spelling alone.
    if len(key.split()) < 2:
        return []
    scored = []
    for i, k in enumerate(keys):
        score = difflib.SequenceMatcher(None, _loose(key), _loose(k)).ratio()
        if score >= FUZZY_CUTOFF:
            scored.append((score, i))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return [i for score, i in scored if score == best]
