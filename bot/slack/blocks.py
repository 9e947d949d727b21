"""Render a core `Reply` as Block Kit, within Block Kit's limits.

Limits (Slack reference, "Block Kit → Blocks / Block elements"): a message holds at most 50
blocks, a Home tab view 100; section text ≤ 3000 characters; at most 10 fields of ≤ 2000
characters; an actions block ≤ 25 elements; button text ≤ 75 characters; button value ≤ 2000
characters. Long text is split over several sections rather than lost; what still does not
fit is cut with a visible note, never sent as an invalid payload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.core.messages import Action, Field, FileAttachment, Reply, Section
from bot.slack.mrkdwn import split_for_limit, to_mrkdwn, to_plain, truncate
from bot.slack.registry import ButtonKind, action_id

log = logging.getLogger(__name__)

MESSAGE_MAX_BLOCKS = 50
HOME_MAX_BLOCKS = 100
SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
FIELDS_PER_SECTION = 10
BUTTONS_PER_ACTIONS_BLOCK = 25
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
# chat.postMessage accepts far more, but the notification text only needs the gist.
FALLBACK_TEXT_MAX = 3000

Block = dict[str, Any]


@dataclass(frozen=True)
class RenderedMessage:
    text: str
    blocks: list[Block]
    # A file the reply carries (`export`): sent after the message, never inside it.
    file: FileAttachment | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def render_reply(
    reply: Reply,
    *,
    button_kind: ButtonKind | Callable[[Action], ButtonKind] = ButtonKind.RUN,
    max_blocks: int = MESSAGE_MAX_BLOCKS,
) -> RenderedMessage:
    """Reply → (fallback text, blocks).

    Buttons get `button_kind` (a kind, or a function choosing one per action), except a
    review's own feedback buttons, which are always FEEDBACK (added here when the core did not
    offer them).
    """
    reply = with_feedback_actions(reply)
    kind_of = _kinds(reply, button_kind)
    content: list[Block] = list(text_sections(reply.text))
    for section in reply.sections:
        content.extend(section_blocks(section, kind_of))
    trailing = actions_blocks(reply.actions, kind_of)
    blocks = fit_blocks(content, trailing, max_blocks)
    return RenderedMessage(text=fallback_text(reply.text), blocks=blocks, file=reply.attachment)


def feedback_commands(review_id: int) -> tuple[str, str]:
    """The exact command texts the review feedback buttons send (core grammar: `feedback`)."""
    return (f"feedback {review_id} helpful", f"feedback {review_id} wrong-flag")


def with_feedback_actions(reply: Reply) -> Reply:
    if reply.review_id is None:
        return reply
    helpful, wrong = feedback_commands(reply.review_id)
    offered = {a.command for a in reply.actions} | {
        a.command for s in reply.sections for a in s.actions
    }
    if helpful in offered or wrong in offered:
        return reply
    extra = (Action("Helpful", helpful, "primary"), Action("Wrong flag", wrong))
    return replace(reply, actions=(*reply.actions, *extra))


def _kinds(
    reply: Reply, default: ButtonKind | Callable[[Action], ButtonKind]
) -> Callable[[Action], ButtonKind]:
    feedback = set(feedback_commands(reply.review_id)) if reply.review_id is not None else set()

    def kind_of(action: Action) -> ButtonKind:
        if action.command in feedback:
            return ButtonKind.FEEDBACK
        return default(action) if callable(default) else default

    return kind_of


def fallback_text(text: str) -> str:
    """Top-level `text`: shown in notifications and read by screen readers."""
    return truncate(to_plain(text).strip() or "Network Coach", FALLBACK_TEXT_MAX)


def text_sections(text: str) -> Iterable[Block]:
    if not text.strip():
        return
    for chunk in split_for_limit(to_mrkdwn(text), SECTION_TEXT_MAX):
        if chunk.strip():
            yield mrkdwn_section(chunk)


def mrkdwn_section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_TEXT_MAX)}}


def section_blocks(section: Section, kind: Callable[[Action], ButtonKind]) -> list[Block]:
    blocks: list[Block] = list(text_sections(section.text))
    for start in range(0, len(section.fields), FIELDS_PER_SECTION):
        chunk = section.fields[start : start + FIELDS_PER_SECTION]
        blocks.append({"type": "section", "fields": [field_object(f) for f in chunk]})
    blocks.extend(actions_blocks(section.actions, kind))
    return blocks


def field_object(item: Field) -> dict[str, str]:
    text = f"*{to_mrkdwn(item.label)}*\n{to_mrkdwn(item.value)}"
    return {"type": "mrkdwn", "text": truncate(text, FIELD_TEXT_MAX)}


def actions_blocks(actions: Sequence[Action], kind: Callable[[Action], ButtonKind]) -> list[Block]:
    buttons = [b for b in (button(a, kind(a), i) for i, a in enumerate(actions)) if b is not None]
    return [
        {"type": "actions", "elements": buttons[start : start + BUTTONS_PER_ACTIONS_BLOCK]}
        for start in range(0, len(buttons), BUTTONS_PER_ACTIONS_BLOCK)
    ]


def button(action: Action, kind: ButtonKind, index: int) -> Block | None:
    if not action.command.strip() or len(action.command) > BUTTON_VALUE_MAX:
        # A truncated command would do something else than the label promises: leave it out.
        log.warning(
            "button dropped: command length %d is outside 1..%d",
            len(action.command),
            BUTTON_VALUE_MAX,
        )
        return None
    element: Block = {
        "type": "button",
        "text": {
            "type": "plain_text",
            "text": truncate(
                to_plain(action.label).strip() or action.command.strip(), BUTTON_TEXT_MAX
            ),
            "emoji": True,
        },
        "action_id": action_id(kind, index),
        "value": action.command,
    }
    if action.style is not None:
        element["style"] = action.style
    return element


def context_block(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(text, 3000)}]}


def fit_blocks(content: list[Block], trailing: list[Block], max_blocks: int) -> list[Block]:
    """Keep the buttons; cut content from the end and say so when there is too much."""
    trailing = trailing[: max_blocks - 2] if len(trailing) > max_blocks - 2 else trailing
    if len(content) + len(trailing) <= max_blocks:
        return content + trailing
    room = max_blocks - len(trailing) - 1
    hidden = len(content) - room
    note = context_block(
        f"_{hidden} more part(s) did not fit here; ask again with a narrower command._"
    )
    return [*content[:room], note, *trailing]


def home_view(reply: Reply, note: str | None = None) -> dict[str, Any]:
    """A Home tab view; `note` (the outcome of a button clicked there) goes on top."""
    top = [context_block(to_mrkdwn(note))] if note else []
    rendered = render_reply(reply, max_blocks=HOME_MAX_BLOCKS - len(top))
    blocks = rendered.blocks or [mrkdwn_section("Network Coach")]
    return {"type": "home", "blocks": [*top, *blocks]}
