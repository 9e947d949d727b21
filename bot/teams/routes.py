"""Mount the Teams bot on the shared aiohttp server: `POST /api/messages`.

`bot/server.py` calls `add_routes(app, services)` when `settings.teams.configured`; it should call
`validate_teams_settings(settings, host)` at start-up first. The `TeamsChannel` built here is
also stored on the app (`app[TEAMS_CHANNEL]`), so the notifier router can find
`channel.notifier` for proactive nudges and digests.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web
from botframework.connector.auth import ServiceClientCredentialsFactory
from msrest.exceptions import DeserializationError

from bot.teams.adapter import PacedCloudAdapter
from bot.teams.auth import AuthUnavailableError, OutboundTokenError, build_authentication
from bot.teams.bot import NetworkCoachBot
from bot.teams.delivery import RetryPolicy, SendPacer
from bot.teams.notifier import TeamsNotifier
from bot.teams.validation import is_loopback_host, validate_teams_settings

if TYPE_CHECKING:
    from bot.bootstrap import Services

__all__ = [
    "TEAMS_CHANNEL",
    "TeamsChannel",
    "add_routes",
    "build_channel",
    "validate_teams_settings",
]

logger = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"


@dataclass
class TeamsChannel:
    adapter: PacedCloudAdapter
    bot: NetworkCoachBot
    notifier: TeamsNotifier
    anonymous: bool

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.anonymous and not is_loopback_host(request.remote or ""):
            # Without an app id nothing proves who is calling: only this machine may.
            return _problem(403, "anonymous Teams mode only accepts requests from loopback")
        if not self.anonymous and not request.headers.get("Authorization"):
            # botbuilder would refuse it too, but only after parsing what anyone sent.
            return _problem(401, "send a Bot Framework token in the Authorization header")
        if "application/json" not in request.headers.get("Content-Type", ""):
            return _problem(415, "send the activity as application/json")
        try:
            body = await request.json()
        except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
            return _problem(400, "the body is not JSON")
        if not _is_activity(body):
            return _problem(400, "the body is not a Bot Framework activity")
        try:
            response = await self.adapter.process(request, self.bot)
        except AuthUnavailableError:
            return _problem(503, "cannot validate tokens right now; retry later")
        except OutboundTokenError:
            return _problem(503, "the bot cannot get its own token to reply; retry later")
        except DeserializationError:
            return _problem(400, "the activity could not be read")
        return response or web.Response(status=201)


def build_channel(
    services: Services,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
    retry: RetryPolicy | None = None,
    pacer: SendPacer | None = None,
) -> TeamsChannel:
    """Everything Teams needs, no HTTP route: a scheduler-only process can use `.notifier`."""
    teams = services.settings.teams
    authentication = build_authentication(teams, credentials_factory=credentials_factory)
    adapter = PacedCloudAdapter(authentication, retry=retry, pacer=pacer)
    bot = NetworkCoachBot(services.coach, services.store, services.clock)  # type: ignore[arg-type]
    notifier = TeamsNotifier(adapter, services.store, teams.app_id)
    return TeamsChannel(adapter=adapter, bot=bot, notifier=notifier, anonymous=not teams.app_id)


TEAMS_CHANNEL = web.AppKey("netcoach_teams_channel", TeamsChannel)


def add_routes(app: web.Application, services: Services, **overrides: object) -> TeamsChannel:
    """Mount `POST /api/messages`; `overrides` go to `build_channel` (tests use them)."""
    channel = build_channel(services, **overrides)  # type: ignore[arg-type]
    app[TEAMS_CHANNEL] = channel
    app.router.add_post(MESSAGES_PATH, channel.handle)
    if channel.anonymous:
        logger.warning(
            "Teams is running WITHOUT authentication (no MICROSOFT_APP_ID): loopback only"
        )
    return channel


def teams_notifier(app: web.Application) -> TeamsNotifier:
    """The notifier of the channel `add_routes` mounted on `app`."""
    return app[TEAMS_CHANNEL].notifier


def _is_activity(body: object) -> bool:
    """What every Bot Framework activity has and the bot needs to answer at all."""
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return False
    conversation = body.get("conversation")
    return (
        isinstance(conversation, dict)
        and isinstance(conversation.get("id"), str)
        and bool(conversation["id"])
        and isinstance(body.get("serviceUrl"), str)
    )


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)
