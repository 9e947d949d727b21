"""Pausing everything until a day: asked first (with who would end past their window), then
every open follow-up moves there, and one button puts them back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.pause_all import PauseAsked, read
from bot.core.service import CoachService
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.mark.parametrize(
    "line",
    [
        "Going skiing till the 9th of january — could you pause everything?",
        "snooze all until 9/1",
        "pause my reminders until jan 9 please",
        "mute all notifications until Monday",
        "hold all follow-ups till after new year",
    ],
)
def test_asking_to_pause_everything_is_read(line: str):
    assert read(line) == PauseAsked(line)


@pytest.mark.parametrize(
    "line",
    [
        "snooze Mads until 9/1",
        "Could we pause all hiring until the spring? Happy to share our numbers first.",
        "done with all of them",
    ],
)
def test_other_lines_are_not_a_pause(line: str):
    assert read(line) is None


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(datetime(2026, 12, 14, 9, 0, tzinfo=UTC))  # a Monday
    service = CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]
    say(service, "settings timezone Europe/Copenhagen")
    say(service, "met Mads Berg 5 days ago")
    say(service, "met Sara Holm today")
    return service


def test_pausing_asks_first_names_who_ends_late_and_can_be_undone(
    service: CoachService, store: SqlStore
):
    before = due_by_name(store)
    asked = say(service, "I'm away until 11 january, can you pause everything?")
    assert "Mon 11 Jan 2027" in asked.text
    assert "2 open follow-ups" in asked.text
    assert "Mads Berg (closes Sat 19 Dec)" in asked.text
    assert due_by_name(store) == before  # nothing moves before the yes
    paused = say(service, "yes")
    assert due_by_name(store) == {"Mads Berg": "2027-01-11", "Sara Holm": "2027-01-11"}
    [undo] = paused.actions
    assert "undo" in paused.text.lower()
    say(service, undo.command)
    assert due_by_name(store) == before


def test_a_pause_without_a_day_asks_until_when(service: CoachService, store: SqlStore):
    before = due_by_name(store)
    reply = say(service, "snooze all")
    assert reply.text.startswith("Until when?")
    assert due_by_name(store) == before
