"""Token validation with an app id: every request needs a valid Bot Framework token (else 401),
checked against stand-in OpenID metadata and keys on loopback; replies carry the bot's own token.
Runs on SQLite and PostgreSQL. Anonymous mode is only for loopback."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from botframework.connector.auth import ChannelValidation

from bot.bootstrap import bootstrap
from bot.config import Settings, SettingsError, TeamsSettings
from bot.teams.auth import BotFrameworkConfig
from bot.teams.incoming import PLATFORM
from bot.teams.routes import TEAMS_CHANNEL, validate_teams_settings
from tests.fakes import buy_flagging_reviewer
from tests.teams.conftest import (
    APP_PASSWORD,
    OUTBOUND_TOKEN,
    StandInCredentials,
    StandInCredentialsFactory,
    TeamsServer,
    start_server,
)
from tests.teams.payloads import BOT_APP_ID, TENANT, USER_ID, personal_message

EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"


def message(server: TeamsServer, text: str = "help") -> dict[str, Any]:
    return personal_message(server.microsoft.service_url, text)


def nothing_happened(server: TeamsServer) -> bool:
    store = server.services.store
    return (
        server.microsoft.connector.attempts == []
        and store.member_conversation_reference(PLATFORM, TENANT, USER_ID) is None
    )


async def test_a_valid_token_is_accepted_and_replies_carry_the_bots_token(
    secure_server: TeamsServer,
):
    for text in ("help", "list", "stats"):
        response = await secure_server.post(
            message(secure_server, text), token=secure_server.token()
        )
        assert response.status == 201

    sent = secure_server.microsoft.connector.sent
    assert len(sent) == 3
    assert {reply.authorization for reply in sent} == {f"Bearer {OUTBOUND_TOKEN}"}
    # One outbound token fetch, off the event loop; then the cached credentials (botbuilder
    # alone builds new credentials, so a new token fetch, for every activity).
    assert len(StandInCredentials.fetches) == 1
    assert StandInCredentials.fetches[0] != threading.main_thread().name
    assert secure_server.microsoft.metadata_requests == 1


async def test_a_request_without_a_token_gets_401_and_changes_nothing(secure_server: TeamsServer):
    response = await secure_server.post(message(secure_server, "met Alex Smith yesterday"))

    assert response.status == 401
    assert nothing_happened(secure_server)


@pytest.mark.parametrize(
    "authorization",
    ["Bearer not-a-jwt", "Bearer a.b.c", "Basic dXNlcjpwYXNz", "Bearer", "bearer x y"],
)
async def test_a_malformed_authorization_header_gets_401(
    secure_server: TeamsServer, authorization: str
):
    response = await secure_server.post(message(secure_server), Authorization=authorization)

    assert response.status == 401
    assert nothing_happened(secure_server)


@pytest.mark.parametrize(
    "claims",
    [
        {"forged": True},  # signed with a key that is not in the published JWKS
        {"expires_in": -3600},
        {"audience": "00000000-1111-2222-3333-444444444444"},  # another bot's token
        {"service_url": "https://attacker.example/"},  # serviceUrl claim must match the activity
        {"issuer": "https://api.botframework.example"},
        {"kid": "unknown-key"},
    ],
    ids=["forged", "expired", "other-audience", "other-service-url", "other-issuer", "unknown-kid"],
)
async def test_a_bad_token_gets_401(secure_server: TeamsServer, claims: dict[str, Any]):
    token = secure_server.token(**claims)

    response = await secure_server.post(message(secure_server), token=token)

    assert response.status == 401
    assert nothing_happened(secure_server)


async def test_a_forged_emulator_style_token_is_checked_against_the_stand_in_and_refused(
    secure_server: TeamsServer,
):
    token = secure_server.microsoft.keys.token(
        audience=BOT_APP_ID,
        service_url=secure_server.microsoft.service_url,
        issuer=EMULATOR_ISSUER,
        forged=True,
    )

    response = await secure_server.post(message(secure_server), token=token)

    assert response.status == 401
    assert secure_server.microsoft.metadata_requests >= 1


@contextlib.contextmanager
def slow_metadata_server(keys: dict[str, Any], delay: float) -> Iterator[str]:
    """OpenID metadata served from its own thread, each answer `delay` seconds late."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(delay)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = {"jwks_uri": f"{base}/keys"} if self.path.endswith("configuration") else keys
            payload = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1/.well-known/openidconfiguration"
    finally:
        httpd.shutdown()
        httpd.server_close()


async def test_key_fetching_does_not_block_the_event_loop(
    secure_server: TeamsServer, monkeypatch: pytest.MonkeyPatch
):
    """botbuilder fetches the signing keys with a blocking `requests.get`; it must not stall
    every other request while the (here: slow) metadata endpoint answers."""
    delay = 0.6
    with slow_metadata_server(secure_server.microsoft.keys.jwks(), delay) as url:
        monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", url)
        largest_gap = 0.0
        stop = asyncio.Event()

        async def tick() -> None:
            nonlocal largest_gap
            last = time.monotonic()
            while not stop.is_set():
                await asyncio.sleep(0.01)
                now = time.monotonic()
                largest_gap = max(largest_gap, now - last)
                last = now

        ticker = asyncio.create_task(tick())
        response = await secure_server.post(message(secure_server), token=secure_server.token())
        stop.set()
        await ticker

    assert response.status == 201
    assert largest_gap < delay / 2, f"the event loop stalled for {largest_gap:.2f} s"


async def test_unreachable_signing_keys_give_503_not_a_crash(
    secure_server: TeamsServer, monkeypatch: pytest.MonkeyPatch
):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setattr(
        ChannelValidation,
        "open_id_metadata_endpoint",
        f"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration",
    )

    response = await secure_server.post(message(secure_server), token=secure_server.token())

    assert response.status == 503
    assert nothing_happened(secure_server)


async def test_a_failure_to_get_the_bots_own_token_is_503_not_401(
    authenticated_services: Any, microsoft: Any, caplog: pytest.LogCaptureFixture
):
    class BadSecret(StandInCredentials):
        def get_access_token(self, force_refresh: bool = False) -> str:
            raise PermissionError("AADSTS7000215: Invalid client secret provided.")

    class BadSecretFactory(StandInCredentialsFactory):
        async def create_credentials(self, app_id, oauth_scope, login_endpoint, validate_authority):
            return BadSecret(app_id)

    runner, server = await start_server(
        authenticated_services,
        microsoft,
        credentials_factory=BadSecretFactory(BOT_APP_ID, APP_PASSWORD),
    )
    try:
        response = await server.post(message(server), token=server.token())
    finally:
        await server.session.close()
        await runner.cleanup()

    assert response.status == 503
    assert "Could not get the bot's token" in caplog.text
    assert "AADSTS" not in caplog.text  # the identity provider's words stay out of our logs


async def test_the_shared_server_serves_teams_with_authentication(
    authenticated_services: Any, microsoft: Any
):
    from bot.server import build_app

    app = build_app(authenticated_services, run_scheduler=False)
    assert TEAMS_CHANNEL in app
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        import aiohttp

        async with aiohttp.ClientSession() as session:
            activity = personal_message(microsoft.service_url, "help")
            async with session.post(f"http://127.0.0.1:{port}/api/messages", json=activity) as r:
                assert r.status == 401
    finally:
        await runner.cleanup()


def test_the_config_object_has_exactly_the_names_botbuilder_reads():
    config = BotFrameworkConfig.from_settings(
        TeamsSettings(app_id=BOT_APP_ID, app_password=APP_PASSWORD, app_type="singletenant")
    )

    names = {name for name in vars(config) if not name.startswith("_")}
    assert names == {"APP_ID", "APP_PASSWORD", "APP_TENANTID", "APP_TYPE"}
    assert (config.APP_ID, config.APP_PASSWORD, config.APP_TYPE) == (
        BOT_APP_ID,
        APP_PASSWORD,
        "SingleTenant",
    )


# --- anonymous (Emulator) mode ------------------------------------------------------------------
def anonymous(host: str) -> None:
    validate_teams_settings(Settings(teams=TeamsSettings(allow_anonymous=True)), host)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2", "[::1]"])
def test_anonymous_mode_is_allowed_on_loopback(host: str):
    anonymous(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "bot.example.com"])
def test_anonymous_mode_is_refused_off_loopback(host: str):
    with pytest.raises(SettingsError, match="NETCOACH_TEAMS_ALLOW_ANONYMOUS=1 only works"):
        anonymous(host)


def test_without_app_id_or_anonymous_flag_teams_is_not_served():
    assert not Settings(teams=TeamsSettings()).teams.configured


async def test_an_anonymous_server_refuses_requests_from_other_machines(server: TeamsServer):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        ("203.0.113.7", 50000) if name == "peername" else default
    )
    request = make_mocked_request(
        "POST",
        "/api/messages",
        headers={"Content-Type": "application/json"},
        transport=transport,
        app=web.Application(),
    )

    response = await server.channel.handle(request)

    assert response.status == 403
    assert server.microsoft.connector.attempts == []


async def test_an_anonymous_server_answers_loopback_without_a_token(server: TeamsServer):
    response = await server.post(message(server))

    assert response.status == 201
    assert server.microsoft.connector.sent[0].authorization is None


def test_settings_from_the_environment_build_a_secure_channel(sqlite_url: str, clock: Any):
    settings = Settings.from_env(
        {
            "DATABASE_URL": sqlite_url,
            "MICROSOFT_APP_ID": BOT_APP_ID,
            "MICROSOFT_APP_PASSWORD": APP_PASSWORD,
        }
    )
    validate_teams_settings(settings, "0.0.0.0")  # authenticated: any interface is fine
    from bot.teams.routes import build_channel
    from storage.store import SqlStore

    store = SqlStore.open(sqlite_url, migrate=False, clock=clock)
    try:
        services = bootstrap(settings, store=store, clock=clock, reviewer=buy_flagging_reviewer)
        assert build_channel(services).anonymous is False
    finally:
        store.close()
