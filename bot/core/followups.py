"""Meetings and follow-ups: `met`, `follow-up`, `list`, `done`, `snooze`, `cancel`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import cast

from bot.core import commands as c
from bot.core import dates, event_still_ahead, events, ledger, list_window, met_day_ahead
from bot.core.chat import still_fresh
from bot.core.check_ins import (
    cadence_of,
    offer,
    restart_check_in,
    start_again_hint,
    stop_action,
    stop_check_ins,
)
from bot.core.contacts import (
    as_typed,
    contact_ref,
    first_met,
    matching,
    note_line,
    typed_with,
    which_one,
)
from bot.core.context import Context, failure
from bot.core.dates import (
    CalendarDate,
    WeekdaySpec,
    format_day,
    format_time,
    in_days,
    plural,
    resolve_future,
    resolve_past,
)
from bot.core.help import example
from bot.core.messages import (
    Action,
    Field,
    Reply,
    Section,
    about,
    mention_markup,
    retyped,
    sentence,
)
from bot.core.notes_per_person import notes_per_person
from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.parser import MAX_NEW_NAME_WORDS, split_name_and_note
from bot.core.public_holidays import NO_DAYS_OFF, DaysOff, days_off_for
from bot.core.rules import (
    DEFAULT_SNOOZE_DAYS,
    SECOND_TOUCH_DAYS,
    WINDOW_DAYS,
    can_snooze,
    day_off_reason,
    days_left_in_window,
    decide_due,
    decide_snooze,
    is_check_in,
    is_overdue,
    is_working_day,
    moved_off_holiday,
    next_working_day,
    second_touch_due,
    snooze_action,
    touch_name,
    window_closes,
)
from storage.names import filed_name
from storage.records import ContactRecord, FollowUpRecord, PlannedNudge

# Longer lists are cut: a chat message with 50 follow-ups helps nobody (and Slack caps blocks).
LIST_LIMIT = 15


@dataclass(frozen=True)
class _Ask:
    """The person could not be pinned down; the reply asks which one."""

    reply: Reply


# --- shared wording ---------------------------------------------------------------------------


def display_name(follow_up: FollowUpRecord, ctx: Context) -> str:
    if follow_up.contact_mention:
        return mention_markup(follow_up.contact_mention, follow_up.contact_name)
    return follow_up.contact_name


def window_phrase(follow_up: FollowUpRecord, today: date) -> str:
    if is_check_in(follow_up):
        return "keep-in-touch check-in"
    if follow_up.touch >= 2:
        return "second touch (rule of two)"
    closes = window_closes(follow_up.met_on)
    if follow_up.late:
        return f"late follow-up: the {WINDOW_DAYS}-day window closed on {format_day(closes, today)}"
    left = days_left_in_window(follow_up.met_on, today)
    if left > 0:
        return f"{plural(left, 'day')} left in the {WINDOW_DAYS}-day window"
    if left == 0:
        return f"last day of the {WINDOW_DAYS}-day window"
    return f"the {WINDOW_DAYS}-day window closed {plural(-left, 'day')} ago"


def window_closed_since(met_on: date, today: date) -> str:
    """ "That was 12 days ago, so the 10-day follow-up window closed on Fri 4 Dec." """
    return (
        f"That was {plural((today - met_on).days, 'day')} ago, so the {WINDOW_DAYS}-day "
        f"follow-up window closed on {format_day(window_closes(met_on), today)}."
    )


def due_phrase(follow_up: FollowUpRecord, today: date, off: DaysOff = NO_DAYS_OFF) -> str:
    due = format_day(follow_up.due_on, today)
    if is_overdue(follow_up.due_on, today, off):
        return f"overdue since {due} ({plural((today - follow_up.due_on).days, 'day')})"
    if follow_up.due_on < today:
        counts_on = in_days(next_working_day(follow_up.due_on, off), today)
        return f"due {due} ({day_off_reason(follow_up.due_on, off)}: it counts as due {counts_on})"
    return f"due {due} ({in_days(follow_up.due_on, today)})"


def _follow_up_actions(follow_up: FollowUpRecord, today: date) -> tuple[Action, ...]:
    snooze = (snooze_action(follow_up.id),) if can_snooze(follow_up, today) else ()
    return (
        Action("Done", f"done #{follow_up.id}", style="primary"),
        *snooze,
        Action("Cancel", f"cancel #{follow_up.id}"),
    )


def _plan(follow_up: FollowUpRecord | FollowUpPlan, ctx: Context) -> list[PlannedNudge]:
    return plan_nudges(follow_up, ctx.member, ctx.now)


# --- resolving people --------------------------------------------------------------------------


def _new_name(person: c.PersonRef) -> str:
    """A typed name gets capitals if it had none; a mention keeps the platform's name."""
    return person.name if person.mention is not None else filed_name(person.name)


def _contact_for(ctx: Context, person: c.PersonRef) -> ContactRecord | _Ask:
    """The member's contact for `person`, created on first mention."""
    found = matching(ctx, person)
    if len(found) == 1:
        return found[0]
    if not found:
        if person.contact_id is not None:
            return _Ask(failure(f"I can't find {person.name} among your contacts.", "who"))
        return ctx.store.add_contact(ctx.member.id, _new_name(person), person.mention)
    return _Ask(which_one(ctx, person, found, "follow-up"))


def _split_unsplit(ctx: Context, command: c.FollowUpCommand) -> c.FollowUpCommand | _Ask:
    """Pick the longest leading words that name a known contact; the rest is the note."""
    words = command.unsplit_words
    name, note = split_name_and_note(
        words, lambda name: bool(ctx.store.find_contacts(ctx.member.id, name))
    )
    if note is not None or len(words) <= MAX_NEW_NAME_WORDS:
        return c.FollowUpCommand(person=c.PersonRef(name=name), note=note, at=command.at)
    return _Ask(
        failure(
            f"I don't know anyone called “{' '.join(words[:MAX_NEW_NAME_WORDS])}…” yet. "
            "If part of that is a note, put a dash before it: "
            "`follow-up Jane Doe — send the talk link`.",
            topic="follow-up",
        )
    )


def _open_target(
    ctx: Context, target: c.PersonRef, command: str, again: Callable[[int], str] | None = None
) -> FollowUpRecord | _Ask:
    """The one open follow-up `target` points at, or a reply that says why not / asks which
    (`again`: the command text a choice runs, keeping what else was said, for a follow-up id)."""
    if target.follow_up_id is not None:
        follow_up = ctx.store.get_follow_up(ctx.member.id, target.follow_up_id)
        if follow_up is None:
            return _Ask(
                failure(
                    f"I can't find follow-up #{target.follow_up_id} among yours. "
                    "Type `list` to see your open follow-ups and their numbers.",
                )
            )
        if follow_up.status != "open":
            return _Ask(
                Reply(
                    text=f"Follow-up #{follow_up.id} with {display_name(follow_up, ctx)} is "
                    f"already {follow_up.status}. Type `list` to see the open ones."
                )
            )
        return follow_up
    contacts = matching(ctx, target)
    if not contacts:
        return _Ask(
            failure(
                f"You have no contact called “{target.name}”. Type `list` to see your open "
                f"follow-ups, or log the meeting first: {example('met')}.",
            )
        )
    open_ones = [
        follow_up
        for contact in contacts
        for follow_up in ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
    ]
    if not open_ones:
        return _Ask(
            Reply(
                text=f"There is no open follow-up with {target.name}. "
                f"To plan one: `follow-up {target.name} in 2 days`."
            )
        )
    if len(open_ones) == 1:
        return open_ones[0]
    open_ones.sort(key=lambda f: (f.due_on, f.id))
    lines = "\n".join(
        f"• #{f.id} {display_name(f, ctx)} — {due_phrase(f, ctx.today, days_off(ctx))}"
        for f in open_ones
    )
    runs = [
        again(f.id) if again else typed_with(ctx, target, f"#{f.id}") or f"{command} #{f.id}"
        for f in open_ones
    ]
    return _Ask(
        Reply(
            text=f"{target.name} matches {len(open_ones)} open follow-ups. Which one?\n{lines}",
            actions=tuple(
                Action(f"{command} #{f.id}", run) for f, run in zip(open_ones, runs, strict=True)
            ),
            choices=tuple(
                (f"{f.contact_name} {first_met(ctx, _contact_of(f))} #{f.id}", run)
                for f, run in zip(open_ones, runs, strict=True)
            ),
        )
    )


# --- commands ----------------------------------------------------------------------------------


def met(ctx: Context, command: c.MetCommand) -> Reply:
    if command.as_before:
        command = _where_and_when_the_last_meeting_was(ctx, command)
    ahead = met_day_ahead.question(
        ctx.incoming.text, command.when, ctx.today, month_first=month_first(ctx)
    )
    if ahead is not None:
        return ahead
    at_an_event_ahead = event_still_ahead.question(ctx, command, _met_on(ctx, command))
    if at_an_event_ahead is not None:
        return at_an_event_ahead
    if command.others:
        return _met_several(ctx, command)
    return _met_one(ctx, command)


def _where_and_when_the_last_meeting_was(ctx: Context, command: c.MetCommand) -> c.MetCommand:
    """ "and Tom from stripe too": the place and day of the member's last logged meeting, for
    what the line did not say itself."""
    outcomes = ctx.store.meeting_outcomes(ctx.member.id)
    if not outcomes:
        return command
    last = max(outcomes, key=lambda outcome: outcome.meeting_id)
    day = last.met_on
    return replace(
        command,
        place=command.place or last.event_name or last.place,
        when=command.when or CalendarDate(day.month, day.day, day.year),
    )


def _met_several(ctx: Context, command: c.MetCommand) -> Reply:
    """ "met mike and anna at the offsite": a meeting and a follow-up with each, and each keeps
    the part of the note said about them. Someone whose name is already a contact is asked
    about on their own, never merged silently."""
    lines: list[str] = []
    actions: list[Action] = []
    people = (command.person, *command.others)
    notes = notes_per_person(command.note, [person.name for person in people])
    for person, note in zip(people, notes, strict=True):
        one = replace(command, person=person, others=(), note=note)
        known = command.new_person is None and any(
            ctx.store.latest_meeting(ctx.member.id, contact.id) for contact in matching(ctx, person)
        )
        if known:
            lines.append(
                f"You already met a **{person.name}**: log them on their own, "
                f"`met {person.name} (same contact)` or `met {person.name} (new contact)`."
            )
            continue
        reply = _met_one(ctx, one)
        lines.append(reply.text)
        actions.extend(
            replace(action, label=f"{action.label}: {_new_name(person)}")
            for action in reply.actions[:1]
        )
    return Reply(text="\n".join(lines), actions=tuple(actions))


def _met_on(ctx: Context, command: c.MetCommand) -> date:
    if command.when is None:
        return ctx.today
    return resolve_past(
        command.when, ctx.today, month_first=month_first(ctx), days_off=days_off(ctx)
    )


def _met_one(ctx: Context, command: c.MetCommand) -> Reply:
    met_on = _met_on(ctx, command)
    if met_on > ctx.today:
        return failure(
            f"{format_day(met_on, ctx.today)} is in the future. Log a meeting once it has "
            f"happened, e.g. {example('met')}.",
            topic="met",
        )
    if command.new_person:
        contact: ContactRecord | _Ask = ctx.store.add_contact(
            ctx.member.id, _new_name(command.person), command.person.mention
        )
    else:
        contact = _contact_for(ctx, command.person)
    if isinstance(contact, _Ask):
        return contact.reply
    if command.new_person is None and ctx.store.latest_meeting(ctx.member.id, contact.id):
        return _same_person_question(ctx, contact)
    event = events.event_at(ctx, command.place, met_on if command.when else None)
    if event is not None and command.when is None:
        met_on = event.held_on  # logged the morning after: the meeting was at the event
    meeting = ctx.store.add_meeting(
        ctx.member.id,
        contact.id,
        met_on,
        place=event.name if event else command.place,
        note=command.note,
        event_id=event.id if event else None,
    )
    replaced = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
    for old in replaced:
        ctx.store.close_follow_up(ctx.member.id, old.id, "cancelled", ctx.now)
    where = f" at {meeting.place}" if meeting.place else ""
    noted = f" (note: {meeting.note})" if meeting.note else ""
    logged = f"Logged: you met **{contact.name}**{where} on {format_day(met_on, ctx.today)}{noted}."
    if event is not None:
        logged += f" Rule of Two — {events.met_at(ctx, event).line}."
    requested = (
        resolve_future(
            command.follow_up_on, ctx.today, month_first=month_first(ctx), days_off=days_off(ctx)
        )
        if command.follow_up_on
        else None
    )
    decision = decide_due(met_on, ctx.today, requested, days_off(ctx))
    if decision.window_closed:
        ago = f"{logged} {window_closed_since(met_on, ctx.today)}"
        check_in = restart_check_in(ctx, contact.id)
        if check_in is not None:
            return about(
                contact.id,
                text=f"{ago} You keep in touch with {contact.name}: the next check-in "
                f"(#{check_in.id}) is now due **{format_day(check_in.due_on, ctx.today)}**.",
                actions=(Action("Done", f"done #{check_in.id}", style="primary"),),
            )
        return about(
            contact.id,
            text=f"{ago} A late note still beats none: keep it as a late follow-up?",
            actions=(
                Action(
                    "Keep as a late follow-up",
                    f"follow-up {contact_ref(contact)} late",
                    style="primary",
                ),
            ),
        )
    plan = FollowUpPlan(met_on=met_on, due_on=decision.due_on)
    follow_up = ctx.store.create_follow_up(
        ctx.member.id,
        contact.id,
        meeting.id,
        met_on,
        decision.due_on,
        note=command.note,
        nudges=_plan(plan, ctx),
    )
    text = (
        f"{logged} Follow-up #{follow_up.id} is due **{format_day(follow_up.due_on, ctx.today)}** "
        f"({in_days(follow_up.due_on, ctx.today)}); the {WINDOW_DAYS}-day window closes "
        f"{format_day(window_closes(met_on), ctx.today)}."
    )
    if decision.capped_reason:
        text += f" I moved it because {decision.capped_reason}."
    if decision.asked_on is not None:
        holiday = moved_off_holiday(decision.asked_on, decision.due_on, days_off(ctx), ctx.today)
        text += f" {holiday}" if holiday else ""
    if replaced:
        text += " It replaces " + ", ".join(f"#{old.id}" for old in replaced) + "."
        if any(is_check_in(old) for old in replaced):
            text += " Check-ins resume once the rule of two is done again."
    return about(contact.id, text=text, actions=_follow_up_actions(follow_up, ctx.today))


def _same_person_question(ctx: Context, contact: ContactRecord) -> Reply:
    """A meeting with a name already met: never merge two people with one name silently."""
    typed = retyped(ctx.incoming)
    first = contact.name.split()[0]
    new = f"{typed} (new contact)"
    return Reply(
        text=f"Another {first}? You already met **{contact.name}**. Is this someone new?",
        actions=(
            Action("New contact", new, style="primary"),
            Action(f"Same {first}", f"{typed} (same contact)"),
        ),
        on_yes=new,
    )


def follow_up(ctx: Context, command: c.FollowUpCommand) -> Reply:
    if command.unsplit_words:
        split = _split_unsplit(ctx, command)
        if isinstance(split, _Ask):
            return split.reply
        command = split
    if command.person.follow_up_id is not None:
        target = _open_target(ctx, command.person, "follow-up")
        if isinstance(target, _Ask):
            return target.reply
        return _move(ctx, target, command)
    contact = _contact_for(ctx, command.person)
    if isinstance(contact, _Ask):
        return contact.reply
    existing = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
    if existing:
        return _move(ctx, min(existing, key=lambda f: (f.due_on, f.id)), command)
    return _create(ctx, contact, command)


def _requested(ctx: Context, command: c.FollowUpCommand) -> date | None:
    if command.when is None:
        return None
    return resolve_future(
        command.when, ctx.today, month_first=month_first(ctx), days_off=days_off(ctx)
    )


def month_first(ctx: Context) -> bool:
    return dates.month_first(ctx.member.date_order, ctx.member.timezone)


def days_off(ctx: Context) -> DaysOff:
    return days_off_for(ctx.member.timezone)


def _time_note(ctx: Context, command: c.FollowUpCommand) -> str:
    if command.at is None:
        return ""
    return (
        f" I plan follow-ups by the day, not the hour, so I can't remind you at "
        f"{format_time(command.at)}: your nudge arrives at the start of your working day "
        f"({format_time(ctx.member.work_start)})."
    )


def _late_action(follow_up_ref: str, days: int | None = None) -> Action:
    when = f" in {days} days" if days else ""
    return Action("Keep as a late follow-up", f"follow-up {follow_up_ref} late{when}", "primary")


def _create(ctx: Context, contact: ContactRecord, command: c.FollowUpCommand) -> Reply:
    meeting = ctx.store.latest_meeting(ctx.member.id, contact.id)
    met_on = meeting.met_on if meeting else ctx.today
    requested = _requested(ctx, command)
    # "late" only means something once the window has closed; before that the cap still holds.
    if command.late and window_closes(met_on) < ctx.today:
        due_on, late, capped = max(requested or ctx.today, ctx.today), True, None
    else:
        decision = decide_due(met_on, ctx.today, requested, days_off(ctx))
        if decision.window_closed:
            return Reply(
                text=f"You last met {contact.name} on {format_day(met_on, ctx.today)}, so the "
                f"{WINDOW_DAYS}-day follow-up window closed on "
                f"{format_day(window_closes(met_on), ctx.today)}. Met again? Log it with "
                f"`met {contact_ref(contact)}`. Or keep this as a late follow-up.",
                actions=(_late_action(contact_ref(contact)),),
            )
        due_on, late, capped = decision.due_on, False, decision.capped_reason
    plan = FollowUpPlan(met_on=met_on, due_on=due_on, late=late)
    record = ctx.store.create_follow_up(
        ctx.member.id,
        contact.id,
        meeting.id if meeting else None,
        met_on,
        due_on,
        note=command.note,
        nudges=() if late else _plan(plan, ctx),
    )
    if late:
        record = ctx.store.reschedule_follow_up(
            ctx.member.id, record.id, due_on, late=True, nudges=_plan(plan, ctx)
        )
    since = (
        f"you met on {format_day(met_on, ctx.today)}"
        if meeting
        else "no meeting on record, so I counted the meeting as today"
    )
    text = (
        f"Follow-up #{record.id} with **{contact.name}** is due "
        f"**{format_day(due_on, ctx.today)}** ({in_days(due_on, ctx.today)}); {since}."
    )
    if capped:
        text += f" I moved it because {capped}."
    if late:
        text += (
            f" It is a late follow-up: the {WINDOW_DAYS}-day window has closed, but a note "
            "still helps."
        )
    if requested is not None:
        text += day_off_warning(due_on, ctx)
    text += _time_note(ctx, command)
    return about(record.contact_id, text=text, actions=_follow_up_actions(record, ctx.today))


def _move(ctx: Context, current: FollowUpRecord, command: c.FollowUpCommand) -> Reply:
    name = display_name(current, ctx)
    requested = _requested(ctx, command)
    if requested is None and not command.late:
        if command.note:
            updated = ctx.store.reschedule_follow_up(
                ctx.member.id,
                current.id,
                current.due_on,
                late=current.late,
                note=command.note,
                nudges=_plan(current, ctx),
            )
            return Reply(
                text=f"Noted on follow-up #{updated.id} with {name}: {sentence(command.note)}",
                actions=_follow_up_actions(updated, ctx.today),
            )
        return Reply(
            text=f"Follow-up #{current.id} with {name} is already "
            f"{due_phrase(current, ctx.today, days_off(ctx))}; "
            f"{window_phrase(current, ctx.today)}. "
            f"To move it: `follow-up #{current.id} in 2 days`.",
            actions=_follow_up_actions(current, ctx.today),
        )
    capped: str | None = None
    late = current.late
    window_closed = window_closes(current.met_on) < ctx.today
    # "late" with a day past the window (the "Keep Tue 5 Jan (late)" button): kept as asked.
    past_the_window = requested is not None and requested > window_closes(current.met_on)
    late_asked = command.late and (window_closed or past_the_window)
    if current.touch >= 2 or current.late or late_asked:
        due_on = max(requested or ctx.today, ctx.today)
        late = current.late or late_asked
    else:
        decision = decide_due(current.met_on, ctx.today, requested, days_off(ctx))
        if decision.window_closed:
            return Reply(
                text=f"The {WINDOW_DAYS}-day window for follow-up #{current.id} with {name} "
                f"closed on {format_day(window_closes(current.met_on), ctx.today)}, so I can't "
                "move it inside the window. Keep it as a late follow-up instead?",
                # The day asked for goes with the button ("follow-up anders jan 5" → due 5 Jan).
                actions=(
                    _late_action(
                        f"#{current.id}",
                        (requested - ctx.today).days
                        if requested and requested > ctx.today
                        else None,
                    ),
                ),
            )
        due_on, capped = decision.due_on, decision.capped_reason
    updated = ctx.store.reschedule_follow_up(
        ctx.member.id,
        current.id,
        due_on,
        late=late,
        note=command.note,
        nudges=_plan(
            FollowUpPlan(met_on=current.met_on, due_on=due_on, touch=current.touch, late=late),
            ctx,
        ),
    )
    text = (
        f"Follow-up #{updated.id} with **{name}** is now due "
        f"**{format_day(due_on, ctx.today)}** ({in_days(due_on, ctx.today)})."
    )
    actions = _follow_up_actions(updated, ctx.today)
    if capped:
        text += f" I moved it because {capped}."
        if requested is not None and requested > due_on:
            # "follow-up tanvi 5 jan": the day asked for stays one tap away, as a late one.
            text += (
                f" If {format_day(requested, ctx.today)} is the day that suits them, keep it "
                "then as a late follow-up."
            )
            later = replace(
                _late_action(f"#{updated.id}", (requested - ctx.today).days),
                label=f"Keep {format_day(requested, ctx.today)} (late)",
                style=None,
            )
            actions = (*actions[:1], later, *actions[1:])
    if late and not current.late:
        closes = window_closes(current.met_on)
        text += (
            f" Kept as a late follow-up: the {WINDOW_DAYS}-day window has closed, but a note "
            "still helps."
            if window_closed
            else f" Kept as a late follow-up, past the {WINDOW_DAYS}-day window (it closes "
            f"{format_day(closes, ctx.today)}): a note then still helps."
        )
    text += day_off_warning(due_on, ctx) + _time_note(ctx, command)
    return about(updated.contact_id, text=text, actions=actions)


def list_follow_ups(ctx: Context, command: c.ListCommand) -> Reply:
    open_ones = ctx.store.open_follow_ups(ctx.member.id)
    closed = (
        ctx.store.closed_follow_ups(ctx.member.id, LIST_LIMIT) if command.filter == "all" else []
    )
    rule_of_two = events.progress_section(ctx)
    if not open_ones and not closed:
        return Reply(
            text=f"No open follow-ups. Met someone? Log it: {example('met')}.",
            sections=(rule_of_two,) if rule_of_two else (),
        )
    off = days_off(ctx)
    ordered = sort_overdue_first(open_ones, ctx.today, off)
    overdue = sum(1 for f in ordered if is_overdue(f.due_on, ctx.today, off))
    if command.filter == "overdue":
        ordered = [f for f in ordered if is_overdue(f.due_on, ctx.today, off)]
        if not ordered:
            on_time = (
                "your open follow-up is on time"
                if len(open_ones) == 1
                else f"all {len(open_ones)} open follow-ups are on time"
            )
            return Reply(
                text=f"Nothing overdue: {on_time}.",
                actions=(Action("All follow-ups", "list"),),
            )
        text = f"You have {plural(len(ordered), 'overdue follow-up')}."
    elif command.filter in ("today", "week"):
        last = list_window.last_day(command.filter, ctx.today)
        ordered = [f for f in ordered if f.due_on <= last]
        if not ordered:
            return Reply(
                text=list_window.nothing_due(command.filter, len(open_ones)),
                actions=(Action("All follow-ups", "list"),),
            )
        text = list_window.heading(command.filter, len(ordered), overdue)
    else:
        # "what's due today?" reads as `list`: the count of today's says it without a filter.
        due_today = sum(1 for f in ordered if f.due_on == ctx.today)
        counts = [f"{overdue} overdue"] if overdue else []
        counts += [f"{due_today} due today"] if due_today else []
        text = f"You have {plural(len(ordered), 'open follow-up')}"
        text += f", {', '.join(counts)}." if counts else "."
    every = {cadence.contact_id: cadence.every for cadence in ctx.store.cadences(ctx.member.id)}
    sections = tuple(_list_section(f, ctx, every.get(f.contact_id)) for f in ordered[:LIST_LIMIT])
    if len(ordered) > LIST_LIMIT:
        sections += (Section(text=f"…and {len(ordered) - LIST_LIMIT} more."),)
    if closed:
        text += f" Also {plural(len(closed), 'closed one')}, latest first."
        sections += tuple(
            Section(text=f"#{f.id} {display_name(f, ctx)} — {f.status}") for f in closed
        )
    if rule_of_two is not None:
        sections += (rule_of_two,)
    # One follow-up listed: "make it friday" or "done with her" next means its contact.
    only = ordered[0].contact_id if len(ordered) == 1 and not closed else None
    return Reply(text=text, sections=sections, about_contact_id=only)


def sort_overdue_first(
    follow_ups: list[FollowUpRecord], today: date, off: DaysOff = NO_DAYS_OFF
) -> list[FollowUpRecord]:
    return sorted(follow_ups, key=lambda f: (not is_overdue(f.due_on, today, off), f.due_on, f.id))


def cadence_phrase(follow_up: FollowUpRecord, every: str | None) -> str:
    """The contact's cadence beside one of their follow-ups, when they have one."""
    if every is None:
        return ""
    return f" ({every})" if is_check_in(follow_up) else f" · then check-ins {every}"


def _list_section(follow_up: FollowUpRecord, ctx: Context, every: str | None) -> Section:
    marker = "⚠ " if is_overdue(follow_up.due_on, ctx.today, days_off(ctx)) else ""
    text = (
        f"{marker}**#{follow_up.id} {display_name(follow_up, ctx)}** — "
        f"{due_phrase(follow_up, ctx.today, days_off(ctx))} · {window_phrase(follow_up, ctx.today)}"
        f"{cadence_phrase(follow_up, every)}"
    )
    fields = (Field("Note", follow_up.note),) if follow_up.note else ()
    return Section(text=text, fields=fields, actions=_follow_up_actions(follow_up, ctx.today)[:2])


def done(ctx: Context, command: c.DoneCommand) -> Reply:
    if command.kind is not None and command.target.follow_up_id is not None:
        already = ctx.store.get_follow_up(ctx.member.id, command.target.follow_up_id)
        if already is not None and already.status == "done":
            # A Gave / Asked / Thanked button under the Done reply: say what the touch was.
            return _record_kind(ctx, already, command.kind)
    target = _open_target(ctx, command.target, "done", lambda id: _done_again(id, command))
    if isinstance(target, _Ask):
        return target.reply
    if target.touch >= 2 and target.due_on > ctx.today and not command.early:
        answered = _kind_of_the_touch_just_done(ctx, target.contact_id, command)
        if answered is not None:
            return answered
        early = _done_again(target.id, replace(command, early=True))
        return about(
            target.contact_id,
            text=f"The {touch_name(target).lower()} with {display_name(target, ctx)} "
            f"(#{target.id}) is not due "
            f"until {format_day(target.due_on, ctx.today)} ({in_days(target.due_on, ctx.today)}). "
            "Did you already send it?",
            actions=(Action("Yes, mark it done", early, style="primary"), Action("Not yet", "no")),
            on_yes=early,
        )
    closed = ctx.store.close_follow_up(ctx.member.id, target.id, "done", ctx.now)
    kind_note, kind_actions = _touch_kind_on_done(ctx, closed, command.kind)
    if command.note:
        # "done elena gave, sent her the comp prep questions": the rest is kept on her card.
        line = note_line(ctx.today, command.note)
        ctx.store.add_contact_note(ctx.member.id, closed.contact_id, line)
        kind_note += f" Noted on {closed.contact_name}: {sentence(command.note)}"
    name = as_typed(ctx, command.target, closed.contact_id, display_name(closed, ctx))
    if closed.touch >= 2:
        return _after_the_rule_of_two(ctx, closed, kind_note, kind_actions)
    day = (ctx.today - closed.met_on).days
    timing = (
        f"on day {day} after meeting, inside the {WINDOW_DAYS}-day window"
        if day <= WINDOW_DAYS and not closed.late
        else f"{day} days after meeting — late, but it counts"
    )
    second_due = second_touch_due(ctx.today, days_off(ctx))
    holiday = moved_off_holiday(
        ctx.today + timedelta(days=SECOND_TOUCH_DAYS), second_due, days_off(ctx), ctx.today
    )
    second = ctx.store.create_follow_up(
        ctx.member.id,
        closed.contact_id,
        closed.meeting_id,
        closed.met_on,
        second_due,
        touch=2,
        nudges=_plan(FollowUpPlan(met_on=closed.met_on, due_on=second_due, touch=2), ctx),
    )
    return about(
        closed.contact_id,
        text=f"Done: follow-up #{closed.id} with **{name}**, {timing}. Rule of two: I scheduled "
        f"a second touch (#{second.id}) for **{format_day(second_due, ctx.today)}**, "
        f"{_days_from_now(second_due, ctx.today)}{f' ({holiday[:-1]})' if holiday else ''}. "
        f"`cancel #{second.id}` removes it.{kind_note}",
        actions=(*kind_actions, Action("Cancel second touch", f"cancel #{second.id}")),
    )


def _days_from_now(second_due: date, today: date) -> str:
    """ "14 days from now", or, when a weekend or holiday moved it, "16 days from now: the
    first working day after 14" (a tester read "Mon 28 Dec, 14 days from now" on 12 Dec)."""
    days = (second_due - today).days
    if days == SECOND_TOUCH_DAYS:
        return f"{days} days from now"
    return f"{days} days from now: the first working day after {SECOND_TOUCH_DAYS}"


def _done_again(follow_up_id: int, command: c.DoneCommand) -> str:
    """The `done` text for one follow-up that keeps what else the member said: the kind, the
    note and "early" (a "Which one?" button, "Yes, mark it done")."""
    text = f"done #{follow_up_id}"
    if command.kind is not None:
        text += f" {ledger.PAST_TENSE[command.kind]}"
    if command.note:
        text += f", {command.note}"
    return text + (" early" if command.early else "")


def _touch_kind_on_done(
    ctx: Context, closed: FollowUpRecord, chosen: ledger.TouchKind | None
) -> tuple[str, tuple[Action, ...]]:
    """Record what the touch was (the member's word, else the suggestion from their reviewed
    draft) and say so; with neither, ask with the Gave / Asked / Thanked buttons."""
    if chosen is not None:
        ctx.store.set_touch_kind(ctx.member.id, closed.id, chosen, "chosen", ctx.now)
        return f" Recorded as {ledger.NOUNS[chosen]}.", ()
    recorded = ctx.store.touch_kind(ctx.member.id, closed.id)
    if recorded is not None:
        kind = cast(ledger.TouchKind, recorded[0])
        buttons = zip(ledger.TOUCH_KINDS, ledger.done_actions(closed.id), strict=True)
        others = tuple(action for other, action in buttons if other != kind)
        return f" Recorded as {ledger.NOUNS[kind]} (from your reviewed draft).", others
    return f" {ledger.KIND_QUESTION}", ledger.done_actions(closed.id)


def touch_just_done_without_kind(ctx: Context, contact_id: int) -> FollowUpRecord | None:
    """The touch with this contact marked done lately whose kind is not known yet: the one
    "Was it a give, an ask or a thank-you?" asks about."""
    latest = ctx.store.closed_follow_ups(ctx.member.id, ledger.LATEST_TOUCHES)
    just_done = next((f for f in latest if f.contact_id == contact_id and f.status == "done"), None)
    if (
        just_done is None
        or not still_fresh(just_done.done_at, ctx.now)
        or ctx.store.touch_kind(ctx.member.id, just_done.id) is not None
    ):
        return None
    return just_done


def _kind_of_the_touch_just_done(
    ctx: Context, contact_id: int, command: c.DoneCommand
) -> Reply | None:
    """ "done ricardo gave - sent the case study" right after "Was it a give, an ask or a
    thank-you?": the answer for the touch just done, not the next touch marked early (a tester's
    give went to a second touch 14 days off)."""
    if command.kind is None:
        return None
    just_done = touch_just_done_without_kind(ctx, contact_id)
    if just_done is None:
        return None
    reply = _record_kind(ctx, just_done, command.kind)
    if not command.note:
        return reply
    ctx.store.add_contact_note(ctx.member.id, contact_id, note_line(ctx.today, command.note))
    return replace(
        reply, text=f"{reply.text} Noted on {just_done.contact_name}: {sentence(command.note)}"
    )


def _record_kind(ctx: Context, follow_up: FollowUpRecord, kind: ledger.TouchKind) -> Reply:
    ctx.store.set_touch_kind(ctx.member.id, follow_up.id, kind, "chosen", ctx.now)
    counts = ledger.tally(ctx.store.touch_ledger(ctx.member.id, follow_up.contact_id))
    name = display_name(follow_up, ctx)
    text = f"Recorded: touch #{follow_up.id} with **{name}** was {ledger.NOUNS[kind]}."
    warning = ledger.ask_first_warning(follow_up.contact_name, counts)
    return about(follow_up.contact_id, text=f"{text} {warning}" if warning else text)


def _after_the_rule_of_two(
    ctx: Context, closed: FollowUpRecord, kind_note: str, kind_actions: tuple[Action, ...]
) -> Reply:
    """A second touch or a check-in is done: what the touch was (`kind_note`, with the buttons
    to change it), then the next check-in or the offer to keep in touch."""
    name = display_name(closed, ctx)
    if is_check_in(closed):
        text = f"Done: checked in with **{name}** (#{closed.id})."
    else:
        text = (
            f"Done: second touch with **{name}** (#{closed.id}). That's the rule of two "
            "complete — two thoughtful notes, and the connection is warm."
        )
    text += kind_note
    check_in = restart_check_in(ctx, closed.contact_id)
    cadence = cadence_of(ctx, closed.contact_id)
    if check_in is not None and cadence is not None:
        return about(
            closed.contact_id,
            text=f"{text} Next check-in ({cadence.every}): #{check_in.id} on "
            f"**{format_day(check_in.due_on, ctx.today)}** "
            f"({in_days(check_in.due_on, ctx.today)}).",
            actions=(*kind_actions, stop_action(_contact_of(closed))),
        )
    if is_check_in(closed):
        return about(closed.contact_id, text=text, actions=kind_actions)
    question, actions = offer(_contact_of(closed))
    return about(closed.contact_id, text=f"{text} {question}", actions=(*kind_actions, *actions))


def _contact_of(follow_up: FollowUpRecord) -> ContactRecord:
    return ContactRecord(
        id=follow_up.contact_id,
        member_id=follow_up.member_id,
        name=follow_up.contact_name,
        mention=follow_up.contact_mention,
    )


def snooze(ctx: Context, command: c.SnoozeCommand) -> Reply:
    target = _open_target(ctx, command.target, "snooze")
    if isinstance(target, _Ask):
        return target.reply
    name = display_name(target, ctx)
    days = command.days or DEFAULT_SNOOZE_DAYS
    # "push Lena to wed" when the Wednesday after her due day is past the window: the nearer
    # Wednesday, before the due day, is offered as a move earlier.
    nearer: date | None = None
    if command.when is not None:
        wanted = resolve_future(
            command.when, ctx.today, month_first=month_first(ctx), days_off=days_off(ctx)
        )
        start = max(target.due_on, ctx.today)
        # The weekday counted from the due day is the next one after it, a week on when the
        # due day is that weekday: only a weekday before the due day means the one after it.
        if wanted < start and isinstance(command.when, WeekdaySpec):
            # "push Priya to Monday" when she is due Friday: the Monday after that.
            nearer = wanted if wanted < target.due_on else None
            wanted = resolve_future(command.when, start)
        if wanted == target.due_on:
            return about(
                target.contact_id,
                text=f"Already due {format_day(wanted, ctx.today)}: follow-up #{target.id} "
                f"with {name} stays as it is.",
                actions=_follow_up_actions(target, ctx.today),
            )
        if wanted <= start:
            return about(
                target.contact_id,
                text=f"Follow-up #{target.id} with {name} is already "
                f"{due_phrase(target, ctx.today, days_off(ctx))}, so there is nothing to push to "
                f"{format_day(wanted, ctx.today)}. To move it earlier: "
                f"`follow-up #{target.id} on {wanted.day} {wanted:%b}`.",
                actions=_follow_up_actions(target, ctx.today),
            )
        days = (wanted - start).days
    decision = decide_snooze(
        target.met_on, target.due_on, ctx.today, days, late=target.late or target.touch >= 2
    )
    if decision.window_closed:
        closes = window_closes(target.met_on)
        when = (
            "closes today" if closes == ctx.today else f"closed on {format_day(closes, ctx.today)}"
        )
        return about(
            target.contact_id,
            text=f"The {WINDOW_DAYS}-day window for follow-up #{target.id} with {name} {when}, "
            "so I can't snooze it inside the window. Send a short note today, or keep it as a "
            f"late follow-up due in {plural(days, 'day')}.",
            actions=(
                Action("Done", f"done #{target.id}"),
                _late_action(f"#{target.id}", days),
            ),
        )
    if decision.due_on == target.due_on:
        asked = ""
        actions = (Action("Done", f"done #{target.id}"), _late_action(f"#{target.id}", days))
        explicit = command.when is not None or command.days is not None
        if explicit and decision.asked_on is not None:
            asked = f" (you asked for {format_day(decision.asked_on, ctx.today)})"
        if nearer is not None:
            move = f"Move to {format_day(nearer, ctx.today)}"
            actions = (Action(move, f"follow-up #{target.id} on {nearer.day} {nearer:%b}"),)
            actions += (Action("Done", f"done #{target.id}"),)
        return about(
            target.contact_id,
            text=f"Follow-up #{target.id} with {name} stays due "
            f"**{format_day(target.due_on, ctx.today)}**{asked}: "
            f"{decision.capped_reason or 'nothing to move'}. "
            + (
                f"Did you mean {format_day(nearer, ctx.today)}, before it is due?"
                if nearer is not None
                else "Send a short note by then, or keep it as a late follow-up."
            ),
            actions=actions,
        )
    if nearer is not None and decision.capped_reason and decision.asked_on is not None:
        # "snooze ana until friday" on Thursday, due Monday: the Friday after Monday is past the
        # window, and tomorrow may be the Friday meant. Ask; never pick one silently.
        last = decision.due_on
        return about(
            target.contact_id,
            text=f"{format_day(decision.asked_on, ctx.today)} is past the {WINDOW_DAYS}-day window "
            f"for follow-up #{target.id} with {name} (it closes {format_day(last, ctx.today)}), "
            f"so I changed nothing. Did you mean {format_day(nearer, ctx.today)}, before it is "
            f"due, or {format_day(last, ctx.today)}, the last day?",
            actions=(
                Action(
                    f"Move to {format_day(nearer, ctx.today)}",
                    f"follow-up #{target.id} on {nearer.day} {nearer:%b}",
                    style="primary",
                ),
                Action(
                    f"Move to {format_day(last, ctx.today)}",
                    f"follow-up #{target.id} on {last.day} {last:%b}",
                ),
            ),
        )
    updated = ctx.store.reschedule_follow_up(
        ctx.member.id,
        target.id,
        decision.due_on,
        late=target.late,
        nudges=_plan(
            FollowUpPlan(
                met_on=target.met_on, due_on=decision.due_on, touch=target.touch, late=target.late
            ),
            ctx,
        ),
    )
    text = (
        f"Snoozed follow-up #{updated.id} with **{name}** to "
        f"**{format_day(updated.due_on, ctx.today)}** ({in_days(updated.due_on, ctx.today)})."
    )
    if decision.capped_reason:
        asked_for = (
            format_day(decision.asked_on, ctx.today)
            if command.when is not None and decision.asked_on is not None
            else plural(days, "day")
        )
        text += f" Not {asked_for}: {decision.capped_reason}."
    text += day_off_warning(updated.due_on, ctx)
    return about(updated.contact_id, text=text, actions=_follow_up_actions(updated, ctx.today)[:1])


def day_off_warning(day: date, ctx: Context) -> str:
    """A one-line heads-up when a follow-up lands on a weekend or a public holiday."""
    if is_working_day(day, days_off(ctx)):
        return ""
    return (
        f" Heads-up: {format_day(day, ctx.today)} is {day_off_reason(day, days_off(ctx))}; "
        "its nudge comes on a working day."
    )


def cancel(ctx: Context, command: c.CancelCommand) -> Reply:
    target = _open_target(ctx, command.target, "cancel")
    if isinstance(target, _Ask):
        return target.reply
    closed = ctx.store.close_follow_up(ctx.member.id, target.id, "cancelled", ctx.now)
    name = display_name(closed, ctx)
    restart = start_again_hint(_contact_of(closed))
    if is_check_in(closed):
        stop_check_ins(ctx, closed.contact_id)
        return about(
            closed.contact_id,
            text=f"Cancelled check-in #{closed.id} and stopped keeping in touch with {name}: "
            f"no more check-ins. {restart}",
        )
    what = touch_name(closed).lower()
    # Cancelled by name ("stop reminding me about Priya"): every reminder about them stops.
    by_name = command.target.follow_up_id is None
    if by_name and stop_check_ins(ctx, closed.contact_id):
        return about(
            closed.contact_id,
            text=f"Cancelled the {what} #{closed.id} with {name} and stopped keeping in touch: "
            f"no more nudges about them. {restart}",
        )
    text = f"Cancelled the {what} #{closed.id} with {name}. No more nudges about it."
    check_in = restart_check_in(ctx, closed.contact_id)
    if check_in is not None:
        text += (
            f" You keep in touch with {name}: check-in #{check_in.id} is due "
            f"{format_day(check_in.due_on, ctx.today)}."
        )
    return about(closed.contact_id, text=text)
