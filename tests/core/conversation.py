"""One member talking to the coach in a Slack DM, for the core's conversation tests."""

from __future__ import annotations

from bot.core.messages import Incoming, Reply
from bot.core.service import CoachService
from storage.store import SqlStore


def say(service: CoachService, line: str) -> Reply:
    return service.handle(Incoming("slack", "T1", "U1", "D1", line, is_direct_message=True))


def due_by_name(store: SqlStore) -> dict[str, str]:
    """The member's open follow-ups: contact name → due day (ISO), in the store's order."""
    member = store.get_or_create_member("slack", "T1", "U1")
    return {f.contact_name: f.due_on.isoformat() for f in store.open_follow_ups(member.id)}
