"""Faults during a sweep: two real `netcoach serve` processes on one PostgreSQL, 300 due nudges
and 60 due weekly digests, and one server killed (kill -9) or stopped (SIGTERM) at several
points. Every nudge and digest must arrive; after a kill -9 at most the sends in flight at that
instant may repeat (`MAX_PARALLEL_SENDS`); after a SIGTERM none repeats, the stopped server exits
within 10 s, and what it held goes out at once (its lease here is far longer than the test).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.scheduler.jobs import MAX_PARALLEL_SENDS
from storage.models import DigestRun, Nudge
from storage.records import PlannedNudge
from storage.store import SqlStore
from tests.faults.slow_slack import SlackThread

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[2]
TOKEN = "xoxb-fault-suite"
TEAM = "T0001"
SIGNING_SECRET = "fault-suite-signing-secret-0123456789"
NUDGES = 300
CHANNELS = 60
# Nudges come due over this long, so both servers' sweeps find work (rather than the first
# server's first sweep claiming all 300).
DUE_SPREAD = timedelta(seconds=3)
FIRST_DUE_AFTER = timedelta(seconds=8)  # both servers are up by then
STOP_BUDGET_SECONDS = 10
SHORT_LEASE = 3  # kill -9: a dead server's claims are taken over 3 s later
LONG_LEASE = 600  # SIGTERM: anything that waited for a lease would miss the deadline


# --- servers -----------------------------------------------------------------------------------
@dataclass
class Server:
    process: subprocess.Popen[str]

    @classmethod
    def start(cls, database_url: str, slack: SlackThread, home: Path, lease: int) -> Server:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SLACK_", "MICROSOFT_", "NETCOACH_", "DATABASE_URL"))
        }
        env.update(
            PYTHONPATH=str(REPO),
            NETCOACH_HOME=str(home),
            DATABASE_URL=database_url,
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=slack.api_url,
            NETCOACH_SWEEP_SECONDS="1",
            NETCOACH_CLAIM_LEASE_SECONDS=str(lease),
            NETCOACH_LOG_LEVEL="WARNING",
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", "0"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,  # its Slack worker process goes with it at clean-up
        )
        return cls(process)

    def wait_listening(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if line.startswith("netcoach: listening on "):
                return
            if not line and self.process.poll() is not None:
                break
        raise AssertionError("a server did not start")

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def clean_up(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.clean_up()


@pytest.fixture
def slack() -> Iterator[SlackThread]:
    thread = SlackThread(TOKEN, TEAM)
    yield thread
    thread.close()


# --- the work ----------------------------------------------------------------------------------
def _seed(store: SqlStore) -> datetime:
    """300 members with one nudge each, due from `FIRST_DUE_AFTER` on; 60 channels whose
    weekly digest is due this week. Returns when the first nudge is due."""
    first_due = datetime.now(UTC) + FIRST_DUE_AFTER
    for i in range(NUDGES):
        member = store.get_or_create_member("slack", TEAM, f"U{i:03d}")
        contact = store.add_contact(member.id, "Dana")
        send_at = first_due + DUE_SPREAD * i / NUDGES
        today = send_at.date()
        store.create_follow_up(
            member.id, contact.id, None, today, today, nudges=[PlannedNudge("due", send_at)]
        )
    monday = datetime.now(UTC).date() - timedelta(days=datetime.now(UTC).weekday())
    for i in range(CHANNELS):
        store.subscribe_digest("slack", TEAM, f"C{i:03d}", 0, clock_time(0, 0), "UTC", None)
    with store.engine.begin() as connection:
        # Subscribed last week: this week's Monday 00:00 slot is due.
        connection.exec_driver_sql(
            "UPDATE digest_subscriptions SET created_at = %(at)s",
            {"at": datetime.combine(monday, clock_time(0), UTC) - timedelta(days=3)},
        )
    return first_due


def _nudges(delivered: Counter[str]) -> Counter[str]:
    return Counter({channel: n for channel, n in delivered.items() if channel.startswith("D")})


def _digests(delivered: Counter[str]) -> Counter[str]:
    return Counter({channel: n for channel, n in delivered.items() if channel.startswith("C")})


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _wait_until_quiet(slack: SlackThread, quiet: float = 3.0) -> Counter[str]:
    """Until no post arrived for `quiet` seconds: late duplicates would show up by then."""
    before = slack.deliveries()
    while True:
        time.sleep(quiet)
        now = slack.deliveries()
        if now == before:
            return now
        before = now


def _left_in_database(store: SqlStore) -> tuple[int, int]:
    with store.engine.connect() as connection:
        unsent_nudges = connection.scalar(
            select(func.count()).select_from(Nudge).where(Nudge.status != "sent")
        )
        unsent_digests = CHANNELS - connection.scalar(
            select(func.count()).select_from(DigestRun).where(DigestRun.status == "sent")
        )
    return int(unsent_nudges or 0), int(unsent_digests)


@dataclass(frozen=True)
class Fault:
    signum: int
    # The fault lands once this many nudges (or, with `during_digests`, digests) were delivered.
    after: int
    during_digests: bool = False

    @property
    def name(self) -> str:
        kind = "kill -9" if self.signum == signal.SIGKILL else "SIGTERM"
        return f"{kind} after {self.after} {'digests' if self.during_digests else 'nudges'}"


FAULTS = [
    Fault(signal.SIGKILL, 1),  # right after its first claim
    Fault(signal.SIGKILL, 120),
    Fault(signal.SIGKILL, 20, during_digests=True),
    Fault(signal.SIGTERM, 1),
    Fault(signal.SIGTERM, 150),
    Fault(signal.SIGTERM, 20, during_digests=True),
]


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_fault_mid_sweep_loses_nothing_and_repeats_at_most_the_sends_in_flight(
    fault: Fault,
    postgres_url: str,
    slack: SlackThread,
    servers: list[Server],
    tmp_path: Path,
):
    store = SqlStore.open(postgres_url, migrate=False)
    try:
        _seed(store)
        killed = fault.signum == signal.SIGKILL
        lease = SHORT_LEASE if killed else LONG_LEASE
        servers += [Server.start(postgres_url, slack, tmp_path, lease) for _ in range(2)]
        for server in servers:
            server.wait_listening()
        victim = servers[0]
        count = _digests if fault.during_digests else _nudges
        _wait(lambda: sum(count(slack.deliveries()).values()) >= fault.after, 60, fault.name)

        struck = time.monotonic()
        victim.signal(fault.signum)
        victim.process.wait(timeout=STOP_BUDGET_SECONDS + 5)
        stopped_in = time.monotonic() - struck
        if killed:
            # As an orchestrator would: start it again (its digest check runs at start-up).
            servers.append(Server.start(postgres_url, slack, tmp_path, lease))
            servers[-1].wait_listening()
        else:
            assert victim.process.returncode == 0
            assert stopped_in < STOP_BUDGET_SECONDS

        # The SIGTERM case has no restart and a 10-minute lease: only a hand-back gets
        # the stopped server's nudges and digests out within this minute.
        _wait(
            lambda: (
                len(_nudges(slack.deliveries())) == NUDGES
                and len(_digests(slack.deliveries())) == CHANNELS
            ),
            60,
            "every nudge and digest",
        )
        # A send that was in flight at a kill -9 is recorded only once its claim is taken over
        # (its lease ended): wait for every record, then for any late repeat to show.
        _wait(lambda: _left_in_database(store) == (0, 0), 60, "every delivery recorded")
        delivered = _wait_until_quiet(slack)
        nudges, digests = _nudges(delivered), _digests(delivered)
        repeated = sum(n - 1 for n in nudges.values()) + sum(n - 1 for n in digests.values())

        assert len(nudges) == NUDGES and len(digests) == CHANNELS  # none lost
        if killed:
            assert repeated <= MAX_PARALLEL_SENDS
        else:
            assert repeated == 0
        print(f"{fault.name}: stopped in {stopped_in:.2f} s, repeated {repeated}")
    finally:
        store.close()
