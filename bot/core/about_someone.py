"""A line no command reads but that names a person: offer the meeting or follow-up it may be.

"FaceTimed with Hugo Blanc this morning re: the partnership" is no command the parser knows,
and the draft-or-chat gate calls it chat or unclear; answering it with a stock line would
silently drop a meeting. So each person the line names (a contact, or a new name in capitals)
is tried as the start of a `met` and of a `follow-up` command: "met Hugo Blanc this morning re:
the partnership" reads the day and the note as usual. Only a reading whose person is that name
is offered, as buttons the member taps (never acted on unasked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core import commands as c
from bot.core.dates import DaySpec, LastWeekdaySpec, LastWeekSpec, NextWeekSpec, RelativeDays
from bot.core.messages import Action, Reply
from bot.core.parser import parse_command, split_name_and_note
from bot.core.when import WhenError, find_day
from storage.names import NAME_PARTICLES_PATTERN, match_names, name_key

# Two or three capitalised words, with name particles between them: "Hugo Blanc", "Maria de la
# Cruz", "Nguyễn Văn An", right after a word that puts a person next ("with", "talked to",
# "ping"): capitalised words elsewhere are as often a place or an event ("PyData Berlin").
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"
_PERSON_NEXT = (
    r"(?:with|w/|w|met|meet|meeting|into|and|saw|see|visited|visiting|"
    r"(?:introduced|intro'?d|talking|talked|chatted|chatting|spoke|speaking|reach(?:ed)? out|"
    r"get(?:ting)? back|got back|reply|replied|write|wrote|writing|say hi|said hi|"
    r"sent (?:it|this|that|a note|a message))\s+to|"
    r"ping|pinged|call|called|calling|email|emailed|text|texted|message|messaged|dm|dmed|"
    r"thank|thanked|remind me about|follow(?:ed)?[- ]?up (?:with|on))"
)
_CUE = re.compile(rf"(?i:(?<![\w'’]){_PERSON_NEXT})\s+")
_NEW_NAME = re.compile(
    rf"(?i:(?<![\w'’]){_PERSON_NEXT})\s+(?P<name>{_UPPER}[\w'’-]+"
    rf"(?:\s+(?:{NAME_PARTICLES_PATTERN}\s+){{0,2}}{_UPPER}[\w'’-]+){{1,2}})"
)
# "at The Wolseley", "in Madrid", before the name: where they met.
_PLACE_BEFORE = re.compile(
    rf"\b(?:at|in|@)\s+(?P<place>(?:the\s+)?{_UPPER}[\w'’&.:-]*(?:\s+(?:{_UPPER}[\w'’&.:-]*|of|on|"
    r"de|&|\d+(?:st|nd|rd|th)?)){0,5})"
)
# Said before the name, these make the line a plan, not a meeting: "gotta ping Dana on friday".
_PLANNED = re.compile(
    r"\b(?:need to|needs to|gotta|got to|have to|has to|must|should|want to|wanna|going to|"
    r"gonna|will|i'?ll|remind me|don'?t let me forget|don'?t forget|remember to|todo|to-do|"
    r"ping|reach out|get back|circle back|touch base|check in|follow[- ]?up)\b",
    re.IGNORECASE,
)
# Longest line offered this way: a longer text is a draft or a story, not a log line.
MAX_WORDS = 40


@dataclass(frozen=True)
class Offer:
    name: str
    met: str | None  # the `met` command the button runs
    follow_up: str | None  # the `follow-up` command the button runs


def _candidates(text: str, known_names: Sequence[str]) -> list[tuple[int, str]]:
    """(start, name) of each person the line names right after a person word ("with",
    "talked to"): a new name in capitals, or one of the member's contacts as typed."""
    found = [(m.start("name"), m["name"]) for m in _NEW_NAME.finditer(text)]
    for cue in _CUE.finditer(text):
        words = list(re.finditer(r"[\w][\w'’-]*", text[cue.end() :]))[:2]
        for size in (2, 1):
            if len(words) < size:
                continue
            start, end = cue.end() + words[0].start(), cue.end() + words[size - 1].end()
            if len(match_names(text[start:end], known_names)) == 1:
                found.append((start, text[start:end]))
                break
    return sorted(set(found))


def _same_person(ref: c.PersonRef, typed: str, known_names: Sequence[str]) -> bool:
    if name_key(ref.name) == name_key(typed):
        return True
    matched = match_names(typed, known_names)
    return len(matched) == 1 and name_key(known_names[matched[0]]) == name_key(ref.name)


def _follow_up_person(command: c.FollowUpCommand, known_names: Sequence[str]) -> c.PersonRef:
    """Whom the follow-up is with, as the service will read it: words the parser could not
    split ("Peter Novak for an hour") are split by the member's contacts."""
    if not command.unsplit_words:
        return command.person
    name, _ = split_name_and_note(
        command.unsplit_words, lambda n: bool(match_names(n, known_names))
    )
    return c.PersonRef(name)


def _direction(when: DaySpec | None) -> int:
    """-1 for a day that is past (a meeting's), 1 for one ahead (a follow-up's), 0 for either."""
    if isinstance(when, RelativeDays) and when.days:
        return 1 if when.days > 0 else -1
    if isinstance(when, LastWeekdaySpec | LastWeekSpec):
        return -1
    return 1 if isinstance(when, NextWeekSpec) else 0


def _with_what_came_before(before: str, rest: str, name: str) -> str:
    """`rest` (from the name on) with the day and the place said before the name put right
    after it: "dinner last night in Madrid with Raúl Jiménez, …" → "Raúl Jiménez in Madrid last
    night, …"."""
    extra = []
    place = _PLACE_BEFORE.search(before)
    if place is not None:
        extra.append(f"at {place['place'].rstrip(' .:,')}")
    try:
        day = find_day(before)
    except WhenError:
        day = None
    if day is not None:
        extra.append(before[day.start : day.end])
    if not extra:
        return rest
    return f"{rest[: len(name)]} {' '.join(extra)}{rest[len(name) :]}"


def offer_for(text: str, known_names: Sequence[str] = ()) -> Offer | None:
    """The meeting and follow-up a line may be about, or None when it names nobody that a
    `met` or `follow-up` reading confirms."""
    line = " ".join(text.split())
    if not line or len(line.split()) > MAX_WORDS or line.endswith("?"):
        return None
    for start, typed in _candidates(line, known_names):
        rest = _with_what_came_before(line[:start], line[start:], typed)
        met = parse_command(f"met {rest}", direct_message=True, known_names=known_names)
        follow_up = parse_command(f"follow-up {rest}", direct_message=True, known_names=known_names)
        planned = _PLANNED.search(line[:start]) is not None
        met_ok = (
            not planned
            and isinstance(met, c.MetCommand)
            and _same_person(met.person, typed, known_names)
            and _direction(met.when) <= 0
        )
        # A follow-up for a plan, a day ahead, or a line that reads as no meeting.
        follow_ok = (
            isinstance(follow_up, c.FollowUpCommand)
            and _same_person(_follow_up_person(follow_up, known_names), typed, known_names)
            and _direction(follow_up.when) >= 0
            and (planned or _direction(follow_up.when) > 0 or not met_ok)
        )
        if met_ok or follow_ok:
            matched = match_names(typed, known_names)
            return Offer(
                name=known_names[matched[0]] if len(matched) == 1 else typed,
                met=f"met {rest}" if met_ok else None,
                follow_up=f"follow-up {rest}" if follow_ok else None,
            )
    return None


def offer_reply(text: str, offer: Offer) -> Reply:
    """ "Is this about Hugo Blanc?" with a button for each reading and one to review the text."""
    actions: list[Action] = []
    if offer.met:
        actions.append(Action(f"Log a meeting with {offer.name}", offer.met, style="primary"))
    if offer.follow_up:
        actions.append(Action(f"Follow up with {offer.name}", offer.follow_up))
    actions.append(Action("Review as a draft", f"review {text}"))
    doing = " or ".join(
        what
        for what, command in (("log a meeting", offer.met), ("set a follow-up", offer.follow_up))
        if command
    )
    return Reply(
        text=f"Is this about {offer.name}? I can {doing} with them, or review your message as "
        "a draft. Choose below.",
        actions=tuple(actions),
        on_yes=offer.met or offer.follow_up,
    )
