"""APScheduler wiring: it only triggers the jobs; our tables hold all the state.

Memory job store on purpose: APScheduler's persistent stores pickle jobs and must not be
shared between processes, and nothing about our due work lives in them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.core.chat import QUESTION_EXPIRES
from bot.core.ports import Notifier
from bot.scheduler.jobs import SweepScope, send_due_digests, sweep_nudges
from storage.claims import DIGEST_LEASE, NUDGE_LEASE

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.bootstrap import Services

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "nudge-sweep"
DIGEST_JOB_ID = "weekly-digest-check"
PRUNE_JOB_ID = "prune-processed-events"
DIGEST_CHECK_MINUTES = 5
EVENT_MEMORY = timedelta(days=1)
# On SIGTERM the jobs get this long to finish the sends in flight (and hand back the rest)
# before they are cancelled; the server then closes within the 10 s an orchestrator allows.
DRAIN_SECONDS = 4.0


def worker_name() -> str:
    """Who holds a claim, for logs and stale-claim forensics: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


async def _prune_events(services: Services) -> None:
    prune = getattr(services.store, "prune_events", None)
    if prune is not None:
        await asyncio.to_thread(prune, services.clock.now() - EVENT_MEMORY)
    # Unanswered yes/no questions (one may hold a draft to review) go once they expire.
    prune_questions = getattr(services.store, "prune_questions", None)
    if prune_questions is not None:
        await asyncio.to_thread(prune_questions, services.clock.now() - QUESTION_EXPIRES)


class DeliveryJobs:
    """The sweep and the digest check of one process, and how they stop.

    `stop()` asks them to claim nothing more, lets the sends in flight finish (each recorded as
    it succeeds), hands back whatever is claimed and unsent, and cancels what is still running
    after `DRAIN_SECONDS` (those sends are handed back in doubt).
    """

    def __init__(self, services: Services, notifier: Notifier) -> None:
        self.services = services
        self.notifier = notifier
        self.worker = worker_name()
        self.stopping = asyncio.Event()
        self._running: set[asyncio.Task[Any]] = set()
        lease_seconds = services.settings.claim_lease_seconds
        lease = timedelta(seconds=lease_seconds) if lease_seconds > 0 else None
        # Only what this process can deliver: the platforms its notifier serves.
        platforms: tuple[str, ...] | None = getattr(notifier, "platforms", None)
        self.platforms = platforms
        self.nudge_scope = SweepScope(
            platforms=platforms, lease=lease or NUDGE_LEASE, stopping=self.stopping
        )
        self.digest_lease = lease or DIGEST_LEASE

    async def _tracked(self, job: Callable[[], Awaitable[object]]) -> None:
        if self.stopping.is_set():
            return
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            await job()
        finally:
            self._running.discard(task)

    async def sweep(self) -> None:
        await self._tracked(
            lambda: sweep_nudges(
                self.services.store,
                self.notifier,
                self.services.clock,
                self.worker,
                scope=self.nudge_scope,
            )
        )

    async def digests(self) -> None:
        await self._tracked(
            lambda: send_due_digests(
                self.services.store,
                self.notifier,
                self.services.clock,
                platforms=self.platforms,
                worker=self.worker,
                lease=self.digest_lease,
                stopping=self.stopping,
            )
        )

    async def stop(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        self.stopping.set()
        running = set(self._running)
        if not running:
            return
        _, late = await asyncio.wait(running, timeout=drain_seconds)
        for task in late:
            task.cancel()
        if late:
            log.warning("%s delivery jobs cancelled after %s s", len(late), drain_seconds)
            await asyncio.wait(late, timeout=1.0)


def build_scheduler(services: Services, notifier: Notifier) -> AsyncIOScheduler:
    """The scheduler with its three jobs, not started (call `.start()` inside the event loop).

    The sweep's first run is immediate, so nudges that came due while the server was down are
    caught up at start-up; the claims in the database keep that free of duplicates. The
    `DeliveryJobs` behind the sweep and digest jobs is `scheduler.delivery_jobs`: stop it before
    shutting the scheduler down (APScheduler's shutdown cancels running jobs mid-send).
    """
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    jobs = DeliveryJobs(services, notifier)
    interval = max(1, services.settings.sweep_interval_seconds)
    scheduler = AsyncIOScheduler(
        timezone=UTC,
        jobstores={"default": MemoryJobStore()},
        job_defaults={"coalesce": True, "max_instances": 1},
    )
    scheduler.delivery_jobs = jobs  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    scheduler.add_job(
        jobs.sweep,
        IntervalTrigger(seconds=interval, timezone=UTC),
        id=SWEEP_JOB_ID,
        name="send due nudges",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=now,
        misfire_grace_time=interval,
    )
    scheduler.add_job(
        jobs.digests,
        IntervalTrigger(minutes=DIGEST_CHECK_MINUTES, timezone=UTC),
        id=DIGEST_JOB_ID,
        name="send due weekly digests",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=now + timedelta(seconds=5),
        misfire_grace_time=DIGEST_CHECK_MINUTES * 60,
    )
    scheduler.add_job(
        _prune_events,
        IntervalTrigger(hours=1, timezone=UTC),
        id=PRUNE_JOB_ID,
        name="forget old webhook event ids",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        kwargs={"services": services},
        misfire_grace_time=3600,
    )
    return scheduler


async def stop_scheduler(scheduler: AsyncIOScheduler) -> None:
    """Stop claiming, let the deliveries in flight finish or hand them back, then shut down."""
    scheduler.pause()
    jobs: DeliveryJobs | None = getattr(scheduler, "delivery_jobs", None)
    if jobs is not None:
        await jobs.stop()
    scheduler.shutdown(wait=False)
