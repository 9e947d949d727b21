"""Per-message delivery state: each nudge is recorded as sent right after its own send, a stop
hands back what was not sent, and a claim whose holder died comes back in doubt."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.scheduler.jobs import MAX_PARALLEL_SENDS, SweepScope, send_due_digests, sweep_nudges
from bot.scheduler.runner import DeliveryJobs
from storage.models import Nudge
from storage.records import MemberRecord, PlannedNudge
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.scheduler.fakes import RecordingNotifier

MONDAY_10 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _due_nudges(store: SqlStore, count: int, *, user: str = "U1", platform: str = "slack") -> None:
    member = store.get_or_create_member(platform, "T1", user)
    contact = store.add_contact(member.id, "Dana")
    for _ in range(count):
        store.create_follow_up(
            member.id,
            contact.id,
            None,
            date(2026, 3, 1),
            date(2026, 3, 2),
            nudges=[PlannedNudge("due", MONDAY_10)],
        )


def _states(store: SqlStore) -> list[tuple[str, str | None, bool, datetime]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(Nudge.status, Nudge.claimed_by, Nudge.in_doubt, Nudge.send_at).order_by(Nudge.id)
        )
        return [(s, c, bool(d), t) for s, c, d, t in rows]


def _statuses(store: SqlStore) -> list[str]:
    return [status for status, *_ in _states(store)]


class SnoopingNotifier(RecordingNotifier):
    """As each send starts, notes how many nudges were delivered and how many of those the
    database already records as sent."""

    def __init__(self, store: SqlStore) -> None:
        super().__init__()
        self.store = store
        self.unrecorded_at_send: list[int] = []

    async def send_to_member(self, member: MemberRecord, reply) -> None:
        delivered = len(self.to_members)
        recorded = (await asyncio.to_thread(_statuses, self.store)).count("sent")
        self.unrecorded_at_send.append(delivered - recorded)
        await asyncio.sleep(0.002)
        await super().send_to_member(member, reply)


async def test_each_nudge_is_recorded_as_sent_before_its_lane_sends_another(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 40)
    notifier = SnoopingNotifier(store)
    clock.set(MONDAY_10)

    assert await sweep_nudges(store, notifier, clock, "w") == 40

    # Not recorded at the batch's end: whenever a send starts, at most the other lanes' last
    # sends are delivered but not yet in the database (what a kill -9 could repeat).
    assert max(notifier.unrecorded_at_send) <= MAX_PARALLEL_SENDS - 1
    assert _statuses(store) == ["sent"] * 40


async def test_at_most_eight_sends_are_in_flight(store: SqlStore, clock: FakeClock):
    _due_nudges(store, 40)

    class Slow(RecordingNotifier):
        in_flight = most = 0

        async def send_to_member(self, member, reply):
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            await asyncio.sleep(0.005)
            self.in_flight -= 1
            await super().send_to_member(member, reply)

    notifier = Slow()
    clock.set(MONDAY_10)
    assert await sweep_nudges(store, notifier, clock, "w") == 40
    assert notifier.most == MAX_PARALLEL_SENDS == 8


async def test_a_stop_hands_back_the_unsent_nudges_at_their_own_time(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 30)
    stopping = asyncio.Event()

    class StopsAfterFive(RecordingNotifier):
        async def send_to_member(self, member, reply):
            await super().send_to_member(member, reply)
            if len(self.to_members) == 5:
                stopping.set()
            await asyncio.sleep(0.001)

    notifier = StopsAfterFive()
    clock.set(MONDAY_10)
    sent = await sweep_nudges(
        store, notifier, clock, "stopping", scope=SweepScope(stopping=stopping)
    )

    # The sends already in flight finish and are recorded; nothing else starts.
    assert 5 <= sent <= 5 + MAX_PARALLEL_SENDS - 1
    states = _states(store)
    assert sum(1 for s, *_ in states if s == "sent") == sent == len(notifier.to_members)
    handed_back = [row for row in states if row[0] != "sent"]
    assert handed_back and all(row == ("pending", None, False, MONDAY_10) for row in handed_back)
    # Another process takes them on its very next sweep, not after a lease.
    other = RecordingNotifier()
    assert await sweep_nudges(store, other, clock, "other") == len(handed_back)
    assert _statuses(store) == ["sent"] * 30


async def test_a_cancelled_sweep_hands_back_interrupted_sends_in_doubt(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 20)
    started = asyncio.Event()

    class Hangs(RecordingNotifier):
        async def send_to_member(self, member, reply):
            started.set()
            await asyncio.sleep(3600)

    clock.set(MONDAY_10)
    sweep = asyncio.create_task(sweep_nudges(store, Hangs(), clock, "dying"))
    await started.wait()
    await asyncio.sleep(0.05)
    sweep.cancel()
    await asyncio.gather(sweep, return_exceptions=True)

    states = _states(store)
    assert {s for s, *_ in states} == {"pending"}
    in_doubt = [row for row in states if row[2]]
    assert len(in_doubt) == MAX_PARALLEL_SENDS  # the sends that had started
    assert all(claimed_by is None for _, claimed_by, _, _ in states)


async def test_a_claim_whose_lease_ran_out_is_taken_over_in_doubt(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 3)
    lease = timedelta(seconds=30)
    [first, *_] = store.claim_due_nudges(MONDAY_10, 1, "died", lease=lease)
    assert first.in_doubt is False

    # Inside the lease nobody else gets it; after it, the next claimer does, in doubt.
    inside = store.claim_due_nudges(MONDAY_10 + timedelta(seconds=29), 10, "other", lease=lease)
    assert first.nudge_id not in {due.nudge_id for due in inside}
    store.release_nudges([due.nudge_id for due in inside])
    after = store.claim_due_nudges(MONDAY_10 + timedelta(seconds=31), 10, "other", lease=lease)
    taken_over = {due.nudge_id: due.in_doubt for due in after}
    assert taken_over[first.nudge_id] is True
    assert [doubt for nudge_id, doubt in taken_over.items() if nudge_id != first.nudge_id] == [
        False,
        False,
    ]


async def test_a_claim_records_its_holder_and_lease(store: SqlStore):
    _due_nudges(store, 1)
    store.claim_due_nudges(MONDAY_10, 5, "host:42", lease=timedelta(minutes=2))
    with store.engine.connect() as connection:
        claimed_by, lease_until = connection.execute(
            select(Nudge.claimed_by, Nudge.lease_until)
        ).one()
    assert claimed_by == "host:42"
    assert lease_until.replace(tzinfo=UTC) == MONDAY_10 + timedelta(minutes=2)


def _jobs(store: SqlStore, clock: FakeClock, notifier: RecordingNotifier) -> DeliveryJobs:
    services = bootstrap(Settings(database_url="sqlite://"), store=store, clock=clock)
    return DeliveryJobs(services, notifier)


async def test_stopping_the_jobs_drains_the_sends_in_flight_and_hands_back_the_rest(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 60)

    class Slow(RecordingNotifier):
        async def send_to_member(self, member, reply):
            await asyncio.sleep(0.05)
            await super().send_to_member(member, reply)

    notifier = Slow()
    jobs = _jobs(store, clock, notifier)
    clock.set(MONDAY_10)
    sweep = asyncio.create_task(jobs.sweep())
    while len(notifier.to_members) < 10:
        await asyncio.sleep(0.01)

    started = asyncio.get_running_loop().time()
    await jobs.stop(drain_seconds=5)
    assert asyncio.get_running_loop().time() - started < 1  # no waiting for a lease
    assert sweep.done()

    states = _states(store)
    sent = [row for row in states if row[0] == "sent"]
    assert len(sent) == len(notifier.to_members)  # every send that happened is recorded
    assert all(row == ("pending", None, False, MONDAY_10) for row in states if row[0] != "sent")
    await jobs.sweep()  # a stopped process claims nothing more
    assert len(notifier.to_members) == len(sent)


async def test_sends_still_hanging_after_the_drain_are_cancelled_and_handed_back_in_doubt(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 12)

    class Hangs(RecordingNotifier):
        started = 0

        async def send_to_member(self, member, reply):
            Hangs.started += 1
            await asyncio.sleep(3600)

    jobs = _jobs(store, clock, Hangs())
    clock.set(MONDAY_10)
    sweep = asyncio.create_task(jobs.sweep())
    # The subject is sends hanging after the drain: wait until every lane has one in flight (a
    # fixed sleep raced the claim on a busy machine, and a stop during the claim is the lease's
    # to recover, not this hand-back's).
    for _ in range(500):
        if Hangs.started >= MAX_PARALLEL_SENDS:
            break
        await asyncio.sleep(0.01)
    assert Hangs.started == MAX_PARALLEL_SENDS

    await asyncio.wait_for(jobs.stop(drain_seconds=0.2), timeout=3)
    assert sweep.cancelled()

    states = _states(store)
    assert {s for s, *_ in states} == {"pending"}
    assert sum(1 for row in states if row[2]) == MAX_PARALLEL_SENDS


async def test_no_send_starts_after_half_the_lease_and_the_rest_is_handed_back(
    store: SqlStore, clock: FakeClock
):
    _due_nudges(store, 40)

    class Slow(RecordingNotifier):
        async def send_to_member(self, member, reply):
            await asyncio.sleep(0.05)
            await super().send_to_member(member, reply)

    notifier = Slow()
    clock.set(MONDAY_10)
    # A 0.4 s lease: sends start for 0.2 s (about 4 rounds of 8), never after.
    scope = SweepScope(lease=timedelta(seconds=0.4))
    sent = await sweep_nudges(store, notifier, clock, "w", scope=scope)

    assert MAX_PARALLEL_SENDS <= sent < 40
    states = _states(store)
    assert sum(1 for row in states if row[0] == "sent") == sent
    assert all(row == ("pending", None, False, MONDAY_10) for row in states if row[0] != "sent")


async def test_a_digest_claimed_late_in_a_long_run_keeps_its_full_lease(
    store: SqlStore, clock: FakeClock
):
    for i in range(5):
        store.subscribe_digest("slack", "T1", f"C{i}", 0, time(9, 0), "UTC", None)
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE digest_subscriptions SET created_at = '2026-02-20 00:00:00+00:00'"
        )
    lease = timedelta(seconds=3)
    other = RecordingNotifier()

    class SlowChannels(RecordingNotifier):
        """Each post takes 2 s; while the 4th is going out, another process runs its check."""

        async def send_to_channel(self, subscription, reply):
            clock.advance(seconds=2)
            if subscription.channel_id == "C3":
                await send_due_digests(store, other, clock, worker="other", lease=lease)
            await super().send_to_channel(subscription, reply)

    clock.set(MONDAY_10)
    first = SlowChannels()
    await send_due_digests(store, first, clock, worker="first", lease=lease)

    # C3 was claimed 6 s into the first run: its lease runs from then, so the other process
    # (8 s in) leaves it alone and only takes C4, which nobody had claimed yet.
    assert [s.channel_id for s, _ in first.to_channels] == ["C0", "C1", "C2", "C3"]
    assert [s.channel_id for s, _ in other.to_channels] == ["C4"]
