"""The Slack worker process: the work behind each request, away from the process that acks.

The core's work is mostly Python (SQLAlchemy, the review model). In the process that answers
Slack's HTTP requests it would hold the GIL the event loop needs to ack the next request, so
under load the acks would wait for the replies. `netcoach serve` therefore acks in the server
process and hands `(kind, body)` to one worker process, which runs `bot.slack.jobs` with its
own store, Web API client and pacer, built from the same settings.

The worker also claims event ids (`bot.slack.dedupe`) before the work, so the server process
acks without touching the database at all.
"""

from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import signal
import socket
import struct
import time
from collections.abc import AsyncIterator
from typing import Any

from bot.config import Settings

log = logging.getLogger(__name__)

STOP = None
SHUTDOWN_GRACE_SECONDS = 15.0
# Jobs in progress at once: enough to overlap Web API calls; the store lanes bound the rest.
CONSUMERS = 8


class ProcessWork:
    """`WorkRunner` that sends jobs to the worker process over a socket pair.

    Frames are a 4-byte length and the JSON `[kind, body]` (Slack bodies are JSON to begin
    with). Writes are non-blocking from the event loop: no feeder thread competes with the
    acks for the GIL, and a killed worker cannot leave a lock behind.
    """

    def __init__(self, settings: Settings, post_interval_seconds: float) -> None:
        self._settings = settings
        self._post_interval = post_interval_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._sock: socket.socket | None = None
        self._unsent = bytearray()
        self._flushed: asyncio.Event | None = None

    def start(self) -> None:
        ours, theirs = socket.socketpair()
        self._process = self._context.Process(
            target=worker_main,
            args=(self._settings, theirs, self._post_interval),
            name="netcoach-slack-worker",
            daemon=True,
        )
        self._process.start()
        theirs.close()
        ours.setblocking(False)
        self._sock = ours
        self._unsent.clear()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def submit(self, kind: str, body: dict[str, Any]) -> None:
        if self._process is None or not self._process.is_alive():
            self._restart()
        self._send(_frame([kind, body]))

    def _restart(self) -> None:
        code = self._process.exitcode if self._process is not None else None
        log.error("the Slack worker process is not running (exit code %s); starting it", code)
        if self._sock is not None:
            if self._unsent:
                log.error("%d bytes of Slack jobs were lost with the worker", len(self._unsent))
            self._stop_writing()
            self._sock.close()
        self.start()

    def _send(self, data: bytes) -> None:
        assert self._sock is not None
        if not self._unsent:
            try:
                sent = self._sock.send(data)
            except BlockingIOError:
                sent = 0
            if sent == len(data):
                return
            data = data[sent:]
            asyncio.get_running_loop().add_writer(self._sock, self._flush)
        self._unsent += data  # the worker is behind: the socket buffer is full

    def _flush(self) -> None:
        assert self._sock is not None
        try:
            sent = self._sock.send(self._unsent)
        except BlockingIOError:
            return
        except OSError:
            sent = len(self._unsent)  # the worker is gone; submit() restarts it
        del self._unsent[:sent]
        if not self._unsent:
            self._stop_writing()

    def _stop_writing(self) -> None:
        if self._sock is not None:
            asyncio.get_running_loop().remove_writer(self._sock)

    async def close(self) -> None:
        if self._process is None or self._sock is None:
            return
        if self._process.is_alive():
            self._send(_frame(STOP))
            deadline = time.monotonic() + SHUTDOWN_GRACE_SECONDS
            while self._unsent and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        await asyncio.to_thread(self._process.join, SHUTDOWN_GRACE_SECONDS)
        if self._process.is_alive():
            log.warning("the Slack worker did not stop in time; terminating it")
            self._process.terminate()
            await asyncio.to_thread(self._process.join, 5)
        self._stop_writing()
        self._sock.close()


def _frame(item: object) -> bytes:
    payload = json.dumps(item, separators=(",", ":")).encode()
    return struct.pack(">I", len(payload)) + payload


async def _read_frames(sock: socket.socket) -> AsyncIterator[Any]:
    reader, writer = await asyncio.open_connection(sock=sock)
    try:
        while True:
            try:
                (length,) = struct.unpack(">I", await reader.readexactly(4))
                yield json.loads(await reader.readexactly(length))
            except asyncio.IncompleteReadError:
                return  # the server process is gone
    finally:
        writer.close()


# When the machine is short of CPU, the acks (server process) go first; replies can wait.
WORKER_NICENESS = 10


def worker_main(settings: Settings, jobs: socket.socket, post_interval_seconds: float) -> None:
    # Ctrl-C reaches the whole process group; the server process decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.nice(WORKER_NICENESS)
    from bot.slack.logs import configure_logging

    configure_logging(settings.log_level)
    asyncio.run(_work_until_stopped(settings, jobs, post_interval_seconds))


async def _work_until_stopped(
    settings: Settings, jobs: socket.socket, post_interval_seconds: float
) -> None:
    import aiohttp

    from bot.bootstrap import bootstrap
    from bot.slack.client import ChannelPacer, build_web_client
    from bot.slack.deps import SlackDeps
    from bot.slack.jobs import JOBS
    from bot.slack.lanes import threads_for
    from bot.slack.settings_check import SlackMode, slack_mode
    from bot.slack.workspaces import WorkspaceClients
    from storage import open_store

    # The server process migrated the database before starting us.
    services = bootstrap(settings, store=open_store(settings.database_url, migrate=False))
    oauth = None
    if slack_mode(settings.slack, settings.encryption_key) is SlackMode.OAUTH:
        from bot.slack.oauth import OAuthStores

        oauth = OAuthStores(settings)
        client = build_web_client(settings.slack)
    else:
        client = build_web_client(settings.slack, token=settings.slack.bot_token)
    client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=client.timeout))
    installations = oauth.installations if oauth is not None else None
    deps = SlackDeps(
        services=services,
        pacer=ChannelPacer(post_interval_seconds),
        clients=WorkspaceClients(client, installations),
        installation_store=installations,
        work_threads=threads_for(settings.database_url),
    )
    deps.start()
    # The model loads here, once, rather than on the first draft someone sends.
    await deps.lanes.run(1, _warm_reviewer, services)

    pending: asyncio.Queue[list[Any] | None] = asyncio.Queue()

    async def read_jobs() -> None:
        async for item in _read_frames(jobs):
            pending.put_nowait(item)
            if item is STOP:
                return
        pending.put_nowait(STOP)  # end of stream: the server process went away

    async def consume() -> None:
        # A backlog waits here as plain (kind, body) pairs, not as thousands of live tasks.
        while (item := await pending.get()) is not STOP:
            kind, body = item
            await deps.run_job(JOBS[kind](deps, body), body)
        pending.put_nowait(STOP)  # let the next consumer see it too

    reading = asyncio.create_task(read_jobs())
    await asyncio.gather(*(consume() for _ in range(CONSUMERS)))
    reading.cancel()
    await deps.close()
    await client.session.close()
    if oauth is not None:
        await oauth.close()
    close_store = getattr(services.store, "close", None)
    if callable(close_store):
        close_store()


def _warm_reviewer(services: Any) -> None:
    try:
        services.reviewer("Warm-up: loading the review model.")
    except Exception as error:  # a broken model shows on real drafts, with the apology
        log.warning("review model warm-up failed: %s", type(error).__name__)
