"""The nudge sweep, called directly with a fixed clock on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.scheduler.jobs import SWEEP_HEARTBEAT, retry_delay, sweep_nudges
from storage.records import PlannedNudge
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.scheduler.fakes import RecordingNotifier

MONDAY_10 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _follow_up_with_nudges(store: SqlStore, user: str, *send_at: datetime, name: str = "Dana"):
    member = store.get_or_create_member("slack", "T1", user, user)
    contact = store.add_contact(member.id, name)
    return store.create_follow_up(
        member.id,
        contact.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 2),
        nudges=[PlannedNudge("due", at) for at in send_at],
    )


async def test_due_nudge_is_sent_once_with_its_buttons(store: SqlStore, clock: FakeClock):
    follow_up = _follow_up_with_nudges(store, "U1", MONDAY_10 - timedelta(minutes=1))
    _follow_up_with_nudges(store, "U2", MONDAY_10 + timedelta(hours=1))
    notifier = RecordingNotifier()
    clock.set(MONDAY_10)

    assert await sweep_nudges(store, notifier, clock, "w1") == 1
    assert await sweep_nudges(store, notifier, clock, "w2") == 0

    ((member, reply),) = notifier.to_members
    assert member.user_id == "U1"
    assert "Dana" in reply.text
    assert f"done #{follow_up.id} gave" in [action.command for action in reply.actions]
    at, detail = store.heartbeat(SWEEP_HEARTBEAT)
    assert at == MONDAY_10 and "claimed=0" in detail


async def test_failed_delivery_is_retried_after_a_back_off(store: SqlStore, clock: FakeClock):
    _follow_up_with_nudges(store, "U1", MONDAY_10)
    notifier = RecordingNotifier(fail_members={"U1"})
    clock.set(MONDAY_10)
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    notifier.fail_members.clear()
    clock.advance(retry_delay(1) - timedelta(seconds=1))
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.advance(seconds=1)
    assert await sweep_nudges(store, notifier, clock, "w") == 1
    assert len(notifier.to_members) == 1


def test_retry_delay_doubles_up_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 7, 30)] == [
        60,
        120,
        240,
        3600,
        3600,
    ]


async def test_one_failing_member_does_not_hold_up_the_others(store: SqlStore, clock: FakeClock):
    for user in ("U1", "U2", "U3"):
        _follow_up_with_nudges(store, user, MONDAY_10)
    notifier = RecordingNotifier(fail_members={"U2"})
    clock.set(MONDAY_10)
    assert await sweep_nudges(store, notifier, clock, "w") == 2
    assert sorted(m.user_id for m, _ in notifier.to_members) == ["U1", "U3"]


async def test_done_follow_up_gets_no_nudge(store: SqlStore, clock: FakeClock):
    follow_up = _follow_up_with_nudges(store, "U1", MONDAY_10)
    store.close_follow_up(follow_up.member_id, follow_up.id, "done", MONDAY_10)
    notifier = RecordingNotifier()
    clock.set(MONDAY_10 + timedelta(days=1))
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    assert notifier.to_members == []


async def test_downtime_backlog_is_caught_up_in_one_sweep_without_duplicates(
    store: SqlStore, clock: FakeClock
):
    # 1,050 nudges came due while the server was down (in working hours: Monday 9-10 UTC).
    start = MONDAY_10 - timedelta(hours=1)
    member = store.get_or_create_member("slack", "T1", "U1")
    contact = store.add_contact(member.id, "Dana")
    store.create_follow_up(
        member.id,
        contact.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 2),
        nudges=[PlannedNudge("due", start + timedelta(seconds=3 * i)) for i in range(1050)],
    )
    notifier = RecordingNotifier()
    clock.set(MONDAY_10)
    assert await sweep_nudges(store, notifier, clock, "restarted", limit=200) == 1050
    # A second process starting at the same moment finds nothing left.
    assert await sweep_nudges(store, notifier, clock, "other", limit=200) == 0
    assert len(notifier.to_members) == 1050


async def test_caught_up_nudge_waits_for_working_hours(store: SqlStore, clock: FakeClock):
    # Due Monday 10:00 Berlin time; the server comes back at 03:00 on Tuesday.
    member = store.get_or_create_member("slack", "T1", "U1")
    store.update_member(
        member.id, timezone="Europe/Berlin", work_start=time(9, 0), work_end=time(17, 0)
    )
    contact = store.add_contact(member.id, "Dana")
    store.create_follow_up(
        member.id,
        contact.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 2),
        nudges=[PlannedNudge("due", datetime(2026, 3, 2, 9, 0, tzinfo=UTC))],
    )
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 3, 2, 0, tzinfo=UTC))  # 03:00 in Berlin
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.set(datetime(2026, 3, 3, 7, 59, tzinfo=UTC))  # 08:59 in Berlin
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.set(datetime(2026, 3, 3, 8, 0, tzinfo=UTC))  # 09:00 in Berlin
    assert await sweep_nudges(store, notifier, clock, "w") == 1


async def test_caught_up_nudge_is_sent_at_once_when_waiting_would_close_the_window(
    store: SqlStore, clock: FakeClock
):
    member = store.get_or_create_member("slack", "T1", "U1")
    contact = store.add_contact(member.id, "Dana")
    # Met 1 March: the window closes on 11 March. It is 23:00 UTC on 11 March.
    store.create_follow_up(
        member.id,
        contact.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 10),
        nudges=[PlannedNudge("last-chance", datetime(2026, 3, 10, 9, 0, tzinfo=UTC))],
    )
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 11, 23, 0, tzinfo=UTC))
    assert await sweep_nudges(store, notifier, clock, "w") == 1


async def test_a_nudge_about_someone_only_ever_asked_says_give_first(
    store: SqlStore, clock: FakeClock
):
    member = store.get_or_create_member("slack", "T1", "U1", "U1")
    dana = store.add_contact(member.id, "Dana")
    for _ in range(2):  # two earlier touches, both asks
        earlier = store.create_follow_up(
            member.id, dana.id, None, date(2026, 2, 20), date(2026, 2, 23)
        )
        store.close_follow_up(member.id, earlier.id, "done", MONDAY_10 - timedelta(days=3))
        store.set_touch_kind(member.id, earlier.id, "ask", "chosen", MONDAY_10)
    store.create_follow_up(
        member.id,
        dana.id,
        None,
        date(2026, 3, 1),
        date(2026, 3, 2),
        nudges=[PlannedNudge("due", MONDAY_10 - timedelta(minutes=1))],
    )
    _follow_up_with_nudges(store, "U2", MONDAY_10 - timedelta(minutes=1), name="Dana")
    notifier = RecordingNotifier()
    clock.set(MONDAY_10)

    assert await sweep_nudges(store, notifier, clock, "w1") == 2

    texts = {member.user_id: reply.text for member, reply in notifier.to_members}
    assert (
        "You've asked Dana twice and given nothing yet: share something useful first."
        in (texts["U1"])
    )
    assert "given nothing yet" not in texts["U2"]  # another member's Dana has no asks
