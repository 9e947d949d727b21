"""Slack ack latency of `netcoach serve`, against a bare Bolt app that only acks (the floor).

Run:  .venv/bin/python bench/slack_bench.py [--rate 200] [--seconds 10]
          [--databases sqlite,postgresql]

What happens, all on loopback:
1. A stand-in Slack Web API (tests/slack/fake_slack.py) starts in its own process; every
   reply the servers send (response_url posts, chat.postMessage in DM threads) lands there.
2. For each target — two floors (a bare `AsyncApp` whose listeners only ack, served through
   the same aiohttp adapter: once with Bolt's defaults, which poll for the ack every 10 ms,
   once acking inline as netcoach does), then `netcoach serve` on SQLite, then on
   PostgreSQL — a real server process starts on a free port. After a warm-up and once the
   server is idle, signed requests arrive open-loop at `--rate` per second for `--seconds`
   seconds: half `/network …` slash commands, half DM drafts (each DM event with its own
   event_id, reviewed by the real model). netcoach writes every request to its durable inbox
   (one INSERT that also claims the request's key) before it acks, so the ack latency, the
   time to the HTTP response, includes that database write.
3. A closed-loop burst (`--concurrency` requests in flight) measures the most acks per second.
4. Figures: p50/p99 ack latency, requests/s, RSS of the server and its Slack worker (now and
   peak), how long the background replies took to drain, and ratios to the faster floor
   measured in the same run.

Targets (issue 4): ack p99 ≤ 50 ms at 200 requests/s, p99 ratio to the floor ≤ 1.5,
server RSS ≤ 250 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.slack.fake_slack import FakeSlack  # noqa: E402
from tests.slack.signing import signed_headers  # noqa: E402

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
TEAM = "T0BENCH"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
COMMANDS = ("help", "list", "stats", "met Person {n} at the meetup", "settings")
DRAFTS = (
    "Hi {n}, great meeting you at the meetup. Here is the article on caching I mentioned.",
    "Hey {n}! Buy our premium plan today, limited offer, book a demo now.",
    "Hello {n}, I'm Sam from the PyCon hallway chat; thought this talk might help your team.",
)


# --- the floor: a Bolt app that only acks ----------------------------------------------------
async def serve_on_free_port(app: web.Application) -> tuple[web.AppRunner, int]:
    """Start `app` on a free loopback port; returns the runner (to clean up) and the port."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


async def wait_for_stop_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()


def run_floor_server(api_url: str, inline_ack: bool) -> None:
    import logging

    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    logging.getLogger("slack_bolt").setLevel(logging.WARNING)
    bolt = AsyncApp(
        client=AsyncWebClient(token=TOKEN, base_url=api_url),
        signing_secret=SECRET,
        process_before_response=inline_ack,
    )

    @bolt.command("/network")
    async def ack_only(ack):  # type: ignore[no-untyped-def]
        await ack()

    @bolt.event("message")
    async def ignore_message() -> None:
        return None

    async def events(request: web.Request) -> web.StreamResponse:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/slack/events", events)
        runner, port = await serve_on_free_port(app)
        print(f"netcoach: listening on http://127.0.0.1:{port}", flush=True)
        await wait_for_stop_signal()
        await runner.cleanup()

    asyncio.run(main())


# --- the stand-in Slack API, in its own process ---------------------------------------------------
def run_stand_in() -> None:
    """FakeSlack plus `GET /_replies` (how many replies arrived), printed port, until SIGTERM.

    Its own process, so answering the servers' replies costs the load generator nothing.
    """

    async def main() -> None:
        fake = await FakeSlack().start()
        fake.add_workspace(TOKEN, team_id=TEAM)

        async def replies(request: web.Request) -> web.Response:
            count = sum(1 for c in fake.calls if c.method in {"response_url", "chat.postMessage"})
            return web.json_response({"replies": count})

        async def forget(request: web.Request) -> web.Response:
            fake.calls.clear()
            return web.json_response({"replies": 0})

        stats = web.Application()
        stats.router.add_get("/_replies", replies)
        stats.router.add_post("/_forget", forget)
        runner, stats_port = await serve_on_free_port(stats)
        print(f"stand-in {fake.port} {stats_port}", flush=True)
        await wait_for_stop_signal()
        await runner.cleanup()
        await fake.stop()

    asyncio.run(main())


class StandIn:
    """The stand-in process, seen from the load generator."""

    def __init__(self) -> None:
        command = [sys.executable, str(Path(__file__).resolve()), "--stand-in"]
        self.process = subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self.process.stdout is not None
        _, api_port, stats_port = self.process.stdout.readline().split()
        self.api_url = f"http://127.0.0.1:{api_port}/api/"
        self.hooks = f"http://127.0.0.1:{api_port}/hooks/"
        self.stats = f"http://127.0.0.1:{stats_port}"

    def response_url(self, name: str) -> str:
        return self.hooks + name

    async def replies(self) -> int:
        async with aiohttp.ClientSession() as session, session.get(f"{self.stats}/_replies") as r:
            return int((await r.json())["replies"])

    async def forget(self) -> None:
        async with aiohttp.ClientSession() as session, session.post(f"{self.stats}/_forget"):
            pass

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


# --- server processes
@dataclass
class Server:
    name: str
    process: subprocess.Popen[str]
    url: str
    replies: bool  # does it answer (so the drain can be measured)?

    def pids(self) -> list[int]:
        """The server and its children (`netcoach serve` runs a Slack worker process)."""
        pids = [self.process.pid]
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            pids += [int(p) for p in children.read_text().split()]
        except OSError:
            pass
        return pids

    def memory_mb(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) in MB, summed over the server's processes: now, and each one's peak."""
        totals = {"VmRSS": 0.0, "VmHWM": 0.0}
        for pid in self.pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in totals:
                    totals[key] += int(value.split()[0]) / 1024
        return totals["VmRSS"], totals["VmHWM"]

    def cpu_seconds(self) -> float:
        total = 0.0
        for pid in self.pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    async def settle(self, timeout: float = 60.0) -> None:
        """Wait until the server is idle (the worker's model load and warm-up replies done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.cpu_seconds()
            await asyncio.sleep(0.5)
            if self.cpu_seconds() - before < 0.05:  # under 10 % of a core
                return

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_process(name: str, command: list[str], env: dict[str, str], replies: bool) -> Server:
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("netcoach: listening on "):
            return Server(name, process, line.split("listening on ", 1)[1].strip(), replies)
        if not line and process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"{name} did not start")


def base_env(api_url: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "MICROSOFT_", "NETCOACH_", "DATABASE_URL"))
    }
    env.update(PYTHONPATH=str(REPO), SLACK_API_URL=api_url, NETCOACH_LOG_LEVEL="WARNING")
    return env


def start_netcoach(name: str, api_url: str, database_url: str, home: str) -> Server:
    env = base_env(api_url)
    env.update(
        SLACK_BOT_TOKEN=TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        DATABASE_URL=database_url,
        NETCOACH_HOME=home,
    )
    return start_process(
        name, [sys.executable, "-m", "bot", "serve", "--port", "0"], env, replies=True
    )


def start_floor(api_url: str, inline_ack: bool) -> Server:
    command = [sys.executable, str(Path(__file__).resolve()), "--floor-server", api_url]
    if inline_ack:
        command.append("--inline-ack")
        name = "bare Bolt, inline ack"
    else:
        name = "bare Bolt, defaults"
    return start_process(name, command, base_env(api_url), replies=False)


# --- load
_serial = itertools.count(1)


def slash_command(fake: StandIn) -> tuple[str, str]:
    n = next(_serial)
    text = COMMANDS[n % len(COMMANDS)].format(n=n)
    body = urlencode(
        {
            "command": "/network",
            "text": text,
            "team_id": TEAM,
            "channel_id": "C0BENCH",
            "channel_name": "general",
            "user_id": f"U{n % 50:05d}",
            "user_name": "bench",
            "response_url": fake.response_url(f"bench-{n}"),
            "trigger_id": f"t{n}",
        }
    )
    return body, "application/x-www-form-urlencoded"


def dm_event() -> tuple[str, str]:
    n = next(_serial)
    user = f"U{n % 50:05d}"
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": f"D{user}",
        "user": user,
        "text": DRAFTS[n % len(DRAFTS)].format(n=f"Person {n}"),
        "ts": f"{1_700_000_000 + n}.000100",
    }
    body = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A0BENCH",
        "event": event,
        "event_id": f"EvBench{os.getpid()}x{n}",
        "event_time": int(time.time()),
    }
    return json.dumps(body), "application/json"


@dataclass
class Run:
    latencies_ms: list[float] = field(default_factory=list)
    failures: int = 0
    elapsed: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies_ms) + self.failures

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.elapsed if self.elapsed else 0.0


async def send_one(
    session: aiohttp.ClientSession, url: str, make: Callable[[], tuple[str, str]], run: Run
) -> None:
    body, content_type = make()
    headers = signed_headers(SECRET, body, content_type)
    started = time.perf_counter()
    try:
        async with session.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            ok = response.status == 200
    except aiohttp.ClientError:
        ok = False
    if ok:
        run.latencies_ms.append((time.perf_counter() - started) * 1000)
    else:
        run.failures += 1


def mixed(fake: StandIn) -> Callable[[], tuple[str, str]]:
    flip = itertools.cycle((True, False))
    return lambda: slash_command(fake) if next(flip) else dm_event()


async def open_loop(server: Server, fake: StandIn, rate: float, seconds: float) -> Run:
    """Requests start on schedule whatever the server does: latency includes queueing."""
    run = Run()
    make = mixed(fake)
    url = f"{server.url}/slack/events"
    connector = aiohttp.TCPConnector(limit=400)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks: list[asyncio.Task[None]] = []
        start = time.perf_counter()
        for i in range(int(rate * seconds)):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send_one(session, url, make, run)))
        await asyncio.gather(*tasks)
        run.elapsed = time.perf_counter() - start
    return run


async def closed_loop(server: Server, fake: StandIn, concurrency: int, seconds: float) -> Run:
    """`concurrency` clients, each sending its next request when the last was acked."""
    run = Run()
    make = mixed(fake)
    url = f"{server.url}/slack/events"
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.perf_counter()
        end = start + seconds

        async def client() -> None:
            while time.perf_counter() < end:
                await send_one(session, url, make, run)

        await asyncio.gather(*(client() for _ in range(concurrency)))
        run.elapsed = time.perf_counter() - start
    return run


async def drain(fake: StandIn, expected: int, timeout: float = 180) -> float:
    """Seconds until the background replies of every acked request reached the stand-in."""
    start = time.perf_counter()
    while await fake.replies() < expected and time.perf_counter() - start < timeout:
        await asyncio.sleep(0.1)
    return time.perf_counter() - start


async def warm_up(server: Server, fake: StandIn) -> None:
    """First requests pay for auth.test, the model load, connection set-up: not measured."""
    run = Run()
    async with aiohttp.ClientSession() as session:
        for _ in range(3):
            await send_one(session, f"{server.url}/slack/events", mixed(fake), run)
            await send_one(session, f"{server.url}/slack/events", mixed(fake), run)
    if server.replies:
        await drain(fake, len(run.latencies_ms), timeout=60)
    await server.settle()


@dataclass
class Result:
    name: str
    steady: Run
    burst: Run
    rss_mb: float
    peak_rss_mb: float
    drain_s: float | None


async def measure(
    server: Server, fake: StandIn, rate: float, seconds: float, concurrency: int
) -> Result:
    await fake.forget()
    await warm_up(server, fake)
    await fake.forget()
    steady = await open_loop(server, fake, rate, seconds)
    drain_s = await drain(fake, len(steady.latencies_ms)) if server.replies else None
    await server.settle()
    await fake.forget()
    burst = await closed_loop(server, fake, concurrency, seconds / 2)
    if server.replies:
        await drain(fake, len(burst.latencies_ms))
    rss, peak = server.memory_mb()
    return Result(server.name, steady, burst, rss, peak, drain_s)


# --- databases
def postgres_database(server_url: str) -> tuple[str, Callable[[], None]] | None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(
        server_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    name = f"netcoach_bench_{os.getpid()}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"PostgreSQL skipped: {type(error).__name__}: {str(error).splitlines()[0]}")
        admin.dispose()
        return None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(server_url).set(database=name).render_as_string(hide_password=False), drop


# --- report
FLOORS = 2


def report(results: list[Result], rate: float, concurrency: int) -> None:
    print()
    print(f"Offered load: {rate:.0f} requests/s (half /network commands, half DM drafts)")
    header = (
        f"{'target':<28}{'p50 ms':>8}{'p99 ms':>8}{'req/s':>8}{'fail':>6}"
        f"{'max req/s':>11}{'RSS MB':>8}{'peak MB':>9}{'drain s':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        drain_text = f"{r.drain_s:.1f}" if r.drain_s is not None else "-"
        print(
            f"{r.name:<28}{r.steady.percentile(50):>8.1f}{r.steady.percentile(99):>8.1f}"
            f"{r.steady.rate:>8.0f}{r.steady.failures + r.burst.failures:>6}{r.burst.rate:>11.0f}"
            f"{r.rss_mb:>8.0f}{r.peak_rss_mb:>9.0f}{drain_text:>9}"
        )
    # The stricter floor: whichever bare Bolt app acked faster in this run.
    floor = min(results[:FLOORS], key=lambda r: r.steady.percentile(99))
    print()
    print(
        f"Ratios to the faster floor ({floor.name}), same run; "
        f"max throughput = closed loop, {concurrency} requests in flight:"
    )
    for r in results[FLOORS:]:
        p99 = r.steady.percentile(99) / floor.steady.percentile(99)
        p50 = r.steady.percentile(50) / floor.steady.percentile(50)
        burst = floor.burst.rate / r.burst.rate if r.burst.rate else float("inf")
        verdict = [
            "p99 ≤ 50 ms " + ("met" if r.steady.percentile(99) <= 50 else "MISSED"),
            "ratio ≤ 1.5 " + ("met" if p99 <= 1.5 else "MISSED"),
            "RSS ≤ 250 MB " + ("met" if r.peak_rss_mb <= 250 else "MISSED"),
        ]
        print(
            f"  {r.name:<26} p99 ×{p99:.2f}  p50 ×{p50:.2f}  max throughput ÷{burst:.2f}   "
            + "; ".join(verdict)
        )
    print()
    print("RSS = server process + Slack worker process; drain = time until every reply of the")
    print("steady run reached the stand-in (the work queues in the worker; acks do not wait).")


async def main(args: argparse.Namespace) -> None:
    fake = StandIn()
    results: list[Result] = []
    cleanups: list[Callable[[], None]] = []
    targets: list[tuple[str, Callable[[], Server]]] = [
        ("floor (Bolt defaults)", lambda: start_floor(fake.api_url, inline_ack=False)),
        ("floor (inline ack)", lambda: start_floor(fake.api_url, inline_ack=True)),
    ]
    home = tempfile.mkdtemp(prefix="netcoach-bench-")
    if "sqlite" in args.databases:
        sqlite_url = f"sqlite:///{Path(home) / 'bench.sqlite3'}"
        targets.append(
            (
                "sqlite",
                lambda: start_netcoach("netcoach serve, SQLite", fake.api_url, sqlite_url, home),
            )
        )
    if "postgresql" in args.databases:
        made = postgres_database(args.postgres_url)
        if made is not None:
            pg_url, drop = made
            cleanups.append(drop)
            targets.append(
                (
                    "postgresql",
                    lambda: start_netcoach(
                        "netcoach serve, PostgreSQL", fake.api_url, pg_url, home
                    ),
                )
            )
    try:
        for label, start in targets:
            print(f"measuring {label} …", flush=True)
            server = start()
            try:
                results.append(
                    await measure(server, fake, args.rate, args.seconds, args.concurrency)
                )
            finally:
                server.stop()
    finally:
        fake.stop()
        for cleanup in cleanups:
            cleanup()
    report(results, args.rate, args.concurrency)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second offered")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the steady run")
    parser.add_argument("--concurrency", type=int, default=32, help="requests in flight (burst)")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("NETCOACH_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    )
    parser.add_argument("--floor-server", metavar="API_URL", help=argparse.SUPPRESS)
    parser.add_argument("--stand-in", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--inline-ack", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.floor_server:
        run_floor_server(arguments.floor_server, arguments.inline_ack)
    elif arguments.stand_in:
        run_stand_in()
    else:
        asyncio.run(main(arguments))
