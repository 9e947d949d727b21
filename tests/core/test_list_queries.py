"""`list all` reads the member's follow-ups in a fixed number of queries, however many contacts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import event

from tests.core.test_service import Bot

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@contextmanager
def _statements(bot: Bot) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        seen.append(statement)

    event.listen(bot.store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(bot.store.engine, "before_cursor_execute", count)


def _list_all_statements(bot: Bot) -> list[str]:
    with _statements(bot) as seen:
        reply = bot.say("list all")
    assert "closed" in reply.text
    return seen


def _meet_and_finish(bot: Bot, name: str) -> None:
    bot.say(f"met {name}")
    bot.say(f"done {name}")  # closes the first touch, opens the second


def test_list_all_makes_the_same_number_of_queries_for_two_or_eight_contacts(
    store: SqlStore, clock: FakeClock
) -> None:
    bot = Bot(store, clock)
    for name in ("Ada Quinn", "Bea Ross"):
        _meet_and_finish(bot, name)
    with_two = _list_all_statements(bot)
    for name in ("Cy Tan", "Di Uhl", "Ed Vo", "Flo Wu", "Gus Xi", "Hal Yu"):
        _meet_and_finish(bot, name)
    with_eight = _list_all_statements(bot)
    assert len(with_eight) == len(with_two)
    # The open follow-ups and the closed ones: one query each, contacts joined in.
    assert sum("FROM follow_ups" in statement for statement in with_eight) == 2
