"""What channels hand to the core (`Incoming`) and what the core hands back (`Reply`).

Reply text uses a tiny, channel-neutral markup that each renderer translates:
`**bold**`, `` `code` ``, lines starting with "• " for bullets, and `@[Jane Doe](U123)` for a
mention of a platform user (Slack renders it `<@U123>`, Teams and the console "@Jane Doe").
Buttons are `Action`s whose `command` is ordinary command text ("done #12"): a click is
handled exactly as if the user had typed that command, so every channel gets working
buttons for free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from coach_rules.review import Review

Platform = Literal["slack", "teams", "console"]


@dataclass(frozen=True)
class Mention:
    """A platform user named in a message; the text itself says "@name"."""

    user_id: str
    name: str


# The neutral mention markup in reply text and button commands.
MENTION_MARKUP = re.compile(
    r"@\[(?P<name>[^\]\n]{1,200})\]\((?P<user_id>[A-Za-z0-9._:@-]{1,128})\)"
)


def mention_markup(user_id: str, name: str) -> str:
    readable = " ".join(name.replace("[", "(").replace("]", ")").split()) or user_id
    return f"@[{readable}]({user_id})"


def retyped(incoming: Incoming) -> str:
    """The member's text as a button can send it again: mentions keep their user ids."""
    text = " ".join(incoming.text.split())
    for mention in incoming.mentions:
        text = text.replace(f"@{mention.name}", mention_markup(mention.user_id, mention.name), 1)
    return text


def plain_mentions(text: str) -> str:
    """Mentions as "@name", for channels that cannot ping a user from text."""
    return MENTION_MARKUP.sub(lambda m: f"@{m.group('name')}", text)


@dataclass(frozen=True)
class Incoming:
    platform: Platform
    workspace_id: str
    user_id: str
    conversation_id: str
    text: str
    is_direct_message: bool = True
    user_display_name: str | None = None
    # Users the text names as "@name", with their platform ids (decoded by the channel).
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Action:
    label: str
    command: str
    style: Literal["primary", "danger"] | None = None


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    text: str
    fields: tuple[Field, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class FileAttachment:
    """A file that goes with a reply (`export`'s JSON): Slack uploads it, Teams offers it with a
    file card, the console saves it and prints the path."""

    filename: str
    content: str
    mime_type: str = "application/json"


@dataclass(frozen=True)
class ImageAttachment:
    """A picture that goes with a reply (the digest's chart). The reply's text already says what
    it shows, so a channel that cannot post images loses nothing by leaving it out."""

    filename: str
    data: bytes
    alt_text: str
    mime_type: str = "image/png"


@dataclass(frozen=True)
class Reply:
    """Plain data. `text` alone must make sense (notifications, console, screen readers)."""

    text: str
    sections: tuple[Section, ...] = ()
    actions: tuple[Action, ...] = ()
    review: Review | None = None
    # Id of the stored draft review, so channels can attach feedback buttons to it.
    review_id: int | None = None
    attachment: FileAttachment | None = None
    image: ImageAttachment | None = None
    # The reply asks a yes/no question: a "yes" typed next runs this command text (a "no" leaves
    # everything as it was). Channels need not render it.
    on_yes: str | None = None
    # The one contact the reply is about: "her", "him" or "that" in the next message mean them.
    about_contact_id: int | None = None
    # A "Which one?" question: each choice's words (name, where and when met) and the command
    # it runs, so a typed answer ("Kemi Ade", "the MTN one", "2") picks one as a tap would.
    choices: tuple[tuple[str, str], ...] = ()


def about(
    contact_id: int, text: str, actions: tuple[Action, ...] = (), on_yes: str | None = None
) -> Reply:
    """A reply about one contact: "her" or "that" in the member's next message means them."""
    return Reply(text=text, actions=actions, on_yes=on_yes, about_contact_id=contact_id)


def sentence(text: str) -> str:
    """`text` ending as a sentence, so a reply that goes on after it does not run into it."""
    text = text.rstrip()
    return text if not text or text[-1] in '.!?…:)"”’' else f"{text}."
