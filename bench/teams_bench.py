"""Teams message throughput and time to reply of `netcoach serve`, against a bare echo bot on
the same stack (botbuilder `CloudAdapter` + aiohttp) as the floor.

Run:  .venv/bin/python bench/teams_bench.py [--seconds 10] [--rate 40] [--concurrency 16]

What happens, all on loopback, each party in its own process:
1. A stand-in Bot Connector (tests/teams/standins.py) starts; every reply lands there and is
   time-stamped on arrival (CLOCK_MONOTONIC, shared by all processes on this machine).
2. For each target, a real server process starts on a free port: the floor (an
   `ActivityHandler` that answers "echo: <text>" through `CloudAdapter`, anonymous, exactly as
   the Bot Framework samples wire it); the same echo bot on netcoach's own Teams adapter
   (`PacedCloudAdapter`: pooled connector clients, pacing, retries, msrest fix), i.e. the
   stack netcoach runs on minus the coaching; then `netcoach serve` with Teams in anonymous
   loopback mode on a fresh SQLite file (NETCOACH_LOG_LEVEL=WARNING, so no access log). Messages are
   Teams-shaped personal-chat activities from 200 users, each in their own conversation and
   tenant (Teams itself caps a bot at 50 messages/s per tenant, which our pacer honours; one
   tenant per user measures the server rather than that cap). netcoach gets a mix of commands
   (help, list, stats, met …, settings) and drafts reviewed by the real model.
3. Open loop: `--rate` messages/s for `--seconds`; time to reply = reply's arrival at the
   connector minus the moment the activity was POSTed (p50/p99), plus the HTTP response time.
4. Closed loop: `--concurrency` messages in flight for `--seconds`: message activities/s.
5. Figures and ratios to the floor, measured in the same run. Target: ratio ≤ 1.5.
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
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

USERS = 200
COMMANDS = ("help", "list", "stats", "met Person {n} at the meetup yesterday", "settings")
DRAFTS = (
    "Hi {n}, great meeting you at the meetup. Here is the article on caching I mentioned.",
    "Hey {n}! Buy our premium plan today, limited offer, book a demo now.",
    "Hello {n}, I'm Sam from the PyCon hallway chat; thought this talk might help your team.",
)


# --- child processes ---------------------------------------------------------------------------
def run_connector() -> None:
    from aiohttp import web

    from tests.teams.standins import StandInConnector

    connector = StandInConnector()

    async def stats(request: web.Request) -> web.Response:
        arrivals = {r.reply_to_id: r.at for r in connector.sent if r.reply_to_id}
        return web.json_response({"arrivals": arrivals, "received": len(connector.sent)})

    async def reset(request: web.Request) -> web.Response:
        connector.sent.clear()
        connector.attempts.clear()
        return web.json_response({"ok": True})

    app = web.Application(client_max_size=4 * 1024 * 1024)
    app.add_routes(connector.routes("/teams"))
    app.add_routes([web.get("/stats", stats), web.post("/reset", reset)])
    _serve_forever(app, "connector")


def run_floor(tuned: bool) -> None:
    """An echo bot: stock botbuilder, or (`tuned`) on netcoach's own Teams adapter."""
    import logging

    from aiohttp import web
    from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
    )

    logging.basicConfig(level=logging.WARNING)

    class Config:
        APP_ID = ""
        APP_PASSWORD = ""
        APP_TENANTID = ""
        APP_TYPE = "MultiTenant"

    class EchoBot(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(
                MessageFactory.text(f"echo: {turn_context.activity.text}")
            )

    if tuned:
        from bot.config import TeamsSettings
        from bot.teams.adapter import PacedCloudAdapter
        from bot.teams.auth import build_authentication

        adapter = PacedCloudAdapter(build_authentication(TeamsSettings(allow_anonymous=True)))
    else:
        adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    _serve_forever(app, "floor")


def _serve_forever(app: object, name: str) -> None:
    from aiohttp import web

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)  # type: ignore[arg-type]
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        print(f"{name}: listening on http://127.0.0.1:{port}", flush=True)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        await runner.cleanup()

    asyncio.run(main())


@dataclass
class Process:
    popen: subprocess.Popen[str]
    url: str

    def stop(self) -> None:
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()

    def rss_mb(self) -> tuple[float, float]:
        fields = {}
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value.strip()
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def start(args: list[str], env: dict[str, str] | None = None) -> Process:
    popen = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=REPO,
    )
    assert popen.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = popen.stdout.readline()
        if not line:
            raise RuntimeError(f"{args} exited with {popen.wait()}")
        if "listening on " in line:
            return Process(popen, line.split("listening on ", 1)[1].strip())
    raise RuntimeError(f"{args} did not start")


# --- load ---------------------------------------------------------------------------------------
_ids = itertools.count(1_800_000_000_000)


def activity(service_url: str, user: int, text: str) -> dict[str, object]:
    from tests.teams.payloads import personal_message

    tenant = f"00000000-0000-4000-8000-{user:012d}"
    payload = personal_message(
        service_url,
        text,
        user_id=f"29:bench-user-{user}",
        conversation_id=f"a:bench-conversation-{user}",
        name=f"Bench User {user}",
    )
    payload["id"] = str(next(_ids))
    payload["conversation"]["tenantId"] = tenant  # type: ignore[index]
    payload["channelData"] = {"tenant": {"id": tenant}}
    return payload


def texts(echo: bool) -> itertools.cycle[str]:
    if echo:
        return itertools.cycle(["hello {n}"])
    mix = [c for pair in itertools.zip_longest(COMMANDS, DRAFTS) for c in pair if c]
    return itertools.cycle(mix)


@dataclass
class Result:
    sent_at: dict[str, float] = field(default_factory=dict)
    http_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)


async def post(
    session: aiohttp.ClientSession, url: str, body: dict[str, object], result: Result
) -> None:
    started = time.monotonic()
    result.sent_at[str(body["id"])] = started
    async with session.post(f"{url}/api/messages", json=body) as response:
        await response.read()
        result.statuses[response.status] = result.statuses.get(response.status, 0) + 1
    result.http_ms.append((time.monotonic() - started) * 1000)


async def open_loop(url: str, service_url: str, echo: bool, rate: float, seconds: float) -> Result:
    result = Result()
    words = texts(echo)
    users = itertools.cycle(range(USERS))
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = []
        begin = time.monotonic()
        for n in range(int(rate * seconds)):
            await asyncio.sleep(max(0.0, begin + n / rate - time.monotonic()))
            user = next(users)
            body = activity(service_url, user, next(words).format(n=user))
            tasks.append(asyncio.create_task(post(session, url, body, result)))
        await asyncio.gather(*tasks)
    return result


async def closed_loop(
    url: str, service_url: str, echo: bool, concurrency: int, seconds: float
) -> tuple[int, float]:
    result = Result()
    words = texts(echo)
    users = itertools.cycle(range(USERS))
    done = 0
    stop_at = time.monotonic() + seconds

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal done
        while time.monotonic() < stop_at:
            user = next(users)
            await post(
                session, url, activity(service_url, user, next(words).format(n=user)), result
            )
            done += 1

    begin = time.monotonic()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return done, time.monotonic() - begin


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


@dataclass
class Figures:
    name: str
    reply_p50: float
    reply_p99: float
    http_p50: float
    http_p99: float
    replied: int
    sent: int
    per_second: float
    rss_mb: float
    peak_rss_mb: float
    statuses: dict[int, int]


async def measure(
    name: str, server: Process, connector: Process, echo: bool, args: argparse.Namespace
) -> Figures:
    service_url = f"{connector.url}/teams/"
    async with aiohttp.ClientSession() as session:
        # Warm-up: imports, the model's first load, connection pools, SQLite pages.
        warm = Result()
        for user in range(USERS):
            await post(
                session,
                server.url,
                activity(service_url, user, next(texts(echo)).format(n=user)),
                warm,
            )
        for draft in DRAFTS:
            await post(session, server.url, activity(service_url, 0, draft.format(n=0)), warm)
        await session.post(f"{connector.url}/reset")

    result = await open_loop(server.url, service_url, echo, args.rate, args.seconds)
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{connector.url}/stats") as response,
    ):
        arrivals = (await response.json())["arrivals"]
    reply_ms = [
        (arrivals[activity_id] - sent) * 1000
        for activity_id, sent in result.sent_at.items()
        if activity_id in arrivals
    ]
    done, elapsed = await closed_loop(server.url, service_url, echo, args.concurrency, args.seconds)
    rss, peak = server.rss_mb()
    return Figures(
        name=name,
        reply_p50=percentile(reply_ms, 50),
        reply_p99=percentile(reply_ms, 99),
        http_p50=percentile(result.http_ms, 50),
        http_p99=percentile(result.http_ms, 99),
        replied=len(reply_ms),
        sent=len(result.sent_at),
        per_second=done / elapsed,
        rss_mb=rss,
        peak_rss_mb=peak,
        statuses=result.statuses,
    )


def report(floor: Figures, tuned: Figures, ours: Figures, args: argparse.Namespace) -> None:
    print()
    print(
        f"Teams /api/messages, open loop at {args.rate:g} messages/s for {args.seconds:g} s, "
        f"closed loop with {args.concurrency} in flight for {args.seconds:g} s"
    )
    header = (
        f"{'target':<22}{'reply p50':>11}{'reply p99':>11}{'HTTP p50':>10}{'HTTP p99':>10}"
        f"{'replied':>10}{'msgs/s':>9}{'RSS MB':>8}{'peak':>7}"
    )
    print(header)
    print("-" * len(header))
    for f in (floor, tuned, ours):
        print(
            f"{f.name:<22}{f.reply_p50:>9.1f}ms{f.reply_p99:>9.1f}ms{f.http_p50:>8.1f}ms"
            f"{f.http_p99:>8.1f}ms{f'{f.replied}/{f.sent}':>10}{f.per_second:>9.1f}"
            f"{f.rss_mb:>8.0f}{f.peak_rss_mb:>7.0f}"
        )
    print()
    for base in (floor, tuned):
        print(f'netcoach against the floor "{base.name}":')
        print(f"  ratio p99 time to reply: {ours.reply_p99 / base.reply_p99:.2f}")
        print(f"  ratio p50 time to reply: {ours.reply_p50 / base.reply_p50:.2f}")
        print(f"  ratio messages/s (floor / netcoach): {base.per_second / ours.per_second:.2f}")
    print("target: ratios ≤ 1.5")
    for f in (floor, tuned, ours):
        if set(f.statuses) != {201}:
            print(f"note: {f.name} answered {f.statuses}")


async def bench(args: argparse.Namespace) -> None:
    connector = start([sys.executable, __file__, "--role", "connector"])
    floor_proc: Process | None = None
    ours_proc: Process | None = None
    try:
        floor_proc = start([sys.executable, __file__, "--role", "floor"])
        floor = await measure("echo, botbuilder", floor_proc, connector, True, args)
        floor_proc.stop()
        floor_proc = start([sys.executable, __file__, "--role", "tuned-floor"])
        tuned = await measure("echo, netcoach stack", floor_proc, connector, True, args)
        floor_proc.stop()
        floor_proc = None
        with tempfile.TemporaryDirectory() as folder:
            env = {
                "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
                "NETCOACH_TEAMS_ALLOW_ANONYMOUS": "1",
                "NETCOACH_LOG_LEVEL": "WARNING",
                "NETCOACH_HOME": folder,
            }
            for name in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "SLACK_SIGNING_SECRET"):
                env[name] = ""
            ours_proc = start(
                [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", "0"], env
            )
            ours = await measure("netcoach serve", ours_proc, connector, False, args)
            ours_proc.stop()
            ours_proc = None
        report(floor, tuned, ours, args)
        figures = {"floor": floor, "tuned_floor": tuned, "netcoach": ours}
        print(json.dumps({k: v.__dict__ for k, v in figures.items()}, default=str))
    finally:
        for process in (floor_proc, ours_proc, connector):
            if process is not None:
                process.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--role", choices=["connector", "floor", "tuned-floor"], help=argparse.SUPPRESS
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=40.0, help="open-loop messages/s")
    parser.add_argument("--concurrency", type=int, default=16, help="closed-loop in flight")
    args = parser.parse_args()
    if args.role == "connector":
        run_connector()
    elif args.role in ("floor", "tuned-floor"):
        run_floor(tuned=args.role == "tuned-floor")
    else:
        asyncio.run(bench(args))


if __name__ == "__main__":
    main()
