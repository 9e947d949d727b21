"""Pass 22: families of lines two newcomer testers typed, each with examples of our own (never
the testers' lines): several people in one `met` line (`people_met`), several commands in one
line (`several_commands`) and corrections said right after (`said_again`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.dates import RelativeDays, WeekdaySpec
from bot.core.service import CoachService
from bot.core.several_commands import in_parts
from tests.core.conversation import (
    WEDNESDAY,
    card_text,
    coach_on_wednesday,
    dm,
    due_by_name,
    names_met,
    say,
)

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

NOW = WEDNESDAY


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    return coach_on_wednesday(store, clock)


def _follow_up_ids(store: SqlStore) -> list[int]:
    member = store.get_or_create_member("slack", "T1", "U1")
    return [f.id for f in store.open_follow_ups(member.id)]


def _kinds(store: SqlStore, ids: list[int]) -> list[str | None]:
    member = store.get_or_create_member("slack", "T1", "U1")
    kinds = [store.touch_kind(member.id, number) for number in ids]
    return [kind[0] if kind else None for kind in kinds]


# 1. Several people in one `met` line: each logged, with the shared place and day.
@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "met nadia, joel kim, bo and tariq at the hack night on tuesday",
            ["nadia", "joel kim", "bo", "tariq"],
        ),
        (
            "met Nadia Rossi, Joel Kim, Bo Lind at the hack night on tuesday",
            ["Nadia Rossi", "Joel Kim", "Bo Lind"],
        ),
        (
            "met Nadia (figma), Joel (vercel), Bo (ramp) at the hack night tue",
            ["Nadia", "Joel", "Bo"],
        ),
        (
            "met Nadia (figma), Joel (vercel) and Bo at the hack night on tuesday",
            ["Nadia", "Joel", "Bo"],
        ),
    ],
)
def test_a_list_of_people_keeps_the_place_and_day(line: str, names: list[str]) -> None:
    result = dm(line)
    assert names_met(result) == names
    assert isinstance(result, c.MetCommand)
    assert result.place == "the hack night" and result.when == WeekdaySpec(1)


def test_each_aside_stays_with_its_person() -> None:
    result = dm("met Nadia (figma), Joel (vercel), Bo (ramp) at the hack night tue")
    assert isinstance(result, c.MetCommand)
    assert result.note == "Nadia: figma; Joel: vercel; Bo: ramp"


def test_both_from_one_place_is_said_of_both() -> None:
    result = dm("met gus + hana (both from canva) at the design meetup on monday evening")
    assert names_met(result) == ["gus", "hana"]
    assert isinstance(result, c.MetCommand)
    assert result.note == "from canva" and result.when == WeekdaySpec(0)


def test_place_and_day_said_first() -> None:
    result = dm("at the rust meetup yesterday met: Gus (infra), Hana (ml @ canva), Ola")
    assert names_met(result) == ["Gus", "Hana", "Ola"]
    assert isinstance(result, c.MetCommand)
    assert result.place == "the rust meetup" and result.when == RelativeDays(-1)
    assert result.note == "Gus: infra; Hana: ml @ canva"


@pytest.mark.parametrize(
    "line",
    [
        "met Gus at the rust meetup, also met Hana there",
        "met Gus at the rust meetup and also Hana too",
    ],
)
def test_one_more_there_too(line: str) -> None:
    result = dm(line)
    assert names_met(result) == ["Gus", "Hana"]
    assert isinstance(result, c.MetCommand) and result.place == "the rust meetup"
    assert result.note is None


def test_one_more_after_the_first_ones_line() -> None:
    result = dm("met Gus at the rust meetup yesterday, and also Hana from Canva - hiring in ml")
    assert names_met(result) == ["Gus", "Hana"]
    assert isinstance(result, c.MetCommand)
    assert result.place == "the rust meetup" and result.when == RelativeDays(-1)
    assert result.note == "Hana: from Canva, hiring in ml"


@pytest.mark.parametrize(
    "line",
    [
        "met Nadia Rossi, Figma PM at the hack night",  # a description, not a second person
        "met Joel, great guy, at the hack night",
        "met nadia, smart and funny",
        "met Gus at the rust meetup, and also talked about hiring",
    ],
)
def test_a_description_is_no_second_person(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand) and not result.others


def test_more_than_four_is_asked_in_parts() -> None:
    result = dm("met Ann, Bo, Cy, Di and Ed at the hack night on tuesday")
    assert isinstance(result, c.ParseFailure) and "a few at a time" in result.message


def test_each_person_gets_a_meeting_and_their_own_aside(service: CoachService) -> None:
    reply = say(service, "met Nadia (figma), Joel (vercel), Bo (ramp) at the hack night tue")
    assert reply.text.count("Logged") == 3
    assert "figma" in card_text(service, "Nadia") and "vercel" not in card_text(service, "Nadia")
    assert "ramp" in card_text(service, "Bo") and "Tue 8 Dec" in card_text(service, "Bo")


# 2. Several commands in one line.
def test_split_in_parts() -> None:
    assert in_parts("done nadia gave, joel thanked") == ["done nadia gave", "done joel thanked"]
    assert in_parts("done nadia gave - sent the deck; done joel thanked; done bo asked") == [
        "done nadia gave - sent the deck",
        "done joel thanked",
        "done bo asked",
    ]
    assert in_parts("met Gus at the expo, keen on rust; met Hana at the gym din") == [
        "met Gus at the expo, keen on rust",
        "met Hana at the gym",
    ]
    assert in_parts("done nadia gave, she thanked me") is None  # a note, no second touch
    assert in_parts("done nadia, sent a thank-you card") is None
    assert in_parts("done nadia thanked, joel kim was an ask") == [
        "done nadia thanked",
        "done joel kim asked",
    ]
    assert in_parts("done ivy gave & snooze raj 3 days") is None  # two: `two_commands`


def test_each_done_keeps_its_own_kind_and_note(service: CoachService, store: SqlStore) -> None:
    for name in ("Nadia Rossi", "Joel Kim", "Bo Lind"):
        say(service, f"met {name} at the expo yesterday")
    ids = _follow_up_ids(store)
    reply = say(service, "done nadia gave - sent her the deck; done joel thanked; done bo asked")
    assert reply.text.count("Done: follow-up") == 3
    assert _kinds(store, ids) == ["give", "thank", "ask"]
    assert "sent her the deck" in card_text(service, "Nadia Rossi")
    assert "deck" not in card_text(service, "Joel Kim")


def test_a_second_name_with_a_kind_is_no_note(service: CoachService, store: SqlStore) -> None:
    say(service, "met Nadia Rossi at the expo yesterday")
    say(service, "met Joel Kim at the expo yesterday")
    ids = _follow_up_ids(store)
    say(service, "done nadia thanked, joel gave")
    assert _kinds(store, ids) == ["thank", "give"]
    assert "joel" not in card_text(service, "Nadia Rossi").lower()


def test_two_meetings_each_where_it_was(service: CoachService) -> None:
    reply = say(service, "met Gus Amato at the expo, keen on rust; met Hana Ito at the gym")
    assert reply.text.count("Logged") == 2
    assert "the gym" in card_text(service, "Hana Ito") and "rust" not in card_text(
        service, "Hana Ito"
    )


def test_a_part_not_understood_is_said(service: CoachService) -> None:
    say(service, "met Nadia Rossi at the expo yesterday")
    say(service, "met Joel Kim at the expo yesterday")
    reply = say(service, "done nadia gave; done joel thanked; done zed okafor asked")
    assert reply.text.count("Done: follow-up") == 2
    assert "zed okafor" in reply.text.lower()


# 3. Put right as it is said, or right after.
@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("follow-up Kai Obi 12/14, wait no 12/15", "2026-12-15"),
        ("remind me about kai obi on friday, I mean monday", "2026-12-14"),
        ("follow up w/ kai obi 12/14 sorry, 12/16", "2026-12-16"),
        ("follow-up kai obi 12/14, wait no 12/15, actually 12/17", "2026-12-17"),
    ],
)
def test_the_day_said_last_is_meant(
    service: CoachService, store: SqlStore, line: str, day: str
) -> None:
    say(service, "met Kai Obi at the expo yesterday")
    say(service, line)
    assert due_by_name(store)["Kai Obi"] == day


@pytest.mark.parametrize(
    "line",
    [
        "follow up with Kai Obi friday, sorry for the wait",
        "met Kai Obi monday, actually great chat",
    ],
)
def test_words_after_a_sorry_that_are_no_day_change_nothing(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.FollowUpCommand | c.MetCommand)
    assert result.when == WeekdaySpec(4 if "friday" in line else 0)


@pytest.mark.parametrize(
    "line",
    ["wait no, it was monday", "oops monday pala", "no wait, we met on monday", "it was monday"],
)
def test_a_meeting_day_put_right_after_logging_it(
    service: CoachService, store: SqlStore, line: str
) -> None:
    say(service, "met Kai Obi at the expo")
    reply = say(service, line)
    assert "Moved" in reply.text and "Mon 7 Dec" in reply.text
    assert due_by_name(store)["Kai Obi"] == "2026-12-10"


def test_a_bare_day_after_a_meeting_is_asked(service: CoachService) -> None:
    say(service, "met Kai Obi at the expo")
    reply = say(service, "sorry, monday")
    assert "Which should be on monday" in reply.text and "Moved" not in reply.text


def test_a_correction_about_nobody_asks_whose() -> None:
    result = dm("wait no, it was monday")
    assert isinstance(result, c.ParseFailure) and result.asks_who


def test_the_kind_put_right_after_done(service: CoachService, store: SqlStore) -> None:
    say(service, "met Kai Obi at the expo yesterday")
    ids = _follow_up_ids(store)
    say(service, "done kai gave")
    reply = say(service, "wait no, that was an ask")
    assert "was an ask" in reply.text
    assert _kinds(store, ids) == ["ask"]
    member = store.get_or_create_member("slack", "T1", "U1")
    assert len(store.open_follow_ups(member.id)) == 1  # only the second touch, nothing closed


def test_a_list_after_done_is_one_touch_each() -> None:
    assert in_parts("done nadia, joel and bo") == ["done nadia", "done joel", "done bo"]
    assert in_parts("done nadia & joel thanked") == ["done nadia thanked", "done joel thanked"]
    assert in_parts("done nadia and sent her the deck") is None


def test_each_touch_button_names_whom_it_is_for(service: CoachService) -> None:
    say(service, "met Nadia Rossi, Joel Kim and Bo Lind at the expo yesterday")
    reply = say(service, "done nadia, joel and bo")
    assert reply.text.count("Done: follow-up") == 3
    assert {a.label for a in reply.actions} >= {"Gave: nadia", "Thanked: bo"} or {
        a.label.lower() for a in reply.actions
    } >= {"gave: nadia", "thanked: bo"}


def test_a_second_meeting_that_reads_as_nothing_stays_in_the_note(service: CoachService) -> None:
    reply = say(service, "met Gus Amato at the expo; met his whole team too")
    assert reply.text.count("Logged") == 1 and "whole team" in card_text(service, "Gus Amato")


@pytest.mark.parametrize(
    "line",
    [
        "met gus + hana (both from canva) at the design meetup monday lunch",
        "met Gus Amato at the design meetup yesterday dinner, keen on wasm",
    ],
)
def test_a_meal_after_the_day_is_no_part_of_the_place(line: str) -> None:
    result = dm(line)
    assert isinstance(result, c.MetCommand) and result.place == "the design meetup"


def test_two_names_joined_by_an_ampersand_are_two_people() -> None:
    # Pass 24 (a tester's "met Ganesh & Divya (couple, both QA)"): "&" joins two people, as
    # "and" does; it kept them as one contact "Ida & Bea" until then.
    assert names_met(dm("met Ida & Bea yesterday")) == ["Ida", "Bea"]
