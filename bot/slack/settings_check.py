"""Check the Slack settings before anything starts, naming the setting that is wrong.

Bolt notices an empty signing secret only when the first request arrives (a 500), and an
OAuth app without a key would store tokens in plain text: both must stop start-up instead.
"""

from __future__ import annotations

import enum
from urllib.parse import urlsplit

from bot.config import SettingsError, SlackSettings


class SlackMode(enum.Enum):
    OFF = "off"
    SINGLE_WORKSPACE = "single-workspace"
    OAUTH = "oauth"


def slack_mode(slack: SlackSettings, encryption_key: str | None) -> SlackMode:
    """The install mode these settings describe; raises SettingsError when they are inconsistent."""
    given = {
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_SIGNING_SECRET": slack.signing_secret,
        "SLACK_CLIENT_ID": slack.client_id,
        "SLACK_CLIENT_SECRET": slack.client_secret,
    }
    check_api_url(slack.api_url)
    if not any(given.values()):
        return SlackMode.OFF
    if not slack.signing_secret:
        named = ", ".join(name for name, value in given.items() if value)
        raise SettingsError(
            f"SLACK_SIGNING_SECRET is missing: {named} is set, and Slack requests cannot be "
            "verified without the app's signing secret (Basic Information → App Credentials)."
        )
    if bool(slack.client_id) != bool(slack.client_secret):
        missing = "SLACK_CLIENT_SECRET" if slack.client_id else "SLACK_CLIENT_ID"
        raise SettingsError(
            f"{missing} is missing: OAuth installs need both SLACK_CLIENT_ID and "
            "SLACK_CLIENT_SECRET."
        )
    oauth = bool(slack.client_id and slack.client_secret)
    if oauth and slack.bot_token:
        raise SettingsError(
            "SLACK_BOT_TOKEN and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are both set: use the token "
            "for one workspace, or the client id and secret for OAuth installs, not both."
        )
    if not oauth and not slack.bot_token:
        raise SettingsError(
            "SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set, so Slack needs either a bot "
            "token (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth installs)."
        )
    if slack.bot_token and not slack.bot_token.startswith("xoxb-"):
        raise SettingsError(
            "SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-' "
            "(OAuth & Permissions → Bot User OAuth Token)."
        )
    if oauth:
        check_encryption_key(encryption_key)
        return SlackMode.OAUTH
    return SlackMode.SINGLE_WORKSPACE


def check_api_url(api_url: str) -> None:
    parts = urlsplit(api_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SettingsError(
            f"SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got {api_url!r}."
        )


def check_encryption_key(key: str | None) -> None:
    if not key:
        raise SettingsError(
            "NETCOACH_ENCRYPTION_KEY is missing: OAuth installs store bot tokens, and they are "
            'only stored encrypted. Create a key with: python -c "from cryptography.fernet import '
            'Fernet; print(Fernet.generate_key().decode())"'
        )
    from cryptography.fernet import Fernet

    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        raise SettingsError(
            "NETCOACH_ENCRYPTION_KEY is not a valid Fernet key (32 bytes, url-safe base64)."
        ) from None


def normalised_api_url(api_url: str) -> str:
    """slack_sdk joins method names onto the base URL, so it must end with a slash."""
    return api_url if api_url.endswith("/") else api_url + "/"
