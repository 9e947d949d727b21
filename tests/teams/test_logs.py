"""At DEBUG, framework loggers included (botbuilder, msrest, urllib3), a Teams session logs no
draft text, no reply body, no token and no signing material."""

from __future__ import annotations

import logging

import pytest

from bot.slack.logs import configure_logging
from tests.teams.conftest import OUTBOUND_TOKEN, TeamsServer
from tests.teams.payloads import personal_message

DRAFT = "Buy the Quetzalcoatl analytics suite today, half price for you"
FORGED_DRAFT = "Forged hello about the Kookaburra acquisition"


async def test_a_debug_teams_session_logs_no_text_or_token(
    secure_server: TeamsServer, caplog: pytest.LogCaptureFixture
):
    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    service_url = secure_server.microsoft.service_url
    token = secure_server.token()
    forged = secure_server.token(forged=True)

    assert (
        await secure_server.post(personal_message(service_url, DRAFT), token=token)
    ).status == 201
    response = await secure_server.post(personal_message(service_url, FORGED_DRAFT), token=forged)
    assert response.status == 401
    [reply] = await secure_server.microsoft.connector.wait_for(1)
    # Replies quote the phrases they flag, so their bodies must stay out of the logs too.
    reply_headline = (reply.text or reply.card_text()).splitlines()[0]

    logged = caplog.text
    assert logged
    leaked = [
        secret
        for secret in (
            DRAFT,
            "Quetzalcoatl",
            "Kookaburra",
            reply_headline,
            OUTBOUND_TOKEN,
            token,
            forged,
        )
        if secret in logged
    ]
    assert leaked == []
