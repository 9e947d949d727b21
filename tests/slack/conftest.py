"""Fixtures: the Slack stand-in, our real server on port 0, and a simulated Slack to drive it.

Every test here runs against a real database (the `store` fixture from tests/conftest.py: SQLite,
and PostgreSQL when it is reachable) and real HTTP on loopback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.bootstrap import Services, bootstrap
from bot.config import Settings, SlackSettings
from tests.fakes import buy_flagging_reviewer
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSim

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-test-single-workspace"


@dataclass
class Running:
    base_url: str
    app: web.Application
    runner: web.AppRunner

    async def stop(self) -> None:
        await self.runner.cleanup()


async def serve(app: web.Application, **runner_options: Any) -> Running:
    """Serve `app` on a free loopback port (runner options: e.g. an access log class)."""
    runner = web.AppRunner(app, **({"access_log": None} | runner_options))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return Running(f"http://127.0.0.1:{port}", app, runner)


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """SQLite by default here; modules where the database matters to the Slack flow (commands,
    event de-duplication, OAuth installs) also run on PostgreSQL via `both_databases`."""
    return sqlite_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def both_databases(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = await FakeSlack().start()
    fake.add_workspace(BOT_TOKEN)
    yield fake
    await fake.stop()


@pytest.fixture
def single_workspace_settings(fake_slack: FakeSlack, database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        slack=SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake_slack.api_url
        ),
    )


@pytest.fixture
def make_services(store: Any, clock: Any) -> Callable[[Settings], Services]:
    def make(settings: Settings) -> Services:
        return bootstrap(settings, store=store, clock=clock, reviewer=buy_flagging_reviewer)

    return make


@pytest.fixture
async def server(
    single_workspace_settings: Settings, make_services: Callable[[Settings], Services]
) -> AsyncIterator[Running]:
    from bot.server import build_app

    services = make_services(single_workspace_settings)
    running = await serve(build_app(services, post_interval_seconds=0.0, run_scheduler=False))
    yield running
    await running.stop()


@pytest.fixture
async def slack(server: Running, fake_slack: FakeSlack) -> AsyncIterator[SlackSim]:
    async with aiohttp.ClientSession() as session:
        yield SlackSim(session, server.base_url, SIGNING_SECRET, fake_slack)


def with_slack(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, slack=replace(settings.slack, **changes))
