"""Each Slack request is handled once, however often it arrives: the key its inbox row claims.

- An event is keyed on its `event_id`: Slack retries an event it thinks we missed
  (`X-Slack-Retry-Num`), each retry freshly signed, and Bolt does not de-duplicate. The header is
  no reason to skip (the first delivery may never have arrived): the first delivery to claim the
  id does the work.
- Anything else (slash commands, clicks, shortcuts) has no id of its own, so it is keyed on a
  hash of the signed timestamp and the raw body: the same signed request replayed inside the
  signature window (5 minutes) finds its key taken. Two real commands with the same text differ
  in their timestamp and `trigger_id`.

The key is claimed by the same INSERT that stores the request in the inbox, before the ack
(`storage.inbox.SqlInbox.accept`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

TIMESTAMP_HEADER = "x-slack-request-timestamp"


def event_id_of(body: Mapping[str, Any]) -> str | None:
    if body.get("type") != "event_callback" or not body.get("event_id"):
        return None
    return str(body["event_id"])


def request_key(body: Mapping[str, Any], raw_body: str, headers: Mapping[str, Any]) -> str:
    """The inbox key of a verified Slack request (`headers` as Bolt gives them: lists)."""
    event_id = event_id_of(body)
    if event_id is not None:
        return f"event:{event_id}"
    timestamp = headers.get(TIMESTAMP_HEADER) or ""
    if isinstance(timestamp, list | tuple):
        timestamp = timestamp[0] if timestamp else ""
    signed = f"{timestamp}:{raw_body}".encode()
    return f"signed:{hashlib.sha256(signed).hexdigest()}"
