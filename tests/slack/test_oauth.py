"""Multi-workspace installs: the OAuth flow with its state check, tokens encrypted at rest,
requests authorised from the stored installation, and uninstalls that forget it."""

from __future__ import annotations

import re
import secrets
from collections.abc import AsyncIterator, Callable
from html import unescape
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import sqlalchemy
from cryptography.fernet import Fernet

from bot.bootstrap import Services
from bot.config import Settings, SettingsError, SlackSettings
from bot.server import SLACK, build_app
from tests.slack.conftest import SIGNING_SECRET, Running, serve
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSim, all_text

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "oauth-client-secret"


@pytest.fixture
def database_url(both_databases: str) -> str:
    return both_databases


@pytest.fixture
def oauth_settings(fake_slack: FakeSlack, database_url: str) -> Settings:
    fake_slack.add_oauth_client(CLIENT_ID, CLIENT_SECRET)
    return Settings(
        database_url=database_url,
        encryption_key=Fernet.generate_key().decode(),
        slack=SlackSettings(
            signing_secret=SIGNING_SECRET,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            api_url=fake_slack.api_url,
        ),
    )


@pytest.fixture
async def oauth_server(
    oauth_settings: Settings, make_services: Callable[[Settings], Services]
) -> AsyncIterator[Running]:
    running = await serve(
        build_app(make_services(oauth_settings), post_interval_seconds=0.0, run_scheduler=False)
    )
    yield running
    await running.stop()


@pytest.fixture
async def browser() -> AsyncIterator[aiohttp.ClientSession]:
    # Our own cookie handling below: the state cookie is Secure, and this is plain http.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        yield session


@pytest.fixture
def team_id() -> str:
    return "T" + secrets.token_hex(4).upper()  # PostgreSQL keeps slack_sdk's tables per session


async def start_install(browser: aiohttp.ClientSession, server: Running) -> tuple[str, str]:
    """GET /slack/install → (state from the authorize link, the state cookie)."""
    async with browser.get(f"{server.base_url}/slack/install") as response:
        assert response.status == 200
        html = await response.text()
        cookie = response.cookies["slack-app-oauth-state"].value
    link = unescape(
        re.search(r'href="(https://slack\.com/oauth/v2/authorize[^"]+)"', html).group(1)
    )
    query = parse_qs(urlsplit(link).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"][0].split(",") == [
        "commands",
        "chat:write",
        "chat:write.public",
        "im:history",
        "im:write",
        "files:write",
    ]
    return query["state"][0], cookie


async def finish_install(
    browser: aiohttp.ClientSession, server: Running, code: str, state: str, cookie: str | None
) -> tuple[int, str]:
    headers = {"Cookie": f"slack-app-oauth-state={cookie}"} if cookie else {}
    async with browser.get(
        f"{server.base_url}/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers=headers,
    ) as response:
        return response.status, await response.text()


def stored_bot_tokens(database_url: str, team_id: str) -> list[str]:
    from storage.engine import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sqlalchemy.text("SELECT bot_token FROM slack_bots WHERE team_id = :team"),
                {"team": team_id},
            )
            return [row[0] for row in rows]
    finally:
        engine.dispose()


async def test_install_stores_the_bot_token_encrypted_and_serves_that_workspace(
    oauth_server: Running, browser, fake_slack: FakeSlack, oauth_settings: Settings, team_id: str
):
    state, cookie = await start_install(browser, oauth_server)
    assert state == cookie
    fake_slack.issue_oauth_code("code-ok", team_id)

    status, _ = await finish_install(browser, oauth_server, "code-ok", state, cookie)
    assert status == 200
    [exchange] = fake_slack.calls_to("oauth.v2.access")
    assert exchange.args["code"] == "code-ok"

    token = f"xoxb-{team_id}-installed"
    [raw] = stored_bot_tokens(oauth_settings.database_url, team_id)
    assert token not in raw and not raw.startswith("xox")  # ciphertext at rest
    assert Fernet(oauth_settings.encryption_key.encode()).decrypt(raw.encode()).decode() == token

    store = oauth_server.app[SLACK].oauth.installations
    bot = await store.async_find_bot(enterprise_id=None, team_id=team_id)
    assert bot.bot_token == token

    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, oauth_server.base_url, SIGNING_SECRET, fake_slack)
        answer = await slack.run("help", team=team_id)
    assert "met" in all_text(answer)
    assert {c.token for c in fake_slack.calls_to("auth.test")} == {token}


async def test_a_redirect_with_a_forged_state_is_refused(
    oauth_server: Running, browser, fake_slack: FakeSlack, team_id: str
):
    _state, cookie = await start_install(browser, oauth_server)
    fake_slack.issue_oauth_code("code-forged", team_id)

    status, _ = await finish_install(browser, oauth_server, "code-forged", "forged-state", cookie)
    assert status in (400, 401)
    status, _ = await finish_install(browser, oauth_server, "code-forged", "forged", "forged")
    assert status == 401  # cookie and state agree, but we never issued that state
    assert fake_slack.calls_to("oauth.v2.access") == []


async def test_a_redirect_from_another_browser_is_refused(
    oauth_server: Running, browser, fake_slack: FakeSlack, team_id: str
):
    state, _ = await start_install(browser, oauth_server)
    fake_slack.issue_oauth_code("code-nocookie", team_id)
    status, _ = await finish_install(browser, oauth_server, "code-nocookie", state, None)
    assert status == 400
    assert fake_slack.calls_to("oauth.v2.access") == []


async def test_a_state_works_once(oauth_server: Running, browser, fake_slack: FakeSlack, team_id):
    state, cookie = await start_install(browser, oauth_server)
    fake_slack.issue_oauth_code("code-1", team_id)
    fake_slack.issue_oauth_code("code-2", team_id)
    assert (await finish_install(browser, oauth_server, "code-1", state, cookie))[0] == 200
    assert (await finish_install(browser, oauth_server, "code-2", state, cookie))[0] == 401
    assert len(fake_slack.calls_to("oauth.v2.access")) == 1


async def test_a_bad_code_stores_nothing(
    oauth_server: Running, browser, fake_slack: FakeSlack, oauth_settings: Settings, team_id
):
    state, cookie = await start_install(browser, oauth_server)
    status, _ = await finish_install(browser, oauth_server, "never-issued", state, cookie)
    assert status == 401
    assert stored_bot_tokens(oauth_settings.database_url, team_id) == []


@pytest.mark.parametrize("event_type", ["app_uninstalled", "tokens_revoked"])
async def test_uninstall_and_revoked_bot_tokens_delete_the_installation(
    oauth_server: Running, browser, fake_slack: FakeSlack, oauth_settings, team_id, event_type
):
    state, cookie = await start_install(browser, oauth_server)
    fake_slack.issue_oauth_code("code-gone", team_id)
    assert (await finish_install(browser, oauth_server, "code-gone", state, cookie))[0] == 200

    event = {"type": event_type}
    if event_type == "tokens_revoked":
        event["tokens"] = {"oauth": [], "bot": [f"U{team_id}BOT"]}
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, oauth_server.base_url, SIGNING_SECRET, fake_slack)
        sent = await slack.event(event, team=team_id)
        assert sent.status == 200
        store = oauth_server.app[SLACK].oauth.installations
        for _ in range(50):
            if await store.async_find_bot(enterprise_id=None, team_id=team_id) is None:
                break
            await fake_slack.settle(0.05)
        assert await store.async_find_bot(enterprise_id=None, team_id=team_id) is None
        assert stored_bot_tokens(oauth_settings.database_url, team_id) == []

        # The workspace is gone: a late command gets Bolt's "reinstall" sentence, not our work.
        sent = await slack.command("list", team=team_id)
        assert sent.status == 200
        answer = await slack.answer_to(sent)
        assert "reinstall" in answer["text"].lower()


async def test_revoking_only_user_tokens_keeps_the_installation(
    oauth_server: Running, browser, fake_slack: FakeSlack, team_id
):
    state, cookie = await start_install(browser, oauth_server)
    fake_slack.issue_oauth_code("code-keep", team_id)
    assert (await finish_install(browser, oauth_server, "code-keep", state, cookie))[0] == 200
    async with aiohttp.ClientSession() as session:
        slack = SlackSim(session, oauth_server.base_url, SIGNING_SECRET, fake_slack)
        event = {"type": "tokens_revoked", "tokens": {"oauth": ["U123"], "bot": []}}
        assert (await slack.event(event, team=team_id)).status == 200
        await fake_slack.settle()
    store = oauth_server.app[SLACK].oauth.installations
    assert await store.async_find_bot(enterprise_id=None, team_id=team_id) is not None


def test_oauth_without_an_encryption_key_refuses_to_start(
    oauth_settings: Settings, make_services: Callable[[Settings], Services]
):
    from dataclasses import replace

    keyless = replace(oauth_settings, encryption_key=None)
    with pytest.raises(SettingsError, match="NETCOACH_ENCRYPTION_KEY"):
        build_app(make_services(keyless), run_scheduler=False)


async def test_single_workspace_mode_has_nothing_to_install(slack: SlackSim):
    async with slack.session.get(f"{slack.base_url}/slack/install") as response:
        assert response.status == 404
        assert "one workspace" in await response.text()
