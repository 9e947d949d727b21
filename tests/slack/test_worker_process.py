"""`netcoach serve`'s layout: acks in the server process, the work in the Slack worker process.

The worker builds its own store, reviewer (the real model) and Web API client from the same
settings, so these tests use a SQLite file both processes open and the system clock.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from dataclasses import replace

import aiohttp
import pytest

from bot.bootstrap import bootstrap
from bot.config import Settings
from bot.server import SERVICES, SLACK, build_app
from tests.slack.conftest import SIGNING_SECRET, Running, serve
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSim, all_text

pytestmark = pytest.mark.slow  # a second Python process and the real model: a few seconds


@pytest.fixture
async def worker_server(single_workspace_settings: Settings) -> AsyncIterator[Running]:
    settings = replace(single_workspace_settings, log_level="WARNING")
    services = bootstrap(settings)  # the server process's own store, for event-id claims
    app = build_app(services, run_scheduler=False, slack_work_process=True)
    running = await serve(app)
    yield running
    await running.stop()
    services.store.close()  # type: ignore[attr-defined]


async def test_the_worker_process_answers_commands_and_drafts_once(
    worker_server: Running, fake_slack: FakeSlack
):
    work = worker_server.app[SLACK].work
    assert work.pid is not None and work.pid != __import__("os").getpid()
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, worker_server.base_url, SIGNING_SECRET, fake_slack)

        answer = await slack.answer_to(await slack.command("met Jane Doe"), timeout=60)
        assert "Jane Doe" in all_text(answer)

        event = slack.dm_event("Buy our premium plan today, limited offer, book a demo now!")
        for retry in (None, 1, 2):
            assert (await slack.event(event, event_id="EvWorker1", retry_num=retry)).status == 200
        reply = await slack.thread_reply_to(event, timeout=60)
        assert "value-first score" in all_text(reply.args)  # the real model's verdict
        await fake_slack.settle(0.5)
        assert len(fake_slack.calls_to("chat.postMessage")) == 1


async def test_the_worker_stops_with_the_server_after_its_jobs(
    single_workspace_settings: Settings, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
):
    services = bootstrap(replace(single_workspace_settings, log_level="WARNING"))
    app = build_app(services, run_scheduler=False, slack_work_process=True)
    running = await serve(app)
    process = app[SLACK].work._process
    assert process.is_alive()
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, running.base_url, SIGNING_SECRET, fake_slack)
        sent = [await slack.command(f"met Guest{n}") for n in range(3)]
    await running.stop()  # the jobs are acked, perhaps not done: stopping lets them finish
    assert not process.is_alive()
    assert process.exitcode == 0
    for n, command in enumerate(sent):
        assert f"Guest{n}" in all_text(await slack.answer_to(command, timeout=10))
    assert "not done when the server stopped" not in caplog.text
    services.store.close()  # type: ignore[attr-defined]


async def test_a_dead_worker_is_restarted_and_the_next_request_answered(
    worker_server: Running, fake_slack: FakeSlack
):
    work = worker_server.app[SLACK].work
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, worker_server.base_url, SIGNING_SECRET, fake_slack)
        await slack.answer_to(await slack.command("help"), timeout=60)  # the first worker is up

        work._process.kill()
        await asyncio.to_thread(work._process.join, 10)
        first_pid = work._process.pid

        answer = await slack.answer_to(await slack.command("help"), timeout=60)
        assert "met" in all_text(answer)
        assert work.pid != first_pid


async def test_requests_acked_while_the_worker_was_frozen_are_answered_once_by_the_next_one(
    worker_server: Running, fake_slack: FakeSlack
):
    work = worker_server.app[SLACK].work
    inbox = worker_server.app[SERVICES].store.inbox
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, worker_server.base_url, SIGNING_SECRET, fake_slack)
        await slack.answer_to(await slack.command("help"), timeout=60)  # the first worker is up
        await until(lambda: set(inbox.counts()) == {"done"})

        # Frozen, the worker cannot claim anything: these requests wait in the inbox, acked.
        os.kill(work.pid, signal.SIGSTOP)
        sent = [await slack.command(f"met Person{n} at the expo") for n in range(5)]
        assert all(s.status == 200 for s in sent)
        assert inbox.counts().get("pending") == 5
        first_pid = work.pid
        os.kill(first_pid, signal.SIGKILL)

        # No new request is needed: the server sees the socket close and starts a new worker.
        answers = [await slack.answer_to(s, timeout=60) for s in sent]
        assert work.pid != first_pid
        for n, answer in enumerate(answers):
            assert f"Person{n}" in all_text(answer)
        await fake_slack.settle(0.5)
        assert len(fake_slack.calls_to("response_url")) == 6  # each answered exactly once


async def until(condition, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)
