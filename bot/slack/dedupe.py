"""Handle each Events API delivery once, however often Slack retries it.

Slack retries an event it thinks we missed (`X-Slack-Retry-Num`), and Bolt does not
de-duplicate. The header is no reason to skip: the first delivery may never have arrived. So
before any work, the event id is claimed in the database (`store.claim_event`, one row per
platform and id): the first delivery to claim it — retry or not — does the work, every other
is acked and skipped.

The claim runs with the work, after the ack, not on the ack's path: acks never wait for the
database (on SQLite a claim can wait for the write lock). Should the claim itself fail, the
person is told something went wrong, like any other failure after an ack.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)


def event_id_of(body: Mapping[str, Any]) -> str | None:
    if body.get("type") != "event_callback" or not body.get("event_id"):
        return None
    return str(body["event_id"])


async def first_delivery(
    body: Mapping[str, Any], claim_event: Callable[[str], Awaitable[bool]]
) -> bool:
    """True unless `body` is an event whose id was claimed before (a duplicate delivery)."""
    event_id = event_id_of(body)
    if event_id is None:
        return True
    if await claim_event(event_id):
        return True
    log.info("skipping duplicate delivery of event %s", event_id)
    return False
