"""Salutations that tell the reader they are one of many: a role or department instead of a
name ("Hi Facilities Manager", "Dear Purchasing Department"), a title alone ("Dear Sir/Madam",
"Bonjour Madame"), flowery honorifics ("Dear Esteemed Dr. Okafor") and group greetings ("Hi all",
"Hey team"). Only the opening lines count: that is where a salutation sits.

`salutation_spans(text)` returns `Salutation`s with spans. A group greeting is fine above news
for a group; the review counts it only above a pitch (the caller knows whether there is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SalutationKind = Literal["role", "honorific", "group"]
OPENING_LINES = 3  # a heading or a date line may sit above the greeting

_GREETING = (
    r"(?:hi|hello|hey|hiya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|hola"
    r"|bonjour|hallo|ciao|olá|oi|estimad[oa]s?|sehr\s+geehrte[rs]?|liebe[rs]?)"
)
_ROLE_NOUNS = (
    r"manager|director|head|department|dept|team|officer|coordinator|administrator|admin|owner"
    r"|founder|ceo|cto|cfo|recruiter|investor|homeowner|customer|client|member|partner|student"
    r"|creator|principal|colleagues?|friends?|professional|candidate|applicant|user|subscriber"
    r"|reader|doctor|professor|webmaster|entrepreneur|leader|executive|buyer|seller|parent"
    r"|sir|madam|ma'?am|sir\s*/\s*madam|sir\s+or\s+madam|madame|monsieur|señor|señora"
    r"|sirs|madams|gentlemen|representative|specialist|consultant|agent|organi[sz]er"
    r"|clientes?|cliente\s*/\s*a|damen\s+und\s+herren|mesdames(?:\s+et\s+messieurs)?"
)
_FLOWERY = r"(?:esteemed|respected|distinguished|valued|honou?red|beloved|revered)"
_GROUP = (
    r"(?:all|everyone|everybody|team|folks|guys|y'?all|people|friends|devs|ladies\s+and\s+"
    r"gentlemen|@channel|@here|@everyone|<!channel>|<!here>|<!everyone>|network|community)"
)
_END = r"(?=\s*(?:[,!:.;—–-]|\n|$|\s[\U0001F300-\U0001FAFF]|\s(?:in|of|at|from|here)\b))"

# "Dear Esteemed Dr. Okafor", and "Respected Sir" with the honorific as the greeting itself.
_HONORIFIC = re.compile(
    rf"(?:{_GREETING}\s+)?{_FLOWERY}\s+[^,!\n]{{1,60}}?(?=\s*[,!:\n]|$)", re.IGNORECASE
)
_LEAD = re.compile(r"[^\w\n{\[%@<]*")
_ROLE = re.compile(
    rf"{_GREETING}\s+(?:my\s+)?(?:(?:dear|prospective|potential|future|fellow)\s+)?"
    rf"(?:[\w&'-]+\s+){{0,2}}?(?:{_ROLE_NOUNS}){_END}",
    re.IGNORECASE,
)
_TO_WHOM = re.compile(r"to\s+whom\s+it\s+may\s+concern\b", re.IGNORECASE)
_GROUP_GREETING = re.compile(rf"{_GREETING}\s+(?:{_GROUP}){_END}", re.IGNORECASE)


@dataclass(frozen=True)
class Salutation:
    kind: SalutationKind
    start: int
    end: int


def _opening_lines(text: str) -> list[tuple[int, int]]:
    """(first word, end) of each of the first few non-blank lines, past any markdown or emoji."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        # A blank line (a pasted e-mail's quoted thread is blanked to spaces) has no lead to find.
        if body.strip():
            lead = _LEAD.match(body)
            lines.append((offset + (lead.end() if lead else 0), offset + len(body)))
            if len(lines) == OPENING_LINES:
                break
        offset += len(line)
    return lines


def salutation_spans(text: str) -> tuple[Salutation, ...]:
    """Role, honorific and group salutations opening one of the first lines of `text`."""
    found: list[Salutation] = []
    patterns: tuple[tuple[SalutationKind, re.Pattern[str]], ...] = (
        ("honorific", _HONORIFIC),
        ("group", _GROUP_GREETING),
        ("role", _ROLE),
        ("role", _TO_WHOM),
    )
    for start, end in _opening_lines(text):
        for kind, pattern in patterns:
            m = pattern.match(text, start, end)
            if m:
                found.append(Salutation(kind, m.start(), m.end()))
                break
    return tuple(found)
