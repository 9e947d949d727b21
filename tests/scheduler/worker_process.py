"""A scheduler worker in its own OS process, for the exactly-once tests.

Usage: python -m tests.scheduler.worker_process URL nudges|digests NOW_ISO WORKERS OUT_FILE NAME
Connects, then waits until all WORKERS have connected (a file barrier next to OUT_FILE) so they
really race, runs the job until nothing is left, and appends one line per delivery
("NAME U7:#12": worker, user and follow-up id; or worker and channel id) to OUT_FILE.
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.core.messages import Reply
from bot.scheduler.jobs import send_due_digests, sweep_nudges
from storage import open_store
from storage.records import DigestSubscriptionRecord, MemberRecord


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now


class FileNotifier:
    def __init__(self, path: Path, name: str) -> None:
        self._file = path.open("a", buffering=1)
        self._name = name

    async def send_to_member(self, member: MemberRecord, reply: Reply) -> None:
        await asyncio.sleep(0.02)  # a network call's worth of interleaving
        follow_up = reply.actions[0].command.split()[1]  # "done #12 gave"
        self._file.write(f"{self._name} {member.user_id}:{follow_up}\n")

    async def send_to_channel(self, subscription: DigestSubscriptionRecord, reply: Reply) -> None:
        await asyncio.sleep(0.02)
        self._file.write(f"{self._name} {subscription.channel_id}\n")


def _barrier(out: Path, name: str, workers: int) -> None:
    (out.parent / f"ready-{name}").touch()
    deadline = time.monotonic() + 60
    while len(list(out.parent.glob("ready-*"))) < workers:
        if time.monotonic() > deadline:
            raise SystemExit("the other workers never came up")
        time.sleep(0.01)


async def main(url: str, mode: str, now: str, workers: str, out: str, name: str) -> None:
    clock = FixedClock(datetime.fromisoformat(now))
    store = open_store(url, migrate=False, clock=clock)
    # Connect and compile the claim queries before the race starts, so neither worker can
    # finish everything while the other is still warming up.
    store.claim_due_nudges(datetime(2000, 1, 1, tzinfo=UTC), 1, name)
    store.digest_subscriptions()
    notifier = FileNotifier(Path(out), name)
    _barrier(Path(out), name, int(workers))
    if mode == "nudges":
        while await sweep_nudges(store, notifier, clock, name, limit=25):
            pass
    else:
        for _ in range(2):
            await send_due_digests(store, notifier, clock)
    store.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:]))
