"""The Slack worker process: the work behind each request, away from the process that acks.

The core's work is mostly Python (SQLAlchemy, the review model). In the process that answers
Slack's HTTP requests it would hold the GIL the event loop needs to ack the next request, so
under load the acks would wait for the replies. `netcoach serve` therefore acks in the server
process and hands `(kind, body)` to one worker process, which runs `bot.slack.jobs` with its
own store, Web API client and pacer, built from the same settings.

The worker also claims event ids (`bot.slack.dedupe`) before the work, so the server process
acks without touching the database at all.

Nothing waiting is lost with the worker: it tells the server when it starts and finishes each
job, and the server keeps every job the worker has not started. When the worker dies (the server
notices at once, from the closed socket), a new one is started and gets those jobs again, in
order. Only the jobs it was running at that moment (at most CONSUMERS) are lost, and logged by
kind: running one again could do its work twice.
"""

from __future__ import annotations

import asyncio
import itertools
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
# The worker's reports back to the server: one byte saying which, then the job's number.
STARTED, FINISHED = b"S", b"F"
_REPORT = struct.Struct(">cQ")
# A worker that dies within this long of starting is restarted after a pause that doubles
# each time (up to the maximum), so a worker that cannot start does not spin.
RESTART_PAUSE_AFTER_SECONDS = 10.0
MAX_RESTART_DELAY_SECONDS = 30.0


class ProcessWork:
    """`WorkRunner` that sends jobs to the worker process over a socket pair.

    Frames are a 4-byte length and the JSON `[number, kind, body]` (Slack bodies are JSON to
    begin with); the worker answers with `_REPORT`s. Writes and reads are non-blocking from the
    event loop: no feeder thread competes with the acks for the GIL, and a killed worker cannot
    leave a lock behind.
    """

    def __init__(self, settings: Settings, post_interval_seconds: float) -> None:
        self._settings = settings
        self._post_interval = post_interval_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._sock: socket.socket | None = None
        self._unsent = bytearray()
        self._numbers = itertools.count(1)
        # Sent, not started: (kind, frame), to send again to a new worker.
        self._waiting: dict[int, tuple[str, bytes]] = {}
        self._running: dict[int, str] = {}  # started, not finished: the job's kind
        self._reports = bytearray()
        self._closing = False
        self._restart_at: asyncio.TimerHandle | None = None
        self._started_at = 0.0
        self._restart_delay = 0.0

    def start(self) -> None:
        ours, theirs = socket.socketpair()
        self._process = self._spawn_worker(theirs)
        theirs.close()
        ours.setblocking(False)
        self._sock = ours
        self._unsent.clear()
        self._reports.clear()
        self._started_at = time.monotonic()
        asyncio.get_running_loop().add_reader(ours, self._read_reports)

    def _spawn_worker(self, jobs: socket.socket) -> Any:
        """The worker process, reading jobs from and reporting on `jobs` (its own copy)."""
        process = self._context.Process(
            target=worker_main,
            args=(self._settings, jobs, self._post_interval),
            name="netcoach-slack-worker",
            daemon=True,
        )
        process.start()
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def submit(self, kind: str, body: dict[str, Any]) -> None:
        number = next(self._numbers)
        frame = _frame([number, kind, body])
        self._waiting[number] = (kind, frame)
        if self._restart_at is not None:
            return  # a new worker is on its way, and it gets every waiting job
        if self._process is None or not self._process.is_alive():
            self._restart()  # sends every waiting job, this one included
        else:
            self._send(frame)

    def _read_reports(self) -> bool:
        """Take in what the worker reported; False once there is nothing more to read now."""
        assert self._sock is not None
        try:
            data = self._sock.recv(65536)
        except BlockingIOError:
            return False
        except OSError:
            data = b""
        if not data:  # the worker is gone
            self._worker_gone()
            return False
        self._reports += data
        whole = len(self._reports) - len(self._reports) % _REPORT.size
        for what, number in _REPORT.iter_unpack(self._reports[:whole]):
            if what == STARTED:
                kind, _ = self._waiting.pop(number, (None, b""))
                if kind is not None:
                    self._running[number] = kind
            else:
                self._running.pop(number, None)
        del self._reports[:whole]
        return True

    def _worker_gone(self) -> None:
        """Start a new worker: at once, or after a growing pause if they keep dying young."""
        self._stop_reading_and_writing()
        if self._closing or self._restart_at is not None:
            return
        recently = time.monotonic() - self._started_at < RESTART_PAUSE_AFTER_SECONDS
        self._restart_delay = (
            min(max(2 * self._restart_delay, 1.0), MAX_RESTART_DELAY_SECONDS) if recently else 0.0
        )
        self._restart_at = asyncio.get_running_loop().call_later(self._restart_delay, self._restart)

    def _restart(self) -> None:
        self._restart_at = None
        code = self._process.exitcode if self._process is not None else None
        if self._process is not None and self._process.is_alive():
            self._process.kill()  # its socket broke: a worker we cannot reach is no use
        log.error("the Slack worker process is not running (exit code %s); starting it", code)
        if self._running:
            log.error(
                "%d Slack jobs in progress were lost with the worker (%s); running them again "
                "could do their work twice",
                len(self._running),
                ", ".join(sorted(self._running.values())),
            )
            self._running.clear()
        if self._sock is not None:
            self._stop_reading_and_writing()
            self._sock.close()
        self.start()
        if self._waiting:
            log.warning("sending %d waiting Slack jobs to the new worker", len(self._waiting))
            for _, frame in self._waiting.values():
                self._send(frame)

    def _send(self, data: bytes) -> None:
        assert self._sock is not None
        if not self._unsent:
            try:
                sent = self._sock.send(data)
            except BlockingIOError:
                sent = 0
            except OSError:  # the worker is gone; its waiting jobs go to the next one
                self._worker_gone()
                return
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
        except OSError:  # the worker is gone; its waiting jobs go to the next one
            self._unsent.clear()
            self._worker_gone()
            return
        del self._unsent[:sent]
        if not self._unsent:
            asyncio.get_running_loop().remove_writer(self._sock)

    def _stop_reading_and_writing(self) -> None:
        if self._sock is not None:
            loop = asyncio.get_running_loop()
            loop.remove_writer(self._sock)
            loop.remove_reader(self._sock)

    async def close(self) -> None:
        if self._process is None or self._sock is None:
            return
        self._closing = True
        if self._restart_at is not None:
            self._restart_at.cancel()
            self._restart_at = None
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
        while self._read_reports():  # the worker's last reports
            pass
        self._stop_reading_and_writing()
        self._sock.close()
        if self._waiting or self._running:
            log.error(
                "%d Slack jobs were not done when the server stopped",
                len(self._waiting) + len(self._running),
            )


def _frame(item: object) -> bytes:
    payload = json.dumps(item, separators=(",", ":")).encode()
    return struct.pack(">I", len(payload)) + payload


async def _read_frames(reader: asyncio.StreamReader) -> AsyncIterator[Any]:
    while True:
        try:
            (length,) = struct.unpack(">I", await reader.readexactly(4))
            yield json.loads(await reader.readexactly(length))
        except asyncio.IncompleteReadError:
            return  # the server process is gone


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
    reader, writer = await asyncio.open_connection(sock=jobs)

    async def read_jobs() -> None:
        async for item in _read_frames(reader):
            pending.put_nowait(item)
            if item is STOP:
                return
        pending.put_nowait(STOP)  # end of stream: the server process went away

    def report(what: bytes, number: int) -> None:
        if not writer.is_closing():
            writer.write(_REPORT.pack(what, number))

    async def consume() -> None:
        # A backlog waits here as plain (number, kind, body) lists, not as live tasks.
        while (item := await pending.get()) is not STOP:
            number, kind, body = item
            report(STARTED, number)
            try:
                await deps.run_job(JOBS[kind](deps, body), body)
            finally:
                report(FINISHED, number)
        pending.put_nowait(STOP)  # let the next consumer see it too

    reading = asyncio.create_task(read_jobs())
    await asyncio.gather(*(consume() for _ in range(CONSUMERS)))
    reading.cancel()
    writer.close()
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
