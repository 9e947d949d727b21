"""A correction of a meeting's day: "sarah chen - met her thursday not today", "sorry it was
friday not yesterday", "actually i met marta on tuesday, not sunday".

The last meeting with that contact (named, else the conversation's contact) moves to the day it
happened, and its open first follow-up moves by the rule `met` uses: three days after the
meeting, or the day the member chose, inside the 10-day window. When the window has closed on
the real day the reply says so as `met` does, and the follow-up is kept as a late one (never
dropped: `cancel` removes it). Nothing else changes: the meeting keeps its place and note.
"""

from __future__ import annotations

import re

from bot.core import commands as c
from bot.core.contacts import find_one
from bot.core.context import Context, failure
from bot.core.dates import format_day, in_days, resolve_past
from bot.core.messages import Action, Reply, about
from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.rules import WINDOW_DAYS, decide_due, window_closes
from bot.core.when import find_possible_day

_DAY = r"[\w/.]+(?:\s+[\w/.]+){0,2}?"
_NAME = r"[^\W\d_][\w'’-]*"
_CORRECTED = re.compile(
    rf"^\W*(?:(?P<who>{_NAME}(?:\s+{_NAME})?)\s*(?:[—–:,]|\s-)\s*)?"
    r"(?:(?:sorry|oops|correction|actually|no|nope|my\s+bad|wait)\W+)*"
    r"(?:it\s+was|that\s+was|(?:(?:i|we)\s+)?met(?:\s+(?:(?P<pronoun>her|him|them)|"
    rf"(?P<whom>(?!on\b){_NAME}(?:\s+(?!on\b){_NAME})??)))?|"
    rf"(?:the\s+)?meeting\s+was|(?P<subject>(?!it\b|that\b|this\b){_NAME}(?:\s+{_NAME})?)\s+was|"
    r"was)\s+(?:on\s+)?(?P<right>" + _DAY + r")\s*,?\s+not\s+(?:on\s+)?"
    r"(?P<wrong>" + _DAY + r")[\s.!]*$",
    re.IGNORECASE,
)
_NOT_A_NAME = frozenset({"sorry", "oops", "correction", "actually", "no", "nope", "wait", "ok"})


def _a_day(words: str) -> bool:
    found = find_possible_day(words)
    return found is not None and found.start == 0 and found.end >= len(words.rstrip()) - 1


def corrected_day(text: str) -> tuple[str | None, str, str] | None:
    """(whom, the right day as typed, the wrong day as typed) when the line corrects a
    meeting's day, else None."""
    found = _CORRECTED.match(" ".join(text.split()))
    if found is None or not (_a_day(found["right"]) and _a_day(found["wrong"])):
        return None
    who = found["whom"] or found["subject"] or found["who"]
    if who is not None and who.lower() in _NOT_A_NAME:
        who = None
    return who, found["right"], found["wrong"]


# "wait no, ada was at the shoreditch thing not the user group": the meeting's place put right.
_PLACE_CORRECTED = re.compile(
    r"^\W*(?P<marker>(?:(?:sorry|oops|correction|actually|no|nope|my\s+bad|wait)\W+)*)"
    rf"(?:(?P<who>(?!(?:it|that|this|we|i|the|my|our|a|an)\b){_NAME}(?:\s+{_NAME})?)\s+was|"
    rf"(?:i\s+|we\s+)?met\s+(?P<whom>(?!at\b){_NAME}(?:\s+(?!at\b){_NAME})?)|"
    r"(?:it|that|this)\s+was|(?:the\s+)?meeting\s+was)\s+(?:at|@|in)\s+(?P<right>[^,;]{2,60}?)"
    r"\s*,?\s+not\s+(?:at\s+|@\s+|in\s+)?(?P<wrong>[^,;]{2,60}?)[\s.!]*$",
    re.IGNORECASE,
)


def corrected_place(text: str, referent: c.PersonRef | None) -> c.ParseFailure | None:
    """A line putting a logged meeting's place right, answered with how to keep it (a meeting's
    place cannot be changed by a command); None for any other line."""
    found = _PLACE_CORRECTED.match(" ".join(text.split()))
    if found is None or _a_day(found["right"]) or _a_day(found["wrong"]):
        return None
    if found["whom"] and not found["marker"]:
        return None  # "met ada at the bar not the pub": a new meeting, told as it is
    who = found["who"] or found["whom"]
    if who is not None and who.lower() in _NOT_A_NAME:
        who = None
    name = who or (referent.name if referent is not None else None)
    right, wrong = found["right"], found["wrong"]
    how = (
        f"`note {name}: met at {right}, not {wrong}`"
        if name
        else f"`note <name>: met at {right}, not {wrong}`"
    )
    return c.ParseFailure(
        f"I can't move a logged meeting to another place yet, so nothing changed. To keep the "
        f"right place on the card, send {how}.",
        topic="met",
    )


def corrected_command(text: str, referent: c.PersonRef | None) -> c.Parsed | None:
    """The `MeetingDayCommand` the line says, a question back when it names nobody and the
    conversation is about nobody, or None when the line is no such correction."""
    said = corrected_day(text)
    if said is None:
        return corrected_place(text, referent)
    who, right, wrong = said
    person = c.PersonRef(name=who) if who is not None else referent
    if person is None:
        return c.ParseFailure(
            f"Whose meeting was on {right}? Say it with the name, like "
            f"`Sarah Chen - met her {right} not {wrong}`.",
            topic="met",
            asks_who=True,
        )
    right_day = find_possible_day(right)
    wrong_day = find_possible_day(wrong)
    assert right_day is not None  # `corrected_day` checked both
    return c.MeetingDayCommand(
        person=person,
        right=right_day.spec,
        said=right,
        wrong=wrong_day.spec if wrong_day else None,
    )


def correct(ctx: Context, command: c.MeetingDayCommand) -> Reply:
    from bot.core.followups import (  # followups imports the parser
        display_name,
        month_first,
        window_closed_since,
    )

    assert command.person is not None  # the parser asks whose meeting otherwise
    contact = find_one(ctx, command.person, "met")
    if isinstance(contact, Reply):
        return contact
    meeting = ctx.store.latest_meeting(ctx.member.id, contact.id)
    if meeting is None:
        return failure(
            f"You have no meeting with {contact.name} logged, so there is nothing to move. "
            f"To log it: `met {contact.name} {command.said}`.",
            topic="met",
        )
    right = resolve_past(command.right, ctx.today, month_first=month_first(ctx))
    if right > ctx.today:
        return failure(f"{format_day(right, ctx.today)} is in the future: nothing changed.", "met")
    was = meeting.met_on
    if right == was:
        return about(
            contact.id,
            text=f"Your meeting with **{contact.name}** is already logged on "
            f"{format_day(was, ctx.today)}: nothing changed.",
        )
    moved = (
        f"Moved: you met **{contact.name}** on **{format_day(right, ctx.today)}** "
        f"(I had {format_day(was, ctx.today)})."
    )
    open_first = [
        f
        for f in ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
        if f.meeting_id == meeting.id and f.touch == 1
    ]
    if not open_first:
        ctx.store.move_meeting(ctx.member.id, meeting.id, right)
        return about(contact.id, text=f"{moved} No open follow-up of that meeting to move.")
    current = open_first[0]
    name = display_name(current, ctx)
    if current.late:
        ctx.store.move_meeting(ctx.member.id, meeting.id, right)
        return about(
            contact.id,
            text=f"{moved} Follow-up #{current.id} stays a late follow-up due "
            f"**{format_day(current.due_on, ctx.today)}**.",
        )
    # The default day (three days after meeting, on a weekday) moves with the meeting; a day the
    # member chose stays, capped at the new window.
    default = decide_due(was, was, None).due_on
    chosen = None if current.due_on <= max(default, ctx.today) else current.due_on
    decision = decide_due(right, ctx.today, chosen)
    if decision.window_closed:
        due_on = max(current.due_on, ctx.today)
        plan = FollowUpPlan(met_on=right, due_on=due_on, touch=1, late=True)
        ctx.store.move_meeting(
            ctx.member.id,
            meeting.id,
            right,
            follow_up_id=current.id,
            due_on=due_on,
            late=True,
            nudges=plan_nudges(plan, ctx.member, ctx.now),
        )
        return about(
            contact.id,
            text=f"{moved} {window_closed_since(right, ctx.today)} "
            f"A late note still beats none: I kept follow-up #{current.id} with {name} as a "
            f"late follow-up due **{format_day(due_on, ctx.today)}**. "
            f"`cancel #{current.id}` removes it.",
            actions=(
                Action("Done", f"done #{current.id}", style="primary"),
                Action("Cancel", f"cancel #{current.id}"),
            ),
        )
    plan = FollowUpPlan(met_on=right, due_on=decision.due_on, touch=1)
    ctx.store.move_meeting(
        ctx.member.id,
        meeting.id,
        right,
        follow_up_id=current.id,
        due_on=decision.due_on,
        nudges=plan_nudges(plan, ctx.member, ctx.now),
    )
    due = format_day(decision.due_on, ctx.today)
    if decision.due_on == current.due_on:
        follow = (
            f"Follow-up #{current.id} stays due **{due}** ({in_days(decision.due_on, ctx.today)})"
        )
    else:
        follow = (
            f"Follow-up #{current.id} is now due **{due}** ({in_days(decision.due_on, ctx.today)}; "
            f"was {format_day(current.due_on, ctx.today)})"
        )
    text = (
        f"{moved} {follow}; the {WINDOW_DAYS}-day window closes "
        f"{format_day(window_closes(right), ctx.today)}."
    )
    if decision.capped_reason:
        text += f" I moved it because {decision.capped_reason}."
    return about(
        contact.id,
        text=text,
        actions=(
            Action("Done", f"done #{current.id}", style="primary"),
            Action("Cancel", f"cancel #{current.id}"),
        ),
    )
