"""A meeting told with who the person is said around their name.

Two ways people log someone by what they do rather than by the meeting first:

- the name, what they do, then the meeting in its own clause: "Noor Haddad, head of growth at a
  fintech. We met on Monday at the Dubai AI week", "Ines Duarte, who restores boats — we met
  at the Lisbon marina party", "Tomás Ruiz runs a bakery chain — met him yesterday at the
  food expo";
- the meeting first with someone not yet named, then the name and what they do: "met someone
  great at the climate breakfast today - Lena Vogt, policy lead, wants intros", "Met an
  inspiring teacher at the school fair last night, Ama Boateng, she runs a coding club".

`told_with_a_role` returns the meeting such a line tells, or None. It is tried before the other
readings (they take the role's words for a name or a place), on a line that names one capitalised
full name and speaks to nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.dates import DaySpec
from bot.core.when import WhenError, find_day
from storage.names import NAME_PARTICLES_PATTERN

_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zß-ÿ][\w'’-]*)"
_FULL_NAME = rf"(?!I\b){_CAP}(?:\s+(?:{NAME_PARTICLES_PATTERN}\s+)?{_CAP}){{1,2}}"
# Where one clause ends and the next starts: ". ", " — ", " - ", ";".
_CLAUSE_END = r"\s*(?:[.;](?=\s)|\s[—–-]\s|[—–])\s*"
# What the person does, said as a verb after the name: "Tomás Ruiz runs a bakery chain".
_DOES = (
    r"(?:leads|runs|owns|works|builds|sells|wants|teaches|heads|manages|founded|started|"
    r"organi[sz]es|exports|imports|designs|invests|does|is)\b"
)
# The meeting in its own clause: "we met on Monday at …", "met her yesterday at …", "spoke at
# length at …", "we got talking at …".
_MEETING_CLAUSE = (
    r"(?:(?:we|i)\s+)?(?:met|spoke|talked|chatted|connected|got talking|caught up)"
    r"(?:\s+(?:him|her|them))?\b"
)
_ROLE_THEN_MEETING = re.compile(
    rf"(?P<name>{_FULL_NAME})(?:\s*,\s*(?:who\s+)?(?P<role>[^.;—–()]+?)|\s+(?P<does>{_DOES}"
    rf"[^.;—–()]+?)){_CLAUSE_END}(?P<meeting>{_MEETING_CLAUSE}[^.;—–]*?)[.!]*",
    re.IGNORECASE,
)
# Someone not yet named: "someone cool", "an amazing founder", "a great woman".
_SOMEONE = r"(?:(?:someone|somebody)(?:\s+[a-z]+)?|(?:a|an)\s+(?:[a-z]+\s+){0,2}?(?:[a-z]+))"
_MEETING_THEN_NAME = re.compile(
    rf"(?:just\s+)?met\s+{_SOMEONE}\s+(?:at|@)\s+(?P<place>[^,;:—–→()]+?)"
    rf"\s*(?:,|\s[—–-]\s|[—–:→])\s*(?P<name>{_FULL_NAME})\s*,\s*(?P<note>[^?]+?)"
    # "… That was on 12/2": the day said last, in a sentence of its own.
    r"(?:\.\s+that was (?P<day>[^.]+?))?[.!]*",
    re.IGNORECASE,
)
# A line that speaks to someone or asks something is a draft or a question.
_TO_SOMEONE = re.compile(
    r"\b(?:you|your|you're|u|ur|hi|hey|hello|dear|thanks|thank|hope|let's)\b|\?", re.IGNORECASE
)
# Where the meeting was: "at the Dubai AI week", "at length at the food expo". The article
# stays, as the parser's other meeting readings keep it.
_AT = re.compile(r"\b(?:at|@)\s+(?P<place>(?!length\b)[^,;.]+)", re.IGNORECASE)
_AFTER_THE_PLACE = re.compile(
    r"\s+(?:today|yesterday|tonight|this|last|on|too|and|with)\b.*$", re.IGNORECASE
)
MAX_CHARS = 240


@dataclass(frozen=True)
class Told:
    person: str
    place: str | None
    when: DaySpec | None
    note: str | None


def told_with_a_role(text: str) -> Told | None:
    """The meeting a line tells with who the person is said around their name, or None."""
    line = " ".join(text.split())
    if len(line) > MAX_CHARS or "\n" in text.strip() or _TO_SOMEONE.search(line):
        return None
    role_first = _ROLE_THEN_MEETING.fullmatch(line)
    if role_first is not None:
        return _role_then_meeting(role_first)
    named_late = _MEETING_THEN_NAME.fullmatch(line)
    return _meeting_then_name(named_late) if named_late is not None else None


def _role_then_meeting(found: re.Match[str]) -> Told | None:
    meeting = found["meeting"]
    day, without_day = _day_cut(meeting)
    place = _place(without_day)
    if place is None:
        return None
    role = (found["role"] or found["does"]).strip()
    return Told(found["name"], place, day, role)


def _meeting_then_name(found: re.Match[str]) -> Told | None:
    day, place = _day_cut(found["place"])
    if found["day"]:
        said_last, rest = _day_cut(found["day"])
        if said_last is None or rest.strip(" ,.on"):
            return None
        day = said_last
    place = _AFTER_THE_PLACE.sub("", place).strip()
    return Told(found["name"], place or None, day, found["note"].strip())


def _day_cut(words: str) -> tuple[DaySpec | None, str]:
    try:
        found = find_day(words)
    except WhenError:
        return None, words
    if found is None:
        return None, words
    return found.spec, f"{words[: found.start]} {words[found.end :]}"


def _place(words: str) -> str | None:
    for at in _AT.finditer(words):
        place = _AFTER_THE_PLACE.sub("", at["place"]).strip()
        if place:
            return place
    return None
