"""The health report, and the APScheduler wiring driving real jobs."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.triggers.interval import IntervalTrigger

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.scheduler.health import health_report
from bot.scheduler.jobs import SWEEP_HEARTBEAT
from bot.scheduler.runner import DIGEST_JOB_ID, SWEEP_JOB_ID, build_scheduler
from storage.records import PlannedNudge
from storage.store import SqlStore
from tests.conftest import FakeClock
from tests.scheduler.fakes import RecordingNotifier


def test_health_is_ok_only_with_a_recent_sweep(store: SqlStore, clock: FakeClock):
    never = health_report(store, clock)
    assert never["ok"] is False and "never" in never["problem"]

    store.record_heartbeat(SWEEP_HEARTBEAT, clock.now(), "sent=2")
    clock.advance(seconds=45)
    fresh = health_report(store, clock)
    assert fresh["ok"] is True
    assert fresh["sweep_age_seconds"] == 45.0 and fresh["detail"] == "sent=2"
    assert fresh["last_sweep"] == (clock.now() - timedelta(seconds=45)).isoformat()

    clock.advance(seconds=16)  # 61 s: more than two 30-second intervals
    stale = health_report(store, clock)
    assert stale["ok"] is False and "61 s ago" in stale["problem"]
    assert health_report(store, clock, sweep_interval_seconds=60)["ok"] is True


def test_health_reports_an_unreachable_database(tmp_path, clock: FakeClock):
    broken = SqlStore.open(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}", migrate=False)
    try:
        report = health_report(broken, clock)
    finally:
        broken.close()
    assert report["ok"] is False and "database" in report["problem"]


def _services(store: SqlStore, clock, interval: int = 30):
    settings = Settings(database_url="sqlite://", sweep_interval_seconds=interval)
    return bootstrap(settings, store=store, clock=clock, reviewer=lambda text: None)


def test_scheduler_has_named_interval_jobs_in_memory_and_sweeps_at_once(
    store: SqlStore, clock: FakeClock
):
    scheduler = build_scheduler(_services(store, clock, interval=30), RecordingNotifier())
    sweep, digest = scheduler.get_job(SWEEP_JOB_ID), scheduler.get_job(DIGEST_JOB_ID)
    assert isinstance(sweep.trigger, IntervalTrigger)
    assert sweep.trigger.interval == timedelta(seconds=30)
    assert digest.trigger.interval <= timedelta(minutes=10)
    assert sweep.coalesce and sweep.max_instances == 1 and sweep.misfire_grace_time == 30
    # Catch-up after downtime: the first sweep runs right away, not 30 s after start.
    assert abs(sweep.next_run_time - datetime.now(UTC)) < timedelta(seconds=5)
    assert isinstance(scheduler._jobstores["default"], MemoryJobStore)
    assert not scheduler.running


async def test_running_scheduler_delivers_due_nudges_and_beats(store: SqlStore):
    class WallClock:
        def now(self) -> datetime:
            return datetime.now(UTC)

    clock = WallClock()
    member = store.get_or_create_member("slack", "T1", "U1")
    contact = store.add_contact(member.id, "Dana")
    store.create_follow_up(
        member.id,
        contact.id,
        None,
        date.today(),
        date.today(),
        nudges=[PlannedNudge("due", clock.now() - timedelta(minutes=1))],
    )
    notifier = RecordingNotifier()
    scheduler = build_scheduler(_services(store, clock, interval=1), notifier)
    scheduler.start()
    try:
        for _ in range(100):
            if notifier.to_members and store.heartbeat(SWEEP_HEARTBEAT):
                break
            await asyncio.sleep(0.05)
    finally:
        scheduler.shutdown(wait=False)
    assert [m.user_id for m, _ in notifier.to_members] == ["U1"]
    assert health_report(store, clock, sweep_interval_seconds=1)["ok"] is True
