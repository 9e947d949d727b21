"""Settings: the only place the environment is read.

Every other module receives a `Settings` (or the parts it needs) as an argument, so tests
build one directly with `Settings(...)` and never touch `os.environ`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(ValueError):
    """A setting is missing, malformed or only half given. The message names the setting."""


def data_home() -> Path:
    """Where the embedded database and console exports live (`NETCOACH_HOME`, ~/.netcoach)."""
    return Path(os.environ.get("NETCOACH_HOME", Path.home() / ".netcoach"))


def default_database_url() -> str:
    return f"sqlite:///{data_home() / 'netcoach.sqlite3'}"


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str | None = None
    signing_secret: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    api_url: str = "https://slack.com/api/"

    @property
    def configured(self) -> bool:
        return bool(self.signing_secret)

    @property
    def oauth(self) -> bool:
        return bool(self.client_id and self.client_secret)


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str | None = None
    app_password: str | None = None
    app_tenant_id: str | None = None
    app_type: str = "MultiTenant"
    allow_anonymous: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.app_id) or self.allow_anonymous


ADMIN_PLATFORMS = ("slack", "teams")


def admin_ids(raw: str | None) -> frozenset[str]:
    """`NETCOACH_ADMINS`: "slack:U0123,teams:29:1abc" → {"slack:U0123", "teams:29:1abc"}."""
    ids = set()
    for item in (raw or "").split(","):
        item = item.strip()
        if not item:
            continue
        platform, _, user_id = item.partition(":")
        if platform not in ADMIN_PLATFORMS or not user_id.strip():
            raise SettingsError(
                f"NETCOACH_ADMINS entries are platform:user id (slack:U0123 or teams:29:…), "
                f"got {item!r}."
            )
        ids.add(f"{platform}:{user_id.strip()}")
    return frozenset(ids)


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=default_database_url)
    host: str = "127.0.0.1"
    port: int = 3000
    # Fernet key (urlsafe base64, 32 bytes) used to encrypt OAuth tokens at rest.
    encryption_key: str | None = None
    log_level: str = "INFO"
    slack: SlackSettings = field(default_factory=SlackSettings)
    teams: TeamsSettings = field(default_factory=TeamsSettings)
    sweep_interval_seconds: int = 30
    # How long a claimed nudge or digest stays with its process before another may take it
    # over (after a kill -9); 0 keeps the defaults in `storage.claims`.
    claim_lease_seconds: int = 0
    # "platform:user id" of members who see workspace-wide feedback figures in `stats`
    # (NETCOACH_ADMINS, comma-separated, e.g. "slack:U0123ABC,teams:29:1a2b…").
    admins: frozenset[str] = frozenset()

    @classmethod
    def for_console(cls, env: Mapping[str, str] | None = None) -> Settings:
        """`netcoach try` needs only the database: server-only settings are not even read, so a
        malformed `NETCOACH_PORT` or Slack secret cannot stop it."""
        env = os.environ if env is None else env
        return cls(database_url=env.get("DATABASE_URL", "").strip() or default_database_url())

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def text(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def integer(name: str, default: int) -> int:
            raw = text(name)
            if raw is None:
                return default
            try:
                return int(raw)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, got {raw!r}.") from None

        def flag(name: str) -> bool:
            raw = (text(name) or "0").lower()
            if raw in {"1", "true", "yes", "on"}:
                return True
            if raw in {"0", "false", "no", "off"}:
                return False
            raise SettingsError(f"{name} must be 1 or 0, got {raw!r}.")

        slack = SlackSettings(
            bot_token=text("SLACK_BOT_TOKEN"),
            signing_secret=text("SLACK_SIGNING_SECRET"),
            client_id=text("SLACK_CLIENT_ID"),
            client_secret=text("SLACK_CLIENT_SECRET"),
            api_url=text("SLACK_API_URL") or "https://slack.com/api/",
        )
        teams = TeamsSettings(
            app_id=text("MICROSOFT_APP_ID"),
            app_password=text("MICROSOFT_APP_PASSWORD"),
            app_tenant_id=text("MICROSOFT_APP_TENANT_ID"),
            app_type=text("MICROSOFT_APP_TYPE") or "MultiTenant",
            allow_anonymous=flag("NETCOACH_TEAMS_ALLOW_ANONYMOUS"),
        )
        return cls(
            database_url=text("DATABASE_URL") or default_database_url(),
            host=text("NETCOACH_HOST") or "127.0.0.1",
            port=integer("NETCOACH_PORT", 3000),
            encryption_key=text("NETCOACH_ENCRYPTION_KEY"),
            log_level=(text("NETCOACH_LOG_LEVEL") or "INFO").upper(),
            slack=slack,
            teams=teams,
            sweep_interval_seconds=integer("NETCOACH_SWEEP_SECONDS", 30),
            claim_lease_seconds=integer("NETCOACH_CLAIM_LEASE_SECONDS", 0),
            admins=admin_ids(text("NETCOACH_ADMINS")),
        )
