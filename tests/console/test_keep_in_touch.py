"""Keep in touch in `netcoach try`: the numbered offer, and the check-in when it comes due."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.console.test_console import Console

if TYPE_CHECKING:
    from storage.store import SqlStore


@pytest.fixture
def console(store: SqlStore) -> Console:
    return Console(store)


def test_the_offer_is_numbered_and_the_check_in_arrives_in_simulated_time(console: Console):
    console.type("met Jane Doe", "done Jane")  # Mon 2 Mar: the second touch is due Mon 16 Mar
    assert "Second touch with Jane Doe" in console.type("/clock +14d", "/clock +1h")

    offered = console.type("1")  # the second-touch nudge's Done
    assert "Keep in touch with Jane Doe?" in offered
    assert "[1] Monthly → keep-in-touch Jane Doe monthly" in offered
    assert "[3] Off → keep-in-touch Jane Doe off" in offered

    assert "Keeping in touch with Jane Doe monthly" in console.type("1")
    assert "check in" not in console.type("/clock +30d")  # Wed 15 Apr, 09:00
    shown = console.type("/clock +1d")
    assert "nudge · Thu 16 Apr 09:00 UTC" in shown
    assert "Time to check in with Jane Doe" in shown
