"""A meeting or a reminder told in an everyday sentence, with the person anywhere in it.

The last reading a line gets before it is handed on as "not a command". People log a meeting
the way they would tell a friend: "Talked to a guy at the gym this morning, Diego Fernández —
works in procurement at Pfizer", "yesterday's alumni dinner: sat with Kwame Asante, he teaches
econ at Ashesi", "Made friends with Samuel Adeyemi at the bus stop lol", "Kai and I did a
walking 1:1 this afternoon". A reminder comes the same way: "I owe Catherine Wu portfolio
links. Remind me tomorrow 8pm", "reach back out to Emma Lindqvist on the 21st".

A line is read here only when it names one person (a capitalised full name, or one of the
member's contacts), carries a word that tells a meeting (or a reminder with its day) and speaks
to nobody: "you", a greeting or a question mark make it a draft or a question, never a command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

from bot.core.dates import DaySpec
from bot.core.when import WhenError, find_day, find_time
from storage.names import NAME_PARTICLES, could_name, match_names

# Words that tell a meeting, in English (with the usual slips) and the languages members mix in.
_MET = re.compile(
    r"\b(?:j(?:u)?st\s+)?(?:met|mete|mett?ing|meet|meeting with|mtg|bumped into|ran into|run into|"
    r"talked|talking|spoke|speaking|chatted|sat (?:with|next to|beside)|caught up|catch(?:ing)? up|"
    r"co(?:n)?nected w(?:ith)?|introduced myself|introduced me|made friends|teamed up|"
    r"grabbed (?:a |some )?(?:coffee|lunch|dinner|drinks|beers?|a beer)|did (?:coffee|lunch|dinner|"
    r"drinks|a walking|a call)|split (?:some|a|an)|interview(?:ed)?|informational|came up to me|"
    r"coffee|lunch|dinner|diner|breakfast|brunch|drinks|beers?|new contact|new person|"
    r"new connection|log meeting|was at|were at|on stage|got stuck|stuck with|came to|"
    r"came by|stopped by|dropped by|visited|shook hands|call with|calls? w|convo|chat with|"
    r"zoom with|spent (?:an hour|the day|time|the afternoon|the evening)|hung out|karaoke|"
    r"introduced me|sat in on|teammate|bumped itno|mt|almoc[eo]i|reuni[oó]n|tanıştım|만났어|"
    r"conoc[ií]|conheci|rencontr[ée]|getroffen|kennengelernt|mil[aie]|jam|i meet|"
    # "Jane cornered me at the all-hands", "Dana pulled me aside at the offsite".
    r"cornered me|pulled me aside|came over to (?:me|say hi))\b",
    re.IGNORECASE,
)
# A reminder asked for, and the day it is due: "remind me", "nudge me", "follow up", "reach out".
_REMIND = re.compile(
    r"\b(?:remind(?:er)?|remindme|rmind|remnd|nudge|ping me|follow[- ]?up|folow[- ]?up|followup|"
    r"flw up|f/u|relancer|relance|"
    r"reach (?:back )?out|get back to|circle back|check in|yaad|recordar|recu[eé]rdame|"
    r"erinnere|rappelle|lembra|paalala|pakipaalala)\b",
    re.IGNORECASE,
)
# A line that opens with a greeting or thanks, in any language, speaks to someone: "Merci
# Camille, …", "Salaam Musa, …", "Kumusta Rico!".
_GREETED = re.compile(
    r"(?:hi|hey|hello|dear|hola|hallo|ciao|salaam|salam|assalamu|jambo|habari|kumusta|namaste|"
    r"merci|danke|gracias|obrigad[oa]|valeu|grazie|dhanyavaad|dhanyavad|shukriya|shukran|asante|"
    r"salamat|kiitos|cheers|congrats|congratulations|welcome|good (?:morning|afternoon|evening)|"
    r"sad news|dear all|"
    # A letter's salutation in the languages members write in: "Chère Isabelle, …".
    r"ch[èe]re?s?|querid[oa]s?|estimad[oa]s?|prezad[oa]s?|liebe[rn]?|sehr geehrte[rn]?|"
    r"geachte|beste|caro|cara|cari|care|gentile|egregi[oa]|bonjour|bonsoir|salut|szanown[aiy])\b",
    re.IGNORECASE,
)
# A meeting still to come is no meeting yet: "off to meet Omar", "about to meet Dana",
# "meeting Kai later".
_A_MEETING_TO_COME = re.compile(
    r"\b(?:(?:off|about|going|heading|headed|on my way|gonna|have|need)\s+to\s+meet|"
    r"meeting\s+(?:with\s+)?[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s+(?:later|tomorrow|tmrw|"
    r"tonight|soon|next week|this (?:afternoon|evening)))\b",
    re.IGNORECASE,
)
# A title before a name in the line is mostly said to them: "Wonderful interview on NPR, Dr.
# Haddad."
_TITLED = re.compile(r"\b(?:dr|mr|mrs|ms|prof|professor)\.?\s+(?-i:[A-Z])", re.IGNORECASE)
# A line that speaks to someone, greets, thanks or asks is a draft or a question.
_TO_SOMEONE = re.compile(
    r"\b(?:you|your|you're|yours|u|ur|hi|hey|hello|dear|thanks|thank|let's|lets|we should|"
    r"hope|looking forward)\b|\?",
    re.IGNORECASE,
)


def to_someone(line: str) -> bool:
    """The line speaks to someone, greets, thanks or asks: a draft or a question, no log."""
    return _TO_SOMEONE.search(line) is not None


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A person's name typed in lower case opening the line, set off: "siobhan o'brien — met @ …".
_LOWER_NAME_FIRST = re.compile(
    r"^(?P<name>(?-i:[a-zß-ÿ][\w'’-]+)(?:\s+(?-i:[a-zß-ÿ][\w'’-]+)){1,2})\s*(?:[,:]|\s[—–-]+)\s+"
)
# Capitalised words that open a sentence or name a day, an event or a place, never a person.
_NOT_NAME_WORDS = _word_set(
    """
    in on for from hallway customer site visit great good gm ceo cto cfo coo vp svp evp md dr mr
    mrs ms prof professor sir today's yesterday's tonight's worked just now worth whew
    i i'm i've i'd a an the this that these my our his her their its quick one just jst new
    made met meet meeting talked spoke sat add log pls please random small world last next
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night week month
    summit conf conference meetup mixer dinner lunch breakfast brunch party week fest festival
    hackathon webinar office club tour panel event startup tech expo day reunion gala jam
    informational interview coffee drinks beer omg yo wow lol also then after before at with
    remind reminder follow followup nudge need gotta can could would will should please recordar
    yaad bitte abeg pakipaalala recuérdame erinnere rappelle
    """
)
_SEPARATORS = re.compile(r"\s*(?:[,;:.!]+(?=\s|$)|\s[—–-]+\s|[—–]|\s/\s)\s*")
# Words after which the person is named: "met Ana", "talked to Ana", "with Ana", "into Ana".
_INTRODUCES = (
    r"(?:with|w/|w|to|into|itno|met|mt|meet|called|named|contact|conheci|conocí|conocer a|"
    r"rencontré|si|kay|con|com|relancer|person|connection|one)"
)
_NAMED_AFTER = re.compile(rf"\b{_INTRODUCES}\s+(?:a\s+|the\s+)?$", re.IGNORECASE)
_LOW_WORD = r"(?-i:[a-zß-ÿ][\w'’-]+)"
_LOWER_NAME_AFTER = re.compile(
    rf"\b{_INTRODUCES}\s+(?P<name>{_LOW_WORD}\s+{_LOW_WORD}(?:\s+{_LOW_WORD})?)"
    r"(?=\s*(?:$|[,;:.!—–(]|\s-\s|\s(?:at|@|about|abt|re|on|in|this|today|yesterday|tomorrow|"
    r"last|next|tonight|from|after)\b))",
    re.IGNORECASE,
)
# Everyday words that never make a name typed in lower case.
_COMMON_WORDS = _word_set(
    """
    the a an my our your his her their them him me us some someone somebody guy girl lady man
    woman team folks people everyone friend friends colleague colleagues neighbour neighbor boss
    client clients customer customers investor investors founder founders recruiter this that
    and or but of for from at in on to about with is was were be been had have has it its lot
    bunch couple few an hour while bit little more most time coffee lunch dinner call zoom meet
    quick short long great good nice new old other another same call chat convo demo meeting
    follow up followup reminder ping nudge day days week weeks month months year
    not really yes no ok okay well sorry oh yeah nope still also too just only maybe two three
    four five six several many vendors el la los las un una une le les des der die das ein eine
    """
)
# Where: "at the gym", "@ web summit lisbon", "after church"; after a weaker word ("for Lagos
# tech fest", "from the Oslo design week panel") only a place that names an event.
_AT = re.compile(
    r"(?:^|\s)(?P<word>at|@|after|beim|au|no|en|for|from|in)\s+"
    r"(?:the\s+|teh\s+|a\s+|an\s+|my\s+|el\s+|la\s+|o\s+)?(?P<place>[^,;:.!—–()]+)",
    re.IGNORECASE,
)
_WEAK_PLACE_WORDS = frozenset({"for", "from", "no", "en", "in"})
# A postposition after the place, as in Hindi: "Nasscom event pe mili kal".
_PLACE_BEFORE = re.compile(
    r"(?:^|\s)(?P<place>[^,;:.!—–()]+?)\s+(?:pe|par|mein|me)\s+(?:mil|mila|mili|mile)\b", re.I
)
# Words that name an event or a venue.
_EVENT_NOUN = re.compile(
    r"\b(?:summit|conf|conference|con|meetup|meet-?up|mixer|dinner|lunch|breakfast|brunch|party|"
    r"pre-party|afterparty|after-party|fest|festival|hackathon|jam|webinar|office|club|tour|panel|"
    r"event|evento|expo|reunion|gala|fundraiser|roundtable|symposium|workshop|offsite|retreat|"
    r"week|days?|forum|visit|session|talk|keynote|launch|demo|fair|salon|stammtisch|church|gym|"
    r"bar|cafe|café|hotel|airport|station|school|campus|meeting|night|drinks|ceremony|wedding)\b",
    re.IGNORECASE,
)
_PLACE_END = re.compile(
    # "at Le Bernardin w/ Pierre-Louis Martin": "w/" ends the place too.
    r"\s+(?:(?:with|and|i|we|on|this|last|yesterday|today|tonight|for|to|mein|se|lol|thing|"
    r"earlier(?=\s+today)|later(?=\s+today))\b|"
    r"w/).*$",
    re.IGNORECASE,
)
_NOT_A_PLACE = re.compile(
    r"(?:work|home|night|noon|lunch|dinner|breakfast|brunch|the moment|all|first|last|length)",
    re.IGNORECASE,
)
# An event said first and set off: "yesterday's alumni dinner: …", "Sunday night synagogue
# fundraiser — …", "Shenzhen factory tour on Nov 28: …".
_EVENT_FIRST = re.compile(r"^(?P<event>[^:—–]{3,60}?)\s*(?::|\s[—–-]\s|[—–])\s*")
_DAY_POSSESSIVE = re.compile(
    r"^(?:(?:yesterday|today|tonight|this morning|this afternoon|this evening|last night)['’]s|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s| night| morning)?)\s+",
    re.IGNORECASE,
)
MAX_WORDS = 40
MAX_CHARS = 300


@dataclass(frozen=True)
class Meeting:
    person: str
    place: str | None
    when: DaySpec | None
    note: str | None


@dataclass(frozen=True)
class Reminder:
    person: str
    when: DaySpec
    at: time | None
    note: str | None


def _day(text: str) -> tuple[DaySpec, int, int] | None:
    try:
        found = find_day(text)
    except WhenError:
        return None
    return (found.spec, found.start, found.end) if found else None


def _without_day(words: str, day_said: str) -> str:
    """`words` without the line's day phrase, when they hold it."""
    at = words.find(day_said) if day_said else -1
    return words if at < 0 else f"{words[:at]} {words[at + len(day_said) :]}"


def _capitalised_runs(line: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (a particle may join them) with nothing between but spaces."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for word in _WORD.finditer(line):
        joined = bool(run) and line[run[-1].end() : word.start()].strip() == ""
        if word[0][0].isupper() or (joined and word[0] in NAME_PARTICLES):
            if not joined:
                runs.append(run)
                run = []
            run.append(word)
            continue
        runs.append(run)
        run = []
    runs.append(run)
    return [found for found in runs if found]


def _not_a_name_word(word: str) -> bool:
    shouting = len(word) > 1 and word.isupper()
    return shouting or word.lower() in _NOT_NAME_WORDS or bool(_EVENT_NOUN.fullmatch(word))


def _after_the_event(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "beim Berlin Founders Stammtisch Jonas Becker getroffen": the words after the run's last
    event word, when two or more follow it, are the name."""
    events = [index for index, word in enumerate(run) if _EVENT_NOUN.fullmatch(word[0])]
    return run[events[-1] + 1 :] if events and len(run) - events[-1] - 1 >= 2 else run


def _full_names(line: str) -> list[tuple[str, int, int]]:
    found = []
    for run in _capitalised_runs(line):
        run = _after_the_event(run)
        while run and run[0][0].lower().strip("'’") in _NOT_NAME_WORDS:
            run.pop(0)
        while run and (run[-1][0].lower() in _NOT_NAME_WORDS or run[-1][0] in NAME_PARTICLES):
            run.pop()
        if not 2 <= len(run) <= 3 or any(_not_a_name_word(w[0]) for w in run):
            continue  # "Board Meeting Notes", "DevOps Days", "DON'T MISS": not a person
        before = line[: run[0].start()].rstrip().lower()
        if re.search(r"(?:\bat|@|\bfor|\bthe|\bbeim|\bfrom|\bin|\bpe|&)$", before):
            continue  # "at the Lagos Startup Week mixer": a place
        start, end = run[0].start(), run[-1].end()
        name = re.sub(r"['’]s$", "", line[start:end])
        found.append((name, start, start + len(name)))
    return found


def _lower_case_names(line: str) -> list[tuple[str, int, int]]:
    """A name typed in lower case right after "with", "met", "into", "called": "zoom with tomasz
    wisniewski, …", "circle back with astrid berg in 3 days"."""
    found = []
    for match in _LOWER_NAME_AFTER.finditer(line):
        words = match["name"].split()
        if set(map(str.lower, words)) & (_NOT_NAME_WORDS | _COMMON_WORDS):
            continue
        found.append((match["name"], match.start("name"), match.end("name")))
    return found


def _contacts(line: str, known: Sequence[str]) -> list[tuple[str, int, int]]:
    found = []
    for word in _WORD.finditer(line):
        typed = word[0]
        if typed.lower() in _NOT_NAME_WORDS or typed.endswith(("'s", "’s")):
            continue  # "Priya's holiday party": where, not who
        if (
            (typed[0].isupper() or len(typed) > 2)
            and could_name(typed, known)
            and len(match_names(typed, known)) == 1
        ):
            found.append((typed, word.start(), word.end()))
    return found


def _person(line: str, known: Sequence[str]) -> tuple[str, int, int] | None:
    """Whom the line is about: a name right after a meeting word ("met", "with", "to") first,
    else the first full name or contact it names."""
    lower = _LOWER_NAME_FIRST.match(line)
    if (
        lower is not None
        and not set(lower["name"].lower().split()) & (_NOT_NAME_WORDS | _COMMON_WORDS)
        and _MET.match(line, lower.end())
    ):
        return lower["name"], 0, lower.end("name")
    candidates = sorted(
        _full_names(line) + _lower_case_names(line) + _contacts(line, known),
        key=lambda found: found[1],
    )
    for found in candidates:
        if _NAMED_AFTER.search(line[: found[1]]):
            return found
    return candidates[0] if candidates else None


def _clauses(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for sep in _SEPARATORS.finditer(line):
        if sep.start() > start:
            spans.append((start, sep.start()))
        start = sep.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans


def _place(text: str, day_said: str) -> str | None:
    for found in _AT.finditer(text):
        place = _DAY_POSSESSIVE.sub("", found["place"].strip())
        place = _PLACE_END.sub("", place).strip()
        if day_said and day_said in place:
            place = place[: place.index(day_said)].strip()
        if found["word"].lower() in _WEAK_PLACE_WORDS and not _EVENT_NOUN.search(place):
            continue
        if place and not _NOT_A_PLACE.fullmatch(place) and len(place.split()) <= 7:
            return place
    before = _PLACE_BEFORE.search(text)
    return before["place"].strip() if before and _EVENT_NOUN.search(before["place"]) else None


def _event_first(line: str, person_start: int, day_said: str) -> tuple[str, bool] | None:
    """The event said first, and whether the person's name follows it directly."""
    found = _EVENT_FIRST.match(line)
    if found is None or found.end() > person_start:
        return None
    event = found["event"]
    at = re.search(r"(?:^|\s)(?:at|@)\s+(?:the\s+)?(?P<place>\S.*)$", event, re.IGNORECASE)
    if at is not None:
        event = at["place"]  # "Hallway at KubeCon: …", "just now at the Starbucks on 5th: …"
    elif not _EVENT_NOUN.search(event):
        return None
    if re.search(r"\b(?:i|we|met|talked|spoke|sat)\b", event, re.IGNORECASE):
        return None
    event = _DAY_POSSESSIVE.sub("", event).strip()
    event = " ".join(_without_day(event, day_said).split())
    event = re.sub(r"\s+(?:on|at)$", "", event).strip()
    words = event.split()
    if not 1 <= len(words) <= 6 or event.lower() in _NOT_NAME_WORDS:
        return None
    return event, found.end() == person_start


def _field_place(clause: str, day: tuple[DaySpec, int, int] | None, start: int) -> str | None:
    """A short field that names where: "Tokyo offsite", "Rio Web Summit pre-party last Thursday",
    "@ Boston Tech Week", "from the Oslo design week panel (Tuesday)"."""
    words = clause
    if day is not None and start <= day[1] < start + len(clause):
        words = clause[: day[1] - start] + clause[day[2] - start :]
    words = re.sub(r"\([^()]*\)", " ", words)
    words = re.sub(r"^\s*(?:at|@|from|for)\s+(?:the\s+)?", "", words, flags=re.I).strip()
    words = re.sub(r"\s+(?:on|at)$", "", words).strip()
    if not 1 <= len(words.split()) <= 6 or _PRONOUN_FIRST.match(words) or _MET.search(words):
        return None
    return words if _EVENT_NOUN.search(words) or words[0].isupper() else None


_PRONOUN_FIRST = re.compile(r"(?:he|she|they|we|i|it|his|her|their|works?|runs?|very)\b", re.I)
# What may open a log before the name: "Log:", "Quick log -", "New person:", "pls log:".
_LOG_LEAD = re.compile(
    r"^(?:(?:quick|pls|please|new|late)\s+)?(?:log(?: meeting)?|person|contact|connection|one)"
    r"\s*(?::|\s[—–-])\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Line:
    text: str
    name: str
    name_start: int
    name_end: int
    day: tuple[DaySpec, int, int] | None

    @property
    def day_said(self) -> str:
        return self.text[self.day[1] : self.day[2]] if self.day else ""


def tells_a_meeting_to_come(text: str) -> bool:
    """ "off to meet Omar", "meeting Kai later": the meeting has not happened, nothing to log."""
    return _A_MEETING_TO_COME.search(text) is not None


def told_in_a_sentence(text: str, known: Sequence[str]) -> Meeting | Reminder | None:
    """The meeting an everyday sentence tells or the reminder it asks for, or None."""
    if "\n" in text.strip() or len(text) > MAX_CHARS:
        return None  # a pasted message, not a line typed to the bot
    line = " ".join(text.split())
    if len(line.split()) > MAX_WORDS or _TO_SOMEONE.search(line) or _GREETED.match(line):
        return None
    if _TITLED.search(line):
        return None
    reminding = _REMIND.search(line) is not None
    if not reminding and not _MET.search(line) and not _LOGGED_FIRST.match(line):
        return None  # no word tells a meeting or asks for a reminder, and no log's shape
    if not reminding and tells_a_meeting_to_come(line):
        return None
    who = _person(line, known)
    if who is None:
        return None
    said = _Line(line, *who, _day(line))
    return _reminder(said) if reminding else _meeting(said)


# A log's shape with no meeting word: "Kenji Watanabe, Tokyo offsite, 3 days ago", "Log: …",
# "Sunday night synagogue fundraiser — Jonah Levi, …".
_LOGGED_FIRST = re.compile(
    r"(?-i:[A-ZÀ-ÖØ-Þ])\S*\s+(?-i:[A-ZÀ-ÖØ-Þ])|[^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]*\s*(?:[,:@(]|\s[—–-])|[^:—–]{3,60}[:—–]"
)


def _meeting(said: _Line) -> Meeting | None:
    line, name, name_start, name_end, day = (
        said.text,
        said.name,
        said.name_start,
        said.name_end,
        said.day,
    )
    event = _event_first(line, name_start, said.day_said)
    place = event[0] if event else None
    set_off = re.match(r"\s*(?:[,:;(@]|[—–]|\s-\s|\.\s)", line[name_end:]) is not None
    opens = name_start == 0 or bool(_LOG_LEAD.match(line[:name_start]))
    logged = (opens and set_off) or bool(event and event[1])
    told_to, note_from, fields = name_end, None, 0
    for start, end in _clauses(line):
        clause = line[start:end]
        if end <= name_end or start < name_end <= end:
            told_to = max(told_to, end)
            continue
        has_day = day is not None and start <= day[1] < end
        field = _field_place(clause, day, start) if fields == 0 and place is None else None
        if field is not None and (has_day or _AT.match(clause) or logged):
            place, told_to, fields = field, end, fields + 1
            continue
        if _MET.search(clause) or (has_day and len(clause.split()) <= 4):
            told_to, fields = end, fields + 1
            continue
        note_from = start
        break
    told = line[:told_to]
    if place is None:
        place = _place(told.replace(name, ", "), said.day_said)
    told_a_meeting = _MET.search(told) or _MET.search(line[:name_start])
    if not told_a_meeting and not (
        logged and place is not None and (day is not None or (event and event[1]))
    ):
        return None
    note = line[note_from:].strip(" ,;—–-") if note_from is not None else None
    return Meeting(name, place, day[0] if day else None, note or None)


_REMINDER_NOTE_LEAD = re.compile(
    r"^(?:about|re:?|regarding|abt|on|to|sobre|with)\s+|\s*(?:remind me|pls|please)$",
    re.IGNORECASE,
)
# What the reminder is about, said after the name: "… with Gulnara Akhmetova about the trade
# delegation", "… Miguel Santos sa Friday about the logistics app demo".
_ABOUT = re.compile(r"\b(?:about|abt|re|regarding|sobre|wegen)\s+(?P<what>[^,;.!?—–]+)", re.I)
# "I owe Catherine Wu portfolio links", "I promised Rafael Moreno I'd send the job spec".
_OWED = re.compile(
    r"^I\s+(?:owe|promised)\s+(?P<who>.+?)\s+(?:(?:that\s+)?I['’]d\s+|to\s+)?(?P<what>[^.,;]+)",
    re.IGNORECASE,
)


_NOT_THE_NOTE = re.compile(
    r"^(?:(?:me|to|with|w/|on|at|by|sa|ko|el|le|am)\b\s*)+|"
    r"^(?:i\s+)?(?:need|have|got|want)\s+to$|\b(?:karna hai|karna|bitte)$",
    re.IGNORECASE,
)
_ASKED_ABOUT = re.compile(r"\b(?:ask|asking|talk|talking|chat|hear|tell)\s*$", re.IGNORECASE)


def _without_when(words: str, day_said: str) -> str:
    words = _without_day(words, day_said)
    at = find_time(words)
    if at is not None:
        words = words[: at.start] + words[at.end :]
    return " ".join(words.split()).strip(" ,;—–-")


def _reminder_note(said: _Line) -> str | None:
    line, name, name_end = said.text, said.name, said.name_end
    owed = _OWED.match(line)
    if owed is not None and owed["who"] == name:
        return _without_when(owed["what"], said.day_said) or None
    for start, end in _clauses(line):
        if end <= name_end:
            continue
        clause = line[max(start, name_end) : end]
        rest = _without_when(_REMIND.sub(" ", clause), said.day_said)
        rest = _NOT_THE_NOTE.sub("", rest).strip()
        about = _ABOUT.search(rest)
        if about is not None and not _ASKED_ABOUT.search(rest[: about.start()]):
            rest = about["what"].strip()
        if len(rest.split()) >= 2 or (about is not None and rest):
            return _REMINDER_NOTE_LEAD.sub("", rest).strip() or None
    return None


def _reminder(said: _Line) -> Reminder | None:
    if said.day is None:
        return None  # "Dana wants to follow up": no day, no reminder to set
    at = find_time(said.text)
    return Reminder(said.name, said.day[0], at.at if at else None, _reminder_note(said))
