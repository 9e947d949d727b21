"""A core `Reply` → the Bot Framework message activities Teams shows.

Usually one activity: a plain Markdown message for a one-line answer, an Adaptive Card for
anything with structure or buttons. A section holding a fenced code block (`export`'s JSON) is
sent after it as Markdown messages instead, split to fit Teams' message size: cards cannot show
code blocks, and an export must arrive whole rather than trimmed to fit a card.
"""

from __future__ import annotations

import base64
from dataclasses import replace

from botbuilder.schema import Activity, ActivityTypes, Attachment, TextFormatTypes

from bot.core.messages import ImageAttachment, Reply, Section
from bot.teams.cards import (
    CARD_CONTENT_TYPE,
    SettlesCard,
    adaptive_card,
    needs_card,
    plain_text,
)
from bot.teams.files import consent_card

SUMMARY_CHARS = 200
FENCE = "```"
# Teams refuses messages over about 28 KB; leave room for the activity around the text.
MAX_MESSAGE_BYTES = 20_000


def reply_activities(
    reply: Reply, settles: SettlesCard = None, *, file_command: str | None = None
) -> list[Activity]:
    """`file_command` (the command that made the reply) is given in a personal chat, where a file
    the reply carries is offered with a consent card; elsewhere its text follows as messages.
    A picture (the digest's chart) follows inline when it fits a message."""
    if reply.image is not None:
        image = image_activity(reply.image)
        rest = reply_activities(replace(reply, image=None), settles, file_command=file_command)
        return [*rest, image] if image is not None else rest
    if reply.attachment is not None:
        file = reply.attachment
        reply = replace(reply, attachment=None)
        if file_command is not None:
            return [*reply_activities(reply, settles), consent_card(file, file_command)]
        reply = replace(
            reply, sections=(*reply.sections, Section(text=f"{FENCE}\n{file.content}\n{FENCE}"))
        )
    code = [section for section in reply.sections if FENCE in section.text]
    if not code:
        return [reply_activity(reply, settles)]
    rest = replace(reply, sections=tuple(s for s in reply.sections if FENCE not in s.text))
    activities = [reply_activity(rest, settles)]
    for section in code:
        activities.extend(_markdown(chunk) for chunk in split_fenced(section.text))
    return activities


def image_activity(image: ImageAttachment) -> Activity | None:
    """The picture inline, as a data URI; None when it would not fit a Teams message (the reply's
    text carries the same figures)."""
    encoded = base64.b64encode(image.data).decode("ascii")
    if len(encoded) > MAX_MESSAGE_BYTES:
        return None
    return Activity(
        type=ActivityTypes.message,
        summary=image.alt_text[:SUMMARY_CHARS],
        attachments=[
            Attachment(
                content_type=image.mime_type,
                content_url=f"data:{image.mime_type};base64,{encoded}",
                name=image.filename,
            )
        ],
    )


def reply_activity(reply: Reply, settles: SettlesCard = None) -> Activity:
    if not needs_card(reply):
        # The core's markup (**bold**, `code`) is Teams message Markdown as it stands.
        return _markdown(reply.text)
    return _card_activity(reply, settles)


def settled_card(card_text: str, outcome: Reply) -> Activity:
    """What a card becomes once a button that settles it was clicked: its text, the outcome
    under it, and none of its own buttons (only the outcome's, if it has any)."""
    outcome_section = Section(text=outcome.text)
    return _card_activity(
        replace(outcome, text=card_text, sections=(outcome_section, *outcome.sections))
    )


def _card_activity(reply: Reply, settles: SettlesCard = None) -> Activity:
    first_line = next((line for line in reply.text.splitlines() if line.strip()), "")
    return Activity(
        type=ActivityTypes.message,
        # Shown in notifications and the chat list, where a card has no text of its own.
        summary=plain_text(first_line)[:SUMMARY_CHARS],
        attachments=[
            Attachment(content_type=CARD_CONTENT_TYPE, content=adaptive_card(reply, settles))
        ],
    )


def _markdown(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=text, text_format=TextFormatTypes.markdown)


def split_fenced(text: str, max_bytes: int = MAX_MESSAGE_BYTES) -> list[str]:
    """Split text holding ``` blocks into messages of at most `max_bytes`, each self-contained:
    a block cut in two is closed at the end of one message and reopened in the next."""
    budget = max_bytes - 2 * (len(FENCE) + 1)
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    in_code = False
    opened_with = FENCE

    def flush() -> None:
        nonlocal current, size
        if current:
            body = "\n".join(current)
            chunks.append(body + (f"\n{FENCE}" if in_code else ""))
        current = [opened_with] if in_code else []
        size = len(opened_with.encode()) + 1 if in_code else 0

    for line in text.split("\n"):
        for piece in _pieces(line, budget):
            cost = len(piece.encode()) + 1
            if size + cost > budget and current and current != [opened_with]:
                flush()
            current.append(piece)
            size += cost
        if line.strip().startswith(FENCE):
            in_code = not in_code
            if in_code:
                opened_with = line.strip()
    in_code = False
    flush()
    return [chunk for chunk in chunks if chunk.strip()]


def _pieces(line: str, budget: int) -> list[str]:
    if len(line.encode()) <= budget:
        return [line]
    pieces: list[str] = []
    while line:
        cut = budget // 4  # characters take at most four bytes in UTF-8
        pieces.append(line[:cut])
        line = line[cut:]
    return pieces
