"""Time zones as people name them: "Berlin", "Manila time", "Pacific time", "india"."""

from __future__ import annotations

import difflib
import re
from functools import cache
from zoneinfo import available_timezones

# Names people use that are no IANA city.
_ALIASES: dict[str, str] = {
    "pacific": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "mountain": "America/Denver",
    "central": "America/Chicago",
    "eastern": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "east coast": "America/New_York",
    "west coast": "America/Los_Angeles",
    "new york": "America/New_York",
    "nyc": "America/New_York",
    "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "l.a.": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "india": "Asia/Kolkata",
    "ist": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "uk": "Europe/London",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "cet": "Europe/Berlin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "philippines": "Asia/Manila",
    "japan": "Asia/Tokyo",
    "korea": "Asia/Seoul",
    "china": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi",
    "ghana": "Africa/Accra",
    "mexico city": "America/Mexico_City",
    "ciudad de mexico": "America/Mexico_City",
    "ciudad de méxico": "America/Mexico_City",
    "cdmx": "America/Mexico_City",
    "brazil": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    "utc": "UTC",
    "central european": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "eastern european": "Europe/Athens",
    "eet": "Europe/Athens",
    "western european": "Europe/Lisbon",
    "wet": "Europe/Lisbon",
    "british": "Europe/London",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "hst": "Pacific/Honolulu",
    "jst": "Asia/Tokyo",
    "sgt": "Asia/Singapore",
    "pht": "Asia/Manila",
    "manila": "Asia/Manila",
    "pkt": "Asia/Karachi",
    "wat": "Africa/Lagos",
    "eat": "Africa/Nairobi",
    "sast": "Africa/Johannesburg",
    "aest": "Australia/Sydney",
    "brt": "America/Sao_Paulo",
    "gulf": "Asia/Dubai",
}
# "GMT+1", "UTC-5": IANA's fixed zones count the other way ("Etc/GMT-1" is one hour ahead).
_OFFSET = re.compile(r"(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?00)?")


_LEGACY = ("Etc/", "SystemV/", "US/", "Canada/", "Mexico/", "Brazil/", "Chile/")


@cache
def _by_key() -> dict[str, str]:
    zones: dict[str, str] = {}
    for name in sorted(available_timezones()):
        # A legacy link without a region ("Singapore", "Japan") never hides the city's zone.
        if "/" in name or name.lower() not in zones:
            zones[name.lower()] = name
        city = name.rsplit("/", 1)[-1].replace("_", " ").lower()
        # The first region wins ("Europe/Berlin", not "Etc/..."), and real regions beat legacy.
        if "/" in name and not name.startswith(_LEGACY):
            zones.setdefault(city, name)
    return zones


def _key(text: str) -> str:
    text = re.sub(r"\b(?:time|timezone|time zone|zone|standard|daylight)\b", " ", text.lower())
    return " ".join(text.replace("_", " ").split()).strip(" .,!?")


def zone_for(text: str) -> str | None:
    """The IANA zone `text` names, or None."""
    key = _key(text)
    if key in _ALIASES:
        return _ALIASES[key]
    offset = _OFFSET.fullmatch(key.replace(" ", ""))
    if offset is not None and int(offset.group(2)) <= 14:
        sign = "-" if offset.group(1) == "+" else "+"
        return f"Etc/GMT{sign}{int(offset.group(2))}" if int(offset.group(2)) else "UTC"
    exact = _by_key().get(text.strip().lower())
    if exact:
        return exact
    return _ALIASES.get(key) or _by_key().get(key) or _by_key().get(key.replace(" ", "_"))


def closest_zone(text: str) -> str | None:
    """A suggestion for a zone name that is not one ("Berlln" → Europe/Berlin)."""
    key = _key(text)
    match = difflib.get_close_matches(key, list(_by_key()) + list(_ALIASES), n=1, cutoff=0.75)
    if not match:
        return None
    return _ALIASES.get(match[0]) or _by_key()[match[0]]
