"""Pass 24: what two newcomer testers typed (a recruiter in Bengaluru typing Hinglish, a
community lead in Accra), shown on invented lines of the same families: "on <a call>" and "on
9th" in a meeting line, "parso" for a meeting, several people in one done/snooze/cancel, a time
of day kept out of notes, Hinglish commands, a place's trailing "too", "&" between two people met,
kinds given per person and "i meant X" corrections."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.dates import AdjacentDay, DayOfMonth, resolve_past
from bot.core.service import CoachService
from bot.core.several_commands import in_parts
from tests.core.conversation import WEDNESDAY, coach_on_wednesday, dm, due_by_name, say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = WEDNESDAY


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    return coach_on_wednesday(store, clock)


# 1. "on <a call or channel>" is how they met; "on 9th" is a day; the meeting is never lost.
@pytest.mark.parametrize(
    ("line", "name", "place"),
    [
        ("met Kavya Rao yesterday on zoom call, SDE2 at Swiggy", "Kavya Rao", None),
        ("met Arun 3/12 on call", "Arun", None),
        ("met Efe 12/11 on a quick intro call", "Efe", None),
        ("met Nana Ama on google meet today", "Nana Ama", None),
        ("met Sipho on whatsapp yesterday, wants the deck", "Sipho", "whatsapp"),
        ("met Lerato on the rooftop", "Lerato", "the rooftop"),
    ],
)
def test_a_call_after_on_is_how_they_met(line: str, name: str, place: str | None) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand), result
    assert result.person.name == name
    assert result.place == place


def test_an_ordinal_after_on_is_the_day_and_a_street_stays_in_the_place() -> None:
    ritu = dm("met Farida on 4th")
    assert isinstance(ritu, c.MetCommand) and ritu.when == DayOfMonth(4)
    street = dm("saw Omar at Blue Bottle on 5th this morning")
    assert isinstance(street, c.MetCommand) and street.place == "Blue Bottle on 5th"


def test_a_mistyped_day_after_on_is_still_asked_for() -> None:
    assert isinstance(dm("met Ritu on decmbr 3rd at the cafe"), c.MetCommand | c.ParseFailure)


# 2. "parso" (and "narso") look back for a meeting, forward for a follow-up.
@pytest.mark.parametrize(
    ("line", "days"), [("met Kabir parso at the expo", 2), ("met Ira narso", 3)]
)
def test_parso_is_before_today_for_a_meeting(line: str, days: int) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand), result
    assert result.when == AdjacentDay(days)
    assert result.when is not None
    assert resolve_past(result.when, NOW.date()) == NOW.date() - timedelta(days=days)


def test_parso_is_after_today_for_a_follow_up() -> None:
    result = dm("follow up kabir parso")
    assert isinstance(result, c.FollowUpCommand) and result.when == AdjacentDay(2)


# 3. Several people in one done, snooze or cancel: each gets the command.
@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "done meena, arjun, sahil - shared the Zoho opening with all 3",
            [
                "done meena - shared the Zoho opening with all 3",
                "done arjun - shared the Zoho opening with all 3",
                "done sahil - shared the Zoho opening with all 3",
            ],
        ),
        (
            "done kofi n ama - sent both the deck",
            ["done kofi - sent the deck", "done ama - sent the deck"],
        ),
        ("done esi & kwesi", ["done esi", "done kwesi"]),
        ("snooze tara n vik 4 days", ["snooze tara 4 days", "snooze vik 4 days"]),
        (
            "snooze Ana Lima + Tom Berg next week",
            ["snooze Ana Lima next week", "snooze Tom Berg next week"],
        ),
        ("cancel abena and yaa pls", ["cancel abena", "cancel yaa"]),
        (
            "cancel omar, ines and chen, the deal is off",
            ["cancel omar", "cancel ines", "cancel chen"],
        ),
    ],
)
def test_each_person_gets_the_command(line: str, parts: list[str]) -> None:
    assert in_parts(line) == parts


@pytest.mark.parametrize(
    "line", ["snooze priya 3 days", "cancel priya", "done nadia, joel, sent the deck"]
)
def test_one_person_or_a_loose_note_is_not_split(line: str) -> None:
    assert in_parts(line) is None


def test_snoozing_two_people_moves_both(service: CoachService, store: SqlStore) -> None:
    say(service, "met tara and vik at the hiring drive")
    say(service, "snooze tara n vik 4 days")
    due = due_by_name(store)
    assert due["Tara"] == due["Vik"] != "2026-12-14"


# 4. A time of day after the day is no note.
@pytest.mark.parametrize(
    "line",
    ["follow-up sahil kal subah", "follow up sahil kal shaam", "follow up sahil tomorrow eod"],
)
def test_a_time_of_day_is_no_note(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.FollowUpCommand), result
    assert result.note is None


# 5. Hinglish questions and commands.
@pytest.mark.parametrize(
    ("line", "kind", "name"),
    [
        ("aaj kisko call karna hai?", c.ListCommand, None),
        ("aaj kaun due hai", c.ListCommand, None),
        ("gm, whos due today?", c.ListCommand, None),
        ("neha ko mail kiya, shared the SRE JD. done", c.DoneCommand, "neha"),
        ("vikram ko snooze kar do till monday", c.SnoozeCommand, "vikram"),
        ("vikram ko friday tak snooze kar do", c.SnoozeCommand, "vikram"),
        ("Sneha ka surname Kulkarni hai, update kar do", c.RenameCommand, "Sneha"),
        ("fyi kojo said hes not interested, drop it", c.CancelCommand, "kojo"),
    ],
)
def test_hinglish_and_reasons(line: str, kind: type, name: str | None) -> None:
    result = dm(line)
    assert isinstance(result, kind), result
    if name is not None:
        who = getattr(result, "target", None) or getattr(result, "person", None)
        assert isinstance(who, c.PersonRef) and who.name == name


def test_aaj_is_today() -> None:
    assert dm("aaj kisko ping karna hai?") == c.ListCommand(filter="today")


def test_a_surname_renames() -> None:
    result = dm("Sneha ka surname Kulkarni hai, update pls")
    assert isinstance(result, c.RenameCommand) and result.new_name == "Sneha Kulkarni"


def test_a_touch_told_in_hinglish_keeps_what_was_sent() -> None:
    result = dm("neha ko mail kiya, shared the SRE JD. done")
    assert isinstance(result, c.DoneCommand) and result.note == "shared the SRE JD"


# 6. A trailing "too" is no part of a place; "&" joins two people met.
@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("met kwame asante @ impact hub too", "impact hub"),
        ("met esi at the ghana tech summit as well", "the ghana tech summit"),
    ],
)
def test_too_is_no_part_of_the_place(line: str, place: str) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand) and result.place == place


def test_an_ampersand_joins_two_people() -> None:
    result = dm("met Kojo & Adwoa (siblings, both in fintech)")
    assert isinstance(result, c.MetCommand)
    assert [p.name for p in (result.person, *result.others)] == ["Kojo", "Adwoa"]
    assert dm("met Tom at Barnes & Noble").place == "Barnes & Noble"  # type: ignore[union-attr]


# 7. Kinds given per person, and "i meant X" after the wrong one.
@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("sent both. kojo = gave, adwoa = asked", ["done kojo gave", "done adwoa asked"]),
        ("kojo: thanked, adwoa: gave", ["done kojo thanked", "done adwoa gave"]),
    ],
)
def test_a_kind_per_person(line: str, parts: list[str]) -> None:
    assert in_parts(line) == parts


def test_i_meant_the_other_one(service: CoachService, store: SqlStore) -> None:
    say(service, "met kojo and adwoa at the hub")
    say(service, "done adwoa gave")
    reply = say(service, "ugh wrong one, i meant kojo. adwoa still pending")
    assert "Adwoa" in reply.text and "Kojo" in reply.text
    assert "Adwoa" in due_by_name(store)


def test_a_meeting_on_a_call_is_logged(service: CoachService, store: SqlStore) -> None:
    say(service, "met Kavya Rao yesterday on zoom call, SDE2 at Swiggy")
    assert "Kavya Rao" in due_by_name(store)
