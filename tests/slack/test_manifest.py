"""manifest.yml and the code agree: everything declared is handled, everything handled is declared.

The check asks the built Bolt app itself: for each declared command, event and shortcut, a
request of that kind must match one of its listeners; and every listener must match at least
one declared request (or a button our renderer can produce), so nothing is registered that
Slack would never send.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
import yaml
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.bootstrap import bootstrap
from bot.config import Settings, SlackSettings
from bot.slack.app import build_slack_app
from bot.slack.oauth import OAuthStores, oauth_settings
from bot.slack.registry import BOT_EVENTS, BOT_SCOPES, MESSAGE_SHORTCUTS, SLASH_COMMAND, ButtonKind
from bot.slack.registry import action_id as make_action_id

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture
def bolt_app(tmp_path):
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        slack=SlackSettings(bot_token="xoxb-manifest-test", signing_secret="secret"),
    )
    services = bootstrap(settings, store=object(), reviewer=lambda text: None)  # type: ignore[arg-type]
    return build_slack_app(services).app


def command_request(command: str) -> AsyncBoltRequest:
    body = urlencode({"command": command, "text": "help", "team_id": "T1", "user_id": "U1"})
    return AsyncBoltRequest(
        body=body, headers={"content-type": ["application/x-www-form-urlencoded"]}
    )


def event_request(manifest_event: str) -> AsyncBoltRequest:
    kind, _, channel_type = manifest_event.partition(".")
    event: dict[str, Any] = {"type": kind, "user": "U1"}
    if channel_type:
        event["channel_type"] = channel_type
    body = {"type": "event_callback", "team_id": "T1", "event_id": "Ev1", "event": event}
    return AsyncBoltRequest(body=json.dumps(body), headers={"content-type": ["application/json"]})


def interaction_request(payload: dict[str, Any]) -> AsyncBoltRequest:
    body = urlencode({"payload": json.dumps(payload)})
    return AsyncBoltRequest(
        body=body, headers={"content-type": ["application/x-www-form-urlencoded"]}
    )


def shortcut_request(callback_id: str) -> AsyncBoltRequest:
    return interaction_request(
        {"type": "message_action", "callback_id": callback_id, "team": {"id": "T1"}}
    )


def button_request(kind: ButtonKind) -> AsyncBoltRequest:
    action = {"type": "button", "action_id": make_action_id(kind, 0), "value": "list"}
    return interaction_request({"type": "block_actions", "actions": [action], "team": {"id": "T1"}})


async def matching_listeners(app, request: AsyncBoltRequest) -> list[Any]:
    found = []
    for listener in app._async_listeners:
        if await listener.async_matches(req=request, resp=BoltResponse(status=200)):
            found.append(listener)
    return found


def declared_requests(manifest: dict[str, Any]) -> dict[str, AsyncBoltRequest]:
    features = manifest["features"]
    requests: dict[str, AsyncBoltRequest] = {}
    for command in features["slash_commands"]:
        requests[f"command {command['command']}"] = command_request(command["command"])
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        requests[f"event {event}"] = event_request(event)
    for shortcut in features["shortcuts"]:
        requests[f"shortcut {shortcut['callback_id']}"] = shortcut_request(shortcut["callback_id"])
    for kind in ButtonKind:  # Slack has no action list: interactivity covers every button
        requests[f"button {kind.value}"] = button_request(kind)
    return requests


async def test_every_declared_entry_point_is_handled(manifest, bolt_app):
    unhandled = [
        name
        for name, request in declared_requests(manifest).items()
        if not await matching_listeners(bolt_app, request)
    ]
    assert unhandled == []


async def test_every_listener_handles_something_declared(manifest, bolt_app):
    used = set()
    for request in declared_requests(manifest).values():
        used.update(id(listener) for listener in await matching_listeners(bolt_app, request))
    undeclared = [
        listener.ack_function.__name__
        for listener in bolt_app._async_listeners
        if id(listener) not in used
    ]
    assert undeclared == []


async def test_an_undeclared_command_or_shortcut_matches_nothing(bolt_app):
    assert await matching_listeners(bolt_app, command_request("/other")) == []
    assert await matching_listeners(bolt_app, shortcut_request("other_shortcut")) == []
    # An undeclared event only reaches the catch-all that acks it (issue 12: 200, not 404).
    undeclared_event = await matching_listeners(bolt_app, event_request("message.channels"))
    assert [listener.ack_function.__name__ for listener in undeclared_event] == [
        "on_unhandled_event"
    ]


def test_the_registry_and_the_manifest_name_the_same_things(manifest):
    features = manifest["features"]
    assert [c["command"] for c in features["slash_commands"]] == [SLASH_COMMAND]
    assert tuple(s["callback_id"] for s in features["shortcuts"]) == MESSAGE_SHORTCUTS
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == set(BOT_EVENTS)
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_oauth_asks_for_exactly_the_declared_scopes(manifest, tmp_path):
    declared = manifest["oauth_config"]["scopes"]["bot"]
    assert sorted(declared) == sorted(BOT_SCOPES)
    assert "user" not in manifest["oauth_config"]["scopes"]  # no user tokens, ever
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'oauth.sqlite3'}",
        encryption_key="x" * 43 + "=",
        slack=SlackSettings(signing_secret="s", client_id="1.2", client_secret="c"),
    )
    assert oauth_settings(settings, OAuthStores(settings)).scopes == list(BOT_SCOPES)


def test_manifest_fits_slacks_rules_for_the_features(manifest):
    info = manifest["display_information"]
    assert len(info["name"]) <= 35
    assert len(info["description"]) <= 140
    assert 174 <= len(info["long_description"]) <= 4000
    assert info["background_color"].startswith("#") and len(info["background_color"]) == 7

    features = manifest["features"]
    assert features["app_home"]["home_tab_enabled"] is True
    assert features["app_home"]["messages_tab_enabled"] is True
    assert features["app_home"]["messages_tab_read_only_enabled"] is False  # drafts come by DM
    assert features["bot_user"]["display_name"]
    [network] = features["slash_commands"]
    assert network["usage_hint"] and network["description"]
    [shortcut] = features["shortcuts"]
    assert (shortcut["name"], shortcut["type"]) == ("Review draft", "message")

    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is False
    assert settings["org_deploy_enabled"] is False


def test_every_url_points_at_a_route_the_server_has(manifest):
    from aiohttp import web

    from bot.server import _add_slack_routes

    app = web.Application()
    _add_slack_routes(app, None)
    routes = {(r.method, r.resource.canonical) for r in app.router.routes()}
    urls = [
        ("POST", manifest["features"]["slash_commands"][0]["url"]),
        ("POST", manifest["settings"]["event_subscriptions"]["request_url"]),
        ("POST", manifest["settings"]["interactivity"]["request_url"]),
        *(("GET", url) for url in manifest["oauth_config"]["redirect_urls"]),
    ]
    for method, url in urls:
        assert (method, urlsplit(url).path) in routes, url
