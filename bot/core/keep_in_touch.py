"""`keep-in-touch`: after the rule of two, check in with a contact monthly, quarterly or yearly."""

from __future__ import annotations

from bot.core import commands as c
from bot.core.check_ins import (
    cadence_actions,
    cadence_of,
    cadence_span,
    restart_check_in,
    start_again_hint,
    stop_action,
    stop_check_ins,
)
from bot.core.contacts import find_one
from bot.core.context import Context, failure
from bot.core.dates import format_day, in_days
from bot.core.help import one_of
from bot.core.messages import Action, Reply
from bot.core.rules import CADENCE_MONTHS, touch_name
from storage.records import ContactRecord


def _contact(ctx: Context, person: c.PersonRef) -> ContactRecord | Reply:
    """The contact named, or the one of follow-up `#id` (the numbers `list` shows)."""
    if person.follow_up_id is None:
        return find_one(ctx, person, "keep-in-touch")
    follow_up = ctx.store.get_follow_up(ctx.member.id, person.follow_up_id)
    if follow_up is None:
        return failure(
            f"I can't find follow-up #{person.follow_up_id} among yours. Type `list` to see "
            "their numbers, or name the person.",
            topic="keep-in-touch",
        )
    return next(x for x in ctx.store.contacts(ctx.member.id) if x.id == follow_up.contact_id)


def keep_in_touch(ctx: Context, command: c.KeepInTouchCommand) -> Reply:
    contact = _contact(ctx, command.person)
    if isinstance(contact, Reply):
        return contact
    if command.every is None:
        current = cadence_of(ctx, contact.id)
        now = f" Now: {current.every}." if current else ""
        return Reply(
            text=f"How often do you want to check in with **{contact.name}**: "
            f"{one_of(tuple(CADENCE_MONTHS))}?{now}",
            actions=cadence_actions(contact, tuple(CADENCE_MONTHS)),
        )
    if command.every == "off":
        return _stop(ctx, contact)
    ctx.store.set_cadence(ctx.member.id, contact.id, command.every)
    check_in = restart_check_in(ctx, contact.id)
    stop = stop_action(contact)
    if check_in is None:
        [pending, *_] = ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
        return Reply(
            text=f"Keeping in touch with **{contact.name}** {command.every}. First the rule of "
            f"two: your {touch_name(pending).lower()} #{pending.id} is due "
            f"{format_day(pending.due_on, ctx.today)}; the first check-in comes "
            f"{cadence_span(command.every)} after it is done.",
            actions=(stop,),
        )
    return Reply(
        text=f"Keeping in touch with **{contact.name}** {command.every}: check-in #{check_in.id} "
        f"is due **{format_day(check_in.due_on, ctx.today)}** "
        f"({in_days(check_in.due_on, ctx.today)}). Every touch you log restarts the clock.",
        actions=(Action("Done", f"done #{check_in.id}", style="primary"), stop),
    )


def _stop(ctx: Context, contact: ContactRecord) -> Reply:
    if not stop_check_ins(ctx, contact.id):
        return Reply(text=f"OK: no check-ins with {contact.name}. {start_again_hint(contact)}")
    return Reply(
        text=f"Stopped keeping in touch with **{contact.name}**: no more check-ins. "
        f"{start_again_hint(contact)}"
    )
