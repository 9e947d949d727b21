"""APScheduler wiring: it only triggers the jobs; our tables hold all the state.

Memory job store on purpose: APScheduler's persistent stores pickle jobs and must not be
shared between processes, and nothing about our due work lives in them.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.core.ports import Notifier
from bot.scheduler.jobs import send_due_digests, sweep_nudges

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.bootstrap import Services

SWEEP_JOB_ID = "nudge-sweep"
DIGEST_JOB_ID = "weekly-digest-check"
PRUNE_JOB_ID = "prune-processed-events"
DIGEST_CHECK_MINUTES = 5
EVENT_MEMORY = timedelta(days=1)


def worker_name() -> str:
    """Who holds a claim, for logs and stale-claim forensics: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


async def _prune_events(services: Services) -> None:
    import asyncio

    prune = getattr(services.store, "prune_events", None)
    if prune is not None:
        await asyncio.to_thread(prune, services.clock.now() - EVENT_MEMORY)


def build_scheduler(services: Services, notifier: Notifier) -> AsyncIOScheduler:
    """The scheduler with its three jobs, not started (call `.start()` inside the event loop).

    The sweep's first run is immediate, so nudges that came due while the server was down are
    caught up at start-up; the claims in the database keep that free of duplicates.
    """
    from apscheduler.jobstores.memory import MemoryJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    interval = max(1, services.settings.sweep_interval_seconds)
    scheduler = AsyncIOScheduler(
        timezone=UTC,
        jobstores={"default": MemoryJobStore()},
        job_defaults={"coalesce": True, "max_instances": 1},
    )
    now = datetime.now(UTC)
    scheduler.add_job(
        sweep_nudges,
        IntervalTrigger(seconds=interval, timezone=UTC),
        id=SWEEP_JOB_ID,
        name="send due nudges",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        kwargs={
            "store": services.store,
            "notifier": notifier,
            "clock": services.clock,
            "worker": worker_name(),
        },
        next_run_time=now,
        misfire_grace_time=interval,
    )
    scheduler.add_job(
        send_due_digests,
        IntervalTrigger(minutes=DIGEST_CHECK_MINUTES, timezone=UTC),
        id=DIGEST_JOB_ID,
        name="send due weekly digests",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        kwargs={"store": services.store, "notifier": notifier, "clock": services.clock},
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
