"""What every command handler gets: who is asking, where, when, and the ports to act through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.core.messages import Action, Incoming, Reply
from bot.core.ports import Reviewer, Store
from storage.records import MemberRecord


@dataclass(frozen=True)
class Context:
    store: Store
    reviewer: Reviewer
    incoming: Incoming
    member: MemberRecord
    now: datetime  # aware UTC
    today: date  # the member's local calendar day
    # May see workspace-wide feedback figures (`NETCOACH_ADMINS`; the console's own member).
    is_admin: bool = False


def failure(message: str, topic: str | None = None) -> Reply:
    """A reply for input we could not act on: the message already says what to do next."""
    actions = (Action(f"help {topic}", f"help {topic}"),) if topic else ()
    return Reply(text=message, actions=actions)
