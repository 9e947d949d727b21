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
