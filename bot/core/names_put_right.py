"""Renames told as news about a name (pass 22, issue 11): the line is read as `rename`.

- the name is now another ("Ada Obi is now Ada Obi-Lee after the wedding", "Ada hyphenated her
  name, it's Ada Obi-Lee now");
- the real name told ("the Ada Obi card was a test, her real name is Ada Lee", "Ada's actual
  name is Adaeze. Adaeze Obi");
- the last name put right ("Ada's surname is spelled Obih, not Obi", "I've been writing Ada's
  last name wrong — it's Obih");
- the name someone uses, then the request ("Ada uses Adaeze Obi at work, change it to that",
  "Ada wants it as Ada Obi without the dot, update pls");
- Hindi "Ada Obi ka naam (change karo,) Ada Lee kar do";
- an arrow between the two ("fix ada's name: Ada Obi → Ada Lee").

Told without a request, the new name must share a word with the old one ("Ada is now CTO at
Acme" is news for a note, not a rename).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.core import commands as c
from bot.core.rewrites import first_reading
from storage.names import name_key

_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]*"
# A person as typed: one to three capitalised words.
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,2}}?"
# A new full name: two to four capitalised words.
_FULL = rf"{_CAP}(?:\s+{_CAP}){{1,3}}"
_SEP = r"\s*[,;:—–-]+\s*"
_END = r"(?:\s*[^\w\s]+)*\s*$"  # a stop, "!" or an emoji at the end
_HIS = r"(?:his|her|their|the)"
# Whom the news is about: capitalised words, or one word as typed ("kai").
_WHO = rf"(?:{_NAME}|[^\W\d_][\w'’-]*)"
# A life event that changes a name.
_WEDDING = r"(?:got\s+(?:married|divorced|hitched)|(?:re)?married|divorced)"
_REQUEST = (
    r"(?:please\s+|pls\s+|can\s+you\s+)?(?:change|update|fix|rename|renmae|rnaeme|correct|use)\b[^,;.]*"
    r"(?:[,;]?\s*(?:please|pls|thanks|thx))?"
)

# (pattern, the command line it means, whether the new name must share a word with the old).
_FAMILIES: tuple[tuple[str, str, bool], ...] = (
    (
        rf"(?P<n>{_NAME})\s+is\s+now\s+(?P<new>{_FULL})(?:\s+(?:after|since|following)\b.*?)?",
        "rename {n} to {new}",
        True,
    ),
    (
        rf"(?P<n>{_NAME})\s+(?:hyphenated|changed|updated|shortened|double-barrell?ed)\s+{_HIS}\s+"
        rf"(?:last\s+|family\s+)?name(?:\s+\w+){{0,2}}?{_SEP}(?:it'?s|it\s+is|now)\s+"
        rf"(?P<new>{_FULL})(?:\s+now)?",
        "rename {n} to {new}",
        True,
    ),
    (
        rf"(?:the\s+)?(?P<n>{_NAME})(?:\s+(?:contact|card|entry))?\s+(?:was|is)\s+[^,;—–]+?{_SEP}"
        rf"{_HIS}\s+(?:real|actual|proper|full|correct)\s+name\s+is\s+(?P<new>{_FULL})",
        "rename {n} to {new}",
        False,
    ),
    (
        rf"(?P<n>{_NAME})'s\s+(?:real|actual|proper|full|correct)\s+name\s+is\s+"
        rf"(?:{_CAP}\s*[.,;:—–-]+\s*)?(?P<new>{_FULL})",
        "rename {n} to {new}",
        False,
    ),
    (
        rf"(?P<n>{_NAME})'s\s+(?:last\s+name|surname|family\s+name)\s+is\s+(?:actually\s+)?"
        rf"(?:spelled|spelt|written)\s+(?P<last>{_CAP})(?:{_SEP}not\s+\S+)?",
        "{n}'s last name is {last}",
        False,
    ),
    (
        rf"(?:i'?ve\s+been|i\s+was|i'?m)\s+(?:spelling|writing|getting)\s+(?P<n>{_NAME})'s\s+"
        rf"(?:last\s+name|surname|family\s+name)\s+wrong{_SEP}(?:it'?s|it\s+is|it\s+should\s+be)\s+"
        rf"(?P<last>{_CAP})(?:{_SEP}[^,;]+)?",
        "{n}'s last name is {last}",
        False,
    ),
    # "Jane got married, it's Jane Doe-Walker now", "Jane remarried, she's Jane Okafor now".
    (
        rf"(?P<n>{_WHO})\s+{_WEDDING}(?:\s+\w+){{0,3}}?{_SEP}(?:it'?s|she'?s|he'?s|they'?re|"
        rf"(?:her|his|their)\s+name'?s)\s+(?P<new>{_FULL})(?:\s+now)?",
        "rename {n} to {new}",
        True,
    ),
    # "it's Priya Shah-Mehta now, she got married": the new name first; the old one is found by
    # its first word.
    (
        rf"(?:it'?s|she'?s|he'?s)\s+(?P<new>(?P<n>{_CAP})\s+{_CAP}(?:\s+{_CAP})?)\s+now{_SEP}"
        rf"(?:she|he|they)\s+{_WEDDING}(?:\s+\w+){{0,3}}?",
        "rename {n} to {new}",
        True,
    ),
    # "omar changed his name to Omar Hadad, one d".
    (
        rf"(?P<n>{_WHO})\s+(?:changed|updated|shortened)\s+{_HIS}\s+(?:last\s+|family\s+)?name"
        rf"\s+to\s+(?P<new>{_FULL})(?:\s*[,;]\s*[^,;]{{1,30}}|\s+(?:after|since|following)\b.*?)?",
        "rename {n} to {new}",
        True,
    ),
    # "Kai Müller is actually Kai Mueller in his emails, rename pls".
    (
        rf"(?P<n>{_WHO})\s+is\s+(?:actually|really)\s+(?P<new>{_FULL})(?:\s+[\w-]+){{0,4}}?"
        rf"{_SEP}(?!correct\s+me\b){_REQUEST}",
        "rename {n} to {new}",
        True,
    ),
    (
        rf"(?P<n>{_WHO})\s+(?:uses|goes\s+by|prefers|wants\s+it\s+as|wants\s+to\s+be)\s+"
        rf"(?P<new>{_FULL})(?:\s+[\w-]+){{0,4}}?{_SEP}{_REQUEST}",
        "rename {n} to {new}",
        False,
    ),
    (
        rf"(?P<n>{_NAME})\s+ka\s+naam\s+(?:(?:change|badal)\s+(?:karo|kar\s+do)|badlo)?"
        rf"(?:\s*[,;:—–-]+)?\s*(?P<new>{_FULL})\s+(?:karo|kar\s+do|rakho|kar\s+dena)",
        "rename {n} to {new}",
        False,
    ),
    (
        rf"(?:fix|correct|update|change)\s+(?:\w+'s\s+|the\s+)?name\s*:?\s*(?P<n>{_FULL})\s*"
        rf"(?:→|->|=>)\s*(?P<new>{_FULL})",
        "rename {n} to {new}",
        False,
    ),
)
_COMPILED = tuple(
    (re.compile(pattern + _END, re.IGNORECASE), template, related)
    for pattern, template, related in _FAMILIES
)


def _shares_a_word(old: str, new: str) -> bool:
    """Whether the names share a word, accents aside ("tomas" and "Tomás Ruiz-Paz")."""
    return bool(set(re.findall(r"\w+", name_key(old))) & set(re.findall(r"\w+", name_key(new))))


def _lines(text: str) -> Iterator[tuple[str, tuple[type, ...]]]:
    typed = text.strip()
    for pattern, template, related in _COMPILED:
        found = pattern.fullmatch(typed)
        if found is None:
            continue
        if related and not _shares_a_word(found["n"], found["new"]):
            continue
        yield template.format(**found.groupdict()), (c.RenameCommand,)


def rename_told(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The rename `text` tells, else None."""
    return first_reading(_lines(text), read)
