"""One member talking to the coach in a Slack DM, for the core's conversation tests."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core import commands as c
from bot.core.messages import Incoming, Reply
from bot.core.parser import parse_command
from bot.core.service import CoachService
from storage.store import SqlStore
from tests.conftest import FakeClock

WEDNESDAY = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # the phrasing files' today


def say(service: CoachService, line: str) -> Reply:
    return service.handle(Incoming("slack", "T1", "U1", "D1", line, is_direct_message=True))


def due_by_name(store: SqlStore) -> dict[str, str]:
    """The member's open follow-ups: contact name → due day (ISO), in the store's order."""
    member = store.get_or_create_member("slack", "T1", "U1")
    return {f.contact_name: f.due_on.isoformat() for f in store.open_follow_ups(member.id)}


def coach_on_wednesday(store: SqlStore, clock: FakeClock) -> CoachService:
    """The coach with the clock at `WEDNESDAY` and no reviewer (for command conversations)."""
    clock.set(WEDNESDAY)
    return CoachService(store, lambda draft: None, clock)  # type: ignore[arg-type, return-value]


def dm(line: str, known: tuple[str, ...] = ()) -> c.Parsed:
    """A line typed in a DM, read knowing the contacts `known`."""
    return parse_command(line, direct_message=True, known_names=known)


def names_met(result: c.Parsed) -> list[str]:
    """Everyone a `met` line logs, in order."""
    assert isinstance(result, c.MetCommand), result
    return [person.name for person in (result.person, *result.others)]


def card_text(service: CoachService, who: str) -> str:
    """`who <person>` as one string: the card's text and every field's value."""
    card = say(service, f"who {who}")
    return card.text + " ".join(f.value for section in card.sections for f in section.fields)
