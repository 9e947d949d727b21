"""Several people in one `met` line, each with what was said about them (pass 22):

- "met sam, jo park, lee and ravi at the demo night on friday": a list of three or more,
- "met Omar (stripe), Ines (monzo), Chen (wise) at fintech meetup sat": an aside per person,
- "met omar + ines (both from monzo) at the meetup friday lunch": "+" and an aside for both,
- "at devfest today met: Omar (pm), Ines (eng @ monzo), Chen": the place and day said first,
- "met Omar at devfest today, and also Ines from Monzo - wants a demo": one more after a comma.

Each person gets the meeting (`MetCommand.others`) at the shared place and day; an aside stays
with the person it follows ("Ines: monzo", shared out by `notes_per_person`), and what is said
of "both" or "all" is on every card. The line is only read so when the parser's own reading
finds fewer people: what it already reads is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core import commands as c
from bot.core.when import find_possible_day

# Words that end a name: where, when, with whom, and what is said about them.
_STOP_WORDS_SAID = """
at on in of from with and or the a an for to via over during after before about re today
yesterday tonight tomorrow last this next earlier morning afternoon evening night lunch
dinner breakfast brunch coffee drinks din too also there both all each who is was were
are she he they we i me my our her his their met meet said says wants want works working
mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday
saturday sunday am pm ago week weekend just plus then but so
"""
_STOP_WORDS = frozenset(_STOP_WORDS_SAID.split())
# Words that describe a person rather than name one: "met Jane Doe, Stripe PM at the gala".
_ROLE_WORDS_SAID = """
cto ceo cfo coo cmo cpo vp svp evp founder cofounder co-founder engineer eng dev
developer designer investor vc angel recruiter manager lead head director partner
student analyst consultant researcher scientist intern advisor sales marketing product
pm hr guy girl lady woman man person dude friend team folks people ppl someone somebody
great nice cool smart funny interesting new old senior junior staff principal
"""
_ROLE_WORDS = frozenset(_ROLE_WORDS_SAID.split())
_WORD = r"[^\W\d_][\w'’.-]*"
_NAME = rf"(?:{_WORD})(?:\s+{_WORD}){{0,2}}"
_ASIDE = r"\s*\((?P<aside>[^()]{1,80})\)"
_ORG = r"\s+(?:from|of|@)\s+(?P<org>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,2}?)"
_SEPARATOR = re.compile(
    r"\s*,\s*(?:(?:and|&)\s+)?(?:also\s+)?|\s+(?:and|&)\s+(?:also\s+)?|\s*\+\s*",
    re.IGNORECASE,
)
# "sarah chen aws SA + priya patel": a few words saying who the one before was, then a join
# that only ever joins people ("+", "and also").
_SAID_THEN_JOIN = re.compile(
    r"(?P<said>(?:\s+[^\s,;:()+&]+){1,4}?)(?=\s*\+\s*|\s*,?\s+and\s+also\s+)", re.IGNORECASE
)
# ", both at the breakfast", "all at reinvent on wed": where they all were, said of them all.
_ALL_OF_THEM = re.compile(
    r"^\s*,?\s*(?:both|all(?:\s+of\s+(?:us|them)|\s+(?:three|four))?)\s+(?=(?:at|@|on|in)\s)",
    re.IGNORECASE,
)
_MET = re.compile(
    r"^\W*(?:[^.!?:]{1,30}[.!]+\s+)?(?:(?:ok|okay|so|also|btw|and)\W+)*(?:i\s+|we\s+)?(?:just\s+|also\s+)?(?:met|meet)"
    r"\s*:?\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "at devfest today met: Omar (pm), Ines (eng @ monzo), Chen": where (and when) first.
_PLACE_FIRST = re.compile(
    r"^\W*(?P<day>(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\s+)?"
    r"(?:at|@)\s+(?P<place>[^:,;()]{1,60}?)\s*,?\s*(?:i\s+|we\s+)?(?:met|meet)\s*:?\s+"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "…, and also Ines from Monzo - wants a demo": one more person after the first one's line.
_ONE_MORE = re.compile(
    r"(?:[,;.]\s*|\s+)(?:and\s+)?(?:(?:also|plus)\s+(?:i\s+)?(?:met\s+)?|(?:i\s+)?(?:also\s+)?"
    r"met\s+)(?=\S)|(?P<plain>[,;]\s*and\s+)(?=[A-Z])",
    re.IGNORECASE,
)
# "… also met Ines there", "… and also Ines too": said of the second one, no note.
_THERE_TOO = re.compile(r"^\s+(?:there|too|as\s+well|also)(?:\s+(?:too|as\s+well))?\b", re.I)
MAX_PEOPLE = 4


@dataclass(frozen=True)
class _Person:
    name: str
    said: tuple[str, ...] = ()  # the aside and the employer, as typed
    shared: str | None = None  # "both from monzo": said of this one and the one before


def _a_name(words: str) -> bool:
    parts = words.split()
    if not 1 <= len(parts) <= 3:
        return False
    for word in parts:
        low = word.lower().strip(".")
        if low in _STOP_WORDS or low in _ROLE_WORDS or find_possible_day(word) is not None:
            return False
    return True


def _one_person(rest: str, at: int) -> tuple[_Person, int] | None:
    """The person whose name starts at `at`, and where they end."""
    found = re.compile(_NAME).match(rest, at)
    if found is None:
        return None
    words = found.group(0).split()
    while words and not _a_name(" ".join(words)):
        words = words[:-1]  # "lee yesterday": the day is no part of the name
    if not words:
        return None
    name = " ".join(words)
    end = at + len(name)
    said: list[str] = []
    shared: str | None = None
    for pattern in (_ASIDE, _ORG, _ASIDE):
        more = re.compile(pattern, re.IGNORECASE).match(rest, end)
        if more is None:
            continue
        words_said = (more.groupdict().get("aside") or "").strip()
        if pattern == _ORG:
            words_said = f"from {more['org']}"
        group = re.match(r"(?:both|all(?:\s+of\s+them|\s+\w+)?|each)\s+", words_said, re.I)
        if group is not None and pattern == _ASIDE:
            shared = words_said[group.end() :].strip() or None
        else:
            said.append(words_said)
        end = more.end()
    return _Person(name, tuple(said), shared), end


def _people(rest: str) -> tuple[list[_Person], str, bool] | None:
    """The people listed at the start of `rest`, the words after them, and whether any was
    joined by "and" or "+" rather than by a comma or "&"."""
    people: list[_Person] = []
    joined = False
    at = 0
    while True:
        one = _one_person(rest, at)
        if one is None:
            break
        person, end = one
        described = _SAID_THEN_JOIN.match(rest, end)
        full_name = len(person.name.split()) >= 2 and not person.said
        if described is not None and full_name and _SEPARATOR.match(rest, end) is None:
            person, end = _described(person, described["said"]), described.end()
        people.append(person)
        at = end
        between = _SEPARATOR.match(rest, at)
        if between is None or _one_person(rest, between.end()) is None:
            break
        # "and" or "+" join people; "Ann & Bo" alone may be one name (a shop, a duo).
        joined = joined or bool(re.search(r"\band\b|\+", between[0], re.IGNORECASE))
        at = between.end()
    if len(people) < 2:
        return None
    return people, _ALL_OF_THEM.sub(" ", rest[at:], count=1), joined


def _described(person: _Person, said: str) -> _Person:
    """The person with the words said after their name ("sarah chen aws SA": "aws SA"); a
    third word of the name read before them belongs to what is said."""
    words = person.name.split()
    if len(words) == 3:
        person, said = replace(person, name=" ".join(words[:2])), f"{words[2]} {said.strip()}"
    return replace(person, said=(*person.said, said.strip()))


def _ends_the_list(tail: str) -> bool:
    """Whether the words after a list start its place, its day or a note."""
    if not tail.strip() or re.match(r"\s*(?:[,;.:!—–]|\s-\s|(?:at|@|in|on)\s)", tail, re.I):
        return True
    day = find_possible_day(tail.strip())
    return day is not None and day.start == 0


def _trusted(people: list[_Person], tail: str, joined: bool) -> bool:
    """A list read as people only when it cannot be one person and a description: three or
    more, joined with "and"/"+", or each with an aside; lower-case names only before a place
    or a day, and never beside capitalised ones."""
    if not _ends_the_list(tail):
        return False
    lower = any(not person.name[:1].isupper() for person in people)
    if lower and any(person.name[:1].isupper() for person in people):
        return False  # "Peter Novak, class of '09, now in VC": a name, then what he is
    each_said = all(person.said or person.shared for person in people)
    if lower and not each_said and not re.match(r"\s*(?:at|@|in|on)\s", tail, re.I):
        day = find_possible_day(tail.strip())
        if day is None or day.start != 0:
            return False
    asides = all(person.said or person.shared for person in people[:-1])
    return joined or len(people) >= 3 or asides


def _line(text: str) -> tuple[str, str] | None:
    """(the people and what follows them, the place said first or "") of a meeting line."""
    line = " ".join(text.split())
    first = _PLACE_FIRST.match(line)
    if first is not None:
        return first["rest"], f"{first['place']} {first['day'] or ''}".strip()
    met = _MET.match(line)
    return (met["rest"], "") if met is not None else None


def several_people_met(text: str, read: Callable[[str], c.Parsed]) -> c.Parsed | None:
    """The meeting with every person a `met` line lists, or None (read it as usual).

    `read` parses a line as the parser does, without these readings."""
    said = _line(text)
    if said is None:
        return None
    rest, place_first = said
    listed = _people(rest)
    if listed is not None and place_first:
        listed = (listed[0], f" at {place_first}{listed[1]}", listed[2])
        place_first = ""
    first_ones_note = False
    if listed is not None and _trusted(*listed):
        people, tail = listed[0], listed[1]
    else:
        more = _one_more(rest)
        if more is None:
            return None
        (people, tail), first_ones_note = more, True
    if len(people) > MAX_PEOPLE:
        return c.ParseFailure(
            f"That's more than {MAX_PEOPLE} people in one line; log them a few at a time, "
            f"like `met {', '.join(p.name for p in people[:2])} and {people[2].name} at …`, "
            "so each gets a follow-up you can keep.",
            topic="met",
        )
    if place_first:
        tail = f" at {place_first}{tail}"
    whole = read(f"met {people[0].name}{tail}")
    if not isinstance(whole, c.MetCommand) or whole.others:
        return None
    plain = read(text)
    if isinstance(plain, c.MetCommand) and len(plain.others) + 1 >= len(people):
        return None  # the parser reads them all already
    if first_ones_note and whole.note:
        # "met Omar at devfest, great chat, and also Ines …": the first one's note is his.
        people[0] = replace(people[0], said=(*people[0].said, whole.note))
        whole = replace(whole, note=None)
    others = tuple(c.PersonRef(name=person.name) for person in people[1:])
    return replace(whole, others=others, note=_note(people, whole))


def _one_more(rest: str) -> tuple[list[_Person], str] | None:
    """ "Omar at devfest today, and also Ines from Monzo - wants a demo": Omar, and Ines with
    what follows her; the first one's line keeps the rest."""
    first = _one_person(rest, 0)
    if first is None:
        return None
    for found in _ONE_MORE.finditer(rest, first[1]):
        second = _one_person(rest, found.end())
        if second is None:
            continue
        person, end = second
        after = _THERE_TOO.sub("", rest[end:], count=1)
        told_as_met = re.search(r"\bmet\s+$", found.group(0), re.I) is not None
        if not (all(word[:1].isupper() for word in person.name.split()) or told_as_met):
            continue
        if found["plain"] and not person.said:
            continue  # ", and Mikkel Rask (Pale Blue Dot VC)": only with what is said of him
        if not (not after.strip() or re.match(r"\s*(?:[,;:.!—–]|\s-\s)", after)):
            continue
        note = after.strip().lstrip(",;:.!—–-").strip()
        own = (*person.said, note) if note else person.said
        head = rest[first[1] : found.start()]
        one = first[0]
        return [one, _Person(person.name, own, person.shared)], head
    return None


def _note(people: list[_Person], whole: c.MetCommand) -> str | None:
    """The meeting's note: what is said of all, then each person's own words after their name
    (so `notes_per_person` gives each card its own)."""
    shared: list[str] = [whole.note] if whole.note else []
    own: dict[int, list[str]] = {index: list(person.said) for index, person in enumerate(people)}
    for index, person in enumerate(people):
        if person.shared is None:
            continue
        if len(people) == 2 or index == 0:
            shared.insert(0, person.shared)
        else:  # "A, B + C (both from X)": the one before and this one
            own[index - 1].append(person.shared)
            own[index].append(person.shared)
    parts = [*shared]
    parts.extend(
        f"{person.name}: {', '.join(own[index])}"
        for index, person in enumerate(people)
        if own[index]
    )
    return "; ".join(parts) or None
