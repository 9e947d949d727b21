"""A meeting logged "at" a planned event that is still ahead: `met Efua Mensah at Accra Devs Jan
meetup` typed a month before it. It cannot have happened there yet, so nothing is logged: the
reply says when the event is and offers to log the meeting on its day without the event's name
(met today somewhere else)."""

from __future__ import annotations

from datetime import date

from bot.core import commands as c
from bot.core.context import Context
from bot.core.dates import format_day
from bot.core.events import event_at
from bot.core.messages import Action, Reply, mention_markup
from storage.records import EventRecord


def question(ctx: Context, command: c.MetCommand, met_on: date) -> Reply | None:
    """The reply for a meeting at an event still ahead of `met_on`; None for any other."""
    if not command.place or event_at(ctx, command.place, met_on) is not None:
        return None
    event = _next_one(ctx, command.place, met_on)
    if event is None:
        return None
    held = format_day(event.held_on, ctx.today)
    people = [command.person, *command.others]
    actions = [Action(f"Show {event.name}", f"event #{event.id}")]
    if len(people) == 1:
        actions.insert(0, Action(_elsewhere_label(met_on, ctx.today), _elsewhere(command, met_on)))
    return Reply(
        text=f"{event.name} is on {held}, still ahead, so I logged nothing. Once you meet "
        f"people there, log them with `met <person> at {event.name}` and their follow-ups "
        f"count from {held}. Met {_who(people)} {_on(met_on, ctx.today)} somewhere else? "
        "Log it without the event's name.",
        actions=tuple(actions),
    )


def _who(people: list[c.PersonRef]) -> str:
    return people[0].name if len(people) == 1 else "them"


def _on(met_on: date, today: date) -> str:
    return "today" if met_on == today else f"on {format_day(met_on, today)}"


def _elsewhere_label(met_on: date, today: date) -> str:
    return f"Met {_on(met_on, today)} at another event"


def _elsewhere(command: c.MetCommand, met_on: date) -> str:
    """The `met` line without the event: the same person, day and note."""
    person = command.person
    who = mention_markup(person.mention, person.name) if person.mention else person.name
    text = f"met {who} on {met_on.day} {met_on:%b} {met_on.year}"
    if command.new_person is not None:
        text += " (new contact)" if command.new_person else " (same contact)"
    return f"{text} — {command.note}" if command.note else text


def _next_one(ctx: Context, place: str, met_on: date) -> EventRecord | None:
    """The member's next event of that name after the meeting day."""
    ahead = [e for e in ctx.store.find_events(ctx.member.id, place) if e.held_on > met_on]
    return min(ahead, key=lambda e: (e.held_on, e.id)) if ahead else None
