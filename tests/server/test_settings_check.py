"""Start-up refuses a malformed or half-given setting with a message that names it."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.config import Settings, SettingsError
from bot.server import check_channels
from bot.slack.settings_check import SlackMode

KEY = Fernet.generate_key().decode()
SLACK_SINGLE = {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": "secret"}
SLACK_OAUTH = {
    "SLACK_SIGNING_SECRET": "secret",
    "SLACK_CLIENT_ID": "1.2",
    "SLACK_CLIENT_SECRET": "client-secret",
    "NETCOACH_ENCRYPTION_KEY": KEY,
}
TEAMS = {
    "MICROSOFT_APP_ID": "00000000-0000-0000-0000-000000000001",
    "MICROSOFT_APP_PASSWORD": "pw",
}


def plan_for(env: dict[str, str]):
    return check_channels(Settings.from_env(env))


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "Neither Slack nor Teams"),
        ({"SLACK_SIGNING_SECRET": "secret"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2"}, "SLACK_CLIENT_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_SECRET": "c"}, "SLACK_CLIENT_ID"),
        ({**SLACK_OAUTH, "NETCOACH_ENCRYPTION_KEY": ""}, "NETCOACH_ENCRYPTION_KEY"),
        ({**SLACK_OAUTH, "NETCOACH_ENCRYPTION_KEY": "not-a-key"}, "NETCOACH_ENCRYPTION_KEY"),
        ({**SLACK_OAUTH, "SLACK_BOT_TOKEN": "xoxb-1"}, "not both"),
        ({**SLACK_SINGLE, "SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN"),
        ({**SLACK_SINGLE, "SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
        ({**SLACK_SINGLE, "SLACK_API_URL": "ftp://slack.com/api/"}, "SLACK_API_URL"),
        ({**SLACK_SINGLE, "NETCOACH_PORT": "70000"}, "NETCOACH_PORT"),
        ({**SLACK_SINGLE, "NETCOACH_PORT": "three"}, "NETCOACH_PORT"),
        ({"MICROSOFT_APP_PASSWORD": "pw"}, "MICROSOFT_APP_ID"),
        (
            {**SLACK_SINGLE, "MICROSOFT_APP_ID": "not-a-guid", "MICROSOFT_APP_PASSWORD": "p"},
            "MICROSOFT_APP_ID",
        ),
        ({"MICROSOFT_APP_ID": TEAMS["MICROSOFT_APP_ID"]}, "MICROSOFT_APP_PASSWORD"),
    ],
)
def test_a_bad_setting_stops_start_up_and_is_named(env: dict[str, str], named: str):
    with pytest.raises(SettingsError, match=named):
        plan_for(env)


@pytest.mark.parametrize(
    ("env", "slack", "teams"),
    [
        (SLACK_SINGLE, SlackMode.SINGLE_WORKSPACE, False),
        (SLACK_OAUTH, SlackMode.OAUTH, False),
        (TEAMS, SlackMode.OFF, True),
        ({**SLACK_SINGLE, **TEAMS}, SlackMode.SINGLE_WORKSPACE, True),
        ({"NETCOACH_TEAMS_ALLOW_ANONYMOUS": "1"}, SlackMode.OFF, True),
    ],
)
def test_good_settings_say_which_channels_to_serve(env, slack, teams):
    plan = plan_for(env)
    assert (plan.slack, plan.teams) == (slack, teams)


def test_anonymous_teams_is_refused_off_loopback():
    settings = Settings.from_env(
        {"NETCOACH_TEAMS_ALLOW_ANONYMOUS": "1", "NETCOACH_HOST": "0.0.0.0"}
    )
    with pytest.raises(SettingsError, match="loopback"):
        check_channels(settings)


def test_error_messages_never_echo_secret_values():
    env = {"SLACK_BOT_TOKEN": "xoxp-very-secret-value", "SLACK_SIGNING_SECRET": "sig-secret-value"}
    with pytest.raises(SettingsError) as raised:
        plan_for(env)
    assert "very-secret" not in str(raised.value)
    assert "sig-secret-value" not in str(raised.value)
