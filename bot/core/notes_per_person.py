"""One note said about several people met together, shared out: "met ana and ben at the rust
meetup, ana is hiring backend devs and ben wants an intro to our cto" keeps "ana is hiring
backend devs" on Ana's card and "ben wants an intro to our cto" on Ben's. A clause belongs to a
person when it starts with their first or full name; what comes before the first such clause
(or a note that names nobody) is about all of them and stays on every card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.names import name_key

# Where a new clause can start: the note's start, or after a comma, semicolon, full stop, dash
# or "and"/"while"/"but".
_CLAUSE_START = re.compile(r"(?:^|[,;.]\s*|\s[—–-]\s*|\s(?:and|while|but|&)\s+)", re.IGNORECASE)
_EDGES = " ,;.&—–-"


def notes_per_person(note: str | None, names: Sequence[str]) -> list[str | None]:
    """The note each of `names` gets, in their order."""
    if not note or len(names) < 2:
        return [note] * len(names)
    owners = _clause_owners(note, names)
    if not owners:
        return [note] * len(names)
    shared = note[: owners[0][0]].strip(_EDGES)
    own: dict[int, list[str]] = {}
    for (start, who), (end, _) in zip(owners, [*owners[1:], (len(note), -1)], strict=True):
        clause = re.sub(r"^(?:and|while|but|&)\s+", "", note[start:end].strip(_EDGES), flags=re.I)
        own.setdefault(who, []).append(_without_name_label(clause, names[who]).strip(_EDGES))
    notes: list[str | None] = []
    for index in range(len(names)):
        parts = [part for part in (shared, *own.get(index, [])) if part]
        notes.append(", ".join(parts) or None)
    return notes


def _without_name_label(clause: str, name: str) -> str:
    """ "Jonas Berg: Novo Holdings" on Jonas's own card is "Novo Holdings": the label only says
    whose words they are in the note all of them share."""
    words = name.split()
    label = "|".join(re.escape(form) for form in {name, words[0]} if form) if words else ""
    return re.sub(rf"^(?:{label})\s*:\s*", "", clause, flags=re.I) if label else clause


def _clause_owners(note: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """(where the clause starts, whose it is) for each clause led by one person's name."""
    keyed = [name_key(name).split() for name in names]
    firsts = [words[0] for words in keyed if words]
    owners: list[tuple[int, int]] = []
    for boundary in _CLAUSE_START.finditer(note):
        words = name_key(note[boundary.end() :]).split()
        if not words:
            continue
        for index, name_words in enumerate(keyed):
            first = name_words[0] if name_words else ""
            if (
                first
                and words[0].strip("',:") in {first, f"{first}'s"}
                and firsts.count(first) == 1
            ):
                owners.append((boundary.start(), index))
                break
    return owners
