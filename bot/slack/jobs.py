"""The work behind each Slack request, done after the ack.

Each job takes the `SlackDeps` it runs with and the request body Slack sent (plain JSON data),
so a job can run in the server process or in the Slack worker process (`bot.slack.worker`)
alike. Listeners only store `(kind, body)` in the inbox and ack.

A job may run again after a crash: `deps.handle` runs the core once per inbox row and hands a
retry the reply it rendered the first time, so each job renders inside `handle` and only
delivers afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.core.messages import Reply
from bot.slack.blocks import (
    MESSAGE_MAX_BLOCKS,
    Block,
    RenderedMessage,
    fit_blocks,
    home_view,
    render_reply,
)
from bot.slack.client import post_message
from bot.slack.deps import SlackDeps
from bot.slack.files import send_file, send_file_to_member
from bot.slack.incoming import (
    from_direct_message,
    from_home_opened,
    from_interaction,
    from_slash_command,
    interaction_team_id,
)
from bot.slack.registry import ButtonKind, button_kind

log = logging.getLogger(__name__)

Body = dict[str, Any]
Job = Callable[[SlackDeps, Body], Awaitable[None]]

NO_TEXT = Reply(
    text="That message has no text I can review. Pick a message with words in it, or DM me a draft."
)


async def answer_command(deps: SlackDeps, body: Body) -> None:
    """`/network …`: the core's reply, ephemeral, through the command's response_url."""
    incoming = from_slash_command(body)
    message = await deps.handle(incoming)
    await deps.answer(str(body["response_url"]), message)
    if message.file is not None:
        client = await deps.clients.for_workspace(incoming.workspace_id)
        await send_file_to_member(client, deps.pacer, incoming.user_id, message.file)


async def answer_direct_message(deps: SlackDeps, body: Body) -> None:
    """A DM (a draft, or a command typed in DM), answered in the message's thread."""
    event = body["event"]
    team_id = str(body.get("team_id") or "")
    incoming = from_direct_message(event, team_id=team_id, bot_user_id=_bot_user_id(body))
    message = await deps.handle(incoming)
    client = await deps.clients.for_workspace(team_id)
    thread_ts = event.get("thread_ts") or event.get("ts")
    await post_message(
        client,
        deps.pacer,
        incoming.conversation_id,
        thread_ts=thread_ts,
        **message.as_kwargs(),
    )
    if message.file is not None:
        await send_file(
            client, deps.pacer, incoming.conversation_id, message.file, thread_ts=thread_ts
        )


def _bot_user_id(body: Body) -> str | None:
    """The app's own user in this workspace, from the event's authorizations (Events API)."""
    for authorization in body.get("authorizations") or []:
        if isinstance(authorization, dict) and authorization.get("is_bot"):
            return str(authorization.get("user_id") or "") or None
    return None


async def review_shortcut(deps: SlackDeps, body: Body) -> None:
    """The "Review draft" message shortcut: review any message, answer only the one who asked."""
    response_url = str(body["response_url"])
    draft = str((body.get("message") or {}).get("text") or "")
    if not draft.strip():
        await deps.answer(response_url, render_reply(NO_TEXT))
        return
    message = await deps.handle(from_interaction(body, f"review {draft}"))
    await deps.answer(response_url, message)


async def run_click(deps: SlackDeps, body: Body) -> None:
    """A button click: its value is command text, so a click runs exactly what typing would.

    Afterwards, by the button's kind: RUN answers with a new ephemeral message and leaves the
    message alone; REPLACE (nudges) and FEEDBACK (reviews) keep the message but swap the
    clicked buttons for the outcome, so a nudge cannot be marked done twice. A click on the
    Home tab republishes it with the outcome on top.
    """
    action = (body.get("actions") or [{}])[0]
    kind = button_kind(str(action.get("action_id") or "")) or ButtonKind.RUN
    response_url = body.get("response_url")
    on_home = (body.get("container") or {}).get("type") == "view" or not response_url
    swaps_buttons = kind is not ButtonKind.RUN and bool(body.get("message"))

    def render(reply: Reply) -> RenderedMessage:
        if on_home:
            return RenderedMessage(text=reply.text, blocks=[])  # a note on top of the Home tab
        if swaps_buttons:
            return answered(body["message"], kind, reply)
        return render_reply(reply)

    message = await deps.handle(from_interaction(body, str(action.get("value") or "")), render)
    if on_home:
        user_id = str((body.get("user") or {}).get("id") or "")
        await publish_home(deps, interaction_team_id(body), user_id, note=message.text)
    elif swaps_buttons:
        await deps.answer(str(response_url), message, replace_original=True)
    else:
        await deps.answer(str(response_url), message)


def answered(message: dict[str, Any], clicked: ButtonKind, outcome: Reply) -> RenderedMessage:
    """The message as it was, with the clicked kind's buttons swapped for the outcome."""
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


async def open_home(deps: SlackDeps, body: Body) -> None:
    """App Home opened: publish the overview (follow-ups overdue first, this week's stats)."""
    await publish_home(deps, str(body.get("team_id") or ""), str(body["event"]["user"]))


async def publish_home(
    deps: SlackDeps, team_id: str, user_id: str, note: str | None = None
) -> None:
    reply = await deps.home(from_home_opened({"user": user_id}, team_id))
    client = await deps.clients.for_workspace(team_id)
    await client.views_publish(user_id=user_id, view=home_view(reply, note=note))


async def forget_installation(deps: SlackDeps, body: Body) -> None:
    """`app_uninstalled` / `tokens_revoked` (bot tokens): forget the workspace's installation.

    In single-workspace mode there is no installation store: the token lives in the
    environment, so all we can do is log the event (by id) for the operator.
    """
    event = body["event"]
    team_id = str(body.get("team_id") or "")
    if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        # Only user tokens were revoked; we never asked for any, so the bot keeps working.
        log.info("user tokens revoked in team %s; no bot token affected", team_id)
        return
    store = deps.installation_store
    if store is None:
        log.warning(
            "%s in team %s: remove SLACK_BOT_TOKEN from this server's settings",
            event.get("type"),
            team_id,
        )
        return
    await store.async_delete_all(enterprise_id=body.get("enterprise_id") or None, team_id=team_id)
    log.info("%s: deleted the installation of team %s", event.get("type"), team_id)


JOBS: dict[str, Job] = {
    "command": answer_command,
    "direct_message": answer_direct_message,
    "review_shortcut": review_shortcut,
    "click": run_click,
    "home": open_home,
    "forget_installation": forget_installation,
}
