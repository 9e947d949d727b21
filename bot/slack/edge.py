"""The edge of `/slack/events`: check the signature on the raw bytes, then parse, never the
other way round.

Bolt's aiohttp adapter decodes and parses the body (JSON, or a form whose `payload` is JSON)
before its own signature check runs, so malformed JSON, `payload=notjson`, a JSON array or a
timestamp such as `abc` from anyone on the internet became a 500 with a traceback. Here an
unsigned or badly signed request is refused with 401 before a byte of it is parsed, and a signed
body that still cannot be read is a 400. Bolt checks the signature again; that costs one HMAC.
Characters no database can store are dropped from the parsed payload (`storage.text`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from storage.text import storable_tree

# Slack refuses requests more than five minutes old; so do we (Bolt's own check says the same).
MAX_CLOCK_SKEW_SECONDS = 5 * 60
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def signature_is_valid(
    raw: bytes,
    headers: Any,
    signing_secret: str,
    *,
    now: Callable[[], float] = time.time,
) -> bool:
    """True when `raw` carries a fresh, correct `X-Slack-Signature` for `signing_secret`."""
    timestamp = headers.get("X-Slack-Request-Timestamp") or ""
    signature = headers.get("X-Slack-Signature") or ""
    if not signing_secret or not signature or not _TIMESTAMP.fullmatch(timestamp):
        return False
    if abs(now() - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        return False
    try:
        return SignatureVerifier(signing_secret).is_valid(
            body=raw, timestamp=timestamp, signature=signature
        )
    except UnicodeDecodeError:  # Slack only sends UTF-8: these bytes are not from Slack
        return False


def is_ssl_check(raw: bytes) -> bool:
    """Slack's periodic certificate check, which Bolt answers without a signature."""
    try:
        form = parse_qs(raw.decode("ascii"), max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        return False
    return form.get("ssl_check") == ["1"]


async def verified_bolt_request(request: web.Request, signing_secret: str) -> AsyncBoltRequest:
    """The request as Bolt needs it, only once its signature holds.

    Raises `web.HTTPUnauthorized` (bad or missing signature), `web.HTTPBadRequest` (signed, yet
    not a Slack payload) or `web.HTTPRequestEntityTooLarge` (over the app's body limit).
    """
    raw = await request.read()
    if not signature_is_valid(raw, request.headers, signing_secret):
        if is_ssl_check(raw):
            raise web.HTTPOk()
        raise web.HTTPUnauthorized(text="invalid request signature\n")
    try:
        bolt_request = AsyncBoltRequest(
            body=raw.decode("utf-8"),
            query=request.query_string,
            headers=request.headers,  # type: ignore[arg-type]
        )
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
        raise web.HTTPBadRequest(text="the body is not a Slack payload\n") from None
    if not isinstance(bolt_request.body, dict) or not bolt_request.body:
        raise web.HTTPBadRequest(text="the body is not a Slack payload\n")
    # Names, places and drafts inside it must be storable (the signature is already checked).
    bolt_request.body = storable_tree(bolt_request.body)
    return bolt_request
