"""Garbage at /api/messages: whatever the body, 400, 401, 403, 413 or 415, never a 500 or a
traceback; without a token nothing is parsed at all."""

from __future__ import annotations

import json

import pytest

from tests.teams.conftest import TeamsServer
from tests.teams.payloads import TENANT, USER_ID, personal_message

JSON = "application/json"

DEEP_ARRAY = b"[" * 10_000 + b"]" * 10_000
DEEP_OBJECT = b'{"type": "message", "value": ' + b'{"a": ' * 10_000 + b"1" + b"}" * 10_001

GARBAGE = [
    pytest.param(b"{not json", id="malformed-json"),
    pytest.param(b"[1, 2, 3]", id="json-array"),
    pytest.param(b'"text"', id="json-string"),
    pytest.param(b"null", id="json-null"),
    pytest.param(DEEP_ARRAY, id="array-nested-10000"),
    pytest.param(DEEP_OBJECT, id="activity-nested-10000"),
    pytest.param(b"\xff\xfe garbage", id="not-utf8"),
    pytest.param(b"", id="empty"),
    pytest.param(b'{"type": 5}', id="type-not-a-string"),
    pytest.param(b'{"type": "message", "conversation": "x", "from": 5}', id="wrong-shapes"),
    pytest.param(
        b'{"type": "message", "serviceUrl": 7, "channelId": [], "recipient": "me"}',
        id="wrong-types",
    ),
    pytest.param(b'{"type": "message", "entities": {"a": 1}, "text": ["x"]}', id="odd-fields"),
    pytest.param(b'{"type": "message"}', id="bare-message"),
    pytest.param(b'{"type": "message", "text": "help"}', id="message-without-conversation"),
    pytest.param(b'{"type": "conversationUpdate"}', id="bare-conversation-update"),
    pytest.param(b'{"type": "installationUpdate", "action": "remove"}', id="bare-uninstall"),
    pytest.param(b'{"type": "invoke", "name": "adaptiveCard/action"}', id="bare-invoke"),
    pytest.param(
        b'{"type": "message", "conversation": {}, "text": "help"}', id="empty-conversation"
    ),
]


async def post_raw(server: TeamsServer, body: bytes, **headers: str) -> tuple[int, str]:
    headers.setdefault("Content-Type", JSON)
    async with server.session.post(
        f"{server.base_url}/api/messages", data=body, headers=headers
    ) as response:
        return response.status, await response.text()


def assert_refused_cleanly(status: int, text: str, allowed: set[int]) -> None:
    assert status in allowed, f"status {status}: {text[:200]}"
    assert "Traceback" not in text


@pytest.mark.parametrize("body", GARBAGE)
async def test_garbage_without_a_token_gets_401_before_it_is_parsed(
    secure_server: TeamsServer, body: bytes
):
    status, text = await post_raw(secure_server, body)
    assert_refused_cleanly(status, text, {401})


@pytest.mark.parametrize("body", GARBAGE)
async def test_garbage_with_a_forged_token_gets_400_or_401(secure_server: TeamsServer, body: bytes):
    token = secure_server.microsoft.keys.token(
        audience="whoever", service_url="http://127.0.0.1:9/", forged=True
    )
    status, text = await post_raw(secure_server, body, Authorization=f"Bearer {token}")
    assert_refused_cleanly(status, text, {400, 401})
    assert secure_server.microsoft.connector.attempts == []


@pytest.mark.parametrize("body", GARBAGE)
async def test_garbage_in_anonymous_mode_gets_400(server: TeamsServer, body: bytes):
    status, text = await post_raw(server, body)
    assert_refused_cleanly(status, text, {400})
    assert server.microsoft.connector.attempts == []


async def test_an_oversized_body_gets_413(server: TeamsServer):
    body = b'{"type": "message", "text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    status, _ = await post_raw(server, body)
    assert status == 413


async def test_a_body_that_is_not_json_by_content_type_gets_415(server: TeamsServer):
    status, _ = await post_raw(server, b"type=message", **{"Content-Type": "text/plain"})
    assert status == 415


# Well-formed envelopes (conversation, serviceUrl) with odd content, on the loopback-only
# anonymous server: the bot answers them or refuses them, but never fails with a 500.
ODD_ACTIVITIES = [
    '{"type": "invoke", "name": "adaptiveCard/action", "value": 5}',
    '{"type": "invoke", "name": "composeExtension/query", "value": {"x": []}}',
    '{"type": "message", "text": "help", "value": {"command": 5}}',
    '{"type": "message", "text": "help", "conversation": {"id": "a:1", "conversationType": 5}}',
    '{"type": "message", "text": "help", "channelData": "not an object"}',
    '{"type": "message", "text": "help", "channelData": {"tenant": "x", "channel": 5}}',
    '{"type": "message", "text": "help", "entities": [{"type": "mention", "mentioned": 5}]}',
    '{"type": "conversationUpdate", "membersAdded": [{"id": 5}], "recipient": {"id": 5}}',
    '{"type": "installationUpdate", "action": "remove", "channelData": {"team": 5}}',
    '{"type": "messageReaction"}',
    '{"type": "event", "name": "anything"}',
]


@pytest.mark.parametrize("odd", ODD_ACTIVITIES)
async def test_odd_but_well_formed_activities_never_get_a_500(server: TeamsServer, odd: str):
    activity = {"conversation": {"id": "a:1"}, "serviceUrl": server.microsoft.service_url}
    activity.update(json.loads(odd))
    status, text = await post_raw(server, json.dumps(activity).encode())
    assert status != 500 and status < 502, f"status {status}: {text[:200]}"
    assert "Traceback" not in text


async def test_nul_in_a_teams_message_is_dropped_and_the_meeting_logged(
    secure_server: TeamsServer,
):
    activity = personal_message(
        secure_server.microsoft.service_url, "met Ana\x00 Ruiz at Py\x00Con", name="Jane\x00 Doe"
    )

    response = await secure_server.post(activity, token=secure_server.token())

    assert response.status == 201
    [reply] = await secure_server.microsoft.connector.wait_for(1)
    shown = reply.text or reply.card_text()
    assert "Ana Ruiz" in shown and "PyCon" in shown and "\x00" not in shown
    store = secure_server.services.store
    member = store.get_or_create_member("teams", TENANT, USER_ID)
    assert member.display_name == "Jane Doe"
    assert [c.name for c in store.find_contacts(member.id, "Ana Ruiz")] == ["Ana Ruiz"]
