"""Bot Framework authentication from `Settings.teams`, with two botbuilder 4.17 hazards fixed.

1. Inbound tokens. botbuilder fetches the OpenID metadata and signing keys with a blocking
   `requests.get` and no time-out, and lets a malformed token escape as a `jwt` error (a 500).
   `bot.teams.keys` makes those fetches bounded, shared and cached on their own executor, so
   validation itself runs on the event loop; `GuardedAuthentication` turns every way a token can
   be wrong into `PermissionError`, which `CloudAdapter` answers with 401, and keys that cannot
   be fetched into `AuthUnavailableError` (503).
2. Outbound tokens. botbuilder builds new credentials (a new MSAL app, an empty token cache) for
   every activity and fetches the token synchronously on the event loop when sending.
   `CachedCredentialsFactory` keeps one credentials object per (app, scope, authority) and
   refreshes its token on a worker thread, so sends find it in MSAL's cache; connector clients
   come from `bot.teams.connectors.ConnectorPool`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import jwt
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.auth.app_credentials import AppCredentials
from msrest.authentication import Authentication

from bot.config import TeamsSettings
from bot.teams import keys
from bot.teams.connectors import ConnectorPool, NoUserTokens
from bot.teams.validation import normalised_app_type

logger = logging.getLogger(__name__)


class AuthUnavailableError(RuntimeError):
    """The signing keys could not be fetched, so no token can be judged right now (503)."""


class OutboundTokenError(RuntimeError):
    """The bot could not get its own token for replying (bad secret, identity provider down).

    Not a `PermissionError`: botbuilder would answer that with 401, blaming the caller.
    """


@dataclass(frozen=True)
class BotFrameworkConfig:
    """The object botbuilder reads with `hasattr`: exactly these four names (see TRAPS.md)."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TENANTID: str
    APP_TYPE: str

    @classmethod
    def from_settings(cls, teams: TeamsSettings) -> BotFrameworkConfig:
        return cls(
            APP_ID=teams.app_id or "",
            APP_PASSWORD=teams.app_password or "",
            APP_TENANTID=teams.app_tenant_id or "",
            APP_TYPE=normalised_app_type(teams.app_type),
        )


class CachedCredentialsFactory(ServiceClientCredentialsFactory):
    """One credentials object per (app id, scope, authority), its token refreshed off the loop."""

    def __init__(
        self, inner: ServiceClientCredentialsFactory, *, refresh_every: float = 30 * 60
    ) -> None:
        self._inner = inner
        self._refresh_every = refresh_every
        self._credentials: dict[tuple[Any, ...], Authentication] = {}
        self._fetched_at: dict[tuple[Any, ...], float] = {}
        self._locks: dict[tuple[Any, ...], asyncio.Lock] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        key = (app_id, oauth_scope, login_endpoint, validate_authority)
        credentials = self._credentials.get(key)
        if credentials is None:
            credentials = await self._inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            self._credentials[key] = credentials
        if isinstance(credentials, AppCredentials) and credentials.microsoft_app_id:
            await self._warm(key, credentials)
        return credentials

    async def _warm(self, key: tuple[Any, ...], credentials: AppCredentials) -> None:
        if time.monotonic() - self._fetched_at.get(key, float("-inf")) < self._refresh_every:
            return
        async with self._locks.setdefault(key, asyncio.Lock()):
            if time.monotonic() - self._fetched_at.get(key, float("-inf")) < self._refresh_every:
                return
            # MSAL caches the token in the credentials object; the later, synchronous call made
            # while sending then returns it without network I/O.
            try:
                await asyncio.to_thread(credentials.get_access_token)
            except Exception as error:
                logger.error(
                    "Could not get the bot's token for app %s: %s",
                    credentials.microsoft_app_id,
                    type(error).__name__,
                )
                raise OutboundTokenError("the bot's own token is unavailable") from error
            self._fetched_at[key] = time.monotonic()


class GuardedAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder, whose key fetches `bot.teams.keys` guards; every bad token fails
    as 401. Connector clients come from a shared pool (see `bot.teams.connectors`)."""

    def __init__(self, inner: BotFrameworkAuthentication, pool: ConnectorPool) -> None:
        keys.install()
        self._inner = inner
        self._pool = pool

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        result = await self._validate(activity, auth_header)
        result.connector_factory = self._pool.factory(result.claims_identity)
        return result

    async def _validate(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        try:
            return await self._inner.authenticate_request(activity, auth_header)
        except PermissionError:
            raise
        except keys.SigningKeysUnavailable as error:
            raise AuthUnavailableError("signing keys unavailable") from error
        except (jwt.PyJWTError, ValueError, KeyError, IndexError, TypeError) as error:
            raise PermissionError(f"invalid token ({type(error).__name__})") from error
        except Exception as error:
            # botbuilder raises a bare Exception for a failed endorsement check, among others.
            raise PermissionError(f"token rejected ({type(error).__name__})") from error

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        raise PermissionError("streaming connections are not served")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._pool.factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return NoUserTokens()

    def create_bot_framework_client(self):  # type: ignore[no-untyped-def]
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        raise PermissionError("skill channel requests are not served")


def build_authentication(
    teams: TeamsSettings, *, credentials_factory: ServiceClientCredentialsFactory | None = None
) -> GuardedAuthentication:
    """`credentials_factory` replaces the one built from settings (tests use a stand-in token)."""
    config = BotFrameworkConfig.from_settings(teams)
    inner_factory = credentials_factory or ConfigurationServiceClientCredentialFactory(config)
    cached = CachedCredentialsFactory(inner_factory)
    return GuardedAuthentication(
        ConfigurationBotFrameworkAuthentication(config, credentials_factory=cached),
        ConnectorPool(cached),
    )
