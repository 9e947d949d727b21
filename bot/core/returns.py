"""Return on networking time: which events and places bring relationships that last.

Per event (or, for meetings at no planned event, per place): the people met there, the share
followed up within the 10-day window, second touches, and how many of those met at least 90 days
ago are still in touch. Pure functions over `MeetingOutcome`s; `stats` and the home view show them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.core.ledger import give_ask_ratio
from bot.core.messages import Field, Section
from bot.core.rules import IN_TOUCH_DAYS, WINDOW_DAYS, still_in_touch, window_closes
from storage.names import name_key, place_key
from storage.records import MeetingOutcome, TouchCounts

NO_TOUCH_KINDS = "no touch recorded as a give or an ask yet"


@dataclass(frozen=True)
class PlaceReturn:
    where: str  # the event's name, or the place as first written
    is_event: bool
    people_met: int
    followed_up_in_window: int  # people whose first follow-up was done inside the window
    # Not followed up yet and their window still open: neither a success nor a miss yet.
    window_open: int
    second_touches: int  # people whose Rule of Two second touch is done
    met_long_ago: int  # people met there at least IN_TOUCH_DAYS ago
    still_in_touch: int  # of those, touched again IN_TOUCH_DAYS or more after meeting
    touches: TouchCounts = field(default_factory=TouchCounts)  # the ledger of those met there

    @property
    def window_decided(self) -> int:
        """People followed up in time, or whose window closed without it."""
        return self.people_met - self.window_open

    @property
    def share_followed_up(self) -> float | None:
        decided = self.window_decided
        return self.followed_up_in_window / decided if decided else None


@dataclass
class _Person:
    in_window: bool = False
    second: bool = False
    met_on: date | None = None
    last_touch_on: date | None = None


def returns(
    outcomes: Sequence[MeetingOutcome],
    today: date,
    ledgers: Mapping[int, TouchCounts] | None = None,
) -> list[PlaceReturn]:
    """One row per event and per place, most people met first. `ledgers`: each contact's done
    touches by kind (give, ask, thank), keyed by contact id."""
    ledgers = ledgers or {}
    groups: dict[tuple[str, str], tuple[str, dict[int, _Person]]] = {}
    for outcome in outcomes:
        if outcome.event_id is not None and outcome.event_name is not None:
            key, label = ("event", str(outcome.event_id)), outcome.event_name
        elif outcome.place and place_key(outcome.place):
            key, label = ("place", place_key(outcome.place)), outcome.place
        else:
            continue
        _, people = groups.setdefault(key, (label, {}))
        person = people.setdefault(outcome.contact_id, _Person())
        person.in_window |= outcome.first_touch_in_window
        person.second |= outcome.second_touch_on is not None
        if person.met_on is None or outcome.met_on < person.met_on:
            person.met_on = outcome.met_on
        if outcome.last_touch_on is not None:
            person.last_touch_on = max(
                person.last_touch_on or outcome.last_touch_on, outcome.last_touch_on
            )
    long_ago = today - timedelta(days=IN_TOUCH_DAYS)
    rows = []
    for (kind, _), (label, people) in groups.items():
        old = [p for p in people.values() if p.met_on is not None and p.met_on <= long_ago]
        rows.append(
            PlaceReturn(
                where=label,
                is_event=kind == "event",
                people_met=len(people),
                followed_up_in_window=sum(p.in_window for p in people.values()),
                window_open=sum(
                    not p.in_window and p.met_on is not None and today <= window_closes(p.met_on)
                    for p in people.values()
                ),
                second_touches=sum(p.second for p in people.values()),
                met_long_ago=len(old),
                still_in_touch=sum(
                    still_in_touch(p.met_on, p.last_touch_on) for p in old if p.met_on
                ),
                touches=_sum_touches(ledgers.get(contact_id) for contact_id in people),
            )
        )
    return sorted(rows, key=lambda r: (-r.people_met, name_key(r.where)))


def _sum_touches(counts: Iterable[TouchCounts | None]) -> TouchCounts:
    found = [c for c in counts if c is not None]
    return TouchCounts(
        give=sum(c.give for c in found),
        ask=sum(c.ask for c in found),
        thank=sum(c.thank for c in found),
    )


def _share(part: int, whole: int) -> str:
    return f"{round(part / whole * 100)}% ({part} of {whole})" if whole else "—"


def _followed_up(row: PlaceReturn) -> str:
    """The share of people whose window is decided; those still inside it are not misses."""
    if not row.window_open:
        return _share(row.followed_up_in_window, row.people_met)
    still = f"{row.window_open} still inside the window"
    if not row.window_decided:
        return f"— ({still})"
    return f"{_share(row.followed_up_in_window, row.window_decided)}; {still}"


def return_fields(row: PlaceReturn) -> tuple[Field, ...]:
    in_touch = (
        f"{row.still_in_touch} of {row.met_long_ago}"
        if row.met_long_ago
        else f"— (no one met {IN_TOUCH_DAYS}+ days ago)"
    )
    return (
        Field("People met", str(row.people_met)),
        Field(f"Followed up within {WINDOW_DAYS} days", _followed_up(row)),
        Field("Second touches", str(row.second_touches)),
        Field(f"Still in touch after {IN_TOUCH_DAYS} days", in_touch),
        Field(
            "Give:ask",
            give_ask_ratio(row.touches) if row.touches.give + row.touches.ask else NO_TOUCH_KINDS,
        ),
    )


def return_sections(
    rows: Sequence[PlaceReturn], limit: int, more_hint: str = ""
) -> tuple[Section, ...]:
    """A heading and one section per event or place, at most `limit` of them, all time."""
    if not rows:
        return ()
    shown = [
        Section(
            text=f"**{row.where}**{' (event)' if row.is_event else ''}",
            fields=return_fields(row),
        )
        for row in rows[:limit]
    ]
    more = len(rows) - limit
    tail = (Section(text=f"…and {more} more.{more_hint}"),) if more > 0 else ()
    heading = Section(
        text="**Return on your networking time** — which events and places bring "
        "relationships that last"
    )
    return (heading, *shown, *tail)
