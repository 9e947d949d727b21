"""Contacts: `who`, `note`, `rename`, `merge`, `delete-contact`, and finding the one meant."""

from __future__ import annotations

import re
from datetime import date

from bot.core import commands as c
from bot.core import ledger, undo_steps
from bot.core.context import Context, failure
from bot.core.dates import format_day
from bot.core.help import example
from bot.core.messages import Action, Field, Reply, Section, about, mention_markup, retyped
from bot.core.rules import WINDOW_DAYS, is_check_in, touch_name, window_closes
from storage.names import name_key
from storage.records import ContactRecord, FollowUpRecord, MeetingOutcome

# `undo` right after a rename puts the old name back (`rename_back`).
RENAME_UNDO_KIND = "rename"


def contact_ref(contact: ContactRecord) -> str:
    """How a button names a contact in command text."""
    return mention_markup(contact.mention, contact.name) if contact.mention else contact.name


def matching(ctx: Context, person: c.PersonRef) -> list[ContactRecord]:
    """The member's contacts `person` may mean: by `contact#id`, mention or name."""
    if person.contact_id is not None:
        return [x for x in ctx.store.contacts(ctx.member.id) if x.id == person.contact_id]
    return ctx.store.find_contacts(ctx.member.id, person.lookup_key)


def typed_with(ctx: Context, person: c.PersonRef, instead: str) -> str | None:
    """What the member typed with `instead` ("#12", "contact#12") for the name, so a "Which
    one?" button re-runs all of it ("snooze karthik 3 days" → "snooze #12 3 days"); None when
    the line does not say the name."""
    typed = retyped(ctx.incoming)
    at = typed.lower().find(person.name.lower()) if person.name else -1
    if at < 0:
        return None
    return f"{typed[:at]}{instead}{typed[at + len(person.name) :]}"


def which_one(ctx: Context, person: c.PersonRef, found: list[ContactRecord], command: str) -> Reply:
    """Several contacts share the name: a button per contact, re-running what was typed."""

    def button_text(contact: ContactRecord) -> str:
        ref = f"contact#{contact.id}"
        return typed_with(ctx, person, ref) or f"{command} {ref}"

    shown = [(contact, first_met(ctx, contact)) for contact in found[:5]]
    return Reply(
        text=f"You have {len(found)} contacts called “{person.name}”. Which one?",
        actions=tuple(
            Action(f"{contact.name} ({met})", button_text(contact)) for contact, met in shown
        ),
        # A typed "Kemi Ade" or "the MTN one" picks one as a tap would.
        choices=tuple((f"{contact.name} {met}", button_text(contact)) for contact, met in shown),
    )


def first_met(ctx: Context, contact: ContactRecord) -> str:
    meeting = ctx.store.latest_meeting(ctx.member.id, contact.id)
    if meeting is None:
        return f"contact #{contact.id}"
    where = f" at {meeting.place}" if meeting.place else ""
    return f"met{where} {format_day(meeting.met_on, ctx.today)}"


def find_one(ctx: Context, person: c.PersonRef, command: str) -> ContactRecord | Reply:
    """The member's one contact `person` names, or a reply saying there is none or asking which."""
    found = matching(ctx, person)
    if len(found) == 1:
        return found[0]
    if not found:
        return failure(
            f"You have no contact called “{person.name}”. Log a meeting first: {example('met')}.",
            topic=command,
        )
    return which_one(ctx, person, found, command)


def who(ctx: Context, command: c.WhoCommand) -> Reply:
    contact = find_one(ctx, command.person, "who")
    if isinstance(contact, Reply):
        return contact
    card = ctx.store.contact_card(ctx.member.id, contact.id)
    lines = [f"**{as_typed(ctx, command.person, contact.id, contact.name)}**"]
    for meeting in card.meetings[:5]:
        where = f" at {meeting.place}" if meeting.place else ""
        note = f" — {meeting.note}" if meeting.note else ""
        lines.append(f"• Met{where} on {format_day(meeting.met_on, ctx.today)}{note}")
    if not card.meetings:
        lines.append("• No meeting logged yet.")
    done = [f for f in card.follow_ups if f.status == "done"]
    open_ones = [f for f in card.follow_ups if f.status == "open"]
    lines.append(f"• Touches done: {len(done)}")
    entries = ctx.store.touch_ledger(ctx.member.id, contact.id)
    if entries:
        lines.append(f"• Give, ask, thank: {ledger.ledger_line(entries)}")
        warning = ledger.ask_first_warning(contact.name, ledger.tally(entries))
        if warning:
            lines.append(f"• {warning}")
    for follow_up in open_ones:
        lines.append(
            f"• {touch_name(follow_up)} #{follow_up.id} due "
            f"{format_day(follow_up.due_on, ctx.today)}"
            + (
                f" (the {WINDOW_DAYS}-day window closes "
                f"{format_day(window_closes(follow_up.met_on), ctx.today)})"
                if follow_up.touch < 2 and not follow_up.late
                else ""
            )
            + (f" — note: {follow_up.note}" if follow_up.note else "")
        )
    lines.extend(_keep_in_touch_lines(ctx, contact, open_ones))
    fields = (Field("Notes", contact.notes),) if contact.notes else ()
    actions = (Action("Add a note", "help note"),)
    if open_ones:
        actions = (Action("Done", f"done #{open_ones[0].id}", style="primary"), *actions)
    elif done and not ctx.store.cadences(ctx.member.id, contact.id):
        actions = (*actions, Action("Keep in touch", f"keep-in-touch {contact_ref(contact)}"))
    return Reply(
        text="\n".join(lines),
        sections=(Section(text="", fields=fields),) if fields else (),
        actions=actions,
        about_contact_id=contact.id,
    )


def _keep_in_touch_lines(
    ctx: Context, contact: ContactRecord, open_ones: list[FollowUpRecord]
) -> list[str]:
    found = ctx.store.cadences(ctx.member.id, contact.id)
    if not found:
        return []
    every = found[0].every
    check_ins = [f for f in open_ones if is_check_in(f)]
    if check_ins:
        next_one = f"next check-in {format_day(check_ins[0].due_on, ctx.today)}"
    else:
        next_one = "check-ins start once the rule of two is done"
    return [f"• Keep in touch: {every}, {next_one}"]


def note_line(today: date, said: str) -> str:
    """A note as the card keeps it: one line, led by the day it was added."""
    return f"{format_day(today, today)}: {said}"


def said_in(line: str) -> str:
    """What a note line says, without the day `note_line` put in front of it."""
    return line.partition(": ")[2] or line


def noted_today(notes: str | None, today: date) -> bool:
    """Whether the newest line of a contact's notes was added today."""
    newest = notes.rsplit("\n", 1)[-1] if notes else ""
    return newest.startswith(note_line(today, ""))


def note(ctx: Context, command: c.NoteCommand) -> Reply:
    contact = find_one(ctx, command.person, "note")
    if isinstance(contact, Reply):
        return contact
    line = note_line(ctx.today, command.note)
    ctx.store.add_contact_note(ctx.member.id, contact.id, line)
    return about(
        contact.id,
        text=f"Noted on **{contact.name}**: {command.note}",
        actions=(Action(f"Show {contact.name}", f"who {contact.name}"),),
    )


def delete_note(ctx: Context, command: c.DeleteNoteCommand) -> Reply:
    """Remove the newest note line on a contact; the reply shows it, with a button to put it
    back, so nothing is lost by a wrong tap."""
    contact = find_one(ctx, command.person, "delete-note")
    if isinstance(contact, Reply):
        return contact
    removed = ctx.store.remove_last_contact_note(ctx.member.id, contact.id)
    show = Action(f"Show {contact.name}", f"who contact#{contact.id}")
    if removed is None:
        return about(
            contact.id,
            text=f"**{contact.name}** has no notes to remove; the contact is as it was. What "
            "you said when you logged a meeting stays with that meeting on the card.",
            actions=(show,),
        )
    said = said_in(removed)
    return about(
        contact.id,
        text=f"Removed your last note on **{contact.name}**: “{said}”. The contact and "
        "everything else about them stay.",
        actions=(Action("Put it back", f"note contact#{contact.id}: {said}"), show),
    )


def rename(ctx: Context, command: c.RenameCommand) -> Reply:
    contact = find_one(ctx, command.person, "rename")
    if isinstance(contact, Reply):
        return contact
    clash = [
        other
        for other in ctx.store.find_contacts(ctx.member.id, command.new_name)
        if other.id != contact.id
    ]
    renamed = ctx.store.rename_contact(ctx.member.id, contact.id, command.new_name)
    undo_steps.remember(ctx, contact.id, RENAME_UNDO_KIND, {"name": contact.name})
    text = (
        f"Renamed **{contact.name}** to **{renamed.name}**; “{contact.name}” still finds them, "
        "and `undo` changes it back."
    )
    if clash:
        text += (
            f" You also have a contact called {clash[0].name}: if they are the same person, "
            "merge them."
        )
        return Reply(
            text=text,
            actions=(
                Action(
                    f"Merge into {clash[0].name}",
                    f"merge #{renamed.id} into #{clash[0].id}",
                ),
            ),
        )
    return Reply(text=text)


def rename_back(ctx: Context, contact: ContactRecord, data: dict[str, str]) -> Reply:
    """`undo` right after a rename: the name the contact had before."""
    back = ctx.store.rename_contact(ctx.member.id, contact.id, data["name"])
    return about(contact.id, text=f"Undone: **{contact.name}** is called **{back.name}** again.")


def as_typed(ctx: Context, person: c.PersonRef, contact_id: int, name: str) -> str:
    """The contact's name, after the old one when the member typed a name they had before a
    rename: "Jane Doe (now Jane Smith)"."""
    typed = name_key(person.name)
    if person.contact_id is not None or person.mention or typed == name_key(name):
        return name
    for old in ctx.store.previous_names(ctx.member.id, contact_id):
        if name_key(old) == typed:
            return f"{old} (now {name})"
    return name


def _by_id_or_name(ctx: Context, person: c.PersonRef, command: str) -> ContactRecord | Reply:
    # Buttons name contacts as "#12" here: a contact id, not a follow-up id.
    if person.follow_up_id is not None:
        for contact in ctx.store.contacts(ctx.member.id):
            if contact.id == person.follow_up_id:
                return contact
        return failure(f"I can't find contact #{person.follow_up_id} among yours.", topic=command)
    return find_one(ctx, person, command)


def merge(ctx: Context, command: c.MergeContactsCommand) -> Reply:
    other = _by_id_or_name(ctx, command.other, "merge")
    if isinstance(other, Reply):
        return other
    keep = _by_id_or_name(ctx, command.keep, "merge")
    if isinstance(keep, Reply):
        return keep
    if keep.id == other.id:
        return failure("Those are the same contact already. Type `who <name>` to see it.")
    logged = _meeting_count(ctx, keep.id) + _meeting_count(ctx, other.id)
    merged = ctx.store.merge_contacts(ctx.member.id, keep.id, other.id)
    text = (
        f"Merged {other.name} into **{merged.name}**: meetings, follow-ups and notes are all on "
        "one contact now."
    )
    repeated = logged - _meeting_count(ctx, merged.id)
    if repeated:
        text += (
            f" {repeated} meeting{'s were' if repeated > 1 else ' was'} logged for both on the "
            "same day and place, so I kept each meeting once, with its follow-ups."
        )
    dropped = _drop_twin_follow_ups(ctx, merged.id)
    if dropped:
        text += (
            " Each had an open follow-up for the same touch, so I kept the one due first and "
            f"cancelled {', '.join(f'#{i}' for i in dropped)}."
        )
    return Reply(text=text)


def _meeting_count(ctx: Context, contact_id: int) -> int:
    return len(ctx.store.contact_card(ctx.member.id, contact_id).meetings)


def _drop_twin_follow_ups(ctx: Context, contact_id: int) -> list[int]:
    """After a merge, one open follow-up per touch (the first, the rule of two's second, a
    check-in): the one due first stays, its twins are cancelled with their nudges."""
    open_ones = sorted(
        ctx.store.open_follow_ups_for_contact(ctx.member.id, contact_id),
        key=lambda f: (f.due_on, f.id),
    )
    kept: set[int] = set()
    dropped = []
    for follow_up in open_ones:
        if follow_up.touch in kept:
            ctx.store.close_follow_up(ctx.member.id, follow_up.id, "cancelled", ctx.now)
            dropped.append(follow_up.id)
        kept.add(follow_up.touch)
    return dropped


def delete_contact(ctx: Context, command: c.DeleteContactCommand) -> Reply:
    contact = find_one(ctx, command.person, "delete-contact")
    if isinstance(contact, Reply):
        return contact
    if not command.confirmed:
        yes = f"delete-contact {contact.name} confirm"
        return Reply(
            text=f"Delete **{contact.name}** with every meeting, follow-up and note about them? "
            "This can't be undone.",
            actions=(Action(f"Delete {contact.name}", yes, style="danger"), Action("Keep", "no")),
            on_yes=yes,
        )
    ctx.store.delete_contact(ctx.member.id, contact.id)
    return Reply(text=f"Deleted {contact.name} and everything about them. No more nudges.")


# A chat reply stays short: the rest are one `who` away.
CONTACTS_SHOWN = 20


def list_contacts(ctx: Context, command: c.ContactsCommand) -> Reply:
    contacts = ctx.store.contacts(ctx.member.id)
    if not contacts:
        return Reply(text=f"You have no contacts yet. Log who you meet: {example('met')}.")
    outcomes = ctx.store.meeting_outcomes(ctx.member.id)
    if command.place is not None:
        outcomes = [o for o in outcomes if _met_there(o, command.place)]
        there = {o.contact_id for o in outcomes}
        contacts = [contact for contact in contacts if contact.id in there]
        if not contacts:
            return Reply(
                text=f"You haven't logged anyone met at {command.place}. `contacts` lists "
                "everyone.",
                actions=(Action("All contacts", "contacts"),),
            )
    latest: dict[int, MeetingOutcome] = {}
    for outcome in outcomes:
        seen = latest.get(outcome.contact_id)
        if seen is None or outcome.met_on > seen.met_on:
            latest[outcome.contact_id] = outcome
    next_due: dict[int, FollowUpRecord] = {}
    for follow_up in ctx.store.open_follow_ups(ctx.member.id):  # listed by due day
        next_due.setdefault(follow_up.contact_id, follow_up)

    def latest_first(contact: ContactRecord) -> tuple[bool, int, str]:
        meeting = latest.get(contact.id)
        return (meeting is None, -meeting.met_on.toordinal() if meeting else 0, contact.name)

    ordered = sorted(contacts, key=latest_first)
    where = f" met at {command.place}" if command.place is not None else ""
    count = f"{len(contacts)} contact{'s' if len(contacts) != 1 else ''}{where}"
    lines = [f"You have {count}, latest met first:"]
    for contact in ordered[:CONTACTS_SHOWN]:
        line = _contact_line(ctx, latest.get(contact.id), next_due.get(contact.id))
        lines.append(f"• **{contact.name}** — {line}")
    if len(ordered) > CONTACTS_SHOWN:
        lines.append(
            f"…and {len(ordered) - CONTACTS_SHOWN} more. {example('who')} shows anyone's card."
        )
    first = ordered[0]
    return Reply(
        text="\n".join(lines),
        actions=(
            Action(f"{first.name}'s card", f"who {contact_ref(first)}"),
            Action("My follow-ups", "list"),
        ),
    )


def _met_there(outcome: MeetingOutcome, place: str) -> bool:
    """The meeting's place or event names `place`, ignoring case and accents ("pycon" finds
    "PyCon Berlin")."""
    wanted = name_key(re.sub(r"^the\s+", "", place, flags=re.IGNORECASE))
    return any(wanted in name_key(said) for said in (outcome.place, outcome.event_name) if said)


def _contact_line(ctx: Context, meeting: MeetingOutcome | None, due: FollowUpRecord | None) -> str:
    met = "no meeting logged"
    if meeting is not None:
        where = f" at {meeting.place}" if meeting.place else ""
        met = f"met{where} {format_day(meeting.met_on, ctx.today)}"
    if due is None:
        return f"{met}; nothing due"
    return f"{met}; {touch_name(due).lower()} due {format_day(due.due_on, ctx.today)}"
