"""The one aiohttp server: /healthz, the scheduler's life cycle, and which channels are mounted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest

from bot.bootstrap import bootstrap
from bot.config import Settings, SlackSettings, TeamsSettings
from bot.core.messages import Reply
from bot.notifiers import PlatformNotConfigured, RoutingNotifier
from bot.scheduler.jobs import SWEEP_HEARTBEAT
from bot.server import NOTIFIER, SCHEDULER, build_app
from storage.records import DigestSubscriptionRecord, MemberRecord
from tests.slack.conftest import serve

SLACK = SlackSettings(
    bot_token="xoxb-server-test", signing_secret="secret", api_url="http://127.0.0.1:9/api/"
)


def settings_for(database_url: str, *, slack: bool = True, teams: bool = False) -> Settings:
    return Settings(
        database_url=database_url,
        slack=SLACK if slack else SlackSettings(),
        teams=TeamsSettings(allow_anonymous=teams),
    )


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def get_json(http: aiohttp.ClientSession, url: str) -> tuple[int, dict]:
    async with http.get(url) as response:
        return response.status, await response.json()


async def test_healthz_reports_the_sweep_heartbeat_and_the_channels(
    store, clock, http, database_url
):
    services = bootstrap(settings_for(database_url), store=store, clock=clock)
    running = await serve(build_app(services, run_scheduler=False))
    try:
        status, body = await get_json(http, f"{running.base_url}/healthz")
        assert status == 503  # no sweep has ever run
        assert body["channels"] == {"slack": True, "slack_mode": "single-workspace", "teams": False}
        assert "never" in body["problem"]

        store.record_heartbeat(SWEEP_HEARTBEAT, clock.now(), "test")
        status, body = await get_json(http, f"{running.base_url}/healthz")
        assert (status, body["ok"]) == (200, True)

        clock.advance(timedelta(minutes=10))
        status, body = await get_json(http, f"{running.base_url}/healthz")
        assert (status, body["ok"]) == (503, False)
    finally:
        await running.stop()


async def test_the_scheduler_starts_with_the_app_and_stops_with_it(
    store, clock, http, database_url
):
    services = bootstrap(settings_for(database_url), store=store, clock=clock)
    app = build_app(services)
    running = await serve(app)
    scheduler = app[SCHEDULER]
    assert scheduler.running
    assert {job.id for job in scheduler.get_jobs()} >= {"nudge-sweep", "weekly-digest-check"}
    await running.stop()
    assert not scheduler.running


async def test_a_teams_only_server_mounts_teams_and_not_slack(store, clock, http, database_url):
    services = bootstrap(
        settings_for(database_url, slack=False, teams=True), store=store, clock=clock
    )
    app = build_app(services, run_scheduler=False)
    running = await serve(app)
    try:
        paths = {r.resource.canonical for r in app.router.routes()}
        assert "/api/messages" in paths
        async with http.post(f"{running.base_url}/slack/events", data="{}") as response:
            assert response.status == 404
        _status, body = await get_json(http, f"{running.base_url}/healthz")
        assert body["channels"]["slack"] is False and body["channels"]["teams"] is True
        assert app[NOTIFIER].platforms == ("teams",)
    finally:
        await running.stop()


async def test_both_channels_share_one_server(store, clock, database_url):
    services = bootstrap(settings_for(database_url, teams=True), store=store, clock=clock)
    app = build_app(services, run_scheduler=False)
    paths = {r.resource.canonical for r in app.router.routes()}
    assert {"/slack/events", "/slack/install", "/slack/oauth_redirect", "/api/messages"} <= paths
    assert app[NOTIFIER].platforms == ("slack", "teams")


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, object]] = []

    async def send_to_member(self, member, reply) -> None:
        self.sent.append(("member", member.user_id))

    async def send_to_channel(self, subscription, reply) -> None:
        self.sent.append(("channel", subscription.channel_id))


async def test_the_notifier_routes_by_platform_and_refuses_an_unserved_one():
    slack, teams = Recorder(), Recorder()
    notifier = RoutingNotifier({"slack": slack, "teams": teams})
    reply = Reply(text="hi")
    await notifier.send_to_member(MemberRecord(1, "teams", "tenant", "29:abc"), reply)
    await notifier.send_to_channel(DigestSubscriptionRecord(1, "slack", "T1", "C1", 0, None), reply)  # type: ignore[arg-type]
    assert teams.sent == [("member", "29:abc")]
    assert slack.sent == [("channel", "C1")]

    slack_only = RoutingNotifier({"slack": slack})
    with pytest.raises(PlatformNotConfigured, match="teams"):
        await slack_only.send_to_member(MemberRecord(2, "teams", "tenant", "29:x"), reply)
