"""A typed answer to "Which one?": "2", "the second one", "Kemi Ade", "the MTN one".

The reply that asked kept its choices (each one's words, name and where and when met, and the
command it runs) with the pending question; a typed answer picks one as a tap would, and runs
its command with everything the first line said ("done kemi thanked" keeps "thanked"). An
answer that fits no choice, or more than one, picks nothing and is read as any other line.
"""

from __future__ import annotations

import re

from storage.names import name_key

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
}
_NUMBER = re.compile(r"(?:number\s+|no\.?\s*|option\s+)?(?P<n>[1-9])", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:the\s+)?(?P<n>" + "|".join(_ORDINALS) + r")(?:\s+one)?", re.IGNORECASE)
# Words an answer wraps the detail in: "the MTN one", "I mean Kemi Ade", "the one from Andela".
_FILLER = frozenset(
    [
        "the",
        "one",
        "ones",
        "i",
        "mean",
        "meant",
        "s",
        "its",
        "it",
        "is",
        "was",
        "that",
        "this",
        "who",
        "whom",
        "from",
        "at",
        "with",
        "in",
        "of",
        "a",
        "an",
        "met",
        "my",
        "contact",
        "person",
        "guy",
        "girl",
        "lady",
        "man",
        "woman",
        "please",
        "pls",
        "thanks",
        "yes",
        "yeah",
        "sorry",
    ]
)
# Answers longer than this are a new message, not an answer.
_MOST_WORDS = 8


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", name_key(text))


def picked(text: str, choices: tuple[tuple[str, str], ...]) -> str | None:
    """The command of the one choice `text` picks, else None."""
    line = " ".join(text.split()).strip(" .!?")
    if not choices or not line or len(line.split()) > _MOST_WORDS:
        return None
    number = _NUMBER.fullmatch(line) or _ORDINAL.fullmatch(line)
    if number is not None:
        said = number["n"].lower()
        index = int(said) if said.isdigit() else _ORDINALS[said]
        if index == -1:
            return choices[-1][1]
        return choices[index - 1][1] if index <= len(choices) else None
    wanted = [word for word in _words(line) if word not in _FILLER]
    if not wanted:
        return None
    fits = [run for words, run in choices if set(wanted) <= set(_words(words))]
    return fits[0] if len(fits) == 1 else None
