"""Dates as people write them: `bot.core.when` against dateparser and parsedatetime.

On every row of `tests/data/command_phrasings.jsonl` whose command carries a day (met,
follow-up, snooze to a day), each candidate reads the whole line with today = Wed 9 Dec 2026,
month/day order, past days for meetings and future days for follow-ups; a meeting with no day
is today. Prints the share of rows with the expected day and the time per line.

    python -m bench.date_phrases          (needs `pip install dateparser parsedatetime`)
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.core.dates import resolve_future, resolve_past
from bot.core.when import WhenError, find_day
from tests.core.phrasings import load

TODAY = date(2026, 12, 9)
BASE = datetime(2026, 12, 9, 10, 0)
Reader = Callable[[str, bool], date | None]


def ours(text: str, past: bool) -> date | None:
    try:
        found = find_day(text)
    except WhenError:
        return None
    if found is None:
        return None
    return (resolve_past if past else resolve_future)(found.spec, TODAY)


def with_dateparser() -> Reader:
    from dateparser.search import search_dates

    def read(text: str, past: bool) -> date | None:
        settings = {
            "RELATIVE_BASE": BASE,
            "PREFER_DATES_FROM": "past" if past else "future",
            "DATE_ORDER": "MDY",
        }
        found = search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
        return found[0][1].date() if found else None

    return read


def with_parsedatetime() -> Reader:
    import parsedatetime

    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)

    def read(text: str, past: bool) -> date | None:
        found = calendar.nlp(text, sourceTime=BASE)
        if not found:
            return None
        for when, flags, _, _, _ in found:
            if flags.hasDate:  # a day, not only a time of day
                day = when.date()
                if past and day > TODAY:  # parsedatetime looks forward: "Monday" is next week's
                    ahead = (day - TODAY).days
                    day = day - timedelta(days=7) if ahead <= 7 else day.replace(year=day.year - 1)
                return day
        return None

    return read


def score(reader: Reader, rows: list[dict]) -> tuple[float, float]:
    right = 0
    times = []
    for row in rows:
        want = row["expect"]
        past = want["command"] == "met"
        start = time.perf_counter()
        got = reader(row["text"], past)
        times.append(time.perf_counter() - start)
        if got is None and past:
            got = TODAY
        if (got.isoformat() if got else None) == want.get("date"):
            right += 1
    return right / len(rows), statistics.median(times) * 1000


def main() -> int:
    # "snooze Dana 3 days" is a count of days, not a day: those lines are left out.
    rows = [
        r
        for r in load()
        if r["expect"]["command"] in {"met", "follow-up", "snooze"} and "days" not in r["expect"]
    ]
    candidates: dict[str, Reader] = {"bot.core.when": ours}
    for name, make in (("dateparser", with_dateparser), ("parsedatetime", with_parsedatetime)):
        try:
            candidates[name] = make()
        except ImportError:
            print(f"{name}: not installed")
    print(f"{len(rows)} lines with a day (met, follow-up, snooze to a day)")
    for name, reader in candidates.items():
        accuracy, median_ms = score(reader, rows)
        print(f"  {name:15} {accuracy:6.1%} right   {median_ms:8.3f} ms per line (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
