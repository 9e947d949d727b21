"""Button clicks: a button's value is command text, so a click runs exactly what typing would.

What happens to the message afterwards depends on the button's kind (its action_id prefix):
RUN answers with a new ephemeral message and leaves the message alone; REPLACE (nudges) and
FEEDBACK (reviews) keep the message but swap the clicked buttons for the outcome, so a nudge
cannot be marked done twice. A click on the Home tab republishes it with the outcome on top.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messages import Reply
from bot.slack.blocks import MESSAGE_MAX_BLOCKS, Block, RenderedMessage, fit_blocks, render_reply
from bot.slack.deps import SlackDeps
from bot.slack.incoming import from_interaction, interaction_team_id
from bot.slack.listeners.home import publish_home
from bot.slack.registry import ACTION_ID_PATTERN, ButtonKind, button_kind


def answered(message: dict[str, Any], clicked: ButtonKind, outcome: Reply) -> RenderedMessage:
    """The message as it was, with the clicked kind's buttons swapped for the outcome.

    The rest of the message (the nudge, the review) stays readable; the buttons that did
    their job are gone, so they cannot be clicked twice.
    """
    outcome_blocks = render_reply(outcome).blocks
    kept: list[Block] = []
    swapped = False
    for block in message.get("blocks") or []:
        if block.get("type") == "actions" and any(
            button_kind(str(e.get("action_id") or "")) is clicked
            for e in block.get("elements") or []
        ):
            if not swapped:
                kept.extend(outcome_blocks)
                swapped = True
            continue
        kept.append(block)
    if not swapped:
        kept.extend(outcome_blocks)
    return RenderedMessage(
        text=str(message.get("text") or outcome.text),
        blocks=fit_blocks(kept, [], MESSAGE_MAX_BLOCKS),
    )


def register(app: AsyncApp, deps: SlackDeps) -> None:
    async def run_click(
        body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        kind = button_kind(str(action.get("action_id") or "")) or ButtonKind.RUN
        reply = await deps.handle(from_interaction(body, str(action.get("value") or "")))
        response_url = body.get("response_url")
        on_home = (body.get("container") or {}).get("type") == "view"
        if on_home or not response_url:
            user_id = str((body.get("user") or {}).get("id") or "")
            await publish_home(deps, client, interaction_team_id(body), user_id, note=reply.text)
        elif kind is not ButtonKind.RUN and body.get("message"):
            updated = answered(body["message"], kind, reply)
            await deps.answer(str(response_url), updated, replace_original=True)
        else:
            await deps.answer(str(response_url), render_reply(reply))

    async def on_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        deps.spawn(run_click(body, action, client), body, client)

    app.action(ACTION_ID_PATTERN)(on_button)
