"""The scheduler's jobs: plain async functions over the store, a notifier and a clock.

APScheduler only decides *when* they run; the database decides *what* is due and makes sure
each nudge and each weekly digest is claimed by exactly one process. Store calls are
synchronous, so they run in a worker thread. Logs carry ids, never message text.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.core.digest import digest_reply
from bot.core.nudges import next_working_moment, nudge_reply
from bot.core.ports import Clock, Notifier, Store
from bot.core.rules import window_closes
from bot.scheduler.digest_schedule import due_slot
from storage.records import DueNudge

log = logging.getLogger(__name__)

SWEEP_HEARTBEAT = "sweep"
DIGEST_HEARTBEAT = "digest"
# A nudge picked up this long after its time is a catch-up (the server was down): it waits
# for the member's working hours instead of arriving at 3 a.m.
CATCH_UP_AFTER = timedelta(minutes=15)
MAX_PARALLEL_SENDS = 20
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
        follow_up.touch == 1
        and not follow_up.late
        and moment.date() > window_closes(follow_up.met_on)
    ):
        return None  # waiting would let the 10-day window close: better now than never
    return moment


async def _send_nudge(due: DueNudge, notifier: Notifier, now: datetime) -> bool:
    try:
        await notifier.send_to_member(due.member, nudge_reply(due, now))
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


async def _send_all(to_send: Sequence[DueNudge], notifier: Notifier, now: datetime) -> list[bool]:
    """Deliver with at most MAX_PARALLEL_SENDS in flight; one result per nudge, in order.

    A few lanes share one queue of indexes, rather than one task per nudge: a sweep of 500
    would otherwise spend a good part of its time creating and scheduling tasks.
    """
    delivered = [False] * len(to_send)
    queue = iter(range(len(to_send)))

    async def lane() -> None:
        for index in queue:
            delivered[index] = await _send_nudge(to_send[index], notifier, now)

    await asyncio.gather(*(lane() for _ in range(min(MAX_PARALLEL_SENDS, len(to_send)))))
    return delivered


def _mark_sent(store: Store, nudge_ids: Sequence[int], at: datetime) -> None:
    batch = getattr(store, "mark_nudges_sent", None)
    if batch is not None:
        batch(nudge_ids, at)
        return
    for nudge_id in nudge_ids:
        store.mark_nudge_sent(nudge_id, at)


def _release(store: Store, releases: Sequence[tuple[int, datetime]]) -> None:
    for nudge_id, retry_at in releases:
        store.release_nudge(nudge_id, retry_at)


async def _sweep_batch(
    store: Store, notifier: Notifier, now: datetime, worker: str, limit: int
) -> tuple[int, int, int, int]:
    """One claim-send-settle round; returns (claimed, sent, deferred, failed)."""
    claimed = await asyncio.to_thread(store.claim_due_nudges, now, limit, worker)
    releases: list[tuple[int, datetime]] = []
    to_send: list[DueNudge] = []
    for due in claimed:
        later = _deferred_until(due, now)
        if later is None:
            to_send.append(due)
        else:
            releases.append((due.nudge_id, later))
    deferred = len(releases)
    results = await _send_all(to_send, notifier, now)
    sent_ids = [due.nudge_id for due, ok in zip(to_send, results, strict=True) if ok]
    releases += [
        (due.nudge_id, now + retry_delay(due.attempts))
        for due, ok in zip(to_send, results, strict=True)
        if not ok
    ]
    if sent_ids:
        await asyncio.to_thread(_mark_sent, store, sent_ids, now)
    if releases:
        await asyncio.to_thread(_release, store, releases)
    return len(claimed), len(sent_ids), deferred, len(to_send) - len(sent_ids)


async def sweep_nudges(
    store: Store,
    notifier: Notifier,
    clock: Clock,
    worker: str,
    limit: int = 500,
    *,
    heartbeat: str = SWEEP_HEARTBEAT,
) -> int:
    """Send every nudge that is due now; returns how many were sent.

    `heartbeat` names the row the sweep stamps; the console's simulated clock uses its own, so a
    `netcoach try` session never passes for the server's scheduler in `/healthz` or `doctor`.

    Claims up to `limit` at a time and keeps going while full batches come back (catching up
    after downtime), at most `MAX_BATCHES_PER_SWEEP` batches per run. A failed send is released
    with exponential back-off; a sent nudge is never claimed again.
    """
    now = clock.now()
    totals = [0, 0, 0, 0]
    for _ in range(MAX_BATCHES_PER_SWEEP):
        batch = await _sweep_batch(store, notifier, now, worker, limit)
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


async def send_due_digests(store: Store, notifier: Notifier, clock: Clock) -> int:
    """Send each subscription's weekly digest once its local weekday and time have come this
    ISO week; returns how many were sent. The (subscription, ISO week) claim makes it once
    per week across processes and restarts."""
    now = clock.now()
    sent = 0
    for subscription in await asyncio.to_thread(store.digest_subscriptions):
        slot = due_slot(subscription, now)
        if slot is None:
            continue
        if not await asyncio.to_thread(store.claim_digest_run, subscription.id, slot.iso_week, now):
            continue
        try:
            figures = await asyncio.to_thread(
                store.workspace_figures,
                subscription.platform,
                subscription.workspace_id,
                slot.period_start,
                slot.send_at,
            )
            await notifier.send_to_channel(
                subscription, digest_reply(figures, subscription, slot.iso_week)
            )
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
            _settle_digest, store, "finish_digest_run", subscription.id, slot.iso_week, now
        )
        sent += 1
    await asyncio.to_thread(store.record_heartbeat, DIGEST_HEARTBEAT, now, f"sent={sent}")
    return sent
