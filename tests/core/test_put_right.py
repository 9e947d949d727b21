"""What newcomer testers could not undo or correct (core8): a logged meeting's day, a follow-up
marked done by mistake, a "Which one?" answered in words, and a note said with `done`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.done_notes import note_said
from bot.core.messages import Reply
from bot.core.parser import parse_command
from bot.core.service import CoachService
from bot.core.which_answer import picked
from storage.records import FollowUpRecord
from tests.core.conversation import say

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

# The clock starts on Monday 2 March 2026, 10:00 UTC (the member's zone is UTC).
TODAY = date(2026, 3, 2)


@pytest.fixture
def service(store: SqlStore, clock: FakeClock) -> CoachService:
    return CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]


def _member_id(store: SqlStore) -> int:
    return store.get_or_create_member("slack", "T1", "U1").id


def _follow_ups(store: SqlStore, name: str) -> list[FollowUpRecord]:
    member = _member_id(store)
    (contact,) = [x for x in store.contacts(member) if x.name == name]
    return list(store.contact_card(member, contact.id).follow_ups)


def _meetings(store: SqlStore, name: str) -> list[date]:
    member = _member_id(store)
    (contact,) = [x for x in store.contacts(member) if x.name == name]
    return [meeting.met_on for meeting in store.contact_card(member, contact.id).meetings]


def _notes(store: SqlStore, name: str) -> str:
    member = _member_id(store)
    (contact,) = [x for x in store.contacts(member) if x.name == name]
    return contact.notes or ""


# --- 1. a logged meeting's day, corrected --------------------------------------------------------


def test_a_corrected_day_moves_the_meeting_and_its_follow_up(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Sarah Chen at the fintech meetup")
    reply = say(service, "sarah chen - met her thursday not today")
    assert _meetings(store, "Sarah Chen") == [date(2026, 2, 26)]  # moved, no second meeting
    (follow_up,) = _follow_ups(store, "Sarah Chen")
    # `met` on Thursday: due three days later (Sunday), so today; the window closes 8 Mar.
    assert follow_up.met_on == date(2026, 2, 26) and follow_up.due_on == TODAY
    assert "Thu 26 Feb" in reply.text and "was Thu 5 Mar" in reply.text
    assert f"#{follow_up.id}" in reply.text and "Sun 8 Mar" in reply.text


def test_right_after_logging_the_day_needs_no_name(service: CoachService, store: SqlStore) -> None:
    say(service, "met Tom Baker yesterday")
    reply = say(service, "sorry it was friday not yesterday")
    assert _meetings(store, "Tom Baker") == [date(2026, 2, 27)]
    assert "Tom Baker" in reply.text and "Fri 27 Feb" in reply.text


def test_a_name_after_met_is_whose_meeting(service: CoachService, store: SqlStore) -> None:
    say(service, "met Marta Silva on sunday")
    say(service, "met Ivo Petrov")  # the conversation is now about Ivo
    say(service, "actually i met marta on tuesday, not sunday")
    assert _meetings(store, "Marta Silva") == [date(2026, 2, 24)]
    assert _meetings(store, "Ivo Petrov") == [TODAY]


def test_a_day_the_member_chose_stays_inside_the_new_window(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Ana Lima")
    say(service, "follow-up Ana Lima on friday")  # 6 Mar
    say(service, "Ana Lima - met her thursday not today")  # window now closes 8 Mar
    (follow_up,) = _follow_ups(store, "Ana Lima")
    assert follow_up.due_on == date(2026, 3, 6)
    say(service, "Ana Lima - met her last monday not thursday")  # 23 Feb: closes 5 Mar
    (follow_up,) = _follow_ups(store, "Ana Lima")
    assert follow_up.due_on == date(2026, 3, 5)


def test_when_the_window_has_closed_it_says_so_and_keeps_the_follow_up(
    service: CoachService, store: SqlStore
) -> None:
    say(service, "met Lee Park")
    reply = say(service, "lee park - met him 3 weeks ago not today")
    assert _meetings(store, "Lee Park") == [date(2026, 2, 9)]
    (follow_up,) = _follow_ups(store, "Lee Park")
    assert follow_up.status == "open" and follow_up.late  # kept, never dropped silently
    assert "window closed on Thu 19 Feb" in reply.text and f"cancel #{follow_up.id}" in reply.text


def test_nobody_to_correct_is_asked_about() -> None:
    result = parse_command("oops it was tuesday, not friday", direct_message=True)
    assert isinstance(result, c.ParseFailure) and result.asks_who


# --- 2. a follow-up marked done by mistake, reopened ---------------------------------------------


def _done_dana_by_mistake(service: CoachService) -> Reply:
    say(service, "met Dana Kim at PyCon — talked about hiring")
    say(service, "met Marcus Obi at PyCon")
    return say(service, "done dana gave")


def test_i_meant_marcus_reopens_dana_as_it_was_and_offers_marcus(
    service: CoachService, store: SqlStore
) -> None:
    _done_dana_by_mistake(service)
    before = next(f for f in _follow_ups(store, "Dana Kim") if f.touch == 1)
    reply = say(service, "oops wrong one, i meant marcus not dana")
    dana = {f.touch: f for f in _follow_ups(store, "Dana Kim")}
    assert dana[1].status == "open" and dana[1].due_on == before.due_on
    assert dana[1].note == before.note == "talked about hiring"
    assert dana[2].status == "cancelled"  # the second touch the done scheduled
    assert store.touch_kind(_member_id(store), dana[1].id) is None
    assert store.touch_ledger(_member_id(store), dana[1].contact_id) == ()
    (marcus,) = _follow_ups(store, "Marcus Obi")
    assert reply.on_yes == f"done #{marcus.id} gave" and "Marcus Obi" in reply.text
    say(service, "yes")
    assert _follow_ups(store, "Marcus Obi")[-1].status == "done"
    assert store.touch_kind(_member_id(store), marcus.id) == ("give", "chosen")


@pytest.mark.parametrize("line", ["undo done dana", "reopen dana", "reopen Dana Kim's follow-up"])
def test_undo_done_reopens(service: CoachService, store: SqlStore, line: str) -> None:
    _done_dana_by_mistake(service)
    reply = say(service, line)
    statuses = sorted((f.touch, f.status) for f in _follow_ups(store, "Dana Kim"))
    assert statuses == [(1, "open"), (2, "cancelled")]
    assert "Reopened" in reply.text and "no longer counts as a give" in reply.text
    # The follow-up is nudged again on its due day.
    member = _member_id(store)
    (first,) = store.open_follow_ups(member)[:1]
    assert first.contact_name in {"Dana Kim", "Marcus Obi"}


def test_a_done_an_hour_ago_is_not_reopened_by_i_meant(
    service: CoachService, store: SqlStore, clock: FakeClock
) -> None:
    _done_dana_by_mistake(service)
    clock.advance(hours=1)
    reply = say(service, "i meant marcus not dana")
    assert "changed nothing" in reply.text
    assert sorted(f.status for f in _follow_ups(store, "Dana Kim")) == ["done", "open"]


def test_nothing_done_nothing_reopened(service: CoachService, store: SqlStore) -> None:
    say(service, "met Dana Kim")
    reply = say(service, "reopen dana")
    assert "nothing to reopen" in reply.text
    assert [f.status for f in _follow_ups(store, "Dana Kim")] == ["open"]


def test_bare_undo_after_done_offers_to_reopen(service: CoachService, store: SqlStore) -> None:
    _done_dana_by_mistake(service)
    reply = say(service, "undo")
    (first,) = [f for f in _follow_ups(store, "Dana Kim") if f.touch == 1]
    assert any(action.command == f"reopen #{first.id}" for action in reply.actions)
    assert first.status == "done"  # offered, not done unasked


# --- 3. what was said survives "Which one?" ------------------------------------------------------


def _two_kemis(service: CoachService) -> Reply:
    say(service, "met Kemi Ade at the MTN meetup")
    say(service, "met Kemi Bello at Andela (new contact)")
    return say(service, "done kemi thanked")


def test_the_which_one_buttons_keep_the_kind(service: CoachService) -> None:
    reply = _two_kemis(service)
    assert "Which one?" in reply.text
    assert all(action.command.endswith(" thanked") for action in reply.actions)


@pytest.mark.parametrize(
    ("answer", "who"),
    [
        ("1", "Kemi Ade"),
        ("Kemi Bello", "Kemi Bello"),
        ("the MTN one", "Kemi Ade"),
        ("2", "Kemi Bello"),
    ],
)
def test_a_typed_answer_picks_one_and_keeps_thanked(
    service: CoachService, store: SqlStore, answer: str, who: str
) -> None:
    _two_kemis(service)
    reply = say(service, answer)
    (done,) = [f for f in _follow_ups(store, who) if f.status == "done"]
    assert store.touch_kind(_member_id(store), done.id) == ("thank", "chosen")
    assert who in reply.text
    other = "Kemi Bello" if who == "Kemi Ade" else "Kemi Ade"
    assert all(f.status == "open" for f in _follow_ups(store, other))


def test_an_answer_that_fits_both_picks_neither(service: CoachService, store: SqlStore) -> None:
    _two_kemis(service)
    say(service, "kemi")
    for name in ("Kemi Ade", "Kemi Bello"):
        assert all(f.status == "open" for f in _follow_ups(store, name))


def test_a_detail_answers_which_contact(service: CoachService) -> None:
    say(service, "met Kemi Ade at the MTN meetup")
    say(service, "met Kemi Bello at Andela (new contact)")
    say(service, "who kemi")
    reply = say(service, "the one from Andela")
    assert reply.text.startswith("**Kemi Bello**")


def test_picked() -> None:
    choices = (
        ("Kemi Ade met at the MTN meetup Mon 2 Mar #1", "a"),
        ("Kemi Bello met at Andela", "b"),
    )
    assert picked("1", choices) == "a" and picked("the second one", choices) == "b"
    assert picked("KEMI ADE", choices) == "a" and picked("the mtn one", choices) == "a"
    assert picked("kemi", choices) is None and picked("3", choices) is None
    assert picked("list", choices) is None and picked("", choices) is None


# --- 4. a note said with done is kept ------------------------------------------------------------


def test_a_note_said_with_done_is_kept_on_the_card(service: CoachService, store: SqlStore) -> None:
    say(service, "met Elena Rossi")
    reply = say(service, "done elena gave, sent her the comp prep questions")
    assert "sent her the comp prep questions" in _notes(store, "Elena Rossi")
    (done,) = [f for f in _follow_ups(store, "Elena Rossi") if f.status == "done"]
    assert store.touch_kind(_member_id(store), done.id) == ("give", "chosen")
    assert "Recorded as a give" in reply.text and "Noted on Elena Rossi" in reply.text
    card = say(service, "who elena")
    assert any(
        "comp prep questions" in field.value
        for section in card.sections
        for field in section.fields
    )


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("done elena gave, sent her the comp prep questions", "sent her the comp prep questions"),
        ("done Jane, gave her the article", "gave her the article"),
        ("done kemi thanked", None),
        ("done #4 thanked", None),
        ("done elena gave", None),
        ("done #5 thanked, the coffee was great early", "the coffee was great"),
    ],
)
def test_the_note_in_a_done_line(line: str, note: str | None) -> None:
    result = parse_command(line, direct_message=True, known_names=("Elena", "Jane", "Kemi"))
    assert isinstance(result, c.DoneCommand) and result.note == note
    assert note_said(line, result) == note


def test_a_note_survives_which_one(service: CoachService, store: SqlStore) -> None:
    say(service, "met Kemi Ade at the MTN meetup")
    say(service, "met Kemi Bello at Andela (new contact)")
    say(service, "done kemi gave, sent her the deck")
    say(service, "Kemi Bello")
    assert "sent her the deck" in _notes(store, "Kemi Bello")
    assert _notes(store, "Kemi Ade") == ""
