"""Handle each Events API delivery once, however often Slack retries it.

Slack retries an event it thinks we missed (`X-Slack-Retry-Num`), and Bolt does not
de-duplicate. The header is no reason to skip: the first delivery may never have arrived. So
the event id is claimed in the database before any work:

- a duplicate is acked and skipped;
- a first delivery (retry or not) goes on;
- when the claim fails (database down), the request fails with a 500 and Slack delivers it
  again later: nothing is dropped;
- when the claim is merely slow (SQLite busy with other writes), the ack does not wait past
  `ACK_BUDGET_SECONDS`: the request is acked, and its work starts only once the claim says it
  is the first (`SlackDeps.spawn(claim=…)`). A failure that late is told to the person.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.slack.deps import SlackDeps
from bot.slack.errors import EventClaimFailed

log = logging.getLogger(__name__)

ACK_BUDGET_SECONDS = 0.025
# Where an undecided claim waits for the listener (see `pending_claim`).
PENDING_CLAIM = "netcoach_pending_claim"


def pending_claim(context: AsyncBoltContext) -> asyncio.Future[bool] | None:
    return context.get(PENDING_CLAIM)


def claim_events_once(deps: SlackDeps) -> Callable[..., Awaitable[Any]]:
    async def claim_event_once(
        body: dict[str, Any], context: AsyncBoltContext, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            return await next()
        claim = asyncio.ensure_future(deps.claim_event(str(event_id)))
        try:
            claimed = await asyncio.wait_for(asyncio.shield(claim), ACK_BUDGET_SECONDS)
        except TimeoutError:
            context[PENDING_CLAIM] = claim  # ack now; the work waits for the verdict
            return await next()
        except Exception as error:
            raise EventClaimFailed(f"could not record event {event_id}") from error
        if claimed:
            return await next()
        log.info("skipping duplicate delivery of event %s", event_id)
        return BoltResponse(status=200, body="")

    return claim_event_once
