"""A core `Reply` → the Bot Framework message activity Teams shows."""

from __future__ import annotations

from botbuilder.schema import Activity, ActivityTypes, Attachment, TextFormatTypes

from bot.core.messages import Reply
from bot.teams.cards import CARD_CONTENT_TYPE, adaptive_card, needs_card, plain_text

SUMMARY_CHARS = 200


def reply_activity(reply: Reply) -> Activity:
    if not needs_card(reply):
        # The core's markup (**bold**, `code`) is Teams message Markdown as it stands.
        return Activity(
            type=ActivityTypes.message, text=reply.text, text_format=TextFormatTypes.markdown
        )
    first_line = next((line for line in reply.text.splitlines() if line.strip()), "")
    return Activity(
        type=ActivityTypes.message,
        # Shown in notifications and the chat list, where a card has no text of its own.
        summary=plain_text(first_line)[:SUMMARY_CHARS],
        attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=adaptive_card(reply))],
    )
