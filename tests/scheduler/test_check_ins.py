"""Keep-in-touch check-ins through the real nudge sweep on SQLite and PostgreSQL: working hours,
exactly once (also with two schedulers at once), snooze, and the timer restarting on a touch."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

from bot.core.messages import Incoming, Reply
from bot.core.service import CoachService
from bot.scheduler.jobs import sweep_nudges
from storage.records import CHECK_IN_TOUCH
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.core.test_service import fake_review
from tests.scheduler.fakes import RecordingNotifier

# The check-in of `keep_in_touch_monthly` is due Thu 16 Apr 2026; Berlin is on UTC+2 then.
BERLIN_NINE = datetime(2026, 4, 16, 7, 0, tzinfo=UTC)


def say(service: CoachService, text: str, user: str = "U1") -> Reply:
    return service.handle(Incoming("slack", "T1", user, "D1", text))


def keep_in_touch_monthly(service: CoachService, clock: FakeClock, user: str = "U1") -> None:
    """A Berlin member meets Priya, does the rule of two and keeps in touch monthly."""
    start = clock.now()
    say(service, "settings timezone Europe/Berlin", user)
    say(service, "met Priya Shah at PyCon", user)
    say(service, "done Priya", user)
    clock.advance(timedelta(days=14))
    say(service, "done Priya", user)
    say(service, "keep-in-touch Priya monthly", user)
    clock.set(start)


def check_in_ids(store: SqlStore, user: str = "U1") -> list[int]:
    member = store.get_or_create_member("slack", "T1", user)
    return [f.id for f in store.open_follow_ups(member.id) if f.touch == CHECK_IN_TOUCH]


def nudged_follow_ups(notifier: RecordingNotifier) -> list[int]:
    """The follow-up each delivered nudge is about (from its Gave / Asked / Thanked buttons,
    which all say `done #id <kind>`)."""
    nudged = []
    for _, reply in notifier.to_members:
        ids = {
            int(action.command.removeprefix("done #").split()[0])
            for action in reply.actions
            if action.command.startswith("done #")
        }
        nudged.extend(sorted(ids))
    return nudged


async def test_a_check_in_nudge_arrives_once_at_the_start_of_the_working_day(
    store: SqlStore, clock: FakeClock
):
    service = CoachService(store, fake_review, clock)
    keep_in_touch_monthly(service, clock)
    [check_in] = check_in_ids(store)
    notifier = RecordingNotifier()

    clock.set(BERLIN_NINE - timedelta(minutes=1))
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.set(BERLIN_NINE)
    assert await sweep_nudges(store, notifier, clock, "w") == 1
    clock.advance(hours=3)
    assert await sweep_nudges(store, notifier, clock, "w") == 0

    [(member, reply)] = notifier.to_members
    assert member.user_id == "U1"
    assert reply.text.startswith("**Time to check in with Priya Shah** (keep in touch)")
    assert [a.command for a in reply.actions] == [
        f"done #{check_in} gave",
        f"done #{check_in} asked",
        f"done #{check_in} thanked",
        f"snooze #{check_in} 2 days",
        "review",
    ]


async def test_snoozing_a_check_in_nudge_sends_it_again_two_days_later_only(
    store: SqlStore, clock: FakeClock
):
    service = CoachService(store, fake_review, clock)
    keep_in_touch_monthly(service, clock)
    notifier = RecordingNotifier()
    clock.set(BERLIN_NINE)
    await sweep_nudges(store, notifier, clock, "w")
    [(_, nudge)] = notifier.to_members

    snooze = next(a.command for a in nudge.actions if a.command.startswith("snooze"))
    say(service, snooze)  # the button runs its command text
    clock.advance(days=1)
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.set(BERLIN_NINE + timedelta(days=2) - timedelta(minutes=1))  # Sat 18 Apr: a weekend
    assert await sweep_nudges(store, notifier, clock, "w") == 0
    clock.set(BERLIN_NINE + timedelta(days=4))  # Mon 20 Apr, 09:00 in Berlin
    assert await sweep_nudges(store, notifier, clock, "w") == 1
    assert len(set(nudged_follow_ups(notifier))) == 1  # the same check-in, nudged twice


async def test_a_touch_restarts_the_timer_of_the_next_nudge(store: SqlStore, clock: FakeClock):
    service = CoachService(store, fake_review, clock)
    keep_in_touch_monthly(service, clock)
    [first] = check_in_ids(store)
    notifier = RecordingNotifier()

    clock.set(BERLIN_NINE - timedelta(days=6))  # Fri 10 Apr: the member got in touch early
    say(service, f"done #{first} early")
    [second] = check_in_ids(store)
    for day in range(0, 30, 3):  # a month of sweeps: the old day brings nothing
        clock.set(BERLIN_NINE - timedelta(days=6) + timedelta(days=day))
        await sweep_nudges(store, notifier, clock, "w")
    assert notifier.to_members == []

    clock.set(datetime(2026, 5, 11, 7, 0, tzinfo=UTC))  # Mon 11 May: Sun 10 May moved on
    assert await sweep_nudges(store, notifier, clock, "w") == 1
    assert nudged_follow_ups(notifier) == [second]


async def test_two_schedulers_deliver_every_check_in_exactly_once(
    store: SqlStore, database_url: str, clock: FakeClock
):
    service = CoachService(store, fake_review, clock)
    users = [f"U{i}" for i in range(12)]
    for user in users:
        keep_in_touch_monthly(service, clock, user)
    expected = sorted(i for user in users for i in check_in_ids(store, user))
    assert len(expected) == len(users)

    other = SqlStore.open(database_url, migrate=False, clock=clock)
    try:
        notifier = RecordingNotifier()
        clock.set(BERLIN_NINE)
        sent = await asyncio.gather(
            sweep_nudges(store, notifier, clock, "scheduler-a", limit=2),
            sweep_nudges(other, notifier, clock, "scheduler-b", limit=2),
        )
        sent_again = await asyncio.gather(
            sweep_nudges(store, notifier, clock, "scheduler-a"),
            sweep_nudges(other, notifier, clock, "scheduler-b"),
        )
    finally:
        other.close()

    assert sum(sent) == len(users) and sum(sent_again) == 0
    delivered = Counter(nudged_follow_ups(notifier))
    assert sorted(delivered) == expected and set(delivered.values()) == {1}


async def test_a_check_in_claimed_by_a_scheduler_that_died_is_sent_by_another(
    store: SqlStore, clock: FakeClock
):
    service = CoachService(store, fake_review, clock)
    keep_in_touch_monthly(service, clock)
    clock.set(BERLIN_NINE)
    [claimed] = store.claim_due_nudges(clock.now(), 10, "died-mid-send")
    assert claimed.kind == "check-in"

    notifier = RecordingNotifier()
    assert await sweep_nudges(store, notifier, clock, "alive") == 0  # still under its lease
    clock.advance(minutes=6)  # the lease (5 minutes) ran out
    assert await sweep_nudges(store, notifier, clock, "alive") == 1
    assert nudged_follow_ups(notifier) == check_in_ids(store)
