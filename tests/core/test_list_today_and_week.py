""" "Who should I follow up with today?" gets today's (and the overdue), not everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.core.help import command_reply
from tests.core.test_service import Bot

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    bot = Bot(store, clock)  # the clock's Monday 2 March 2026
    bot.say("met Ama Boateng 5 days ago")  # due Friday 27 Feb: overdue
    bot.say("met Ben Ortiz")
    bot.say("follow-up ben today")
    bot.say("met Chloe Wu")  # due Thursday 5 March: this week
    bot.say("met Dev Patel")
    bot.say("follow-up dev in 8 days")  # Tuesday 10 March: next week
    return bot


def _listed(text: str, bot: Bot) -> set[str]:
    reply = bot.say(text)
    shown = " ".join(s.text for s in reply.sections)
    return {name for name in ("Ama", "Ben", "Chloe", "Dev") if name in shown}


@pytest.mark.parametrize(
    "line", ["who should i follow up with today", "list today", "what's due today?"]
)
def test_today_lists_what_is_due_today_and_overdue(bot: Bot, line: str) -> None:
    assert _listed(line, bot) == {"Ama", "Ben"}


@pytest.mark.parametrize("line", ["list week", "who do I need to follow up with this week?"])
def test_this_week_lists_what_is_due_by_sunday(bot: Bot, line: str) -> None:
    assert _listed(line, bot) == {"Ama", "Ben", "Chloe"}


def test_plain_list_still_lists_everything(bot: Bot) -> None:
    assert _listed("list", bot) == {"Ama", "Ben", "Chloe", "Dev"}


def test_nothing_due_today_says_so(store: SqlStore, clock: FakeClock) -> None:
    bot = Bot(store, clock)
    bot.say("met Eli")
    assert "Nothing due today" in bot.say("list today").text


def test_help_names_list_today_and_week() -> None:
    text = command_reply("list").text
    assert "list today" in text and "list week" in text
