"""One aiohttp server: Slack (/slack/events, OAuth install), Teams (when configured), /healthz,
and the scheduler, which starts with the app and stops with it.

`check_channels(settings)` validates every channel setting up front, so a malformed or
half-given setting stops start-up with a message naming it instead of failing on the first
request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web

from bot.config import Settings, SettingsError
from bot.slack.client import DEFAULT_POST_INTERVAL_SECONDS
from bot.slack.settings_check import SlackMode, slack_mode

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.bootstrap import Services
    from bot.core.ports import Notifier
    from bot.slack.app import SlackRuntime

log = logging.getLogger(__name__)

SERVICES = web.AppKey("services", object)
CHANNELS = web.AppKey("channels", object)
SLACK = web.AppKey("slack", object)
NOTIFIER = web.AppKey("notifier", object)
SCHEDULER = web.AppKey("scheduler", object)

# Slack payloads are small; a bigger body is not from Slack.
MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ChannelPlan:
    slack: SlackMode
    teams: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "slack": self.slack is not SlackMode.OFF,
            "slack_mode": self.slack.value,
            "teams": self.teams,
        }


def check_channels(settings: Settings, host: str | None = None) -> ChannelPlan:
    """Which channels to serve; raises SettingsError naming the setting to fix."""
    if not 0 <= settings.port <= 65535:
        raise SettingsError(f"NETCOACH_PORT must be between 0 and 65535, got {settings.port}.")
    slack = slack_mode(settings.slack, settings.encryption_key)
    teams_settings = settings.teams
    if not teams_settings.configured and (
        teams_settings.app_password or teams_settings.app_tenant_id
    ):
        given = (
            "MICROSOFT_APP_PASSWORD" if teams_settings.app_password else "MICROSOFT_APP_TENANT_ID"
        )
        raise SettingsError(f"{given} is set but MICROSOFT_APP_ID is not: set both or neither.")
    if teams_settings.configured:
        from bot.teams.validation import validate_teams_settings

        validate_teams_settings(settings, host or settings.host)
    if slack is SlackMode.OFF and not teams_settings.configured:
        raise SettingsError(
            "Neither Slack nor Teams is configured. For Slack set SLACK_SIGNING_SECRET with "
            "SLACK_BOT_TOKEN (one workspace) or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
            "(OAuth installs); for Teams set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD."
        )
    return ChannelPlan(slack=slack, teams=teams_settings.configured)


def build_app(
    services: Services,
    *,
    slack_client: AsyncWebClient | None = None,
    notifier: Notifier | None = None,
    post_interval_seconds: float = DEFAULT_POST_INTERVAL_SECONDS,
    run_scheduler: bool = True,
    warm_reviewer: bool = True,
    slack_work_process: bool = False,
) -> web.Application:
    """The whole server as an aiohttp app. Nothing connects until the app starts.

    `slack_work_process`: do the work behind Slack requests in a worker process, so the acks
    never wait for it (`netcoach serve` sets it; tests keep everything in one process).
    """
    plan = check_channels(services.settings)
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[SERVICES] = services
    app[CHANNELS] = plan

    slack: SlackRuntime | None = None
    if plan.slack is not SlackMode.OFF:
        from bot.slack.app import build_slack_app

        slack = build_slack_app(
            services,
            client=slack_client,
            post_interval_seconds=post_interval_seconds,
            work_in_subprocess=slack_work_process,
        )
        app[SLACK] = slack
        app.cleanup_ctx.append(_slack_context)
    _add_slack_routes(app, slack)

    if plan.teams:
        from bot.teams.routes import add_routes

        add_routes(app, services)

    app[NOTIFIER] = notifier if notifier is not None else build_notifier(app, slack)
    app.router.add_get("/healthz", healthz)
    if run_scheduler:
        app.cleanup_ctx.append(_scheduler_context)
    if warm_reviewer and not slack_work_process:
        app.cleanup_ctx.append(_reviewer_warm_up)
    return app


async def _reviewer_warm_up(app: web.Application) -> AsyncIterator[None]:
    """Load the review model in the background once the server is up, not on the first draft.

    Start-up does not wait for it (the lazy reviewer keeps `serve` quick to bind); the first
    person to DM a draft then does not wait several seconds for the model either.
    """
    services: Services = app[SERVICES]  # type: ignore[assignment]

    async def warm() -> None:
        try:
            await asyncio.to_thread(services.reviewer, "Warm-up: loading the review model.")
        except Exception as error:  # a broken model shows up on real drafts, with the apology
            log.warning("review model warm-up failed: %s", type(error).__name__)

    task = asyncio.create_task(warm())
    try:
        yield
    finally:
        if not task.done():
            task.cancel()


def build_notifier(app: web.Application, slack: SlackRuntime | None) -> Notifier:
    from bot.notifiers import RoutingNotifier

    by_platform: dict[str, Notifier] = {}
    if slack is not None:
        from bot.slack.notifier import SlackNotifier

        by_platform["slack"] = SlackNotifier(slack.deps.clients, slack.deps.pacer)
    if app[CHANNELS].teams:  # type: ignore[attr-defined]
        from bot.teams.routes import teams_notifier

        by_platform["teams"] = teams_notifier(app)
    return RoutingNotifier(by_platform)


# --- Slack routes -------------------------------------------------------------------------------
def _add_slack_routes(app: web.Application, slack: SlackRuntime | None) -> None:
    app.router.add_post("/slack/events", _slack_events)
    app.router.add_get("/slack/install", _slack_install)
    app.router.add_get("/slack/oauth_redirect", _slack_oauth_redirect)


def _slack_runtime(request: web.Request) -> SlackRuntime:
    slack = request.app.get(SLACK)
    if slack is None:
        raise web.HTTPNotFound(text="Slack is not configured on this server.\n")
    return slack  # type: ignore[return-value]


async def _slack_events(request: web.Request) -> web.StreamResponse:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response

    from bot.slack.edge import verified_bolt_request

    slack = _slack_runtime(request)
    secret = request.app[SERVICES].settings.slack.signing_secret  # type: ignore[attr-defined]
    bolt_request = await verified_bolt_request(request, secret or "")
    bolt_response = await slack.app.async_dispatch(bolt_request)
    return await to_aiohttp_response(bolt_response)


def _oauth_flow(request: web.Request) -> Any:
    flow = _slack_runtime(request).app.oauth_flow
    if flow is None:
        raise web.HTTPNotFound(
            text="This server runs Slack for one workspace (SLACK_BOT_TOKEN): there is nothing "
            "to install. Set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs.\n"
        )
    return flow


async def _slack_install(request: web.Request) -> web.StreamResponse:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request

    flow = _oauth_flow(request)
    return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))


async def _slack_oauth_redirect(request: web.Request) -> web.StreamResponse:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request

    flow = _oauth_flow(request)
    return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))


async def _slack_context(app: web.Application) -> AsyncIterator[None]:
    """One HTTP session for every Web API call (keep-alive), and the OAuth tables."""
    slack: SlackRuntime = app[SLACK]  # type: ignore[assignment]
    client = slack.app.client
    own_session = client.session is None
    if own_session:
        client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=client.timeout))
    if slack.oauth is not None:
        await slack.oauth.create_tables()
    slack.work.start()
    try:
        yield
    finally:
        await slack.work.close()  # let replies in flight go out before the session closes
        await slack.deps.close()
        if own_session and client.session is not None:
            await client.session.close()
            client.session = None
        if slack.oauth is not None:
            await slack.oauth.close()


# --- scheduler
async def _scheduler_context(app: web.Application) -> AsyncIterator[None]:
    from bot.scheduler.runner import build_scheduler, stop_scheduler

    scheduler = build_scheduler(app[SERVICES], app[NOTIFIER])  # type: ignore[arg-type]
    scheduler.start()
    app[SCHEDULER] = scheduler
    try:
        yield
    finally:
        await stop_scheduler(scheduler)


# --- health
async def healthz(request: web.Request) -> web.Response:
    """The scheduler's heartbeat (from the database) and which channels this server serves.

    503 when the sweep has not run recently, so a load balancer or orchestrator can act on it.
    """
    from bot.scheduler.health import health_report

    services: Services = request.app[SERVICES]  # type: ignore[assignment]
    plan: ChannelPlan = request.app[CHANNELS]  # type: ignore[assignment]
    report = await asyncio.to_thread(
        health_report,
        services.store,
        services.clock,
        sweep_interval_seconds=services.settings.sweep_interval_seconds,
    )
    body = {**report, "channels": plan.as_json()}
    return web.json_response(body, status=200 if report.get("ok") else 503)
