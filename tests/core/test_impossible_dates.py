"""A day that reads as a date but does not exist ("31/02") gets a clear answer and changes
nothing, whichever command it came with (a tester saw a Python error for four of them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core.service import CoachService
from tests.core.conversation import say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.mark.parametrize(
    "line",
    [
        "met Jürgen Weiss at the Berlin CTO Roundtable 31/02, CTO",
        "follow-up bob 31/02",
        "snooze bob until 31/02",
        "event Rust Berlin on 31/02",
    ],
)
def test_a_day_that_does_not_exist_is_said_plainly_and_nothing_changes(
    store: SqlStore, clock: FakeClock, line: str
) -> None:
    service = CoachService(store, fake_review, clock)
    say(service, "met Bob Stein at the fair")
    member = store.get_or_create_member("slack", "T1", "U1")
    before = [(f.id, f.due_on) for f in store.open_follow_ups(member.id)]
    reply = say(service, line)
    assert reply.text.startswith("I couldn't use that date: that date does not exist.")
    assert "Nothing changed" in reply.text
    assert [(f.id, f.due_on) for f in store.open_follow_ups(member.id)] == before
    assert [c.name for c in store.contacts(member.id)] == ["Bob Stein"]
    assert store.events(member.id) == []
