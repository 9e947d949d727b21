"""Start-up validation of the Teams settings: each mistake stops start-up, naming the setting."""

from __future__ import annotations

import pytest

from bot.config import Settings, SettingsError, TeamsSettings
from bot.teams.validation import is_loopback_host, validate_teams_settings
from tests.teams.payloads import BOT_APP_ID, TENANT


def check(host: str = "0.0.0.0", **teams: object) -> None:
    validate_teams_settings(Settings(teams=TeamsSettings(**teams)), host)  # type: ignore[arg-type]


def test_multi_tenant_with_id_and_password_is_fine_on_any_interface():
    check(app_id=BOT_APP_ID, app_password="secret")


def test_single_tenant_needs_the_tenant_id():
    check(app_id=BOT_APP_ID, app_password="secret", app_type="SingleTenant", app_tenant_id=TENANT)
    with pytest.raises(SettingsError, match="MICROSOFT_APP_TENANT_ID is required"):
        check(app_id=BOT_APP_ID, app_password="secret", app_type="SingleTenant")


def test_managed_identity_needs_no_password_but_a_tenant():
    check(app_id=BOT_APP_ID, app_type="UserAssignedMSI", app_tenant_id=TENANT)


@pytest.mark.parametrize(
    ("teams", "named"),
    [
        ({"app_id": BOT_APP_ID}, "MICROSOFT_APP_PASSWORD is missing"),
        ({"app_id": "my-bot", "app_password": "s"}, "MICROSOFT_APP_ID must be"),
        ({"app_id": BOT_APP_ID, "app_password": "s", "app_type": "Galactic"}, "MICROSOFT_APP_TYPE"),
        (
            {"app_id": BOT_APP_ID, "app_password": "s", "app_tenant_id": "contoso"},
            "MICROSOFT_APP_TENANT_ID must be",
        ),
        ({"allow_anonymous": True, "app_password": "s"}, "MICROSOFT_APP_PASSWORD is set"),
        ({"allow_anonymous": True, "app_tenant_id": TENANT}, "MICROSOFT_APP_TENANT_ID is set"),
        ({"allow_anonymous": True, "app_type": "SingleTenant"}, "needs MICROSOFT_APP_ID"),
    ],
)
def test_a_half_given_or_malformed_setting_names_itself(teams: dict, named: str):
    with pytest.raises(SettingsError, match=named):
        check("127.0.0.1", **teams)


def test_anonymous_mode_says_how_to_fix_a_public_bind():
    with pytest.raises(SettingsError) as error:
        check("0.0.0.0", allow_anonymous=True)

    message = str(error.value)
    assert "'0.0.0.0'" in message and "127.0.0.1" in message and "MICROSOFT_APP_ID" in message


def test_nothing_to_check_when_teams_is_not_configured():
    check("0.0.0.0")


def test_loopback_detection():
    assert all(map(is_loopback_host, ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "LOCALHOST"]))
    assert not any(map(is_loopback_host, ["0.0.0.0", "::", "10.0.0.1", "example.com", ""]))


def test_settings_from_the_environment_are_validated_end_to_end():
    settings = Settings.from_env(
        {"NETCOACH_TEAMS_ALLOW_ANONYMOUS": "1", "NETCOACH_HOST": "0.0.0.0"}
    )

    with pytest.raises(SettingsError, match="loopback"):
        validate_teams_settings(settings, settings.host)
