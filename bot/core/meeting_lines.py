"""Meeting lines as busy newcomers type them, put into the `met` line they mean.

- "met two people at the fintech breakfast: Ana Lopes and Tom Reid from Monzo": the count is no
  person; the people listed after the colon are the ones met.
- "met one guy Chidi from flutterwave": "one guy", "a lady", "this woman called" before a name are
  no part of it.
- "met marcus lee at saasconf fri + lena fischer from notion same day, both want a demo": the
  person after "+" was met too.
- "Meet-log: Ana Obi, 12/5, …", "met / Ana Obi / DevFest / …": a lead-in before the fields.
- "met dana w at saasconf": a one-letter surname initial, never "w/" (with).
- "yesterday for the alumni hangout i meet Bayo and Ngozi, …": the day and place said first.
- "back from saasconf. met like 8 ppl lol. first: sarah chen from accel, …": the one described is
  met at the place said before.
- "ran into ben at the airport on the way back, he's …": "ran into" a lower-case name is met.
- A follow-up day that ends a meeting's note ("…, she's a BI lead, follow up friday") sets the
  follow-up (`MetCommand.follow_up_on`) and leaves the note.

Each rewrite returns a line for the parser, or None; the parser's own reading decides the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.core import commands as c
from bot.core.dates import DaySpec

_MET = r"(?:i\s+|we\s+)?(?:just\s+|also\s+)?(?:met|meet)"
_COUNT = (
    r"(?:like\s+|about\s+|around\s+)?(?:\d{1,2}|two|three|four|five|a\s+couple(?:\s+of)?|a\s+few|"
    r"some)\s+(?:new\s+|cool\s+|great\s+|interesting\s+)?"
    r"(?:people|ppl|persons|folks|guys|peeps|contacts|founders|investors)"
)
# "met two people at the fintech breakfast this morning: Ana Lopes and Tom Reid from Monzo"
_COUNT_THEN_LIST = re.compile(
    rf"^\W*(?:(?:ok|okay|so|also|btw)\W+)*{_MET}\s+{_COUNT}\b(?P<mid>[^:]{{0,80}}?)\s*:\s*"
    r"(?P<list>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Where the list ends and a note about them begins: "…, both want a demo".
_LIST_ENDS = re.compile(
    r"\s*[,;]\s+(?=(?:both|all|they|he|she|we|i|the\s+two|the\s+three|each)\b)|\s+[—–-]\s+",
    re.IGNORECASE,
)
# "met one guy Chidi", "met a lady called Ngozi", "met this woman named Ana"
_DESCRIBED_FIRST = re.compile(
    r"(?P<met>\b(?:met|meet|ran\s+into|bumped\s+into))\s+(?:one|a|this|some|an|that)\s+"
    r"(?:guy|girl|lady|woman|man|person|dude|chap|bloke|fellow|gentleman|founder|investor)\s+"
    r"(?:(?:called|named|by\s+name)\s+)?(?=(?-i:[A-Z])|(?P<lower>[a-z]+\s+from\b))",
    re.IGNORECASE,
)
# "… at saasconf fri + lena fischer from notion same day, both want a demo"
_PLUS_ONE = re.compile(
    r"^(?P<head>.+?)\s+\+\s+(?:also\s+)?(?P<who>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
    r"(?:\s+(?P<from>(?:from|of|at)\s+[\w&'’.-]+(?:\s+[\w&'’.-]+)?))?"
    r"(?:\s+(?:same\s+day|too|as\s+well|also))?(?P<tail>\s*(?:[,;.]\s*.*)?)$",
    re.IGNORECASE | re.DOTALL,
)
# "met dana w at saasconf": "w" before a place or a comma is an initial, never "with".
_INITIAL_W = re.compile(
    r"(?P<lead>\b(?:met|meet|ran\s+into|bumped\s+into)\s+[^\W\d_]{2,})\s+w(?=\s+(?:at|from|of|in|"
    r"on|yesterday|today|last|this)\b|\s*[,;—–]|\s+-\s|\s*$)",
    re.IGNORECASE,
)
# "yesterday for the alumni hangout i meet Bayo and Ngozi, …"
_DAY_PLACE_FIRST = re.compile(
    r"^\W*(?P<day>yesterday|today|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|"
    r"tonight|last\s+\w+|on\s+\w+)\s*,?\s+(?:for|at)\s+(?P<place>(?:the\s+|a\s+)?[\w'’&-]+"
    r"(?:\s+[\w'’&-]+){0,3}?)\s*,?\s+(?:i|we)\s+(?:meet|met)\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "ok back from saasconf. met like 8 ppl lol. first: sarah chen from accel, investor, …"
_BACK_FROM_THEN_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|so|phew|alright)\W+)*(?:(?:just\s+)?(?:got\s+)?back\s+from|"
    r"just\s+left|leaving)\s+(?P<place>(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,3}?)\s*[.!,;]+\s*"
    rf"{_MET}\s+{_COUNT}\b[^.:!]*[.!:]+\s*(?:first(?:\s+one)?|#?1|one)\s*[:.,-]\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "ran into ben at the airport …": a lower-case name after "ran into", then a place.
_RAN_INTO = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:just\s+)?(?:ran|bumped)\s+into\s+(?P<who>[a-z][\w'’-]+"
    r"(?:\s+[a-z][\w'’-]+)?)\s+(?P<rest>(?:at|in|on)\s.+)$",
    re.DOTALL,
)
# "Meet-log: Ana Obi, 12/5, …", "Meeting log → Ana Obi, …", "add met: …", "met / Ana Obi / …":
# a lead-in before a meeting's fields (a slash between fields is a comma).
_FIELDS_LEAD_IN = re.compile(
    r"^\W*(?:add\s+)?(?:meet(?:ing)?[\s-]*log|met|meeting)\s*(?::|→|->|=>|/)\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_A_PERSON = frozenset(
    {"him", "her", "them", "someone", "somebody", "an", "a", "the", "my", "our", "some", "one"}
)


def _before_first_comma(text: str) -> tuple[str, str]:
    """ "sarah chen from accel, investor, …" → ("sarah chen from accel", ", investor, …")."""
    found = re.search(r"\s*[,;]\s|\s+[—–-]\s+", text)
    if found is None:
        return text, ""
    return text[: found.start()], text[found.start() :]


def rewritten_meeting(text: str) -> str | None:
    """The `met …` line a newcomer's meeting line means, or None when it is none of these."""
    line = " ".join(text.split())
    listed = _COUNT_THEN_LIST.match(line)
    if listed is not None:
        people, rest = listed["list"], ""
        ends = _LIST_ENDS.search(people)
        if ends is not None:
            people, rest = people[: ends.start()], people[ends.start() :]
        return f"met {people.strip()} {listed['mid'].strip(' ,')}{rest}".replace("  ", " ")
    first = _BACK_FROM_THEN_FIRST.match(line)
    if first is not None:
        who, rest = _before_first_comma(first["rest"])
        return f"met {who} at {first['place']}{rest}"
    day_first = _DAY_PLACE_FIRST.match(line)
    if day_first is not None:
        who, rest = _before_first_comma(day_first["rest"])
        return f"met {who} at {day_first['place']} {day_first['day']}{rest}"
    lead_in = _FIELDS_LEAD_IN.match(line)
    if lead_in is not None:
        return "met " + re.sub(r"\s+/\s+", ", ", lead_in["rest"])
    ran = _RAN_INTO.match(line)
    if ran is not None and ran["who"].split()[0].lower() not in _NOT_A_PERSON:
        return f"met {ran['who']} {ran['rest']}"
    changed = _DESCRIBED_FIRST.sub(r"\g<met> ", line)
    changed = _INITIAL_W.sub(_with_the_initial, changed)
    plus = _PLUS_ONE.match(changed) if re.match(rf"^\W*{_MET}\b", changed, re.I) else None
    if plus is not None and plus["who"].split()[0].lower() not in _NOT_A_PERSON:
        changed = _with_the_second_person(plus)
    return changed if changed != line else None


def _with_the_initial(found: re.Match[str]) -> str:
    """ "met dana w" → "met Dana W": a name typed in lower case, with its initial."""
    verb, _, name = found["lead"].rpartition(" ")
    return f"{verb} {name[:1].upper()}{name[1:]} W"


def _with_the_second_person(plus: re.Match[str]) -> str:
    """ "met A (aside) at X fri + B from Y same day, note" → "met A (aside) and B (from Y) at X
    fri, note": the second person goes beside the first, before the place."""
    head = plus["head"]
    second = plus["who"] + (f" ({plus['from']})" if plus["from"] else "")
    depth, at = 0, None
    for found in re.finditer(r"[()]|\s(?:at|in|on)\s", head):
        token = found.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            at = found.start()
            break
    if at is None:
        return f"{head} and {second}{plus['tail']}"
    return f"{head[:at]} and {second}{head[at:]}{plus['tail']}"


# The last part of a meeting's note, when it asks for the follow-up: "…, follow up friday".
_LAST_PART = re.compile(r"(?:[,;.]\s+|\s+[—–-]\s+|\s+and\s+)(?=\S)(?P<part>[^,;.]+)$")


def follow_up_from_the_note(
    result: object, follow_up_day_in: Callable[[str | None], tuple[str | None, DaySpec | None]]
) -> c.MetCommand | None:
    """A meeting whose note ends by asking for a follow-up on a day: the day as the follow-up's,
    the rest of the note kept; None when `result` is no such meeting.

    `follow_up_day_in` is the parser's reading of a note that starts with such words."""
    if not isinstance(result, c.MetCommand) or not result.note or result.follow_up_on:
        return None
    found = _LAST_PART.search(result.note)
    if found is None:
        return None
    left, day = follow_up_day_in(found["part"].strip())
    if day is None or left:
        return None  # "…, follow up friday about the deck" keeps its words as they were
    note = result.note[: found.start()].strip(" ,;.—–-") or None
    return replace(result, note=note, follow_up_on=day)
