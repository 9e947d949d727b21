"""Lines typed the way a busy person types them, through the whole service."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core.messages import Incoming, Reply
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock


def _say(service: CoachService, line: str) -> Reply:
    return service.handle(Incoming("slack", "T1", "U1", "D1", line, is_direct_message=True))


def _member_id(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


@pytest.mark.parametrize(
    "line",
    [
        "met tomas again",
        "ran into tomas again at the meetup",
        "met Tomás once more yesterday",
        "bumped into tomas at KubeCon again",
    ],
)
def test_met_again_logs_another_meeting_with_the_same_contact(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    _say(service, "met Tomás at PyCon 2 days ago")
    reply = _say(service, line)
    assert reply.text.startswith("Logged"), reply.text
    contacts = store.contacts(_member_id(store))
    assert [contact.name for contact in contacts] == ["Tomás"]
    assert len(store.contact_card(_member_id(store), contacts[0].id).meetings) == 2
