"""`contacts` (and "who have I met?", a bare `who`, "list my contacts"): everyone the member has
logged, latest met first, with where and when they met and the next touch due."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.contacts import CONTACTS_SHOWN
from bot.core.help import COMMAND_HELP
from bot.core.language import _ORDER
from bot.core.parser import parse_command
from bot.core.service import CoachService
from tests.core.conversation import say
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.mark.parametrize(
    "line",
    [
        "contacts",
        "who",
        "who have I met?",
        "so who have i met so far",
        "who do I know",
        "show me my contacts",
        "my contacts",
        "list my contacts pls",
        "everyone I've met",
    ],
)
def test_asking_for_everyone_is_the_contacts_command(line: str) -> None:
    assert parse_command(line, direct_message=True) == c.ContactsCommand()


@pytest.mark.parametrize(
    "line",
    [
        "my contacts are mostly in Berlin, any tips?",
        "who is Dana",
        "list all",
        "contacts in Lagos who might want our product?",
    ],
)
def test_other_lines_that_mention_contacts_are_not_the_list(line: str) -> None:
    assert parse_command(line, direct_message=True, known_names=["Dana Kim"]) != c.ContactsCommand()


def test_the_list_is_latest_met_first_with_place_day_and_the_next_touch(
    store: SqlStore, clock: FakeClock
) -> None:
    service = CoachService(store, fake_review, clock)
    say(service, "met Ana Ruiz at PyCon 3 days ago")
    say(service, "met Ben Okafor yesterday")
    say(service, "done Ana")
    text = say(service, "who have I met?").text
    assert text.startswith("You have 2 contacts, latest met first:")
    ben, ana = text.splitlines()[1:3]
    assert ben.startswith("• **Ben Okafor** — met ") and "follow-up due" in ben
    assert ana.startswith("• **Ana Ruiz** — met at PyCon ") and "second touch due" in ana


def test_no_contacts_yet_says_how_to_log_one(store: SqlStore, clock: FakeClock) -> None:
    reply = say(CoachService(store, fake_review, clock), "contacts")
    assert reply.text.startswith("You have no contacts yet.") and "met " in reply.text


def test_a_long_list_is_cut_and_says_how_many_more(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    member = store.get_or_create_member("slack", "T1", "U1")
    for n in range(CONTACTS_SHOWN + 3):
        store.add_contact(member.id, f"Person {n:02d}")
    lines = say(service, "contacts").text.splitlines()
    assert len(lines) == 1 + CONTACTS_SHOWN + 1
    assert lines[-1].startswith("…and 3 more.")


def test_every_command_with_phrasings_is_tried_in_the_phrasing_order() -> None:
    with_phrasings = {spec.name for spec in COMMAND_HELP if spec.phrasings}
    assert with_phrasings <= set(_ORDER)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("who did I meet at PyCon?", "PyCon"),
        ("so who have i met in lisbon", "lisbon"),
        ("contacts at the Hilton", "the Hilton"),
    ],
)
def test_asking_who_was_met_somewhere_keeps_the_place(line: str, place: str) -> None:
    assert parse_command(line, direct_message=True) == c.ContactsCommand(place=place)


def test_only_the_people_met_there_are_listed(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    say(service, "met Ana Ruiz at PyCon Berlin yesterday")
    say(service, "met Ben Okafor at the Hilton")
    text = say(service, "who did I meet at pycon?").text
    assert text.startswith("You have 1 contact met at pycon, latest met first:")
    assert "Ana Ruiz" in text and "Ben Okafor" not in text
    nobody = say(service, "contacts at Lisbon").text
    assert nobody.startswith("You haven't logged anyone met at Lisbon.")
