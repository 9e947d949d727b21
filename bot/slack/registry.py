"""Every Slack entry point the code handles, in one place.

The listeners register themselves from these names, and `tests/slack/test_manifest.py` checks
them against `manifest.yml` both ways, so the manifest and the code cannot drift apart.
"""

from __future__ import annotations

import re
from enum import StrEnum

SLASH_COMMAND = "/network"

# Events API subscriptions as the manifest names them → the event type the code listens for.
BOT_EVENTS: dict[str, str] = {
    "message.im": "message",
    "app_home_opened": "app_home_opened",
    "app_uninstalled": "app_uninstalled",
    "tokens_revoked": "tokens_revoked",
}

# Message shortcuts (callback ids).
REVIEW_DRAFT_SHORTCUT = "review_draft"
MESSAGE_SHORTCUTS: tuple[str, ...] = (REVIEW_DRAFT_SHORTCUT,)


class ButtonKind(StrEnum):
    """What a click does after running the button's command. The kind is the action_id prefix."""

    # Answer with a new ephemeral message; the message with the button stays as it was.
    RUN = "netcoach_run"
    # Replace the message the button sits on with the outcome (nudges: no second click).
    REPLACE = "netcoach_replace"
    # Store feedback on a draft review, then mark the review message as answered.
    FEEDBACK = "netcoach_feedback"


def action_id(kind: ButtonKind, index: int) -> str:
    # Slack wants action ids unique within a block; the index keeps them so.
    return f"{kind.value}:{index}"


ACTION_ID_PATTERN = re.compile(r"^(netcoach_run|netcoach_replace|netcoach_feedback):\d+$")


def button_kind(action_id_value: str) -> ButtonKind | None:
    match = ACTION_ID_PATTERN.match(action_id_value)
    return ButtonKind(match.group(1)) if match else None


# Bot scopes, the fewest that cover the features (the manifest must list exactly these):
# commands (/network and the message shortcut), chat:write (replies, nudges, digests),
# chat:write.public (digests in public channels the bot was not invited to),
# im:history (message.im events: drafts sent in DM), im:write (conversations.open for nudges),
# files:write (`export` uploads its JSON file into the member's DM).
BOT_SCOPES: tuple[str, ...] = (
    "commands",
    "chat:write",
    "chat:write.public",
    "im:history",
    "im:write",
    "files:write",
)
