"""A line the rules return as "not a command" gets the learned guess as its leading button
(issue 11): a cancel, a card, stats, an export, a rename or a list, not the generic "Log a
meeting / Follow up" offer. Drafts and chat get no command button, and nothing runs until the
member taps the button. Every sentence here was written for this file (none is from the
phrasing files the model is trained on)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core import intent_guess
from bot.core.parser import parse_command
from bot.core.service import CoachService
from coach_rules.gate import classify_message
from coach_rules.review import Review, review
from tests.core.conversation import due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
PEOPLE = ("Rohan Mehta", "Omar Haddad", "Lena Fischer", "Marcus Webb")


def gate_kind(text: str) -> str:
    """The draft-or-chat gate the bot runs (`coach_rules.gate`)."""
    return classify_message(text).kind


@pytest.fixture
def reviewed() -> list[str]:
    return []


@pytest.fixture
def service(store: SqlStore, clock: FakeClock, reviewed: list[str]) -> CoachService:
    clock.set(NOW)

    def reviewer(text: str) -> Review:
        reviewed.append(text)
        return review(text)

    coach = CoachService(store, reviewer, clock, sorter=gate_kind)  # type: ignore[arg-type]
    for person in PEOPLE:
        say(coach, f"met {person} at the fintech meetup")
    assert sorted(due_by_name(store)) == sorted(PEOPLE)
    return coach


def _not_a_command(line: str) -> None:
    result = parse_command(line, direct_message=True, known_names=PEOPLE)
    assert isinstance(result, c.NotACommand), f"the rules now read {line!r}: pick another line"


@pytest.mark.parametrize(
    ("line", "label", "command"),
    [
        (
            "no need for the Rohan reminder anymore",
            "Cancel the follow-up with Rohan Mehta",
            "cancel Rohan Mehta",
        ),
        ("omar haddad card pls", "Show Omar Haddad's card", "who Omar Haddad"),
        ("how am I doing this month numbers wise", "Show your stats for the month", "stats month"),
        ("a dump of my data", "Export your data", "export"),
        (
            "spelling of Rohan Mehta should be Rohan Mehra",
            "Rename Rohan Mehta",
            "rename Rohan Mehta",
        ),
        ("overdue wale dikhao", "Show your overdue follow-ups", "list overdue"),
    ],
)
def test_a_line_the_rules_miss_leads_with_the_guessed_command(
    service: CoachService, store: SqlStore, reviewed: list[str], line: str, label: str, command: str
) -> None:
    _not_a_command(line)
    before = due_by_name(store)
    reply = say(service, line)
    assert reply.actions[0].label == label
    assert reply.actions[0].command == command
    assert [a.label for a in reply.actions[1:]] == ["Review as a draft"]
    assert reply.actions[1].command == f"review {line}"
    assert "Log a meeting" not in reply.text and label in reply.text
    assert reply.on_yes is None
    assert due_by_name(store) == before and reviewed == []


def test_nothing_runs_until_the_button_is_tapped(service: CoachService, store: SqlStore) -> None:
    line = "no need for the Rohan reminder anymore"
    reply = say(service, line)
    assert "Rohan Mehta" in due_by_name(store)
    # A typed "yes" does not run the guess: only the button does.
    say(service, "yes")
    assert "Rohan Mehta" in due_by_name(store)
    say(service, reply.actions[0].command)  # the tap: the button sends its command
    assert "Rohan Mehta" not in due_by_name(store)


def test_a_guessed_delete_only_leads_to_the_usual_confirmation(
    service: CoachService, store: SqlStore
) -> None:
    line = "take marcus off my list of people completely"
    _not_a_command(line)
    reply = say(service, line)
    assert reply.actions[0].command == "delete-contact Marcus Webb"
    assert reply.actions[0].style == "danger"
    asked = say(service, reply.actions[0].command)
    assert asked.on_yes is not None and "Marcus Webb" in asked.text
    assert "Marcus Webb" in due_by_name(store)  # asked first, nothing deleted


@pytest.mark.parametrize(
    "line",
    [
        "Hi Lena — loved your point on supplier audits. Attaching the checklist we use; no need "
        "to reply.",
        "Omar, quick one: would you be open to a 15-minute call next week about your data team?",
    ],
)
def test_a_draft_gets_no_command_button(
    service: CoachService, reviewed: list[str], line: str
) -> None:
    _not_a_command(line)
    reply = say(service, line)
    assert reviewed == [line]
    assert not any(a.command.split()[0] in _COMMAND_WORDS for a in reply.actions)


@pytest.mark.parametrize(
    "line", ["haha this week has been wild", "long day, way too many calls lol"]
)
def test_chat_gets_no_command_button(service: CoachService, reviewed: list[str], line: str) -> None:
    _not_a_command(line)
    reply = say(service, line)
    assert reviewed == []
    assert not any(a.command.split()[0] in _COMMAND_WORDS for a in reply.actions)


_COMMAND_WORDS = {
    "cancel",
    "who",
    "stats",
    "export",
    "rename",
    "list",
    "done",
    "snooze",
    "note",
    "delete-contact",
    "forget-me",
    "settings",
    "digest",
}


def test_a_command_that_needs_a_person_is_not_offered_without_a_contact() -> None:
    line = "no need for the Rohan reminder anymore"
    guess = intent_guess.guess_intent(line)
    assert guess is not None and guess.command == "cancel"
    assert intent_guess.guessed_offer(line, ("Omar Haddad",)) is None
    assert intent_guess.guessed_offer(line, PEOPLE) is not None


def test_the_contact_is_found_by_full_name_first_name_or_surname() -> None:
    names = ("Omar Haddad", "Omar Sharif", "Lena Fischer")
    assert intent_guess.named_contact("omar haddad card", names) == ("Omar Haddad", 0)
    assert intent_guess.named_contact("the lena one", names) == ("Lena Fischer", 4)
    assert intent_guess.named_contact("the Fischer reminder", names) == ("Lena Fischer", 4)
    assert intent_guess.named_contact("omar's card", names) is None  # two Omars: nobody


def test_a_guess_below_the_threshold_offers_nothing() -> None:
    line = "a dump of my data"
    guess = intent_guess.guess_intent(line)
    assert guess is not None and guess.command == "export"
    assert intent_guess.guessed_offer(line, PEOPLE, threshold=guess.probability + 1e-9) is None


def test_a_line_the_rules_read_never_calls_the_guess(
    service: CoachService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def guess_never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the guess ran on a line the rules read")

    monkeypatch.setattr(intent_guess, "guessed_offer", guess_never)
    say(service, "cancel Rohan Mehta")
    say(service, "stats month")
    say(service, "Hi Lena — loved your point on supplier audits. Attaching our checklist.")
