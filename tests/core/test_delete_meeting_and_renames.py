"""Newcomer findings: a wrongly logged meeting deleted (and put back), a follow-up's note on the
card, old names that still find a renamed contact, and `undo` of a rename."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from bot.core.help import command_reply
from tests.core.test_service import Bot, commands

if TYPE_CHECKING:
    from storage.store import SqlStore
    from tests.conftest import FakeClock


@pytest.fixture
def bot(store: SqlStore, clock: FakeClock) -> Bot:
    return Bot(store, clock)


def _meetings(bot: Bot) -> list[tuple]:
    return bot.rows("SELECT place FROM meetings ORDER BY id")


# --- delete-meeting -------------------------------------------------------------------------


def test_delete_the_meeting_with_someone_asks_first_and_keeps_the_contact(bot: Bot) -> None:
    bot.say("met Tomasz Nowak at the Rust meetup")
    asked = bot.say("delete the meeting with tomasz")
    assert "Delete your meeting with **Tomasz Nowak** at the Rust meetup" in asked.text
    assert _meetings(bot) == [("the Rust meetup",)]  # nothing deleted before the yes
    assert any(c.endswith("confirm") for c in commands(asked))
    done = bot.say("yes")
    assert "Deleted your meeting with **Tomasz Nowak**" in done.text
    assert "stays in your contacts" in done.text
    assert _meetings(bot) == []
    assert bot.open() == []
    assert bot.rows("SELECT count(*) FROM nudges") == [(0,)]
    assert bot.rows("SELECT name FROM contacts") == [("Tomasz Nowak",)]


def test_i_didnt_meet_someone_removes_only_the_newest_meeting(bot: Bot) -> None:
    bot.say("met Ola at a dinner 20 days ago")
    bot.say("met Ola again at the office")
    asked = bot.say("i didn't meet ola, remove that")
    assert "at the office" in asked.text
    bot.say("yes")
    assert _meetings(bot) == [("a dinner",)]


def test_undo_puts_a_deleted_meeting_back_with_its_follow_up(bot: Bot) -> None:
    bot.say("met Tomasz Nowak at the Rust meetup - wants the slides")
    [before] = bot.open()
    bot.say("delete-meeting tomasz confirm")
    back = bot.say("undo")
    assert "Put back your meeting with **Tomasz Nowak** at the Rust meetup" in back.text
    assert _meetings(bot) == [("the Rust meetup",)]
    [after] = bot.open()
    assert (after.due_on, after.met_on) == (before.due_on, before.met_on)
    assert bot.rows("SELECT count(*) FROM nudges") != [(0,)]


def test_undo_long_after_a_deletion_puts_nothing_back(bot: Bot, clock: FakeClock) -> None:
    bot.say("met Tomasz at the Rust meetup")
    bot.say("delete-meeting tomasz confirm")
    clock.advance(timedelta(hours=2))
    assert "Put back" not in bot.say("undo").text
    assert _meetings(bot) == []


def test_delete_meeting_with_nobody_met_or_unknown_says_so(bot: Bot) -> None:
    assert "no contact called “Zed”" in bot.say("delete-meeting Zed").text
    bot.say("met Pia")
    bot.say("delete-meeting pia confirm")
    assert "no meeting with **Pia** logged" in bot.say("delete-meeting pia").text


def test_help_lists_delete_meeting() -> None:
    assert "undo" in command_reply("delete-meeting").text


# --- a follow-up's own note on the card ------------------------------------------------------


def test_the_card_shows_the_follow_ups_note_beside_it(bot: Bot) -> None:
    bot.say("met Rina at PyCon")
    bot.say("follow-up rina friday send her the hiring deck")
    card = bot.say("who rina").text
    line = next(line for line in card.splitlines() if "Follow-up #" in line)
    assert "note: send her the hiring deck" in line


# --- old names and undo of a rename ----------------------------------------------------------


def test_an_old_name_still_finds_a_renamed_contact(bot: Bot) -> None:
    bot.say("met Maria Santos at the conference")
    renamed = bot.say("rename maria to Maria Oliveira")
    assert "still finds them" in renamed.text
    done = bot.say("done maria santos")
    assert "Maria Santos (now Maria Oliveira)" in done.text
    assert "Maria Santos (now Maria Oliveira)" in bot.say("who maria santos").text


def test_undo_right_after_a_rename_puts_the_old_name_back(bot: Bot) -> None:
    bot.say("met Maria Santos at the conference")
    bot.say("rename maria santos to Maria Oliveira")
    undone = bot.say("undo")
    assert "called **Maria Santos** again" in undone.text
    assert bot.rows("SELECT name FROM contacts") == [("Maria Santos",)]


def test_undo_after_a_done_that_followed_a_rename_is_about_the_done(bot: Bot) -> None:
    bot.say("met Maria Santos at the conference")
    bot.say("rename maria santos to Maria Oliveira")
    bot.say("done maria")
    reply = bot.say("undo")
    assert reply.text.startswith("Reopened follow-up")  # the done is undone, not the rename
    assert "called **Maria Santos** again" not in reply.text
    assert bot.rows("SELECT name FROM contacts") == [("Maria Oliveira",)]


def test_a_taglish_meeting_line_is_no_delete_meeting() -> None:
    """ "Na-meet ko si …" (Taglish for "I met …") was read as a slip of a `delete-meeting`
    alias and offered to delete a meeting."""
    from bot.core import commands as core_commands
    from bot.core.parser import parse_command

    line = "Na-meet ko si Miguel Santos kanina sa Manila Tech Summit"
    assert not isinstance(
        parse_command(line, direct_message=True), core_commands.DeleteMeetingCommand
    )
