"""kill -9 of a real `netcoach serve` holding acked, unanswered Slack commands: a second server
answers every one of them exactly once, and each command's writes happen once (PostgreSQL)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from storage import open_store
from tests.server.test_serve_cli import serve_env
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import TEAM, USER, SlackSim, all_text

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPO = Path(__file__).resolve().parents[2]
SECRET = "faults-signing-secret"
TOKEN = "xoxb-faults"
COMMANDS = 20


def start_server(tmp_path: Path, database_url: str, fake: FakeSlack) -> subprocess.Popen[str]:
    env = serve_env(
        tmp_path,
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        NETCOACH_LOG_LEVEL="WARNING",
    )
    env["DATABASE_URL"] = database_url
    # Its own session: kill -9 of the group takes the server and its Slack worker at once.
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", "0"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


async def listening_url(process: subprocess.Popen[str], timeout: float = 60) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = await asyncio.to_thread(process.stdout.readline)
        if line.startswith("netcoach: listening on "):
            return line.split("listening on ", 1)[1].strip()
        if not line and process.poll() is not None:
            break
    raise AssertionError("the server did not start")


def slack_worker_of(pid: int) -> int:
    """The server's Slack worker process (its other child is multiprocessing's tracker)."""
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    (worker,) = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return worker


def inbox_counts(database_url: str) -> dict[str, int]:
    store = open_store(database_url, migrate=False)
    try:
        return store.inbox.counts()
    finally:
        store.close()


async def until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(condition):
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


def answers_per_hook(fake: FakeSlack) -> dict[str, int]:
    counts: dict[str, int] = {}
    for call in fake.calls_to("response_url"):
        counts[call.args["hook"]] = counts.get(call.args["hook"], 0) + 1
    return counts


async def test_a_second_server_answers_every_command_a_killed_one_had_acked_exactly_once(
    postgres_url: str, tmp_path: Path
):
    fake = await FakeSlack().start()
    fake.add_workspace(TOKEN)
    first = start_server(tmp_path, postgres_url, fake)
    second: subprocess.Popen[str] | None = None
    try:
        async with aiohttp.ClientSession() as session:
            slack = SlackSim(session, await listening_url(first), SECRET, fake)
            await slack.answer_to(await slack.command("help"), timeout=60)  # its worker is up
            await until(lambda: inbox_counts(postgres_url) == {"done": 1})
            worker = slack_worker_of(first.pid)

            # The worker frozen: these are acked (so stored) but nobody works on them.
            os.kill(worker, signal.SIGSTOP)
            sent = [await slack.command(f"met Guest{n} at the fair") for n in range(COMMANDS)]
            assert [s.status for s in sent] == [200] * COMMANDS
            await asyncio.sleep(0.5)
            assert not set(answers_per_hook(fake)) & {s.hook for s in sent}  # none answered
            os.killpg(first.pid, signal.SIGKILL)
            await asyncio.to_thread(first.wait, 10)

            second = start_server(tmp_path, postgres_url, fake)
            await listening_url(second)
            answers = [await slack.answer_to(s, timeout=90) for s in sent]
            await fake.settle(1.0)

        for n, answer in enumerate(answers):
            assert f"Guest{n}" in all_text(answer)
        per_hook = answers_per_hook(fake)
        assert [per_hook.get(s.hook, 0) for s in sent] == [1] * COMMANDS
        store = open_store(postgres_url, migrate=False)
        try:
            member = store.get_or_create_member("slack", TEAM, USER)
            for n in range(COMMANDS):
                assert [c.name for c in store.find_contacts(member.id, f"Guest{n}")] == [
                    f"Guest{n}"
                ]
            assert len(store.open_follow_ups(member.id)) == COMMANDS
            assert store.inbox.counts() == {"done": COMMANDS + 1}
        finally:
            store.close()
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        await fake.stop()
