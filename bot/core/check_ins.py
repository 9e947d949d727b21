"""Keep-in-touch check-ins, kept in step with the member's touches.

A check-in is a follow-up (touch `CHECK_IN_TOUCH`), so its nudges, Done and Snooze buttons and
exactly-once delivery are the follow-ups' own. A contact on a cadence has at most one open
check-in, and only while no first follow-up or second touch is open: the rule of two comes
first. Every touch (a follow-up done, a meeting logged) restarts the clock: the next check-in
is due one cadence after the latest touch.
"""

from __future__ import annotations

from datetime import date

from bot.core.contacts import contact_ref
from bot.core.context import Context
from bot.core.dates import local_today, plural
from bot.core.messages import Action
from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.public_holidays import days_off_for
from bot.core.rules import CADENCE_MONTHS, OFFERED_CADENCES, is_check_in, next_check_in
from storage.records import CHECK_IN_TOUCH, CadenceRecord, ContactRecord, FollowUpRecord


def cadence_of(ctx: Context, contact_id: int) -> CadenceRecord | None:
    found = ctx.store.cadences(ctx.member.id, contact_id)
    return found[0] if found else None


def cadence_span(every: str) -> str:
    """ "monthly" → "1 month": how long after a touch the next check-in is due."""
    return plural(CADENCE_MONTHS[every], "month")


def last_touch_day(ctx: Context, contact_id: int) -> date | None:
    """The latest day the member touched this contact: met them or finished a follow-up."""
    card = ctx.store.contact_card(ctx.member.id, contact_id)
    days = [meeting.met_on for meeting in card.meetings]
    days += [
        local_today(ctx.member.timezone, follow_up.done_at)
        for follow_up in card.follow_ups
        if follow_up.status == "done" and follow_up.done_at is not None
    ]
    return max(days, default=None)


def _close_check_ins(ctx: Context, check_ins: list[FollowUpRecord]) -> None:
    for check_in in check_ins:
        ctx.store.close_follow_up(ctx.member.id, check_in.id, "cancelled", ctx.now)


def restart_check_in(ctx: Context, contact_id: int) -> FollowUpRecord | None:
    """After a touch or a change of cadence: the contact's one open check-in, due one cadence
    after the latest touch (created, or moved with its nudges). None when the contact has no
    cadence, or while a first follow-up or second touch is still open (an open check-in is
    then cancelled: the rule of two comes first)."""
    cadence = cadence_of(ctx, contact_id)
    if cadence is None:
        return None
    open_ones = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact_id)
    check_ins = [follow_up for follow_up in open_ones if is_check_in(follow_up)]
    if len(check_ins) < len(open_ones):
        _close_check_ins(ctx, check_ins)
        return None
    last_touch = last_touch_day(ctx, contact_id) or ctx.today
    due_on = next_check_in(last_touch, cadence.every, ctx.today, days_off_for(ctx.member.timezone))
    if check_ins:
        current, extra = check_ins[0], check_ins[1:]
        _close_check_ins(ctx, extra)  # two contacts merged, each with its own check-in
        plan = FollowUpPlan(met_on=current.met_on, due_on=due_on, touch=CHECK_IN_TOUCH)
        return ctx.store.reschedule_follow_up(
            ctx.member.id, current.id, due_on, nudges=plan_nudges(plan, ctx.member, ctx.now)
        )
    meeting = ctx.store.latest_meeting(ctx.member.id, contact_id)
    met_on = meeting.met_on if meeting else ctx.today
    plan = FollowUpPlan(met_on=met_on, due_on=due_on, touch=CHECK_IN_TOUCH)
    return ctx.store.create_follow_up(
        ctx.member.id,
        contact_id,
        meeting.id if meeting else None,
        met_on,
        due_on,
        touch=CHECK_IN_TOUCH,
        nudges=plan_nudges(plan, ctx.member, ctx.now),
    )


def stop_check_ins(ctx: Context, contact_id: int) -> bool:
    """Take the contact off its cadence and cancel its open check-in; False if it had none."""
    had = ctx.store.end_cadence(ctx.member.id, contact_id)
    open_ones = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact_id)
    _close_check_ins(ctx, [follow_up for follow_up in open_ones if is_check_in(follow_up)])
    return had


def cadence_actions(contact: ContactRecord, cadences: tuple[str, ...]) -> tuple[Action, ...]:
    """A button per cadence, then Off: each runs `keep-in-touch <contact> <cadence>`."""
    ref = contact_ref(contact)
    buttons = [Action(every.capitalize(), f"keep-in-touch {ref} {every}") for every in cadences]
    buttons[0] = Action(buttons[0].label, buttons[0].command, style="primary")
    return (*buttons, Action("Off", f"keep-in-touch {ref} off"))


def stop_action(contact: ContactRecord) -> Action:
    return Action("Stop checking in", f"keep-in-touch {contact_ref(contact)} off")


def start_again_hint(contact: ContactRecord) -> str:
    command = f"keep-in-touch {contact_ref(contact)} {OFFERED_CADENCES[0]}"
    return f"`{command}` starts check-ins any time."


def offer(contact: ContactRecord) -> tuple[str, tuple[Action, ...]]:
    """The question asked once the rule of two is complete, with its buttons."""
    return f"Keep in touch with {contact.name}?", cadence_actions(contact, OFFERED_CADENCES)
