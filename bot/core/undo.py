"""`undo`: what reverses the last change, offered for the contact the last reply was about;
and reopening a follow-up marked done by mistake ("undo done dana", "reopen dana", "oops wrong
one, i meant marcus not dana").

A bare `undo` right after a rename, a deleted meeting or a `done` puts it back (`undo_steps`,
`reopen`). For anything else it changes nothing by itself: the store keeps no state from before
other changes, so the reply names the commands that put things right, with buttons for that
contact (and "Reopen" when their last follow-up was marked done lately). A follow-up marked done
keeps its due day and note, so reopening it puts it back as it was: open, nudged again, without
the touch kind it recorded and without the second touch its done scheduled.
"""

from __future__ import annotations

from datetime import datetime

from bot.core import commands as c
from bot.core import contacts, ledger, meeting_deleted, undo_steps
from bot.core.chat import still_fresh
from bot.core.contacts import matching, noted_today, which_one
from bot.core.context import Context, failure
from bot.core.dates import format_day, in_days
from bot.core.help import example
from bot.core.messages import Action, Reply, about
from bot.core.nudges import plan_nudges
from storage.records import FollowUpRecord

NO_AUTOMATIC_UNDO = "I can't undo a change by myself: I don't keep how things were before it."


def undo(ctx: Context, command: c.UndoCommand) -> Reply:
    person = command.person
    undone = _undo_last_step(ctx, person)
    if undone is not None:
        return undone
    if person is None or person.contact_id is None:
        return Reply(
            text=f"{NO_AUTOMATIC_UNDO} Tell me what to put right instead: a new day with "
            f"{example('snooze')}, {example('cancel')} for a follow-up, {example('rename')} or "
            f"{example('delete-contact')}. `list` shows where things stand.",
            actions=(Action("My follow-ups", "list"),),
        )
    last = _last_done(ctx, person.contact_id)
    if last is not None and _lately(ctx, last) and _is_the_last_change(ctx, last):
        # "done mette" then "undo": the done is what was meant, so it is reopened outright.
        return reopen(ctx, c.ReopenCommand(c.PersonRef(f"#{last.id}", follow_up_id=last.id)))
    ref = f"contact#{person.contact_id}"
    reopen_action: tuple[Action, ...] = ()
    if last is not None and _lately(ctx, last):
        reopen_action = (Action(f"Reopen #{last.id}", f"reopen #{last.id}", style="primary"),)
    note_action: tuple[Action, ...] = ()
    found = matching(ctx, person)
    if found and noted_today(found[0].notes, ctx.today):
        note_action = (Action("Remove the last note", f"delete-note {ref}"),)
    return Reply(
        text=f"{NO_AUTOMATIC_UNDO} For **{person.name}**, these put things right: a new day "
        f"(`snooze {person.name} to friday`), cancel the follow-up, remove the last note "
        f"(`delete-note {person.name}`), or delete the contact if you logged them by mistake "
        "(I ask first). Their card shows what is there now.",
        actions=(
            *reopen_action,
            *note_action,
            Action(f"Show {person.name}", f"who {ref}"),
            Action("Cancel the follow-up", f"cancel {ref}"),
            Action(f"Delete {person.name}", f"delete-contact {ref}", style="danger"),
        ),
        about_contact_id=person.contact_id,
    )


def _undo_last_step(ctx: Context, person: c.PersonRef | None) -> Reply | None:
    """The member's last rename or deleted meeting put back, when it was lately and about the
    person meant (or nobody was named); None otherwise, with the step kept."""
    step = ctx.store.take_undo(ctx.member.id)
    if step is None:
        return None
    about_them = person is None or person.contact_id in (None, step.contact_id)
    contact = next((x for x in ctx.store.contacts(ctx.member.id) if x.id == step.contact_id), None)
    lately = still_fresh(step.at, ctx.now) and not undo_steps.overtaken(ctx, step)
    if contact is None or not about_them or not lately:
        if contact is not None and lately:
            ctx.store.remember_undo(ctx.member.id, step.contact_id, step.kind, step.data, step.at)
        return None
    if step.kind == meeting_deleted.UNDO_KIND:
        return meeting_deleted.put_back(ctx, contact, step.data)
    return contacts.rename_back(ctx, contact, step.data)


def reopen(ctx: Context, command: c.ReopenCommand) -> Reply:
    """The follow-up marked done last with the target, open again as it was; with `meant`
    ("i meant marcus not dana"), only one marked done lately, and Marcus offered next."""
    target = command.target
    if target.follow_up_id is not None:
        done = ctx.store.get_follow_up(ctx.member.id, target.follow_up_id)
        if done is None or done.status != "done":
            return failure(
                f"Follow-up #{target.follow_up_id} is not marked done, so there is nothing to "
                "reopen. `list all` shows the ones closed lately.",
                "list",
            )
    else:
        found = matching(ctx, target)
        if not found:
            return failure(f"You have no contact called “{target.name}”: nothing changed.", "who")
        with_done = [(contact, _last_done(ctx, contact.id)) for contact in found]
        with_done = [(contact, last) for contact, last in with_done if last is not None]
        if len(with_done) > 1:
            return which_one(ctx, target, [contact for contact, _ in with_done], "reopen")
        if not with_done:
            return Reply(
                text=f"No follow-up with {found[0].name if len(found) == 1 else target.name} "
                "is marked done, so there is nothing to reopen. Nothing changed."
            )
        done = with_done[0][1]
    assert done is not None
    if command.meant is not None and not _lately(ctx, done):
        return about(
            done.contact_id,
            text=f"The last follow-up with {done.contact_name} marked done (#{done.id}) was "
            f"marked on {format_day(done.done_at.date(), ctx.today) if done.done_at else '?'}, "
            "not just now, so I changed nothing. To reopen it anyway: "
            f"`reopen #{done.id}`.",
            actions=(Action(f"Reopen #{done.id}", f"reopen #{done.id}"),),
        )
    recorded = ctx.store.touch_kind(ctx.member.id, done.id)
    scheduled = [
        follow_up
        for follow_up in ctx.store.open_follow_ups_for_contact(ctx.member.id, done.contact_id)
        if follow_up.touch > done.touch and _after(follow_up.created_at, done.done_at)
    ]
    reopened = ctx.store.reopen_follow_up(
        ctx.member.id,
        done.id,
        remove=[follow_up.id for follow_up in scheduled],
        nudges=plan_nudges(done, ctx.member, ctx.now),
    )
    text = (
        f"Reopened follow-up #{reopened.id} with **{reopened.contact_name}**: it is open again, "
        f"due {format_day(reopened.due_on, ctx.today)} ({in_days(reopened.due_on, ctx.today)})"
        if reopened.due_on >= ctx.today
        else f"Reopened follow-up #{reopened.id} with **{reopened.contact_name}**: it is open "
        f"again, due {format_day(reopened.due_on, ctx.today)} as before (overdue)"
    )
    text += f", note “{reopened.note}”." if reopened.note else ", as it was."
    if scheduled:
        ids = ", ".join(f"#{follow_up.id}" for follow_up in scheduled)
        text += f" I cancelled the touch its done scheduled ({ids})."
    if recorded is not None:
        text += f" It no longer counts as {ledger.NOUNS[recorded[0]]}."  # type: ignore[index]
    if command.meant is None:
        return about(
            reopened.contact_id,
            text=text,
            actions=(Action("Done", f"done #{reopened.id}", style="primary"),),
        )
    return _offer_the_one_meant(ctx, command.meant, text, recorded)


def _offer_the_one_meant(
    ctx: Context, meant: c.PersonRef, text: str, recorded: tuple[str, str] | None
) -> Reply:
    """ "i meant marcus": Marcus's open follow-up offered to mark done (with the kind said for
    the wrong one), never marked unasked."""
    contacts = matching(ctx, meant)
    open_ones = sorted(
        (
            follow_up
            for contact in contacts
            for follow_up in ctx.store.open_follow_ups_for_contact(ctx.member.id, contact.id)
        ),
        key=lambda f: (f.due_on, f.id),
    )
    if not open_ones:
        return Reply(
            text=f"{text} I found no open follow-up with {meant.name}: "
            f"to log the meeting first, {example('met')}."
        )
    first = open_ones[0]
    kind = recorded[0] if recorded is not None and recorded[1] == "chosen" else None
    done = (
        ledger.done_command(first.id, kind)  # type: ignore[arg-type]
        if kind in ledger.TOUCH_KINDS
        else f"done #{first.id}"
    )
    return about(
        first.contact_id,
        text=f"{text} Mark follow-up #{first.id} with **{first.contact_name}** done instead?",
        actions=(
            Action(f"Mark {first.contact_name} done", done, style="primary"),
            Action("Not now", "no"),
        ),
        on_yes=done,
    )


def _last_done(ctx: Context, contact_id: int) -> FollowUpRecord | None:
    card = ctx.store.contact_card(ctx.member.id, contact_id)
    done = [f for f in card.follow_ups if f.status == "done" and f.done_at is not None]
    return max(done, key=lambda f: (f.done_at, f.id)) if done else None


def _is_the_last_change(ctx: Context, done: FollowUpRecord) -> bool:
    """Whether marking `done` is the member's newest change: no follow-up was closed after it,
    and the only ones logged since are the touches it scheduled for the same contact."""
    closed = ctx.store.closed_follow_ups(ctx.member.id, 1)
    if not closed or closed[0].id != done.id:
        return False
    return all(
        follow_up.contact_id == done.contact_id
        for follow_up in ctx.store.open_follow_ups(ctx.member.id)
        if _after(follow_up.created_at, done.done_at)
    )


def _lately(ctx: Context, follow_up: FollowUpRecord) -> bool:
    return still_fresh(follow_up.done_at, ctx.now)


def _after(created: datetime | None, done_at: datetime | None) -> bool:
    return created is not None and done_at is not None and created >= done_at
