"""`netcoach serve`: the Slack/Teams server with its scheduler.

Settings come from the environment (`bot.config.Settings.from_env`); `--host` / `--port`
override NETCOACH_HOST / NETCOACH_PORT. Port 0 picks a free port; the line
"netcoach: listening on http://HOST:PORT" says which, once the server accepts requests.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to bind (default: NETCOACH_HOST or 127.0.0.1)")
    parser.add_argument(
        "--port",
        type=int,
        help="port to bind, 0 for any free port (default: NETCOACH_PORT or 3000)",
    )


def run(args: argparse.Namespace) -> int:
    import asyncio
    import dataclasses

    from bot.config import Settings, SettingsError

    try:
        settings = Settings.from_env()
        overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
        settings = dataclasses.replace(settings, **overrides)
        from bot.server import check_channels

        check_channels(settings)
    except SettingsError as error:
        print(f"netcoach serve: {error}", file=sys.stderr)
        return 2

    from bot.slack.logs import configure_logging

    configure_logging(settings.log_level)
    from bot.bootstrap import bootstrap
    from bot.server import build_app

    try:
        services = bootstrap(settings)
        app = build_app(services, slack_work_process=True)
    except SettingsError as error:
        print(f"netcoach serve: {error}", file=sys.stderr)
        return 2
    asyncio.run(serve_until_stopped(app, settings.host, settings.port))
    return 0


async def serve_until_stopped(app: object, host: str, port: int) -> None:
    import asyncio
    import signal

    from aiohttp import web

    from bot.access_log import AccessLogger

    runner = web.AppRunner(app, access_log_class=AccessLogger)  # type: ignore[arg-type]
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()  # type: ignore[union-attr]
    shown_host = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    print(f"netcoach: listening on http://{shown_host}:{bound[1]}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        print("netcoach: stopped", flush=True)
