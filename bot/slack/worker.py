"""The Slack worker process: the work behind each request, away from the process that acks.

The core's work is mostly Python (SQLAlchemy, the review model). In the process that answers
Slack's HTTP requests it would hold the GIL the event loop needs to ack the next request, so
under load the acks would wait for the replies. `netcoach serve` therefore stores each request
in the durable inbox and acks in the server process, and one worker process runs the inbox
runner (`bot.inbox`) with its own store, Web API client and pacer, built from the same settings.

The socket between the two carries no work, only a wake-up byte per accepted request (so the
worker need not wait for its next poll) and, at shutdown, a stop byte. Nothing is lost with the
worker: its rows stay in the inbox. When it dies (the server notices at once, from the closed
socket), the server gives its claims back (`release`) and starts a new worker, which takes them
all again; a row whose command had already committed only has its reply delivered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import time
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.inbox import worker_id
from bot.slack.work import InboxAcceptor

if TYPE_CHECKING:
    from bot.bootstrap import Services

log = logging.getLogger(__name__)

WAKE, STOP = b"W", b"Q"
SHUTDOWN_GRACE_SECONDS = 15.0
# A worker that dies within this long of starting is restarted after a pause that doubles
# each time (up to the maximum), so a worker that cannot start does not spin.
RESTART_PAUSE_AFTER_SECONDS = 10.0
MAX_RESTART_DELAY_SECONDS = 30.0


class ProcessWork:
    """`WorkRunner` whose runner lives in the Slack worker process."""

    def __init__(self, services: Services, post_interval_seconds: float) -> None:
        self._services = services
        self._settings: Settings = services.settings
        self._post_interval = post_interval_seconds
        self._context = multiprocessing.get_context("spawn")
        self._accepting = self._context.RawValue("b", 0)  # see bot.slack.lanes
        self._acceptor = InboxAcceptor(services, busy=self._accepting)
        self._process: Any = None
        self._sock: socket.socket | None = None
        self.worker: str | None = None  # the claims' owner name of the current worker
        self._closing = False
        self._restart_at: asyncio.TimerHandle | None = None
        self._started_at = 0.0
        self._restart_delay = 0.0
        self._releasing: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        ours, theirs = socket.socketpair()
        self.worker = worker_id("slack-worker")
        self._process = self._spawn_worker(theirs, self.worker)
        theirs.close()
        ours.setblocking(False)
        self._sock = ours
        self._started_at = time.monotonic()
        asyncio.get_running_loop().add_reader(ours, self._read)

    def _spawn_worker(self, wakeups: socket.socket, worker: str) -> Any:
        process = self._context.Process(
            target=worker_main,
            args=(self._settings, wakeups, self._post_interval, worker, self._accepting),
            name="netcoach-slack-worker",
            daemon=True,
        )
        process.start()
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def accept(self, kind: str, body: dict[str, Any], key: str) -> bool:
        accepted = await self._acceptor.accept(kind, body, key)
        if accepted:
            self._wake()
        return accepted

    def _wake(self) -> None:
        if self._restart_at is not None or self._sock is None:
            return  # a new worker is on its way; it looks at the inbox when it starts
        try:
            self._sock.send(WAKE)
        except BlockingIOError:
            pass  # plenty of wake-ups are waiting already
        except OSError:
            self._worker_gone()

    def _read(self) -> None:
        assert self._sock is not None
        try:
            data = self._sock.recv(4096)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._worker_gone()

    def _worker_gone(self) -> None:
        """Give its claims back; start a new worker at once, or after a growing pause."""
        self._stop_reading()
        if self._closing or self._restart_at is not None:
            return
        if self.worker is not None:
            task = asyncio.get_running_loop().create_task(self._release(self.worker))
            self._releasing.add(task)
            task.add_done_callback(self._releasing.discard)
        recently = time.monotonic() - self._started_at < RESTART_PAUSE_AFTER_SECONDS
        self._restart_delay = (
            min(max(2 * self._restart_delay, 1.0), MAX_RESTART_DELAY_SECONDS) if recently else 0.0
        )
        self._restart_at = asyncio.get_running_loop().call_later(self._restart_delay, self._restart)

    async def _release(self, worker: str) -> None:
        inbox = self._services.store.inbox  # type: ignore[attr-defined]
        try:
            released = await asyncio.to_thread(inbox.release, worker)
        except Exception as error:  # their leases run out instead
            log.error("could not release the dead worker's claims: %s", type(error).__name__)
            return
        if released:
            log.warning("%d Slack requests the worker held go to the next worker", released)

    def _restart(self) -> None:
        self._restart_at = None
        code = self._process.exitcode if self._process is not None else None
        if self._process is not None and self._process.is_alive():
            self._process.kill()  # its socket broke: a worker we cannot reach is no use
        log.error("the Slack worker process is not running (exit code %s); starting it", code)
        if self._sock is not None:
            self._stop_reading()
            self._sock.close()
        self.start()

    def _stop_reading(self) -> None:
        if self._sock is not None:
            asyncio.get_running_loop().remove_reader(self._sock)

    async def close(self) -> None:
        if self._process is None or self._sock is None:
            return
        self._closing = True
        if self._restart_at is not None:
            self._restart_at.cancel()
            self._restart_at = None
        if self._process.is_alive():
            with contextlib.suppress(OSError):
                self._sock.send(STOP)
        await asyncio.to_thread(self._process.join, SHUTDOWN_GRACE_SECONDS)
        if self._process.is_alive():
            log.warning("the Slack worker did not stop in time; terminating it")
            self._process.terminate()
            await asyncio.to_thread(self._process.join, 5)
        self._stop_reading()
        self._sock.close()
        if self._releasing:
            await asyncio.wait(set(self._releasing), timeout=5)
        self._acceptor.close()


# When the machine is short of CPU, the acks (server process) go first; replies can wait.
WORKER_NICENESS = 10


def worker_main(
    settings: Settings,
    wakeups: socket.socket,
    post_interval_seconds: float,
    worker: str,
    accepting: Any,
) -> None:
    # Ctrl-C reaches the whole process group; the server process decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.nice(WORKER_NICENESS)
    from bot.slack.logs import configure_logging

    configure_logging(settings.log_level)
    asyncio.run(_work_until_stopped(settings, wakeups, post_interval_seconds, worker, accepting))


async def _work_until_stopped(
    settings: Settings,
    wakeups: socket.socket,
    post_interval_seconds: float,
    worker: str,
    accepting: Any,
) -> None:
    import aiohttp

    from bot.bootstrap import bootstrap
    from bot.slack.client import ChannelPacer, build_web_client
    from bot.slack.deps import SlackDeps
    from bot.slack.lanes import threads_for
    from bot.slack.settings_check import SlackMode, slack_mode
    from bot.slack.work import slack_runner
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
        defer_to=(lambda: bool(accepting.value))
        if settings.database_url.startswith("sqlite")
        else None,
    )
    deps.start()
    # The model loads here, once, rather than on the first draft someone sends.
    await deps.lanes.run(1, _warm_reviewer, services)

    runner = slack_runner(deps, worker=worker)
    runner.start()
    reader, writer = await asyncio.open_connection(sock=wakeups)
    while True:  # wake-ups until the stop byte, or the server process going away
        data = await reader.read(4096)
        if not data or STOP in data:
            break
        runner.wake()
    await runner.stop()
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
