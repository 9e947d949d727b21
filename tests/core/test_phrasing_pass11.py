"""The eleventh pass's classes of everyday phrasing, shown by lines that are in no phrasing file.

Read as in the phrasing files: today is Wed 9 Dec 2026, the member has the files' contacts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from bot.core.lower_case_names import a_name_in_its_slot
from bot.core.parser import parse_command
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.core.conversation import say
from tests.core.phrasings import CONTACTS, as_schema
from tests.core.test_service import fake_review

if TYPE_CHECKING:
    from tests.conftest import FakeClock

DRAFT_OR_CHAT = {"command": "chat-or-review"}


def understood(text: str) -> dict[str, Any]:
    return as_schema(parse_command(text, direct_message=True, known_names=CONTACTS))


# --- a lower-case new name where the command puts its person ---------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("followed up with ngozi okafor", {"command": "done", "person": "ngozi okafor"}),
        ("finally reached out to mei ling tan", {"command": "done", "person": "mei ling tan"}),
        ("the reminder with olu bakare is done", {"command": "done", "person": "olu bakare"}),
        ("card for tomas ferreira pls", {"command": "who", "person": "tomas ferreira"}),
        ("show me the profile of ana ruiz", {"command": "who", "person": "ana ruiz"}),
        (
            "who's kwame mensah, I forgot where we met",
            {"command": "who", "person": "kwame mensah"},
        ),
        ("bump lucia to monday", {"command": "snooze", "person": "lucia", "date": "2026-12-14"}),
        (
            "too busy, push diego to friday pls",
            {"command": "snooze", "person": "diego", "date": "2026-12-11"},
        ),
    ],
)
def test_a_lower_case_name_after_the_commands_words_is_a_person(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "followed up with the recruiter",
        "followed up with marketing",
        "quick q — who handles procurement over there?",
        "Open to new roles? Send CV asap.",
        "Followed up as promised — the pilot results are in",
    ],
)
def test_lower_case_things_and_roles_stay_drafts(text: str) -> None:
    assert understood(text) == DRAFT_OR_CHAT


def test_the_slot_rule_wants_a_preposition_or_a_verb_before_the_name() -> None:
    verbs = frozenset({"push"})
    assert a_name_in_its_slot("lena kowalski", "followed up with lena kowalski", verbs)
    assert not a_name_in_its_slot("new roles", "open to new roles", verbs)  # a thing
    assert not a_name_in_its_slot("sales ops", "the sales ops team is done", verbs)  # subject
    assert not a_name_in_its_slot("rahul", "push rahul to friday", verbs)  # one word: ask first
    assert a_name_in_its_slot("rahul", "push rahul to friday", verbs, one_word_before_a_day=True)
    long_clause = "we followed up with lena kowalski about the budget for next year today"
    assert not a_name_in_its_slot("lena kowalski", long_clause, verbs)


# --- a snooze counts the days it is told ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("snooze sam in 5 days", 5),
        ("José wants space, snooze him in 6 days", 6),
        ("zoe later, maybe in 3 days", 3),
        ("#6 later pls, like 4 days", 4),
        ("pospón lo de Kai tres días", 3),
        ("aplaza lo de José dos días", 2),
        ("schieb Omar um zwei Tage", 2),
        ("snooze jane deux jours", 2),
    ],
)
def test_a_snooze_by_a_count_keeps_the_count(text: str, days: int) -> None:
    assert understood(text)["days"] == days
    assert understood(text)["command"] == "snooze"


def test_a_snooze_to_a_day_still_names_the_day() -> None:
    assert understood("push sam to next week") == {
        "command": "snooze",
        "person": "Sam Lee",
        "date": "2026-12-14",
    }


# --- how a meeting came about is no note ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "met Omar for a quick bite at Nandos",
            {"command": "met", "person": "Omar Haddad", "place": "Nandos", "date": "2026-12-09"},
        ),
        (
            "met jane for a hike saturday",
            {"command": "met", "person": "Jane Doe", "date": "2026-12-05"},
        ),
        (
            "had lunch with Jane yesterday, finally!",
            {"command": "met", "person": "Jane Doe", "date": "2026-12-08"},
        ),
        (
            "met Ana Ruiz by accident at the airport, she runs a studio",
            {
                "command": "met",
                "person": "Ana Ruiz",
                "place": "the airport",
                "date": "2026-12-09",
                "note": "she runs a studio",
            },
        ),
    ],
)
def test_what_they_did_together_and_how_it_came_about_are_no_note(
    text: str, want: dict[str, Any]
) -> None:
    assert understood(text) == want


def test_an_adverb_that_starts_a_longer_note_stays() -> None:
    assert understood("met Leo Park at the gym, finally someone who gets it")["note"] == (
        "finally someone who gets it"
    )


# --- "can I <command>?" asks how ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["could I export everything?", "can I export my contacts to a spreadsheet?"]
)
def test_can_i_export_asks_how(text: str) -> None:
    assert understood(text) == {"command": "help", "topic": "export"}


@pytest.mark.parametrize(
    "text", ["can you export my stuff", "can I download all my data", "export my data pls"]
)
def test_asking_for_the_export_gets_it(text: str) -> None:
    assert understood(text) == {"command": "export"}


# --- a note keeps what was said ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("jose said he's moving to Lima, save that", ("José Núñez", "he's moving to Lima")),
        ("note that priya is currently hiring SREs", ("Priya Shah", "currently hiring SREs")),
        ("note kai is vegan", ("Kai Müller", "is vegan")),  # what they are stays whole
        ("note: tomas ferreira has two kids", ("tomas ferreira", "has two kids")),
    ],
)
def test_a_note_keeps_what_was_said(text: str, want: tuple[str, str]) -> None:
    person, note = want
    assert understood(text) == {"command": "note", "person": person, "note": note}


def test_a_lower_case_note_about_a_thing_is_refused() -> None:
    assert understood("note: the deck needs work")["command"] == "failure"


# --- "ok" acknowledges, and still confirms a waiting question ----------------------------------


@pytest.mark.parametrize("text", ["ok", "okay", "ok!", "ok cool"])
def test_a_bare_ok_is_an_acknowledgement(text: str) -> None:
    assert understood(text) == {"command": "chat", "intent": "ack"}


def test_ok_answers_a_waiting_question(store: SqlStore, clock: FakeClock) -> None:
    service = CoachService(store, fake_review, clock)
    say(service, "met Kai Müller yesterday")
    assert "Delete **Kai Müller**" in say(service, "delete Kai").text
    say(service, "ok")
    member = store.get_or_create_member("slack", "T1", "U1")
    assert store.contacts(member.id) == []


def test_ok_with_nothing_asked_only_acknowledges(store: SqlStore, clock: FakeClock) -> None:
    reply = say(CoachService(store, fake_review, clock), "ok")
    assert "no question waiting" not in reply.text
