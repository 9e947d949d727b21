"""A meeting or a reminder told in a plain sentence that names the person first.

People log someone the moment they meet them, name first, then what happened in fields or a
clause: "Kalani Akana. Honolulu. This morning. Runs a surf school", "björn eriksson, stockholm,
yesterday - investor at a climate fund", "Ana Lima came to our open house at the São Paulo
office on Monday — frontend dev", "tamar levi — she was on my panel at the Fintech NYC summit on
Monday, brilliant on fraud models". A reminder comes the same way: "Seo-yeon Kim wants our API
docs — follow up tomorrow", "Lars Petersen — ping 12/15".

`told_plainly` turns such a line into the command text it means ("met …" or "follow-up …"), or
None. It is tried only on a line no other reading took, and never on one that speaks to someone
("you", "your", a greeting) or asks something: those are drafts or questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.lower_case_names import THING_WORDS
from bot.core.when import WhenError, find_day

_PARTICLE = r"(?:de|da|del|dela|della|di|van|von|der|den|la|le|bin|al|el|ben|dos|das|du)"
_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ](?:[\w'’-]*\w|\.)?)"
_CAP_NAME = rf"(?!I\b|I['’]){_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{1,3}}"
_LOW = r"(?-i:[a-zß-ÿ][\w-]+)"
_LOW_NAME = rf"{_LOW}\s+{_LOW}(?:\s+{_LOW})??"
# What may stand before the name: "quick one:", "late log:", "worth logging:".
_LEAD = (
    r"(?:(?:quick one|late log|worth logging|new contact|reminder|fyi|quick log|"
    r"meet(?:ing)? log|meeting notes?|log)\s*[:,—–-]\s*)?"
)
_SEP = r"\s*(?:[,.:;!]+|\s[—–-]+|[—–]|→|->)\s*"
_HEAD = re.compile(
    rf"{_LEAD}(?P<who>{_CAP_NAME}|{_LOW_NAME})(?:'s|’s)?(?P<aside>\s*\([^()]{{1,60}}\)|\s+from\s+(?:(?!\b(?:visited|came|met|was|sat)\b)[^,;:.—–()]){{2,40}})?"
    rf"(?P<sep>{_SEP}|\s+)(?P<tail>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
# A line that speaks to someone or asks something is a draft or a question.
_TO_SOMEONE = re.compile(r"\b(?:you|your|you're|u|ur|hi|hey|hello|dear)\b|\?", re.IGNORECASE)
# Words that never open a person's name typed in lower case.
_NOT_A_NAME = THING_WORDS | {
    "i", "we", "he", "she", "they", "just", "met", "had", "got", "great", "quick", "good",
    "nice", "long", "coffee", "call", "video", "zoom", "spent", "customer", "site", "remind",
    "follow", "ping", "nvm", "pls", "please", "need", "so", "whew", "late", "hallway", "dinner",
    # A title or thanks first: "Dr. Osei, that slide …", "Merci Camille! …" speak to them.
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "frau", "herr",
    "sir", "madam", "thanks", "thank", "merci", "gracias", "obrigado", "obrigada", "valeu",
    "danke", "vielen", "dank", "kiitos", "grazie", "asante", "salamat", "shukran", "jambo",
    "cheers", "congrats", "congratulations", "welcome", "dear", "hola", "hallo", "ciao",
    # Everyday words that open a sentence: "the reminder came late", "not really, we …".
    "the", "a", "an", "not", "see", "really", "what", "when", "but", "and", "or", "if", "yes",
    "no", "nope", "yeah", "ya", "well", "sorry", "oh", "ok", "okay", "also", "still", "too",
}  # fmt: skip

# How the two met, said with no place: "video call", "zoom", "on a Google Meet".
_MEDIUM = re.compile(
    r"(?:(?:met\s+)?(?:on|over|via|by)\s+)?(?:an?\s+)?(?:quick\s+|short\s+|\d+[\s-]?min\s+)?"
    r"(?:zoom|video(?: call| chat)?|phone(?: call)?|call|teams(?: call)?|google meet|meet|"
    r"email|slack|linkedin|whatsapp)(?:\s+call)?",
    re.IGNORECASE,
)
_MET_VERB = re.compile(
    r"\b(?:met|meet|bumped|ran into|came|visited|sat|seatmate|(?:was|were) (?:at|on|in|my)|"
    r"interviewed|lectured|"
    r"spoke|talked|chatted|shared|had|hopped|intro'?d|introduced|stopped by|dropped by|"
    r"presented|spent|call|zoom|coffee|lunch|dinner|drinks|breakfast|brunch|beers?|"
    # "Wei Zhang, 30 min chat at the booth": a chat, said with how long or how it went.
    r"(?:quick|short|long|great|good|nice|\d+[\s-]?min(?:ute)?s?)\s+chat)\b",
    re.IGNORECASE,
)
# Where, inside the clause that tells the meeting: the last "at X", "to our X", "in X".
_WHERE = re.compile(
    r".*(?:\s|^)(?:at|@)\s+(?P<at>.+)|.*\b(?:came to|visited|came by|to)\s+(?P<to>(?:our|the)\s+.+)"
    r"|.*\bin\s+(?P<in>(?-i:[A-ZÀ-ÖØ-Þ]).+)",
    re.IGNORECASE,
)
_PLACE_END = re.compile(r"\s+(?:for|during|with|after|before|and|to)\b.*$", re.IGNORECASE)
_NOT_A_PLACE = re.compile(
    r"(?:lunch|dinner|breakfast|brunch|the moment|work|home|night|noon|an?\s+.*call.*|"
    r"my\s+.*|the same table)",
    re.IGNORECASE,
)
_PLAIN_PLACE = re.compile(r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}", re.IGNORECASE)
_REMIND = re.compile(
    r"\b(?:(?:pls|please)\s+)?(?:(?:(?:i\s+)?(?:need|have) to|gotta|put an?|set an?)\s+)?"
    r"(?:remind me|remnd me|nudge me|ping (?:her|him|them|me)|ping|"
    r"follow[- ]?up|flw up|f/u|chase(?: up)?|circle back(?: with (?:him|her|them))?|"
    r"check back(?: in)?(?: with (?:him|her|them))?|reminder to follow up|"
    r"get back to (?:him|her|them))\b",
    re.IGNORECASE,
)
# "Sigrid Dahl is waiting on …", "Aoife Kelly wants to grab lunch": the note is what follows.
_SUBJECT_VERB = re.compile(
    r"^(?:is|was|'s|’s|has|(?:needs?|wants?|asked me|i need|need) to)\s+", re.IGNORECASE
)
_FIELDS = re.compile(r"(\s*(?:[,;!]+|\.(?=\s)|\s[—–-]+\s|[—–])\s*)")


@dataclass
class _Meeting:
    place: str | None = None
    day: str | None = None
    told: bool = False


@dataclass(frozen=True)
class Told:
    """The command text a line means, and the note to keep when that text yields none."""

    command: str
    note: str | None = None


def told_plainly(text: str) -> Told | None:
    """The command a plain sentence naming the person first means, or None."""
    line = " ".join(text.split()).rstrip(".! ")
    if _TO_SOMEONE.search(line):
        return None
    head = _HEAD.fullmatch(line)
    if head is None:
        return None
    who, tail, sep = head["who"], head["tail"], head["sep"]
    if who[0].islower() and not (sep.strip() or head["aside"] or _MET_VERB.match(tail)):
        return None
    if set(who.lower().split()) & _NOT_A_NAME:
        return None
    cue = _REMIND.search(tail)
    if cue is not None:
        return _reminder(who, tail, cue)
    meeting = _meeting(who, tail, bool(sep.strip()))
    return Told(meeting) if meeting else None


def _a_day(words: str) -> tuple[str, str] | None:
    """The day phrase in `words` and the words without it, or None."""
    try:
        found = find_day(words)
    except WhenError:
        return None
    if found is None:
        return None
    return words[found.start : found.end], (words[: found.start] + words[found.end :]).strip()


def _meeting(who: str, tail: str, set_off: bool) -> str | None:
    parts = _FIELDS.split(tail)
    meeting = _Meeting()
    index = 0
    while index < len(parts):
        field = parts[index].strip()
        if not field:
            index += 2
            continue
        following = parts[index + 2].strip() if index + 2 < len(parts) else ""
        if index == 0 and set_off and _a_field_place(field, following):
            meeting.place = field  # "björn eriksson, stockholm, yesterday - …"
        elif not _a_field(field, meeting, first=index == 0, set_off=set_off):
            break
        index += 2
    if not (meeting.told or meeting.day) or index == 0:
        return None
    note = "".join(parts[index:]).strip(" ,;—–-")
    clock = meeting.place if meeting.place and _CLOCK.fullmatch(meeting.place) else None
    if not meeting.told and (clock or not meeting.place) and _an_errand(note, meeting.day):
        # "Ada Obi, 12/14 — send her the deck", "Ada — tomorrow at 9, send her the spec": a day
        # and an errand, no meeting: a reminder.
        at = f" at {clock}" if clock else ""
        return f"follow-up {who} {meeting.day}{at}, {note}"
    where = f" at {meeting.place}" if meeting.place else ""
    day = f" {meeting.day}" if meeting.day else ""
    return f"met {who}{where}{day}" + (f", {note}" if note else "")


# What one does for someone, opening a log's note: "send him the SRE list", "intro to Kai".
_ERRAND = re.compile(
    r"(?:send|share|forward|email|e-mail|intro|introduce|ask|call|text|invite|thank|check)\b",
    re.IGNORECASE,
)
# "at 9" read as a place: the time of day.
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


def _an_errand(note: str, day: str | None) -> bool:
    """A log's note that asks for something to do, after a day that may be ahead."""
    if not (day and note and _ERRAND.match(note)):
        return False
    return re.search(r"\b(?:yesterday|ago|last|this morning|today)\b", day, re.IGNORECASE) is None


def _a_field(field: str, meeting: _Meeting, *, first: bool, set_off: bool) -> bool:
    """Reads one field of the log into `meeting`; False when the field is the note."""
    if _MEDIUM.fullmatch(field):
        meeting.told = True
        return True
    dated = _a_day(field)
    if dated is not None and (not dated[1] or _MEDIUM.fullmatch(dated[1])):
        meeting.day = meeting.day or dated[0]
        meeting.told = meeting.told or bool(dated[1])
        return True
    if _MET_VERB.search(field) and (first or not meeting.told) and len(field.split()) <= 16:
        day, words = dated if dated is not None else (None, field)
        meeting.told, meeting.day = True, meeting.day or day
        meeting.place = meeting.place or _place_in(words)
        return True
    where = re.match(r"(?:at|@|in)\s+(?P<place>.+)", dated[1] if dated else field, re.I)
    if where is not None and not meeting.place and len(field.split()) <= 10:
        meeting.day = meeting.day or (dated[0] if dated else None)
        meeting.place = _place_in(f"at {where['place']}")
        return True
    if set_off and first and _PLAIN_PLACE.fullmatch(field) and not meeting.place:
        meeting.place = field
        return True
    if meeting.day and not meeting.place and _AN_EVENT.fullmatch(field):
        # "Marisol Vega, Tuesday, the housing policy forum": an event after the day.
        meeting.place = field
        return True
    return False


# An event named by what it was: "the housing policy forum", "Japan Society lecture".
_AN_EVENT = re.compile(
    r"(?:the\s+)?(?:[\w'’&-]+\s+){0,4}(?:lecture|talk|forum|conference|summit|meetup|expo|gala|"
    r"dinner|party|event|panel|workshop|hackathon|fair|festival|mixer|reception|retreat|offsite|"
    r"brunch|breakfast|fundraiser|demo day|launch)",
    re.IGNORECASE,
)


def _a_field_place(field: str, following: str) -> bool:
    """A few plain words right before a field that is only a day: "stockholm, yesterday"."""
    words = field.lower().split()
    if not 1 <= len(words) <= 3 or set(words) & _NOT_A_NAME or _MET_VERB.search(field):
        return False
    if not all(word.replace("-", "").isalpha() for word in words):
        return False
    dated = _a_day(following)
    return dated is not None and not dated[1]


def _place_in(clause: str) -> str | None:
    found = _WHERE.match(clause)
    if found is None:
        return None
    place = next(value for value in found.groups() if value)
    place = _PLACE_END.sub("", place).strip()
    place = re.sub(r"^(?:our|my)\s+", "", place, flags=re.IGNORECASE)
    if not place or _NOT_A_PLACE.fullmatch(place) or len(place.split()) > 8:
        return None
    return place


def _reminder(who: str, tail: str, cue: re.Match[str]) -> Told | None:
    before = tail[: cue.start()].strip(" ,;:.—–-")
    after = tail[cue.end() :].strip(" ,;:.—–-")
    if _MET_VERB.search(before) and re.search(r"\bmet\b", before, re.IGNORECASE):
        return None  # a meeting with its follow-up: the meeting's reading, not this one
    if _a_day(after) is None and not re.search(r"\d", after):
        return None  # "Dana wants to follow up": no day, no reminder to set
    return Told(f"follow-up {who} {after}", _SUBJECT_VERB.sub("", before) or None)
