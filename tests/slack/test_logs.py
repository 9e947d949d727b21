"""What reaches the logs at DEBUG, framework loggers included: ids, never a draft, a name, a
token, an OAuth code or signing material. The server is built after the level is set, as
`netcoach serve` does with NETCOACH_LOG_LEVEL=DEBUG (Bolt's child loggers copy the level they
find when they are created)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
import pytest
from aiohttp import web
from aiohttp.log import access_logger
from cryptography.fernet import Fernet

from bot.access_log import AccessLogger
from bot.bootstrap import Services
from bot.config import Settings, SlackSettings
from bot.server import build_app
from bot.slack.logs import configure_logging
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET, Running, serve
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSim
from tests.slack.test_oauth import CLIENT_ID, CLIENT_SECRET, finish_install, start_install

DM_DRAFT = "Quietly hoping you will buy the Zanzibar pipeline tool before Friday"
REVIEW_DRAFT = "Loved the Quixotic Owls talk; here is the benchmark I promised you"
REJECTED_DRAFT = "Forged request about the Marmalade Heron merger"
CONTACT = "Thaddeus Vanderquist"
PLACE = "Gloomhaven Summit"
OAUTH_CODE = "code-7f3a9c1e5b2d-secret"
ENCRYPTION_KEY = Fernet.generate_key().decode()


async def serve_with_access_log(app: web.Application) -> Running:
    return await serve(app, access_log_class=AccessLogger, access_log=access_logger)


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    return caplog


async def test_a_debug_session_logs_no_text_token_code_or_secret(
    debug_logs: pytest.LogCaptureFixture,
    fake_slack: FakeSlack,
    database_url: str,
    make_services: Callable[[Settings], Services],
):
    single = Settings(
        database_url=database_url,
        slack=SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake_slack.api_url
        ),
    )
    server = await serve_with_access_log(
        build_app(make_services(single), post_interval_seconds=0.0, run_scheduler=False)
    )
    try:
        async with aiohttp.ClientSession() as session:
            slack = SlackSim(session, server.base_url, SIGNING_SECRET, fake_slack)
            # Bad signatures: a DM and a slash command.
            status, _ = await slack.post(
                slack.event_body(slack.dm_event(REJECTED_DRAFT)), "application/json", secret="x"
            )
            assert status == 401
            body, _ = slack.command_body("review " + REJECTED_DRAFT)
            status, _ = await slack.post(body, "application/x-www-form-urlencoded", secret="x")
            assert status == 401
            # A DM reviewed, a command that stores a name and a place, a review command.
            sent, event = await slack.dm(DM_DRAFT)
            assert sent.status == 200
            await slack.thread_reply_to(event)
            assert "Logged" in str(await slack.run(f"met {CONTACT} at {PLACE}"))
            assert "score" in str(await slack.run("review " + REVIEW_DRAFT)).lower()
    finally:
        await server.stop()

    fake_slack.add_oauth_client(CLIENT_ID, CLIENT_SECRET)
    oauth = Settings(
        database_url=database_url,
        encryption_key=ENCRYPTION_KEY,
        slack=SlackSettings(
            signing_secret=SIGNING_SECRET,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            api_url=fake_slack.api_url,
        ),
    )
    server = await serve_with_access_log(
        build_app(make_services(oauth), post_interval_seconds=0.0, run_scheduler=False)
    )
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as browser:
            state, cookie = await start_install(browser, server)
            fake_slack.issue_oauth_code(OAUTH_CODE, "TLOGS0001")
            status, _ = await finish_install(browser, server, OAUTH_CODE, state, cookie)
            assert status == 200
    finally:
        await server.stop()

    logged = debug_logs.text
    assert logged, "nothing was captured: the test would prove nothing"
    assert "/slack/oauth_redirect" in logged  # the access log ran, and shows the path
    secrets = (
        REJECTED_DRAFT,
        DM_DRAFT,
        REVIEW_DRAFT,
        "Zanzibar",
        "Quixotic",
        "Marmalade",
        CONTACT,
        PLACE,
        OAUTH_CODE,
        state,
        "xoxb-",
        BOT_TOKEN,
        CLIENT_SECRET,
        SIGNING_SECRET,
        ENCRYPTION_KEY,
        "v0=",  # a request signature
    )
    leaked = {
        secret: next(line for line in logged.splitlines() if secret in line)[:300]
        for secret in secrets
        if secret in logged
    }
    assert leaked == {}


def access_line(method: str, path_qs: str, status: int) -> str:
    from aiohttp.test_utils import make_mocked_request

    request = make_mocked_request(method, path_qs)
    response = web.Response(status=status)
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("test.access")
    logger.setLevel(logging.INFO)
    logger.addHandler(Keep())
    AccessLogger(logger, "").log(request, response, 0.0123)
    return records[0].getMessage()


def test_the_access_log_shows_method_path_status_and_time_but_no_query():
    line = access_line("GET", f"/slack/oauth_redirect?code={OAUTH_CODE}&state=abc", 302)

    assert "GET /slack/oauth_redirect 302" in line
    assert "12.3 ms" in line
    assert OAUTH_CODE not in line and "state=" not in line and "%" not in line
