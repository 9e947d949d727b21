"""Calendar phrases ("yesterday", "on 3 March", "next friday", "in 4 days") and their resolution.

The parser turns words into a `DaySpec` without knowing what day it is; the service resolves the
spec against the member's own local date, so the same words mean the same day in every time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.public_holidays import NO_DAYS_OFF, DaysOff
from bot.core.working_days import next_working_day

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_WEEKDAY_ALIASES = {name[:3]: i for i, name in enumerate(WEEKDAYS)} | {
    name: i for i, name in enumerate(WEEKDAYS)
}
_WEEKDAY_ALIASES |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
# Members write in more than one language; the weekdays they use most often.
FOREIGN_WEEKDAYS: dict[str, int] = {
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
    "segunda": 0,
    "terça": 1,
    "terca": 1,
    "quarta": 2,
    "quinta": 3,
    "sexta": 4,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonntag": 6,
    # Tagalog ("Lunes", "Martes", "Sabado" and "Domingo" are the Spanish words above).
    "miyerkules": 2,
    "huwebes": 3,
    "biyernes": 4,
    # Hindi
    "somvar": 0,
    "somvaar": 0,
    "mangalvar": 1,
    "budhvar": 2,
    "budhwar": 2,
    "guruvar": 3,
    "shukravar": 4,
    "shukrawar": 4,
    "shanivar": 5,
    "ravivar": 6,
    # Swahili
    "jumatatu": 0,
    "jumanne": 1,
    "jumatano": 2,
    "alhamisi": 3,
    "ijumaa": 4,
    "jumamosi": 5,
    "jumapili": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    # Turkish ("pazar", Sunday, is also "market": not read)
    "pazartesi": 0,
    "salı": 1,
    "çarşamba": 2,
    "carsamba": 2,
    "perşembe": 3,
    "persembe": 3,
    "cuma": 4,
    "cumartesi": 5,
}
_WEEKDAY_ALIASES |= FOREIGN_WEEKDAYS

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ALIASES = {name[:3]: i + 1 for i, name in enumerate(MONTHS)} | {
    name: i + 1 for i, name in enumerate(MONTHS)
}
_MONTH_ALIASES["sept"] = 9

# Far enough for any sensible request, small enough that date arithmetic never overflows.
MAX_DAYS = 3650


# How a day can be written, said wherever a date could not be used.
DAYS_LOOK_LIKE = "Dates look like `12/14`, `14 Dec`, `friday` or `in 3 days`."


class DateWordsError(ValueError):
    """Words that look like a date but are not one; the message says what was wrong."""


@dataclass(frozen=True)
class RelativeDays:
    """`days` from today: -1 is yesterday, 0 today, 3 is "in 3 days"."""

    days: int


@dataclass(frozen=True)
class CalendarDate:
    """A day of the year; `year` None means "the nearest one" (past or future, by context)."""

    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True)
class WeekdaySpec:
    """A named weekday: the nearest one after today (`next friday`) or before it (`on friday`
    for a meeting)."""

    weekday: int


@dataclass(frozen=True)
class LastWeekdaySpec:
    """`last tuesday`: the most recent such day before today (never today itself), so on a
    Wednesday it is yesterday; `LAST_WEEKDAY_RULE` says so in help."""

    weekday: int


@dataclass(frozen=True)
class ThisWeekSpec:
    """`this week`: for a follow-up, by the end of this working week (its Friday, or today once
    that has passed); for a meeting, today (the day is not said)."""


@dataclass(frozen=True)
class LastWeekSpec:
    """A day of last week: `tuesday last week` is the Tuesday of the week before this one."""

    weekday: int


# How "last <weekday>" is read, for help and the README: the writers of four of the five
# phrasing files meant the most recent one; "<weekday> last week" names the week before.
LAST_WEEKDAY_RULE = (
    "“last Tuesday” is the most recent Tuesday before today (yesterday, when today is "
    "Wednesday); for the one a week earlier say “Tuesday last week” or the date, like `12/1`. "
    "“last week” alone is 7 days ago, and “this week” for a follow-up is this Friday. Every "
    "reply shows the day I used."
)


@dataclass(frozen=True)
class NextWeekSpec:
    """A day of next week: `next week` is its Monday, `end of next week` its Friday."""

    weekday: int


@dataclass(frozen=True)
class NumericDate:
    """`12/14`: which number is the month depends on the member's date order."""

    first: int
    second: int
    year: int | None = None


@dataclass(frozen=True)
class AdjacentDay:
    """Hindi "kal": yesterday for something that happened, tomorrow for something planned;
    "parso" two days away, "narso" three."""

    days: int = 1


@dataclass(frozen=True)
class DayOfMonth:
    """`on the 14th`: this month's, or the nearest one in the direction of the event."""

    day: int


@dataclass(frozen=True)
class YearTurnSpec:
    """ "after new year", "in the new year", "after the holidays" (`new-year`): the first working
    day of January; "after christmas" (`christmas`): the first working day after Christmas Day.
    Holidays where the member lives count."""

    after: Literal["new-year", "christmas"]


DaySpec = (
    RelativeDays
    | YearTurnSpec
    | CalendarDate
    | WeekdaySpec
    | LastWeekdaySpec
    | LastWeekSpec
    | ThisWeekSpec
    | NextWeekSpec
    | NumericDate
    | AdjacentDay
    | DayOfMonth
)


def weekday_number(word: str) -> int | None:
    return _WEEKDAY_ALIASES.get(word.lower().rstrip(",."))


def parse_day(words: list[str]) -> DaySpec | None:
    """Parse a whole phrase such as ["3", "March"] or ["2024-03-05"]; None if it is no date.

    Raises `DateWordsError` for things that are clearly meant as dates but impossible
    ("31 February").
    """
    cleaned = [w.lower().strip(",.") for w in words if w.strip(",.")]
    if not cleaned:
        return None
    if len(cleaned) == 1:
        word = cleaned[0]
        if word == "today":
            return RelativeDays(0)
        if word == "yesterday":
            return RelativeDays(-1)
        if word == "tomorrow":
            return RelativeDays(1)
        weekday = weekday_number(word)
        if weekday is not None:
            return WeekdaySpec(weekday)
        iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", word)
        if iso:
            return _checked(int(iso.group(2)), int(iso.group(3)), int(iso.group(1)))
        return None
    # "3 march [2024]", "3rd of march", "march 3[,] [2024]"
    if cleaned[:1] and cleaned[0] in {"the"}:
        cleaned = cleaned[1:]
    cleaned = [w for w in cleaned if w != "of"]
    if len(cleaned) not in (2, 3):
        return None
    year: int | None = None
    if len(cleaned) == 3:
        if not re.fullmatch(r"\d{4}", cleaned[2]):
            return None
        year = int(cleaned[2])
    first, second = cleaned[0], cleaned[1]
    day_word, month_word = (first, second) if first[:1].isdigit() else (second, first)
    month = _MONTH_ALIASES.get(month_word)
    day_match = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", day_word)
    if month is None or day_match is None:
        return None
    return _checked(month, int(day_match.group(1)), year)


def _checked(month: int, day: int, year: int | None) -> CalendarDate:
    try:
        date(year if year is not None else 2024, month, day)  # 2024 is a leap year: 29 Feb is fine
    except ValueError:
        raise DateWordsError("that date does not exist") from None
    if year is not None and not 1900 <= year <= 2200:
        raise DateWordsError("that year is out of range")
    return CalendarDate(month, day, year)


# Zones whose people write month/day; UTC (no zone set yet) too, as Slack's default locale does.
_MONTH_FIRST_ZONES = ("America/", "US/", "Pacific/Honolulu", "Asia/Manila", "UTC", "Etc/UTC")


DateOrder = Literal["month-first", "day-first", "auto"]
# What people type after `settings dates`.
DATE_ORDER_WORDS: dict[str, DateOrder] = {
    "month-first": "month-first",
    "month first": "month-first",
    "mdy": "month-first",
    "us": "month-first",
    "12/2": "month-first",
    "day-first": "day-first",
    "day first": "day-first",
    "dmy": "day-first",
    "2/12": "day-first",
    "auto": "auto",
    "zone": "auto",
}


def month_first(date_order: str | None, timezone_name: str) -> bool:
    """The member's own setting, or else the usual order where they live."""
    if date_order in {"month-first", "day-first"}:
        return date_order == "month-first"
    return month_first_for_zone(timezone_name)


def month_first_for_zone(timezone_name: str) -> bool:
    """The usual numeric date order where the member lives: month first in the US-style zones,
    day first elsewhere (`12/2` is 2 December in New York, 12 February in Berlin)."""
    return timezone_name.startswith(_MONTH_FIRST_ZONES)


def _calendar(spec: NumericDate, month_first: bool) -> CalendarDate:
    month, day = (spec.first, spec.second) if month_first else (spec.second, spec.first)
    try:
        return _checked(month, day, spec.year)
    except DateWordsError:
        # "12/14" in a day-first zone can only be 14 December.
        return _checked(day, month, spec.year)


def _common(spec: DaySpec, today: date, month_first: bool) -> date | DaySpec:
    if isinstance(spec, NumericDate):
        return _calendar(spec, month_first)
    if isinstance(spec, LastWeekdaySpec):
        back = (today.weekday() - spec.weekday) % 7 or 7
        return today - timedelta(days=back)
    if isinstance(spec, NextWeekSpec):
        monday = today + timedelta(days=7 - today.weekday())
        return monday + timedelta(days=spec.weekday)
    if isinstance(spec, LastWeekSpec):
        monday = today - timedelta(days=today.weekday() + 7)
        return monday + timedelta(days=spec.weekday)
    return spec


def _month_day(spec: DayOfMonth, today: date, step: int) -> date:
    year, month = today.year, today.month
    for _ in range(13):
        candidate = _safe_date(year, month, spec.day)
        if candidate is not None and (candidate - today).days * step >= 0:
            return candidate
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    raise DateWordsError("that date does not exist")


# The day each year-turn phrase counts from: its first working day on or after this one.
_YEAR_TURN_STARTS: dict[str, tuple[int, int]] = {"new-year": (1, 1), "christmas": (12, 26)}


def _year_turn(spec: YearTurnSpec, year: int, days_off: DaysOff) -> date:
    month, day = _YEAR_TURN_STARTS[spec.after]
    return next_working_day(date(year, month, day), days_off)


def resolve_past(
    spec: DaySpec, today: date, *, month_first: bool = True, days_off: DaysOff = NO_DAYS_OFF
) -> date:
    """The day a past event (a meeting) happened: bare weekdays and dates look backwards."""
    if isinstance(spec, YearTurnSpec):
        this_year = _year_turn(spec, today.year, days_off)
        return this_year if this_year <= today else _year_turn(spec, today.year - 1, days_off)
    if isinstance(spec, AdjacentDay):
        return today - timedelta(days=spec.days)
    if isinstance(spec, ThisWeekSpec):
        return today
    if isinstance(spec, DayOfMonth):
        return _month_day(spec, today, -1)
    common = _common(spec, today, month_first)
    if isinstance(common, date):
        return common
    spec = common
    if isinstance(spec, RelativeDays):
        return today + timedelta(days=spec.days)
    if isinstance(spec, WeekdaySpec):
        back = (today.weekday() - spec.weekday) % 7
        return today - timedelta(days=back)
    if spec.year is not None:
        return date(spec.year, spec.month, spec.day)
    for year in (today.year, today.year - 1, today.year - 2, today.year - 3, today.year - 4):
        candidate = _safe_date(year, spec.month, spec.day)
        if candidate is not None and candidate <= today:
            return candidate
    raise DateWordsError("that date does not exist")  # only 29 Feb with no leap year in range


def resolve_future(
    spec: DaySpec, today: date, *, month_first: bool = True, days_off: DaysOff = NO_DAYS_OFF
) -> date:
    """The day a future event (a follow-up) is due: bare weekdays and dates look forwards."""
    if isinstance(spec, YearTurnSpec):
        this_year = _year_turn(spec, today.year, days_off)
        return this_year if this_year >= today else _year_turn(spec, today.year + 1, days_off)
    if isinstance(spec, AdjacentDay):
        return today + timedelta(days=spec.days)
    if isinstance(spec, ThisWeekSpec):
        return today + timedelta(days=max(0, _FRIDAY - today.weekday()))
    if isinstance(spec, DayOfMonth):
        return _month_day(spec, today, 1)
    common = _common(spec, today, month_first)
    if isinstance(common, date):
        return common
    spec = common
    if isinstance(spec, RelativeDays):
        return today + timedelta(days=spec.days)
    if isinstance(spec, WeekdaySpec):
        ahead = (spec.weekday - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if spec.year is not None:
        return date(spec.year, spec.month, spec.day)
    for year in (today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4):
        candidate = _safe_date(year, spec.month, spec.day)
        if candidate is not None and candidate >= today:
            return candidate
    raise DateWordsError("that date does not exist")


_FRIDAY = 4


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def zone(name: str) -> ZoneInfo:
    """The member's zone; an unknown stored name falls back to UTC rather than failing a nudge."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_today(timezone_name: str, now: datetime) -> date:
    return now.astimezone(zone(timezone_name)).date()


def format_day(day: date, today: date | None = None) -> str:
    """`Tue 5 Mar`, with the year only when it is not this year."""
    text = f"{day:%a} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def format_time(at: time) -> str:
    return f"{at:%H:%M}"


def in_days(day: date, today: date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `yesterday`, `3 days ago`."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
