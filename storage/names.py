"""How contact names are compared: case and accents do not matter (José = jose, Zoë = zoe)."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """The lookup key of a name: accents dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters NFKD does not split: ß is folded by casefold; these have no decomposition.
    bare = bare.translate(_UNDECOMPOSED)
    return " ".join(bare.casefold().split())


_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
    }
)
