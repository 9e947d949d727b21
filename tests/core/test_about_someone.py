"""A line no command reads but that names someone gets an offer to log the meeting or set the
follow-up, read from the name on; nothing is logged until the member taps or says yes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core.about_someone import offer_for
from bot.core.service import CoachService
from coach_rules.review import Review
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

CONTACTS = ("Jane Doe", "Dana Kim", "Omar Haddad")


@pytest.mark.parametrize(
    ("line", "met", "follow_up"),
    [
        (
            "FaceTimed with Hugo Blanc this morning re: the partnership",
            "met Hugo Blanc this morning re: the partnership",
            None,
        ),
        (
            "Ended up talking to Peter Novak for an hour at the mixer",
            "met Peter Novak for an hour at the mixer",
            None,
        ),
        ("Visited Dana at her office today", "met Dana at her office today", None),
        (
            "need to get back to Hana Sato about the deck next week",
            None,
            "follow-up Hana Sato about the deck next week",
        ),
        (
            "gotta ping Dana on friday re the contract",
            None,
            "follow-up Dana on friday re the contract",
        ),
    ],
)
def test_a_line_naming_someone_is_offered_as_what_it_reads_as(
    line: str, met: str | None, follow_up: str | None
) -> None:
    offer = offer_for(line, CONTACTS)
    assert offer is not None
    assert (offer.met, offer.follow_up) == (met, follow_up)


@pytest.mark.parametrize(
    "line",
    [
        "Looking forward to PyData Berlin next week",  # capitals, but no person
        "New York was fun",
        "Hi Hugo, great chatting this morning!",  # a greeting, not a name after a person word
        "did you talk to Peter Novak?",  # a question: help answers those
        "ok cool",
    ],
)
def test_no_offer_without_a_person_the_line_puts_next(line: str) -> None:
    assert offer_for(line, CONTACTS) is None


def test_a_day_that_is_past_is_never_offered_as_a_follow_up() -> None:
    offer = offer_for("chatted to Nadia Petrova yesterday after the keynote", CONTACTS)
    assert offer is not None and offer.follow_up is None


NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)


def never_reviewed(text: str) -> Review:
    raise AssertionError(f"nothing should be reviewed: {text!r}")


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    clock.set(NOW)
    # The gate calls the line chat: without the offer, a stock line would drop the meeting.
    return CoachService(store, never_reviewed, clock, sorter=lambda text: "chat")


def test_the_member_is_asked_and_a_yes_logs_the_meeting(
    service: CoachService, store: SqlStore
) -> None:
    reply = say(service, "FaceTimed with Hugo Blanc this morning re: the partnership")
    assert reply.text.startswith("Is this about Hugo Blanc?")
    assert [a.label for a in reply.actions] == [
        "Log a meeting with Hugo Blanc",
        "Review as a draft",
    ]
    assert due_by_name(store) == {}
    logged = say(service, "yes")
    assert "you met **Hugo Blanc**" in logged.text or "you met Hugo Blanc" in logged.text
    assert list(due_by_name(store)) == ["Hugo Blanc"]


def test_the_day_and_place_said_before_the_name_go_with_the_offer() -> None:
    offer = offer_for(
        "dinner last night in Madrid with Raúl Jiménez, wants us as advisors", CONTACTS
    )
    assert offer is not None
    assert offer.met == "met Raúl Jiménez at Madrid last night, wants us as advisors"


@pytest.mark.parametrize(
    "line", ["nvm the dana follow-up, we dropped that deal", "Sam Lee is actually Sam Lee-Chen"]
)
def test_a_contact_named_without_a_person_word_before_is_not_offered_a_meeting(line: str) -> None:
    assert offer_for(line, (*CONTACTS, "Sam Lee")) is None
