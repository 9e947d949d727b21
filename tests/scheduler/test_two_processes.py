"""Two OS processes sweeping one database deliver every nudge and digest exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from storage.records import PlannedNudge
from storage.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
MEMBERS = 20
FOLLOW_UPS_EACH = 15
CHANNELS = 20


def _run_workers(url: str, mode: str, out: Path, count: int = 2) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.scheduler.worker_process",
                url,
                mode,
                NOW.isoformat(),
                str(count),
                str(out),
                f"worker-{i}",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr


def _deliveries(out: Path) -> tuple[Counter[str], set[str]]:
    """How often each nudge / channel was delivered, and which workers delivered anything."""
    lines = [line.split() for line in out.read_text().splitlines()]
    return Counter(item for _, item in lines), {worker for worker, _ in lines}


@pytest.mark.slow
def test_two_processes_send_every_due_nudge_exactly_once(
    database_url: str, store: SqlStore, tmp_path: Path
):
    expected = set()
    for i in range(MEMBERS):
        member = store.get_or_create_member("slack", "T1", f"U{i}")
        contact = store.add_contact(member.id, "Dana")
        for _ in range(FOLLOW_UPS_EACH):
            follow_up = store.create_follow_up(
                member.id,
                contact.id,
                None,
                date(2026, 3, 1),
                date(2026, 3, 2),
                nudges=[PlannedNudge("due", NOW)],
            )
            expected.add(f"U{i}:#{follow_up.id}")
    out = tmp_path / "deliveries.txt"

    _run_workers(database_url, "nudges", out)

    delivered, workers = _deliveries(out)
    assert [nudge for nudge, n in delivered.items() if n > 1] == []
    assert set(delivered) == expected
    assert store.claim_due_nudges(NOW, 1000, "after") == []
    # Both workers took part (otherwise this test proves nothing about concurrency).
    assert workers == {"worker-0", "worker-1"}


@pytest.mark.slow
def test_two_processes_send_each_weekly_digest_exactly_once(
    database_url: str, store: SqlStore, tmp_path: Path
):
    for i in range(CHANNELS):
        store.subscribe_digest("slack", f"T{i % 4}", f"C{i}", 0, time(9, 0), "UTC", None)
    # Subscribed "last week": this Monday's 09:00 slot counts.
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE digest_subscriptions SET created_at = '2026-02-20 00:00:00+00:00'"
        )
    out = tmp_path / "digests.txt"

    _run_workers(database_url, "digests", out)

    delivered, workers = _deliveries(out)
    assert set(delivered) == {f"C{i}" for i in range(CHANNELS)}
    assert [channel for channel, n in delivered.items() if n > 1] == []
    assert workers == {"worker-0", "worker-1"}
