"""A note said about several people met together is shared out by whose name leads each clause."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.notes_per_person import notes_per_person
from bot.core.service import CoachService
from tests.core.conversation import say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

PAIR = ["Mei Tan", "Lars Berg"]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "mei runs growth at a fintech and lars wants our deck",
            ["mei runs growth at a fintech", "lars wants our deck"],
        ),
        (
            "both ex-Google; Lars is moving to Oslo, mei has a podcast",
            ["both ex-Google, mei has a podcast", "both ex-Google, Lars is moving to Oslo"],
        ),
        ("lovely pair, want to hire both", ["lovely pair, want to hire both"] * 2),
        (
            "melons everywhere and larsen was there too",
            ["melons everywhere and larsen was there too"] * 2,
        ),
    ],
)
def test_each_person_keeps_the_clauses_led_by_their_name(note: str, expected: list[str]) -> None:
    assert notes_per_person(note, PAIR) == expected


def test_one_person_keeps_the_whole_note() -> None:
    assert notes_per_person("mei runs growth and lars is her cofounder", ["Mei Tan"]) == [
        "mei runs growth and lars is her cofounder"
    ]


def test_two_people_with_one_first_name_share_the_note() -> None:
    note = "sam is a designer and sam wants a demo"
    assert notes_per_person(note, ["Sam Lee", "Sam Ortiz"]) == [note, note]


def test_each_card_holds_only_what_was_said_about_them(store: SqlStore, clock: FakeClock) -> None:
    clock.set(datetime(2026, 12, 9, 15, 0, tzinfo=UTC))
    service = CoachService(store, fake_review, clock)
    reply = say(
        service,
        "met mei tan and lars berg at the data council yesterday, mei runs growth at a fintech "
        "and lars wants our deck",
    )
    assert "(note: mei runs growth at a fintech)" in reply.text
    assert "(note: lars wants our deck)" in reply.text
    assert [action.label for action in reply.actions] == ["Done: Mei Tan", "Done: Lars Berg"]


def test_a_name_label_is_not_kept_on_the_persons_own_card() -> None:
    """A tester's "met Carlos + Maria from Shopify" stored "Maria: from Shopify" on Maria's
    card, and a rename left "Jonas Berg: Novo Holdings" on Jonas Bergström's."""
    note = "Jonas Berg: Novo Holdings; Ida Holm: EIFO"
    assert notes_per_person(note, ["Jonas Berg", "Ida Holm"]) == ["Novo Holdings", "EIFO"]
    assert notes_per_person("Maria: from Shopify", ["Carlos", "Maria"]) == [None, "from Shopify"]
