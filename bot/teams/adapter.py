"""`CloudAdapter` whose sends are paced per conversation and retried on transient errors, plus the
turn-error handler: it logs ids (never text or tokens) and tells the user something went wrong."""

from __future__ import annotations

import functools
import logging
import traceback

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes, ResourceResponse
from botframework.connector.auth import BotFrameworkAuthentication

from bot.teams import compat
from bot.teams.delivery import RetryPolicy, SendPacer, status_of

compat.apply()

logger = logging.getLogger(__name__)

SORRY = (
    "Sorry, something went wrong on my side and I could not finish that. "
    "Nothing you sent was lost: please try again in a minute."
)
# Activity types that never leave the process (botbuilder handles them locally).
_LOCAL_TYPES = {"delay", ActivityTypes.invoke_response, ActivityTypes.trace}


class PacedCloudAdapter(CloudAdapter):
    def __init__(
        self,
        authentication: BotFrameworkAuthentication,
        *,
        retry: RetryPolicy | None = None,
        pacer: SendPacer | None = None,
    ) -> None:
        super().__init__(authentication)
        self.retry = retry or RetryPolicy()
        self.pacer = pacer or SendPacer()
        self.on_turn_error = report_turn_error

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        responses: list[ResourceResponse] = []
        for activity in activities:
            if activity.type in _LOCAL_TYPES or activity.conversation is None:
                responses.extend(await super().send_activities(context, [activity]))
                continue
            await self.pacer.acquire(activity.conversation.id, activity.conversation.tenant_id)
            send = functools.partial(super().send_activities, context, [activity])
            responses.extend(await self.retry.run(send, label=f"a {activity.type} activity"))
        return responses

    async def update_activity(
        self, context: TurnContext, activity: Activity
    ) -> ResourceResponse | None:
        # An edit counts against the same per-conversation limits as a send.
        conversation = activity.conversation
        await self.pacer.acquire(conversation.id, conversation.tenant_id)
        update = functools.partial(super().update_activity, context, activity)
        return await self.retry.run(update, label="an activity update")


def error_summary(error: BaseException) -> str:
    """Exception type and where it was raised, without its message (which may quote user text)."""
    frames = traceback.extract_tb(error.__traceback__)[-6:]
    where = " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in reversed(frames)
    )
    status = status_of(error)
    return f"{type(error).__name__}{f' (HTTP {status})' if status else ''} at {where or '?'}"


async def report_turn_error(context: TurnContext, error: Exception) -> None:
    activity = context.activity
    logger.error(
        "Teams turn failed: activity %s (%s) in conversation %s: %s",
        activity.id,
        activity.type,
        activity.conversation.id if activity.conversation else None,
        error_summary(error),
    )
    if activity.type != ActivityTypes.message:
        return  # nobody is waiting for an answer to an install or an update
    try:
        await context.send_activity(SORRY)
    except Exception as send_error:
        logger.error(
            "Could not tell conversation %s about the failure: %s",
            activity.conversation.id if activity.conversation else None,
            error_summary(send_error),
        )
