"""A day said but not read ("until next blursday") is asked for again: never the default two
days, never a note (a tester's snooze moved silently and a follow-up lost its note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.service import CoachService
from tests.core.conversation import dm, say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

KNOWN = ("Fatima Haddad", "Jan Weiss")


@pytest.mark.parametrize(
    "line", ["snooze jan until next blursday", "follow-up fatima next blursday"]
)
def test_a_day_that_does_not_read_is_asked_for_again(line: str) -> None:
    result = dm(line, KNOWN)
    assert isinstance(result, c.ParseFailure)
    assert "couldn't read “blursday” as a day" in result.message


@pytest.mark.parametrize(
    "line",
    ["snooze jan until friday", "follow-up fatima next tuesday", "follow-up jan re the birthday"],
)
def test_days_that_read_and_notes_are_left_alone(line: str) -> None:
    assert not isinstance(dm(line, KNOWN), c.ParseFailure)


def test_the_follow_ups_note_and_day_stay_as_they_were(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    say(service, "met Fatima Haddad at the forum, CISO, wants a speaker")
    member = store.get_or_create_member("slack", "T1", "U1")
    [before] = store.open_follow_ups(member.id)
    reply = say(service, "follow-up fatima next blursday")
    assert "couldn't read" in reply.text
    [after] = store.open_follow_ups(member.id)
    assert (after.due_on, after.note) == (before.due_on, before.note)
