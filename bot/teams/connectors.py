"""Reuse Bot Connector clients instead of building one per activity.

botbuilder 4.17 creates a new `ConnectorClient` (a new msrest pipeline and a new `requests`
session, so a new TCP and TLS connection to Teams) for every activity it receives or sends
proactively, and never closes it. `ConnectorPool` keeps one client per (credentials, serviceUrl),
so replies ride on kept-alive connections, and asks the credentials factory for the credentials
each time, which keeps their token refreshed off the event loop (`CachedCredentialsFactory`).

It also answers botbuilder's per-activity request for a user-token client (OAuth sign-in cards)
with one that refuses: this bot has no sign-in, and building the real one costs another msrest
pipeline per message.
"""

from __future__ import annotations

from collections import OrderedDict

from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from msrest.authentication import Authentication

USER_AGENT = "NetworkCoach (BotBuilder Python 4.17)"


def app_id_of(claims_identity: ClaimsIdentity) -> str | None:
    """The bot's own app id from inbound claims: `aud` from a channel, `appid` from the Emulator."""
    return claims_identity.get_claim_value(
        AuthenticationConstants.AUDIENCE_CLAIM
    ) or claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)


class ConnectorPool:
    def __init__(
        self, credentials_factory: ServiceClientCredentialsFactory, max_clients: int = 256
    ):
        self._credentials_factory = credentials_factory
        self._max_clients = max_clients
        self._clients: OrderedDict[tuple[int, str], ConnectorClient] = OrderedDict()

    def factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return _PooledConnectorFactory(self, app_id_of(claims_identity))

    async def client(
        self, app_id: str | None, service_url: str, audience: str | None
    ) -> ConnectorClient:
        credentials = await self._credentials_factory.create_credentials(
            app_id,  # type: ignore[arg-type]
            audience or AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
            True,
        )
        return self._client_for(credentials, service_url)

    def _client_for(self, credentials: Authentication, service_url: str) -> ConnectorClient:
        key = (id(credentials), service_url)
        client = self._clients.get(key)
        if client is None or client.config.credentials is not credentials:
            client = ConnectorClient(credentials, base_url=service_url)
            client.config.add_user_agent(USER_AGENT)
            self._clients[key] = client
            while len(self._clients) > self._max_clients:
                self._clients.popitem(last=False)
        else:
            self._clients.move_to_end(key)
        return client


class _PooledConnectorFactory(ConnectorFactory):
    def __init__(self, pool: ConnectorPool, app_id: str | None) -> None:
        self._pool = pool
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return await self._pool.client(self._app_id, service_url, audience)


class NoUserTokens(UserTokenClient):
    """This bot has no OAuth sign-in; any use of user tokens is a bug, so it says so."""

    async def get_user_token(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")

    async def get_sign_in_resource(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")

    async def sign_out_user(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")

    async def get_token_status(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")

    async def get_aad_tokens(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")

    async def exchange_token(self, *args: object, **kwargs: object) -> None:
        raise NotImplementedError("Network Coach does not use OAuth sign-in")
