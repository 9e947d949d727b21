"""Handle each Events API delivery once, however often Slack retries it.

Slack retries an event it thinks we missed (`X-Slack-Retry-Num`), and Bolt does not
de-duplicate. The header is no reason to skip: the first delivery may never have arrived. So
the event id is claimed in the database *before* any work and before the ack: a duplicate is
acked and skipped; a first delivery (retry or not) goes on; and when the claim itself fails
(database down), the request fails with a 500 so Slack tries again later — nothing is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.response import BoltResponse

from bot.slack.deps import SlackDeps
from bot.slack.errors import EventClaimFailed

log = logging.getLogger(__name__)


def claim_events_once(deps: SlackDeps) -> Callable[..., Awaitable[Any]]:
    async def claim_event_once(
        body: dict[str, Any], next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            return await next()
        try:
            claimed = await deps.claim_event(str(event_id))
        except Exception as error:
            raise EventClaimFailed(f"could not record event {event_id}") from error
        if claimed:
            return await next()
        log.info("skipping duplicate delivery of event %s", event_id)
        return BoltResponse(status=200, body="")

    return claim_event_once
