"""Render a core `Reply` as an Adaptive Card (schema 1.5, as Teams renders it). Plain dicts only.

The core's markup maps onto the Markdown subset Adaptive Cards support in `TextBlock`: `**bold**`
is kept, `` `code` `` loses its backticks (cards have no inline code), and "• " lines become a
Markdown list. Every `Action` becomes an `Action.Submit` whose data carries the command text, so
a click reaches the bot as a message whose `value` holds the command: the same as typing it.
A button that settles its card (a nudge's Done) also carries the card's text, so the bot can
replace the card with that text and the outcome: the button cannot be clicked twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bot.core.messages import Action, Reply, Section, plain_mentions

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
SUBMIT_MARKER = "netcoach"  # data[SUBMIT_MARKER] == "command" marks our own buttons
REPLACES_KEY = "replaces"  # data[REPLACES_KEY]: the text of the card the click replaces

# Teams refuses bot messages over about 28 KB; stay well under it with room for the envelope.
MAX_CARD_BYTES = 24_000
MAX_TEXT_CHARS = 3_000
BULLET = "• "

Json = dict[str, Any]
# Which of a reply's buttons settle its card (None: none of them do).
SettlesCard = Callable[[Action], bool] | None

_CODE = re.compile(r"`([^`\n]*)`")


def card_markdown(text: str) -> str:
    """Neutral markup → Adaptive Card Markdown for one block of lines."""
    text = _CODE.sub(r"\1", plain_mentions(text))
    if len(text) > MAX_TEXT_CHARS:
        text = text[: MAX_TEXT_CHARS - 1].rstrip() + "…"
    return text


def text_blocks(text: str, **style: Any) -> list[Json]:
    """One TextBlock per paragraph line; runs of "• " lines become one Markdown list.

    Separate blocks render the same on desktop and mobile, where newlines inside one TextBlock
    do not (lists are the exception: Teams documents "\\r" between list items).
    """
    blocks: list[Json] = []
    for group in _line_groups(text):
        if group[0].startswith(BULLET):
            bodies = _list_bodies(["- " + line[len(BULLET) :].strip() for line in group])
        else:
            bodies = [group[0]]
        for body in bodies:
            blocks.append({"type": "TextBlock", "text": card_markdown(body), "wrap": True, **style})
    return blocks


def _list_bodies(items: list[str]) -> list[str]:
    """A list's items in as few TextBlocks as fit MAX_TEXT_CHARS each (a long list, such as
    the help overview, is never cut short)."""
    bodies: list[str] = []
    current: list[str] = []
    for item in items:
        if current and len("\r".join([*current, item])) > MAX_TEXT_CHARS:
            bodies.append("\r".join(current))
            current = []
        current.append(item)
    if current:
        bodies.append("\r".join(current))
    return bodies


def _line_groups(text: str) -> Iterator[list[str]]:
    bullets: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith(BULLET):
            bullets.append(line)
            continue
        if bullets:
            yield bullets
            bullets = []
        if line.strip():
            yield [line]
    if bullets:
        yield bullets


def submit_action(action: Action, replaces: str | None = None) -> Json:
    data: Json = {SUBMIT_MARKER: "command", "command": action.command}
    if replaces is not None:
        data[REPLACES_KEY] = replaces
    element: Json = {"type": "Action.Submit", "title": action.label, "data": data}
    if action.style == "primary":
        element["style"] = "positive"
    elif action.style == "danger":
        element["style"] = "destructive"
    return element


def command_from_submit(value: object) -> str | None:
    """The command a card button carried, or None when `value` is not one of our submits."""
    if not isinstance(value, dict) or value.get(SUBMIT_MARKER) != "command":
        return None
    command = value.get("command")
    if not isinstance(command, str) or not command.strip():
        return None
    return command.strip()


def replaced_card_text(value: object) -> str | None:
    """The text of the card a settling button sat on, or None for any other click or message."""
    if command_from_submit(value) is None:
        return None
    text = value.get(REPLACES_KEY)  # type: ignore[union-attr]
    if not isinstance(text, str) or not text.strip():
        return None
    return text[:MAX_TEXT_CHARS]


def action_set(actions: Iterable[Action]) -> Json | None:
    elements = [submit_action(action) for action in actions]
    return {"type": "ActionSet", "actions": elements} if elements else None


def section_container(section: Section) -> Json:
    items: list[Json] = text_blocks(section.text)
    if section.fields:
        items.append(
            {
                "type": "FactSet",
                "facts": [
                    {"title": card_markdown(f.label), "value": card_markdown(f.value)}
                    for f in section.fields
                ],
            }
        )
    actions = action_set(section.actions)
    if actions:
        items.append(actions)
    return {"type": "Container", "separator": True, "spacing": "Medium", "items": items}


def plain_text(text: str) -> str:
    """Neutral markup without any markup: for `fallbackText`, summaries and notifications."""
    return _CODE.sub(r"\1", plain_mentions(text)).replace("**", "")


def needs_card(reply: Reply) -> bool:
    """A one-line answer reads better as a plain message; anything with structure gets a card."""
    if reply.review is not None or reply.sections or reply.actions:
        return True
    return len([line for line in reply.text.splitlines() if line.strip()]) > 1


def adaptive_card(reply: Reply, settles: SettlesCard = None) -> Json:
    """The whole card for `reply`, trimmed to fit in one Teams message."""
    from bot.teams.review_card import review_body  # local: the review layout builds on this module

    if reply.review is not None:
        # The review layout places the core's sections itself (breakdown behind a toggle).
        body, sections = review_body(reply), []
    else:
        body = text_blocks(reply.text)
        sections = [section_container(section) for section in reply.sections]
    actions = [
        submit_action(action, reply.text if settles and settles(action) else None)
        for action in reply.actions
    ]
    card = _card(body + sections, actions, reply.text)
    return _fit(card, body, sections, actions, reply.text)


def _card(body: list[Json], actions: list[Json], text: str) -> Json:
    card: Json = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "fallbackText": card_markdown(plain_text(text)),
        "msteams": {"width": "Full"},
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def card_size(card: Json) -> int:
    return len(json.dumps(card, ensure_ascii=False).encode("utf-8"))


def _fit(
    card: Json, body: list[Json], sections: list[Json], actions: list[Json], text: str
) -> Json:
    """Drop trailing sections (saying how many) until the card fits in a Teams message."""
    if card_size(card) <= MAX_CARD_BYTES:
        return card
    kept = list(sections)
    while kept:
        kept.pop()
        hidden = len(sections) - len(kept)
        note = {
            "type": "TextBlock",
            "text": f"…and {hidden} more not shown here.",
            "wrap": True,
            "isSubtle": True,
        }
        candidate = _card(body + kept + [note], actions, text)
        if card_size(candidate) <= MAX_CARD_BYTES:
            return candidate
    # The body alone is too big (a very long text): keep its opening.
    short = text_blocks(plain_text(text)[: MAX_CARD_BYTES // 4])
    return _card(short, actions, text)
