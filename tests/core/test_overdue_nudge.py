"""The overdue nudge: one reminder the working day after a first follow-up's due day, while
its 10-day window is still open."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.nudges import OVERDUE, FollowUpPlan, nudge_reply, plan_nudges
from bot.scheduler.jobs import sweep_nudges
from storage.records import DueNudge, FollowUpRecord
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.core.test_nudges import BERLIN, member
from tests.scheduler.fakes import RecordingNotifier


def test_an_overdue_nudge_arrives_the_working_morning_after_the_due_day() -> None:
    met = date(2026, 3, 2)  # Monday; due Thursday 5 March, last chance Wednesday 11 March
    planned = plan_nudges(
        FollowUpPlan(met, date(2026, 3, 5)), member(BERLIN), datetime(2026, 3, 2, 12, tzinfo=UTC)
    )
    assert [n.kind for n in planned] == ["due", OVERDUE, "last-chance"]
    overdue = planned[1].send_at.astimezone(ZoneInfo(BERLIN))
    assert overdue == datetime(2026, 3, 6, 9, 0, tzinfo=ZoneInfo(BERLIN))


def test_a_friday_due_day_is_followed_by_a_monday_overdue_nudge_not_a_weekend_one() -> None:
    met = date(2026, 3, 3)  # Tuesday; due Friday 6 March
    planned = plan_nudges(
        FollowUpPlan(met, date(2026, 3, 6)), member(), datetime(2026, 3, 3, 10, tzinfo=UTC)
    )
    overdue = [n for n in planned if n.kind == OVERDUE]
    assert [n.send_at for n in overdue] == [datetime(2026, 3, 9, 9, 0, tzinfo=UTC)]


def test_no_overdue_nudge_on_the_day_of_the_last_chance_one() -> None:
    met = date(2026, 3, 2)  # due day 8 (Tuesday 10 March); day 9 is the last chance
    planned = plan_nudges(
        FollowUpPlan(met, date(2026, 3, 10)), member(), datetime(2026, 3, 2, 10, tzinfo=UTC)
    )
    assert [n.kind for n in planned] == ["due", "last-chance"]
    days = [n.send_at.date() for n in planned]
    assert len(days) == len(set(days))


def test_a_snoozed_follow_up_is_nudged_overdue_after_its_new_due_day() -> None:
    met = date(2026, 3, 2)
    now = datetime(2026, 3, 5, 11, tzinfo=UTC)  # snoozed on the due day to Monday 9 March
    planned = plan_nudges(FollowUpPlan(met, date(2026, 3, 9)), member(), now)
    overdue = [n.send_at for n in planned if n.kind == OVERDUE]
    assert overdue == [datetime(2026, 3, 10, 9, 0, tzinfo=UTC)]


def test_second_touches_check_ins_and_late_follow_ups_get_no_overdue_nudge() -> None:
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    for plan in (
        FollowUpPlan(date(2026, 3, 2), date(2026, 3, 16), touch=2),
        FollowUpPlan(date(2026, 1, 2), date(2026, 3, 3), late=True),
    ):
        assert OVERDUE not in [n.kind for n in plan_nudges(plan, member(), now)]


def test_the_overdue_nudge_says_it_is_overdue_and_how_long_the_window_has_left() -> None:
    follow_up = FollowUpRecord(
        id=7,
        member_id=1,
        contact_id=3,
        contact_name="Jane Doe",
        meeting_id=2,
        met_on=date(2026, 3, 2),
        due_on=date(2026, 3, 5),
        note="send the deck",
    )
    due = DueNudge(
        nudge_id=11, kind=OVERDUE, send_at=datetime.now(UTC), member=member(), follow_up=follow_up
    )
    reply = nudge_reply(due, datetime(2026, 3, 6, 9, tzinfo=UTC))
    assert "follow-up with Jane Doe is overdue" in reply.text
    assert "6 days are left" in reply.text
    assert "done #7 gave" in [a.command for a in reply.actions]


async def test_the_overdue_nudge_is_sent_once_across_two_workers(
    store: SqlStore, clock: FakeClock
) -> None:
    who = store.get_or_create_member("slack", "T1", "U1", "U1")
    contact = store.add_contact(who.id, "Dana")
    met = date(2026, 3, 2)
    plan = FollowUpPlan(met, date(2026, 3, 5))
    start = datetime(2026, 3, 2, 10, tzinfo=UTC)
    store.create_follow_up(
        who.id, contact.id, None, met, plan.due_on, nudges=plan_nudges(plan, who, start)
    )
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 6, 10, tzinfo=UTC) - timedelta(days=1))
    assert await sweep_nudges(store, notifier, clock, "w1") == 1  # the due one
    clock.set(datetime(2026, 3, 6, 10, tzinfo=UTC))
    assert await sweep_nudges(store, notifier, clock, "w1") == 1
    assert await sweep_nudges(store, notifier, clock, "w2") == 0
    assert "overdue" in notifier.to_members[-1][1].text
