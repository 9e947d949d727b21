"""A meeting day without a year that is still ahead this year is asked about, never logged
almost a year back in silence."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.service import CoachService
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(datetime(2027, 1, 5, 9, 0, tzinfo=UTC))  # Tuesday 5 January
    service = CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]
    say(service, "settings timezone Europe/Copenhagen")
    return service


@pytest.mark.parametrize(
    "line", ["met Freja Dahl at the DI breakfast 14/1", "met Freja Dahl on 14 january at DI"]
)
def test_a_day_still_ahead_is_asked_about(service: CoachService, store: SqlStore, line: str):
    reply = say(service, line)
    assert "Thu 14 Jan is still ahead" in reply.text
    assert due_by_name(store) == {}
    assert reply.actions[0].label == "Met on Wed 14 Jan 2026"


def test_a_numeric_day_offers_the_swapped_reading_and_its_button_logs_it(
    service: CoachService, store: SqlStore
):
    reply = say(service, "met Freja Dahl at the DI breakfast 11/1")
    labels = [action.label for action in reply.actions]
    assert labels == ["Met on Sun 11 Jan 2026", "Met on Sun 1 Nov 2026"]
    logged = say(service, reply.actions[1].command)
    assert "at the DI breakfast on Sun 1 Nov 2026" in logged.text


def test_a_recent_day_is_logged_as_before(service: CoachService, store: SqlStore):
    reply = say(service, "met Freja Dahl at the DI breakfast on 30/12")
    assert reply.text.startswith("Logged: you met **Freja Dahl**")
