"""What channels hand to the core (`Incoming`) and what the core hands back (`Reply`).

Reply text uses a tiny, channel-neutral markup that each renderer translates:
`**bold**`, `` `code` ``, and lines starting with "• " for bullets.
Buttons are `Action`s whose `command` is ordinary command text ("done #12"): a click is
handled exactly as if the user had typed that command, so every channel gets working
buttons for free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from coach_rules.review import Review

Platform = Literal["slack", "teams", "console"]


@dataclass(frozen=True)
class Incoming:
    platform: Platform
    workspace_id: str
    user_id: str
    conversation_id: str
    text: str
    is_direct_message: bool = True
    user_display_name: str | None = None


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
class Reply:
    """Plain data. `text` alone must make sense (notifications, console, screen readers)."""

    text: str
    sections: tuple[Section, ...] = ()
    actions: tuple[Action, ...] = ()
    review: Review | None = None
    # Id of the stored draft review, so channels can attach feedback buttons to it.
    review_id: int | None = None
    # The reply asks a yes/no question: a "yes" typed next runs this command text (a "no" leaves
    # everything as it was). Channels need not render it.
    on_yes: str | None = None
