"""When to nudge a member about a follow-up, and what the nudge says.

Nudges arrive at the start of the member's working hours, in their own time zone, on working days
(Monday to Friday, not a public holiday where they live). A nudge on a day off moves to the next
working day only while that is still inside the 10-day window; otherwise it moves back to the
working day before, and failing that it stays, because a nudge after the window has closed is
worth less than one on a Saturday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.core import ledger
from bot.core.dates import format_day, local_today, plural, zone
from bot.core.messages import Action, Field, Reply, Section, mention_markup
from bot.core.public_holidays import days_off_for
from bot.core.rules import (
    LAST_CHANCE_DAY,
    WINDOW_DAYS,
    can_snooze,
    days_left_in_window,
    is_check_in,
    is_working_day,
    next_working_day,
    people_count,
    previous_working_day,
    snooze_action,
    window_closes,
)
from storage.records import DueNudge, EventRecord, MemberRecord, PlannedNudge, TouchCounts

# The morning after an event: "Did you meet anyone worth following up?"
EVENT_DEBRIEF = "event-debrief"
# The working day after a first follow-up's due day, while its window is still open.
OVERDUE = "overdue"


class FollowUpSchedule(Protocol):
    """What planning needs from a follow-up; `FollowUpRecord` and `FollowUpPlan` both fit."""

    @property
    def met_on(self) -> date: ...

    @property
    def due_on(self) -> date: ...

    @property
    def touch(self) -> int: ...

    @property
    def late(self) -> bool: ...


@dataclass(frozen=True)
class FollowUpPlan:
    """A follow-up before it is stored (it has no id yet)."""

    met_on: date
    due_on: date
    touch: int = 1
    late: bool = False


def _start_of_work(day: date, member: MemberRecord, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, member.work_start, tzinfo=tz)


def next_working_moment(at: datetime, member: MemberRecord) -> datetime:
    """`at` itself when it falls in working hours on a working day, else the next start of work.

    Returned in the member's zone.
    """
    tz = zone(member.timezone)
    local = at.astimezone(tz)
    day = local.date()
    off = days_off_for(member.timezone)
    if is_working_day(day, off) and member.work_start <= local.time() < member.work_end:
        return local
    if is_working_day(day, off) and local.time() < member.work_start:
        return _start_of_work(day, member, tz)
    return _start_of_work(next_working_day(day + timedelta(days=1), off), member, tz)


def _window_end(met_on: date, member: MemberRecord, tz: ZoneInfo) -> datetime:
    """The last moment a nudge still helps: the end of work on day 10."""
    end_of_work = member.work_end if member.work_end > member.work_start else time(23, 59)
    return datetime.combine(window_closes(met_on), end_of_work, tzinfo=tz)


def _place_on_day(
    day: date, member: MemberRecord, tz: ZoneInfo, *, earliest: datetime, latest: datetime | None
) -> datetime:
    """Start of work on `day`, moved off weekends and past `earliest`, but not past `latest`."""
    wanted = _start_of_work(day, member, tz)
    off = days_off_for(member.timezone)
    if not is_working_day(day, off):
        monday = next_working_day(day, off)
        friday = previous_working_day(day, off)
        on_monday = _start_of_work(monday, member, tz)
        on_friday = _start_of_work(friday, member, tz)
        if latest is None or on_monday <= latest:
            wanted = on_monday
        elif on_friday >= earliest:
            wanted = on_friday
    if wanted < earliest:
        wanted = next_working_moment(earliest, member)
    if latest is not None and wanted > latest:
        # Working hours cannot fit before the window closes: send it as soon as possible instead.
        wanted = max(earliest, min(wanted, latest))
    return wanted


def plan_nudges(
    follow_up: FollowUpSchedule, member: MemberRecord, now: datetime
) -> list[PlannedNudge]:
    """The nudges for one open follow-up, in UTC, all at or after `now`.

    - first touch: a "due" nudge on the due day, an "overdue" nudge the working day after it,
      and a "last-chance" nudge on day 9 after the meeting when the due day is earlier than
      that; all before the 10-day window closes, and never two on one day;
    - second touch (rule of two), keep-in-touch check-ins and late follow-ups: one nudge on the
      due day.
    """
    tz = zone(member.timezone)
    now = now.astimezone(tz)
    utc = ZoneInfo("UTC")
    if is_check_in(follow_up):
        send_at = _place_on_day(follow_up.due_on, member, tz, earliest=now, latest=None)
        return [PlannedNudge("check-in", send_at.astimezone(utc))]
    if follow_up.touch >= 2:
        send_at = _place_on_day(follow_up.due_on, member, tz, earliest=now, latest=None)
        return [PlannedNudge("second-touch", send_at.astimezone(utc))]
    if follow_up.late:
        send_at = _place_on_day(follow_up.due_on, member, tz, earliest=now, latest=None)
        return [PlannedNudge("due", send_at.astimezone(utc))]

    latest = _window_end(follow_up.met_on, member, tz)
    if now > latest:
        # The window closed while nobody was looking: one nudge now, so it is not lost silently.
        return [PlannedNudge("due", now.astimezone(utc))]
    due_at = _place_on_day(follow_up.due_on, member, tz, earliest=now, latest=latest)
    planned = [PlannedNudge("due", due_at.astimezone(utc))]
    last_chance_day = follow_up.met_on + timedelta(days=LAST_CHANCE_DAY)
    last_chance_at: datetime | None = None
    if follow_up.due_on < last_chance_day:
        send_at = _place_on_day(last_chance_day, member, tz, earliest=now, latest=latest)
        if send_at > due_at:
            last_chance_at = send_at
    overdue_day = next_working_day(follow_up.due_on + timedelta(days=1))
    overdue_at = _place_on_day(overdue_day, member, tz, earliest=now, latest=latest)
    overdue_on = overdue_at.astimezone(tz).date()
    after_due = overdue_on > due_at.astimezone(tz).date()
    before_last_chance = last_chance_at is None or overdue_on < last_chance_at.astimezone(tz).date()
    if after_due and before_last_chance:
        planned.append(PlannedNudge(OVERDUE, overdue_at.astimezone(utc)))
    if last_chance_at is not None:
        planned.append(PlannedNudge("last-chance", last_chance_at.astimezone(utc)))
    return planned


def plan_event_nudge(held_on: date, member: MemberRecord, now: datetime) -> PlannedNudge:
    """The debrief nudge: the start of the member's first working day after the event."""
    tz = zone(member.timezone)
    send_at = _place_on_day(
        held_on + timedelta(days=1), member, tz, earliest=now.astimezone(tz), latest=None
    )
    return PlannedNudge(EVENT_DEBRIEF, send_at.astimezone(ZoneInfo("UTC")))


def met_at_example(event: EventRecord) -> str:
    """How to log someone met at the event, as the member would type it."""
    return f"met Jane Doe at {event.name}"


def event_debrief_reply(event: EventRecord) -> Reply:
    """The morning after an event: who was worth meeting, and a quick way to log them."""
    return Reply(
        text=f"**Did you meet anyone worth following up at {event.name}?** Log each person in "
        f"one line, like `{met_at_example(event)} — asked about Rust hiring`; I'll plan the "
        f"follow-ups inside the {WINDOW_DAYS}-day window. Your goal was "
        f"{people_count(event.goal_people)} worth knowing better.",
        actions=(
            Action(f"Show {event.name}", f"event {event.name}", style="primary"),
            Action("No one this time", "no"),
        ),
    )


def nudge_reply(due: DueNudge, now: datetime, touches: TouchCounts | None = None) -> Reply:
    """The message a member gets when a nudge comes due, with Gave / Asked / Thanked (Done),
    Snooze and Review buttons (or an event's debrief). `touches`: the contact's ledger so far,
    for the give-first line."""
    follow_up = due.follow_up
    if follow_up is None:
        if due.event is None:
            raise ValueError(f"nudge {due.nudge_id} is about nothing")
        return event_debrief_reply(due.event)
    name = follow_up.contact_name
    if follow_up.contact_mention:
        name = mention_markup(follow_up.contact_mention, follow_up.contact_name)
    today = local_today(due.member.timezone, now)
    left = days_left_in_window(follow_up.met_on, today)
    met = format_day(follow_up.met_on, today)
    if due.kind == "check-in":
        text = (
            f"**Time to check in with {name}** (keep in touch): a short note that shares "
            "something useful to them — an article, an intro, congratulations — keeps the "
            "connection warm. No ask needed."
        )
    elif due.kind == "second-touch":
        text = (
            f"**Second touch with {name}** (rule of two): you followed up after meeting on {met}. "
            "A short, useful second note now keeps the connection warm — share something that "
            "fits what they care about, no ask needed."
        )
    elif due.kind == "last-chance" or (not follow_up.late and 0 <= left <= 1):
        closes = "today" if left == 0 else "tomorrow"
        text = (
            f"**Last chance to follow up with {name}**: your {WINDOW_DAYS}-day window since you "
            f"met on {met} closes {closes}. A short note that gives them something useful beats "
            "a perfect one that never goes out."
        )
    elif due.kind == OVERDUE:
        text = (
            f"**Your follow-up with {name} is overdue**: it was due "
            f"{format_day(follow_up.due_on, today)}, and {plural(left, 'day')} "
            f"{'is' if left == 1 else 'are'} left in your {WINDOW_DAYS}-day window since you met "
            f"on {met}. Two lines that give them something useful are enough."
        )
    elif follow_up.late or left < 0:
        text = (
            f"**Follow up with {name}** (late): you met on {met}, so the {WINDOW_DAYS}-day window "
            "has closed, but a thoughtful note is still better than none."
        )
    else:
        text = (
            f"**Time to follow up with {name}**: you met on {met}, and {left} "
            f"{'day is' if left == 1 else 'days are'} left in your {WINDOW_DAYS}-day window. "
            "Lead with something useful to them."
        )
    warning = ledger.ask_first_warning(follow_up.contact_name, touches) if touches else None
    if warning:
        text += f" {warning}"
    fields = [Field("Due", format_day(follow_up.due_on, today))]
    if follow_up.note:
        fields.append(Field("Note", follow_up.note))
    section = Section(text=f"Follow-up #{follow_up.id} with {name}", fields=tuple(fields))
    snooze = (snooze_action(follow_up.id),) if can_snooze(follow_up, today) else ()
    actions = (
        *ledger.done_actions(follow_up.id),
        *snooze,
        Action("Review my draft", "review"),
    )
    return Reply(text=text, sections=(section,), actions=actions)


def closes_the_nudge(action: Action) -> bool:
    """Done / Snooze settle the nudge: the chat swaps them for the outcome, so they cannot be
    clicked twice. "Review my draft" (the bare `review` command) only asks for the draft: it
    answers on the side and leaves the nudge and its buttons in place."""
    return action.command.strip() != "review"
