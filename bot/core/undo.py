"""`undo`: what reverses the last change, offered for the contact the last reply was about.

There is no automatic undo: the store keeps no state from before a change (the pending
question holds only the command a "yes" runs and the contact the reply was about), and done,
cancel, a note or a meeting with someone known have no reverse operation. So the reply names
the commands that put things right, with buttons for that contact.
"""

from __future__ import annotations

from bot.core import commands as c
from bot.core.context import Context
from bot.core.help import example
from bot.core.messages import Action, Reply

NO_AUTOMATIC_UNDO = "I can't undo a change by myself: I don't keep how things were before it."


def undo(ctx: Context, command: c.UndoCommand) -> Reply:
    person = command.person
    if person is None or person.contact_id is None:
        return Reply(
            text=f"{NO_AUTOMATIC_UNDO} Tell me what to put right instead: a new day with "
            f"{example('snooze')}, {example('cancel')} for a follow-up, {example('rename')} or "
            f"{example('delete-contact')}. `list` shows where things stand.",
            actions=(Action("My follow-ups", "list"),),
        )
    ref = f"contact#{person.contact_id}"
    return Reply(
        text=f"{NO_AUTOMATIC_UNDO} For **{person.name}**, these put things right: a new day "
        f"(`snooze {person.name} to friday`), cancel the follow-up, or delete the contact if "
        "you logged them by mistake (I ask first). Their card shows what is there now.",
        actions=(
            Action(f"Show {person.name}", f"who {ref}"),
            Action("Cancel the follow-up", f"cancel {ref}"),
            Action(f"Delete {person.name}", f"delete-contact {ref}", style="danger"),
        ),
        about_contact_id=person.contact_id,
    )
