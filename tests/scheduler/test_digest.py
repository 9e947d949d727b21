"""The weekly digest: once per channel and ISO week, at local time, across DST changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.scheduler.digest_schedule import DigestSlot, due_slot, slot_this_week
from bot.scheduler.jobs import send_due_digests
from storage.records import DigestSubscriptionRecord
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.scheduler.fakes import RecordingNotifier


@pytest.fixture
def sqlite_store(sqlite_url: str, clock: FakeClock) -> Iterator[SqlStore]:
    opened = SqlStore.open(sqlite_url, migrate=False, clock=clock)
    yield opened
    opened.close()


def _subscription(weekday: int, at: time, zone: str, created_at: datetime | None = None):
    return DigestSubscriptionRecord(1, "slack", "T1", "C1", weekday, at, zone, None, created_at)


@pytest.mark.parametrize(
    ("zone", "now", "expected_send_at", "week"),
    [
        # Europe/Berlin: CET (UTC+1) until 29 March 2026, CEST (UTC+2) after.
        ("Europe/Berlin", datetime(2026, 3, 25, tzinfo=UTC), datetime(2026, 3, 23, 8, 0), "W13"),
        ("Europe/Berlin", datetime(2026, 4, 1, tzinfo=UTC), datetime(2026, 3, 30, 7, 0), "W14"),
        # ...and back to CET on 25 October 2026.
        ("Europe/Berlin", datetime(2026, 10, 21, tzinfo=UTC), datetime(2026, 10, 19, 7, 0), "W43"),
        ("Europe/Berlin", datetime(2026, 10, 28, tzinfo=UTC), datetime(2026, 10, 26, 8, 0), "W44"),
        # America/New_York: EST (UTC-5) until 8 March 2026, EDT (UTC-4) until 1 November.
        ("America/New_York", datetime(2026, 3, 4, tzinfo=UTC), datetime(2026, 3, 2, 14, 0), "W10"),
        ("America/New_York", datetime(2026, 3, 11, tzinfo=UTC), datetime(2026, 3, 9, 13, 0), "W11"),
        (
            "America/New_York",
            datetime(2026, 11, 4, tzinfo=UTC),
            datetime(2026, 11, 2, 14, 0),
            "W45",
        ),
    ],
)
def test_monday_nine_oclock_follows_the_zone_not_a_fixed_offset(
    zone: str, now: datetime, expected_send_at: datetime, week: str
):
    slot = slot_this_week(_subscription(0, time(9, 0), zone), now)
    assert slot.send_at == expected_send_at.replace(tzinfo=UTC)
    assert slot.iso_week == f"2026-{week}"
    # The digest covers exactly the previous local week, however many hours that was.
    assert (
        slot.period_start.astimezone(UTC)
        == slot_this_week(_subscription(0, time(9, 0), zone), now - timedelta(days=7)).send_at
    )


def test_the_week_is_the_local_iso_week():
    # Sunday 23:30 in New York is already Monday in UTC, but still the old ISO week locally.
    sub = _subscription(6, time(23, 30), "America/New_York")
    slot = slot_this_week(sub, datetime(2026, 3, 2, 4, 30, tzinfo=UTC))
    assert slot.iso_week == "2026-W09"
    assert slot.send_at == datetime(2026, 3, 2, 4, 30, tzinfo=UTC)


def test_a_slot_before_the_subscription_existed_is_skipped():
    created = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # a Wednesday
    monday = _subscription(0, time(9, 0), "UTC", created)
    friday = _subscription(4, time(9, 0), "UTC", created)
    assert due_slot(monday, created + timedelta(minutes=5)) is None
    assert due_slot(friday, created + timedelta(days=1)) is None
    assert isinstance(due_slot(friday, created + timedelta(days=2)), DigestSlot)
    assert isinstance(due_slot(monday, created + timedelta(days=5)), DigestSlot)


async def _run_checks(
    store: SqlStore, notifier: RecordingNotifier, clock: FakeClock, until: datetime, step: timedelta
) -> list[datetime]:
    """Run the digest check every `step` like the scheduler; returns when digests went out."""
    sent_at = []
    while clock.now() < until:
        if await send_due_digests(store, notifier, clock):
            sent_at.append(clock.now())
        clock.advance(step)
    return sent_at


@pytest.mark.parametrize(
    ("zone", "start", "at", "weekday", "expected"),
    [
        # Monday 09:00 in Berlin around the spring change (Sunday 29 March).
        (
            "Europe/Berlin",
            datetime(2026, 3, 16, tzinfo=UTC),
            time(9, 0),
            0,
            [datetime(2026, 3, 16, 8), datetime(2026, 3, 23, 8), datetime(2026, 3, 30, 7)],
        ),
        # Sunday 02:30 in Berlin: on 29 March that wall time does not exist; it still fires once.
        (
            "Europe/Berlin",
            datetime(2026, 3, 16, 0, 30, tzinfo=UTC),
            time(2, 30),
            6,
            [
                datetime(2026, 3, 22, 1, 30),
                datetime(2026, 3, 29, 1, 30),
                datetime(2026, 4, 5, 0, 30),
            ],
        ),
        # Sunday 01:30 in New York on 1 November happens twice; it fires once, at the first.
        (
            "America/New_York",
            datetime(2026, 10, 19, 0, 30, tzinfo=UTC),
            time(1, 30),
            6,
            [
                datetime(2026, 10, 25, 5, 30),
                datetime(2026, 11, 1, 5, 30),
                datetime(2026, 11, 8, 6, 30),
            ],
        ),
    ],
)
@pytest.mark.slow
async def test_digest_fires_exactly_once_per_iso_week_across_dst(
    sqlite_store: SqlStore,
    clock: FakeClock,
    zone: str,
    start: datetime,
    at: time,
    weekday: int,
    expected: list[datetime],
):
    # Three weeks of hourly checks, on the minute of the slots (SQLite only: the claim itself
    # is tested on both databases below, and 1,500 checks on each would make the suite slow).
    store = sqlite_store
    clock.set(start)
    store.subscribe_digest("slack", "T1", "C1", weekday, at, zone, None)
    notifier = RecordingNotifier()
    sent_at = await _run_checks(
        store, notifier, clock, start + timedelta(days=21), timedelta(hours=1)
    )
    assert sent_at == [moment.replace(tzinfo=UTC) for moment in expected]
    weeks = [reply.text.split("week ")[1].split("**")[0] for _, reply in notifier.to_channels]
    assert len(weeks) == len(set(weeks)) == 3


async def test_digest_reports_the_previous_week_of_the_workspace(store: SqlStore, clock: FakeClock):
    clock.set(datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
    ann = store.get_or_create_member("slack", "T1", "U1", "Ann")
    store.update_member(ann.id, shoutouts_opt_in=True)
    contact = store.add_contact(ann.id, "Dana")
    follow_up = store.create_follow_up(ann.id, contact.id, None, date(2026, 3, 3), date(2026, 3, 5))
    store.close_follow_up(ann.id, follow_up.id, "done", clock.now())
    store.set_touch_kind(ann.id, follow_up.id, "give", "chosen", clock.now())
    store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", ann.id)
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 9, 9, 1, tzinfo=UTC))
    assert await send_due_digests(store, notifier, clock) == 1
    ((subscription, reply),) = notifier.to_channels
    assert subscription.channel_id == "C1"
    assert "2026-W11" in reply.text and "1 follow-up logged, 1 done" in reply.text
    assert any("Ann" in section.text for section in reply.sections)
    fields = {f.label: f.value for section in reply.sections for f in section.fields}
    assert fields["Give, ask, thank"] == "give:ask 1:0 (and 0 thank-yous)"


async def test_failed_digest_is_retried_at_the_next_check_and_then_sent_once(
    store: SqlStore, clock: FakeClock
):
    clock.set(datetime(2026, 3, 1, tzinfo=UTC))
    store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", None)
    notifier = RecordingNotifier(fail_channels=True)
    clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    assert await send_due_digests(store, notifier, clock) == 0
    notifier.fail_channels = False
    clock.advance(minutes=5)
    assert await send_due_digests(store, notifier, clock) == 1
    clock.advance(minutes=5)
    assert await send_due_digests(store, notifier, clock) == 0
    assert len(notifier.to_channels) == 1


async def test_downtime_over_the_slot_sends_the_digest_once_on_restart(
    store: SqlStore, clock: FakeClock
):
    clock.set(datetime(2026, 3, 1, tzinfo=UTC))
    store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", None)
    notifier = RecordingNotifier()
    clock.set(datetime(2026, 3, 3, 15, 0, tzinfo=UTC))  # back up on Tuesday afternoon
    first = await send_due_digests(store, notifier, clock)
    second = await send_due_digests(store, notifier, clock)  # another process, same moment
    assert (first, second) == (1, 0)


async def test_unsubscribed_channel_gets_nothing(store: SqlStore, clock: FakeClock):
    clock.set(datetime(2026, 3, 1, tzinfo=UTC))
    store.subscribe_digest("slack", "T1", "C1", 0, time(9, 0), "UTC", None)
    store.unsubscribe_digest("slack", "T1", "C1")
    clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    notifier = RecordingNotifier()
    assert await send_due_digests(store, notifier, clock) == 0
