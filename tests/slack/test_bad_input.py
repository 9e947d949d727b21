"""Garbage at /slack/events: whatever the body and headers, 400, 401 or 413, never a 500 or a
traceback, and nothing is parsed before the signature is checked on the raw bytes."""

from __future__ import annotations

import time

import pytest

from tests.slack.harness import SlackSim
from tests.slack.signing import slack_signature

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

GARBAGE_BODIES = [
    pytest.param(b"{not json", JSON, id="malformed-json"),
    pytest.param(b"payload=notjson", FORM, id="payload-not-json"),
    pytest.param(b"payload=%5B1%2C2%5D", FORM, id="payload-json-array"),
    pytest.param(b"[1, 2, 3]", JSON, id="json-array"),
    pytest.param(b'"just a string"', JSON, id="json-string"),
    pytest.param(b"null", JSON, id="json-null"),
    pytest.param(b"[" * 10_000 + b"]" * 10_000, JSON, id="nested-10000"),
    pytest.param(b"\xff\xfe\x00garbage", JSON, id="not-utf8"),
    pytest.param(b"", FORM, id="empty"),
]


async def post_raw(slack: SlackSim, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    async with slack.session.post(
        f"{slack.base_url}/slack/events", data=body, headers=headers
    ) as response:
        return response.status, await response.text()


def signed_bytes(secret: str, body: bytes, content_type: str, timestamp: str) -> dict[str, str]:
    base = f"v0:{timestamp}:".encode() + body
    import hashlib
    import hmac

    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest(),
    }


def assert_refused_cleanly(status: int, text: str, allowed: set[int]) -> None:
    assert status in allowed, f"status {status}: {text[:200]}"
    assert "Traceback" not in text and "Error" not in text


@pytest.mark.parametrize(("body", "content_type"), GARBAGE_BODIES)
async def test_unsigned_garbage_gets_401(slack: SlackSim, body: bytes, content_type: str):
    status, text = await post_raw(slack, body, {"Content-Type": content_type})
    assert_refused_cleanly(status, text, {401})


@pytest.mark.parametrize(("body", "content_type"), GARBAGE_BODIES)
async def test_garbage_with_a_wrong_signature_gets_401(
    slack: SlackSim, body: bytes, content_type: str
):
    headers = signed_bytes("not-the-secret", body, content_type, str(int(time.time())))
    status, text = await post_raw(slack, body, headers)
    assert_refused_cleanly(status, text, {401})


@pytest.mark.parametrize(("body", "content_type"), GARBAGE_BODIES)
async def test_correctly_signed_garbage_gets_400_or_401(
    slack: SlackSim, body: bytes, content_type: str
):
    headers = signed_bytes(slack.secret, body, content_type, str(int(time.time())))
    status, text = await post_raw(slack, body, headers)
    # 401 only for bytes Slack never sends (not UTF-8): they cannot have come from Slack.
    assert_refused_cleanly(status, text, {400, 401})
    await slack.fake.settle()
    assert slack.fake.calls == []


@pytest.mark.parametrize(
    "timestamp", ["abc", "1e10", "", " ", "-5", "1.5", "99999999999999999999999", "٣٣٣"]
)
async def test_a_malformed_timestamp_gets_401(slack: SlackSim, timestamp: str):
    body, _ = slack.command_body("help")
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": slack_signature(slack.secret, timestamp, body),
    }
    status, text = await post_raw(slack, body.encode(), headers)
    assert_refused_cleanly(status, text, {401})


async def test_an_oversized_body_gets_413(slack: SlackSim):
    body = b"text=" + b"a" * (2 * 1024 * 1024)
    status, _ = await post_raw(slack, body, {"Content-Type": FORM})
    assert status == 413


async def test_a_valid_request_still_works_after_the_edge_checks(slack: SlackSim):
    answer = await slack.run("help")
    assert "met" in str(answer)


async def test_slacks_unsigned_ssl_check_still_gets_200_and_does_nothing(slack: SlackSim):
    status, _ = await post_raw(slack, b"ssl_check=1&token=legacy", {"Content-Type": FORM})

    assert status == 200
    await slack.fake.settle()
    assert slack.fake.calls == []
