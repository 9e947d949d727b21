"""Multi-workspace installs: slack_sdk's async SQLAlchemy stores in our database, tokens encrypted.

slack_sdk's `AsyncSQLAlchemyInstallationStore` writes tokens in plain text. Here every token
column is given a Fernet-encrypting column type before the tables are used, so what reaches
the database is ciphertext and what `async_find_bot` returns is the usable token again. The
token columns become TEXT because ciphertext is longer than the 200 characters slack_sdk
reserves.
"""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.types import Text, TypeDecorator

from bot.config import Settings
from bot.slack.registry import BOT_SCOPES

TOKEN_COLUMNS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
STATE_EXPIRATION_SECONDS = 600


class TokenDecryptionError(RuntimeError):
    """A stored token does not decrypt with NETCOACH_ENCRYPTION_KEY (the key was changed)."""


class EncryptedToken(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def __init__(self, fernet: Fernet) -> None:
        super().__init__()
        self._fernet = fernet

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return self._fernet.encrypt(value.encode()).decode()

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        try:
            return self._fernet.decrypt(value.encode()).decode()
        except InvalidToken:
            raise TokenDecryptionError(
                "A stored Slack token does not decrypt with NETCOACH_ENCRYPTION_KEY; "
                "was the key changed? Reinstall the app in that workspace."
            ) from None


class EncryptedInstallationStore(AsyncSQLAlchemyInstallationStore):
    """slack_sdk's async SQLAlchemy installation store with every token encrypted at rest."""

    def __init__(self, client_id: str, engine: AsyncEngine, fernet: Fernet) -> None:
        super().__init__(client_id=client_id, engine=engine)
        column_type = EncryptedToken(fernet)
        for table in (self.installations, self.bots):
            for name in TOKEN_COLUMNS:
                if name in table.c:
                    table.c[name].type = column_type

    async def async_delete_workspace(self, team_id: str, enterprise_id: str | None = None) -> None:
        """Forget every installation and bot of a workspace (app uninstalled, tokens revoked)."""
        await self.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)


def async_database_url(database_url: str) -> str:
    """The same database through an asyncio driver: aiosqlite for SQLite, psycopg 3 otherwise."""
    url = make_url(database_url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return url.set(drivername="sqlite+aiosqlite").render_as_string(hide_password=False)
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise ValueError(f"DATABASE_URL backend {backend!r} is not supported for Slack installs.")


def build_async_engine(database_url: str) -> AsyncEngine:
    url = async_database_url(database_url)
    if url.startswith("sqlite"):
        # Several coroutines share one file with the synchronous store: wait for locks, do not fail.
        return create_async_engine(url, connect_args={"timeout": 15})
    return create_async_engine(url, pool_pre_ping=True)


class OAuthStores:
    """The installation and state stores, sharing one async engine; tables made on start-up."""

    def __init__(self, settings: Settings) -> None:
        assert settings.slack.client_id and settings.encryption_key
        self.engine = build_async_engine(settings.database_url)
        fernet = Fernet(settings.encryption_key.encode())
        self.installations = EncryptedInstallationStore(
            settings.slack.client_id, self.engine, fernet
        )
        self.states = AsyncSQLAlchemyOAuthStateStore(
            expiration_seconds=STATE_EXPIRATION_SECONDS, engine=self.engine
        )

    async def create_tables(self) -> None:
        # CREATE TABLE IF NOT EXISTS: these tables are slack_sdk's, not part of our migrations.
        await self.installations.create_tables()
        await self.states.create_tables()

    async def close(self) -> None:
        await self.engine.dispose()


def oauth_settings(settings: Settings, stores: OAuthStores) -> AsyncOAuthSettings:
    return AsyncOAuthSettings(
        client_id=settings.slack.client_id,
        client_secret=settings.slack.client_secret,
        scopes=list(BOT_SCOPES),
        installation_store=stores.installations,
        installation_store_bot_only=True,
        state_store=stores.states,
        state_expiration_seconds=STATE_EXPIRATION_SECONDS,
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
    )
