"""Events and the Rule of Two, end to end against the real store (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core import commands as c
from bot.core.messages import Incoming, Reply
from bot.core.parser import parse_command
from bot.core.returns import NO_TOUCH_KINDS, return_fields, returns
from bot.core.rules import RULE_OF_TWO_PEOPLE
from bot.scheduler.jobs import sweep_nudges
from storage.records import MeetingOutcome
from tests.core.test_service import Bot, commands
from tests.scheduler.fakes import RecordingNotifier

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock

# The clock fixture's Monday is 2 March 2026, 10:00 UTC.


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def all_text(reply: Reply) -> str:
    return "\n".join(
        [reply.text]
        + [s.text for s in reply.sections]
        + [f"{f.label}: {f.value}" for s in reply.sections for f in s.fields]
    )


@pytest.mark.parametrize(
    ("line", "name", "goal"),
    [
        ("event PyCon Berlin on 14 Mar", "PyCon Berlin", None),
        ("I'm going to PyCon Berlin on 14 Mar", "PyCon Berlin", None),
        ("add event PyCon Berlin on 14 Mar", "PyCon Berlin", None),
        ("I'll be at the PyCon Berlin on 14 Mar, goal 3", "PyCon Berlin", 3),
        ("event PyCon Berlin on 14 Mar with a goal of 1 person", "PyCon Berlin", 1),
    ],
)
def test_an_event_is_planned_in_plain_words(line: str, name: str, goal: int | None):
    command = parse_command(line, direct_message=True)
    assert isinstance(command, c.EventCommand)
    assert (command.name, command.goal) == (name, goal)
    assert command.when is not None


def test_going_to_do_something_is_not_an_event():
    for line in ("I'm going to follow up with Jane on Friday", "I am going to call Jane tomorrow"):
        assert not isinstance(parse_command(line, direct_message=True), c.EventCommand)


def test_planning_asks_for_the_goal_with_two_people_as_the_default(bot: Bot):
    reply = bot.say("event PyCon Berlin on 14 Mar")
    assert "Planned **PyCon Berlin** on" in reply.text
    assert f"meet {RULE_OF_TWO_PEOPLE} people worth knowing better" in reply.text
    event = bot.store.events(bot.member().id)[0]
    assert (event.name, event.held_on, event.goal_people) == ("PyCon Berlin", date(2026, 3, 14), 2)
    assert commands(reply) == [f"event #{event.id} goal {n}" for n in (1, 2, 3)]
    primary = [a.label for a in reply.actions if a.style == "primary"]
    assert primary == ["2 people"]
    # "yes" keeps the default; a button sets another goal.
    assert "Goal for **PyCon Berlin**" in bot.say("yes").text
    bot.say(f"event #{event.id} goal 3")
    assert bot.store.events(bot.member().id)[0].goal_people == 3


def test_a_goal_beyond_a_few_people_is_refused_and_nothing_changes(bot: Bot):
    bot.say("event PyCon Berlin on 14 Mar")
    reply = bot.say("event PyCon Berlin goal 40")
    assert "pick 1 to 10 people" in reply.text
    assert bot.store.events(bot.member().id)[0].goal_people == RULE_OF_TWO_PEOPLE


def test_an_unknown_event_without_a_day_asks_when(bot: Bot):
    reply = bot.say("event RustConf")
    assert "When is it?" in reply.text
    assert bot.store.events(bot.member().id) == []


def test_met_at_an_event_links_by_name_ignoring_case_accents_and_a_typo(bot: Bot, clock: FakeClock):
    bot.say("event Zürich Tech Meetup on 3 Mar")
    clock.advance(days=2)  # Wednesday 4 March: logged the morning after
    first = bot.say("met Jane Doe at zurich tech meetup")
    assert "at Zürich Tech Meetup on Tue 3 Mar" in first.text
    assert "Zürich Tech Meetup: 1 of 2 people, 0 of 4 touches" in first.text
    second = bot.say("met Omar Haddad at Zurich Tech Meetp — asked about hiring")
    assert "Zürich Tech Meetup: 2 of 2 people, 0 of 4 touches" in second.text
    # The follow-up window counts from the event, not from the day it was logged.
    assert {f.met_on for f in bot.open()} == {date(2026, 3, 3)}


def test_a_meeting_at_a_place_with_no_event_is_not_linked(bot: Bot):
    bot.say("event PyCon Berlin on 14 Mar")  # not yet held: asked, then logged elsewhere
    asked = bot.say("met Jane Doe at PyCon Berlin")
    assert "still ahead" in asked.text
    reply = bot.say(asked.actions[0].command)
    assert "Rule of Two" not in reply.text
    assert bot.store.meeting_outcomes(bot.member().id)[0].event_id is None


def test_rule_of_two_progress_counts_people_and_touches_everywhere(bot: Bot, clock: FakeClock):
    bot.say("event PyCon on 2 Mar")
    bot.say("met Jane Doe at PyCon")
    bot.say("met Omar Haddad at PyCon")
    jane, omar = sorted(bot.open(), key=lambda f: f.contact_name)
    bot.say(f"done #{jane.id}")
    bot.say(f"done #{omar.id}")
    clock.advance(days=15)
    second = next(f for f in bot.open() if f.contact_name == "Jane Doe")
    bot.say(f"done #{second.id}")
    line = "PyCon: 2 of 2 people, 3 of 4 touches"
    for shown in ("list", "stats", "events", "event pycon"):
        assert line in all_text(bot.say(shown)), shown
    home = bot.service.home(Incoming("slack", "T1", "U1", "D1", "", is_direct_message=True))
    assert line in all_text(home)


async def test_the_morning_after_the_event_the_member_is_asked_exactly_once(
    bot: Bot, store: SqlStore, clock: FakeClock
):
    store.update_member(bot.member().id, timezone="Europe/Berlin")
    bot.say("event Berlin Python Meetup on Friday")  # Friday 6 March
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 7, 9, 0, tzinfo=UTC))  # Saturday: the question waits for Monday
    assert await sweep_nudges(store, notifier, clock, "w1") == 0
    clock.set(datetime(2026, 3, 9, 7, 59, tzinfo=UTC))  # Monday 08:59 in Berlin
    assert await sweep_nudges(store, notifier, clock, "w1") == 0
    clock.set(datetime(2026, 3, 9, 8, 0, tzinfo=UTC))  # 09:00, the start of work
    assert await sweep_nudges(store, notifier, clock, "w1") == 1
    assert await sweep_nudges(store, notifier, clock, "w2") == 0
    ((member, reply),) = notifier.to_members
    assert member.user_id == "U1"
    assert reply.text.startswith(
        "**Did you meet anyone worth following up at Berlin Python Meetup?**"
    )
    assert "`met Jane Doe at Berlin Python Meetup" in reply.text
    assert "event Berlin Python Meetup" in commands(reply)


async def test_no_morning_after_question_once_everyone_aimed_for_is_logged(
    bot: Bot, store: SqlStore, clock: FakeClock
):
    bot.say("event Data Council on Friday goal 2")  # Friday 6 March
    clock.set(datetime(2026, 3, 6, 21, 0, tzinfo=UTC))
    bot.say("met Lin Wei at Data Council")
    assert bot.rows(
        "SELECT count(*) FROM nudges WHERE event_id IS NOT NULL AND status='pending'"
    ) == [(1,)]
    bot.say("met Oskar Berg at Data Council")  # two of two: nothing left to ask
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 9, 10, 0, tzinfo=UTC))
    await sweep_nudges(store, notifier, clock, "w1")
    assert not any("Did you meet anyone" in reply.text for _, reply in notifier.to_members)


def test_moving_an_event_moves_its_question(bot: Bot, store: SqlStore):
    bot.say("event PyCon on 14 Mar")
    bot.say("event PyCon on 21 Mar")
    events = store.events(bot.member().id)
    assert [e.held_on for e in events] == [date(2026, 3, 21)]
    pending = bot.rows("SELECT send_at FROM nudges WHERE event_id IS NOT NULL AND status='pending'")
    assert len(pending) == 1
    assert str(pending[0][0]).startswith("2026-03-23")  # the Monday after Saturday 21 March


def test_events_are_exported_and_forgotten(bot: Bot, store: SqlStore):
    bot.say("event PyCon on 2 Mar")
    bot.say("met Jane Doe at PyCon")
    member = bot.member()
    exported = store.export_member(member.id)
    assert [e["name"] for e in exported["events"]] == ["PyCon"]
    assert len(exported["event_meetings"]) == 1
    counts = store.forget_member(member.id)
    assert counts["events"] == 1 and counts["event_meetings"] == 1
    assert bot.rows("SELECT count(*) FROM events") == [(0,)]
    assert bot.rows("SELECT count(*) FROM nudges") == [(0,)]


def test_return_on_time_per_event_and_place(bot: Bot, clock: FakeClock):
    bot.say("event PyCon on 2 Mar")
    bot.say("met Jane Doe at PyCon")
    bot.say("met Omar Haddad at the Rust meetup")
    bot.say("met Ana Ruiz at rust meetup")
    jane = next(f for f in bot.open() if f.contact_name == "Jane Doe")
    clock.advance(days=2)
    bot.say(f"done #{jane.id} gave")
    reply = bot.say("stats")
    text = all_text(reply)
    assert "**Return on your networking time**" in text
    assert "**PyCon** (event)" in text
    assert "Followed up within 10 days: 100% (1 of 1)" in text
    # The Rust meetup's two people are still inside their window: not misses yet.
    assert "Followed up within 10 days: — (2 still inside the window)" in text
    assert "Give:ask: give:ask 1:0 (and 0 thank-yous)" in text  # Jane's touch was a give
    assert f"Give:ask: {NO_TOUCH_KINDS}" in text  # no touch yet with the Rust meetup's people
    clock.advance(days=9)  # day 11: both windows have closed without a follow-up
    assert "Followed up within 10 days: 0% (0 of 2)" in all_text(bot.say("stats"))


def test_people_still_inside_their_window_are_left_out_of_the_share():
    today = date(2025, 5, 20)
    outcomes = [
        MeetingOutcome(1, 10, date(2025, 5, 1), "Meetup", None, None, first_touch_in_window=True),
        MeetingOutcome(2, 11, date(2025, 5, 2), "Meetup", None, None),  # window closed: a miss
        MeetingOutcome(3, 12, date(2025, 5, 15), "Meetup", None, None),  # window still open
    ]
    (row,) = returns(outcomes, today=today)
    assert (row.people_met, row.window_open, row.window_decided) == (3, 1, 2)
    assert row.share_followed_up == 0.5
    shown = {f.label: f.value for f in return_fields(row)}
    assert shown["Followed up within 10 days"] == "50% (1 of 2); 1 still inside the window"


def test_still_in_touch_after_ninety_days():
    met = date(2025, 1, 1)
    outcomes = [
        MeetingOutcome(1, 10, met, "Meetup", None, None, last_touch_on=met + timedelta(days=95)),
        MeetingOutcome(2, 11, met, "meetup", None, None, last_touch_on=met + timedelta(days=20)),
        MeetingOutcome(3, 12, date(2025, 5, 1), "Meetup", None, None),
    ]
    (row,) = returns(outcomes, today=date(2025, 5, 10))
    assert (row.where, row.people_met, row.met_long_ago, row.still_in_touch) == (
        "Meetup",
        3,
        2,
        1,
    )


def test_a_meeting_long_after_an_event_of_that_name_is_another_occasion(bot: Bot, clock: FakeClock):
    bot.say("event Rust Meetup on 2 Mar")
    clock.advance(days=30)
    reply = bot.say("met Jane Doe at Rust Meetup")
    assert "Rule of Two" not in reply.text
    assert "at Rust Meetup on Wed 1 Apr" in reply.text
    assert bot.store.meeting_outcomes(bot.member().id)[0].event_id is None


def test_moving_an_event_says_so_once(bot: Bot):
    bot.say("event KubeCon EU on 20 Mar")
    reply = bot.say("event kubecon eu on 21 Mar")
    assert reply.text.startswith("Moved **KubeCon EU**.")
    assert reply.text.count("21 Mar") == 1


def test_an_event_is_named_by_its_number_from_a_button(bot: Bot):
    bot.say("event PyCon on 20 Mar")
    [event] = bot.store.events(bot.member().id)
    bot.say(f"event #{event.id} on 21 Mar")
    assert [(e.name, e.held_on) for e in bot.store.events(bot.member().id)] == [
        ("PyCon", date(2026, 3, 21))
    ]
    assert "can't find event #999" in bot.say("event #999 goal 3").text


@pytest.mark.parametrize("answer", ["3 people", "goal 3", "my goal is 3"])
def test_the_goal_question_can_be_answered_in_words(bot: Bot, answer: str):
    bot.say("event DevOpsDays on 20 Mar")
    bot.say("event PyCon on 14 Mar")
    reply = bot.say(answer)
    assert "Goal for **PyCon**: meet 3 people" in reply.text
    goals = {e.name: e.goal_people for e in bot.store.events(bot.member().id)}
    assert goals == {"PyCon": 3, "DevOpsDays": RULE_OF_TWO_PEOPLE}


def test_a_goal_with_no_event_planned_says_to_plan_one(bot: Bot):
    assert "Plan one first" in bot.say("goal 3").text


def test_list_shows_upcoming_events_even_with_nothing_to_follow_up(bot: Bot):
    bot.say("event PyCon Berlin on 14 Mar")
    reply = bot.say("list")
    assert reply.text.startswith("No open follow-ups.")
    assert "PyCon Berlin: 0 of 2 people, 0 of 4 touches" in all_text(reply)


def test_a_second_touch_is_no_late_follow_up_in_the_stats(bot: Bot, clock: FakeClock):
    bot.say("met Jane Doe at PyCon")
    (first,) = bot.open()
    clock.advance(days=2)
    bot.say(f"done #{first.id} gave")
    (second,) = bot.open()  # the rule of two's second touch, 14 days on
    clock.advance(days=14)
    bot.say(f"done #{second.id} gave")
    text = all_text(bot.say("stats month"))
    assert "Done within 10 days: 100% (1 of 1 first follow-ups)" in text


def test_a_window_that_closed_without_a_follow_up_counts_against_the_share(
    bot: Bot, clock: FakeClock
):
    bot.say("met Jane Doe at PyCon")
    bot.say("met Omar Haddad at PyCon")
    jane = next(f for f in bot.open() if f.contact_name == "Jane Doe")
    clock.advance(days=2)
    bot.say(f"done #{jane.id} gave")
    clock.advance(days=10)  # Omar's window has closed with no follow-up
    text = all_text(bot.say("stats month"))
    assert "Done within 10 days: 50% (1 of 2 first follow-ups; 1 window missed)" in text
