"""Start-up checks for the Teams channel. No botbuilder import, so `netcoach doctor` can use it.

With an app id, every request's Bot Framework token is validated. Without one, botbuilder accepts
every request anonymously and sends replies to whatever `serviceUrl` the request names, so that
mode is only allowed when asked for explicitly and when nothing but this machine can reach us.
"""

from __future__ import annotations

import ipaddress
import re

from bot.config import Settings, SettingsError

APP_TYPES = {
    "multitenant": "MultiTenant",
    "singletenant": "SingleTenant",
    "userassignedmsi": "UserAssignedMSI",
}

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`; False for 0.0.0.0, :: and any real interface."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalised_app_type(raw: str) -> str:
    try:
        return APP_TYPES[raw.strip().lower()]
    except KeyError:
        choices = ", ".join(APP_TYPES.values())
        raise SettingsError(f"MICROSOFT_APP_TYPE must be one of {choices}, got {raw!r}.") from None


def validate_teams_settings(settings: Settings, host: str) -> None:
    """Raise `SettingsError` naming the setting to fix; return quietly when Teams may be served.

    Call it at start-up whenever `settings.teams.configured` is true, with the host the server
    binds to.
    """
    teams = settings.teams
    if not teams.configured:
        return
    app_type = normalised_app_type(teams.app_type)

    if teams.app_id:
        if not _GUID.match(teams.app_id):
            raise SettingsError(
                "MICROSOFT_APP_ID must be the bot's Microsoft Entra application (client) id, "
                "a GUID such as 00000000-0000-0000-0000-000000000000."
            )
        if app_type != "UserAssignedMSI" and not teams.app_password:
            raise SettingsError(
                "MICROSOFT_APP_PASSWORD is missing: the bot needs its client secret to answer "
                "Teams. Set it, or unset MICROSOFT_APP_ID for local anonymous development."
            )
        if app_type in {"SingleTenant", "UserAssignedMSI"} and not teams.app_tenant_id:
            raise SettingsError(
                f"MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE={app_type}."
            )
        if teams.app_tenant_id and not _GUID.match(teams.app_tenant_id):
            raise SettingsError("MICROSOFT_APP_TENANT_ID must be a directory (tenant) id GUID.")
        return

    # No app id: anonymous development mode (Bot Framework Emulator) or a half-given setting.
    if teams.app_password or teams.app_tenant_id:
        given = "MICROSOFT_APP_PASSWORD" if teams.app_password else "MICROSOFT_APP_TENANT_ID"
        raise SettingsError(f"{given} is set but MICROSOFT_APP_ID is not: set both or neither.")
    if app_type != "MultiTenant":
        raise SettingsError(f"MICROSOFT_APP_TYPE={app_type} needs MICROSOFT_APP_ID.")
    if not is_loopback_host(host):
        raise SettingsError(
            "Teams without MICROSOFT_APP_ID accepts unauthenticated requests, so "
            "NETCOACH_TEAMS_ALLOW_ANONYMOUS=1 only works on a loopback address "
            f"(127.0.0.1 or ::1), not {host!r}. Bind to 127.0.0.1, or set MICROSOFT_APP_ID and "
            "MICROSOFT_APP_PASSWORD."
        )
