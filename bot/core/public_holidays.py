"""The public holidays where a member lives, from the `holidays` package.

The country comes from the member's time zone when the tz database gives that zone one country
(Europe/Copenhagen → Denmark, America/New_York → the United States); UTC, offsets and shared zones
have none, and then only weekends are days off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

import holidays

# Days most offices close that the package files as optional or a half day (juleaften), in the
# countries where they close: not India, where Christmas Eve is a restricted holiday a few take,
# nor the United States, where it is "unofficial" (a tester in Bengaluru got a second touch
# moved off 24 Dec "Christmas Eve in India").
USUALLY_OFF_TOO = frozenset({"Christmas Eve", "New Year's Eve"})
EVES_OFF_IN = frozenset(
    {"AT", "CZ", "DE", "DK", "EE", "FI", "HU", "IS", "LT", "LV", "NO", "PL", "SE", "SK"}
)
_NAMED_WITH_THE = ("United ", "Netherlands", "Philippines", "Czech", "Dominican", "Bahamas")


@dataclass(frozen=True)
class DaysOff:
    """A member's public holidays; `NO_DAYS_OFF` when their country is not known."""

    country: str | None = None  # "Denmark", "the United States"
    _public: Mapping[date, str] | None = field(default=None, repr=False, compare=False)
    _others: Mapping[date, str] | None = field(default=None, repr=False, compare=False)

    def name_of(self, day: date) -> str | None:
        """ "Christmas Eve" when `day` is a holiday here, else None."""
        if self._public is None:
            return None
        public = self._public.get(day)
        if public:
            return public.split("; ")[0]
        others = self._others.get(day, "") if self._others is not None else ""
        usual = [name for name in others.split("; ") if name in USUALLY_OFF_TOO]
        return usual[0] if usual else None

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.name_of(day) is not None


NO_DAYS_OFF = DaysOff()


@cache
def _countries_by_zone() -> dict[str, str]:
    """Zone → ISO country code, for zones that belong to exactly one country in zone.tab."""
    found: dict[str, set[str]] = {}
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        codes, _coords, zone_name, *_ = line.split("\t")
        found.setdefault(zone_name, set()).update(codes.split(","))
    return {zone_name: codes.pop() for zone_name, codes in found.items() if len(codes) == 1}


def country_for_zone(timezone_name: str) -> str | None:
    """The ISO code of the one country `timezone_name` belongs to, or None."""
    code = _countries_by_zone().get(timezone_name)
    return code if code in holidays.list_supported_countries() else None


def _country_name(calendar: holidays.HolidayBase) -> str:
    # The package names its country classes in CamelCase ("UnitedStates").
    base = next(k for k in type(calendar).__mro__ if k.__name__ != type(calendar).__name__)
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", base.__name__)
    return f"the {name}" if name.startswith(_NAMED_WITH_THE) else name


@cache
def _days_off_in(code: str) -> DaysOff:
    public = holidays.country_holidays(code)
    language = "en_US" if "en_US" in (public.supported_languages or ()) else None
    public = holidays.country_holidays(code, language=language)
    other_categories = tuple(c for c in public.supported_categories if c != "public")
    others = (
        holidays.country_holidays(code, language=language, categories=other_categories)
        if other_categories and code in EVES_OFF_IN
        else None
    )
    return DaysOff(_country_name(public), public, others)


def days_off_for(timezone_name: str) -> DaysOff:
    """The public holidays of the member's country; none when the zone names no one country."""
    code = country_for_zone(timezone_name)
    return _days_off_in(code) if code else NO_DAYS_OFF
