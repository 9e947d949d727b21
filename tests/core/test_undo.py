""" "undo", "oops undo that": no automatic undo (the store keeps no state from before a change),
so the reply offers what reverses the last change for the contact it was about."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.messages import Reply
from bot.core.parser import parse_command
from bot.core.service import CoachService
from bot.core.undo import NO_AUTOMATIC_UNDO
from storage.store import SqlStore
from tests.core.conversation import say as _say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def _press(service: CoachService, reply: Reply, label: str) -> Reply:
    (value,) = [action.command for action in reply.actions if action.label == label]
    return _say(service, value)


def _contacts(store: SqlStore) -> list[str]:
    member = store.get_or_create_member("slack", "T1", "U1")
    return sorted(contact.name for contact in store.contacts(member.id))


@pytest.mark.parametrize(
    "line",
    [
        "undo",
        "oops undo that",
        "undo the last one",
        "revert that",
        "that was a mistake, undo",
        "wrong person — undo that",
    ],
)
def test_undo_offers_to_reverse_the_last_change_for_its_contact(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Dana Kim yesterday")
    _say(service, "met Tomás Ruiz at PyCon")
    reply = _say(service, line)
    assert reply.text.startswith(NO_AUTOMATIC_UNDO)
    assert "Tomás Ruiz" in reply.text
    asked = _press(service, reply, "Delete Tomás Ruiz")
    assert "Delete **Tomás Ruiz**" in asked.text  # deleting still asks first
    _say(service, "yes")
    assert _contacts(store) == ["Dana Kim"]


def test_undo_with_nobody_in_the_conversation_says_what_to_type(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    reply = _say(service, "undo")
    assert reply.text.startswith(NO_AUTOMATIC_UNDO)
    assert "`snooze" in reply.text and "`cancel" in reply.text


def test_a_draft_that_starts_with_undo_stays_a_draft() -> None:
    line = "Undo the changes we discussed and send me the file"
    assert isinstance(parse_command(line, direct_message=True), c.NotACommand)


@pytest.mark.parametrize("line", ["oops wrong one", "my bad, wrong person!", "wrong contact"])
def test_a_slip_named_alone_is_an_undo(line: str) -> None:
    assert isinstance(parse_command(line, direct_message=True), c.UndoCommand)


def test_a_draft_about_the_wrong_person_is_no_undo() -> None:
    line = "Sorry Ana, I sent the invite to the wrong person — here is yours"
    assert not isinstance(parse_command(line, direct_message=True), c.UndoCommand)


def test_undo_after_a_note_removes_that_note_and_offers_it_back(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Tomás Ruiz at PyCon")
    _say(service, "note tomas: prefers signal")
    _say(service, "note tomas: has a dog called Pimienta")
    reply = _say(service, "oops wrong one")
    removed = _press(service, reply, "Remove the last note")
    assert "“has a dog called Pimienta”" in removed.text
    member = store.get_or_create_member("slack", "T1", "U1")
    (contact,) = store.contacts(member.id)
    assert contact.notes is not None and contact.notes.endswith(": prefers signal")
    _press(service, removed, "Put it back")
    (contact,) = store.contacts(member.id)
    assert contact.notes is not None and contact.notes.endswith(": has a dog called Pimienta")


def test_undo_offers_no_note_removal_when_no_note_was_added_today(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Tomás Ruiz at PyCon")
    reply = _say(service, "undo")
    assert "Remove the last note" not in [action.label for action in reply.actions]


def test_undo_right_after_a_done_reopens_it_and_drops_the_touch_it_scheduled(
    store: SqlStore, clock: FakeClock
) -> None:
    """Two testers typed `undo` after a done and were told "I can't undo a change by myself"."""
    service = CoachService(store, fake_review, clock)
    _say(service, "met Mette Holm at the Seed Capital office")
    member = store.get_or_create_member("slack", "T1", "U1")
    [first] = store.open_follow_ups(member.id)
    _say(service, "done mette")
    reply = _say(service, "undo")
    assert reply.text.startswith(f"Reopened follow-up #{first.id} with **Mette Holm**")
    # open again, and the second touch its done scheduled is gone
    assert [f.id for f in store.open_follow_ups(member.id)] == [first.id]


def test_undo_after_a_later_change_does_not_reopen_an_earlier_done(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Mette Holm at the Seed Capital office")
    _say(service, "done mette")
    _say(service, "met Lars Berg at the breakfast")
    reply = _say(service, "undo")
    assert not reply.text.startswith("Reopened")
