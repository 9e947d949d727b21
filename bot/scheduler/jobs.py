"""The scheduler's jobs: plain async functions over the store, a notifier and a clock.

APScheduler only decides *when* they run; the database decides *what* is due and makes sure
each nudge and each weekly digest is claimed by exactly one process. Store calls are
synchronous, so they run in a worker thread. Logs carry ids, never message text.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.core.digest import team_digest
from bot.core.nudges import next_working_moment, nudge_reply
from bot.core.ports import Clock, Notifier, Store
from bot.core.rules import window_closes
from bot.notifiers import nudge_already_sent, send_nudge
from bot.scheduler.digest_schedule import due_slot
from storage.claims import DIGEST_LEASE, NUDGE_LEASE
from storage.records import DueNudge, TouchCounts

log = logging.getLogger(__name__)

SWEEP_HEARTBEAT = "sweep"
DIGEST_HEARTBEAT = "digest"
# A nudge picked up this long after its time is a catch-up (the server was down): it waits
# for the member's working hours instead of arriving at 3 a.m.
CATCH_UP_AFTER = timedelta(minutes=15)
# Sends in flight at once: the most a kill -9 can leave sent but unrecorded (and so repeat).
MAX_PARALLEL_SENDS = 8
# Nudges claimed per round trip. After a kill -9 the unsent rest of a batch waits for its lease.
CLAIM_BATCH = 500
MAX_BATCHES_PER_SWEEP = 20
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, … minutes, at most an hour."""
    return min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_MAX)


def _deferred_until(due: DueNudge, now: datetime) -> datetime | None:
    """When a caught-up nudge should wait for working hours, the moment to send it instead."""
    if now - due.send_at < CATCH_UP_AFTER:
        return None
    moment = next_working_moment(now, due.member)
    if moment <= now:
        return None
    follow_up = due.follow_up
    if (
        follow_up is not None
        and follow_up.touch == 1
        and not follow_up.late
        and moment.date() > window_closes(follow_up.met_on)
    ):
        return None  # waiting would let the 10-day window close: better now than never
    return moment


def nudge_marker(due: DueNudge) -> str:
    """What the platform keeps with the message to recognise this nudge later."""
    return f"nudge-{due.nudge_id}"


async def _already_sent(due: DueNudge, notifier: Notifier) -> bool:
    """For a nudge in doubt: does the platform show it was delivered? When the check fails
    the nudge is sent again: a repeat is better than a loss."""
    try:
        return await nudge_already_sent(notifier, due.member, nudge_marker(due))
    except Exception as error:
        log.warning("could not check nudge %s in doubt: %s", due.nudge_id, type(error).__name__)
        return False


async def _send_nudge(
    due: DueNudge, notifier: Notifier, now: datetime, touches: TouchCounts | None = None
) -> bool:
    try:
        reply = nudge_reply(due, now, touches)
        await send_nudge(notifier, due.member, reply, nudge_marker(due))
    except Exception as error:
        log.warning(
            "nudge %s for member %s not delivered (attempt %s): %s",
            due.nudge_id,
            due.member.id,
            due.attempts,
            type(error).__name__,
        )
        return False
    return True


class SentRecorder:
    """Records delivered nudges as sent, right after each send.

    A lane waits until its own nudge is recorded before it starts another send, so at any
    instant at most one nudge per lane is sent but unrecorded: a kill -9 can repeat at most
    `MAX_PARALLEL_SENDS`. Nudges whose sends end together share one short transaction (a group
    commit): one commit per nudge made the sweep four times slower on PostgreSQL.
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def record(self, nudge_id: int) -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((nudge_id, done))
        if self._writer is None or self._writer.done():
            # Its own task: a cancelled lane does not stop a record already on its way.
            self._writer = asyncio.create_task(self._write())
        await done

    async def _write(self) -> None:
        while self._waiting:
            group, self._waiting = self._waiting, []
            try:
                ids = [nudge_id for nudge_id, _ in group]
                await asyncio.to_thread(_mark_sent, self._store, ids, self._clock.now())
            except Exception as error:
                for _, done in group:
                    if not done.done():
                        done.set_exception(error)
            else:
                for _, done in group:
                    if not done.done():
                        done.set_result(None)


def _touch_tallies(store: Store, due: Iterable[DueNudge]) -> dict[tuple[int, int], TouchCounts]:
    """The ledgers of the batch's contacts in one query (an event's debrief has no contact)."""
    pairs = sorted({(d.member.id, d.follow_up.contact_id) for d in due if d.follow_up})
    return store.touch_tallies(pairs) if pairs else {}


def _mark_sent(store: Store, nudge_ids: Sequence[int], at: datetime) -> None:
    many = getattr(store, "mark_nudges_sent", None)
    if many is not None:
        many(nudge_ids, at)
        return
    for nudge_id in nudge_ids:  # a store without the batch form (the port's minimum)
        store.mark_nudge_sent(nudge_id, at)


@dataclass
class _Batch:
    """One claimed batch and how far each of its nudges got; settles what is left on exit."""

    store: Store
    notifier: Notifier
    clock: Clock
    now: datetime
    stopping: asyncio.Event | None
    recorder: SentRecorder
    unstarted: dict[int, DueNudge] = field(default_factory=dict)
    in_flight: dict[int, DueNudge] = field(default_factory=dict)
    sent: int = 0
    failed: int = 0
    recovered: int = 0  # in doubt and found delivered: recorded without a second send
    # Each nudged contact's give/ask/thank tally, read once per batch (the give-first line).
    touches: dict[tuple[int, int], TouchCounts] = field(default_factory=dict)

    # Loop time after which no send starts: half the lease, so every send that starts ends
    # while the claim is still ours and no other process can have taken the nudge over.
    send_by: float = float("inf")

    def stop_requested(self) -> bool:
        if self.stopping is not None and self.stopping.is_set():
            return True
        return asyncio.get_running_loop().time() >= self.send_by

    async def deliver(self, due: DueNudge) -> None:
        """Send one nudge, then record it at once (before this lane sends anything else)."""
        del self.unstarted[due.nudge_id]
        self.in_flight[due.nudge_id] = due
        if due.in_doubt and await _already_sent(due, self.notifier):
            await self.recorder.record(due.nudge_id)
            log.info("nudge %s was delivered before: recorded, not sent again", due.nudge_id)
            self.recovered += 1
            del self.in_flight[due.nudge_id]
            return
        touches = (
            self.touches.get((due.member.id, due.follow_up.contact_id)) if due.follow_up else None
        )
        ok = await _send_nudge(due, self.notifier, self.now, touches)
        if ok:
            await self.recorder.record(due.nudge_id)
            self.sent += 1
        else:
            retry_at = self.now + retry_delay(due.attempts)
            await asyncio.to_thread(_release, self.store, [due.nudge_id], retry_at, due.in_doubt)
            self.failed += 1
        del self.in_flight[due.nudge_id]

    def settle_leftovers(self) -> None:
        """Hand back what this process will not send, so another takes it on its next sweep
        instead of after the lease: unstarted nudges as they were, interrupted ones in doubt.

        Synchronous on purpose: it also runs while the sweep is being cancelled."""
        if self.unstarted:
            _release(self.store, list(self.unstarted), None, False)
            released = len(self.unstarted)
            self.unstarted.clear()
            log.info("handed back %s unsent nudges", released)
        if self.in_flight:
            _release(self.store, list(self.in_flight), None, True)
            log.warning("handed back %s nudges interrupted mid-send, in doubt", len(self.in_flight))
            self.in_flight.clear()


def _release(
    store: Store, nudge_ids: Sequence[int], retry_at: datetime | None, in_doubt: bool
) -> None:
    many = getattr(store, "release_nudges", None)
    if many is not None:
        many(nudge_ids, retry_at=retry_at, in_doubt=in_doubt)
        return
    for nudge_id in nudge_ids:  # a store without the batch form (the port's minimum)
        store.release_nudge(nudge_id, retry_at or datetime.now(UTC))


async def _sweep_batch(
    store: Store,
    notifier: Notifier,
    clock: Clock,
    now: datetime,
    worker: str,
    limit: int,
    scope: SweepScope,
) -> tuple[int, int, int, int]:
    """One claim-send-settle round; returns (claimed, sent, deferred, failed).

    Sends start until a stop is asked for or half the lease has gone by; what is left then is
    handed back at once for the next claim (by this process or another)."""
    # `now` decides what is due (one moment for the whole sweep); the lease runs from this
    # claim, however long the batches before it took.
    elapsed = max(clock.now() - now, timedelta(0))
    claimed = await asyncio.to_thread(
        store.claim_due_nudges,
        now,
        limit,
        worker,
        platforms=scope.platforms,
        member_id=scope.member_id,
        lease=scope.lease + elapsed,
    )
    batch = _Batch(store, notifier, clock, now, scope.stopping, SentRecorder(store, clock))
    batch.send_by = asyncio.get_running_loop().time() + scope.lease.total_seconds() / 2
    deferred = 0
    for due in claimed:
        later = _deferred_until(due, now)
        if later is None:
            batch.unstarted[due.nudge_id] = due
        else:
            deferred += 1
            await asyncio.to_thread(_release, store, [due.nudge_id], later, due.in_doubt)
    batch.touches = await asyncio.to_thread(_touch_tallies, store, batch.unstarted.values())
    queue = iter(list(batch.unstarted.values()))

    async def lane() -> None:
        for due in queue:
            if batch.stop_requested():
                return
            await batch.deliver(due)

    try:
        # A TaskGroup, not gather: if one lane fails the others stop too, before the settling.
        async with asyncio.TaskGroup() as lanes:
            for _ in range(min(MAX_PARALLEL_SENDS, len(batch.unstarted))):
                lanes.create_task(lane())
    finally:
        batch.settle_leftovers()
    return len(claimed), batch.sent, deferred, batch.failed


@dataclass(frozen=True)
class SweepScope:
    """What one process may claim and how long it holds it (see `storage.claims.NudgeScope`).

    `stopping`: once set, no new claim or send starts; what is claimed and unsent is handed back.
    """

    platforms: tuple[str, ...] | None = None
    member_id: int | None = None
    lease: timedelta = NUDGE_LEASE
    stopping: asyncio.Event | None = None


async def sweep_nudges(
    store: Store,
    notifier: Notifier,
    clock: Clock,
    worker: str,
    limit: int = CLAIM_BATCH,
    *,
    heartbeat: str = SWEEP_HEARTBEAT,
    scope: SweepScope | None = None,
) -> int:
    """Send every nudge that is due now within `scope`; returns how many were sent.

    `heartbeat` names the row the sweep stamps; the console's simulated clock uses its own, so a
    `netcoach try` session never passes for the server's scheduler in `/healthz` or `doctor`.

    Claims up to `limit` at a time and keeps going while full batches come back (catching up
    after downtime), at most `MAX_BATCHES_PER_SWEEP` batches per run. At most
    `MAX_PARALLEL_SENDS` sends are in flight; each is recorded as sent right after it succeeds,
    so a crash can repeat at most those. A failed send is released with exponential back-off.
    """
    scope = scope or SweepScope()
    now = clock.now()
    totals = [0, 0, 0, 0]
    for _ in range(MAX_BATCHES_PER_SWEEP):
        if scope.stopping is not None and scope.stopping.is_set():
            break
        batch = await _sweep_batch(store, notifier, clock, now, worker, limit, scope)
        totals = [a + b for a, b in zip(totals, batch, strict=True)]
        if batch[0] < limit:
            break
    claimed, sent, deferred, failed = totals
    await asyncio.to_thread(
        store.record_heartbeat,
        heartbeat,
        now,
        f"worker={worker} claimed={claimed} sent={sent} deferred={deferred} failed={failed}",
    )
    if claimed:
        log.info(
            "sweep by %s: claimed %s, sent %s, deferred %s, failed %s",
            worker,
            claimed,
            sent,
            deferred,
            failed,
        )
    return sent


def _settle_digest(store: Any, method: str, *args: Any) -> None:
    settle = getattr(store, method, None)  # finish/release exist on SqlStore, not in the port
    if settle is not None:
        settle(*args)


async def send_due_digests(
    store: Store,
    notifier: Notifier,
    clock: Clock,
    *,
    platforms: Sequence[str] | None = None,
    worker: str | None = None,
    lease: timedelta = DIGEST_LEASE,
    stopping: asyncio.Event | None = None,
) -> int:
    """Send each subscription's weekly digest once its local weekday and time have come this
    ISO week; returns how many were sent. The (subscription, ISO week) claim makes it once
    per week across processes and restarts. Only channels on `platforms` (None: any) are
    claimed; one digest is in flight at a time and none starts once `stopping` is set."""
    now = clock.now()
    sent = 0
    subscriptions = await asyncio.to_thread(
        store.digest_subscriptions, None if platforms is None else tuple(platforms)
    )
    for subscription in subscriptions:
        if stopping is not None and stopping.is_set():
            break
        slot = due_slot(subscription, now)
        if slot is None:
            continue
        claimed = await asyncio.to_thread(
            functools.partial(
                store.claim_digest_run,
                subscription.id,
                slot.iso_week,
                clock.now(),  # the lease runs from this claim, not from the job's start
                worker=worker,
                lease=lease,
            )
        )
        if not claimed:
            continue
        try:
            reply = await asyncio.to_thread(
                team_digest, store, subscription, slot.iso_week, slot.period_start, slot.send_at
            )
            await notifier.send_to_channel(subscription, reply)
        except Exception as error:
            log.warning(
                "digest %s for subscription %s not delivered: %s",
                slot.iso_week,
                subscription.id,
                type(error).__name__,
            )
            await asyncio.to_thread(
                _settle_digest, store, "release_digest_run", subscription.id, slot.iso_week
            )
            continue
        await asyncio.to_thread(
            _settle_digest, store, "finish_digest_run", subscription.id, slot.iso_week, clock.now()
        )
        sent += 1
    await asyncio.to_thread(store.record_heartbeat, DIGEST_HEARTBEAT, now, f"sent={sent}")
    return sent
