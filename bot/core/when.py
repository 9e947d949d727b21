"""Find the date (and time of day) phrase anywhere in a line, the way people write it.

"met Priya at PyData on 12/2", "follow-up Dana end of next week", "snooze Dana until Monday",
"follow-up Dana tomorrow at 3pm": `find_when` returns the phrase's span, what day it names (a
`DaySpec`, resolved later against the member's own today) and the time of day if one was given.
The caller cuts the span out, so a date phrase never ends up in a name, a place or a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from bot.core.dates import (
    FOREIGN_WEEKDAYS,
    MAX_DAYS,
    AdjacentDay,
    CalendarDate,
    DateWordsError,
    DayOfMonth,
    DaySpec,
    LastWeekdaySpec,
    LastWeekSpec,
    NextWeekSpec,
    NumericDate,
    RelativeDays,
    ThisWeekSpec,
    WeekdaySpec,
    YearTurnSpec,
    parse_day,
    weekday_number,
)
from bot.core.other_languages import DAY_OF_MONTH_ABROAD, TIME_AT, alternation

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "una": 1,  # "una semana", "uma semana", "eine Woche"
    "uma": 1,
    "eine": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
}
# Counts in the languages members mix in, read only before a unit ("dos días", "drei Tage").
FOREIGN_NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "ein": 1, "einen": 1, "isang": 1, "ek": 1,
    "dos": 2, "dois": 2, "duas": 2, "deux": 2, "zwei": 2, "dalawang": 2, "do": 2,
    "tres": 3, "três": 3, "trois": 3, "drei": 3, "tatlong": 3, "teen": 3,
    "cuatro": 4, "quatro": 4, "quatre": 4, "vier": 4, "apat": 4, "char": 4,
    "cinco": 5, "cinq": 5, "fünf": 5, "funf": 5, "limang": 5, "paanch": 5,
    "seis": 6, "sechs": 6, "sieben": 7, "siete": 7, "sete": 7, "sept": 7,
}  # fmt: skip
NUMBER_WORDS |= FOREIGN_NUMBER_WORDS
_NUMBER = (
    r"(?P<n>\d{1,5}|a couple of|a couple|couple of|a few|few|an?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|una|uma|eine|"
    + "|".join(sorted(FOREIGN_NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    + "|".join(sorted(FOREIGN_WEEKDAYS, key=len, reverse=True))
    # Portuguese "sexta-feira": the day's full name.
    + r")(?:s|-feira)?"
)
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# How people spell "tomorrow" in a hurry ("2moro" included); longest first for the regex.
TOMORROW_SPELLINGS = (
    "tommorrow",
    "tomorrow",
    "tommorow",
    "tomorow",
    "2morrow",
    "2moro",
    "tmrw",
    "tmr",
)
_TOMORROW_WORDS = "|".join(TOMORROW_SPELLINGS)
# Words that only introduce the date: "on 12/14", "until Monday", "by Friday".
_LEAD = (
    # "back on Dec 1st": how long ago, not part of the place before it.
    r"(?:(?:back\s+(?=on\s|in\s))?(?:on|by|until|till|til|to|for|from|before|around|el|na|no|am|"
    r"le|every|"
    r"sometime|later|"
    # "until" and "on" in Spanish, Tagalog, German, Portuguese and French.
    r"hasta el|hasta|hanggang sa|hanggang|sa|bis|bis zum|auf|até|ate|pra|para|pro|jusqu'à|"
    r"al|ng|mga)\s+)?"
)
# "Friday tak" (Hindi: until Friday), "Lunes ng umaga" stay with their day.
# Turkish "cuma günü" ("Friday's day") too.
_TRAIL = r"(?:\s+(?:tak|ko|se pehle|tk|günü|gunu))?"
_FOREIGN_UNIT = r"d[ií]as?|tagen?|tage|araw|din|jours?|semanas?|semaines?|wochen?"
_NEW_YEAR = r"(?P<new_year>new\s*years?(?:'s?)?(?:\s+day)?|nyt[åa]r)"
_YEAR_TURN = (
    rf"(?:{_NEW_YEAR}|(?P<christmas>christmas|xmas|x-mas)(?!\s+(?:holidays?|break|hols))"
    r"|(?:christmas\s+|xmas\s+|winter\s+)?(?:holidays|break|hols))"
)
_B = r"(?<![\w/#-])"
_E = r"(?![\w/])"

_DAY_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "day_before",
        r"(?:on\s+)?(?:the\s+)?day before (?:yesterday|yday|yest)|vorgestern|anteayer|antier|"
        r"anteontem|kamakalawa",
    ),
    (
        "day_after",
        rf"(?:on\s+)?(?:the\s+)?day after (?:{_TOMORROW_WORDS})|"
        r"[üu]bermorgen|uebermorgen|lusa|"
        r"pasado mañana|pasado manana|depois de amanh[ãa]|sa makalawa",
    ),
    ("ago", rf"{_NUMBER}\s+(?P<unit>days?|weeks?|nights?)\s+ago"),
    ("ago", r"(?P<n2>\d{1,3})\s?(?P<unit2>d|w|wk|wks)\s+ago"),
    (
        "ago",
        rf"(?:hace|vor|h[aá])\s+(?P<n>\d{{1,3}})\s+(?P<unit>{_FOREIGN_UNIT}|semanas?|wochen?)"
        rf"|(?P<n2>\d{{1,3}})\s+(?P<unit2>din|araw)\s+(?:pehle|pahle|na ang nakalipas)",
    ),
    (
        "in",
        rf"(?:in|within|after)\s+(?:another\s+)?{_NUMBER}\s+(?P<unit>days?|weeks?)"
        r"(?:'?\s*time)?",
    ),
    ("in", rf"{_NUMBER}\s+(?P<unit>days?|weeks?)\s+from\s+(?:now|today)"),
    # "in 3d", "in 2wks": the count with its unit's letters.
    ("in", r"(?:in|within|after)\s+(?:another\s+)?(?P<n2>\d{1,3})\s?(?P<unit2>d|w|wk|wks)"),
    # "end of day tomorrow", "tomorrow EOD": tomorrow.
    (
        "eod_tomorrow",
        rf"{_LEAD}(?:(?:eod|cob|end of (?:the )?day)\s+tomorrow|tomorrow\s+(?:eod|cob))",
    ),
    ("eod", rf"{_LEAD}(?:eod|cob|end of (?:the )?day)"),
    ("fortnight", r"(?:in|within|after)\s+(?:a|one)\s+fortnight|a fortnight from (?:now|today)"),
    # "this weekend", "over the weekend": Saturday; "after the weekend": Monday.
    ("weekend", rf"{_LEAD}(?:this|the|over the|on the)\s+weekend"),
    ("after_weekend", r"(?:after|right after)\s+the\s+weekend"),
    # "until after new year", "after the holidays", "in the new year": the year's turn.
    (
        "year_turn",
        rf"(?:(?:until|till|til|to|for)\s+)?(?:right\s+)?after\s+(?:the\s+)?{_YEAR_TURN}",
    ),
    ("year_turn", rf"(?:until|till|til|to|by|for|in|on)\s+(?:the\s+)?{_NEW_YEAR}"),
    (
        "in",
        rf"(?:en|in|em|dans|sa loob ng|sa)\s+(?P<n>\d{{1,3}})\s+(?P<unit>{_FOREIGN_UNIT}|semanas?|"
        rf"wochen?|linggo)|(?P<n2>\d{{1,3}})\s+(?P<unit2>din|araw)\s+(?:mein|me|baad|bad)",
    ),
    # Hindi "kal" (a day away), "parso" (two) and "narso" (three): before today for something
    # that happened ("met Meera parso"), after it for something planned.
    ("kal", r"(?P<adjacent>kal|parso|parson|parsoon|parsun|narso|narson)"),
    ("end_next", rf"{_LEAD}(?:the\s+)?end of next week"),
    ("end_this", rf"{_LEAD}(?:(?:the\s+)?end of (?:the |this )?week|eow)"),
    (
        "next_week",
        rf"{_LEAD}(?:early\s+)?next week|n[äa]chste woche|naechste woche|"
        r"(?:la\s+)?pr[oó]xima semana|(?:la\s+)?semana que (?:viene|vem)|agle hafte|"
        r"(?:sa\s+)?susunod na linggo|la semaine prochaine",
    ),
    (
        "word",
        rf"{_LEAD}(?P<word>(?:earlier |later )?today|tonight|"
        # "met X at the gym earlier": a bare "earlier" ending its clause is earlier today.
        r"earlier(?=\s*(?:[,.;!—–]|\s-\s|$))|"
        r"this (?:morning|afternoon|evening|am|pm)|esta (?:mañana|manana|tarde|noche)|hoje|"
        r"(?:yesterday|yday|yest)(?:\s+(?:morning|afternoon|evening|night))?|last night|"
        # Hindi "abhi abhi" ("just now").
        rf"anoche|kagabi|kanina|aaj|just now|right now|abhi abhi|{_TOMORROW_WORDS}|"
        r"ayer|hoy|mañana|manana|ontem|amanhã|amanha|gestern|heute|morgen|hier|demain|h[ôo]m qua|"
        r"kahapon|bukas|ngayon|besok|kemarin|hari ini|aujourd['’]hui|ce matin|ce soir|"
        r"cet apr[eè]s-midi|dün|bugün|yarın)",
    ),
    ("last_wd", rf"(?:on\s+)?last\s+{_WEEKDAY}"),
    # "tuesday last week", "last week on tuesday": that day of the week before this one.
    ("last_week_wd", rf"(?:on\s+)?(?:the\s+)?{_WEEKDAY}\s+(?:of\s+)?last\s+week"),
    ("last_week_wd", rf"last\s+week\s+(?:on\s+)?{_WEEKDAY}"),
    # "thursday next week", "friday of next week": that day of the week after this one.
    ("next_week_wd", rf"{_LEAD}(?:the\s+)?{_WEEKDAY}\s+(?:of\s+)?next\s+week"),
    ("last_week", r"(?:sometime\s+|earlier\s+)?last\s+week|la semana pasada|letzte woche"),
    (
        "this_week",
        r"(?:sometime\s+|later\s+|earlier\s+)?this\s+week|esta semana|essa semana|diese woche",
    ),
    ("next_wd", rf"{_LEAD}(?:next|this coming|coming|this)\s+{_WEEKDAY}"),
    ("wd", rf"{_LEAD}(?:the\s+)?{_WEEKDAY}"),
    ("iso", rf"{_LEAD}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"),
    ("numeric", rf"{_LEAD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{2}}|\d{{4}}))?"),
    # "12-07-2026": dashes only with a four-digit year ("10-12 people" is a range).
    ("numeric", rf"{_LEAD}(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})-(?P<y>\d{{4}})"),
    (
        "day_month",
        rf"{_LEAD}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?:,?\s+(?P<y>\d{{4}}))?",
    ),
    ("month_day_of", rf"{_LEAD}the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)(?!\s+(?:of\s+)?{_MONTH})"),
    # "snooze Jane till 21st", "Jane ko 21st tak push karo": an ordinal without "the", said after
    # a word of "until" (or before Hindi "tak"); a bare "21st" may be a birthday, and "on 5th"
    # or "to 5th Ave" a street.
    (
        "month_day_of",
        r"(?:(?:until|till|til|to|by|before)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)|"
        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)(?=\s+(?:tak|tk|se pehle)\b))"
        rf"(?!\s+(?:of\s+)?{_MONTH})(?!\s+(?:ave|avenue|st|street|floor|fl|grade|place|birthday)\b)",
    ),
    # "el 15", "le 15", "o dia 15": the article says a day of the month (not "el 15 de …",
    # "le 15h", "el 15 personas").
    (
        "month_day_of",
        rf"{alternation(DAY_OF_MONTH_ABROAD)}\s+(?P<d>[1-9]|[12]\d|3[01])(?:º|er)?"
        r"(?![\d/:.,h]|\s*(?:de\b|am\b|pm\b|uhr\b|[^\W\d]))",
    ),
    (
        "month_day",
        rf"{_LEAD}{_MONTH}\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?",
    ),
)
# A part of the day after a day is part of the phrase: "Monday morning", "tomorrow afternoon".
# Hindi "kal subah" (tomorrow morning), "parso shaam", and "tomorrow eod" likewise.
_PART_OF_DAY = (
    r"(?:\s+(?:morning|afternoon|evening|night|lunchtime|subah|subha|shaam|sham|raat|dopahar|"
    r"eod|cob))?"
)
_DAY_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(f"{_B}(?:{pattern}){_PART_OF_DAY}{_TRAIL}{_E}", re.IGNORECASE))
    for name, pattern in _DAY_PATTERNS
)
# A bare count of days ("snooze Dana 3 days", "for another week"): a span, not a day.
_DAYS_RE = re.compile(
    rf"{_B}(?:(?:for|by|ng|um|por)\s+)?(?:(?:another\s+)?{_NUMBER}|(?P<another>another))\s+"
    r"(?:more\s+)?"
    rf"(?P<unit>days?|weeks?|{_FOREIGN_UNIT}){_E}"
    # "5d", "2w": a count with its unit's letter.
    rf"|{_B}(?P<n2>\d{{1,3}})(?P<unit2>d|w|wk|wks){_E}",
    re.IGNORECASE,
)
_AT_ABROAD = alternation(TIME_AT)
# "as" is English too ("as 9 of us met"): an hour after it needs "am" or "pm".
_BARE_HOUR_AT_ABROAD = alternation(word for word in TIME_AT if word not in {"as", "ng"})
_TIME_RE = re.compile(
    # "at" in the languages members mix in too (`bot.core.other_languages`): "a las 5pm",
    # "um 17:00", "às 9am", "à 10h30".
    rf"{_B}(?:(?:at|@|around|by|{_AT_ABROAD})\s*)?"
    rf"(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)"
    rf"|(?P<h24>[01]?\d|2[0-3])(?::|(?<=\d)h)(?P<m24>\d{{2}})|(?P<noon>noon|midday)){_E}"
    # A bare hour needs its "at": "at 9", "um 15 Uhr", "at 11 o'clock", "à 10h".
    rf"|{_B}(?:(?:at|@|{_BARE_HOUR_AT_ABROAD})\s+(?P<bare>[01]?\d|2[0-3])"
    r"(?:\s*(?:uhr|o'?clock|h))?"
    # … or its "o'clock": "15 Uhr", "3 o'clock" ("um" may have gone as a hesitation).
    r"|(?P<oclock>[01]?\d|2[0-3])\s*(?:uhr|o'?clock))(?![\w/:.])"
    # … but "at 9 Main St" is an address.
    r"(?!\s+(?-i:[A-Z])[a-z]+\s+(?:st|street|ave|avenue|road|rd|blvd|lane|way)\b)"
    # "tmr 9", "tomorrow 10": an hour alone right after the day, ending the line.
    r"|(?:(?<=\btmr )|(?<=\btmrw )|(?<=\btomorrow )|(?<=\btoday ))(?P<after_day>[01]?\d|2[0-3])"
    r"(?=[\s.!]*$)"
    # Hindi "shaam 6 baje" and Indonesian "jam 10", "jam 7 malam": an hour and the part of day.
    rf"|{_B}(?:(?P<part>subah|shaam|sham|dopahar|raat|pagi|siang|sore|malam)\s+)?"
    r"(?:jam\s+(?P<jam>[01]?\d|2[0-3])|(?P<baje>[01]?\d|2[0-3])\s*baje)"
    r"(?:\s+(?P<part_after>pagi|siang|sore|malam))?(?![\w])",
    re.IGNORECASE,
)
# Parts of the day in those languages that put the hour in the afternoon or evening.
_LATER_PARTS = frozenset({"shaam", "sham", "raat", "sore", "malam", "dopahar", "siang"})
# A bare hour of the working day: "at 9" is the morning, "at 3" the afternoon.
_FIRST_MORNING_HOUR = 7
# ... unless the line says it is the evening: "tonight at 8", "tomorrow evening at 7".
_EVENING = re.compile(
    r"\b(?:tonight|tonite|(?:this|in the|tomorrow|tmrw|[a-z]+day)\s+(?:evening|night))\b",
    re.IGNORECASE,
)


class WhenError(ValueError):
    """A phrase clearly meant as a date that cannot be one ("31 February", "in 99999 days")."""


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    spec: DaySpec


@dataclass(frozen=True)
class FoundDays:
    start: int
    end: int
    days: int


@dataclass(frozen=True)
class FoundTime:
    start: int
    end: int
    at: time


def count(word: str) -> int:
    word = " ".join(word.lower().split())
    value = int(word) if word.isdigit() else NUMBER_WORDS[word]
    if value > MAX_DAYS:
        raise WhenError(f"{value:,} days is too far ahead; ask for at most {MAX_DAYS:,}")
    return value


def _weeks(match: re.Match[str]) -> int:
    unit = (_group(match, "unit") or _group(match, "unit2") or "").lower()
    return 7 if unit.startswith(("w", "woche", "semana", "semaine", "linggo")) else 1


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _n(match: re.Match[str]) -> str:
    if _group(match, "another"):
        return "1"  # "another week" is one more
    return _group(match, "n") or _group(match, "n2") or ""


def _spec(kind: str, match: re.Match[str]) -> DaySpec:
    group = match.group
    if kind == "day_before":
        return RelativeDays(-2)
    if kind == "day_after":
        return RelativeDays(2)
    if kind == "kal":
        word = (_group(match, "adjacent") or "kal").lower()
        return AdjacentDay(3 if word.startswith("nars") else 2 if word.startswith("pars") else 1)
    if kind == "month_day_of":
        day = int(match.group("d") or match.groupdict().get("d2") or 0)
        if not 1 <= day <= 31:
            raise WhenError("that date does not exist")
        return DayOfMonth(day)
    if kind == "ago":
        return RelativeDays(-count(_n(match)) * _weeks(match))
    if kind == "in":
        return RelativeDays(count(_n(match)) * _weeks(match))
    if kind == "eod_tomorrow":
        return RelativeDays(1)
    if kind == "fortnight":
        return RelativeDays(14)
    if kind == "weekend":
        return WeekdaySpec(5)
    if kind == "after_weekend":
        return WeekdaySpec(0)
    if kind == "year_turn":
        return YearTurnSpec("christmas" if _group(match, "christmas") else "new-year")
    if kind == "eod":
        return RelativeDays(0)
    if kind == "end_next":
        return NextWeekSpec(4)
    if kind == "end_this":
        return WeekdaySpec(4)
    if kind == "next_week":
        return NextWeekSpec(0)
    if kind == "word":
        word = group("word").lower()
        if word in _YESTERDAY or word.startswith(("yesterday", "yday", "yest ")):
            return RelativeDays(-1)
        if word in _TOMORROW:
            return RelativeDays(1)
        return RelativeDays(0)
    if kind == "last_week":
        return RelativeDays(-7)
    if kind == "this_week":
        return ThisWeekSpec()
    if kind == "last_week_wd":
        weekday = weekday_number(group("wd"))
        assert weekday is not None
        return LastWeekSpec(weekday)
    if kind == "next_week_wd":
        weekday = weekday_number(group("wd"))
        assert weekday is not None
        return NextWeekSpec(weekday)
    if kind in {"last_wd", "next_wd", "wd"}:
        weekday = weekday_number(group("wd"))
        assert weekday is not None
        return LastWeekdaySpec(weekday) if kind == "last_wd" else WeekdaySpec(weekday)
    try:
        if kind == "iso":
            spec = parse_day([f"{group('y')}-{group('m')}-{group('d')}"])
            assert spec is not None
            return spec
        if kind == "numeric":
            year = _year(group("y"))
            first, second = int(group("a")), int(group("b"))
            if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
                raise WhenError("that date does not exist")
            return NumericDate(first, second, year)
        spec = parse_day([group("d"), group("mon"), *([group("y")] if group("y") else [])])
    except DateWordsError as error:
        raise WhenError(str(error)) from None
    if spec is None:
        raise WhenError("that date does not exist")
    return spec


_YESTERDAY = frozenset(
    {
        "yesterday",
        "yday",
        "yest",
        "last night",
        "anoche",
        "ayer",
        "ontem",
        "gestern",
        "hier",
        "kahapon",
        "kagabi",
        "kemarin",
        "hôm qua",
        "hom qua",
        "dün",
    }
)
_TOMORROW = frozenset(
    {*TOMORROW_SPELLINGS, "mañana", "manana"}
    | {"amanhã", "amanha", "morgen", "demain", "bukas", "besok", "yarın"}
)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) + 2000 if len(text) == 2 else int(text)


def find_day(text: str, *, seasons: bool = True) -> Found | None:
    """The first date phrase in `text` (the longest one where several start together);
    `seasons` False leaves "after the holidays" and its family unread.

    Raises `WhenError` for an impossible one.
    """
    best: tuple[int, int, str, re.Match[str]] | None = None
    turn: tuple[int, int, str, re.Match[str]] | None = None
    for name, pattern in _DAY_RES:
        for match in pattern.finditer(text):
            if name == "wd" and _weekday_is_a_word(match):
                continue
            key = (match.start(), -match.end())
            if name == "year_turn":
                # "after the holidays, Jan 4": the day said outright wins over the season.
                turn = turn or (match.start(), match.end(), name, match)
            elif best is None or key < (best[0], -best[1]):
                best = (match.start(), match.end(), name, match)
            break
    best = best or (turn if seasons else None)
    if best is None:
        return None
    start, end, name, match = best
    return _with_refinement(text, Found(start, end, _spec(name, match)))


def find_possible_day(text: str) -> Found | None:
    """`find_day`, with an impossible date ("Feb 30") read as no day at all: for readers that
    only look for a day and leave complaining about a bad one to the command that takes it."""
    try:
        return find_day(text)
    except WhenError:
        return None


# Between a day and a second phrase that narrows it: "next week Monday", "wednesday the 16th".
_REFINES = re.compile(r"[\s,]*(?:on\s+)?", re.IGNORECASE)


def _with_refinement(text: str, found: Found) -> Found:
    """A day followed at once by a second phrase naming it more closely reads as one day:
    "next week Monday" is Monday of next week, "wednesday the 16th" the 16th."""
    gap = _REFINES.match(text, found.end)
    assert gap is not None  # the pattern matches the empty string
    then = None
    for name, pattern in _DAY_RES:
        match = pattern.match(text, gap.end())
        if match is not None and not (name == "wd" and _weekday_is_a_word(match)):
            then = (name, match)
            break
    if then is None:
        return found
    name, match = then
    spec = found.spec
    if isinstance(spec, NextWeekSpec) and spec.weekday == 0 and name == "wd":
        weekday = weekday_number(match.group("wd"))
        assert weekday is not None
        return Found(found.start, match.end(), NextWeekSpec(weekday))
    if isinstance(spec, WeekdaySpec) and name in {
        "month_day_of",
        "month_day",
        "day_month",
        "numeric",
        "iso",
    }:
        # "Thursday Dec 17", "wed 12/16": the date says which Thursday.
        return Found(found.start, match.end(), _spec(name, match))
    return found


def _weekday_is_a_word(match: re.Match[str]) -> bool:
    """ "Sun", "Sat" and "Wed" are also words: only full weekday names, short ones after
    "on"/"by"/"until", and short ones that correct a day ("make it wed", "no, sat") count as
    dates."""
    word = match.group("wd").lower()
    if word not in _WORDS_TOO:
        return False
    known = _FULL_WEEKDAYS | FOREIGN_WEEKDAYS.keys()
    if word in known or (word.endswith("s") and word[:-1] in known):
        return False
    if re.match(r"(?:on|by|until|till|til|to|the)\s", match.group(0), re.I):
        return False
    before, after = match.string[: match.start()], match.string[match.end() :]
    marked = before + "\0" + after
    return not (
        _MADE_A_DAY.search(before)
        or _A_DAY_ALONE.match(marked)
        or _A_DAY_LAST.match(marked)
        or _A_CLOCK_NEXT.match(after)
    )


# "text omar sat 10am re: the hike": a time of day right after it makes it a day.
_A_CLOCK_NEXT = re.compile(
    r"\s+(?:at\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon)(?!\w)",
    re.IGNORECASE,
)


# "at the alumni event sat": a short weekday that ends the line after a noun, not after a
# subject or a verb ("she sat", "they got wed").
_A_DAY_LAST = re.compile(
    r"(?:.*\s)?(?!(?:i|we|you|he|she|they|it|who|that|got|get|gets|getting|just|never|and|then|was|"
    r"were|is|are|be|been|to|will|had|has|have|finally|recently)\s)[^\W\d_]+\s+\0[\s.!]*$",
    re.IGNORECASE | re.DOTALL,
)
# "make it wed", "move that to sat": only a day can follow.
_MADE_A_DAY = re.compile(
    r"\b(?:make|made|move|moved|push|set|change|switch)\s+(?:it|that|this|them|her|him)"
    r"(?:\s+(?:to|for|on))?\s*$",
    re.IGNORECASE,
)
# "no, wed", "actually sat instead": the short weekday is the whole clause ("\0" marks where).
_A_DAY_ALONE = re.compile(
    r"(?:.*[,;:—–]\s*|\s*(?:no|nope|actually|sorry|oops|wait|or|i mean|i meant|rather)\s+|"
    # "follow-up it wed", "snooze her sat": after the contact the conversation is about.
    r".*\b(?:it|that|this|her|him|them)\s+)?\0"
    r"(?:\s+(?:instead|then|please|pls|morning|afternoon|evening)|\s+at\s+\S+|"
    r"\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?)*[\s.!?]*$",
    re.IGNORECASE | re.DOTALL,
)


# Short weekday names that are also English words; "thurs", "tues", "fri" are only days.
_WORDS_TOO = frozenset({"sun", "sat", "wed", "suns", "sats", "weds", "mon", "mons"})
_FULL_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


def find_days(text: str) -> FoundDays | None:
    """A bare number of days or weeks ("3 days", "another week")."""
    match = _DAYS_RE.search(text)
    if match is None:
        return None
    return FoundDays(match.start(), match.end(), count(_n(match)) * _weeks(match))


def find_time(text: str) -> FoundTime | None:
    """A time of day: "at 3pm", "15:30", "noon"."""
    match = _TIME_RE.search(text)
    if match is None:
        return None
    if match.group("noon"):
        return FoundTime(match.start(), match.end(), time(12, 0))
    spoken = match.group("jam") or match.group("baje")
    if spoken is not None:
        hour = int(spoken)
        part = (match.group("part") or match.group("part_after") or "").lower()
        if hour < 12 and (part in _LATER_PARTS or (not part and hour < _FIRST_MORNING_HOUR)):
            hour += 12
        return FoundTime(match.start(), match.end(), time(hour, 0))
    bare = match.group("bare") or match.group("oclock") or match.group("after_day")
    if bare is not None:
        hour, minute = int(bare), 0
        if hour < _FIRST_MORNING_HOUR or (hour < 12 and _EVENING.search(text)):
            hour += 12
    elif match.group("h24") is not None:
        hour, minute = int(match.group("h24")), int(match.group("m24"))
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group("ap").lower().startswith("p") else 0)
    if minute > 59:
        return None
    return FoundTime(match.start(), match.end(), time(hour, minute))


def cut(text: str, start: int, end: int) -> str:
    """`text` without [start, end), with the gap closed to one space."""
    return " ".join((text[:start] + " " + text[end:]).split())


__all__ = [
    "CalendarDate",
    "Found",
    "FoundDays",
    "FoundTime",
    "WhenError",
    "count",
    "cut",
    "find_day",
    "find_days",
    "find_possible_day",
    "find_time",
]
