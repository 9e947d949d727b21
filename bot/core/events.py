"""Networking events and the Rule of Two: `event`, `events`, and an event's progress.

"Your goal for any networking event should be to meet 2 people that you'd like to get to know
better. After the event you follow up with these 2 people, 2 times." An event is planned with
that goal, `met … at <event>` counts people towards it, and each follow-up done counts a touch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.core import commands as c
from bot.core import dates
from bot.core.context import Context, failure
from bot.core.dates import CalendarDate, format_day, in_days, resolve_future, resolve_past
from bot.core.help import example
from bot.core.messages import Action, Reply, Section
from bot.core.nudges import plan_event_nudge
from bot.core.rules import (
    MAX_GOAL_PEOPLE,
    RULE_OF_TWO_PEOPLE,
    RULE_OF_TWO_TOUCHES,
    people_count,
    rule_of_two_goal,
    rule_of_two_progress,
)
from storage.names import name_key
from storage.records import EventRecord, MeetingOutcome

# Events shown in `list`, `stats` and the home view: upcoming ones, and those recent enough that
# their second touches (two weeks after the first) may still be under way.
RECENT_EVENT_DAYS = 45
# A meeting this many days after an event's (first) day may still be at it: conferences last.
EVENT_LASTS_DAYS = 7
# A date with no year that already passed this recently is that day, not next year's.
_RECENTLY_PASSED_DAYS = 14
# `events` lists at most this many (a chat message with 50 events helps nobody).
EVENTS_LIMIT = 15
# The goals offered as buttons when an event is planned.
_GOAL_CHOICES = (1, RULE_OF_TWO_PEOPLE, RULE_OF_TWO_PEOPLE + 1)
_EVENT_ID = re.compile(r"#(\d{1,12})")


@dataclass(frozen=True)
class EventProgress:
    event: EventRecord
    people_met: int
    touches_done: int

    @property
    def line(self) -> str:
        return rule_of_two_progress(
            self.event.name, self.people_met, self.event.goal_people, self.touches_done
        )

    @property
    def goal_met(self) -> bool:
        goal = self.event.goal_people
        return self.people_met >= goal and self.touches_done >= goal * RULE_OF_TWO_TOUCHES


def progress(event: EventRecord, outcomes: Sequence[MeetingOutcome]) -> EventProgress:
    """People met at the event and the touches done with them (at most two per person count
    towards the Rule of Two; meeting someone twice there is one person)."""
    touches: dict[int, int] = {}
    for outcome in outcomes:
        if outcome.event_id != event.id:
            continue
        done = (outcome.first_touch_on is not None) + (outcome.second_touch_on is not None)
        touches[outcome.contact_id] = max(touches.get(outcome.contact_id, 0), done)
    return EventProgress(
        event=event,
        people_met=len(touches),
        touches_done=sum(min(done, RULE_OF_TWO_TOUCHES) for done in touches.values()),
    )


def recent(events: Sequence[EventRecord], today: date) -> list[EventRecord]:
    since = today - timedelta(days=RECENT_EVENT_DAYS)
    return [event for event in events if event.held_on >= since]


def progress_lines(ctx: Context, events: Sequence[EventRecord] | None = None) -> list[str]:
    """One Rule of Two line per recent (or given) event, earliest first."""
    chosen = recent(ctx.store.events(ctx.member.id), ctx.today) if events is None else events
    if not chosen:
        return []
    outcomes = ctx.store.meeting_outcomes(ctx.member.id)
    return [progress(event, outcomes).line for event in chosen]


def met_at(ctx: Context, event: EventRecord) -> EventProgress:
    """The event's progress right after a meeting there was logged. Once everyone the member
    aimed to meet is logged, the morning-after "Did you meet anyone?" would ask what they have
    already told, so its pending nudge is cancelled."""
    done = progress(event, ctx.store.meeting_outcomes(ctx.member.id))
    if done.people_met >= event.goal_people:
        ctx.store.update_event(ctx.member.id, event.id, nudges=())
    return done


def progress_section(ctx: Context) -> Section | None:
    """The Rule of Two of recent events, for `list`, `stats` and the home view."""
    lines = progress_lines(ctx)
    if not lines:
        return None
    return Section(text="**Rule of Two**\n" + "\n".join(f"• {line}" for line in lines))


# --- which event ------------------------------------------------------------------------------


def event_at(ctx: Context, place: str | None, met_on: date | None) -> EventRecord | None:
    """The member's event a meeting "at <place>" happened at: the latest of that name held on
    the meeting day (`met_on`, or today when the member gave no day) or in the days before it,
    as long as a conference lasts; an older event of that name was another occasion."""
    if not place:
        return None
    day = met_on or ctx.today
    held = [
        event
        for event in ctx.store.find_events(ctx.member.id, place)
        if 0 <= (day - event.held_on).days <= EVENT_LASTS_DAYS
    ]
    return max(held, key=lambda e: (e.held_on, e.id)) if held else None


def _named(ctx: Context, name: str) -> list[EventRecord]:
    """The events `name` means: `#12` is that one, no name the one planned last."""
    if not name:
        planned = ctx.store.events(ctx.member.id)
        return [max(planned, key=lambda e: e.id)] if planned else []
    by_id = _EVENT_ID.fullmatch(name.strip())
    if by_id is not None:
        wanted = int(by_id.group(1))
        return [e for e in ctx.store.events(ctx.member.id) if e.id == wanted]
    return ctx.store.find_events(ctx.member.id, name)


def _nearest(events: Sequence[EventRecord], today: date) -> EventRecord:
    return min(events, key=lambda e: (abs((e.held_on - today).days), -e.id))


def _held_on(ctx: Context, when: c.DaySpec) -> date:
    first = dates.month_first(ctx.member.date_order, ctx.member.timezone)
    ahead = resolve_future(when, ctx.today, month_first=first)
    if isinstance(when, CalendarDate) and when.year is None:
        before = resolve_past(when, ctx.today, month_first=first)
        if (ctx.today - before).days <= _RECENTLY_PASSED_DAYS < (ahead - ctx.today).days:
            return before  # "event meetup on 3 Dec" typed on 6 Dec: last Thursday's
    return ahead


# --- commands ----------------------------------------------------------------------------------


def plan_event(ctx: Context, command: c.EventCommand) -> Reply:
    if command.goal is not None and not 1 <= command.goal <= MAX_GOAL_PEOPLE:
        return failure(
            f"A goal of {command.goal} is not a plan I can help with: pick 1 to "
            f"{MAX_GOAL_PEOPLE} people. Be selective, focus on a few — the Rule of Two says "
            f"{RULE_OF_TWO_PEOPLE}. For example: `event {command.name} goal {RULE_OF_TWO_PEOPLE}`.",
            topic="event",
        )
    found = _named(ctx, command.name)
    by_id = _EVENT_ID.fullmatch(command.name.strip()) is not None
    if by_id and not found:
        return failure(
            f"I can't find event {command.name} among yours. Type `events` to see them.",
            topic="event",
        )
    if command.when is None:
        if not found and not command.name:
            return failure(
                f"You have no events yet, so there is no goal to set. Plan one first: "
                f"{example('event')}.",
                topic="event",
            )
        if not found:
            return failure(
                f"I have no event called “{command.name}” yet. When is it? For example: "
                f"`event {command.name} on 14 Mar`.",
                topic="event",
            )
        event = _nearest(found, ctx.today)
        if command.goal is not None:
            event = ctx.store.update_event(ctx.member.id, event.id, goal_people=command.goal)
            return _event_reply(
                ctx, event, f"Goal for **{event.name}**: {rule_of_two_goal(event.goal_people)}."
            )
        return _event_reply(ctx, event, None)
    held_on = _held_on(ctx, command.when)
    same = (
        found
        if by_id
        else [
            e
            for e in found
            if name_key(e.name) == name_key(command.name)
            and abs((e.held_on - held_on).days) <= RECENT_EVENT_DAYS
        ]
    )
    nudges = [plan_event_nudge(held_on, ctx.member, ctx.now)]
    if same:
        moved = held_on != same[0].held_on
        event = ctx.store.update_event(
            ctx.member.id,
            same[0].id,
            held_on=held_on,
            goal_people=command.goal,
            nudges=nudges if moved else None,
        )
        return _event_reply(ctx, event, f"Moved **{event.name}**." if moved else None)
    event = ctx.store.add_event(
        ctx.member.id,
        command.name,
        held_on,
        command.goal or RULE_OF_TWO_PEOPLE,
        nudges=nudges,
    )
    return _planned_reply(ctx, event, command.goal is None)


def _planned_reply(ctx: Context, event: EventRecord, ask_goal: bool) -> Reply:
    day = format_day(event.held_on, ctx.today)
    when = in_days(event.held_on, ctx.today) if event.held_on >= ctx.today else "already passed"
    text = (
        f"Planned **{event.name}** on {day} ({when}). Rule of Two: your goal is to "
        f"{rule_of_two_goal(event.goal_people)}. The morning after, I'll ask who you met; log "
        f"them with `met <person> at {event.name}`."
    )
    if not ask_goal:
        return Reply(text=text)
    text += (
        " How many people worth knowing better do you want to meet there? Tap one, or answer "
        "like `3 people`."
    )
    return Reply(
        text=text,
        actions=tuple(
            Action(
                people_count(goal),
                f"event #{event.id} goal {goal}",
                style="primary" if goal == event.goal_people else None,
            )
            for goal in _GOAL_CHOICES
        ),
        on_yes=f"event #{event.id} goal {event.goal_people}",
    )


def _event_reply(ctx: Context, event: EventRecord, lead: str | None) -> Reply:
    line = progress_lines(ctx, [event])[0]
    day = format_day(event.held_on, ctx.today)
    if event.held_on > ctx.today:
        status = f"{event.name} is on {day} ({in_days(event.held_on, ctx.today)})."
    else:
        status = f"{event.name} was on {day}."
    text = " ".join(part for part in (lead, f"**{line}**.", status) if part)
    return Reply(
        text=text,
        sections=(
            Section(
                text=f"Goal: {rule_of_two_goal(event.goal_people)}. Log people you met with "
                f"`met <person> at {event.name}`; each follow-up done is a touch."
            ),
        ),
        actions=(Action("All events", "events"),),
    )


def list_events(ctx: Context, command: c.EventsCommand) -> Reply:
    events = ctx.store.events(ctx.member.id)
    if not events:
        return Reply(
            text=f"No events planned yet. Going to one? {example('event')}. Rule of Two: "
            f"{rule_of_two_goal()}."
        )
    outcomes = ctx.store.meeting_outcomes(ctx.member.id)
    sections = []
    latest = sorted(events, key=lambda e: (e.held_on, e.id), reverse=True)
    for event in latest[:EVENTS_LIMIT]:
        done = progress(event, outcomes)
        mark = "✓ " if done.goal_met else ""
        sections.append(
            Section(text=f"{mark}**{done.line}** — {format_day(event.held_on, ctx.today)}")
        )
    return Reply(
        text=f"Your {len(events)} event{'s' if len(events) != 1 else ''}, latest first. "
        f"Rule of Two: {rule_of_two_goal()}.",
        sections=(
            *sections,
            *(
                (Section(text=f"…and {len(events) - EVENTS_LIMIT} older ones."),)
                if len(events) > EVENTS_LIMIT
                else ()
            ),
        ),
    )
