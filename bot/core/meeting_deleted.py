"""`delete-meeting`: remove a meeting logged by mistake (the newest with that person) and the
open follow-up it created, after asking; `undo` puts both back (`bot.core.undo`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core import commands as c
from bot.core import undo_steps
from bot.core.contacts import find_one
from bot.core.context import Context
from bot.core.dates import format_day
from bot.core.messages import Action, Reply, about
from bot.core.nudges import FollowUpPlan, plan_nudges
from bot.core.rules import touch_name
from storage.records import ContactRecord, DeletedMeeting, MeetingRecord

UNDO_KIND = "delete-meeting"


def delete_meeting(ctx: Context, command: c.DeleteMeetingCommand) -> Reply:
    contact = find_one(ctx, command.person, "delete-meeting")
    if isinstance(contact, Reply):
        return contact
    meeting = ctx.store.latest_meeting(ctx.member.id, contact.id)
    if meeting is None:
        return about(
            contact.id,
            text=f"You have no meeting with **{contact.name}** logged, so there is none to "
            "delete. Nothing changed.",
        )
    said = _meeting_words(meeting, ctx.today)
    if not command.confirmed:
        yes = f"delete-meeting contact#{contact.id} confirm"
        return about(
            contact.id,
            text=f"Delete your meeting with **{contact.name}** {said}, and the open follow-up it "
            f"created? {contact.name} stays in your contacts, and `undo` puts it back.",
            actions=(
                Action("Delete the meeting", yes, style="danger"),
                Action("Keep it", "no"),
            ),
            on_yes=yes,
        )
    deleted = ctx.store.delete_meeting(ctx.member.id, meeting.id)
    undo_steps.remember(ctx, contact.id, UNDO_KIND, _kept(deleted))
    removed = "".join(
        f" and {touch_name(f).lower()} #{f.id} with its reminders" for f in deleted.follow_ups
    )
    return about(
        contact.id,
        text=f"Deleted your meeting with **{contact.name}** {said}{removed}. {contact.name} "
        "stays in your contacts. Logged by mistake after all? `undo` puts it back.",
        actions=(
            Action("Undo", "undo"),
            Action(f"Show {contact.name}", f"who contact#{contact.id}"),
        ),
    )


def put_back(ctx: Context, contact: ContactRecord, data: dict[str, Any]) -> Reply:
    """The meeting `delete_meeting` removed, logged again with its open follow-ups (planned
    afresh from now, so no nudge lands in the past)."""
    met_on = date.fromisoformat(data["met_on"])
    planned = {event.id for event in ctx.store.events(ctx.member.id)}
    event_id = data["event_id"] if data["event_id"] in planned else None
    meeting = ctx.store.add_meeting(
        ctx.member.id, contact.id, met_on, data["place"], data["note"], event_id
    )
    ids = []
    for kept in data["follow_ups"]:
        plan = FollowUpPlan(met_on, date.fromisoformat(kept["due_on"]), kept["touch"])
        follow_up = ctx.store.create_follow_up(
            ctx.member.id,
            contact.id,
            meeting.id,
            met_on,
            plan.due_on,
            touch=plan.touch,
            note=kept["note"],
            nudges=plan_nudges(plan, ctx.member, ctx.now),
        )
        ids.append(f"#{follow_up.id}")
    again = f", with its follow-up ({', '.join(ids)}) due as before" if ids else ""
    return about(
        contact.id,
        text=f"Put back your meeting with **{contact.name}** "
        f"{_meeting_words(meeting, ctx.today)}{again}.",
        actions=(Action(f"Show {contact.name}", f"who contact#{contact.id}"),),
    )


def _kept(deleted: DeletedMeeting) -> dict[str, Any]:
    meeting = deleted.meeting
    return {
        "met_on": meeting.met_on.isoformat(),
        "place": meeting.place,
        "note": meeting.note,
        "event_id": deleted.event_id,
        "follow_ups": [
            {"due_on": f.due_on.isoformat(), "touch": f.touch, "note": f.note}
            for f in deleted.follow_ups
        ],
    }


def _meeting_words(meeting: MeetingRecord, today: date) -> str:
    """ "at PyCon on Mon 2 Mar" """
    where = f"at {meeting.place} " if meeting.place else ""
    return f"{where}on {format_day(meeting.met_on, today)}"
