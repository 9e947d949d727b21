"""Fixtures for the Teams channel: stand-in Microsoft services, our bot on a real server on
port 0, and a guard that fails any test trying to reach beyond loopback (never Microsoft).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import aiohttp
import pytest
from aiohttp import web
from botframework.connector.auth import (
    AuthenticationConstants,
    ChannelValidation,
    PasswordServiceClientCredentialFactory,
)
from botframework.connector.auth.app_credentials import AppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bot.bootstrap import Services, bootstrap
from bot.config import Settings, TeamsSettings
from bot.teams.delivery import RetryPolicy
from bot.teams.routes import TeamsChannel, add_routes
from tests.fakes import buy_flagging_reviewer
from tests.teams.onedrive import OneDriveStandIn
from tests.teams.payloads import BOT_APP_ID
from tests.teams.standins import StandInMicrosoft

APP_PASSWORD = "stand-in-client-secret"
OUTBOUND_TOKEN = "stand-in-outbound-token"


# --- nothing leaves this machine ------------------------------------------------------------------
def _loopback(host: object) -> bool:
    if host in (None, "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(host):
            raise AssertionError(f"a Teams test tried to resolve {host!r}: only loopback allowed")
        return real_getaddrinfo(host, *args, **kwargs)

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise AssertionError(f"a Teams test tried to connect to {address!r}")

    def connect(sock: socket.socket, address: Any) -> Any:
        check(sock, address)
        return real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> Any:
        check(sock, address)
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


# --- stand-ins ------------------------------------------------------------------------------------
@pytest.fixture
async def microsoft(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[StandInMicrosoft]:
    """Connector + OpenID metadata; botbuilder's metadata URLs point at it for the test."""
    standin = await StandInMicrosoft().start()
    monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", standin.metadata_url)
    monkeypatch.setattr(
        AuthenticationConstants, "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL", standin.metadata_url
    )
    try:
        yield standin
    finally:
        JwtTokenExtractor.metadataCache.clear()
        await standin.stop()


class StandInCredentials(AppCredentials):
    """Outbound credentials with no identity provider behind them. Like MSAL, each object
    caches its token, so only its first call would go to the network: `fetches` records the
    thread of each such call."""

    fetches: ClassVar[list[str]] = []

    def __init__(self, app_id: str) -> None:
        super().__init__(app_id=app_id)
        self._token: str | None = None

    def get_access_token(self, force_refresh: bool = False) -> str:
        if self._token is None or force_refresh:
            type(self).fetches.append(threading.current_thread().name)
            self._token = OUTBOUND_TOKEN
        return self._token


class StandInCredentialsFactory(PasswordServiceClientCredentialFactory):
    """The app id and password checks of the real factory; tokens from `StandInCredentials`."""

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> AppCredentials:
        if not await self.is_valid_app_id(app_id):
            raise PermissionError("Invalid app_id")
        return StandInCredentials(app_id)


def teams_settings(database_url: str, *, authenticated: bool) -> Settings:
    if authenticated:
        teams = TeamsSettings(app_id=BOT_APP_ID, app_password=APP_PASSWORD)
    else:
        teams = TeamsSettings(allow_anonymous=True)
    return Settings(database_url=database_url, teams=teams)


def fast_retry() -> RetryPolicy:
    return RetryPolicy(attempts=4, base_delay=0.01, max_delay=2.0)


@dataclass
class TeamsServer:
    base_url: str
    channel: TeamsChannel
    services: Services
    microsoft: StandInMicrosoft
    session: aiohttp.ClientSession

    async def post(
        self, activity: dict[str, Any], *, token: str | None = None, **headers: str
    ) -> aiohttp.ClientResponse:
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        async with self.session.post(
            f"{self.base_url}/api/messages", json=activity, headers=headers
        ) as response:
            await response.read()
            return response

    def token(self, **overrides: Any) -> str:
        claims: dict[str, Any] = {"audience": BOT_APP_ID, "service_url": self.microsoft.service_url}
        claims.update(overrides)
        return self.microsoft.keys.token(**claims)


async def start_server(
    services: Services, microsoft: StandInMicrosoft, **overrides: Any
) -> tuple[web.AppRunner, TeamsServer]:
    app = web.Application()
    overrides.setdefault("retry", fast_retry())
    if services.settings.teams.app_id:
        overrides.setdefault(
            "credentials_factory", StandInCredentialsFactory(BOT_APP_ID, APP_PASSWORD)
        )
    channel = add_routes(app, services, **overrides)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    session = aiohttp.ClientSession()
    return runner, TeamsServer(f"http://127.0.0.1:{port}", channel, services, microsoft, session)


@pytest.fixture
def anonymous_services(sqlite_url: str, clock: Any) -> Iterator[Services]:
    from storage.store import SqlStore

    store = SqlStore.open(sqlite_url, migrate=False, clock=clock)
    try:
        yield bootstrap(
            teams_settings(sqlite_url, authenticated=False),
            store=store,
            clock=clock,
            reviewer=buy_flagging_reviewer,
        )
    finally:
        store.close()


@pytest.fixture
async def server(
    anonymous_services: Services, microsoft: StandInMicrosoft
) -> AsyncIterator[TeamsServer]:
    """Anonymous (Emulator-style) mode on loopback: the simplest real server."""
    runner, running = await start_server(anonymous_services, microsoft)
    try:
        yield running
    finally:
        await running.session.close()
        await runner.cleanup()


@pytest.fixture
def authenticated_services(store: Any, database_url: str, clock: Any) -> Services:
    """With an app id; on SQLite and on PostgreSQL (the shared `store` fixture)."""
    return bootstrap(
        teams_settings(database_url, authenticated=True),
        store=store,
        clock=clock,
        reviewer=buy_flagging_reviewer,
    )


@pytest.fixture
async def secure_server(
    authenticated_services: Services, microsoft: StandInMicrosoft
) -> AsyncIterator[TeamsServer]:
    microsoft.connector.required_token = OUTBOUND_TOKEN
    StandInCredentials.fetches = []
    runner, running = await start_server(authenticated_services, microsoft)
    try:
        yield running
    finally:
        await running.session.close()
        await runner.cleanup()


@pytest.fixture
async def onedrive() -> AsyncIterator[OneDriveStandIn]:
    stand_in = OneDriveStandIn()
    runner = await stand_in.start()
    yield stand_in
    await runner.cleanup()
