"""`ProcessWork`'s bookkeeping with a stand-in worker: which jobs a new worker gets again."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import struct
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.slack.worker import FINISHED, STARTED, ProcessWork


class StandInProcess:
    def __init__(self, pid: int) -> None:
        self.pid, self.exitcode, self.alive = pid, None, True

    def is_alive(self) -> bool:
        return self.alive

    def kill(self) -> None:
        self.alive, self.exitcode = False, -9

    def join(self, timeout: float | None = None) -> None:
        pass


class StandInWorkers(ProcessWork):
    """Each "worker" is the test's end of the socket pair, read and answered by hand."""

    def __init__(self) -> None:
        super().__init__(settings=None, post_interval_seconds=0.0)  # type: ignore[arg-type]
        self.ends: list[socket.socket] = []

    def _spawn_worker(self, jobs: socket.socket) -> Any:
        self.ends.append(jobs.dup())
        return StandInProcess(pid=len(self.ends))


@pytest.fixture
async def work() -> AsyncIterator[StandInWorkers]:
    running = StandInWorkers()
    running.start()
    yield running
    running._closing = True
    running._stop_reading_and_writing()
    for end in [running._sock, *running.ends]:
        if end is not None:
            end.close()


async def received(end: socket.socket, count: int) -> list[list[Any]]:
    """The next `count` frames the server sent to this worker."""
    loop = asyncio.get_running_loop()
    end.setblocking(False)
    frames = []
    for _ in range(count):
        (length,) = struct.unpack(">I", await loop.sock_recv(end, 4))
        payload = b""
        while len(payload) < length:
            payload += await loop.sock_recv(end, length - len(payload))
        frames.append(json.loads(payload))
    return frames


def report(end: socket.socket, what: bytes, number: int) -> None:
    end.sendall(struct.pack(">cQ", what, number))


async def until(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_a_new_worker_gets_the_jobs_not_started_and_not_the_ones_in_progress(
    work: StandInWorkers, caplog: pytest.LogCaptureFixture
) -> None:
    for n in range(4):
        work.submit("answer_command", {"text": f"job {n}"})
    first = work.ends[0]
    assert [f[0] for f in await received(first, 4)] == [1, 2, 3, 4]

    report(first, STARTED, 1)  # finished: nothing to do again
    report(first, FINISHED, 1)
    report(first, STARTED, 2)  # still running when the worker dies: lost, not repeated
    await until(lambda: 2 in work._running)
    work._started_at -= 60  # an old worker: restarted at once, with no pause
    work._process.kill()
    with caplog.at_level(logging.WARNING, logger="bot.slack.worker"):
        first.close()
        await until(lambda: len(work.ends) == 2)
        frames = await received(work.ends[1], 2)

    assert [(f[0], f[2]["text"]) for f in frames] == [(3, "job 2"), (4, "job 3")]
    assert "1 Slack jobs in progress were lost with the worker (answer_command)" in caplog.text
    assert "sending 2 waiting Slack jobs to the new worker" in caplog.text


async def test_a_worker_that_keeps_dying_young_is_restarted_after_growing_pauses(
    work: StandInWorkers,
) -> None:
    pauses = []
    for _ in range(3):
        work._process.kill()
        work.ends[-1].close()
        await until(lambda: work._restart_at is not None)
        pauses.append(work._restart_delay)
        work._restart_at.cancel()
        work._restart()
    assert pauses == [1.0, 2.0, 4.0]
    work.submit("answer_command", {"text": "waits for the new worker"})
    assert [f[2]["text"] for f in await received(work.ends[-1], 1)] == ["waits for the new worker"]
